//! Workbooks (XLSX, XLS, ODS) through calamine. Cells become the text a person would read in
//! the sheet: a date is `YYYY-MM-DD` whichever date system the workbook uses, and a phone number
//! typed into a numeric cell stays `390212345678` rather than `3.9021234e10` or `...0.0`.
//!
//! calamine reads a whole sheet into memory, so the size of what a workbook expands to is checked
//! from the zip directory before anything is decompressed.

use std::io::{Cursor, Read, Seek};

use calamine::{Cell, Data, DataRef, Reader, Sheets, Xlsb, Xlsx};

use super::{Cells, Format, RawRow, Table};
use crate::error::ImportProblem;

/// Most an XLSX/ODS may expand to, all parts together.
pub const MAX_EXPANDED_BYTES: u64 = 512 * 1024 * 1024;
/// A part that expands more than this many times is a zip bomb, not a spreadsheet.
const MAX_RATIO: u64 = 400;
/// Most cells the rectangle around a sheet's cells may hold. A sheet is laid out densely, so
/// two cells far apart (`A1` and `XFD1048576` in a 10 kB file) would otherwise ask for billions
/// of cells and abort the process. Found by tests/fuzz_import.rs; see docs/reliability.md.
pub const MAX_CELLS: u64 = 10_000_000;

type Problem = (Option<usize>, ImportProblem);

/// Which workbook parts a zip archive holds. calamine reads a zip as an OpenDocument sheet when
/// it finds `content.xml` and no Office workbook part, whatever the file is called, so which
/// checks apply depends on the parts, not on the name.
#[derive(Debug, Clone, Copy)]
pub struct ZipParts {
    /// `xl/workbook.xml` or `xl/workbook.bin`: an XLSX or XLSB.
    pub office: bool,
    /// `content.xml`: an OpenDocument sheet, or read as one.
    pub content: bool,
}

/// Refuses zip archives that would expand beyond the limits, from their directory alone, and
/// zip archives that are not workbooks; says which workbook parts the others hold.
pub fn check_zip<R: Read + Seek>(reader: R) -> Result<ZipParts, Problem> {
    let mut archive = zip::ZipArchive::new(reader).map_err(|_| (None, ImportProblem::NotThisFormat))?;
    let mut total = 0u64;
    for i in 0..archive.len() {
        let entry = archive.by_index_raw(i).map_err(|_| (None, ImportProblem::Unreadable))?;
        let size = entry.size();
        total = total.saturating_add(size);
        if size > 1024 * 1024 && size / entry.compressed_size().max(1) > MAX_RATIO {
            return Err((None, ImportProblem::TooLarge));
        }
    }
    if total > MAX_EXPANDED_BYTES {
        return Err((None, ImportProblem::TooLarge));
    }
    let has = |name: &str| archive.index_for_name(name).is_some();
    let parts = ZipParts { office: has("xl/workbook.xml") || has("xl/workbook.bin"), content: has("content.xml") };
    // A zip that is no workbook (a .docx, a folder of photos) renamed to .xlsx.
    if !parts.office && !parts.content {
        return Err((None, ImportProblem::NotThisFormat));
    }
    Ok(parts)
}

/// Refuses XLSX workbooks whose shared-string table announces more strings than a sheet may
/// hold cells. calamine reserves room for the `uniqueCount` the table states before reading a
/// string: a damaged count of four billion asked for 96 GB, and a failed allocation aborts the
/// process (found by tests/fuzz_import.rs). Only the table's opening tag is read.
pub fn check_xlsx(bytes: &[u8]) -> Result<(), Problem> {
    use quick_xml::events::Event;
    let damaged = (None, ImportProblem::Unreadable);
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| damaged)?;
    // calamine finds the table beside the workbook part, names compared without case: any
    // part of that name is checked.
    let tables: Vec<String> = archive.file_names().flatten().filter(|n| n.to_ascii_lowercase().ends_with("sharedstrings.xml")).map(|n| n.into_owned()).collect();
    for name in tables {
        let Ok(part) = archive.by_name(&name) else { continue };
        let mut reader = quick_xml::Reader::from_reader(std::io::BufReader::new(part));
        let mut buf = Vec::new();
        loop {
            match reader.read_event_into(&mut buf) {
                Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "sst" => {
                    let count = e.attributes().with_checks(false).flatten().find(|a| a.key.as_ref() == "uniqueCount");
                    if count.and_then(|a| a.value.parse::<u64>().ok()).is_some_and(|n| n > MAX_CELLS) {
                        return Err((None, ImportProblem::TooLarge));
                    }
                    break;
                }
                // calamine reports a table it cannot read: not this check's concern.
                Ok(Event::Eof) | Err(_) => break,
                Ok(_) => buf.clear(),
            }
        }
    }
    Ok(())
}

/// Most cells an OpenDocument workbook may lay out, all sheets together. calamine keeps two
/// copies of a sheet's cells (values and formulas, 56 bytes a cell) as it reads it and two once
/// it is laid out, so 5 million cells cost up to about 560 MB; a participant list of 200,000
/// rows of 20 columns is 4 million.
pub const MAX_ODS_CELLS: u64 = 5_000_000;

