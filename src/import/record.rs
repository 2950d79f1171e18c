//! One row of a file turned into the values that will be stored, with what was wrong with it.
//!
//! Nothing is dropped silently: a value that does not fit its field (an address that is not one,
//! an unknown country, a second phone) is kept in the notes and reported as a warning. Only a
//! row that cannot be stored at all (no name; no member for a member's person) is rejected.

use chrono::NaiveDate;
use serde::Serialize;

use super::mapping::Field;
use super::Kind;
use crate::contacts::LawfulBasis;
use crate::fields;
use crate::search::fold;

/// The values of one row, as they will be stored.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Record {
    pub first_name: String,
    pub last_name: String,
    pub name_reading: String,
    /// The external organisation of a contact, or the member of a person.
    pub organisation: String,
    pub role: String,
    pub email: String,
    pub phone: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    pub city: String,
    pub language: String,
    pub website: String,
    pub notes: String,
    pub lawful_basis: Option<LawfulBasis>,
    pub lawful_basis_on: Option<String>,
    pub arrives_on: Option<String>,
    pub departs_on: Option<String>,
}

/// A record packed into one allocation: each field as its length (4 bytes, `u32::MAX` for none)
/// and its UTF-8 bytes. A `Record` is 17 fields of 24 bytes, each text on the heap of its own;
/// packed, a typical imported contact takes about 150 bytes instead of about 700.
#[derive(Debug)]
pub(crate) struct Packed(Box<[u8]>);

const NONE: u32 = u32::MAX;

impl Packed {
    pub fn of(r: &Record) -> Packed {
        let texts = r.texts();
        let options = [r.lawful_basis.map(|b| b.as_str()), r.lawful_basis_on.as_deref(), r.arrives_on.as_deref(), r.departs_on.as_deref()];
        let size = texts.iter().map(|t| 4 + t.len()).sum::<usize>() + options.iter().map(|o| 4 + o.map_or(0, str::len)).sum::<usize>();
        let mut out = Vec::with_capacity(size);
        for field in texts.into_iter().map(Some).chain(options) {
            match field {
                // A field of 4 GB or more cannot come from a file within the import's limits.
                Some(text) => {
                    out.extend_from_slice(&u32::try_from(text.len()).unwrap_or(NONE - 1).to_le_bytes());
                    out.extend_from_slice(text.as_bytes());
                }
                None => out.extend_from_slice(&NONE.to_le_bytes()),
            }
        }
        Packed(out.into_boxed_slice())
    }

    pub fn unpack(&self) -> Record {
        let mut rest: &[u8] = &self.0;
        let mut next = || -> Option<String> {
            let (len, tail) = rest.split_first_chunk::<4>()?;
            let len = u32::from_le_bytes(*len);
            if len == NONE {
                rest = tail;
                return None;
            }
            let (text, tail) = tail.split_at_checked(len as usize)?;
            rest = tail;
            // Written from a String just before: always UTF-8.
            Some(String::from_utf8_lossy(text).into_owned())
        };
        let mut text = || next().unwrap_or_default();
        let mut r = Record {
            first_name: text(),
            last_name: text(),
            name_reading: text(),
            organisation: text(),
            role: text(),
            email: text(),
            phone: text(),
            country: text(),
            city: text(),
            language: text(),
            website: text(),
            notes: text(),
            ..Record::default()
        };
        r.lawful_basis = next().and_then(|b| LawfulBasis::parse(&b));
        r.lawful_basis_on = next();
        r.arrives_on = next();
        r.departs_on = next();
        r
    }
}

