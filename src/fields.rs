//! Field rules shared by every aggregate: identifiers, timestamps, and the checks that keep
//! bad input (HTML, control characters, impossible dates, unknown time zones) out of the store.

use chrono::{NaiveDate, SecondsFormat, Utc};
use chrono_tz::Tz;

use crate::error::{Error, Reason, Result};

/// Longest single-line value we accept; notes get more room.
pub const MAX_LINE: usize = 300;
pub const MAX_NOTES: usize = 20_000;

/// A new UUID v7 as text: time-ordered, so ids made on several laptops merge without clashes.
pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// Now, as a UTC RFC 3339 instant with second precision.
pub fn now() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Trims a single-line value and refuses control characters and over-long text.
/// Markup is kept as typed: the UI renders text as text, so `<b>` is harmless.
pub fn line(field: &'static str, value: &str) -> Result<String> {
    let value = value.trim();
    if value.chars().count() > MAX_LINE {
        return Err(Error::invalid(field, Reason::TooLong));
    }
    if value.chars().any(char::is_control) {
        return Err(Error::invalid(field, Reason::ControlCharacters));
    }
    Ok(value.to_owned())
}

/// Like [`line`] but the value must not be empty.
pub fn required(field: &'static str, value: &str) -> Result<String> {
    let value = line(field, value)?;
    if value.is_empty() {
        return Err(Error::invalid(field, Reason::Required));
    }
    Ok(value)
}

/// Multi-line free text: newlines and tabs allowed, other control characters (NUL...) not.
pub fn notes(field: &'static str, value: &str) -> Result<String> {
    let value = value.trim().replace("\r\n", "\n");
    if value.chars().count() > MAX_NOTES {
        return Err(Error::invalid(field, Reason::TooLong));
    }
    if value.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return Err(Error::invalid(field, Reason::ControlCharacters));
    }
    Ok(value)
}

/// An optional e-mail address: empty, or one `local@domain.tld` without spaces.
pub fn email(field: &'static str, value: &str) -> Result<String> {
    let value = line(field, value)?;
    if value.is_empty() {
        return Ok(value);
    }
    let ok = match value.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !value.contains(char::is_whitespace)
        }
        None => false,
    };
    if ok {
        Ok(value)
    } else {
        Err(Error::invalid(field, Reason::Email))
    }
}

/// An optional phone number: digits with the usual separators and an optional leading `+`.
pub fn phone(field: &'static str, value: &str) -> Result<String> {
    let value = line(field, value)?;
    let ok = value.chars().enumerate().all(|(i, c)| {
        c.is_ascii_digit() || " ()-./".contains(c) || (c == '+' && i == 0)
    }) && (value.is_empty() || value.chars().filter(char::is_ascii_digit).count() >= 3);
    if ok {
        Ok(value)
    } else {
        Err(Error::invalid(field, Reason::Phone))
    }
}

/// An optional web address; a bare domain is accepted as typed.
pub fn website(field: &'static str, value: &str) -> Result<String> {
    let value = line(field, value)?;
    if value.contains(char::is_whitespace) || value.to_ascii_lowercase().starts_with("javascript:") {
        return Err(Error::invalid(field, Reason::Url));
    }
    Ok(value)
}

/// An optional ISO 3166-1 alpha-2 country code, stored upper case.
pub fn country(field: &'static str, value: &str) -> Result<String> {
    let value = line(field, value)?.to_ascii_uppercase();
    if value.is_empty() || (value.len() == 2 && value.chars().all(|c| c.is_ascii_uppercase())) {
        Ok(value)
    } else {
        Err(Error::invalid(field, Reason::Choice))
    }
}

/// A calendar date `YYYY-MM-DD`.
pub fn date(field: &'static str, value: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d").map_err(|_| Error::invalid(field, Reason::Date))
}

/// An IANA time zone name such as `Asia/Tokyo`.
pub fn time_zone(field: &'static str, value: &str) -> Result<Tz> {
    value.trim().parse::<Tz>().map_err(|_| Error::invalid(field, Reason::TimeZone))
}