/// Most text an OpenDocument workbook may lay out, all sheets together: each cell's text as
/// often as repeats copy it. calamine copies the text of a repeated cell into every cell it
/// stands for, so a 20 kB cell repeated over 4 million cells is 80 GB though the cell count is
/// within `MAX_ODS_CELLS`. Real lists are far below: 200,000 rows of 20 cells of 30 bytes are
/// 120 MB.
pub const MAX_ODS_TEXT_BYTES: u64 = 256 * 1024 * 1024;

/// Refuses OpenDocument workbooks that state more cells than `MAX_ODS_CELLS`, or more text than
/// `MAX_ODS_TEXT_BYTES`.
///
/// A sheet states repeats (`number-rows-repeated`, `number-columns-repeated`) instead of
/// writing cells out, so a file of a few kilobytes can ask calamine for its own limit of 100
/// million cells, several gigabytes, as the workbook opens: found by tests/fuzz_import.rs. The
/// repeats are counted here from `content.xml`, streamed, the way calamine expands them: empty
/// cells at the end of a row and empty rows before the first and after the last filled one
/// (LibreOffice writes a million of those) cost nothing; everything between is laid out.
pub fn check_ods(bytes: &[u8]) -> Result<(), Problem> {
    use quick_xml::events::Event;
    const MAX_ROWS: u64 = 1_048_576;
    const MAX_COLUMNS: u64 = 16_384;
    let damaged = (None, ImportProblem::Unreadable);
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| damaged)?;
    let Ok(content) = archive.by_name("content.xml") else { return Ok(()) };
    let mut reader = quick_xml::Reader::from_reader(std::io::BufReader::new(content));
    // calamine's settings, so a file it reads is a file this reads.
    let config = reader.config_mut();
    config.check_end_names = false;
    config.trim_text(false);
    config.check_comments = false;
    let repeats = |e: &quick_xml::events::BytesStart, key: &str| -> u64 {
        e.attributes().with_checks(false).flatten().find(|a| a.key.as_ref() == key).and_then(|a| a.value.parse().ok()).unwrap_or(1)
    };
    let too_large = |cells: u64| if cells > MAX_ODS_CELLS { Err((None, ImportProblem::TooLarge)) } else { Ok(()) };
    // A cell's attributes in one pass (this check reads every cell of the file): how many cells
    // it stands for, whether it may hold a value, and the text calamine copies from them.
    let cell_attributes = |e: &quick_xml::events::BytesStart| -> (u64, bool, u64) {
        let (mut count, mut value, mut text) = (1, false, 0);
        for a in e.attributes().with_checks(false).flatten() {
            match a.key.as_ref() {
                "table:number-columns-repeated" => count = a.value.parse().unwrap_or(1),
                "office:string-value" | "office:date-value" | "office:time-value" | "table:formula" => {
                    value = true;
                    text += a.value.len() as u64;
                }
                key => value |= key.starts_with("office:"),
            }
        }
        (count, value, text)
    };
    // Cells read (values and empty cells between them) and cells laid out, all sheets so far;
    // the same for bytes of text.
    let (mut read, mut laid_out) = (0u64, 0u64);
    let (mut text_read, mut text_laid_out) = (0u64, 0u64);
    // The cell being read: how many cells it stands for, and its text so far.
    let (mut cell_count, mut cell_text) = (0u64, 0u64);
    let mut sheet = OdsSheet::default();
    let mut row = OdsRow::default();
    // Inside a cell, its content (text, even a table of its own) is not the sheet's.
    let mut cell_depth = 0usize;
    let mut open_tables = 0usize;
    let mut buf = Vec::new();
    loop {
        let event = reader.read_event_into(&mut buf).map_err(|_| damaged)?;
        let (start, empty) = match &event {
            Event::Start(e) => (Some(e), false),
            Event::Empty(e) => (Some(e), true),
            _ => (None, false),
        };
        if let Some(e) = start {
            let name = e.name();
            let cell = name.as_ref() == "table:table-cell" || name.as_ref() == "table:covered-table-cell";
            if cell_depth > 0 {
                cell_depth += usize::from(cell && !empty);
                // `<text:s text:c="N"/>` is N spaces: calamine writes them all out.
                cell_text = cell_text.saturating_add(match name.as_ref() {
                    "text:s" => repeats(e, "text:c").min(i32::MAX as u64),
                    "text:p" | "text:tab" | "text:line-break" => 1,
                    _ => 0,
                });
            } else if name.as_ref() == "table:table" && !empty {
                laid_out = laid_out.saturating_add(sheet.cells());
                sheet = OdsSheet::default();
                open_tables += 1;
            } else if name.as_ref() == "table:table-row" {
                row = OdsRow { repeats: repeats(e, "table:number-rows-repeated").min(MAX_ROWS.saturating_sub(sheet.rows)), ..OdsRow::default() };
                if empty {
                    sheet.end_row(&row);
                }
            } else if cell {
                let (count, value, text) = cell_attributes(e);
                // Content or a value: possibly not empty, so laid out with the empty cells before it.
                if !empty || value {
                    row.cells = row.cells.saturating_add(row.pending).saturating_add(count).min(MAX_COLUMNS);
                    row.pending = 0;
                } else {
                    row.pending = row.pending.saturating_add(count).min(MAX_COLUMNS);
                }
                (cell_count, cell_text) = (count.min(MAX_COLUMNS), text);
                if empty {
                    row.text = row.text.saturating_add(cell_text.saturating_mul(cell_count));
                }
                cell_depth += usize::from(!empty);
            }
        }
        match event {
            Event::End(e) if cell_depth > 0 => {
                let cell = e.name().as_ref() == "table:table-cell" || e.name().as_ref() == "table:covered-table-cell";
                cell_depth -= usize::from(cell);
                if cell_depth == 0 {
                    row.text = row.text.saturating_add(cell_text.saturating_mul(cell_count));
                }
            }
            Event::Text(t) if cell_depth > 0 => cell_text = cell_text.saturating_add(t.len() as u64),
            // `&amp;`, `&#x4E2D;`: a character or a few bytes each.
            Event::GeneralRef(r) if cell_depth > 0 => cell_text = cell_text.saturating_add(r.len() as u64 + 2),
            Event::End(e) if e.name().as_ref() == "table:table-row" => {
                read = read.saturating_add(row.cells);
                text_read = text_read.saturating_add(row.text);
                text_laid_out = text_laid_out.saturating_add(row.text.saturating_mul(row.repeats));
                sheet.end_row(&row);
                row = OdsRow::default();
            }
            Event::End(e) if e.name().as_ref() == "table:table" => open_tables = open_tables.saturating_sub(1),
            // calamine waits for the end of a table or cell that never comes: it would read on
            // at the end of the file for ever (found by tests/fuzz_import.rs).
            Event::Eof if open_tables > 0 || cell_depth > 0 => return Err(damaged),
            Event::Eof => break,
            _ => (),
        }
        too_large(read)?;
        too_large(laid_out.saturating_add(sheet.cells()))?;
        if text_read.max(text_laid_out).max(row.text) > MAX_ODS_TEXT_BYTES {
            return Err((None, ImportProblem::TooLarge));
        }
        buf.clear();
    }
    Ok(())
}