impl Record {
    /// Fills this record's empty fields from `other` (a later row about the same person);
    /// notes are joined. Never replaces a value.
    pub fn fill_from(&mut self, other: &Record) {
        for (mine, theirs) in [
            (&mut self.first_name, &other.first_name),
            (&mut self.last_name, &other.last_name),
            (&mut self.name_reading, &other.name_reading),
            (&mut self.organisation, &other.organisation),
            (&mut self.role, &other.role),
            (&mut self.email, &other.email),
            (&mut self.phone, &other.phone),
            (&mut self.country, &other.country),
            (&mut self.city, &other.city),
            (&mut self.language, &other.language),
            (&mut self.website, &other.website),
        ] {
            if mine.is_empty() {
                mine.clone_from(theirs);
            }
        }
        if !other.notes.is_empty() && !self.notes.contains(&other.notes) {
            append(&mut self.notes, &other.notes);
        }
        self.lawful_basis = self.lawful_basis.or(other.lawful_basis);
        for (mine, theirs) in [
            (&mut self.lawful_basis_on, &other.lawful_basis_on),
            (&mut self.arrives_on, &other.arrives_on),
            (&mut self.departs_on, &other.departs_on),
        ] {
            if mine.is_none() {
                mine.clone_from(theirs);
            }
        }
    }

    pub fn display_name(&self) -> String {
        fields::display_name(&self.first_name, &self.last_name)
    }

    /// The text fields, in the order [`Packed`] keeps them.
    fn texts(&self) -> [&str; 12] {
        [
            &self.first_name, &self.last_name, &self.name_reading, &self.organisation, &self.role, &self.email, &self.phone,
            &self.country, &self.city, &self.language, &self.website, &self.notes,
        ]
    }
}

/// What is wrong with a row; the UI words each in the user's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Issue {
    MissingName,
    MissingOrganisation,
    BadEmail,
    BadPhone,
    BadDate,
    UnknownCountry,
    UnknownLawfulBasis,
    /// A value longer than its field takes; kept whole in the notes.
    TooLong,
    /// More cells than the header row has columns; kept in the notes.
    ExtraCells,
}

