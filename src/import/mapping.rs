//! Which column of a file holds which field. Suggested from headers in Italian, English and
//! Japanese and from the published layouts of Google Contacts, Outlook, Eventbrite and b2match;
//! editable in the wizard; saved under a fingerprint of the headers so the next file from the
//! same source needs no work.

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Reason, Result};
use crate::fields::{self, text_enum};
use crate::search::fold;

use super::Kind;

text_enum!(
    /// A field a column can fill. `notes` may be chosen for several columns: each non-empty
    /// value is kept in the notes as `Header: value`, so nothing in the file is lost.
    Field {
        FirstName = "firstName",
        LastName = "lastName",
        FullName = "fullName",
        FirstNameReading = "firstNameReading",
        LastNameReading = "lastNameReading",
        Organisation = "organisation",
        Role = "role",
        Email = "email",
        Phone = "phone",
        Country = "country",
        City = "city",
        Language = "language",
        Website = "website",
        Notes = "notes",
        LawfulBasis = "lawfulBasis",
        LawfulBasisOn = "lawfulBasisOn",
        ArrivesOn = "arrivesOn",
        DepartsOn = "departsOn",
    }
);

/// One column of the file and the field it fills (`None`: ignored).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Column {
    pub header: String,
    pub field: Option<Field>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Mapping {
    pub columns: Vec<Column>,
}

impl Mapping {
    /// The field of each column of a file with these headers; columns are matched by header
    /// (case, accents and punctuation ignored), so a mapping survives reordered columns.
    pub fn resolve(&self, headers: &[String]) -> Vec<Option<Field>> {
        headers
            .iter()
            .map(|h| {
                let key = normalise(h);
                self.columns.iter().find(|c| normalise(&c.header) == key).and_then(|c| c.field)
            })
            .collect()
    }
}

