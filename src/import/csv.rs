//! CSV and TSV as people receive them: exported by Excel in Italy (`;`, Windows-1252), by Google
//! and Outlook (UTF-8 or UTF-16 with a BOM), by event platforms, or typed on an old Mac (CR line
//! ends). The encoding and separator are detected and reported, and either can be overridden.

use std::io::Read;

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
    parse_from(text.as_bytes(), separator, max_rows)
}

/// Parses UTF-8 into rows as it is read: from a [`Decoding`] reader, the file is never held
/// whole. Only the rows are kept.
pub fn parse_from(input: impl Read, separator: u8, max_rows: usize) -> Result<Vec<RawRow>, (Option<usize>, ImportProblem)> {
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(separator)
        .has_headers(false)
        .flexible(true)
        .buffer_capacity(256 * 1024)
        // CRLF mode accepts CR, LF and CRLF alike, so classic Mac files split into lines too.
        .terminator(::csv::Terminator::CRLF)
        .from_reader(input);
    let mut rows = Vec::new();
    let mut record = ::csv::StringRecord::new();
    loop {
        let line = reader.position().line() as usize;
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => return Err(read_error(&e, line)),
        }
        if rows.len() >= max_rows {
            return Err((Some(line), ImportProblem::TooManyRows));
        }
        rows.push(RawRow { number: line, cells: record.iter().collect() });
    }
    Ok(rows)
}

fn read_error(e: &::csv::Error, line: usize) -> (Option<usize>, ImportProblem) {
    if let ::csv::ErrorKind::Io(io) = e.kind() {
        if let Some(NulByte(at)) = io.get_ref().and_then(|inner| inner.downcast_ref::<NulByte>()) {
            return (Some(*at), ImportProblem::NulByte);
        }
    }
    (Some(line), ImportProblem::Unreadable)
}

/// [`detect_encoding`] over a file read in chunks, never whole: the BOM from its first bytes,
/// else whether every chunk continues valid UTF-8.
pub fn detect_encoding_of(mut file: impl Read) -> std::io::Result<TextEncoding> {
    let mut buf = vec![0u8; 1 << 20];
    let mut carried = 0;
    let mut first = true;
    loop {
        let n = file.read(&mut buf[carried..])?;
        let filled = carried + n;
        if first {
            if filled < 3 && n > 0 {
                carried = filled;
                continue;
            }
            first = false;
            let by_bom = detect_encoding(&buf[..filled.min(3)]);
            if !matches!(by_bom, TextEncoding::Utf8 | TextEncoding::Windows1252) {
                return Ok(by_bom);
            }
        }
        if n == 0 {
            // What is left is short of 4 bytes: valid, or a sequence cut short by the end.
            return Ok(if std::str::from_utf8(&buf[..filled]).is_ok() { TextEncoding::Utf8 } else { TextEncoding::Windows1252 });
        }
        match std::str::from_utf8(&buf[..filled]) {
            Ok(_) => carried = 0,
            // Only the last character is incomplete: it may end in the next chunk.
            Err(e) if e.error_len().is_none() => {
                let from = e.valid_up_to();
                buf.copy_within(from..filled, 0);
                carried = filled - from;
            }
            Err(_) => return Ok(TextEncoding::Windows1252),
        }
    }
}

/// Decodes a file as it is read, into UTF-8 for the CSV reader: the file is never held whole,
/// nor its text. A BOM is dropped as in [`decode`]. A NUL character stops reading with the line
/// it is on ([`NulByte`]).
pub struct Decoding<R> {
    inner: R,
    decoder: encoding_rs::Decoder,
    input: Vec<u8>,
    output: Vec<u8>,
    at: usize,
    /// Lines before the current output, for the line of a NUL.
    lines: usize,
    started: bool,
    done: bool,
}

/// The error a [`Decoding`] reader gives for a NUL character: its line, 1-based.
#[derive(Debug)]
pub struct NulByte(pub usize);

impl std::fmt::Display for NulByte {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "NUL character on line {}", self.0)
    }
}

impl std::error::Error for NulByte {}

impl<R: Read> Decoding<R> {
    pub fn new(inner: R, encoding: TextEncoding) -> Self {
        Decoding {
            inner,
            decoder: encoding.encoding().new_decoder(),
            input: vec![0; 64 * 1024],
            output: Vec::new(),
            at: 0,
            lines: 0,
            started: false,
            done: false,
        }
    }