/// A sheet of an OpenDocument workbook as `check_ods` counts it.
#[derive(Default)]
struct OdsSheet {
    /// Rows so far, repeats counted.
    rows: u64,
    /// Row elements so far, whatever their repeats.
    elements: u64,
    /// The first and the row after the last row with a cell that may hold something.
    filled: Option<(u64, u64)>,
    /// The same rows as row elements.
    filled_elements: Option<(u64, u64)>,
    /// The widest of those rows.
    width: u64,
}

impl OdsSheet {
    fn end_row(&mut self, row: &OdsRow) {
        if row.cells > 0 {
            let first = self.filled.map_or(self.rows, |(first, _)| first);
            self.filled = Some((first, self.rows + row.repeats));
            let first = self.filled_elements.map_or(self.elements, |(first, _)| first);
            self.filled_elements = Some((first, self.elements + 1));
            self.width = self.width.max(row.cells);
        }
        self.rows += row.repeats;
        self.elements += 1;
    }

    /// The cells calamine lays out, or the room it reserves for them if that is more: it
    /// reserves by row elements, before expanding repeats, so rows repeated zero times (stated
    /// so, or cut to zero by the row limit) count there although they lay out nothing.
    fn cells(&self) -> u64 {
        let span = |filled: Option<(u64, u64)>| filled.map_or(0, |(first, end)| (end - first).saturating_mul(self.width));
        span(self.filled).max(span(self.filled_elements))
    }
}

#[derive(Default)]
struct OdsRow {
    repeats: u64,
    /// Cells up to the last that may hold something.
    cells: u64,
    /// Empty cells after those: laid out only if a filled one follows.
    pending: u64,
    /// Bytes of text in its cells, repeated cells counted each time.
    text: u64,
}

/// Most cells an XLS sheet's `Dimensions` record may announce: a BIFF8 sheet's whole grid.
/// calamine reserves room for them before reading a cell; the room is only reserved, not
/// touched, so a real sheet of any shape passes.
const MAX_XLS_DIMENSIONS: i64 = 65_536 * 256;

