//! Importing the lists coordinators receive — event platforms' attendee reports, partners'
//! Excel sheets in Italian, English or Japanese, Google/Outlook contact CSVs, vCards from phones —
//! without duplicates and without losing anything.
//!
//! The API follows the wizard the UI shows: [`inspect`] a file (format, encoding, sheets, headers
//! and a suggested or saved mapping), [`preview`] what will be stored (per-row problems and
//! duplicates with a decision each), [`commit`] it as one import batch, and [`undo`] a batch
//! from the [`history`]. Each step re-reads the file, so the wizard holds no state but options.
//!
//! Every format is read into rows of text first (one reader per format), so mapping, duplicate
//! detection and storing are the same code for all of them.

pub mod batch;
pub mod csv;
pub mod dedupe;
pub mod mapping;
pub mod record;
pub mod sheet;
pub mod vcard;

/// Prints how long each step of an import took on stderr when `PONTE_TRACE_IMPORT` is set: the
/// breakdown in docs/performance.md. Measuring never changes what is imported.
#[doc(hidden)]
pub fn trace(what: &str, since: &mut std::time::Instant) {
    if std::env::var_os("PONTE_TRACE_IMPORT").is_some() {
        // Resident and peak memory where the system tells them (Linux), for docs/performance.md.
        let memory = std::fs::read_to_string("/proc/self/status")
            .map(|status| {
                let kb = |key: &str| status.lines().find_map(|l| l.strip_prefix(key)).and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok());
                match (kb("VmRSS:"), kb("VmHWM:")) {
                    (Some(now), Some(peak)) => format!("  {:>6} MB resident, {:>6} MB peak", now / 1024, peak / 1024),
                    _ => String::new(),
                }
            })
            .unwrap_or_default();
        eprintln!("{what:<28} {:>7.3} s{memory}", since.elapsed().as_secs_f64());
    }
    *since = std::time::Instant::now();
}

use std::collections::HashMap;
use std::path::Path;

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

pub use self::batch::{commit, commit_beside, history, undo, write_rejected, Batch, RejectedRow, Summary};
pub use self::csv::TextEncoding;
pub use self::dedupe::MatchedBy;
pub use self::mapping::{Column, Field, Mapping};
pub use self::record::{Issue, Record, RowProblem};

use crate::contacts::LawfulBasis;
use crate::error::{Error, ImportProblem, Result};
use crate::fields::text_enum;

/// Largest file read (a 500 MB sheet is refused before it is read).
pub const MAX_FILE_BYTES: u64 = 200 * 1024 * 1024;
/// Most rows one import takes.
pub const MAX_ROWS: usize = 1_000_000;
/// Rows listed in a preview besides those with problems or duplicates.
const PREVIEW_ROWS: usize = 20;
/// Most rows with problems or duplicates listed in a preview (all are counted).
const PREVIEW_LISTED: usize = 1_000;

text_enum!(
    /// What the rows of a file are: people at external organisations (→ organisations and
    /// contacts), the cluster's members and their people (→ members and persons), or a mission's
    /// participants (→ members, persons, participations and delegates).
    Kind {
        Contacts = "contacts",
        Members = "members",
        Participants = "participants",
    }
);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Format {
    Csv,
    Xlsx,
    /// Excel's binary workbook, read like an XLSX.
    Xlsb,
    Xls,
    Ods,
    Vcard,
}

/// One row as read, before mapping; `number` is its 1-based line or row in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct RawRow {
    pub number: usize,
    pub cells: Cells,
}

/// The cells of one row in one allocation: their texts one after another, and where each ends.
/// A file is read whole before it is matched, and a million-row file has ten million cells: as
/// a `String` each, every cell costs a heap block and 24 bytes besides its text (624 MB for a
/// 129 MB CSV); this way a row costs two blocks and 4 bytes a cell.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Cells {
    text: Box<str>,
    ends: Box<[u32]>,
}

impl Cells {
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    pub fn get(&self, i: usize) -> Option<&str> {
        let end = *self.ends.get(i)? as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        self.text.get(start..end)
    }

    pub fn iter(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        (0..self.len()).map(|i| self.get(i).unwrap_or(""))
    }

    pub fn to_vec(&self) -> Vec<String> {
        self.iter().map(str::to_owned).collect()
    }
}

