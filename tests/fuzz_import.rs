//! Fuzzing the importers with proptest: arbitrary bytes, CSV that is nearly right, vCards with
//! broken properties, and workbooks that are valid zips with mangled XML or mangled zips. Every
//! case must return rows or a typed `Error`, never panic. Time per case is measured and printed
//! (not asserted: timings go into docs/reliability.md).
//!
//! The default case counts keep this file under a minute on two cores. A long campaign:
//!
//! ```text
//! PROPTEST_CASES=20000 PROPTEST_TIMEOUT=20000 cargo test -p ponte --release --test fuzz_import -- --nocapture
//! ```
//! (`PROPTEST_TIMEOUT`, in ms, fails a case that hangs.) See docs/reliability.md for the runs.

use std::io::{Cursor, Read, Write};
use std::path::Path;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use ponte::import::{self, csv as csv_reader, sheet, vcard, Kind, Options, ReadOptions};
use ponte::{Error, Store};
use proptest::prelude::*;
use proptest::test_runner::Config;

/// The slowest case of each test and its input size, printed when the test ends.
static SLOWEST: Mutex<Vec<(&'static str, Duration, usize, u64)>> = Mutex::new(Vec::new());

fn config(default_cases: u32) -> Config {
    let mut config = Config { failure_persistence: None, ..Config::default() };
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = default_cases;
    }
    config
}

/// Runs `f`, remembering the slowest run of `test` (with the input's size).
fn timed<T>(test: &'static str, size: usize, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let value = f();
    let took = start.elapsed();
    let mut all = SLOWEST.lock().unwrap_or_else(|p| p.into_inner());
    match all.iter_mut().find(|(name, ..)| *name == test) {
        Some(entry) => {
            entry.3 += 1;
            if took > entry.1 {
                entry.1 = took;
                entry.2 = size;
            }
        }
        None => all.push((test, took, size, 1)),
    }
    value
}

fn report(test: &'static str) {
    let all = SLOWEST.lock().unwrap_or_else(|p| p.into_inner());
    if let Some((name, took, size, cases)) = all.iter().find(|(name, ..)| *name == test) {
        eprintln!("fuzz {name}: {cases} cases, slowest {took:?} ({size} bytes)");
    }
}

/// An import error must be one of ours: what the UI can word. Any `Error` is typed; this also
/// checks the file-level ones name the file.
fn check(result: ponte::Result<Vec<import::RawRow>>) {
    if let Err(Error::Import { file, .. }) = &result {
        assert!(!file.is_empty());
    }
}

fn read_file(dir: &Path, name: &str, bytes: &[u8]) -> ponte::Result<Vec<import::RawRow>> {
    let path = dir.join(name);
    std::fs::write(&path, bytes).map_err(Error::Io)?;
    let whole = import::read_rows(&path, &ReadOptions::default());
    // An XLSX or XLSB sheet is also streamed into matching, row block by row block: it must
    // give the same cells in the same rows, or be refused for the same reason.
    match (import::read_rows_streamed(&path, &ReadOptions::default()), &whole) {
        (Ok(Some(streamed)), Ok(rows)) => assert_eq!(laid_out(&streamed), laid_out(rows), "{name}: streamed and whole reads differ"),
        // Read whole, a sheet without a filled cell has no header row; the streamed rows are
        // matched only once a header is found among them.
        (Ok(Some(streamed)), Err(Error::Import { problem: ponte::ImportProblem::Empty, .. }))
            if streamed.iter().all(|r| r.cells.iter().all(|c| c.trim().is_empty())) => {}
        (Ok(Some(_)), Err(e)) => panic!("{name}: streamed, read whole refused: {e}"),
        (Err(Error::Import { problem: streamed, .. }), Err(Error::Import { problem, .. })) => assert_eq!(&streamed, problem, "{name}"),
        (Err(e), whole) => panic!("{name}: streaming refused it ({e}), read whole: {:?}", whole.as_ref().map(Vec::len)),
        (Ok(None), _) => {}
    }
    whole
}

/// Each row's number and its filled cells, columns counted from the leftmost filled cell of
/// the sheet: streamed rows count from column A, rows read whole from that cell.
fn laid_out(rows: &[import::RawRow]) -> Vec<(usize, Vec<(usize, String)>)> {
    let filled = |r: &import::RawRow| r.cells.iter().enumerate().filter(|(_, c)| !c.is_empty()).map(|(i, c)| (i, c.to_owned())).collect::<Vec<_>>();
    let left = rows.iter().flat_map(|r| filled(r).into_iter().map(|(i, _)| i)).min().unwrap_or(0);
    rows.iter().map(|r| (r.number, filled(r).into_iter().map(|(i, c)| (i - left, c)).collect())).collect()
}

/// Text that trips parsers: quotes, separators, line ends, BOMs, formulas, wide characters.
fn nasty_cell() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 @.+-]{0,12}",
        Just(String::new()),
        Just("\"".to_owned()),
        Just("\"\"".to_owned()),
        Just("a\"b".to_owned()),
        Just("\"quoted, with comma\"".to_owned()),
        Just("line\nbreak".to_owned()),
        Just("cr\ronly".to_owned()),
        Just("\u{FEFF}bom".to_owned()),
        Just("=HYPERLINK(\"x\")".to_owned()),
        Just("田中 浩".to_owned()),
        Just("Nicolò Müller-Lüdenscheidt".to_owned()),
        Just("+39 02 1234 5678".to_owned()),
        Just("2025-02-30".to_owned()),
        Just("\t;|,".to_owned()),
        Just("\u{0}".to_owned()),
        "\\PC{0,8}",
        ".{0,200}",
    ]
}

fn header_cell() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Nome".to_owned()),
        Just("Cognome".to_owned()),
        Just("First Name".to_owned()),
        Just("Email".to_owned()),
        Just("E-mail Address".to_owned()),
        Just("Telefono".to_owned()),
        Just("Azienda".to_owned()),
        Just("Organization".to_owned()),
        Just("Paese".to_owned()),
        Just("Data".to_owned()),
        Just("氏名".to_owned()),
        nasty_cell(),
    ]
}

/// A table: headers then rows of uneven length.
fn table() -> impl Strategy<Value = Vec<Vec<String>>> {
    (prop::collection::vec(header_cell(), 1..8), prop::collection::vec(prop::collection::vec(nasty_cell(), 0..10), 0..40)).prop_map(|(h, mut rows)| {
        rows.insert(0, h);
        rows
    })
}