/// Refuses XLS files whose records would make calamine ask for more memory than there is.
///
/// calamine reads every sheet of an XLS as the workbook is opened: it reserves the cells a
/// sheet's `Dimensions` record announces, then lays the cells out densely between the first and
/// the last. One damaged byte in either (a row count of 117 million) is an allocation that
/// fails, and a failed allocation aborts the process instead of panicking, so `read`'s
/// `catch_unwind` cannot save it. Found by tests/fuzz_import.rs on a LibreOffice XLS.
///
/// The records are walked here the way calamine walks them: the globals up to their end, then
/// each sheet from the offset its `BoundSheet8` record gives, skipping embedded charts.
pub fn check_xls(bytes: &[u8]) -> Result<(), Problem> {
    let damaged = (None, ImportProblem::Unreadable);
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes)).map_err(|_| damaged)?;
    let name = ["/Workbook", "/Book"].into_iter().find(|name| file.is_stream(name)).ok_or(damaged)?;
    let mut stream = Vec::new();
    // A stream cannot hold more than the file; a longer one loops through its sectors.
    let limit = bytes.len() as u64 + 1;
    file.open_stream(name).map_err(|_| damaged)?.take(limit).read_to_end(&mut stream).map_err(|_| damaged)?;
    if stream.len() as u64 >= limit {
        return Err(damaged);
    }
    let mut sheets = Vec::new();
    // The shared strings: the SST record and the CONTINUE records after it.
    let mut sst: Vec<&[u8]> = Vec::new();
    let mut in_sst = false;
    for (typ, data) in Records(&stream) {
        in_sst = match typ {
            0x00FC => {
                sst = vec![data];
                true
            }
            0x003C if in_sst => {
                sst.push(data);
                true
            }
            _ => false,
        };
        match typ {
            // BoundSheet8: where the sheet's records start.
            0x0085 if data.len() >= 4 => sheets.push(u32::from_le_bytes([data[0], data[1], data[2], data[3]]) as usize),
            0x000A => break,
            _ => (),
        }
    }
    let strings = sst_sizes(&sst);
    // calamine reads every sheet as the workbook opens: their text is all in memory at once.
    let mut text = 0u64;
    for start in sheets {
        let Some(records) = stream.get(start..) else { continue };
        check_xls_sheet(records, &strings, &mut text)?;
    }
    Ok(())
}

/// At most how many bytes each shared string of an XLS takes once decoded (three per
/// character), the strings walked as calamine walks them: a character count and flags, the
/// characters, which may go on in the next CONTINUE record after a flag byte of their own, then
/// formatting runs and extra data to skip. A table that does not parse to its end ends the
/// walk: calamine refuses it.
fn sst_sizes(segments: &[&[u8]]) -> Vec<u32> {
    let mut sizes = Vec::new();
    let mut rest = segments.iter().copied();
    let Some(mut data) = rest.next().and_then(|first| first.get(8..)) else { return sizes };
    let u16_at = |data: &[u8], at: usize| data.get(at..at + 2).map(|b| usize::from(u16::from_le_bytes([b[0], b[1]])));
    loop {
        while data.is_empty() {
            match rest.next() {
                Some(next) => data = next,
                None => return sizes,
            }
        }
        let (Some(chars), Some(&flags)) = (u16_at(data, 0), data.get(2)) else { return sizes };
        data = &data[3..];
        let mut skip = 0usize;
        if flags & 0x8 != 0 {
            let Some(runs) = u16_at(data, 0) else { return sizes };
            skip += runs * 4;
            data = &data[2..];
        }
        if flags & 0x4 != 0 {
            let Some(b) = data.get(..4) else { return sizes };
            skip = skip.saturating_add(i32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize);
            data = &data[4..];
        }
        sizes.push(chars as u32 * 3);
        let (mut left, mut wide) = (chars, flags & 0x1 != 0);
        loop {
            let taken = if wide { left.min(data.len() / 2) } else { left.min(data.len()) };
            data = &data[if wide { taken * 2 } else { taken }..];
            left -= taken;
            if left == 0 {
                break;
            }
            match rest.next() {
                Some(next) if !next.is_empty() => {
                    wide = next[0] & 0x1 != 0;
                    data = &next[1..];
                }
                _ => return sizes,
            }
        }
        while skip > 0 {
            if data.is_empty() {
                match rest.next() {
                    Some(next) => data = next,
                    None => return sizes,
                }
            }
            let step = skip.min(data.len());
            data = &data[step..];
            skip -= step;
        }
    }
}

fn check_xls_sheet(records: &[u8], strings: &[u32], text: &mut u64) -> Result<(), Problem> {
    let too_large = (None, ImportProblem::TooLarge);
    let u16_at = |data: &[u8], at: usize| data.get(at..at + 2).map(|b| i64::from(u16::from_le_bytes([b[0], b[1]])));
    let u32_at = |data: &[u8], at: usize| data.get(at..at + 4).map(|b| i64::from(u32::from_le_bytes([b[0], b[1], b[2], b[3]])));
    let (mut top, mut left, mut bottom, mut right) = (i64::MAX, i64::MAX, -1, -1);
    let (mut seen_bof, mut depth) = (false, 0usize);
    for (typ, data) in Records(records) {
        if depth > 0 {
            match typ {
                0x0809 => depth += 1,
                0x000A => depth -= 1,
                _ => (),
            }
            continue;
        }
        let cells = match typ {
            0x0809 => {
                if seen_bof {
                    depth += 1;
                }
                seen_bof = true;
                None
            }
            0x000A => break,
            // Dimensions, read as calamine reads it (BIFF2–5 or BIFF8 layout).
            0x0200 => {
                let fields = match data.len() {
                    10 => (u16_at(data, 0), u16_at(data, 2), u16_at(data, 4), u16_at(data, 6)),
                    14 | 16 => (u32_at(data, 0), u32_at(data, 4), u16_at(data, 8), u16_at(data, 10)),
                    _ => continue,
                };
                let (Some(first_row), Some(rows_end), Some(mut first_col), Some(cols_end)) = fields else { continue };
                if first_col > 0xFF || cols_end < first_col {
                    first_col = 0;
                }
                let (rows, cols) = if rows_end >= 1 && cols_end >= 1 { (rows_end - first_row, cols_end - first_col) } else { (1, 1) };
                if rows < 1 || cols < 1 || rows.saturating_mul(cols) > MAX_XLS_DIMENSIONS {
                    return Err(too_large);
                }
                None
            }
            // Number, Label, RString, BoolErr, RK, LabelSst, Formula: one cell at (row, col).
            0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD | 0x0006 => u16_at(data, 0).zip(u16_at(data, 2)).map(|(row, col)| (row, col, col)),
            // MulRk: cells from the first column on, one per six bytes.
            0x00BD if data.len() >= 6 => u16_at(data, 0).zip(u16_at(data, 2)).map(|(row, col)| (row, col, col + (data.len() as i64 - 6 + 5) / 6)),
            _ => None,
        };
        // LabelSst: the cell gets its own copy of the shared string.
        if typ == 0x00FD {
            *text += u32_at(data, 6).and_then(|i| strings.get(i as usize)).map_or(0, |&size| u64::from(size));
            if *text > MAX_SHEET_TEXT_BYTES {
                return Err(too_large);
            }
        }
        if let Some((row, first, last)) = cells {
            (top, bottom, left, right) = (top.min(row), bottom.max(row), left.min(first), right.max(last));
            if (bottom - top + 1) * (right - left + 1) > MAX_CELLS as i64 {
                return Err(too_large);
            }
        }
    }
    Ok(())
}

