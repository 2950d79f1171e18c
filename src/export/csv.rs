//! CSV contact lists: one for people opening it in Excel or LibreOffice, one raw for machine
//! imports, and the layouts Google Contacts and Outlook import.
//!
//! A spreadsheet program runs a cell that starts with `=`, `+`, `-` or `@` (also after a tab or
//! CR) as a formula, and a contact list comes from badges, business cards and partners' sheets,
//! so a name like `=HYPERLINK(...)` is an attack (CSV injection). The CSV for Excel therefore
//! neutralises such cells as OWASP recommends, by putting `'` in front: the cell is then text.
//!
//! Phone numbers are the one legitimate value that starts with `+`, and a CSV cell is not typed
//! into Excel: Excel shows the `'` of a CSV cell as part of the text. So a phone number (a value
//! made only of digits, spaces and `()-./` after its `+`) gets an invisible U+2060 WORD JOINER in
//! front instead: the cell no longer starts with `+`, so it is text, and it reads `+39 02 1234`
//! exactly as typed. Copying such a number out of the sheet carries the invisible character;
//! machines should get the raw CSV, the vCard or the XLSX (where cells are typed text and need no
//! neutralising at all).

use std::borrow::Cow;

use csv::{QuoteStyle, Terminator, WriterBuilder};

use super::{cell, Column, ExportContact, Separator};
use crate::error::{Error, Result};

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Characters that make a spreadsheet read a cell as a formula when they come first (OWASP).
const FORMULA_START: &[char] = &['=', '+', '-', '@', '\t', '\r'];

/// Invisible, zero-width, and not a formula trigger: see the module notes.
pub const WORD_JOINER: char = '\u{2060}';

fn is_phone(value: &str) -> bool {
    let mut chars = value.chars();
    chars.next() == Some('+')
        && value.chars().filter(char::is_ascii_digit).count() >= 3
        && chars.all(|c| c.is_ascii_digit() || " ()-./".contains(c))
}

/// A cell value that no spreadsheet runs as a formula: phone numbers get an invisible word
/// joiner in front, any other value starting with a formula character gets `'`.
pub fn neutralise(value: &str) -> Cow<'_, str> {
    if !value.starts_with(FORMULA_START) {
        Cow::Borrowed(value)
    } else if is_phone(value) {
        Cow::Owned(format!("{WORD_JOINER}{value}"))
    } else {
        Cow::Owned(format!("'{value}"))
    }
}

/// A generous guess of a file's size: about 12 bytes a cell.
fn estimate(contacts: &[ExportContact], columns: usize) -> usize {
    4096 + contacts.len() * columns * 12
}

fn csv_error(e: impl std::fmt::Display) -> Error {
    Error::Export {
        format: "csv",
        reason: e.to_string(),
    }
}

fn write_rows<'a>(
    capacity: usize,
    bom: bool,
    separator: u8,
    header: impl IntoIterator<Item = &'a str>,
    rows: impl Iterator<Item = Vec<Cow<'a, str>>>,
) -> Result<Vec<u8>> {
    // Sized up front, so the buffer never moves while it grows (see `export::contacts`).
    let mut out = Vec::with_capacity(capacity);
    if bom {
        out.extend_from_slice(BOM);
    }
    let mut w = WriterBuilder::new()
        .delimiter(separator)
        .terminator(Terminator::CRLF)
        .quote_style(QuoteStyle::Necessary)
        .from_writer(out);
    w.write_record(header).map_err(csv_error)?;
    for row in rows {
        w.write_record(row.iter().map(|c| c.as_bytes()))
            .map_err(csv_error)?;
    }
    w.into_inner().map_err(csv_error)
}

/// The CSV for Excel: UTF-8 with BOM (so Excel reads accents and kanji), the locale's separator,
/// CRLF, headers in `lang`, every cell neutralised.
pub fn excel(
    contacts: &[ExportContact],
    columns: &[Column],
    separator: Separator,
    lang: &str,
) -> Result<Vec<u8>> {
    let rows = contacts.iter().map(|c| {
        columns
            .iter()
            .map(|col| Cow::Owned(neutralise(&cell(c, *col)).into_owned()))
            .collect()
    });
    // Headers are our own words and never start with a formula character.
    write_rows(
        estimate(contacts, columns.len()),
        true,
        separator.byte(),
        columns.iter().map(|c| c.label(lang)),
        rows,
    )
}