/// Joins cells with `sep`, quoting some and not others (so some quotes are unbalanced).
fn to_csv(rows: &[Vec<String>], sep: char, quote_mask: u64, line_end: &str) -> String {
    let mut out = String::new();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if c > 0 {
                out.push(sep);
            }
            if quote_mask >> ((r * 7 + c) % 64) & 1 == 1 {
                out.push('"');
                out.push_str(&cell.replace('"', "\"\""));
                out.push('"');
            } else {
                out.push_str(cell);
            }
        }
        out.push_str(line_end);
    }
    out
}

fn encode(text: &str, how: u8) -> Vec<u8> {
    match how % 5 {
        0 => text.as_bytes().to_vec(),
        1 => [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat(),
        2 => [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect(),
        3 => [0xFE, 0xFF].into_iter().chain(text.encode_utf16().flat_map(u16::to_be_bytes)).collect(),
        _ => encoding_rs::WINDOWS_1252.encode(text).0.into_owned(),
    }
}

/// One mutation of a byte string: flip, insert, delete, truncate or duplicate a slice.
fn mutate(bytes: &mut Vec<u8>, op: u8, at: usize, value: u8, len: usize) {
    if bytes.is_empty() {
        bytes.push(value);
        return;
    }
    let at = at % bytes.len();
    match op % 6 {
        0 => bytes[at] ^= value.max(1),
        1 => bytes.insert(at, value),
        2 => {
            let end = (at + len).min(bytes.len());
            bytes.drain(at..end);
        }
        3 => bytes.truncate(at),
        4 => {
            let end = (at + len).min(bytes.len());
            let copy = bytes[at..end].to_vec();
            bytes.splice(at..at, copy);
        }
        _ => {
            let end = (at + len).min(bytes.len());
            bytes[at..end].fill(value);
        }
    }
}

fn mutations() -> impl Strategy<Value = Vec<(u8, usize, u8, usize)>> {
    prop::collection::vec((any::<u8>(), any::<usize>(), any::<u8>(), 1usize..64), 1..6)
}

proptest! {
    #![proptest_config(config(256))]

    /// Anything at all, under any name: every reader gets its chance.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..4096), name in prop::sample::select(vec!["f.csv", "f.txt", "f.xlsx", "f.ods", "f.xls", "f.vcf", "f"])) {
        let dir = tempfile::tempdir().expect("dir");
        let len = bytes.len();
        check(timed("arbitrary_bytes", len, || read_file(dir.path(), name, &bytes)));
    }

    /// Arbitrary bytes behind the magic numbers that choose a reader.
    #[test]
    fn bytes_behind_a_magic_number_never_panic(magic in prop::sample::select(vec![&b"PK\x03\x04"[..], &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1][..], &b"BEGIN:VCARD\r\n"[..], &[0xFF, 0xFE][..], &[0xEF, 0xBB, 0xBF][..]]), rest in prop::collection::vec(any::<u8>(), 0..4096)) {
        let dir = tempfile::tempdir().expect("dir");
        let bytes = [magic, &rest].concat();
        check(timed("magic_bytes", bytes.len(), || read_file(dir.path(), "f.dat", &bytes)));
    }
}

proptest! {
    #![proptest_config(config(256))]

    /// CSV that is nearly right: any separator, quoting, line ends and encoding; the whole
    /// wizard (read, map, duplicate check, preview) runs on it.
    #[test]
    fn nearly_right_csv_previews_or_is_refused(rows in table(), sep in prop::sample::select(vec![',', ';', '\t', '|']), quotes in any::<u64>(), end in prop::sample::select(vec!["\n", "\r\n", "\r"]), enc in any::<u8>(), kind in prop::sample::select(vec![Kind::Contacts, Kind::Members])) {
        let dir = tempfile::tempdir().expect("dir");
        let text = to_csv(&rows, sep, quotes, end);
        // A line break in an unquoted cell starts a new row: the most rows there can be.
        let lines = text.matches(['\n', '\r']).count() + 1;
        let bytes = encode(&text, enc);
        let path = dir.path().join("list.csv");
        std::fs::write(&path, &bytes).expect("write");
        let store = Store::open_in_memory().expect("store");
        let options = Options { kind, ..Options::default() };
        let result = timed("csv_preview", bytes.len(), || store.read(|c| import::preview(c, &path, &options)));
        if let Ok(preview) = result {
            prop_assert!(preview.counts.rows <= lines, "{} rows from {lines} lines", preview.counts.rows);
        }
    }

    /// The CSV parser and the detectors alone, on any text.
    #[test]
    fn the_csv_parser_takes_any_text(text in ".{0,2000}", bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        timed("csv_parse", text.len() + bytes.len(), || {
            let sep = csv_reader::detect_separator(&text);
            let _ = csv_reader::parse(&text, sep, 1000);
            let decoded = csv_reader::decode(&bytes, csv_reader::detect_encoding(&bytes));
            let _ = csv_reader::parse(&decoded, csv_reader::detect_separator(&decoded), 1000);
        });
    }
}

/// A vCard content line, right or wrong.
fn vcard_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("BEGIN:VCARD".to_owned()),
        Just("END:VCARD".to_owned()),
        Just("VERSION:2.1".to_owned()),
        Just("VERSION:4.0".to_owned()),
        "N:[a-zA-Z;]{0,20}",
        "FN:\\PC{0,20}",
        "ORG:[a-zA-Z;,]{0,20}",
        "EMAIL;TYPE=[a-z,]{0,10}:[a-z@.]{0,20}",
        "TEL;TYPE=CELL:[0-9+ ]{0,15}",
        "ADR;TYPE=WORK:[a-zA-Z;]{0,30}",
        "item[0-9]\\.EMAIL:[a-z@.]{0,12}",
        "N;CHARSET=[A-Za-z0-9-]{0,12};ENCODING=QUOTED-PRINTABLE:[=A-F0-9a-z;]{0,30}",
        "FN;ENCODING=QUOTED-PRINTABLE:[=A-F0-9]{0,20}=",
        "NOTE:.{0,100}",
        "PHOTO;ENCODING=b;TYPE=JPEG:[A-Za-z0-9+/=]{0,200}",
        " [a-z]{0,20}",
        "\t[a-z=]{0,20}",
        "[A-Z;:=.]{0,20}",
        ".{0,60}",
    ]
}