    fn fill(&mut self) -> std::io::Result<()> {
        let n = self.inner.read(&mut self.input)?;
        let last = n == 0;
        let room = self.decoder.max_utf8_buffer_length(n).unwrap_or(n * 3 + 16);
        self.output.resize(room, 0);
        let (_, _, written, _) = self.decoder.decode_to_utf8(&self.input[..n], &mut self.output, last);
        self.output.truncate(written);
        self.at = 0;
        self.done = last;
        if !self.started && !self.output.is_empty() {
            self.started = true;
            if self.output.starts_with("\u{FEFF}".as_bytes()) {
                self.at = 3;
            }
        }
        if let Some(nul) = self.output.iter().position(|&b| b == 0) {
            let line = self.lines + self.output[..nul].iter().filter(|&&b| b == b'\n').count() + 1;
            return Err(std::io::Error::new(std::io::ErrorKind::InvalidData, NulByte(line)));
        }
        self.lines += self.output.iter().filter(|&&b| b == b'\n').count();
        Ok(())
    }
}

impl<R: Read> Read for Decoding<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        while self.at >= self.output.len() {
            if self.done {
                return Ok(0);
            }
            self.fill()?;
        }
        let n = buf.len().min(self.output.len() - self.at);
        buf[..n].copy_from_slice(&self.output[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(text: &str, sep: u8) -> Vec<Vec<String>> {
        parse(text, sep, 100).unwrap().into_iter().map(|r| r.cells.to_vec()).collect()
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

    /// Hands out its bytes one at a time, as a slow disk or pipe may: every boundary is a chunk
    /// boundary, inside multi-byte characters too.
    struct Trickle<'a>(&'a [u8]);

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let Some((first, rest)) = self.0.split_first() else { return Ok(0) };
            buf[0] = *first;
            self.0 = rest;
            Ok(1)
        }
    }

    fn encodings(text: &str) -> Vec<Vec<u8>> {
        let utf16le: Vec<u8> = [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let utf16be: Vec<u8> = [0xFE, 0xFF].into_iter().chain(text.encode_utf16().flat_map(u16::to_be_bytes)).collect();
        let (cp1252, _, _) = WINDOWS_1252.encode(text);
        let bom: Vec<u8> = [0xEF, 0xBB, 0xBF].into_iter().chain(text.bytes()).collect();
        vec![text.as_bytes().to_vec(), bom, utf16le, utf16be, cp1252.into_owned()]
    }

    #[test]
    fn a_file_read_in_pieces_is_detected_and_decoded_as_the_whole() {
        let text = "Nome;Città\nNicolò;Forlì €\n\"due\nrighe\";x\n";
        for bytes in encodings(text) {
            let whole = detect_encoding(&bytes);
            assert_eq!(detect_encoding_of(Trickle(&bytes)).unwrap(), whole, "{bytes:?}");
            assert_eq!(detect_encoding_of(bytes.as_slice()).unwrap(), whole, "{bytes:?}");
            let mut decoded = String::new();
            Decoding::new(Trickle(&bytes), whole).read_to_string(&mut decoded).unwrap();
            assert_eq!(decoded, decode(&bytes, whole));
            let rows = parse_from(Decoding::new(Trickle(&bytes), whole), b';', 10).unwrap();
            assert_eq!(rows, parse(text, b';', 10).unwrap());
        }
        // Valid UTF-8 for a megabyte and more, then one Latin-1 byte: the whole file decides.
        let mut late = "a".repeat(1 << 21).into_bytes();
        late.extend_from_slice(b"\ncitt\xE0\n");
        assert_eq!(detect_encoding_of(late.as_slice()).unwrap(), TextEncoding::Windows1252);
        assert_eq!(detect_encoding_of("è".as_bytes()).unwrap(), TextEncoding::Utf8);
        assert_eq!(detect_encoding_of(&b"\xC3"[..]).unwrap(), TextEncoding::Windows1252, "cut short by the end");
        assert_eq!(detect_encoding_of(&b""[..]).unwrap(), TextEncoding::Utf8);
    }

    #[test]
    fn a_nul_byte_read_in_pieces_is_refused_with_its_line() {
        let bytes = b"a,b\n1,2\nx\0y,3\n";
        assert_eq!(parse_from(Decoding::new(Trickle(bytes), TextEncoding::Utf8), b',', 10).err(), Some((Some(3), ImportProblem::NulByte)));
        let mut far = "a,b\n".repeat(100_000).into_bytes();
        far.extend_from_slice(b"\0\n");
        assert_eq!(parse_from(Decoding::new(far.as_slice(), TextEncoding::Utf8), b',', 1_000_000).err(), Some((Some(100_001), ImportProblem::NulByte)));
    }

    #[test]
    fn too_many_rows_are_refused() {
        assert_eq!(parse("a\n1\n2\n3\n", b',', 2).err().map(|e| e.1), Some(ImportProblem::TooManyRows));
    }
}