/// The raw CSV for machine imports (a CRM): values exactly as stored, `,`, CRLF, UTF-8 without
/// BOM, headers as stable keys (`firstName`...). Not safe to open in a spreadsheet program.
pub fn raw(contacts: &[ExportContact], columns: &[Column]) -> Result<Vec<u8>> {
    let rows = contacts.iter().map(|c| {
        columns
            .iter()
            .map(|col| Cow::Owned(cell(c, *col)))
            .collect()
    });
    write_rows(
        estimate(contacts, columns.len()),
        false,
        b',',
        columns.iter().map(|c| c.key()),
        rows,
    )
}

/// Google Contacts' CSV header, as its own export writes it (its import matches these names).
pub const GOOGLE_HEADER: &[&str] = &[
    "First Name",
    "Middle Name",
    "Last Name",
    "Phonetic First Name",
    "Phonetic Middle Name",
    "Phonetic Last Name",
    "Name Prefix",
    "Name Suffix",
    "Nickname",
    "File As",
    "Organization Name",
    "Organization Title",
    "Organization Department",
    "Birthday",
    "Notes",
    "Photo",
    "Labels",
    "E-mail 1 - Label",
    "E-mail 1 - Value",
    "Phone 1 - Label",
    "Phone 1 - Value",
    "Address 1 - Label",
    "Address 1 - Formatted",
    "Address 1 - Street",
    "Address 1 - City",
    "Address 1 - PO Box",
    "Address 1 - Region",
    "Address 1 - Postal Code",
    "Address 1 - Country",
    "Address 1 - Extended Address",
];

/// Outlook's CSV header, as Outlook's "Export to a file → Comma Separated Values" writes it.
pub const OUTLOOK_HEADER: &[&str] = &[
    "Title",
    "First Name",
    "Middle Name",
    "Last Name",
    "Suffix",
    "Company",
    "Department",
    "Job Title",
    "Business Street",
    "Business Street 2",
    "Business Street 3",
    "Business City",
    "Business State",
    "Business Postal Code",
    "Business Country/Region",
    "Home Street",
    "Home Street 2",
    "Home Street 3",
    "Home City",
    "Home State",
    "Home Postal Code",
    "Home Country/Region",
    "Other Street",
    "Other Street 2",
    "Other Street 3",
    "Other City",
    "Other State",
    "Other Postal Code",
    "Other Country/Region",
    "Assistant's Phone",
    "Business Fax",
    "Business Phone",
    "Business Phone 2",
    "Callback",
    "Car Phone",
    "Company Main Phone",
    "Home Fax",
    "Home Phone",
    "Home Phone 2",
    "ISDN",
    "Mobile Phone",
    "Other Fax",
    "Other Phone",
    "Pager",
    "Primary Phone",
    "Radio Phone",
    "TTY/TDD Phone",
    "Telex",
    "Account",
    "Anniversary",
    "Assistant's Name",
    "Billing Information",
    "Birthday",
    "Business Address PO Box",
    "Categories",
    "Children",
    "Directory Server",
    "E-mail Address",
    "E-mail Type",
    "E-mail Display Name",
    "E-mail 2 Address",
    "E-mail 2 Type",
    "E-mail 2 Display Name",
    "E-mail 3 Address",
    "E-mail 3 Type",
    "E-mail 3 Display Name",
    "Gender",
    "Government ID Number",
    "Hobby",
    "Home Address PO Box",
    "Initials",
    "Internet Free Busy",
    "Keywords",
    "Language",
    "Location",
    "Manager's Name",
    "Mileage",
    "Notes",
    "Office Location",
    "Organizational ID Number",
    "Other Address PO Box",
    "Priority",
    "Private",
    "Profession",
    "Referred By",
    "Sensitivity",
    "Spouse",
    "User 1",
    "User 2",
    "User 3",
    "User 4",
    "Web Page",
];

/// A row of a fixed layout, filled by header name; unnamed columns stay empty.
fn layout_row<'a>(header: &[&str], values: &[(&str, String)]) -> Vec<Cow<'a, str>> {
    header
        .iter()
        .map(|h| match values.iter().find(|(k, _)| k == h) {
            // Phones are left as typed: Google and Outlook read `+39 …`, and would keep an
            // invisible joiner inside the stored number. Text cells are neutralised all the same,
            // for whoever opens the file in a spreadsheet first.
            Some((k, v)) if k.contains("Phone") => Cow::Owned(v.clone()),
            Some((_, v)) => Cow::Owned(neutralise(v).into_owned()),
            None => Cow::Borrowed(""),
        })
        .collect()
}