/// The records of a BIFF stream: type and data, up to the first that does not fit. calamine
/// stops with an error there, so nothing after it is read.
struct Records<'a>(&'a [u8]);

impl<'a> Iterator for Records<'a> {
    type Item = (u16, &'a [u8]);

    fn next(&mut self) -> Option<Self::Item> {
        let head = self.0.get(..4)?;
        let typ = u16::from_le_bytes([head[0], head[1]]);
        let len = usize::from(u16::from_le_bytes([head[2], head[3]]));
        let data = self.0.get(4..4 + len)?;
        self.0 = &self.0[4 + len..];
        Some((typ, data))
    }
}

fn problem(e: calamine::Error) -> Problem {
    use calamine::{Error as E, OdsError, XlsError, XlsxError};
    let p = match e {
        E::Xlsx(XlsxError::Password) | E::Xls(XlsError::Password) | E::Ods(OdsError::Password) => ImportProblem::Encrypted,
        _ => ImportProblem::Unreadable,
    };
    (None, p)
}

/// The sheets of a workbook, in order.
pub fn open(bytes: &[u8]) -> Result<Sheets<Cursor<&[u8]>>, Problem> {
    calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(problem)
}

/// Reads one sheet (the first when `sheet` is `None`) as rows of text.
///
/// calamine parses untrusted files: a panic inside it (an overflow on a twelve-digit cell
/// reference, found by tests/fuzz_import.rs) means a damaged file, not a reason to stop Ponte.
pub fn read(bytes: &[u8], sheet: Option<&str>, max_rows: usize) -> Result<(Format, Table), Problem> {
    std::panic::catch_unwind(|| read_sheet(bytes, sheet, max_rows)).unwrap_or(Err((None, ImportProblem::Unreadable)))
}

/// The sheet named `sheet`, or the first.
fn chosen(sheets: &[String], sheet: Option<&str>) -> Result<String, Problem> {
    match sheet {
        Some(name) => sheets.iter().find(|s| s.as_str() == name).cloned().ok_or((None, ImportProblem::NoSuchSheet)),
        None => sheets.first().cloned().ok_or((None, ImportProblem::Empty)),
    }
}

fn read_sheet(bytes: &[u8], sheet: Option<&str>, max_rows: usize) -> Result<(Format, Table), Problem> {
    let mut book = open(bytes)?;
    let sheets = book.sheet_names();
    let name = chosen(&sheets, sheet)?;
    // The format is the reader calamine chose for the file.
    let format = match &book {
        Sheets::Xlsx(_) => Format::Xlsx,
        Sheets::Xlsb(_) => Format::Xlsb,
        Sheets::Xls(_) => Format::Xls,
        Sheets::Ods(_) => Format::Ods,
    };
    let rows = match &mut book {
        Sheets::Xlsx(xlsx) => xlsx_rows(xlsx, &name, max_rows)?,
        Sheets::Xlsb(xlsb) => xlsb_rows(xlsb, &name, max_rows)?,
        other => {
            let range = other.worksheet_range(&name).map_err(problem)?;
            let first_row = range.start().map(|(r, _)| r as usize).unwrap_or(0);
            if range.height() > max_rows {
                return Err((None, ImportProblem::TooManyRows));
            }
            range
                .rows()
                .enumerate()
                .map(|(i, cells)| RawRow { number: first_row + i + 1, cells: cells.iter().map(text).collect() })
                .collect()
        }
    };
    Ok((format, Table { sheets, sheet: Some(name), rows, ..Table::default() }))
}

/// An XLSX sheet's rows, as calamine's `worksheet_range` would give them (the rectangle around
/// the non-empty cells), but refused before that rectangle is laid out when it is too large.
fn xlsx_rows<R: Read + Seek>(book: &mut Xlsx<R>, name: &str, max_rows: usize) -> Result<Vec<RawRow>, Problem> {
    let xlsx = |e| problem(calamine::Error::Xlsx(e));
    let mut reader = book.worksheet_cells_reader(name).map_err(xlsx)?;
    bounded_rows(|| reader.next_cell().map_err(xlsx), max_rows)
}

/// The same for an Excel binary workbook (`.xlsb`): calamine's `worksheet_range` lays its
/// rectangle out the same way, so two cells far apart would abort the process there too.
fn xlsb_rows<R: Read + Seek>(book: &mut Xlsb<R>, name: &str, max_rows: usize) -> Result<Vec<RawRow>, Problem> {
    let xlsb = |e| problem(calamine::Error::Xlsb(e));
    let mut reader = book.worksheet_cells_reader(name).map_err(xlsb)?;
    bounded_rows(|| reader.next_cell().map_err(xlsb), max_rows)
}

/// Most text the cells of one XLSX or XLSB sheet may hold, all copies counted: a cell that
/// refers to a shared string gets its own copy, so one string of a megabyte referred to by a
/// million cells (a file of a few megabytes) would be a terabyte. As much as the largest file
/// a workbook may expand to.
pub const MAX_SHEET_TEXT_BYTES: u64 = MAX_EXPANDED_BYTES;

/// The rectangle around a sheet's non-empty cells and the text they hold, as cells come: refused
/// as soon as it is taller than `max_rows` or holds more than `MAX_CELLS`, or its text more than
/// `MAX_SHEET_TEXT_BYTES`. The limits of both readers of XLSX and XLSB sheets.
struct SheetBounds {
    max_rows: u64,
    top: u32,
    left: u32,
    bottom: u32,
    right: u32,
    text_bytes: u64,
}

impl SheetBounds {
    fn new(max_rows: usize) -> SheetBounds {
        SheetBounds { max_rows: max_rows as u64, top: u32::MAX, left: u32::MAX, bottom: 0, right: 0, text_bytes: 0 }
    }