impl Issue {
    pub fn as_str(self) -> &'static str {
        match self {
            Issue::MissingName => "missing_name",
            Issue::MissingOrganisation => "missing_organisation",
            Issue::BadEmail => "bad_email",
            Issue::BadPhone => "bad_phone",
            Issue::BadDate => "bad_date",
            Issue::UnknownCountry => "unknown_country",
            Issue::UnknownLawfulBasis => "unknown_lawful_basis",
            Issue::TooLong => "too_long",
            Issue::ExtraCells => "extra_cells",
        }
    }

    /// A rejected row is not imported; a warning's value is kept in the notes.
    pub fn rejects(self) -> bool {
        matches!(self, Issue::MissingName | Issue::MissingOrganisation)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RowProblem {
    pub issue: Issue,
    /// The column's header, when one column is at fault.
    pub column: Option<String>,
    pub value: String,
    pub rejects: bool,
}

fn append(notes: &mut String, line: &str) {
    if !notes.is_empty() {
        notes.push('\n');
    }
    notes.push_str(line);
}

/// A single-line value: control characters (a newline in a name cell) become spaces.
fn clean_line(value: &str) -> String {
    let spaced: String = value.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn clean_notes(value: &str) -> String {
    value.replace("\r\n", "\n").replace('\r', "\n").chars().filter(|c| !c.is_control() || *c == '\n' || *c == '\t').collect::<String>().trim().to_owned()
}

/// Maps one row's cells through the columns' fields.
pub fn map_row<S: AsRef<str>>(cells: impl IntoIterator<Item = S>, headers: &[String], fields: &[Option<Field>], kind: Kind) -> (Record, Vec<RowProblem>) {
    let mut r = Record::default();
    let mut problems = Vec::new();
    let mut full_name = String::new();
    let mut first_reading = String::new();
    let mut last_reading = String::new();
    let warn = |problems: &mut Vec<RowProblem>, notes: &mut String, issue: Issue, header: &str, value: &str| {
        problems.push(RowProblem { issue, column: Some(header.to_owned()), value: value.to_owned(), rejects: false });
        append(notes, &format!("{header}: {value}"));
    };
    for (i, cell) in cells.into_iter().enumerate() {
        let cell = cell.as_ref();
        let value = cell.trim();
        if value.is_empty() {
            continue;
        }
        let header = headers.get(i).map(String::as_str).unwrap_or("");
        let Some(field) = fields.get(i).copied().flatten() else {
            if i >= headers.len() {
                warn(&mut problems, &mut r.notes, Issue::ExtraCells, &format!("Column {}", i + 1), value);
            }
            continue;
        };
        if field == Field::Notes {
            let text = clean_notes(value);
            let labelled = super::mapping::field_of(header) != Some(Field::Notes) && !header.is_empty();
            append(&mut r.notes, &if labelled { format!("{header}: {text}") } else { text });
            continue;
        }
        let line = clean_line(value);
        if line.chars().count() > fields::MAX_LINE {
            warn(&mut problems, &mut r.notes, Issue::TooLong, header, &clean_notes(value));
            continue;
        }
        let slot = match field {
            Field::FirstName => &mut r.first_name,
            Field::LastName => &mut r.last_name,
            Field::FullName => &mut full_name,
            Field::FirstNameReading => &mut first_reading,
            Field::LastNameReading => &mut last_reading,
            Field::Organisation => &mut r.organisation,
            Field::Role => &mut r.role,
            Field::City => &mut r.city,
            Field::Website => &mut r.website,
            Field::Language => &mut r.language,
            Field::Email => {
                // "a@x.it; b@y.it": the first address, the others in the notes.
                let mut parts = line.split([';', ',', ' ']).filter(|p| !p.is_empty());
                let first = parts.next().unwrap_or_default();
                let rest: Vec<&str> = parts.collect();
                if fields::email("email", first).is_ok() && r.email.is_empty() {
                    r.email = first.to_owned();
                    if !rest.is_empty() {
                        append(&mut r.notes, &format!("{header}: {}", rest.join(", ")));
                    }
                } else if fields::email("email", first).is_ok() {
                    append(&mut r.notes, &format!("{header}: {line}"));
                } else {
                    warn(&mut problems, &mut r.notes, Issue::BadEmail, header, &line);
                }
                continue;
            }
            Field::Phone => {
                let phone = line.trim_start_matches('\'').to_owned();
                if fields::phone("phone", &phone).is_ok() && r.phone.is_empty() {
                    r.phone = phone;
                } else if fields::phone("phone", &phone).is_ok() {
                    append(&mut r.notes, &format!("{header}: {phone}"));
                } else {
                    warn(&mut problems, &mut r.notes, Issue::BadPhone, header, &line);
                }
                continue;
            }
            Field::Country => {
                match country_code(&line) {
                    Some(code) if r.country.is_empty() => r.country = code.to_owned(),
                    Some(_) => {}
                    None => warn(&mut problems, &mut r.notes, Issue::UnknownCountry, header, &line),
                }
                continue;
            }
            Field::LawfulBasis => {
                match LawfulBasis::parse(&fold(&line).replace([' ', '-'], "_")) {
                    Some(basis) => r.lawful_basis = Some(basis),
                    None => warn(&mut problems, &mut r.notes, Issue::UnknownLawfulBasis, header, &line),
                }
                continue;
            }
            Field::LawfulBasisOn | Field::ArrivesOn | Field::DepartsOn => {
                match parse_date(&line) {
                    Some(date) => {
                        let date = Some(date.format("%Y-%m-%d").to_string());
                        match field {
                            Field::LawfulBasisOn => r.lawful_basis_on = date,
                            Field::ArrivesOn => r.arrives_on = date,
                            _ => r.departs_on = date,
                        }
                    }
                    None => warn(&mut problems, &mut r.notes, Issue::BadDate, header, &line),
                }
                continue;
            }
            Field::Notes => unreachable!("handled above"),
        };
        if slot.is_empty() {
            *slot = line;
        } else {
            append(&mut r.notes, &format!("{header}: {line}"));
        }
    }
    if r.first_name.is_empty() && r.last_name.is_empty() && !full_name.is_empty() {
        let (first, last) = split_full_name(&full_name);
        r.first_name = first;
        r.last_name = last;
    }
    r.name_reading = [last_reading, first_reading].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" ");
    r.language = r.language.to_lowercase();
    if r.first_name.is_empty() && r.last_name.is_empty() {
        problems.push(RowProblem { issue: Issue::MissingName, column: None, value: String::new(), rejects: true });
    }
    if kind != Kind::Contacts && r.organisation.is_empty() {
        problems.push(RowProblem { issue: Issue::MissingOrganisation, column: None, value: String::new(), rejects: true });
    }
    (r, problems)
}

/// "Rossi, Mario" and "Mario Rossi" → ("Mario", "Rossi"); "佐藤 由紀" → ("由紀", "佐藤"), family
/// name first as written in Japanese; a single word is the family name.
pub fn split_full_name(full: &str) -> (String, String) {
    let full = full.trim();
    if let Some((last, first)) = full.split_once(',') {
        return (first.trim().to_owned(), last.trim().to_owned());
    }
    let japanese = full.chars().any(|c| matches!(c, '\u{3041}'..='\u{30FF}' | '\u{4E00}'..='\u{9FFF}'));
    let words: Vec<&str> = full.split_whitespace().collect();
    // Italian registers write "ROSSI Paola" / "DE LUCA Anna Maria": upper-case words first are
    // the family name.
    let shouting = |w: &str| w.chars().any(char::is_alphabetic) && w.chars().all(|c| !c.is_lowercase()) && w.chars().filter(|c| c.is_alphabetic()).count() > 1;
    let leading = words.iter().take_while(|w| shouting(w)).count();
    if leading > 0 && leading < words.len() && !words[leading..].iter().all(|w| shouting(w)) {
        return (words[leading..].join(" "), words[..leading].join(" "));
    }
    match words.as_slice() {
        [] => (String::new(), String::new()),
        [one] => (String::new(), (*one).to_owned()),
        [family, rest @ ..] if japanese => (rest.join(" "), (*family).to_owned()),
        [rest @ .., last] => (rest.join(" "), (*last).to_owned()),
    }
}

/// Dates as spreadsheets and people write them: ISO, Italian day-first, Japanese.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let date_part = text.split([' ', 'T']).next().unwrap_or(text);
    for format in ["%Y-%m-%d", "%Y/%m/%d", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y", "%Y年%m月%d日", "%d/%m/%y"] {
        if let Ok(date) = NaiveDate::parse_from_str(date_part, format) {
            return Some(date);
        }
    }
    None
}