/// A header as compared: folded, letters and digits only (CJK kept).
pub fn normalise(header: &str) -> String {
    fold(header).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Known header spellings, normalised. Order matters only within a file: the first column that
/// matches a field gets it, later ones (a second phone...) go to the notes.
const SYNONYMS: &[(Field, &[&str])] = &[
    (Field::FirstName, &["nome", "firstname", "first", "givenname", "given", "forename", "名", "名前", "下の名前", "ファーストネーム", "attendeefirstname", "participantfirstname"]),
    (Field::LastName, &["cognome", "lastname", "last", "surname", "familyname", "family", "姓", "名字", "苗字", "ラストネーム", "attendeelastname", "participantlastname"]),
    (Field::FullName, &["name", "fullname", "nomecompleto", "nominativo", "nomeecognome", "cognomeenome", "participant", "partecipante", "contact", "contatto", "displayname", "氏名", "名前氏名", "お名前", "attendeename"]),
    (Field::FirstNameReading, &["givennameyomi", "phoneticfirstname", "yomifirstname", "名フリガナ", "名ふりがな", "めい", "メイ", "firstnamereading"]),
    (Field::LastNameReading, &["familynameyomi", "phoneticlastname", "yomilastname", "姓フリガナ", "姓ふりがな", "せい", "セイ", "lastnamereading", "yominame", "フリガナ", "ふりがな", "よみがな", "ヨミガナ"]),
    (Field::Organisation, &["azienda", "societa", "ente", "organizzazione", "organisation", "organization", "organisationname", "organizationname", "organization1name", "company", "companyname", "employer", "institution", "istituzione", "affiliation", "会社名", "会社", "企業名", "所属", "組織", "団体名", "所属機関", "勤務先", "member", "membro", "socio"]),
    (Field::Role, &["ruolo", "qualifica", "posizione", "incarico", "carica", "jobtitle", "title", "role", "position", "jobposition", "organizationtitle", "organization1title", "役職", "肩書", "職位", "役職名"]),
    (Field::Email, &["email", "e-mail", "mail", "emailaddress", "indirizzoemail", "posta", "email1value", "emailaddress1", "メール", "メールアドレス", "eメール", "電子メール", "attendeeemail"]),
    (Field::Phone, &["telefono", "tel", "cellulare", "cell", "mobile", "phone", "phonenumber", "telephone", "businessphone", "workphone", "cellphone", "mobilephone", "phone1value", "電話", "電話番号", "携帯", "携帯電話", "tel番号"]),
    (Field::Country, &["paese", "nazione", "stato", "country", "countryregion", "businesscountryregion", "workcountry", "国", "国名", "国籍"]),
    (Field::City, &["citta", "comune", "localita", "city", "town", "businesscity", "workcity", "市区町村", "都市", "市"]),
    (Field::Language, &["lingua", "language", "言語"]),
    (Field::Website, &["sitoweb", "sito", "website", "webpage", "url", "ウェブサイト", "ホームページ"]),
    (Field::Notes, &["note", "notes", "commenti", "comments", "remarks", "memo", "備考", "メモ"]),
    (Field::LawfulBasis, &["basegiuridica", "lawfulbasis", "legalbasis"]),
    (Field::LawfulBasisOn, &["consensodata", "dataconsenso", "lawfulbasison", "consentdate"]),
    (Field::ArrivesOn, &["arrivo", "dataarrivo", "arrival", "arrivaldate", "arrives", "到着日"]),
    (Field::DepartsOn, &["partenza", "datapartenza", "departure", "departuredate", "departs", "出発日"]),
];

/// The field a header suggests, by itself, with the rank of the spelling (lower is surer:
/// "Job Title" names a role more surely than "Title", which Outlook uses for "Dr.").
fn ranked_field_of(header: &str) -> Option<(Field, usize)> {
    // Normalised once: this is asked for every notes cell of every row.
    static BY_NAME: std::sync::OnceLock<std::collections::HashMap<String, (Field, usize)>> = std::sync::OnceLock::new();
    let by_name = BY_NAME.get_or_init(|| {
        let mut map = std::collections::HashMap::new();
        for (field, names) in SYNONYMS {
            for (rank, name) in names.iter().enumerate() {
                map.entry(normalise(name)).or_insert((*field, rank));
            }
        }
        map
    });
    by_name.get(&normalise(header)).copied()
}

/// The field a header suggests, by itself.
pub fn field_of(header: &str) -> Option<Field> {
    ranked_field_of(header).map(|(field, _)| field)
}

/// A mapping for these headers: each field goes to the column whose header names it most surely
/// (the first of equals); other columns naming a field already taken (a second phone, Outlook's
/// "Title" beside "Job Title") go to the notes, and so do columns nobody recognised.
pub fn suggest(headers: &[String]) -> Mapping {
    let ranked: Vec<Option<(Field, usize)>> = headers.iter().map(|h| ranked_field_of(h)).collect();
    let chosen = |i: usize, field: Field, rank: usize| {
        ranked.iter().enumerate().all(|(j, other)| match other {
            Some((f, r)) if *f == field && j != i => *r > rank || (*r == rank && j > i),
            _ => true,
        })
    };
    let columns = headers
        .iter()
        .enumerate()
        .map(|(i, header)| {
            let field = match ranked[i] {
                Some((Field::Notes, _)) => Some(Field::Notes),
                Some((f, rank)) if chosen(i, f, rank) => Some(f),
                Some(_) => Some(Field::Notes),
                None if !normalise(header).is_empty() && !ignored(header) => Some(Field::Notes),
                None => None,
            };
            Column { header: header.clone(), field }
        })
        .collect();
    Mapping { columns }
}

/// Bookkeeping columns of exports that say nothing about the person: order numbers, ticket and
/// e-mail types, labels, check-in flags.
fn ignored(header: &str) -> bool {
    let key = normalise(header);
    key.starts_with("order")
        || key.ends_with("label")
        || (key.ends_with("type") && !key.contains("organ"))
        || matches!(key.as_str(), "id" | "quantity" | "attendee" | "attendeestatus" | "checkedin" | "groupmembership")
}

/// Which published layout the headers are, for the wizard to say "Google Contacts export".
pub fn layout(headers: &[String]) -> Option<&'static str> {
    let has = |h: &str| headers.iter().any(|x| normalise(x) == normalise(h));
    if has("Given Name") && has("Family Name") || has("E-mail 1 - Value") {
        Some("google_contacts")
    } else if has("E-mail Address") && (has("Business Phone") || has("Mobile Phone")) {
        Some("outlook")
    } else if has("Order #") && has("Attendee #") || has("Ticket Type") && has("Order Date") {
        Some("eventbrite")
    } else if has("Organisation Type") || has("Organization Type") && has("Job Position") {
        Some("b2match")
    } else {
        None
    }
}