proptest! {
    #![proptest_config(config(256))]

    /// vCards with folded, broken, unterminated and quoted-printable lines.
    #[test]
    fn mangled_vcards_never_panic(lines in prop::collection::vec(vcard_line(), 0..60), crlf in any::<bool>(), enc in any::<u8>()) {
        let mut text = String::from("BEGIN:VCARD\n");
        text.push_str(&lines.join(if crlf { "\r\n" } else { "\n" }));
        timed("vcard_parse", text.len(), || {
            let _ = vcard::parse(&text);
            for line in &lines {
                let _ = vcard::decode_quoted_printable(line);
            }
        });
        let dir = tempfile::tempdir().expect("dir");
        let bytes = encode(&text, enc);
        check(timed("vcard_file", bytes.len(), || read_file(dir.path(), "cards.vcf", &bytes)));
    }
}

/// A real workbook made by rust_xlsxwriter from a table.
fn xlsx(rows: &[Vec<String>], numbers: &[f64]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            // The writer refuses some strings (too long, control characters): a cell left empty.
            let _ = sheet.write_string(r as u32, c as u16, cell.as_str());
        }
    }
    for (i, n) in numbers.iter().enumerate() {
        let _ = sheet.write_number(rows.len() as u32, i as u16, *n);
    }
    book.save_to_buffer().expect("xlsx")
}

/// The parts of a zip, to mangle the XML inside a still-valid archive.
fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("zip");
    (0..archive.len())
        .map(|i| {
            let mut entry = archive.by_index(i).expect("entry");
            let mut data = Vec::new();
            entry.read_to_end(&mut data).expect("read");
            (entry.name().map(|n| n.into_owned()).unwrap_or_default(), data)
        })
        .collect()
}

fn rezip(parts: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in parts {
        out.start_file(name.as_str(), options).expect("start");
        out.write_all(data).expect("write");
    }
    out.finish().expect("finish").into_inner()
}

/// Applies `edits` to part `target` of a zip's parts, zips them again and reads the result as
/// `name`, timed under `test`: any rows or a typed error, never a panic.
fn read_mangled(mut parts: Vec<(String, Vec<u8>)>, target: usize, edits: Vec<(u8, usize, u8, usize)>, test: &'static str, name: &str) {
    for (op, at, value, len) in edits {
        mutate(&mut parts[target].1, op, at, value, len);
    }
    let bytes = rezip(&parts);
    let dir = tempfile::tempdir().expect("dir");
    check(timed(test, bytes.len(), || read_file(dir.path(), name, &bytes)));
}

/// Cell references and dimensions a damaged or hostile sheet could claim.
fn cell_ref() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Z]{1,3}[0-9]{1,7}",
        Just("XFD1048576".to_owned()),
        Just("A1048576".to_owned()),
        Just("XFD1".to_owned()),
        Just("A0".to_owned()),
        Just("ZZZZ1".to_owned()),
        Just("".to_owned()),
        Just("A99999999999".to_owned()),
        ".{0,6}",
    ]
}

/// Replaces the `n`th `r="…"` (or `ref="…"`) attribute value in the XML by `value`.
fn replace_ref(xml: &[u8], n: usize, value: &str) -> Vec<u8> {
    let text = String::from_utf8_lossy(xml).into_owned();
    let spots: Vec<usize> = text.match_indices(" r=\"").chain(text.match_indices(" ref=\"")).map(|(i, m)| i + m.len()).collect();
    if spots.is_empty() {
        return xml.to_vec();
    }
    let start = spots[n % spots.len()];
    let end = text[start..].find('"').map_or(text.len(), |e| start + e);
    format!("{}{}{}", &text[..start], value, &text[end..]).into_bytes()
}

/// Counts and indexes a damaged or hostile part could state in place of a small number.
fn hostile_number() -> impl Strategy<Value = String> {
    const EDGES: [&str; 7] = ["0", "65536", "1048577", "4000000000", "99999999999999", "18446744073709551615", "-1"];
    prop_oneof![prop::sample::select(&EDGES[..]).prop_map(str::to_owned), "[0-9]{1,12}"]
}

/// Replaces the `n`th attribute value made of digits alone in the XML by `value`: counts
/// (`uniqueCount`, `count`), row numbers, style and string indexes.
fn replace_number(xml: &[u8], n: usize, value: &str) -> Vec<u8> {
    let text = String::from_utf8_lossy(xml).into_owned();
    let spots: Vec<(usize, usize)> = text
        .match_indices("=\"")
        .map(|(i, m)| i + m.len())
        .filter_map(|start| {
            let end = start + text[start..].find('"')?;
            (end > start && text[start..end].bytes().all(|b| b.is_ascii_digit())).then_some((start, end))
        })
        .collect();
    if spots.is_empty() {
        return xml.to_vec();
    }
    let (start, end) = spots[n % spots.len()];
    format!("{}{}{}", &text[..start], value, &text[end..]).into_bytes()
}

proptest! {
    #![proptest_config(config(128))]

    /// A valid zip whose XML has mangled bytes, hostile cell references or hostile numbers.
    #[test]
    fn workbooks_with_mangled_xml_never_panic(rows in table(), numbers in prop::collection::vec(any::<f64>(), 0..6), part in any::<usize>(), edits in mutations(), refs in prop::collection::vec((any::<usize>(), cell_ref()), 0..3), counts in prop::collection::vec((any::<usize>(), hostile_number()), 0..3)) {
        let mut parts = unzip(&xlsx(&rows, &numbers));
        let target = part % parts.len();
        for (n, value) in &refs {
            let i = parts.iter().position(|(name, _)| name.contains("worksheets/sheet")).unwrap_or(target);
            parts[i].1 = replace_ref(&parts[i].1, *n, value);
        }
        for (n, value) in &counts {
            parts[target].1 = replace_number(&parts[target].1, *n, value);
        }
        read_mangled(parts, target, edits, "xlsx_mangled_xml", "book.xlsx");
    }

    /// A workbook whose zip bytes are flipped, cut or repeated.
    #[test]
    fn workbooks_with_mangled_zips_never_panic(rows in table(), edits in mutations()) {
        let mut bytes = xlsx(&rows, &[]);
        for (op, at, value, len) in edits {
            mutate(&mut bytes, op, at, value, len);
        }
        timed("xlsx_check_zip", bytes.len(), || {
            if sheet::check_zip(Cursor::new(bytes.as_slice())).is_ok() {
                let _ = sheet::read(&bytes, None, 10_000);
            }
        });
        let dir = tempfile::tempdir().expect("dir");
        check(timed("xlsx_mangled_zip", bytes.len(), || read_file(dir.path(), "book.xlsx", &bytes)));
    }
}

/// One BIFF record: type, length, data.
fn record(typ: u16, data: &[u8]) -> Vec<u8> {
    let len = u16::try_from(data.len()).expect("a record holds at most 64 kB");
    [&typ.to_le_bytes()[..], &len.to_le_bytes(), data].concat()
}