/// ISO 3166-1 alpha-2 for a country as people write it in Italian, English or Japanese.
pub fn country_code(text: &str) -> Option<&'static str> {
    const NAMES: &[(&str, &[&str])] = &[
        ("IT", &["italy", "italia", "ita", "イタリア"]),
        ("JP", &["japan", "giappone", "jpn", "日本", "nippon", "nihon"]),
        ("US", &["united states", "usa", "united states of america", "stati uniti", "america", "アメリカ", "米国", "アメリカ合衆国"]),
        ("GB", &["united kingdom", "uk", "regno unito", "great britain", "england", "gbr", "イギリス", "英国"]),
        ("DE", &["germany", "germania", "deutschland", "deu", "ドイツ"]),
        ("FR", &["france", "francia", "fra", "フランス"]),
        ("CH", &["switzerland", "svizzera", "schweiz", "suisse", "che", "スイス"]),
        ("ES", &["spain", "spagna", "espana", "esp", "スペイン"]),
        ("NL", &["netherlands", "paesi bassi", "olanda", "holland", "nld", "オランダ"]),
        ("AT", &["austria", "osterreich", "aut", "オーストリア"]),
        ("BE", &["belgium", "belgio", "bel", "ベルギー"]),
        ("CA", &["canada", "can", "カナダ"]),
        ("CN", &["china", "cina", "chn", "中国"]),
        ("KR", &["south korea", "korea", "corea", "corea del sud", "kor", "韓国"]),
        ("TW", &["taiwan", "twn", "台湾"]),
        ("SG", &["singapore", "sgp", "シンガポール"]),
        ("IN", &["india", "ind", "インド"]),
        ("IL", &["israel", "israele", "isr", "イスラエル"]),
        ("SE", &["sweden", "svezia", "swe", "スウェーデン"]),
        ("DK", &["denmark", "danimarca", "dnk", "デンマーク"]),
        ("NO", &["norway", "norvegia", "nor", "ノルウェー"]),
        ("FI", &["finland", "finlandia", "fin", "フィンランド"]),
        ("IE", &["ireland", "irlanda", "irl", "アイルランド"]),
        ("PT", &["portugal", "portogallo", "prt", "ポルトガル"]),
        ("PL", &["poland", "polonia", "pol", "ポーランド"]),
        ("AU", &["australia", "aus", "オーストラリア"]),
        ("BR", &["brazil", "brasile", "bra", "ブラジル"]),
    ];
    let key = fold(text.trim()).replace(['.', '\''], "");
    static BY_NAME: std::sync::OnceLock<std::collections::HashMap<&'static str, &'static str>> = std::sync::OnceLock::new();
    let by_name = BY_NAME.get_or_init(|| NAMES.iter().flat_map(|(code, names)| names.iter().map(move |n| (*n, *code))).collect());
    if key.len() == 2 && key.chars().all(|c| c.is_ascii_alphabetic()) {
        let upper = key.to_ascii_uppercase();
        return NAMES.iter().map(|(code, _)| *code).find(|c| *c == upper).or_else(|| if upper == "UK" { Some("GB") } else { None }).or_else(|| {
            // Any other two letters are taken as a code: the list above is for names only.
            crate::fields::country("country", &upper).ok().and_then(|_| ALL_CODES.iter().copied().find(|c| *c == upper))
        });
    }
    by_name.get(key.as_str()).copied()
}