impl<S: AsRef<str>> FromIterator<S> for Cells {
    fn from_iter<I: IntoIterator<Item = S>>(cells: I) -> Cells {
        let mut text = String::new();
        let mut ends = Vec::new();
        for cell in cells {
            text.push_str(cell.as_ref());
            // Files are refused above 200 MB, far below the 4 GB an end could point to.
            ends.push(u32::try_from(text.len()).unwrap_or(u32::MAX));
        }
        Cells { text: text.into_boxed_str(), ends: ends.into_boxed_slice() }
    }
}

impl From<Vec<String>> for Cells {
    fn from(cells: Vec<String>) -> Cells {
        cells.iter().collect()
    }
}

impl std::ops::Index<usize> for Cells {
    type Output = str;

    /// Like a slice's: panics past the last cell. For tests; the import itself uses `get`.
    fn index(&self, i: usize) -> &str {
        match self.get(i) {
            Some(cell) => cell,
            None => panic!("cell {i} of a row of {} cells", self.len()),
        }
    }
}

impl PartialEq<Vec<&str>> for Cells {
    fn eq(&self, other: &Vec<&str>) -> bool {
        self.len() == other.len() && self.iter().zip(other).all(|(a, b)| a == *b)
    }
}

impl std::fmt::Debug for Cells {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// What a reader produces.
#[derive(Debug, Default)]
pub struct Table {
    pub encoding: Option<TextEncoding>,
    pub separator: Option<char>,
    pub sheets: Vec<String>,
    pub sheet: Option<String>,
    pub rows: Vec<RawRow>,
}

/// How to read the file; every field overrides what would be detected.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ReadOptions {
    pub encoding: Option<TextEncoding>,
    pub separator: Option<char>,
    pub sheet: Option<String>,
    /// 1-based row of the headers; the first row with two or more filled cells when `None`.
    pub header_row: Option<usize>,
}

/// What to do with a row that is someone already known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Decision {
    /// Fill the existing record's empty fields; never erase.
    Update,
    KeepBoth,
    Skip,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RowDecision {
    pub row: usize,
    pub decision: Decision,
}

/// Everything the wizard chose.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Options {
    pub kind: Kind,
    /// Required for participants.
    pub mission_id: Option<String>,
    pub read: ReadOptions,
    /// The saved or suggested mapping when `None`.
    pub mapping: Option<Mapping>,
    /// Remember the mapping for the next file with the same headers (on commit).
    pub save_mapping: bool,
    /// ISO country for phone numbers written without a country code.
    pub default_country: String,
    /// Decisions that differ from the suggested ones, by row number.
    pub decisions: Vec<RowDecision>,
    /// The lawful basis of rows whose file does not say (default: legitimate interest, today).
    pub lawful_basis: LawfulBasis,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            kind: Kind::Contacts,
            mission_id: None,
            read: ReadOptions::default(),
            mapping: None,
            save_mapping: true,
            default_country: "IT".to_owned(),
            decisions: Vec::new(),
            lawful_basis: LawfulBasis::LegitimateInterest,
        }
    }
}

/// The first step of the wizard: what the file is and how its columns will be read.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Inspection {
    pub file_name: String,
    pub format: Format,
    /// Text files only.
    pub encoding: Option<TextEncoding>,
    pub separator: Option<char>,
    /// Workbooks only: every sheet, and the one read.
    pub sheets: Vec<String>,
    pub sheet: Option<String>,
    pub header_row: usize,
    pub headers: Vec<String>,
    /// A published layout recognised from the headers (`google_contacts`, `outlook`,
    /// `eventbrite`, `b2match`).
    pub layout: Option<&'static str>,
    pub fingerprint: String,
    pub mapping: Mapping,
    /// True when the mapping is the one saved for these headers.
    pub mapping_saved: bool,
    /// The first rows as read, for the mapping step.
    pub sample: Vec<Vec<String>>,
    pub row_count: usize,
}

/// A person the row is already: in the workspace or on an earlier row.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Duplicate {
    pub matched_by: MatchedBy,
    /// E-mail and phone matches are sure; a name at the same organisation is likely.
    pub sure: bool,
    /// The contact (or person) in the workspace.
    pub existing_id: Option<String>,
    pub existing_name: Option<String>,
    /// The earlier row of the same file.
    pub same_as_row: Option<usize>,
    pub decision: Decision,
}