    fn height(&self) -> u64 {
        u64::from(self.bottom - self.top) + 1
    }

    /// Takes in one more non-empty cell, before its text is copied.
    fn admit(&mut self, (row, col): (u32, u32), value: &DataRef<'_>) -> Result<(), Problem> {
        (self.top, self.left, self.bottom, self.right) = (self.top.min(row), self.left.min(col), self.bottom.max(row), self.right.max(col));
        if self.height() > self.max_rows {
            return Err((None, ImportProblem::TooManyRows));
        }
        if self.height() * (u64::from(self.right - self.left) + 1) > MAX_CELLS {
            return Err((None, ImportProblem::TooLarge));
        }
        self.text_bytes += match value {
            DataRef::SharedString(s) => s.len() as u64,
            DataRef::String(s) => s.len() as u64,
            _ => 0,
        };
        if self.text_bytes > MAX_SHEET_TEXT_BYTES {
            return Err((None, ImportProblem::TooLarge));
        }
        Ok(())
    }
}

/// Appends a cell's text to `out`. Most cells of a participant list are text: copied once, not
/// through `Data`.
fn push_text(out: &mut String, value: &DataRef<'_>) {
    match value {
        DataRef::SharedString(s) => out.push_str(s),
        DataRef::String(s) => out.push_str(s),
        other => out.push_str(&text(&Data::from(other.clone()))),
    }
}

/// The rows of the rectangle around the non-empty cells `next` yields, within [`SheetBounds`].
fn bounded_rows<'a>(mut next: impl FnMut() -> Result<Option<Cell<DataRef<'a>>>, Problem>, max_rows: usize) -> Result<Vec<RawRow>, Problem> {
    let mut cells: Vec<((u32, u32), String)> = Vec::new();
    let mut bounds = SheetBounds::new(max_rows);
    while let Some(cell) = next()? {
        if *cell.get_value() == DataRef::Empty {
            continue;
        }
        bounds.admit(cell.get_position(), cell.get_value())?;
        let mut value = String::new();
        push_text(&mut value, cell.get_value());
        cells.push((cell.get_position(), value));
    }
    if cells.is_empty() {
        return Ok(Vec::new());
    }
    let SheetBounds { top, left, bottom, right, .. } = bounds;
    let width = (right - left) as usize + 1;
    // Sheets store their cells row by row, so this sort rarely moves anything.
    cells.sort_by_key(|&(position, _)| position);
    let mut cells = cells.into_iter().peekable();
    let mut rows = Vec::with_capacity((bottom - top) as usize + 1);
    let mut line = vec![String::new(); width];
    for row in top..=bottom {
        while let Some(((_, col), value)) = cells.next_if(|&((r, _), _)| r == row) {
            line[(col - left) as usize] = value;
        }
        rows.push(RawRow { number: row as usize + 1, cells: line.iter().collect() });
        line.iter_mut().for_each(String::clear);
    }
    Ok(rows)
}