/// A stable hash (FNV-1a) of the normalised headers and the kind: the key of a saved mapping.
pub fn fingerprint(headers: &[String], kind: Kind) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for b in bytes {
            hash ^= u64::from(*b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    feed(kind.as_str().as_bytes());
    for h in headers {
        feed(b"\x1f");
        feed(normalise(h).as_bytes());
    }
    format!("{hash:016x}")
}

/// The mapping saved for this fingerprint, if any.
pub fn saved(conn: &Connection, fingerprint: &str) -> Result<Option<Mapping>> {
    let body: Option<String> = conn
        .query_row("SELECT body FROM import_mappings WHERE fingerprint = ?1", [fingerprint], |r| r.get(0))
        .optional()?;
    Ok(body.and_then(|b| serde_json::from_str(&b).ok()))
}

/// Saves (or replaces) the mapping used for files with these headers.
pub fn save(conn: &Connection, headers: &[String], kind: Kind, mapping: &Mapping) -> Result<()> {
    let body = serde_json::to_string(mapping).map_err(|_| Error::invalid("mapping", Reason::Choice))?;
    let headers_json = serde_json::to_string(headers).map_err(|_| Error::invalid("mapping", Reason::Choice))?;
    let now = fields::now();
    conn.execute(
        "INSERT INTO import_mappings (id, fingerprint, kind, headers, body, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)
         ON CONFLICT (fingerprint) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at",
        params![fields::new_id(), fingerprint(headers, kind), kind.as_str(), headers_json, body, now],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields_of(headers: &[&str]) -> Vec<Option<Field>> {
        let headers: Vec<String> = headers.iter().map(|h| h.to_string()).collect();
        suggest(&headers).columns.into_iter().map(|c| c.field).collect()
    }

    #[test]
    fn italian_english_and_japanese_headers_are_recognised() {
        use Field::*;
        let cases: &[(&str, Field)] = &[
            ("Nome", FirstName), ("First name", FirstName), ("名", FirstName), ("Cognome", LastName),
            ("Last Name", LastName), ("姓", LastName), ("Azienda", Organisation), ("Company", Organisation),
            ("Organization", Organisation), ("会社名", Organisation), ("E-mail", Email), ("Email", Email),
            ("メール", Email), ("Telefono", Phone), ("Phone", Phone), ("電話", Phone), ("Ruolo", Role),
            ("Job title", Role), ("役職", Role), ("Paese", Country), ("Country", Country), ("国", Country),
            ("Città", City), ("氏名", FullName), ("Nominativo", FullName), ("フリガナ", LastNameReading),
        ];
        for (header, field) in cases {
            assert_eq!(field_of(header), Some(*field), "{header}");
        }
    }

    #[test]
    fn published_layouts_map_their_main_columns() {
        use Field::*;
        let google = ["Name", "Given Name", "Additional Name", "Family Name", "Yomi Name", "Given Name Yomi", "Family Name Yomi", "E-mail 1 - Type", "E-mail 1 - Value", "Phone 1 - Type", "Phone 1 - Value", "Organization 1 - Name", "Organization 1 - Title", "Notes"];
        let f = fields_of(&google);
        assert_eq!((f[1], f[3], f[8], f[10], f[11], f[12]), (Some(FirstName), Some(LastName), Some(Email), Some(Phone), Some(Organisation), Some(Role)));
        assert_eq!(f[7], None, "type columns are bookkeeping");
        let outlook = ["First Name", "Middle Name", "Last Name", "Title", "Company", "Job Title", "E-mail Address", "E-mail 2 Address", "Business Phone", "Mobile Phone"];
        let f = fields_of(&outlook);
        assert_eq!((f[0], f[2], f[4], f[5], f[6], f[8]), (Some(FirstName), Some(LastName), Some(Organisation), Some(Role), Some(Email), Some(Phone)));
        assert_eq!(f[3], Some(Notes), "Outlook's Title is the honorific; Job Title is the role");
        assert_eq!(f[9], Some(Notes), "a second phone is kept in the notes");
        let eventbrite = ["Order #", "Order Date", "First Name", "Last Name", "Email", "Quantity", "Ticket Type", "Attendee #", "Job Title", "Company", "Cell Phone"];
        let f = fields_of(&eventbrite);
        assert_eq!((f[0], f[2], f[4], f[9], f[10]), (None, Some(FirstName), Some(Email), Some(Organisation), Some(Phone)));
        assert_eq!(layout(&eventbrite.map(String::from)), Some("eventbrite"));
        assert_eq!(layout(&google.map(String::from)), Some("google_contacts"));
    }

    #[test]
    fn the_fingerprint_ignores_case_and_accents_but_not_order_or_kind() {
        let a = vec!["Nome".to_string(), "Città".to_string()];
        let b = vec!["NOME".to_string(), "citta".to_string()];
        let c = vec!["Città".to_string(), "Nome".to_string()];
        assert_eq!(fingerprint(&a, Kind::Contacts), fingerprint(&b, Kind::Contacts));
        assert_ne!(fingerprint(&a, Kind::Contacts), fingerprint(&c, Kind::Contacts));
        assert_ne!(fingerprint(&a, Kind::Contacts), fingerprint(&a, Kind::Members));
    }
}