/// What will happen to a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Action {
    Create,
    Update,
    /// Merged into the record of an earlier row of the file.
    Merge,
    Skip,
    Reject,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PreviewRow {
    pub row: usize,
    pub record: Record,
    pub action: Action,
    pub problems: Vec<RowProblem>,
    pub duplicate: Option<Duplicate>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Counts {
    pub rows: usize,
    pub create: usize,
    pub update: usize,
    pub merge: usize,
    pub skip: usize,
    pub reject: usize,
    /// Rows kept with a warning (a value moved to the notes).
    pub warnings: usize,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Preview {
    pub inspection: Inspection,
    pub counts: Counts,
    /// The first rows, then every row with a problem or a duplicate (up to a thousand).
    pub rows: Vec<PreviewRow>,
}

/// A file read and its header row found.
pub(crate) struct Loaded {
    pub file_name: String,
    pub format: Format,
    pub table: Table,
    pub header_index: usize,
    pub headers: Vec<String>,
}

impl Loaded {
    pub fn data_rows(&self) -> impl Iterator<Item = &RawRow> {
        self.table.rows[self.header_index + 1..].iter().filter(|r| r.cells.iter().any(|c| !c.trim().is_empty()))
    }
}

fn file_error(file: &str, (row, problem): (Option<usize>, ImportProblem)) -> Error {
    Error::Import { file: file.to_owned(), row, problem }
}

/// How XLSX and ODS files (zip archives) begin.
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
/// How XLS files and encrypted workbooks (OLE containers) begin.
const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Whether a file beginning with `head` is a workbook (zip or OLE), whatever its name says.
fn is_workbook(head: &[u8]) -> bool {
    head.starts_with(ZIP_MAGIC) || head.starts_with(OLE_MAGIC)
}

/// Up to `n` bytes from the start of the file.
fn file_head(path: &Path, n: u64) -> Result<Vec<u8>> {
    let mut head = Vec::new();
    std::io::Read::read_to_end(&mut std::io::Read::take(std::fs::File::open(path)?, n), &mut head)?;
    Ok(head)
}

/// Whether a zip workbook is, or may be read by calamine as, an OpenDocument sheet: by its
/// first part, or by its content (calamine goes by the content).
fn is_opendocument(bytes: &[u8], parts: sheet::ZipParts) -> bool {
    parts.content || bytes.get(30..77).is_some_and(|b| b.starts_with(b"mimetypeapplication/vnd.oasis.opendocument"))
}

/// Reads any supported file into rows of text, whatever its name claims, within the limits.
pub(crate) fn load(path: &Path, read: &ReadOptions) -> Result<Loaded> {
    let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let fail = |p: (Option<usize>, ImportProblem)| file_error(&file_name, p);
    let size = std::fs::metadata(path)?.len();
    if size > MAX_FILE_BYTES {
        return Err(fail((None, ImportProblem::TooLarge)));
    }
    let extension = path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
    let claims_workbook = matches!(extension.as_str(), "xlsx" | "xlsm" | "xlsb" | "xls" | "ods");
    let head = file_head(path, 64 * 1024)?;
    let (format, table) = if head.starts_with(ZIP_MAGIC) {
        let bytes = std::fs::read(path)?;
        let parts = sheet::check_zip(std::io::Cursor::new(bytes.as_slice())).map_err(fail)?;
        // An OpenDocument sheet by its name too; a zip with both kinds of part gets both checks.
        if extension == "ods" || is_opendocument(&bytes, parts) {
            sheet::check_ods(&bytes).map_err(fail)?;
        }
        if parts.office {
            sheet::check_xlsx(&bytes).map_err(fail)?;
        }
        sheet::read(&bytes, read.sheet.as_deref(), MAX_ROWS).map_err(fail)?
    } else if head.starts_with(OLE_MAGIC) {
        let bytes = std::fs::read(path)?;
        // An encrypted XLSX is an OLE container holding the encrypted package.
        let marker: Vec<u8> = "EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes).collect();
        if bytes.windows(marker.len()).any(|w| w == marker.as_slice()) {
            return Err(fail((None, ImportProblem::Encrypted)));
        }
        sheet::check_xls(&bytes).map_err(fail)?;
        sheet::read(&bytes, read.sheet.as_deref(), MAX_ROWS).map_err(fail)?
    } else if claims_workbook {
        return Err(fail((None, ImportProblem::NotThisFormat)));
    } else {
        // Text is read as it is decoded, never whole: a 200 MB CSV costs its rows, not also its
        // bytes and its text (docs/performance.md). The first 64 kB decide what it is.
        let encoding = match read.encoding {
            Some(e) => e,
            None => csv::detect_encoding_of(std::fs::File::open(path)?)?,
        };
        let sample = csv::decode(&head, encoding);
        if vcard::looks_like(&sample) {
            let text = csv::decode(&std::fs::read(path)?, encoding);
            if let Some(at) = text.find('\0') {
                return Err(fail((Some(text[..at].matches('\n').count() + 1), ImportProblem::NulByte)));
            }
            let mut rows = vec![RawRow { number: 0, cells: vcard::HEADERS.iter().collect() }];
            rows.extend(vcard::parse(&text));
            if rows.len() > MAX_ROWS {
                return Err(fail((None, ImportProblem::TooManyRows)));
            }
            (Format::Vcard, Table { encoding: Some(encoding), rows, ..Table::default() })
        } else if extension == "vcf" || extension == "vcard" {
            return Err(fail((None, ImportProblem::NotThisFormat)));
        } else {
            let separator = read.separator.and_then(|c| u8::try_from(c).ok()).unwrap_or_else(|| csv::detect_separator(&sample));
            let file = std::fs::File::open(path)?;
            let rows = csv::parse_from(csv::Decoding::new(file, encoding), separator, MAX_ROWS).map_err(fail)?;
            (Format::Csv, Table { encoding: Some(encoding), separator: Some(separator as char), rows, ..Table::default() })
        }
    };
    let header_index = header_index(&table.rows, read.header_row).map_err(fail)?;
    let headers = headers_of(&table.rows[header_index]);
    Ok(Loaded { file_name, format, table, header_index, headers })
}

/// Rows the header is looked for in, when the file does not say which row it is.
const HEADER_SEARCH_ROWS: usize = 50;

/// Where the header row is: row `header_row` when given, else the first of the first fifty rows
/// with two or more filled cells, else the first row with any.
fn header_index(rows: &[RawRow], header_row: Option<usize>) -> std::result::Result<usize, (Option<usize>, ImportProblem)> {
    match header_row {
        Some(n) => rows.iter().position(|r| r.number == n).ok_or((Some(n), ImportProblem::Empty)),
        None => rows
            .iter()
            .take(HEADER_SEARCH_ROWS)
            .position(|r| filled(r) >= 2)
            .or_else(|| rows.iter().position(|r| filled(r) >= 1))
            .ok_or((None, ImportProblem::Empty)),
    }
}

/// How many cells of the row hold something.
fn filled(row: &RawRow) -> usize {
    row.cells.iter().filter(|c| !c.trim().is_empty()).count()
}

fn headers_of(row: &RawRow) -> Vec<String> {
    let mut headers: Vec<String> = row.cells.iter().map(|h| h.trim().to_owned()).collect();
    while headers.last().is_some_and(String::is_empty) {
        headers.pop();
    }
    headers
}

fn inspection_of(conn: &Connection, loaded: &Loaded, kind: Kind, chosen: Option<&Mapping>) -> Result<Inspection> {
    let fingerprint = mapping::fingerprint(&loaded.headers, kind);
    let saved = mapping::saved(conn, &fingerprint)?;
    let mapping_saved = chosen.is_none() && saved.is_some();
    let mapping = match (chosen, saved) {
        (Some(m), _) => m.clone(),
        (None, Some(m)) => m,
        (None, None) => mapping::suggest(&loaded.headers),
    };
    Ok(Inspection {
        file_name: loaded.file_name.clone(),
        format: loaded.format,
        encoding: loaded.table.encoding,
        separator: loaded.table.separator,
        sheets: loaded.table.sheets.clone(),
        sheet: loaded.table.sheet.clone(),
        header_row: loaded.table.rows[loaded.header_index].number,
        headers: loaded.headers.clone(),
        layout: mapping::layout(&loaded.headers),
        fingerprint,
        mapping,
        mapping_saved,
        sample: loaded.data_rows().take(5).map(|r| r.cells.to_vec()).collect(),
        row_count: loaded.data_rows().count(),
    })
}

/// Every row of a file as read, header row included: for tools and tests of the readers.
pub fn read_rows(path: &Path, read: &ReadOptions) -> Result<Vec<RawRow>> {
    Ok(load(path, read)?.table.rows)
}

/// The rows of an XLSX or XLSB sheet as the import streams them into matching (from column A;
/// see [`prepare_streamed`]): for tests that compare them with [`read_rows`]. `None` for other
/// files, and for sheets that cannot be streamed (which are then read whole).
#[doc(hidden)]
pub fn read_rows_streamed(path: &Path, read: &ReadOptions) -> Result<Option<Vec<RawRow>>> {
    use sheet::Streamed;
    let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let fail = |p: (Option<usize>, ImportProblem)| file_error(&file_name, p);
    let Some(bytes) = streamable(path, &fail)? else {
        return Ok(None);
    };
    let mut rows = Vec::new();
    for message in sheet::stream(bytes, read.sheet.clone(), MAX_ROWS, BLOCK) {
        match message {
            Streamed::Started { .. } => {}
            Streamed::Rows(block) => rows.extend(block),
            Streamed::Failed(p) => return Err(fail(p)),
            Streamed::ReadWhole => return Ok(None),
        }
    }
    Ok(Some(rows))
}

/// Step one: reads the file and proposes how to map it (the saved mapping for these headers,
/// else one suggested from them).
pub fn inspect(conn: &Connection, path: &Path, kind: Kind, read: &ReadOptions) -> Result<Inspection> {
    let loaded = load(path, read)?;
    inspection_of(conn, &loaded, kind, None)
}

/// One row after mapping and the duplicate check.
pub(crate) struct Analysed {
    pub row: usize,
    /// A rejected row's cells as read; empty for the others.
    pub cells: Vec<String>,
    pub record: Record,
    pub problems: Vec<RowProblem>,
    pub action: Action,
    pub duplicate: Option<Duplicate>,
    /// For `Merge`: the index (in the analysed rows) of the row merged into.
    pub merge_into: Option<usize>,
}


pub(crate) fn default_country(options: &Options) -> phonenumber::country::Id {
    options.default_country.trim().to_ascii_uppercase().parse().unwrap_or(phonenumber::country::Id::IT)
}

/// A file read, its mapping chosen and the workspace's people indexed: what the matching needs.
pub(crate) struct Prepared {
    pub headers: Vec<String>,
    pub inspection: Inspection,
    pub rows: Rows,
}

/// The rows of a file still to be mapped and matched, with what that takes. Owns everything, so
/// it can be matched on another thread while the rows already matched are stored.
pub(crate) struct Rows {
    raw: Vec<RawRow>,
    /// The rest of a sheet still being read, after `raw` ([`prepare_streamed`]).
    more: Option<std::sync::mpsc::Receiver<sheet::Streamed>>,
    /// How many rows there are: exact without `more`, the sheet's own hint with it.
    expected: usize,
    headers: Vec<String>,
    fields: Vec<Option<Field>>,
    existing: dedupe::Index<String>,
    overrides: HashMap<usize, Decision>,
    kind: Kind,
    country: phonenumber::country::Id,
}

/// Rows are mapped and handed on this many at a time.
const BLOCK: usize = 4 * 1024;

/// Reads the file and indexes the workspace's people, side by side; chooses the mapping.
pub(crate) fn prepare(conn: &Connection, path: &Path, options: &Options) -> Result<Prepared> {
    if options.kind == Kind::Participants {
        let id = options.mission_id.as_deref().ok_or(Error::invalid("missionId", crate::error::Reason::Required))?;
        crate::missions::get(conn, id)?;
    }
    let country = default_country(options);
    let mut t = std::time::Instant::now();
    // Reading the file needs no database; reading and indexing the workspace's people needs no
    // file: side by side (the XLSX parse alone is half a second for 100,000 rows).
    // A workbook takes calamine longer to read than the index takes on one core: the reading
    // thread then keeps a core to itself (0.05 s less for 100,000 XLSX rows). Text is read
    // faster than that, so the index takes both cores.
    let workbook = file_head(path, OLE_MAGIC.len() as u64).is_ok_and(|h| is_workbook(&h));
    let (loaded, existing) = std::thread::scope(|scope| {
        let loading = scope.spawn(|| load(path, &options.read));
        let existing = batch::existing(conn, options.kind).map(|known| batch::index_of(known, country, !workbook));
        (loading.join().unwrap_or_else(|e| std::panic::resume_unwind(e)), existing)
    });
    let existing = existing?;
    let loaded = loaded?;
    trace("load file + index existing", &mut t);
    prepared(conn, loaded, options, existing, country, None)
}

/// The file's mapping chosen and its data rows ready to match: those read so far, and `more`
/// still being read, with the rows the sheet says it spans.
fn prepared(
    conn: &Connection,
    loaded: Loaded,
    options: &Options,
    existing: dedupe::Index<String>,
    country: phonenumber::country::Id,
    more: Option<(std::sync::mpsc::Receiver<sheet::Streamed>, usize)>,
) -> Result<Prepared> {
    let inspection = inspection_of(conn, &loaded, options.kind, options.mapping.as_ref())?;
    let fields = inspection.mapping.resolve(&loaded.headers);
    let Loaded { table, header_index, headers, .. } = loaded;
    let raw: Vec<RawRow> = table.rows.into_iter().skip(header_index + 1).filter(is_filled).collect();
    let overrides = options.decisions.iter().map(|d| (d.row, d.decision)).collect();
    let (more, expected) = match more {
        Some((more, rows_hint)) => (Some(more), rows_hint.saturating_sub(header_index + 1).max(raw.len())),
        None => (None, raw.len()),
    };
    let rows = Rows { raw, more, expected, headers: headers.clone(), fields, existing, overrides, kind: options.kind, country };
    Ok(Prepared { headers, inspection, rows })
}

fn is_filled(row: &RawRow) -> bool {
    row.cells.iter().any(|c| !c.trim().is_empty())
}

/// [`prepare`] for an XLSX or XLSB sheet whose rows are matched and stored while the rest is
/// still being read (calamine takes 0.35 s to read 100,000 rows; storing them takes longer, on
/// the other core). The first block of rows gives the header and the mapping; the others
/// follow through `Rows::more`. `None` when the file is not such a sheet, or the streamed rows
/// could differ from those [`load`] gives (the header is not among the first rows, or the sheet
/// leaves column A empty there): the caller then reads the file whole. The inspection's
/// `row_count` and `sample` cover the first block only.
pub(crate) fn prepare_streamed(conn: &Connection, path: &Path, options: &Options) -> Result<Option<Prepared>> {
    use sheet::Streamed;
    let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let fail = |p: (Option<usize>, ImportProblem)| file_error(&file_name, p);
    let mut t = std::time::Instant::now();
    let Some(bytes) = streamable(path, &fail)? else {
        return Ok(None);
    };
    let country = default_country(options);
    let stream = sheet::stream(bytes, options.read.sheet.clone(), MAX_ROWS, BLOCK);
    // calamine opens the workbook and reads on while the workspace is indexed on this core.
    let existing = batch::index_of(batch::existing(conn, options.kind)?, country, false);
    let (format, sheets, sheet, rows_hint) = match stream.recv() {
        Ok(Streamed::Started { format, sheets, sheet, rows_hint }) => (format, sheets, sheet, rows_hint),
        Ok(Streamed::Failed(p)) => return Err(fail(p)),
        _ => return Ok(None),
    };
    let mut rows = Vec::new();
    let mut ended = false;
    while rows.len() < HEADER_SEARCH_ROWS {
        match stream.recv() {
            Ok(Streamed::Rows(block)) => rows.extend(block),
            Ok(Streamed::Failed(p)) => return Err(fail(p)),
            Ok(_) => return Ok(None),
            Err(_) => {
                ended = true;
                break;
            }
        }
    }
    // Read whole, a file without a row of two filled cells among its first rows gets its first
    // row with any as the header, which may come after the first block: not streamed then.
    let header_index = match options.read.header_row {
        Some(n) => rows.iter().position(|r| r.number == n),
        None if ended => header_index(&rows, None).ok(),
        None => rows.iter().take(HEADER_SEARCH_ROWS).position(|r| filled(r) >= 2),
    };
    // Streamed rows count columns from A; read whole, from the leftmost cell of the sheet.
    // They are the same when A holds something.
    let column_a = rows.iter().any(|r| r.cells.get(0).is_some_and(|c| !c.is_empty()));
    let Some(header_index) = header_index.filter(|_| column_a) else {
        return Ok(None);
    };
    trace("open sheet + index existing", &mut t);
    let headers = headers_of(&rows[header_index]);
    let table = Table { sheets, sheet: Some(sheet), rows, ..Table::default() };
    let loaded = Loaded { file_name, format, table, header_index, headers };
    let more = (!ended).then_some((stream, rows_hint));
    prepared(conn, loaded, options, existing, country, more).map(Some)
}

/// The bytes of a file whose sheet can be streamed, checked as [`load`] checks them: an Office
/// zip workbook (XLSX or XLSB), within the size limit, that calamine will not read as
/// OpenDocument.
fn streamable(path: &Path, fail: &dyn Fn((Option<usize>, ImportProblem)) -> Error) -> Result<Option<Vec<u8>>> {
    let ods = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("ods"));
    if ods || !file_head(path, 4)?.starts_with(ZIP_MAGIC) || std::fs::metadata(path)?.len() > MAX_FILE_BYTES {
        return Ok(None);
    }
    let bytes = std::fs::read(path)?;
    let parts = sheet::check_zip(std::io::Cursor::new(bytes.as_slice())).map_err(fail)?;
    if !parts.office || is_opendocument(&bytes, parts) {
        return Ok(None);
    }
    sheet::check_xlsx(&bytes).map_err(fail)?;
    Ok(Some(bytes))
}

/// Why matching stopped before the end of the rows.
pub(crate) enum Interrupted {
    /// The sheet being streamed turned out unreadable or too large.
    File(String, (Option<usize>, ImportProblem)),
    /// Its rows cannot be streamed (`sheet::Streamed::ReadWhole`): read it whole instead.
    ReadWhole,
    /// The sink said stop.
    Stopped,
}

impl Rows {
    /// True while rows are still being read from the sheet.
    pub fn streaming(&self) -> bool {
        self.more.is_some()
    }

    /// How many rows there are, or, while a sheet is still being read, how many it says it has.
    pub fn expected(&self) -> usize {
        self.expected
    }

    /// Maps every row and checks it against the workspace and the rows before it, in file
    /// order, handing the rows on a block at a time with the rows expected so far; stops early
    /// when `sink` says so. Each block's cells are freed once mapped, so the file's cells and the
    /// mapped records are never all in memory together. Mapping is done on every core, matching
    /// in order. Rows still being read are matched as they come.
    pub fn analyse(mut self, file_name: &str, mut sink: impl FnMut(Vec<Analysed>, usize) -> bool) -> std::result::Result<(), Interrupted> {
        let mut in_file: dedupe::Index<usize> = dedupe::Index::with_capacity(self.expected);
        // The file row of every row analysed so far, for "same as row N".
        let mut numbers: Vec<usize> = Vec::with_capacity(self.expected);
        let Rows { raw, more, expected, headers, fields, existing, overrides, kind, country } = &mut self;
        let mut read = std::mem::take(raw).into_iter();
        let mut blocks: Box<dyn Iterator<Item = std::result::Result<Vec<RawRow>, Interrupted>>> = Box::new(std::iter::from_fn(move || {
            let block: Vec<RawRow> = read.by_ref().take(BLOCK).collect();
            (!block.is_empty()).then_some(Ok(block))
        }));
        if let Some(more) = more.take() {
            let streamed = more.into_iter().map(|m| match m {
                sheet::Streamed::Rows(rows) => Ok(rows.into_iter().filter(is_filled).collect()),
                sheet::Streamed::Failed(p) => Err(Interrupted::File(file_name.to_owned(), p)),
                _ => Err(Interrupted::ReadWhole),
            });
            blocks = Box::new(blocks.chain(streamed));
        }
        let mut seen = 0;
        for block in blocks {
            let mut block = block?;
            seen += block.len();
            if seen > *expected {
                *expected = seen;
            }
            let block = block.as_mut_slice();
            let map = |raw: &RawRow| {
                let (record, problems) = record::map_row(raw.cells.iter(), headers, fields, *kind);
                let keys = batch::keys_of(&record, *country);
                (record, problems, keys)
            };
            let mapped = in_parallel(block, map);
            let mut out = Vec::with_capacity(block.len());
            for (raw, (record, problems, keys)) in block.iter_mut().zip(mapped) {
                let cells = std::mem::take(&mut raw.cells);
                let index = numbers.len();
                numbers.push(raw.number);
                let mut a = Analysed { row: raw.number, cells: Vec::new(), record, problems, action: Action::Create, duplicate: None, merge_into: None };
                if a.problems.iter().any(|p| p.rejects) {
                    // Only a rejected row's cells are needed again (to write it back).
                    a.cells = cells.to_vec();
                    a.action = Action::Reject;
                    out.push(a);
                    continue;
                }
                let found_db = existing.find(&keys);
                let found_file = if found_db.is_none() { in_file.find(&keys) } else { None };
                if let Some((matched_by, existing_id, same_as)) = found_db.map(|(id, by)| (by, Some(id), None)).or(found_file.map(|(i, by)| (by, None, Some(i)))) {
                    let decision = overrides.get(&a.row).copied().unwrap_or(Decision::Update);
                    a.action = match (decision, same_as) {
                        (Decision::Update, None) => Action::Update,
                        (Decision::Update, Some(_)) => Action::Merge,
                        (Decision::KeepBoth, _) => Action::Create,
                        (Decision::Skip, _) => Action::Skip,
                    };
                    if a.action == Action::Merge {
                        a.merge_into = same_as;
                    }
                    a.duplicate = Some(Duplicate {
                        matched_by,
                        sure: matched_by != MatchedBy::Name,
                        existing_id,
                        existing_name: None,
                        same_as_row: same_as.map(|i: usize| numbers[i]),
                        decision,
                    });
                }
                if a.action == Action::Create {
                    in_file.insert(keys, index);
                }
                out.push(a);
            }
            if !sink(out, *expected) {
                return Err(Interrupted::Stopped);
            }
        }
        Ok(())
    }
}

/// `f` over `items` on the machine's cores, results in order. Small inputs stay on this thread.
pub(crate) fn in_parallel<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1).min(8);
    if threads < 2 || items.len() < 2_000 {
        return items.iter().map(&f).collect();
    }
    let chunk = items.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let f = &f;
        let handles: Vec<_> = items.chunks(chunk).map(|part| scope.spawn(move || part.iter().map(f).collect::<Vec<R>>())).collect();
        // A panic in a worker is a bug in the mapping code, not bad input: let it surface.
        handles.into_iter().flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))).collect()
    })
}

