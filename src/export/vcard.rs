//! vCards, so a member can drop "who you met" into a phone's address book. 3.0 (RFC 2426) by
//! default because every address book reads it; 4.0 (RFC 6350) on request.
//!
//! Lines are folded at 75 octets without splitting a UTF-8 character (the ICS folding), text is
//! escaped (`\\`, `,`, `;`, newlines), and N and FN are always present — some readers drop a card
//! without them. A Japanese reading ("たなか ひろし", family name first) goes into the
//! `X-PHONETIC-LAST-NAME` / `X-PHONETIC-FIRST-NAME` pair that iOS, macOS and Android read and
//! sort by.

use std::borrow::Cow;

use super::csv::reading_parts;
use super::{file_stem, ExportContact};
use crate::ics::fold_line;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Version {
    V3,
    V4,
}

/// Escapes a TEXT value or one component of a structured value (N, ADR).
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.contains(|c: char| matches!(c, '\\' | ',' | ';') || (c.is_control() && c != '\t')) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push_str("\\n");
                }
            }
            '\n' => out.push_str("\\n"),
            c if c.is_control() && c != '\t' => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

fn line(out: &mut String, name: &str, value: &str) {
    // Most properties fit on one line: written in place, without building the line first.
    if name.len() + 1 + value.len() <= 75 {
        out.push_str(name);
        out.push(':');
        out.push_str(value);
        out.push_str("\r\n");
    } else {
        fold_line(&format!("{name}:{value}"), out);
    }
}

/// One card for `contact`.
pub fn card(contact: &ExportContact, version: Version, out: &mut String) {
    fold_line("BEGIN:VCARD", out);
    fold_line(
        if version == Version::V4 {
            "VERSION:4.0"
        } else {
            "VERSION:3.0"
        },
        out,
    );
    line(
        out,
        "N",
        &format!(
            "{};{};;;",
            escape(&contact.last_name),
            escape(&contact.first_name)
        ),
    );
    let fn_text = if contact.display_name.trim().is_empty() {
        // FN may not be empty; an organisation or address stands in for a nameless contact.
        [contact.organisation.as_str(), contact.email.as_str(), "?"]
            .into_iter()
            .find(|s| !s.is_empty())
            .unwrap_or("?")
            .to_owned()
    } else {
        contact.display_name.clone()
    };
    line(out, "FN", &escape(&fn_text));
    if !contact.name_reading.trim().is_empty() {
        let (family, given) = reading_parts(&contact.name_reading);
        if !family.is_empty() {
            line(out, "X-PHONETIC-LAST-NAME", &escape(&family));
        }
        if !given.is_empty() {
            line(out, "X-PHONETIC-FIRST-NAME", &escape(&given));
        }
    }
    if !contact.organisation.is_empty() {
        line(out, "ORG", &escape(&contact.organisation));
    }
    if !contact.role.is_empty() {
        line(out, "TITLE", &escape(&contact.role));
    }
    if !contact.email.is_empty() {
        let name = if version == Version::V4 {
            "EMAIL;TYPE=work"
        } else {
            "EMAIL;TYPE=INTERNET,WORK"
        };
        line(out, name, &escape(&contact.email));
    }
    if !contact.phone.is_empty() {
        let name = if version == Version::V4 {
            "TEL;TYPE=work,voice"
        } else {
            "TEL;TYPE=WORK,VOICE"
        };
        line(out, name, &escape(&contact.phone));
    }
    if !contact.city.is_empty() || !contact.country.is_empty() {
        let name = if version == Version::V4 {
            "ADR;TYPE=work"
        } else {
            "ADR;TYPE=WORK"
        };
        line(
            out,
            name,
            &format!(
                ";;;{};;;{}",
                escape(&contact.city),
                escape(&contact.country)
            ),
        );
    }
    if !contact.notes.is_empty() {
        line(out, "NOTE", &escape(&contact.notes));
    }
    if !contact.tags.is_empty() {
        line(
            out,
            "CATEGORIES",
            &contact
                .tags
                .iter()
                .map(|t| escape(t))
                .collect::<Vec<_>>()
                .join(","),
        );
    }
    if version == Version::V4 && !contact.language.is_empty() {
        line(out, "LANG", &escape(&contact.language));
    }
    let uid = if version == Version::V4 {
        format!("urn:uuid:{}", contact.id)
    } else {
        contact.id.clone()
    };
    line(out, "UID", &uid);
    let rev = contact.updated_at.replace(['-', ':'], "");
    line(out, "REV", &rev);
    fold_line("END:VCARD", out);
}

/// Many cards in one file.
pub fn cards(contacts: &[ExportContact], version: Version) -> String {
    let mut out = String::with_capacity(contacts.len() * 320);
    for c in contacts {
        card(c, version, &mut out);
    }
    out
}

/// The file of one contact in a one-file-per-contact export: the name's stem plus the end of the
/// id, so two Mario Rossi never overwrite each other.
pub fn file_name(contact: &ExportContact) -> String {
    let tail: String = contact
        .id
        .chars()
        .rev()
        .take(8)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    format!("{}-{tail}.vcf", file_stem(&contact.display_name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_escapes_commas_semicolons_backslashes_and_newlines() {
        assert_eq!(escape("a,b;c\\d\ne\r\nf"), "a\\,b\\;c\\\\d\\ne\\nf");
    }
}