/// The family and given readings from a reading written family name first ("たなか ひろし").
pub fn reading_parts(reading: &str) -> (String, String) {
    let reading = reading.trim();
    match reading.split_once([' ', '\u{3000}']) {
        Some((family, given)) => (family.trim().to_owned(), given.trim().to_owned()),
        None => (reading.to_owned(), String::new()),
    }
}

fn address(contact: &ExportContact) -> String {
    [contact.city.as_str(), contact.country.as_str()]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(", ")
}

/// Google Contacts' layout: comma, UTF-8, CRLF. Tags become labels (`a ::: b`).
pub fn google(contacts: &[ExportContact]) -> Result<Vec<u8>> {
    let rows = contacts.iter().map(|c| {
        let (family_reading, given_reading) = reading_parts(&c.name_reading);
        let labels = c.tags.join(" ::: ");
        let values = [
            ("First Name", c.first_name.clone()),
            ("Last Name", c.last_name.clone()),
            ("Phonetic First Name", given_reading),
            ("Phonetic Last Name", family_reading),
            ("File As", c.display_name.clone()),
            ("Organization Name", c.organisation.clone()),
            ("Organization Title", c.role.clone()),
            ("Notes", c.notes.clone()),
            ("Labels", labels),
            (
                "E-mail 1 - Label",
                if c.email.is_empty() {
                    String::new()
                } else {
                    "Work".to_owned()
                },
            ),
            ("E-mail 1 - Value", c.email.clone()),
            (
                "Phone 1 - Label",
                if c.phone.is_empty() {
                    String::new()
                } else {
                    "Work".to_owned()
                },
            ),
            ("Phone 1 - Value", c.phone.clone()),
            (
                "Address 1 - Label",
                if address(c).is_empty() {
                    String::new()
                } else {
                    "Work".to_owned()
                },
            ),
            ("Address 1 - Formatted", address(c)),
            ("Address 1 - City", c.city.clone()),
            ("Address 1 - Country", c.country.clone()),
        ];
        layout_row(GOOGLE_HEADER, &values)
    });
    write_rows(
        estimate(contacts, 20),
        false,
        b',',
        GOOGLE_HEADER.iter().copied(),
        rows,
    )
}

/// Outlook's layout: comma, UTF-8 with BOM (Outlook otherwise assumes the ANSI code page), CRLF.
/// Tags become categories.
pub fn outlook(contacts: &[ExportContact]) -> Result<Vec<u8>> {
    let rows = contacts.iter().map(|c| {
        let values = [
            ("First Name", c.first_name.clone()),
            ("Last Name", c.last_name.clone()),
            ("Company", c.organisation.clone()),
            ("Job Title", c.role.clone()),
            ("Business City", c.city.clone()),
            ("Business Country/Region", c.country.clone()),
            ("Business Phone", c.phone.clone()),
            ("Categories", c.tags.join(";")),
            ("E-mail Address", c.email.clone()),
            (
                "E-mail Type",
                if c.email.is_empty() {
                    String::new()
                } else {
                    "SMTP".to_owned()
                },
            ),
            (
                "E-mail Display Name",
                if c.email.is_empty() {
                    String::new()
                } else {
                    format!("{} ({})", c.display_name, c.email)
                },
            ),
            ("Language", c.language.clone()),
            ("Notes", c.notes.clone()),
        ];
        layout_row(OUTLOOK_HEADER, &values)
    });
    write_rows(
        estimate(contacts, OUTLOOK_HEADER.len()),
        true,
        b',',
        OUTLOOK_HEADER.iter().copied(),
        rows,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_neutralised_and_phones_stay_readable() {
        assert_eq!(neutralise("=1+2"), "'=1+2");
        assert_eq!(neutralise("-5"), "'-5");
        assert_eq!(neutralise("@SUM(1,1)"), "'@SUM(1,1)");
        assert_eq!(neutralise("\t=1"), "'\t=1");
        assert_eq!(neutralise("+1+cmd"), "'+1+cmd");
        assert_eq!(neutralise("+39 02 1234"), "\u{2060}+39 02 1234");
        assert_eq!(neutralise("x\";=1"), "x\";=1");
        assert_eq!(neutralise("Rossi"), "Rossi");
    }

    #[test]
    fn readings_split_family_name_first() {
        assert_eq!(
            reading_parts("たなか ひろし"),
            ("たなか".to_owned(), "ひろし".to_owned())
        );
        assert_eq!(
            reading_parts("たなか\u{3000}ひろし"),
            ("たなか".to_owned(), "ひろし".to_owned())
        );
        assert_eq!(
            reading_parts("さとう"),
            ("さとう".to_owned(), String::new())
        );
    }
}