/// A BIFF8 workbook (what Excel 97–2003 and LibreOffice write as .xls) of one sheet named
/// `Foglio1`, written here record by record so no office suite is needed. `dimensions` is the
/// sheet's `Dimensions` record as stored: first row, row after the last, first and next column.
fn xls(cells: &[(u16, u16, f64)], dimensions: (u32, u32, u16, u16)) -> Vec<u8> {
    xls_with_strings(cells, &[], &[], dimensions)
}

/// [`xls`] with a shared-string table and `LabelSst` cells (row, column, string index) that
/// refer to it. Each string is UTF-16; one longer than a record holds goes on in `CONTINUE`
/// records, each opening with its flag byte, as Excel writes them.
fn xls_with_strings(cells: &[(u16, u16, f64)], strings: &[String], labels: &[(u16, u16, u32)], dimensions: (u32, u32, u16, u16)) -> Vec<u8> {
    let bof = |kind: u16| record(0x0809, &[&0x0600u16.to_le_bytes()[..], &kind.to_le_bytes(), &[0; 12]].concat());
    let eof = record(0x000A, &[]);
    let name = b"Foglio1";
    let mut sst = Vec::new();
    if !strings.is_empty() {
        let mut body = [(labels.len() as u32).to_le_bytes(), (strings.len() as u32).to_le_bytes()].concat();
        for (i, text) in strings.iter().enumerate() {
            let units: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
            let mut chunks = units.chunks(8_000);
            let head = [&((units.len() / 2) as u16).to_le_bytes()[..], &[0x01], chunks.next().unwrap_or(&[])].concat();
            body.extend(head);
            sst.extend(record(if i == 0 { 0x00FC } else { 0x003C }, &body));
            body = Vec::new();
            for chunk in chunks {
                sst.extend(record(0x003C, &[&[0x01][..], chunk].concat()));
            }
        }
    }
    let globals_len = bof(0x0005).len() + record(0x0085, &[0; 8 + 7]).len() + sst.len() + eof.len();
    let bound_sheet = [&(globals_len as u32).to_le_bytes()[..], &[0, 0, name.len() as u8, 0], name].concat();
    let mut stream = [bof(0x0005), record(0x0085, &bound_sheet), sst, eof.clone()].concat();
    assert_eq!(stream.len(), globals_len);
    stream.extend(bof(0x0010));
    let (first_row, rows_end, first_col, cols_end) = dimensions;
    stream.extend(record(0x0200, &[&first_row.to_le_bytes()[..], &rows_end.to_le_bytes(), &first_col.to_le_bytes(), &cols_end.to_le_bytes(), &[0, 0]].concat()));
    for (row, col, value) in cells {
        stream.extend(record(0x0203, &[&row.to_le_bytes()[..], &col.to_le_bytes(), &[0, 0], &value.to_le_bytes()].concat()));
    }
    for (row, col, index) in labels {
        stream.extend(record(0x00FD, &[&row.to_le_bytes()[..], &col.to_le_bytes(), &[0, 0], &index.to_le_bytes()].concat()));
    }
    stream.extend(eof);
    // Version 3 (512-byte sectors) is what Excel writes.
    let mut file = cfb::CompoundFile::create_with_version(cfb::Version::V3, Cursor::new(Vec::new())).expect("compound file");
    file.create_stream("/Workbook").expect("stream").write_all(&stream).expect("write");
    file.flush().expect("flush");
    file.into_inner().into_inner()
}

#[test]
fn the_generated_xls_is_read_as_written() {
    let dir = tempfile::tempdir().expect("dir");
    let rows = read_file(dir.path(), "book.xls", &xls(&[(0, 0, 1.0), (0, 1, 2.5), (1, 0, 390212345678.0)], (0, 2, 0, 2))).expect("read");
    let cells: Vec<Vec<String>> = rows.iter().map(|r| r.cells.iter().map(str::to_owned).collect()).collect();
    assert_eq!(cells, vec![vec!["1", "2.5"], vec!["390212345678", ""]]);
}

#[test]
fn the_generated_xls_with_shared_strings_is_read_as_written() {
    let dir = tempfile::tempdir().expect("dir");
    // The second string is longer than a record: it goes on in CONTINUE records.
    let strings = vec!["Nome".to_owned(), "Zoë ".repeat(5_000), "田中 浩".to_owned()];
    let bytes = xls_with_strings(&[(1, 1, 3.5)], &strings, &[(0, 0, 0), (1, 0, 1), (2, 0, 2), (2, 1, 0)], (0, 3, 0, 2));
    let rows = read_file(dir.path(), "strings.xls", &bytes).expect("read");
    let cells: Vec<Vec<String>> = rows.iter().map(|r| r.cells.iter().map(str::to_owned).collect()).collect();
    assert_eq!(cells, vec![vec!["Nome".to_owned(), String::new()], vec![strings[1].clone(), "3.5".to_owned()], vec!["田中 浩".to_owned(), "Nome".to_owned()]]);
}

/// calamine gives every `LabelSst` cell its own copy of the shared string, and reads every
/// sheet as the workbook opens: one string of 60,000 characters referred to by 20,000 cells is
/// over a gigabyte from a file of a few hundred kilobytes. Refused by `sheet::check_xls`.
#[test]
fn an_xls_repeating_one_long_shared_string_is_refused_not_fatal() {
    let labels: Vec<(u16, u16, u32)> = (0..20_000u32).map(|i| ((i / 10) as u16, (i % 10) as u16, 0)).collect();
    let bytes = xls_with_strings(&[], &["x".repeat(60_000)], &labels, (0, 2_000, 0, 10));
    assert!(bytes.len() < 1_000_000, "a small file: {} bytes", bytes.len());
    let dir = tempfile::tempdir().expect("dir");
    match read_file(dir.path(), "shared.xls", &bytes) {
        Err(Error::Import { problem, .. }) => assert_eq!(problem, ponte::ImportProblem::TooLarge),
        other => panic!("expected an import error, got {:?}", other.map(|rows| rows.len())),
    }
}

