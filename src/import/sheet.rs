//! Workbooks (XLSX, XLS, ODS) through calamine. Cells become the text a person would read in
//! the sheet: a date is `YYYY-MM-DD` whichever date system the workbook uses, and a phone number
//! typed into a numeric cell stays `390212345678` rather than `3.9021234e10` or `...0.0`.
//!
//! calamine reads a whole sheet into memory, so the size of what a workbook expands to is checked
//! from the zip directory before anything is decompressed.

use std::io::{Cursor, Read, Seek};

use calamine::{Data, DataRef, Reader, Sheets, Xlsx};

use super::{RawRow, Table};
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

/// Refuses zip archives that would expand beyond the limits, from their directory alone, and
/// zip archives that are not workbooks.
pub fn check_zip<R: Read + Seek>(reader: R) -> Result<(), Problem> {
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
    // A zip that is no workbook (a .docx, a folder of photos) renamed to .xlsx.
    let workbook = ["xl/workbook.xml", "xl/workbook.bin", "content.xml"].iter().any(|name| archive.index_for_name(name).is_some());
    if !workbook {
        return Err((None, ImportProblem::NotThisFormat));
    }
    Ok(())
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
pub fn read(bytes: &[u8], sheet: Option<&str>, max_rows: usize) -> Result<Table, Problem> {
    std::panic::catch_unwind(|| read_sheet(bytes, sheet, max_rows)).unwrap_or(Err((None, ImportProblem::Unreadable)))
}

fn read_sheet(bytes: &[u8], sheet: Option<&str>, max_rows: usize) -> Result<Table, Problem> {
    let mut book = open(bytes)?;
    let sheets = book.sheet_names();
    let name = match sheet {
        Some(name) => sheets.iter().find(|s| s.as_str() == name).cloned().ok_or((None, ImportProblem::NoSuchSheet))?,
        None => sheets.first().cloned().ok_or((None, ImportProblem::Empty))?,
    };
    let rows = match &mut book {
        Sheets::Xlsx(xlsx) => xlsx_rows(xlsx, &name, max_rows)?,
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
    Ok(Table { sheets, sheet: Some(name), rows, ..Table::default() })
}

/// An XLSX sheet's rows, as calamine's `worksheet_range` would give them (the rectangle around
/// the non-empty cells), but refused before that rectangle is laid out when it is too large.
fn xlsx_rows<R: Read + Seek>(book: &mut Xlsx<R>, name: &str, max_rows: usize) -> Result<Vec<RawRow>, Problem> {
    let xlsx = |e| problem(calamine::Error::Xlsx(e));
    let mut reader = book.worksheet_cells_reader(name).map_err(xlsx)?;
    let mut cells: Vec<((u32, u32), String)> = Vec::new();
    let (mut top, mut left, mut bottom, mut right) = (u32::MAX, u32::MAX, 0, 0);
    while let Some(cell) = reader.next_cell().map_err(xlsx)? {
        if *cell.get_value() == DataRef::Empty {
            continue;
        }
        let (row, col) = cell.get_position();
        (top, left, bottom, right) = (top.min(row), left.min(col), bottom.max(row), right.max(col));
        let height = u64::from(bottom - top) + 1;
        if height > max_rows as u64 {
            return Err((None, ImportProblem::TooManyRows));
        }
        if height * (u64::from(right - left) + 1) > MAX_CELLS {
            return Err((None, ImportProblem::TooLarge));
        }
        let value = match cell.get_value() {
            // Most cells of a participant list are text: copied once, not through `Data`.
            DataRef::SharedString(s) => (*s).to_owned(),
            DataRef::String(s) => s.clone(),
            other => text(&Data::from(other.clone())),
        };
        cells.push(((row, col), value));
    }
    if cells.is_empty() {
        return Ok(Vec::new());
    }
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