/// Step two: what each row will become, its problems and duplicates, and the totals. The rows
/// are counted as they are matched, a block at a time, and only the listed ones are kept.
pub fn preview(conn: &Connection, path: &Path, options: &Options) -> Result<Preview> {
    let Prepared { inspection, rows: pending, .. } = prepare(conn, path, options)?;
    let mut t = std::time::Instant::now();
    let mut counts = Counts { rows: pending.expected(), ..Counts::default() };
    let mut listed = Vec::new();
    let mut seen = 0;
    let mut failed = None;
    // Read whole (not streamed), so nothing but `failed` can interrupt it.
    let _ = pending.analyse(&inspection.file_name, |block, _| {
        for a in block {
            let i = seen;
            seen += 1;
            match a.action {
                Action::Create => counts.create += 1,
                Action::Update => counts.update += 1,
                Action::Merge => counts.merge += 1,
                Action::Skip => counts.skip += 1,
                Action::Reject => counts.reject += 1,
            }
            if a.action != Action::Reject && !a.problems.is_empty() {
                counts.warnings += 1;
            }
            let notable = !a.problems.is_empty() || a.duplicate.is_some();
            if i < PREVIEW_ROWS || (notable && listed.len() < PREVIEW_ROWS + PREVIEW_LISTED) {
                let mut duplicate = a.duplicate;
                if let Some(d) = duplicate.as_mut() {
                    if let Some(id) = &d.existing_id {
                        match batch::existing_name(conn, options.kind, id) {
                            Ok(name) => d.existing_name = name,
                            Err(e) => {
                                failed = Some(e);
                                return false;
                            }
                        }
                    }
                }
                listed.push(PreviewRow { row: a.row, record: a.record, action: a.action, problems: a.problems, duplicate });
            }
        }
        true
    });
    if let Some(e) = failed {
        return Err(e);
    }
    trace("map and match", &mut t);
    Ok(Preview { inspection, counts, rows: listed })
}

#[cfg(test)]
mod tests {
    use super::Cells;

    #[test]
    fn cells_keep_each_text_whole_and_in_place() {
        let texts = ["Nicolò", "", "田中 浩", "", "a;b\nc", ""];
        let cells: Cells = texts.iter().collect();
        assert_eq!(cells.len(), texts.len());
        assert_eq!(cells.iter().collect::<Vec<_>>(), texts, "empty cells keep their places, also last");
        assert_eq!(cells.get(2), Some("田中 浩"));
        assert_eq!(cells.get(texts.len()), None, "past the last cell");
        assert_eq!(cells.to_vec(), texts.map(String::from));
        assert_eq!(Cells::from(texts.map(String::from).to_vec()), cells);
        assert_eq!(format!("{cells:?}"), format!("{texts:?}"));
        let none: Cells = std::iter::empty::<&str>().collect();
        assert!(none.is_empty() && none.get(0).is_none() && none.iter().next().is_none());
    }
}
