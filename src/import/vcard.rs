//! vCards (2.1, 3.0, 4.0) as phones, Outlook, Gmail and Apple Contacts write them: one file with
//! one or many cards, folded lines, quoted-printable values in any charset, Apple `itemN.` groups
//! and photos (ignored). Each card becomes a row under fixed headers that the mapping knows, so
//! vCards go through the same preview, duplicate check and commit as spreadsheets.

use encoding_rs::Encoding;

use super::RawRow;

/// The columns a card is read into.
pub const HEADERS: &[&str] = &[
    "First name", "Last name", "Full name", "Phonetic first name", "Phonetic last name", "Organization",
    "Job title", "E-mail", "Phone", "City", "Country", "Notes",
];
const FIRST: usize = 0;
const LAST: usize = 1;
const FULL: usize = 2;
const PHONETIC_FIRST: usize = 3;
const PHONETIC_LAST: usize = 4;
const ORG: usize = 5;
const TITLE: usize = 6;
const EMAIL: usize = 7;
const PHONE: usize = 8;
const CITY: usize = 9;
const COUNTRY: usize = 10;
const NOTES: usize = 11;

/// True when the text starts like a vCard file.
pub fn looks_like(text: &str) -> bool {
    text.trim_start_matches('\u{FEFF}').trim_start().get(..11).is_some_and(|s| s.eq_ignore_ascii_case("BEGIN:VCARD"))
}

/// One content line after unfolding: `group.NAME;params:value`.
struct Property {
    name: String,
    params: Vec<(String, String)>,
    value: String,
}

/// Joins folded lines: a line starting with a space or tab continues the previous one (3.0/4.0),
/// and a quoted-printable line ending in `=` continues on the next (2.1 soft line break).
fn unfold(text: &str) -> Vec<(usize, String)> {
    let mut lines: Vec<(usize, String)> = Vec::new();
    let mut soft_break = false;
    for (i, raw) in text.split('\n').enumerate() {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if soft_break {
            if let Some(last) = lines.last_mut() {
                last.1.pop(); // the `=`
                last.1.push_str(line);
                soft_break = is_quoted_printable_head(&last.1) && last.1.ends_with('=');
                continue;
            }
        }
        if (line.starts_with(' ') || line.starts_with('\t')) && !lines.is_empty() {
            if let Some(last) = lines.last_mut() {
                last.1.push_str(&line[1..]);
            }
        } else if !line.is_empty() {
            lines.push((i + 1, line.to_owned()));
        }
        soft_break = lines.last().is_some_and(|(_, l)| is_quoted_printable_head(l) && l.ends_with('='));
    }
    lines
}

fn is_quoted_printable_head(line: &str) -> bool {
    line.split_once(':').is_some_and(|(head, _)| head.to_ascii_uppercase().contains("QUOTED-PRINTABLE"))
}

fn parse_property(line: &str) -> Option<Property> {
    let (head, value) = split_unquoted(line, ':')?;
    let mut parts = head.split(';');
    let name = parts.next()?.trim();
    // Apple writes `item1.EMAIL`: the group only ties a label to the value.
    let name = name.rsplit('.').next().unwrap_or(name).to_ascii_uppercase();
    let params = parts
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (k.trim().to_ascii_uppercase(), v.trim().trim_matches('"').to_owned()),
            // vCard 2.1 allows bare parameters: `TEL;WORK;QUOTED-PRINTABLE:`.
            None => if p.eq_ignore_ascii_case("QUOTED-PRINTABLE") || p.eq_ignore_ascii_case("BASE64") {
                ("ENCODING".to_owned(), p.to_owned())
            } else {
                ("TYPE".to_owned(), p.to_owned())
            },
        })
        .collect();
    Some(Property { name, params, value: value.to_owned() })
}

/// Splits at the first `sep` outside double quotes (parameter values may hold `:`).
fn split_unquoted(line: &str, sep: char) -> Option<(&str, &str)> {
    let mut quoted = false;
    for (i, c) in line.char_indices() {
        match c {
            '"' => quoted = !quoted,
            c if c == sep && !quoted => return Some((&line[..i], &line[i + 1..])),
            _ => {}
        }
    }
    None
}

impl Property {
    fn param(&self, key: &str) -> Option<&str> {
        self.params.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }

    /// The value decoded (quoted-printable, charset) but not yet split into components.
    fn decoded(&self) -> String {
        if !self.param("ENCODING").is_some_and(|e| e.eq_ignore_ascii_case("QUOTED-PRINTABLE")) {
            return self.value.clone();
        }
        let bytes = decode_quoted_printable(&self.value);
        let encoding = self.param("CHARSET").and_then(|c| Encoding::for_label(c.as_bytes())).unwrap_or(encoding_rs::UTF_8);
        encoding.decode(&bytes).0.into_owned()
    }