/// ISO 3166-1 alpha-2 codes in use.
const ALL_CODES: &[&str] = &[
    "AD", "AE", "AF", "AG", "AL", "AM", "AO", "AR", "AT", "AU", "AZ", "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BN", "BO", "BR", "BS", "BT", "BW", "BY", "BZ",
    "CA", "CD", "CF", "CG", "CH", "CI", "CL", "CM", "CN", "CO", "CR", "CU", "CV", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE", "EG", "ER", "ES", "ET", "FI",
    "FJ", "FM", "FR", "GA", "GB", "GD", "GE", "GH", "GM", "GN", "GQ", "GR", "GT", "GW", "GY", "HK", "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IN", "IQ", "IR", "IS", "IT",
    "JM", "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KZ", "LA", "LB", "LC", "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME",
    "MG", "MH", "MK", "ML", "MM", "MN", "MO", "MR", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA", "NE", "NG", "NI", "NL", "NO", "NP", "NR", "NZ", "OM", "PA", "PE", "PG",
    "PH", "PK", "PL", "PS", "PT", "PW", "PY", "QA", "RO", "RS", "RU", "RW", "SA", "SB", "SC", "SD", "SE", "SG", "SI", "SK", "SL", "SM", "SN", "SO", "SR", "SS", "ST", "SV",
    "SY", "SZ", "TD", "TG", "TH", "TJ", "TL", "TM", "TN", "TO", "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "US", "UY", "UZ", "VA", "VC", "VE", "VN", "VU", "WS", "YE", "ZA",
    "ZM", "ZW",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_packed_record_unpacks_to_the_same_record() {
        let full = Record {
            first_name: "浩".into(),
            last_name: "田中".into(),
            name_reading: "たなか ひろし".into(),
            organisation: "Città della Salute".into(),
            role: "Direttore <b>R&D</b>".into(),
            email: "h.tanaka@example.jp".into(),
            phone: "+81 90 1234 5678".into(),
            country: "JP".into(),
            city: "大阪".into(),
            language: "ja".into(),
            website: "https://example.jp".into(),
            notes: "Met at the forum\nsecond line".into(),
            lawful_basis: Some(LawfulBasis::Consent),
            lawful_basis_on: Some("2025-07-08".into()),
            arrives_on: None,
            departs_on: Some(String::new()),
        };
        // Every field of its own (a swapped pair would show), none, and some but empty.
        for r in [full, Record::default(), Record { notes: "only notes".into(), arrives_on: Some("2025-07-09".into()), ..Record::default() }] {
            let packed = Packed::of(&r);
            assert_eq!(packed.unpack(), r);
        }
        let typical = Record { first_name: "Giulia".into(), last_name: "Bianchi".into(), organisation: "Kyoto Bio Ventures".into(), email: "g.bianchi@example.it".into(), ..Record::default() };
        assert!(Packed::of(&typical).0.len() < 150, "{} bytes", Packed::of(&typical).0.len());
    }

    #[test]
    fn full_names_split_by_language_and_comma() {
        let cases = [
            ("Mario Rossi", ("Mario", "Rossi")),
            ("Rossi, Mario", ("Mario", "Rossi")),
            ("Anna Maria De Luca", ("Anna Maria De", "Luca")),
            ("佐藤 由紀", ("由紀", "佐藤")),
            ("Madonna", ("", "Madonna")),
            ("ROSSI Paola", ("Paola", "ROSSI")),
            ("DE LUCA Anna Maria", ("Anna Maria", "DE LUCA")),
        ];
        for (full, (first, last)) in cases {
            assert_eq!(split_full_name(full), (first.to_owned(), last.to_owned()), "{full}");
        }
    }

    #[test]
    fn dates_are_read_in_the_forms_people_write() {
        let d = NaiveDate::from_ymd_opt(2025, 7, 7);
        for text in ["2025-07-07", "07/07/2025", "7.7.2025", "2025/07/07", "2025年7月7日", "2025-07-07 09:30"] {
            assert_eq!(parse_date(text), d, "{text}");
        }
        assert_eq!(parse_date("next monday"), None);
        assert_eq!(parse_date("31/02/2025"), None);
    }

    #[test]
    fn countries_are_read_in_three_languages() {
        for (text, code) in [("Italia", Some("IT")), ("Japan", Some("JP")), ("日本", Some("JP")), ("jp", Some("JP")), ("USA", Some("US")), ("Stati Uniti", Some("US")), ("UK", Some("GB")), ("Atlantis", None), ("XX", None)] {
            assert_eq!(country_code(text), code, "{text}");
        }
    }

    #[test]
    fn bad_values_are_reported_and_kept_in_the_notes() {
        let headers = strings(&["Nome", "Cognome", "E-mail", "Telefono", "Paese", "Arrivo"]);
        let fields = [Some(Field::FirstName), Some(Field::LastName), Some(Field::Email), Some(Field::Phone), Some(Field::Country), Some(Field::ArrivesOn)];
        let (r, problems) = map_row(&strings(&["Mario", "Rossi", "mario.at.example", "chiamare", "Atlantide", "domani", "extra"]), &headers, &fields, Kind::Contacts);
        let issues: Vec<Issue> = problems.iter().map(|p| p.issue).collect();
        assert_eq!(issues, vec![Issue::BadEmail, Issue::BadPhone, Issue::UnknownCountry, Issue::BadDate, Issue::ExtraCells]);
        assert!(problems.iter().all(|p| !p.rejects));
        assert_eq!(r.notes, "E-mail: mario.at.example\nTelefono: chiamare\nPaese: Atlantide\nArrivo: domani\nColumn 7: extra");
    }

    #[test]
    fn a_row_without_a_name_is_rejected_and_a_full_name_column_is_split() {
        let headers = strings(&["Nominativo", "E-mail"]);
        let fields = [Some(Field::FullName), Some(Field::Email)];
        let (r, problems) = map_row(&strings(&["Rossi, Mario", "m@x.it"]), &headers, &fields, Kind::Contacts);
        assert!(problems.is_empty());
        assert_eq!((r.first_name.as_str(), r.last_name.as_str()), ("Mario", "Rossi"));
        let (_, problems) = map_row(&strings(&["", "m@x.it"]), &headers, &fields, Kind::Contacts);
        assert_eq!(problems[0].issue, Issue::MissingName);
        assert!(problems[0].rejects);
    }

    #[test]
    fn a_later_row_only_fills_what_is_empty() {
        let mut a = Record { first_name: "Mario".into(), email: "m@x.it".into(), ..Default::default() };
        let b = Record { first_name: "M.".into(), phone: "+39 02 1".into(), notes: "vip".into(), ..Default::default() };
        a.fill_from(&b);
        assert_eq!((a.first_name.as_str(), a.phone.as_str(), a.notes.as_str()), ("Mario", "+39 02 1", "vip"));
        a.fill_from(&b);
        assert_eq!(a.notes, "vip", "the same notes are not added twice");
    }
}