/// Regression (found by `xls_with_mangled_bytes_never_panic`): calamine reads every XLS sheet
/// as the workbook opens, reserving the cells the `Dimensions` record announces and laying out
/// the cells between the first and the last. One damaged byte asked for 32 GB, and a failed
/// allocation aborts the process, which no `catch_unwind` stops.
#[test]
fn an_xls_sheet_announcing_or_spanning_billions_of_cells_is_refused_not_fatal() {
    let dir = tempfile::tempdir().expect("dir");
    let cases = [
        ("announces", xls(&[(0, 0, 1.0)], (0, 0x0700_0000, 0, 7))),
        ("announces backwards", xls(&[(0, 0, 1.0)], (9, 2, 0, 2))),
        ("spans", xls(&[(0, 0, 1.0), (65_535, 65_535, 2.0)], (0, 1, 0, 1))),
    ];
    for (case, bytes) in cases {
        assert!(bytes.len() < 10_000, "{case}: a small file");
        match read_file(dir.path(), "far.xls", &bytes) {
            Err(Error::Import { problem, file, .. }) => {
                assert_eq!(problem, ponte::ImportProblem::TooLarge, "{case}");
                assert!(file.ends_with("far.xls"), "{case}: {file}");
            }
            other => panic!("{case}: expected a refusal, got {:?}", other.map(|rows| rows.len())),
        }
    }
}

proptest! {
    #![proptest_config(config(256))]

    /// An XLS whose container or records (shared strings among them) are flipped, cut or
    /// repeated.
    #[test]
    fn xls_with_mangled_bytes_never_panic(cells in prop::collection::vec((0u16..40, 0u16..8, any::<f64>()), 0..30), strings in prop::collection::vec(nasty_cell(), 0..4), labels in prop::collection::vec((40u16..60, 0u16..8, 0u32..5), 0..20), edits in mutations()) {
        let mut bytes = xls_with_strings(&cells, &strings, &labels, (0, 60, 0, 8));
        for (op, at, value, len) in edits {
            mutate(&mut bytes, op, at, value, len);
        }
        let dir = tempfile::tempdir().expect("dir");
        check(timed("xls_mangled", bytes.len(), || read_file(dir.path(), "book.xls", &bytes)));
    }
}

/// Regression (found by `workbooks_with_mangled_xml_never_panic`): two cells far apart in a
/// tiny XLSX made calamine lay out billions of empty cells, and the allocation aborted Ponte.
#[test]
fn a_tiny_workbook_spanning_the_whole_sheet_is_refused_not_fatal() {
    let dir = tempfile::tempdir().expect("dir");
    for (row, col, problem) in [(1_048_575, 16_383, ponte::ImportProblem::TooManyRows), (99_999, 16_383, ponte::ImportProblem::TooLarge)] {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write_string(0, 0, "Nome").expect("cell");
        sheet.write_string(0, 1, "Email").expect("cell");
        sheet.write_string(row, col, "far away").expect("cell");
        let bytes = book.save_to_buffer().expect("xlsx");
        assert!(bytes.len() < 20_000, "a small file: {} bytes", bytes.len());
        match read_file(dir.path(), "far.xlsx", &bytes) {
            Err(Error::Import { problem: p, .. }) => assert_eq!(p, problem),
            other => panic!("expected {problem:?}, got {:?}", other.map(|rows| rows.len())),
        }
    }
}

/// Regression (found by `workbooks_with_mangled_xml_never_panic`): a cell reference with twelve
/// digits overflowed inside calamine (a panic in debug builds, a wrong position in release ones).
#[test]
fn a_cell_reference_too_long_for_any_sheet_is_an_unreadable_file() {
    let mut parts = unzip(&xlsx(&[vec!["Nome".into(), "Email".into()], vec!["Ada".into(), "ada@example.org".into()]], &[]));
    let sheet = parts.iter().position(|(name, _)| name.contains("worksheets/sheet")).expect("sheet");
    parts[sheet].1 = replace_ref(&parts[sheet].1, 1, "A99999999999");
    let dir = tempfile::tempdir().expect("dir");
    match read_file(dir.path(), "long-ref.xlsx", &rezip(&parts)) {
        Err(Error::Import { .. }) | Ok(_) => {}
        Err(other) => panic!("not an import error: {other}"),
    }
}

#[test]
fn zz_report_the_slowest_cases() {
    // Runs last by name when the tests run one at a time (--test-threads=1); harmless otherwise.
    for name in ["arbitrary_bytes", "magic_bytes", "csv_preview", "csv_parse", "vcard_parse", "vcard_file", "xlsx_mangled_xml", "xlsx_check_zip", "xlsx_mangled_zip", "xls_mangled", "ods_mangled_xml"] {
        report(name);
    }
}

/// An OpenDocument spreadsheet of one sheet whose table holds `rows` (XML).
fn ods(rows: &str) -> Vec<u8> {
    let content = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\"><office:body><office:spreadsheet><table:table table:name=\"S\">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"
    );
    let manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\"><manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/><manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/></manifest:manifest>";
    rezip(&[
        ("mimetype".to_owned(), b"application/vnd.oasis.opendocument.spreadsheet".to_vec()),
        ("META-INF/manifest.xml".to_owned(), manifest.as_bytes().to_vec()),
        ("content.xml".to_owned(), content.into_bytes()),
    ])
}

/// A table as OpenDocument rows of text cells.
fn ods_rows(rows: &[Vec<String>]) -> String {
    let escape = |v: &str| v.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    rows.iter()
        .map(|row| {
            let cells: String = row.iter().map(|v| format!("<table:table-cell office:value-type=\"string\"><text:p>{}</text:p></table:table-cell>", escape(v))).collect();
            format!("<table:table-row>{cells}</table:table-row>")
        })
        .collect()
}

#[test]
fn the_generated_ods_is_read_as_written() {
    let dir = tempfile::tempdir().expect("dir");
    let table = vec![vec!["Nome".to_owned(), "Società".to_owned()], vec!["田中".to_owned(), "R&D <Lab>".to_owned()]];
    let rows = read_file(dir.path(), "book.ods", &ods(&ods_rows(&table))).expect("read");
    let cells: Vec<Vec<String>> = rows.iter().map(|r| r.cells.iter().map(str::to_owned).collect()).collect();
    assert_eq!(cells, table);
}