/// What the thread streaming a sheet ([`stream`]) sends, in order: `Started`, then `Rows` until
/// the sheet ends (the channel closes), or `Failed` / `ReadWhole` in their place.
pub(crate) enum Streamed {
    /// The workbook opened: the format calamine chose, its sheets, the one read, and how many
    /// rows the sheet says it spans (a hint for progress, never trusted for anything else).
    Started { format: Format, sheets: Vec<String>, sheet: String, rows_hint: usize },
    Rows(Vec<RawRow>),
    /// The file is refused, as [`read`] would refuse it.
    Failed(Problem),
    /// The rows cannot be streamed; read the file whole instead (as [`read`] does). Either a
    /// cell came after a later row's, so rows already sent may lack cells (sheets written by
    /// Excel, LibreOffice or any library list their rows in order), or the cells lie so far
    /// right that rows counted from column A would be larger than [`read`] lays out from the
    /// leftmost cell.
    ReadWhole,
}

/// Reads an XLSX or XLSB sheet on its own thread and sends its rows, `block` at a time, as
/// they are parsed, so the rows can be matched and stored while the rest of the sheet is read
/// (docs/performance.md). The rows are those [`read`] gives, with the same limits, except that
/// columns count from `A` (the caller checks that the sheet uses column `A`) and a row is as
/// wide as its last cell. For zip workbooks other than ODS (which calamine reads whole anyway);
/// anything else is `Failed` as unreadable. The thread stops when the receiver is dropped.
pub(crate) fn stream(bytes: Vec<u8>, sheet: Option<String>, max_rows: usize, block: usize) -> std::sync::mpsc::Receiver<Streamed> {
    // Room for 64 blocks (262,144 rows with the import's blocks): the sheet is read on while
    // the workspace is indexed, before any row is matched. With room for two, the reader
    // waited there and the import gained 0.05 s instead of 0.3 s (docs/performance.md).
    let (sender, receiver) = std::sync::mpsc::sync_channel(64);
    std::thread::spawn(move || {
        let send = |m: Streamed| sender.send(m).is_ok();
        // As in `read`: a panic inside calamine is a damaged file.
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| stream_sheet(&bytes, sheet.as_deref(), max_rows, block, &send)));
        match outcome {
            Ok(Ok(())) => {}
            Ok(Err(Some(problem))) => {
                send(Streamed::Failed(problem));
            }
            Ok(Err(None)) => {}
            Err(_) => {
                send(Streamed::Failed((None, ImportProblem::Unreadable)));
            }
        }
    });
    receiver
}

/// `Err(None)`: stopped, because the receiver hung up or the rows cannot be streamed (said).
fn stream_sheet(bytes: &[u8], sheet: Option<&str>, max_rows: usize, block: usize, send: &dyn Fn(Streamed) -> bool) -> Result<(), Option<Problem>> {
    let mut book = open(bytes)?;
    let sheets = book.sheet_names();
    let name = chosen(&sheets, sheet)?;
    let started = |format, rows_hint: u32| Streamed::Started { format, sheets: sheets.clone(), sheet: name.clone(), rows_hint: (rows_hint as usize).min(max_rows) };
    let span = |d: calamine::Dimensions| d.end.0.saturating_sub(d.start.0).saturating_add(1);
    type Next<'r> = Box<dyn FnMut() -> Result<Option<Cell<DataRef<'r>>>, Problem> + 'r>;
    let (format, rows_hint, next): (Format, u32, Next<'_>) = match &mut book {
        Sheets::Xlsx(xlsx) => {
            let fail = |e| problem(calamine::Error::Xlsx(e));
            let mut reader = xlsx.worksheet_cells_reader(&name).map_err(fail)?;
            (Format::Xlsx, span(reader.dimensions()), Box::new(move || reader.next_cell().map_err(fail)))
        }
        Sheets::Xlsb(xlsb) => {
            let fail = |e| problem(calamine::Error::Xlsb(e));
            let mut reader = xlsb.worksheet_cells_reader(&name).map_err(fail)?;
            (Format::Xlsb, span(reader.dimensions()), Box::new(move || reader.next_cell().map_err(fail)))
        }
        _ => return Err(Some((None, ImportProblem::Unreadable))),
    };
    if !send(started(format, rows_hint)) {
        return Err(None);
    }
    rows_in_order(next, max_rows, block, send)
}