    /// The value's components (`N`, `ORG`, `ADR` are `;`-separated), unescaped.
    fn components(&self) -> Vec<String> {
        split_escaped(&self.decoded(), ';').into_iter().map(|c| unescape(&c)).collect()
    }

    fn text(&self) -> String {
        unescape(&self.decoded())
    }
}

pub fn decode_quoted_printable(value: &str) -> Vec<u8> {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'=' {
            let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok()).and_then(|h| u8::from_str_radix(h, 16).ok());
            if let Some(b) = hex {
                out.push(b);
                i += 3;
                continue;
            }
            if i + 1 == bytes.len() {
                break; // a soft line break left at the very end
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}

fn split_escaped(value: &str, sep: char) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut escaped = false;
    for c in value.chars() {
        if escaped {
            let last = parts.last_mut().expect("parts start non-empty");
            last.push('\\');
            last.push(c);
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == sep {
            parts.push(String::new());
        } else {
            parts.last_mut().expect("parts start non-empty").push(c);
        }
    }
    parts
}

fn unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out.trim().to_owned()
}

fn append(cell: &mut String, line: String) {
    if line.is_empty() {
        return;
    }
    if !cell.is_empty() {
        cell.push('\n');
    }
    cell.push_str(&line);
}

/// Reads every card of a file into rows under [`HEADERS`]; `number` is the card's BEGIN line.
pub fn parse(text: &str) -> Vec<RawRow> {
    let mut rows = Vec::new();
    // The card being read: its BEGIN line and its cells.
    let mut card: Option<(usize, Vec<String>)> = None;
    for (number, line) in unfold(text.trim_start_matches('\u{FEFF}')) {
        let Some(p) = parse_property(&line) else { continue };
        match p.name.as_str() {
            "BEGIN" if p.value.trim().eq_ignore_ascii_case("VCARD") => {
                card = Some((number, vec![String::new(); HEADERS.len()]));
            }
            "END" if p.value.trim().eq_ignore_ascii_case("VCARD") => {
                if let Some((number, cells)) = card.take() {
                    rows.push(RawRow { number, cells: cells.into() });
                }
            }
            _ => {
                if let Some((_, cells)) = card.as_mut() {
                    apply(cells, &p);
                }
            }
        }
    }
    rows
}