/// LibreOffice pads a formatted sheet: empty cells repeated to the last column and empty rows
/// repeated to the last row. Those cost nothing in calamine, so `check_ods` must not count them.
#[test]
fn an_opendocument_sheet_padded_as_libreoffice_pads_it_reads() {
    let padding_cells = "<table:table-cell table:style-name=\"ce1\" table:number-columns-repeated=\"16380\"/>";
    let rows: String = (0..3)
        .map(|i| format!("<table:table-row><table:table-cell office:value-type=\"string\"><text:p>Nome {i}</text:p></table:table-cell><table:table-cell office:value-type=\"float\" office:value=\"3902{i}\"><text:p>3902{i}</text:p></table:table-cell>{padding_cells}</table:table-row>"))
        .collect();
    let padding_rows = format!("<table:table-row table:number-rows-repeated=\"1048573\">{padding_cells}</table:table-row>");
    let bytes = ods(&format!("<table:table-column table:number-columns-repeated=\"16384\"/>{rows}{padding_rows}"));
    assert!(sheet::check_ods(&bytes).is_ok());
    let dir = tempfile::tempdir().expect("dir");
    let read = read_file(dir.path(), "padded.ods", &bytes).expect("read");
    let cells: Vec<Vec<String>> = read.iter().map(|r| r.cells.iter().map(str::to_owned).collect()).collect();
    assert_eq!(cells, vec![vec!["Nome 0", "39020"], vec!["Nome 1", "39021"], vec!["Nome 2", "39022"]]);
}

/// Regression (found by `opendocument_sheets_with_mangled_xml_never_panic`): calamine reads a
/// table until its end tag, and at the end of a file that lacks one it read on for ever.
#[test]
fn an_opendocument_sheet_cut_off_inside_its_table_is_unreadable_not_endless() {
    let whole = String::from_utf8(unzip(&ods(&ods_rows(&[vec!["Nome".to_owned(), "Email".to_owned()]])))[2].1.clone()).expect("xml");
    let cut = &whole[..whole.find("</table:table>").expect("end of table")];
    let bytes = rezip(&[
        ("mimetype".to_owned(), b"application/vnd.oasis.opendocument.spreadsheet".to_vec()),
        ("META-INF/manifest.xml".to_owned(), unzip(&ods(""))[1].1.clone()),
        ("content.xml".to_owned(), cut.as_bytes().to_vec()),
    ]);
    let dir = tempfile::tempdir().expect("dir");
    // calamine reads a zip holding `content.xml` as OpenDocument whatever its name: named as an
    // Excel file, it gets the OpenDocument checks all the same.
    for name in ["cut.ods", "cut.xlsx"] {
        match read_file(dir.path(), name, &bytes) {
            Err(Error::Import { problem, .. }) => assert_eq!(problem, ponte::ImportProblem::Unreadable, "{name}"),
            other => panic!("{name}: expected an unreadable file, got {:?}", other.map(|rows| rows.len())),
        }
    }
}

proptest! {
    #![proptest_config(config(128))]

    /// An OpenDocument sheet whose XML has mangled bytes or repeat counts a damaged or hostile
    /// file could state.
    #[test]
    fn opendocument_sheets_with_mangled_xml_never_panic(rows in table(), edits in prop::collection::vec((any::<u8>(), any::<usize>(), any::<u8>(), 1usize..64), 0..4), repeats in prop::collection::vec((any::<usize>(), 0u8..3, prop::sample::select(vec![0u64, 2, 1000, 70_000, 2_000_000_000, 4_294_967_295, 18_446_744_073_709_551_615])), 0..3)) {
        let mut xml = ods_rows(&rows);
        for (n, kind, count) in repeats {
            // Rows, cells, or spaces (`<text:s text:c="N"/>`) inside a cell's text.
            let (tag, insert) = match kind {
                0 => ("<table:table-row", format!(" table:number-rows-repeated=\"{count}\"")),
                1 => ("<table:table-cell", format!(" table:number-columns-repeated=\"{count}\"")),
                _ => ("<text:p>", format!("<text:s text:c=\"{count}\"/>")),
            };
            let spots: Vec<usize> = xml.match_indices(tag).map(|(i, _)| i + tag.len()).collect();
            if let Some(&at) = spots.get(n % spots.len().max(1)) {
                xml.insert_str(at, &insert);
            }
        }
        // Part 2 is content.xml.
        read_mangled(unzip(&ods(&xml)), 2, edits, "ods_mangled_xml", "book.ods");
    }
}

/// An OpenDocument sheet states repeats instead of writing cells out: a file of a few hundred
/// bytes can claim millions of rows or a billion cells. Each is refused with an import error, in
/// bounded memory: two million repeated rows of two cells are within `sheet::MAX_ODS_CELLS` once
/// calamine caps them at 1,048,576 rows, and the row limit refuses them; the others are refused
/// by `sheet::check_ods` before calamine lays out anything. (Until the files had a manifest,
/// calamine refused them all as unreadable before reading a cell, so this test proved little.)
#[test]
fn an_opendocument_sheet_claiming_millions_of_repeated_cells_is_refused_not_fatal() {
    let cell = |v: &str| format!("<table:table-cell office:value-type=\"string\"><text:p>{v}</text:p></table:table-cell>");
    let header = format!("<table:table-row>{}{}</table:table-row>", cell("Nome"), cell("Cognome"));
    let cases = [
        format!("<table:table-row table:number-rows-repeated=\"2000000\">{}{}</table:table-row>", cell("Anna"), cell("Verdi")),
        "<table:table-row table:number-rows-repeated=\"60000\"><table:table-cell office:value-type=\"string\" table:number-columns-repeated=\"16000\"><text:p>x</text:p></table:table-cell></table:table-row>".to_owned(),
        format!("<table:table-row table:number-rows-repeated=\"900000\"><table:table-cell table:number-columns-repeated=\"2\"/></table:table-row><table:table-row><table:table-cell table:number-columns-repeated=\"16000\"/>{}</table:table-row>", cell("x")),
    ];
    let dir = tempfile::tempdir().expect("dir");
    let expected = [ponte::ImportProblem::TooManyRows, ponte::ImportProblem::TooLarge, ponte::ImportProblem::TooLarge];
    for (rows, expected) in cases.into_iter().zip(expected) {
        let bytes = ods(&format!("{header}{rows}"));
        assert!(bytes.len() < 2_000, "a tiny file: {} bytes", bytes.len());
        match read_file(dir.path(), "repeats.ods", &bytes) {
            Err(Error::Import { problem, .. }) => assert_eq!(problem, expected),
            other => panic!("expected an import error, got {:?}", other.map(|rows| rows.len())),
        }
    }
}