/// Kana or kanji: Japanese writes names (and words) without spaces between them.
pub fn is_japanese(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{30FF}' | '\u{4E00}'..='\u{9FFF}')
}

/// A person's name as shown: given name first, except when the family name is written in kana or
/// kanji, which is shown family name first (田中 浩) as in Japan. The search index uses the same rule.
pub fn display_name(first: &str, last: &str) -> String {
    let japanese = last.chars().any(is_japanese);
    let (a, b) = if japanese { (last, first) } else { (first, last) };
    match (a.is_empty(), b.is_empty()) {
        (false, false) => format!("{a} {b}"),
        (false, true) => a.to_owned(),
        _ => b.to_owned(),
    }
}

/// Declares a closed set of values stored as text, with serde and SQLite conversions.
macro_rules! text_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $(#[serde(rename = $text)] $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            pub fn parse(text: &str) -> Option<$name> {
                match text { $($text => Some($name::$variant),)+ _ => None }
            }
        }

        impl rusqlite::types::ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                Ok(self.as_str().into())
            }
        }

        impl rusqlite::types::FromSql for $name {
            fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
                let text = value.as_str()?;
                $name::parse(text).ok_or_else(|| rusqlite::types::FromSqlError::Other(
                    format!("unknown {} {text:?}", stringify!($name)).into()))
            }
        }
    };
}
pub(crate) use text_enum;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_trimmed_and_markup_is_kept_as_typed() {
        assert_eq!(line("name", "  <img src=x onerror=alert(1)> ").unwrap(), "<img src=x onerror=alert(1)>");
    }

    #[test]
    fn control_characters_are_refused_but_notes_keep_newlines() {
        assert!(line("name", "a\u{0}b").is_err());
        assert!(line("name", "a\nb").is_err());
        assert_eq!(notes("notes", "one\r\ntwo\tthree").unwrap(), "one\ntwo\tthree");
        assert!(notes("notes", "nul\u{0}").is_err());
    }

    #[test]
    fn required_fields_refuse_blank_values() {
        assert!(matches!(required("name", "   "), Err(Error::Invalid { field: "name", reason: Reason::Required })));
    }

    #[test]
    fn emails_need_one_at_and_a_dotted_domain() {
        for good in ["", "mario.rossi@example.it", "a+tag@b.co.jp"] {
            assert!(email("email", good).is_ok(), "{good} should pass");
        }
        for bad in ["mario", "a@b", "a@@b.it", "a b@c.it", "@b.it", "a@.it", "a@b."] {
            assert!(email("email", bad).is_err(), "{bad} should fail");
        }
    }

    #[test]
    fn phones_accept_international_forms_only() {
        assert!(phone("phone", "+39 02 1234 5678").is_ok());
        assert!(phone("phone", "(617) 555-0100").is_ok());
        assert!(phone("phone", "call me").is_err());
        assert!(phone("phone", "39+1").is_err());
    }

    #[test]
    fn dates_and_zones_are_checked() {
        assert!(date("startsOn", "2025-07-07").is_ok());
        assert!(date("startsOn", "2025-02-30").is_err());
        assert!(date("startsOn", "07/07/2025").is_err());
        assert!(time_zone("timeZone", "Asia/Tokyo").is_ok());
        assert!(time_zone("timeZone", "Mars/Olympus").is_err());
    }

    #[test]
    fn japanese_names_show_family_name_first() {
        assert_eq!(display_name("浩", "田中"), "田中 浩");
        assert_eq!(display_name("Hiroshi", "Tanaka"), "Hiroshi Tanaka");
        assert_eq!(display_name("", "Rossi"), "Rossi");
    }

    #[test]
    fn countries_are_two_letter_codes() {
        assert_eq!(country("country", "jp").unwrap(), "JP");
        assert!(country("country", "Japan").is_err());
    }
}