fn apply(cells: &mut [String], p: &Property) {
    let label = || p.params.iter().filter(|(k, _)| k == "TYPE").map(|(_, v)| v.to_ascii_lowercase()).collect::<Vec<_>>().join(",");
    match p.name.as_str() {
        "N" => {
            let c = p.components();
            cells[LAST] = c.first().cloned().unwrap_or_default();
            cells[FIRST] = c.get(1).cloned().unwrap_or_default();
            if let Some(middle) = c.get(2).filter(|m| !m.is_empty()) {
                cells[FIRST] = format!("{} {middle}", cells[FIRST]).trim().to_owned();
            }
        }
        "FN" => cells[FULL] = p.text(),
        "ORG" => cells[ORG] = p.components().into_iter().filter(|c| !c.is_empty()).collect::<Vec<_>>().join(", "),
        "TITLE" | "ROLE" if cells[TITLE].is_empty() => cells[TITLE] = p.text(),
        "EMAIL" | "TEL" => {
            let column = if p.name == "EMAIL" { EMAIL } else { PHONE };
            let value = p.text().trim_start_matches("tel:").trim_start_matches("mailto:").to_owned();
            if cells[column].is_empty() {
                cells[column] = value;
            } else if !value.is_empty() {
                // A second address or number is kept, in the notes.
                let kind = if p.name == "EMAIL" { "E-mail" } else { "Phone" };
                let label = label();
                let label = if label.is_empty() { String::new() } else { format!(" ({label})") };
                append(&mut cells[NOTES], format!("{kind}{label}: {value}"));
            }
        }
        "ADR" => {
            let c = p.components();
            if cells[CITY].is_empty() {
                cells[CITY] = c.get(3).cloned().unwrap_or_default();
            }
            if cells[COUNTRY].is_empty() {
                cells[COUNTRY] = c.get(6).cloned().unwrap_or_default();
            }
            let address: Vec<String> = c.into_iter().filter(|x| !x.is_empty()).collect();
            if !address.is_empty() {
                append(&mut cells[NOTES], format!("Address: {}", address.join(", ").replace('\n', ", ")));
            }
        }
        "NOTE" => append(&mut cells[NOTES], p.text()),
        "CATEGORIES" => append(&mut cells[NOTES], format!("Categories: {}", p.text())),
        "URL" => append(&mut cells[NOTES], format!("Web: {}", p.text())),
        "X-PHONETIC-FIRST-NAME" => cells[PHONETIC_FIRST] = p.text(),
        "X-PHONETIC-LAST-NAME" => cells[PHONETIC_LAST] = p.text(),
        // PHOTO, LOGO, SOUND, KEY (often kilobytes of base64) and everything else: not contact data we keep.
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Vec<String> {
        let rows = parse(text);
        assert_eq!(rows.len(), 1, "{text}");
        rows.into_iter().next().unwrap().cells.to_vec()
    }

    #[test]
    fn vcard_versions_read_into_the_same_columns() {
        let cases = [
            "BEGIN:VCARD\nVERSION:2.1\nN:Rossi;Mario\nFN:Mario Rossi\nORG:Ospedale;Cardiologia\nTITLE:Primario\nEMAIL;INTERNET:mario@example.it\nTEL;WORK:+39 02 1234\nEND:VCARD\n",
            "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Rossi;Mario;;;\r\nFN:Mario Rossi\r\nORG:Ospedale;Cardiologia\r\nTITLE:Primario\r\nEMAIL;TYPE=INTERNET:mario@example.it\r\nTEL;TYPE=WORK:+39 02 1234\r\nEND:VCARD\r\n",
            "BEGIN:VCARD\nVERSION:4.0\nN:Rossi;Mario;;;\nFN:Mario Rossi\nORG:Ospedale;Cardiologia\nTITLE:Primario\nEMAIL:mario@example.it\nTEL;VALUE=uri:tel:+39 02 1234\nEND:VCARD\n",
        ];
        for text in cases {
            let c = one(text);
            assert_eq!((c[FIRST].as_str(), c[LAST].as_str(), c[FULL].as_str()), ("Mario", "Rossi", "Mario Rossi"), "{text}");
            assert_eq!((c[ORG].as_str(), c[TITLE].as_str()), ("Ospedale, Cardiologia", "Primario"));
            assert_eq!((c[EMAIL].as_str(), c[PHONE].as_str()), ("mario@example.it", "+39 02 1234"));
        }
    }

    #[test]
    fn quoted_printable_with_soft_breaks_and_a_charset_decodes() {
        let text = "BEGIN:VCARD\nVERSION:2.1\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen\nNOTE;ENCODING=QUOTED-PRINTABLE:Prima riga=0D=0A=\nseconda =\nriga\nORG;CHARSET=ISO-8859-1;QUOTED-PRINTABLE:Citt=E0 della Salute\nEND:VCARD\n";
        let c = one(text);
        assert_eq!((c[FIRST].as_str(), c[LAST].as_str()), ("Jürgen", "Müller"));
        assert_eq!(c[NOTES], "Prima riga\r\nseconda riga");
        assert_eq!(c[ORG], "Città della Salute");
    }

    #[test]
    fn folded_lines_apple_groups_photos_and_phonetic_names_are_handled() {
        let text = "BEGIN:VCARD\nVERSION:3.0\nN:佐藤;由紀;;;\nFN:佐藤 由紀\nX-PHONETIC-FIRST-NAME:ゆき\nX-PHONETIC-LAST-NAME:さとう\nitem1.EMAIL;type=INTERNET;type=pref:yuki.sato@exa\n mple.jp\nitem1.X-ABLabel:_$!<Work>!$_\nPHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQ\n AAAQABAAD/2wBDAAMCAgMCAgMDAwMEAwMEBQgFBQQEBQoHBwYI\nNOTE:riga uno\\nriga due\\, ancora\nCATEGORIES:medtech,osaka\nEND:VCARD\n";
        let c = one(text);
        assert_eq!((c[FIRST].as_str(), c[LAST].as_str()), ("由紀", "佐藤"));
        assert_eq!((c[PHONETIC_FIRST].as_str(), c[PHONETIC_LAST].as_str()), ("ゆき", "さとう"));
        assert_eq!(c[EMAIL], "yuki.sato@example.jp");
        assert_eq!(c[NOTES], "riga uno\nriga due, ancora\nCategories: medtech,osaka");
    }

    #[test]
    fn several_cards_and_extra_numbers_are_all_kept() {
        let text = "BEGIN:VCARD\nVERSION:3.0\nFN:A\nTEL;TYPE=CELL:111\nTEL;TYPE=HOME:222\nADR;TYPE=WORK:;;1 Main St;Boston;MA;02115;USA\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nFN:B\nEND:VCARD\n";
        let rows = parse(text);
        assert_eq!(rows.len(), 2);
        assert_eq!(&rows[0].cells[PHONE], "111");
        assert_eq!((&rows[0].cells[CITY], &rows[0].cells[COUNTRY]), ("Boston", "USA"));
        assert_eq!(&rows[0].cells[NOTES], "Phone (home): 222\nAddress: 1 Main St, Boston, MA, 02115, USA");
        assert_eq!(&rows[1].cells[FULL], "B");
        assert_eq!(rows[1].number, 8);
    }
}