/// Regression (a release run of `opendocument_sheets_with_mangled_xml_never_panic` under a 4 GB
/// address-space limit): calamine reserves room for a sheet by its row *elements* between the
/// first and last filled one, times the width, before it expands any repeat. Rows repeated zero
/// times (stated so, or cut to zero once the sheet has 1,048,576 rows) lay out no cell but count
/// in that reservation: a few thousand of them beside one cell in the last column asked for the
/// 100-million-cell limit, 5.6 GB, from a file of a few kilobytes.
#[test]
fn an_opendocument_sheet_of_rows_repeated_zero_times_is_refused_not_fatal() {
    let far = "<table:table-row><table:table-cell table:number-columns-repeated=\"16383\"/><table:table-cell office:value-type=\"string\"><text:p>x</text:p></table:table-cell></table:table-row>";
    let near = "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>y</text:p></table:table-cell></table:table-row>";
    let cases = [
        // Rows cut to zero repeats by the row limit.
        format!("<table:table-row table:number-rows-repeated=\"1048576\"></table:table-row>{far}{}{near}", "<table:table-row></table:table-row>".repeat(7_000)),
        // Rows that say so.
        format!("{far}{}{near}", "<table:table-row table:number-rows-repeated=\"0\"></table:table-row>".repeat(7_000)),
    ];
    let dir = tempfile::tempdir().expect("dir");
    for rows in cases {
        let bytes = ods(&rows);
        assert!(bytes.len() < 5_000, "a small file: {} bytes", bytes.len());
        assert_eq!(sheet::check_ods(&bytes).map_err(|(_, problem)| problem), Err(ponte::ImportProblem::TooLarge));
        match read_file(dir.path(), "zero-repeats.ods", &bytes) {
            Err(Error::Import { problem, .. }) => assert_eq!(problem, ponte::ImportProblem::TooLarge),
            other => panic!("expected an import error, got {:?}", other.map(|rows| rows.len())),
        }
    }
}

/// calamine reserves the shared-string table an XLSX announces (`uniqueCount`) before it reads a
/// string: one damaged number is an allocation that fails, and that aborts the process.
#[test]
fn a_workbook_announcing_billions_of_shared_strings_is_refused_not_fatal() {
    let parts = unzip(&xlsx(&[vec!["Nome".into(), "Email".into()], vec!["Ada".into(), "ada@example.org".into()]], &[]));
    let strings = parts.iter().position(|(name, _)| name.ends_with("sharedStrings.xml")).expect("shared strings");
    let dir = tempfile::tempdir().expect("dir");
    for count in ["4000000000", "99999999999999", "18446744073709551615"] {
        let mut parts = parts.clone();
        let xml = String::from_utf8(parts[strings].1.clone()).expect("xml");
        let at = xml.find("uniqueCount=\"").expect("uniqueCount") + "uniqueCount=\"".len();
        let end = at + xml[at..].find('"').expect("end");
        parts[strings].1 = format!("{}{count}{}", &xml[..at], &xml[end..]).into_bytes();
        match read_file(dir.path(), "strings.xlsx", &rezip(&parts)) {
            Err(Error::Import { problem, .. }) => assert_eq!(problem, ponte::ImportProblem::TooLarge, "uniqueCount {count}"),
            other => panic!("expected an import error for uniqueCount {count}, got {:?}", other.map(|rows| rows.len())),
        }
    }
}

/// One BIFF12 record of an Excel binary workbook: its type and length as 7-bit varints.
fn record12(typ: u16, data: &[u8]) -> Vec<u8> {
    let mut out = if typ < 0x80 { vec![typ as u8] } else { vec![(typ & 0x7F) as u8 | 0x80, (typ >> 7) as u8] };
    let mut len = data.len();
    loop {
        let byte = (len & 0x7F) as u8;
        len >>= 7;
        out.push(if len > 0 { byte | 0x80 } else { byte });
        if len == 0 {
            break;
        }
    }
    out.extend_from_slice(data);
    out
}

/// An `XLWideString`: a character count, then UTF-16 LE.
fn wide(text: &str) -> Vec<u8> {
    let units: Vec<u16> = text.encode_utf16().collect();
    let mut out = (units.len() as u32).to_le_bytes().to_vec();
    out.extend(units.iter().flat_map(|u| u.to_le_bytes()));
    out
}

/// An Excel binary workbook (`.xlsb`) of one sheet, written record by record (MS-XLSB): text
/// cells at their (row, column), numbers as `BrtCellReal`.
fn xlsb(cells: &[(u32, u32, &str)], numbers: &[(u32, u32, f64)]) -> Vec<u8> {
    let mut book = Vec::new();
    let mut bundle = vec![0u8; 4]; // visible
    bundle.extend(1u32.to_le_bytes()); // tab id
    bundle.extend(wide("rId1"));
    bundle.extend(wide("Partecipanti"));
    book.extend(record12(0x009C, &bundle)); // BrtBundleSh
    book.extend(record12(0x0090, &[])); // BrtEndBundleShs
    book.extend(record12(0x009D, &[0; 4])); // BrtCalcProp: the names are over
    let mut sheet = record12(0x0081, &[]); // BrtBeginSheet
    let (rows, cols) = cells.iter().map(|c| (c.0, c.1)).chain(numbers.iter().map(|n| (n.0, n.1))).fold((0, 0), |(r, c), (row, col)| (r.max(row), c.max(col)));
    sheet.extend(record12(0x0094, &[0u32, rows, 0, cols].iter().flat_map(|v| v.to_le_bytes()).collect::<Vec<u8>>())); // BrtWsDim
    sheet.extend(record12(0x0091, &[])); // BrtBeginSheetData
    let mut all: Vec<(u32, u32, Vec<u8>, u16)> = cells.iter().map(|&(r, c, t)| (r, c, wide(t), 0x0006)).collect();
    all.extend(numbers.iter().map(|&(r, c, n)| (r, c, n.to_le_bytes().to_vec(), 0x0005)));
    all.sort_by_key(|&(r, c, _, _)| (r, c));
    let mut current = None;
    for (row, col, value, typ) in all {
        if current != Some(row) {
            let mut header = row.to_le_bytes().to_vec();
            header.extend([0u8; 13]);
            sheet.extend(record12(0x0000, &header)); // BrtRowHdr
            current = Some(row);
        }
        let mut data = col.to_le_bytes().to_vec();
        data.extend([0u8; 4]); // style 0, no flags
        data.extend(value);
        sheet.extend(record12(typ, &data)); // BrtCellSt / BrtCellReal
    }
    sheet.extend(record12(0x0092, &[])); // BrtEndSheetData
    sheet.extend(record12(0x0082, &[])); // BrtEndSheet
    let rels = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.bin\"/></Relationships>";
    rezip(&[
        ("xl/workbook.bin".to_owned(), book),
        ("xl/_rels/workbook.bin.rels".to_owned(), rels.as_bytes().to_vec()),
        ("xl/worksheets/sheet1.bin".to_owned(), sheet),
    ])
}

