//! CSV and TSV as people receive them: exported by Excel in Italy (`;`, Windows-1252), by Google
//! and Outlook (UTF-8 or UTF-16 with a BOM), by event platforms, or typed on an old Mac (CR line
//! ends). The encoding and separator are detected and reported, and either can be overridden.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};
use serde::{Deserialize, Serialize};

use super::RawRow;
use crate::error::ImportProblem;

/// How the bytes of a text file were (or are to be) decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum TextEncoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    /// Also what files labelled Latin-1 really are.
    Windows1252,
}

impl TextEncoding {
    fn encoding(self) -> &'static Encoding {
        match self {
            TextEncoding::Utf8 | TextEncoding::Utf8Bom => UTF_8,
            TextEncoding::Utf16Le => UTF_16LE,
            TextEncoding::Utf16Be => UTF_16BE,
            TextEncoding::Windows1252 => WINDOWS_1252,
        }
    }
}

/// BOM first, then valid UTF-8, else Windows-1252 (which decodes any byte).
pub fn detect_encoding(bytes: &[u8]) -> TextEncoding {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        TextEncoding::Utf8Bom
    } else if bytes.starts_with(&[0xFF, 0xFE]) {
        TextEncoding::Utf16Le
    } else if bytes.starts_with(&[0xFE, 0xFF]) {
        TextEncoding::Utf16Be
    } else if std::str::from_utf8(bytes).is_ok() {
        TextEncoding::Utf8
    } else {
        TextEncoding::Windows1252
    }
}

/// Decodes the whole file; a BOM, if present, is dropped whatever the chosen encoding.
pub fn decode(bytes: &[u8], encoding: TextEncoding) -> String {
    let (text, _, _) = encoding.encoding().decode(bytes);
    let text = text.strip_prefix('\u{FEFF}').map(str::to_owned).unwrap_or_else(|| text.into_owned());
    text
}

/// The separator that splits the first lines into the most, equally many, fields. Quoted text
/// is skipped so a comma inside `"Rossi, Mario"` does not vote.
pub fn detect_separator(text: &str) -> u8 {
    let sample: Vec<&str> = text.split(['\n', '\r']).filter(|l| !l.trim().is_empty()).take(20).collect();
    let mut best = (b',', 0usize);
    for sep in [b',', b';', b'\t', b'|'] {
        let counts: Vec<usize> = sample.iter().map(|line| count_outside_quotes(line, sep as char)).collect();
        let Some(&first) = counts.first() else { continue };
        // Lines agreeing with the header count more than a high count on one line.
        let agreeing = counts.iter().filter(|&&c| c == first).count();
        let score = if first == 0 { 0 } else { first * 10 + agreeing };
        if score > best.1 {
            best = (sep, score);
        }
    }
    best.0
}

fn count_outside_quotes(line: &str, sep: char) -> usize {
    let mut quoted = false;
    line.chars()
        .filter(|&c| {
            if c == '"' {
                quoted = !quoted;
            }
            c == sep && !quoted
        })
        .count()
}

/// Parses decoded text into rows. A NUL character means a binary or broken file: refused with
/// its line, before anything is stored.
pub fn parse(text: &str, separator: u8, max_rows: usize) -> Result<Vec<RawRow>, (Option<usize>, ImportProblem)> {
    if let Some(at) = text.find('\0') {
        let line = text[..at].matches(['\n']).count() + 1;
        return Err((Some(line), ImportProblem::NulByte));
    }
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(separator)
        .has_headers(false)
        .flexible(true)
        // CRLF mode accepts CR, LF and CRLF alike, so classic Mac files split into lines too.
        .terminator(::csv::Terminator::CRLF)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut record = ::csv::StringRecord::new();
    loop {
        let line = reader.position().line() as usize;
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(_) => return Err((Some(line), ImportProblem::Unreadable)),
        }
        if rows.len() >= max_rows {
            return Err((Some(line), ImportProblem::TooManyRows));
        }
        rows.push(RawRow { number: line, cells: record.iter().map(str::to_owned).collect() });
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(text: &str, sep: u8) -> Vec<Vec<String>> {
        parse(text, sep, 100).unwrap().into_iter().map(|r| r.cells).collect()
    }

    #[test]
    fn encodings_are_detected_from_the_bom_then_utf8_validity() {
        let cases: &[(&[u8], TextEncoding)] = &[
            (b"\xEF\xBB\xBFNome", TextEncoding::Utf8Bom),
            (b"\xFF\xFEN\0", TextEncoding::Utf16Le),
            (b"\xFE\xFF\0N", TextEncoding::Utf16Be),
            ("Città".as_bytes(), TextEncoding::Utf8),
            (b"Citt\xE0", TextEncoding::Windows1252),
            (b"\x93quoted\x94", TextEncoding::Windows1252),
        ];
        for (bytes, expected) in cases {
            assert_eq!(detect_encoding(bytes), *expected, "{bytes:?}");
        }
    }

    #[test]
    fn every_encoding_decodes_to_the_same_text() {
        let text = "Nome;Città\nNicolò;Forlì €\n";
        let utf16le: Vec<u8> = [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let utf16be: Vec<u8> = [0xFE, 0xFF].into_iter().chain(text.encode_utf16().flat_map(u16::to_be_bytes)).collect();
        let (cp1252, _, _) = WINDOWS_1252.encode(text);
        let bom: Vec<u8> = [0xEF, 0xBB, 0xBF].into_iter().chain(text.bytes()).collect();
        for bytes in [text.as_bytes().to_vec(), bom, utf16le, utf16be, cp1252.into_owned()] {
            assert_eq!(decode(&bytes, detect_encoding(&bytes)), text);
        }
    }

    #[test]
    fn the_separator_is_the_one_that_splits_lines_evenly() {
        assert_eq!(detect_separator("a,b,c\n1,2,3"), b',');
        assert_eq!(detect_separator("Nome;Cognome;Azienda\n\"Rossi, M\";x;y"), b';');
        assert_eq!(detect_separator("a\tb\n1\t2"), b'\t');
        assert_eq!(detect_separator("Cognome;Importo\nRossi;1,5\nBianchi;2,5"), b';');
    }

    #[test]
    fn line_endings_of_every_platform_split_rows_and_quoted_newlines_stay() {
        for text in ["a,b\n1,2\n", "a,b\r\n1,2\r\n", "a,b\r1,2\r"] {
            assert_eq!(cells(text, b','), vec![vec!["a", "b"], vec!["1", "2"]], "{text:?}");
        }
        assert_eq!(cells("a,b\n\"two\nlines\",x\n", b',')[1], vec!["two\nlines", "x"]);
        assert_eq!(cells("a\n\"say \"\"hi\"\"\"\n", b',')[1], vec!["say \"hi\""]);
    }

    #[test]
    fn row_numbers_are_file_lines_even_after_a_quoted_newline() {
        let rows = parse("a,b\n\"x\ny\",1\nz,2\n", b',', 10).unwrap();
        assert_eq!(rows.iter().map(|r| r.number).collect::<Vec<_>>(), vec![1, 2, 4]);
    }

    #[test]
    fn a_nul_byte_is_refused_with_its_line() {
        assert_eq!(parse("a,b\n1,2\nx\0y,3\n", b',', 10).err(), Some((Some(3), ImportProblem::NulByte)));
    }

    #[test]
    fn too_many_rows_are_refused() {
        assert_eq!(parse("a\n1\n2\n3\n", b',', 2).err().map(|e| e.1), Some(ImportProblem::TooManyRows));
    }
}