/// [`bounded_rows`] for cells that come row by row: each row is sent as soon as a later one
/// begins, within the same [`SheetBounds`].
fn rows_in_order<'a>(
    mut next: impl FnMut() -> Result<Option<Cell<DataRef<'a>>>, Problem>,
    max_rows: usize,
    block: usize,
    send: &dyn Fn(Streamed) -> bool,
) -> Result<(), Option<Problem>> {
    let mut bounds = SheetBounds::new(max_rows);
    let mut rows: Vec<RawRow> = Vec::with_capacity(block);
    let mut line: Vec<String> = Vec::new();
    // How many of `line`'s cells the current row uses.
    let mut used = 0;
    // The row `line` holds, once a cell was read.
    let mut current: Option<u32> = None;
    let flush = |rows: &mut Vec<RawRow>, force: bool| -> Result<(), Option<Problem>> {
        if ((force && !rows.is_empty()) || rows.len() >= block) && !send(Streamed::Rows(std::mem::replace(rows, Vec::with_capacity(block)))) {
            return Err(None);
        }
        Ok(())
    };
    while let Some(cell) = next()? {
        if *cell.get_value() == DataRef::Empty {
            continue;
        }
        let (row, col) = cell.get_position();
        if current.is_some_and(|r| row < r) {
            send(Streamed::ReadWhole);
            return Err(None);
        }
        bounds.admit((row, col), cell.get_value())?;
        // The cell bound for the rows as laid out here, from column A. Without it, one cell far
        // right (column 600 million, in a damaged file) asked for 14 GB (tests/fuzz_import.rs).
        if bounds.height() * (u64::from(bounds.right) + 1) > MAX_CELLS {
            send(Streamed::ReadWhole);
            return Err(None);
        }
        if let Some(r) = current.filter(|&r| r < row) {
            // The row is complete; the rows between it and this cell's are empty, as in `read`.
            rows.push(RawRow { number: r as usize + 1, cells: line[..used].iter().collect() });
            // Cleared, not freed: the next row's text goes into the same buffers.
            line[..used].iter_mut().for_each(String::clear);
            used = 0;
            flush(&mut rows, false)?;
            for empty in r + 1..row {
                rows.push(RawRow { number: empty as usize + 1, cells: Cells::default() });
                flush(&mut rows, false)?;
            }
        }
        current = Some(row);
        let col = col as usize;
        if line.len() <= col {
            line.resize(col + 1, String::new());
        }
        used = used.max(col + 1);
        line[col].clear();
        push_text(&mut line[col], cell.get_value());
    }
    if let Some(r) = current {
        rows.push(RawRow { number: r as usize + 1, cells: line[..used].iter().collect() });
    }
    flush(&mut rows, true)
}

/// A cell as text, the way the sheet shows it to a reader.
pub fn text(cell: &Data) -> String {
    match cell {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number(*f),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        Data::DateTime(dt) if dt.is_datetime() => {
            // calamine applies the workbook's date system (1900 or 1904) here.
            let (y, mo, d, h, mi, s, _) = dt.to_ymd_hms_milli();
            if (h, mi, s) == (0, 0, 0) {
                format!("{y:04}-{mo:02}-{d:02}")
            } else {
                format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}")
            }
        }
        Data::DateTime(dt) => number(dt.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
    }
}

/// Whole numbers without `.0` and never in exponent form: long digit strings are phone numbers,
/// postcodes or VAT numbers more often than quantities.
fn number(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e17 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_string_sizes_follow_the_strings_across_continue_records() {
        let header = [0u8; 8];
        // "abc" compressed; "de" UTF-16 with two formatting runs and 3 bytes of extra data;
        // "fgh" compressed, cut after "f" and going on in the next record as UTF-16.
        let mut first = header.to_vec();
        first.extend([3, 0, 0x00, b'a', b'b', b'c']);
        first.extend([2, 0, 0x0D, 2, 0, 3, 0, 0, 0, b'd', 0, b'e', 0]);
        first.extend([0; 8]);
        first.extend([1, 2, 3]);
        first.extend([3, 0, 0x00, b'f']);
        let second = [0x01, b'g', 0, b'h', 0];
        // A string that starts a record of its own, and one cut short: the walk stops there.
        let third = [1, 0, 0x00, b'i', 9, 0, 0x00, b'j'];
        assert_eq!(sst_sizes(&[&first, &second, &third]), vec![9, 6, 9, 3, 27]);
        assert_eq!(sst_sizes(&[&header]), Vec::<u32>::new());
        assert_eq!(sst_sizes(&[]), Vec::<u32>::new());
    }

    #[test]
    fn numbers_read_as_people_typed_them() {
        let cases = [(39021234000.0, "39021234000"), (3.0, "3"), (2.5, "2.5"), (-7.0, "-7"), (393471234567.0, "393471234567")];
        for (value, expected) in cases {
            assert_eq!(text(&Data::Float(value)), expected);
        }
        assert_eq!(text(&Data::Int(42)), "42");
    }

    #[test]
    fn dates_read_the_same_in_both_date_systems() {
        use calamine::{ExcelDateTime, ExcelDateTimeType};
        // 2025-07-07 is serial 45845 in the 1900 system and 44383 in the 1904 one.
        let d1900 = Data::DateTime(ExcelDateTime::new(45845.0, ExcelDateTimeType::DateTime, false));
        let d1904 = Data::DateTime(ExcelDateTime::new(44383.0, ExcelDateTimeType::DateTime, true));
        assert_eq!(text(&d1900), "2025-07-07");
        assert_eq!(text(&d1904), "2025-07-07");
        let with_time = Data::DateTime(ExcelDateTime::new(45845.5, ExcelDateTimeType::DateTime, false));
        assert_eq!(text(&with_time), "2025-07-07 12:00");
    }

    #[test]
    fn a_text_file_is_not_a_workbook() {
        assert!(read(b"Nome,Cognome\n", None, 10).is_err());
        assert_eq!(check_zip(Cursor::new(b"Nome".as_slice())).err().map(|e| e.1), Some(ImportProblem::NotThisFormat));
    }
}