#[test]
fn the_generated_xlsb_is_read_as_written() {
    let dir = tempfile::tempdir().expect("dir");
    let bytes = xlsb(&[(0, 0, "Nome"), (0, 1, "Telefono"), (1, 0, "田中 浩"), (2, 0, "Zoë")], &[(1, 1, 390212345678.0)]);
    let rows = read_file(dir.path(), "book.xlsb", &bytes).expect("read");
    let cells: Vec<Vec<String>> = rows.iter().map(|r| r.cells.iter().map(str::to_owned).collect()).collect();
    assert_eq!(cells, vec![vec!["Nome", "Telefono"], vec!["田中 浩", "390212345678"], vec!["Zoë", ""]]);
    let store = Store::open_in_memory().expect("store");
    let inspection = store.read(|c| import::inspect(c, &dir.path().join("book.xlsb"), import::Kind::Contacts, &ReadOptions::default())).expect("inspect");
    assert_eq!(inspection.format, import::Format::Xlsb);
    assert_eq!(inspection.sheets, vec!["Partecipanti"]);
}

/// Regression: calamine lays an Excel binary workbook's sheet out densely, as it did XLSX
/// sheets (finding 1): two cells far apart aborted the process. Read through the cell reader
/// like an XLSX, the rectangle is refused before it is laid out.
#[test]
fn an_xlsb_sheet_spanning_the_whole_grid_is_refused_not_fatal() {
    let dir = tempfile::tempdir().expect("dir");
    for (row, col, problem) in [(1_048_575, 16_383, ponte::ImportProblem::TooManyRows), (99_999, 16_383, ponte::ImportProblem::TooLarge)] {
        let bytes = xlsb(&[(0, 0, "Nome"), (0, 1, "Email"), (row, col, "far away")], &[]);
        assert!(bytes.len() < 2_000, "a small file: {} bytes", bytes.len());
        match read_file(dir.path(), "far.xlsb", &bytes) {
            Err(Error::Import { problem: p, .. }) => assert_eq!(p, problem),
            other => panic!("expected {problem:?}, got {:?}", other.map(|rows| rows.len())),
        }
    }
}

proptest! {
    #![proptest_config(config(128))]

    /// Excel binary workbooks with bytes flipped, cut or repeated inside their records.
    #[test]
    fn xlsb_with_mangled_records_never_panic(rows in table(), part in any::<usize>(), edits in mutations()) {
        let cells: Vec<(u32, u32, &str)> = rows.iter().enumerate().flat_map(|(r, row)| row.iter().enumerate().map(move |(c, v)| (r as u32, c as u32, v.as_str()))).collect();
        let parts = unzip(&xlsb(&cells, &[(rows.len() as u32, 0, 3.5)]));
        let target = part % parts.len();
        read_mangled(parts, target, edits, "xlsb_mangled_records", "book.xlsb");
    }
}

/// calamine writes out `<text:s text:c="N"/>` as N spaces, and copies a repeated cell's text
/// into every cell it stands for: a file of a few kilobytes stated gigabytes of text. Refused
/// by `sheet::check_ods` counting text as calamine lays it out (`MAX_ODS_TEXT_BYTES`).
#[test]
fn an_opendocument_sheet_stating_gigabytes_of_text_is_refused_not_fatal() {
    let header = "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>Nome</text:p></table:table-cell></table:table-row>";
    let long = "x".repeat(20_000);
    let cases = [
        // Two billion spaces in one cell.
        "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>a<text:s text:c=\"2000000000\"/>b</text:p></table:table-cell></table:table-row>".to_owned(),
        // 20 kB of text in 1,000 cells of 4,000 rows: 4 million cells, 80 GB.
        format!("<table:table-row table:number-rows-repeated=\"4000\"><table:table-cell office:value-type=\"string\" table:number-columns-repeated=\"1000\"><text:p>{long}</text:p></table:table-cell></table:table-row>"),
        // The same text as an attribute.
        format!("<table:table-row table:number-rows-repeated=\"4000\"><table:table-cell office:value-type=\"string\" office:string-value=\"{long}\" table:number-columns-repeated=\"1000\"/></table:table-row>"),
    ];
    let dir = tempfile::tempdir().expect("dir");
    for rows in cases {
        let bytes = ods(&format!("{header}{rows}"));
        assert!(bytes.len() < 5_000, "a small file: {} bytes", bytes.len());
        assert_eq!(sheet::check_ods(&bytes).map_err(|(_, problem)| problem), Err(ponte::ImportProblem::TooLarge));
        match read_file(dir.path(), "text.ods", &bytes) {
            Err(Error::Import { problem, .. }) => assert_eq!(problem, ponte::ImportProblem::TooLarge),
            other => panic!("expected an import error, got {:?}", other.map(|rows| rows.len())),
        }
    }
    // Spaces and repeats within reason still read.
    let rows = "<table:table-row table:number-rows-repeated=\"3\"><table:table-cell office:value-type=\"string\" table:number-columns-repeated=\"2\"><text:p>a<text:s text:c=\"3\"/>b</text:p></table:table-cell></table:table-row>";
    let read = read_file(dir.path(), "spaces.ods", &ods(&format!("{header}{rows}"))).expect("read");
    let cells: Vec<Vec<String>> = read.iter().map(|r| r.cells.iter().map(str::to_owned).collect()).collect();
    assert_eq!(cells, vec![vec!["Nome", ""], vec!["a   b", "a   b"], vec!["a   b", "a   b"], vec!["a   b", "a   b"]]);
}

/// Each cell that refers to a shared string gets a copy of it: one string of 32,000 characters
/// referred to by 20,000 cells is 640 MB of copies from a file of a few hundred kilobytes, and a
/// longer string (the XML allows any length) or more cells reach any size. Refused once the
/// copies pass `sheet::MAX_SHEET_TEXT_BYTES`.
#[test]
fn a_workbook_repeating_one_long_shared_string_is_refused_not_fatal() {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "Nome").expect("cell");
    // Excel's limit for a cell is 32,767 characters: the writer keeps to it.
    let long = "x".repeat(32_000);
    for row in 1..400u32 {
        for col in 0..50u16 {
            sheet.write_string(row, col, long.as_str()).expect("cell");
        }
    }
    let bytes = book.save_to_buffer().expect("xlsx");
    assert!(bytes.len() < 1_000_000, "a small file: {} bytes", bytes.len());
    let dir = tempfile::tempdir().expect("dir");
    match read_file(dir.path(), "shared.xlsx", &bytes) {
        Err(Error::Import { problem, .. }) => assert_eq!(problem, ponte::ImportProblem::TooLarge),
        other => panic!("expected an import error, got {:?}", other.map(|rows| rows.len())),
    }
}
