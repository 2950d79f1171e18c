//! Contact exports: after a mission the coordinator sends each member "who you met", hands the
//! mission's contacts to the cluster's CRM and keeps lists in spreadsheets and phones. One file per
//! format sits beside this one; here live what they share — which contacts (a [`Selection`]),
//! which columns in which order (remembered in the workspace), and file names.
//!
//! Every format writes the same [`ExportContact`] rows, read in one query, so a list exported as
//! CSV, XLSX and vCard holds the same people in the same order.

pub mod csv;
pub mod pack;
pub mod pdf;
pub mod vcard;
pub mod xlsx;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rusqlite::{params, Connection, Row};
use serde::{Deserialize, Serialize};

use crate::contacts::LawfulBasis;
use crate::error::{Error, Reason, Result};
use crate::fields;
use crate::organisations::OrganisationKind;

/// Which contacts to export. Every filter given must hold (they combine with AND); none at all
/// means every contact of the workspace.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Selection {
    /// Contacts met in the mission's meetings (cancelled ones aside), plus those imported for it.
    pub mission_id: Option<String>,
    /// Contacts the member's people met (in `mission_id`'s meetings when both are given).
    pub member_id: Option<String>,
    /// Contacts carrying this tag (name, ignoring case).
    pub tag: Option<String>,
    /// Exactly these contacts: the UI's current search or filter.
    pub ids: Option<Vec<String>>,
}

/// One contact as every format writes it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportContact {
    pub id: String,
    pub display_name: String,
    pub first_name: String,
    pub last_name: String,
    pub name_reading: String,
    pub organisation: String,
    pub organisation_kind: Option<OrganisationKind>,
    pub role: String,
    pub email: String,
    pub phone: String,
    /// The contact's own country, else its organisation's.
    pub country: String,
    /// The contact's own city, else its organisation's.
    pub city: String,
    pub language: String,
    pub tags: Vec<String>,
    pub notes: String,
    pub source: String,
    pub lawful_basis: LawfulBasis,
    pub lawful_basis_on: String,
    /// Titles of the meetings in the selection's scope where the contact was met.
    pub met_at: Vec<String>,
    /// The local date (meeting's own zone) of the latest of those meetings.
    pub last_met_on: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

macro_rules! columns {
    ($($variant:ident = $key:literal, $label:literal, $label_it:literal;)+) => {
        /// A column of the spreadsheet formats (CSV, XLSX). The key is what the UI and the
        /// remembered choice store.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum Column {
            $(#[serde(rename = $key)] $variant),+
        }

        impl Column {
            pub const ALL: &'static [Column] = &[$(Column::$variant),+];

            pub fn key(self) -> &'static str {
                match self { $(Column::$variant => $key),+ }
            }

            /// The header, in English or Italian (`lang` = `it`).
            pub fn label(self, lang: &str) -> &'static str {
                match (self, lang == "it") { $((Column::$variant, false) => $label, (Column::$variant, true) => $label_it),+ }
            }

            pub fn parse(key: &str) -> Option<Column> {
                match key.trim() { $($key => Some(Column::$variant),)+ _ => None }
            }
        }
    };
}

columns! {
    FirstName = "firstName", "First name", "Nome";
    LastName = "lastName", "Last name", "Cognome";
    DisplayName = "displayName", "Name", "Nominativo";
    NameReading = "nameReading", "Name reading", "Lettura del nome";
    Organisation = "organisation", "Organisation", "Organizzazione";
    OrganisationKind = "organisationKind", "Organisation type", "Tipo di organizzazione";
    Role = "role", "Role", "Ruolo";
    Email = "email", "E-mail", "E-mail";
    Phone = "phone", "Phone", "Telefono";
    Country = "country", "Country", "Paese";
    City = "city", "City", "Città";
    Language = "language", "Language", "Lingua";
    Tags = "tags", "Tags", "Etichette";
    MetAt = "metAt", "Met at", "Incontrato a";
    LastMetOn = "lastMetOn", "Last met on", "Ultimo incontro";
    Notes = "notes", "Notes", "Note";
    Source = "source", "Source", "Fonte";
    LawfulBasis = "lawfulBasis", "Lawful basis", "Base giuridica";
    LawfulBasisOn = "lawfulBasisOn", "Lawful basis since", "Base giuridica dal";
    CreatedAt = "createdAt", "Created on", "Creato il";
    Id = "id", "Ponte id", "Id Ponte";
}

/// The columns a first export shows: what a member needs to get back in touch.
pub const DEFAULT_COLUMNS: &[Column] = &[
    Column::LastName,
    Column::FirstName,
    Column::Organisation,
    Column::Role,
    Column::Email,
    Column::Phone,
    Column::Country,
    Column::MetAt,
    Column::LastMetOn,
    Column::Notes,
];

/// Whether a column holds a calendar date (`YYYY-MM-DD`), written as a date in XLSX.
pub fn is_date(column: Column) -> bool {
    matches!(
        column,
        Column::LastMetOn | Column::LawfulBasisOn | Column::CreatedAt
    )
}

/// The text of one cell. Dates are `YYYY-MM-DD`; lists are joined with `, ` (tags) or `; `
/// (meeting titles, which may hold commas).
pub fn cell(contact: &ExportContact, column: Column) -> String {
    match column {
        Column::FirstName => contact.first_name.clone(),
        Column::LastName => contact.last_name.clone(),
        Column::DisplayName => contact.display_name.clone(),
        Column::NameReading => contact.name_reading.clone(),
        Column::Organisation => contact.organisation.clone(),
        Column::OrganisationKind => contact
            .organisation_kind
            .map(|k| k.as_str().to_owned())
            .unwrap_or_default(),
        Column::Role => contact.role.clone(),
        Column::Email => contact.email.clone(),
        Column::Phone => contact.phone.clone(),
        Column::Country => contact.country.clone(),
        Column::City => contact.city.clone(),
        Column::Language => contact.language.clone(),
        Column::Tags => contact.tags.join(", "),
        Column::MetAt => contact.met_at.join("; "),
        Column::LastMetOn => contact.last_met_on.clone().unwrap_or_default(),
        Column::Notes => contact.notes.clone(),
        Column::Source => contact.source.clone(),
        Column::LawfulBasis => contact.lawful_basis.as_str().to_owned(),
        Column::LawfulBasisOn => contact.lawful_basis_on.clone(),
        Column::CreatedAt => contact.created_at.get(..10).unwrap_or_default().to_owned(),
        Column::Id => contact.id.clone(),
    }
}

const COLUMNS_KEY: &str = "export.columns";

/// The columns remembered from the last choice, or [`DEFAULT_COLUMNS`].
pub fn columns(conn: &Connection) -> Result<Vec<Column>> {
    let Some(stored) = crate::settings::get_value(conn, COLUMNS_KEY)? else {
        return Ok(DEFAULT_COLUMNS.to_vec());
    };
    // A column a newer Ponte knew and this one does not is dropped, not an error.
    let chosen: Vec<Column> = stored.split(',').filter_map(Column::parse).collect();
    Ok(if chosen.is_empty() {
        DEFAULT_COLUMNS.to_vec()
    } else {
        chosen
    })
}

/// Remembers the columns and their order for the next export.
pub fn set_columns(conn: &Connection, chosen: &[Column]) -> Result<Vec<Column>> {
    if chosen.is_empty() {
        return Err(Error::invalid("columns", Reason::Required));
    }
    let mut seen = std::collections::HashSet::new();
    if !chosen.iter().all(|c| seen.insert(*c)) {
        return Err(Error::invalid("columns", Reason::Choice));
    }
    let text = chosen.iter().map(|c| c.key()).collect::<Vec<_>>().join(",");
    crate::settings::set_value(conn, COLUMNS_KEY, &text)?;
    columns(conn)
}

/// Field separator of the CSV for Excel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Separator {
    #[serde(rename = ";")]
    Semicolon,
    #[serde(rename = ",")]
    Comma,
}

impl Separator {
    pub fn byte(self) -> u8 {
        match self {
            Separator::Semicolon => b';',
            Separator::Comma => b',',
        }
    }

    pub fn parse(text: &str) -> Option<Separator> {
        match text.trim() {
            ";" | "semicolon" => Some(Separator::Semicolon),
            "," | "comma" => Some(Separator::Comma),
            _ => None,
        }
    }
}

/// Languages whose spreadsheets use a decimal comma, where Excel splits CSV on `;`.
const DECIMAL_COMMA: &[&str] = &[
    "it", "de", "fr", "es", "pt", "nl", "da", "sv", "fi", "nb", "pl", "cs", "ru", "tr", "el",
];

/// The separator Excel expects for `language` (`it`, `it_IT.UTF-8`, `en-US`...): `;` where the
/// decimal separator is a comma, as in Italy, `,` elsewhere.
pub fn separator_for(language: &str) -> Separator {
    let code: String = language
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect::<String>()
        .to_ascii_lowercase();
    if DECIMAL_COMMA.contains(&code.as_str()) {
        Separator::Semicolon
    } else {
        Separator::Comma
    }
}

/// The separator from the workspace's language, else the system locale, else Italian (`;`).
pub fn default_separator(conn: &Connection) -> Result<Separator> {
    if let Some(language) = crate::settings::get(conn)?.language {
        return Ok(separator_for(&language));
    }
    for var in ["LC_ALL", "LC_NUMERIC", "LANG"] {
        if let Ok(value) = std::env::var(var) {
            if !value.is_empty() && value != "C" && value != "POSIX" && !value.starts_with("C.") {
                return Ok(separator_for(&value));
            }
        }
    }
    Ok(Separator::Semicolon)
}

/// The language of headers: the workspace's, English when unset.
pub fn header_language(conn: &Connection) -> Result<String> {
    Ok(crate::settings::get(conn)?
        .language
        .unwrap_or_else(|| "en".to_owned()))
}

/// The file formats of a contact list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// CSV for Excel: BOM, locale separator, CRLF, no cell can become a formula.
    Csv,
    /// CSV for machine imports: values exactly as stored, `,`, no BOM. Not for spreadsheets.
    CsvRaw,
    Xlsx,
    /// vCard 3.0, which every address book reads.
    Vcf,
    /// vCard 4.0 (RFC 6350).
    Vcf4,
    /// Google Contacts' CSV layout.
    GoogleCsv,
    /// Outlook's CSV layout.
    OutlookCsv,
}

impl Format {
    pub const ALL: &'static [Format] = &[
        Format::Csv,
        Format::CsvRaw,
        Format::Xlsx,
        Format::Vcf,
        Format::Vcf4,
        Format::GoogleCsv,
        Format::OutlookCsv,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::CsvRaw => "csv-raw",
            Format::Xlsx => "xlsx",
            Format::Vcf => "vcf",
            Format::Vcf4 => "vcf4",
            Format::GoogleCsv => "google-csv",
            Format::OutlookCsv => "outlook-csv",
        }
    }

    pub fn parse(text: &str) -> Option<Format> {
        Format::ALL.iter().copied().find(|f| f.key() == text.trim())
    }

    /// The end of the file name: the raw CSV says so in its name, so nobody mistakes it for the
    /// one that is safe to open in Excel.
    pub fn suffix(self) -> &'static str {
        match self {
            Format::Csv => ".csv",
            Format::CsvRaw => "-raw.csv",
            Format::Xlsx => ".xlsx",
            Format::Vcf => ".vcf",
            Format::Vcf4 => "-vcard4.vcf",
            Format::GoogleCsv => "-google.csv",
            Format::OutlookCsv => "-outlook.csv",
        }
    }
}

/// How to write a contact list.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Options {
    /// Spreadsheet columns; the remembered ones when `None`.
    pub columns: Option<Vec<Column>>,
    /// CSV for Excel only; from the locale when `None`.
    pub separator: Option<Separator>,
    /// vCard only: a folder with one `.vcf` per contact instead of one file.
    pub one_file_per_contact: bool,
}

/// What an export wrote, for the UI's confirmation.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Written {
    pub format: Format,
    pub contacts: usize,
    /// The files written (one, or one per contact).
    pub files: Vec<PathBuf>,
}

/// A file name part from any text: lower case ASCII letters and digits (accents folded away),
/// other letters kept, everything else one `-`. "Japan Health Expo 2025 — Osaka" gives
/// `japan-health-expo-2025-osaka`; an empty result gives `export`.
pub fn file_stem(text: &str) -> String {
    let mut out = String::new();
    for c in crate::search::fold(text).chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out: String = out.trim_end_matches('-').chars().take(80).collect();
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        "export".to_owned()
    } else {
        out.to_owned()
    }
}

/// A file name for the selection in `format`, such as `japan-health-expo-2025-osaka-contacts.xlsx`.
pub fn file_name(conn: &Connection, selection: &Selection, format: Format) -> Result<String> {
    let mut parts = Vec::new();
    if let Some(id) = &selection.mission_id {
        parts.push(crate::missions::get(conn, id)?.title);
    }
    if let Some(id) = &selection.member_id {
        parts.push(crate::members::get(conn, id)?.name);
    }
    if let Some(tag) = &selection.tag {
        parts.push(tag.clone());
    }
    if selection.ids.is_some() {
        parts.push("selection".to_owned());
    }
    parts.push("contacts".to_owned());
    Ok(format!(
        "{}{}",
        file_stem(&parts.join(" ")),
        format.suffix()
    ))
}

/// The contacts of `selection`, sorted by family name then given name (accents and case folded).
pub fn contacts(conn: &Connection, selection: &Selection) -> Result<Vec<ExportContact>> {
    if let Some(id) = &selection.mission_id {
        crate::missions::get(conn, id)?;
    }
    if let Some(id) = &selection.member_id {
        crate::members::get(conn, id)?;
    }
    let ids = selection
        .ids
        .as_ref()
        .map(serde_json::to_string)
        .transpose()
        .map_err(|e| Error::Export {
            format: "selection",
            reason: e.to_string(),
        })?;
    let tag = selection.tag.as_deref().map(str::trim);
    let args = params![selection.mission_id, selection.member_id, tag, ids];

    // Meetings "in scope" are the non-cancelled ones of the mission and/or of the member's people;
    // `met_at` and `last_met_on` describe only those, so a member's list says where *they* met.
    // Tags and meetings are read in one pass each rather than per contact: at 100,000 contacts,
    // correlated subqueries cost a second.
    const SCOPE: &str = "FROM meeting_contacts mc JOIN meetings m ON m.id = mc.meeting_id
        WHERE m.status <> 'cancelled'
          AND (?1 IS NULL OR m.mission_id = ?1)
          AND (?2 IS NULL OR EXISTS (SELECT 1 FROM meeting_persons mp JOIN persons p ON p.id = mp.person_id
                                      WHERE mp.meeting_id = m.id AND p.member_id = ?2))";
    let mut met: HashMap<String, (Vec<String>, Option<String>)> = HashMap::new();
    {
        let mut stmt = conn.prepare(&format!(
            "SELECT mc.contact_id, m.title, m.starts_at, m.time_zone {SCOPE} ORDER BY m.starts_at, m.title"
        ))?;
        let mut rows = stmt.query(params![selection.mission_id, selection.member_id])?;
        while let Some(row) = rows.next()? {
            let contact: String = row.get("contact_id")?;
            let tz = fields::time_zone("timeZone", &row.get::<_, String>("time_zone")?)?;
            let day = crate::agenda::parse_utc(&row.get::<_, String>("starts_at")?)?
                .with_timezone(&tz)
                .date_naive()
                .to_string();
            let entry = met.entry(contact).or_default();
            entry.0.push(row.get("title")?);
            entry.1 = Some(day);
        }
    }
    let mut tags: HashMap<String, Vec<String>> = HashMap::new();
    {
        let mut stmt = conn.prepare(
            "SELECT ct.contact_id, t.name FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id ORDER BY t.name COLLATE NOCASE",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            tags.entry(row.get("contact_id")?)
                .or_default()
                .push(row.get("name")?);
        }
    }

    // Organisations are few (one per 20 contacts in the benchmark) and looked up from memory:
    // a join per row, and the index-ordered scan an ORDER BY would need, cost more than the sort.
    let mut organisations: HashMap<String, (String, OrganisationKind, String, String)> =
        HashMap::new();
    {
        let mut stmt = conn.prepare("SELECT id, name, kind, country, city FROM organisations")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            organisations.insert(
                row.get("id")?,
                (
                    row.get("name")?,
                    row.get("kind")?,
                    row.get("country")?,
                    row.get("city")?,
                ),
            );
        }
    }
    let sql = format!(
        "SELECT c.id, c.organisation_id, c.first_name, c.last_name, c.name_reading, c.role, c.email, c.phone,
                c.country, c.city, c.language, c.notes, c.source, c.lawful_basis, c.lawful_basis_on,
                c.created_at, c.updated_at
         FROM contacts c
         WHERE c.erased_at IS NULL
           AND (?1 IS NULL
                OR c.id IN (SELECT mc.contact_id FROM meeting_contacts mc JOIN meetings m ON m.id = mc.meeting_id
                            WHERE m.mission_id = ?1 AND m.status <> 'cancelled')
                OR (?2 IS NULL AND c.import_batch_id IN (SELECT b.id FROM import_batches b
                            WHERE b.mission_id = ?1 AND b.undone_at IS NULL)))
           AND (?2 IS NULL OR c.id IN (SELECT mc.contact_id {SCOPE}))
           AND (?3 IS NULL OR c.id IN (SELECT ct.contact_id FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id
                                       WHERE t.name = ?3 COLLATE NOCASE))
           AND (?4 IS NULL OR c.id IN (SELECT value FROM json_each(?4)))"
    );
    let mut stmt = conn.prepare(&sql)?;
    // Columns are still read by name, but each name is looked up once, not once per row.
    let col = |name: &str| stmt.column_index(name);
    let cols = Cols {
        id: col("id")?,
        organisation_id: col("organisation_id")?,
        first_name: col("first_name")?,
        last_name: col("last_name")?,
        name_reading: col("name_reading")?,
        role: col("role")?,
        email: col("email")?,
        phone: col("phone")?,
        country: col("country")?,
        city: col("city")?,
        language: col("language")?,
        notes: col("notes")?,
        source: col("source")?,
        lawful_basis: col("lawful_basis")?,
        lawful_basis_on: col("lawful_basis_on")?,
        created_at: col("created_at")?,
        updated_at: col("updated_at")?,
    };
    // Sized up front: every big buffer the allocator frees while growing this vector makes it
    // consolidate the free lists of the small strings (glibc), a tenth of an export's time.
    let capacity: usize = if *selection == Selection::default() {
        conn.query_row("SELECT count(*) FROM contacts", [], |r| r.get::<_, i64>(0))?
            .max(0) as usize
    } else {
        0
    };
    let mut rows = stmt.query(args)?;
    let mut out = Vec::with_capacity(capacity);
    while let Some(row) = rows.next()? {
        let organisation_id: Option<String> = row.get(cols.organisation_id)?;
        let mut contact = cols.read(
            row,
            organisation_id
                .as_ref()
                .and_then(|id| organisations.get(id)),
        )?;
        if let Some((titles, last)) = met.remove(&contact.id) {
            contact.met_at = titles;
            contact.last_met_on = last;
        }
        if let Some(names) = tags.remove(&contact.id) {
            contact.tags = names;
        }
        out.push(contact);
    }
    // Family name, then given name, accents and case folded (Città sorts with Citta), then id so
    // that namesakes keep one order from export to export. The keys are sorted, not the rows:
    // moving 100,000 large rows around costs more than the comparisons.
    let mut keys: Vec<(String, String, usize)> = out
        .iter()
        .enumerate()
        .map(|(i, c)| (sort_key(&c.last_name), sort_key(&c.first_name), i))
        .collect();
    keys.sort_unstable_by(|a, b| {
        (&a.0, &a.1)
            .cmp(&(&b.0, &b.1))
            .then_with(|| out[a.2].id.cmp(&out[b.2].id))
    });
    let order: Vec<usize> = keys.into_iter().map(|(_, _, i)| i).collect();
    // Put row order[i] at i in place, following each cycle: no second 100,000-row vector.
    for i in 0..order.len() {
        let mut j = order[i];
        while j < i {
            j = order[j];
        }
        out.swap(i, j);
    }
    Ok(out)
}

/// A name folded for sorting; plain ASCII names (most of them) skip Unicode normalisation.
fn sort_key(name: &str) -> String {
    if name.is_ascii() {
        name.to_ascii_lowercase()
    } else {
        crate::search::fold(name)
    }
}

/// Where each column of the export query is.
struct Cols {
    id: usize,
    organisation_id: usize,
    first_name: usize,
    last_name: usize,
    name_reading: usize,
    role: usize,
    email: usize,
    phone: usize,
    country: usize,
    city: usize,
    language: usize,
    notes: usize,
    source: usize,
    lawful_basis: usize,
    lawful_basis_on: usize,
    created_at: usize,
    updated_at: usize,
}

impl Cols {
    /// A contact from its row and its organisation's (name, kind, country, city).
    fn read(
        &self,
        row: &Row<'_>,
        organisation: Option<&(String, OrganisationKind, String, String)>,
    ) -> rusqlite::Result<ExportContact> {
        let first_name: String = row.get(self.first_name)?;
        let last_name: String = row.get(self.last_name)?;
        let or_organisation = |own: String, theirs: Option<&String>| {
            if own.is_empty() {
                theirs.cloned().unwrap_or_default()
            } else {
                own
            }
        };
        Ok(ExportContact {
            id: row.get(self.id)?,
            display_name: fields::display_name(&first_name, &last_name),
            first_name,
            last_name,
            name_reading: row.get(self.name_reading)?,
            organisation: organisation.map(|o| o.0.clone()).unwrap_or_default(),
            organisation_kind: organisation.map(|o| o.1),
            role: row.get(self.role)?,
            email: row.get(self.email)?,
            phone: row.get(self.phone)?,
            country: or_organisation(row.get(self.country)?, organisation.map(|o| &o.2)),
            city: or_organisation(row.get(self.city)?, organisation.map(|o| &o.3)),
            language: row.get(self.language)?,
            tags: Vec::new(),
            notes: row.get(self.notes)?,
            source: row.get(self.source)?,
            lawful_basis: row.get(self.lawful_basis)?,
            lawful_basis_on: row.get(self.lawful_basis_on)?,
            met_at: Vec::new(),
            last_met_on: None,
            created_at: row.get(self.created_at)?,
            updated_at: row.get(self.updated_at)?,
        })
    }
}

/// Renders `contacts` in a one-file format (`Options::one_file_per_contact` is ignored here).
pub fn render(
    conn: &Connection,
    contacts: &[ExportContact],
    format: Format,
    options: &Options,
) -> Result<Vec<u8>> {
    let columns = match &options.columns {
        Some(c) if !c.is_empty() => c.clone(),
        Some(_) => return Err(Error::invalid("columns", Reason::Required)),
        None => columns(conn)?,
    };
    let lang = header_language(conn)?;
    match format {
        Format::Csv => {
            let separator = match options.separator {
                Some(s) => s,
                None => default_separator(conn)?,
            };
            csv::excel(contacts, &columns, separator, &lang)
        }
        Format::CsvRaw => csv::raw(contacts, &columns),
        Format::GoogleCsv => csv::google(contacts),
        Format::OutlookCsv => csv::outlook(contacts),
        Format::Xlsx => xlsx::contacts(contacts, &columns, &lang),
        Format::Vcf => Ok(vcard::cards(contacts, vcard::Version::V3).into_bytes()),
        Format::Vcf4 => Ok(vcard::cards(contacts, vcard::Version::V4).into_bytes()),
    }
}

/// Exports the selection to `path`: a file, or for vCard with `one_file_per_contact` a folder
/// (created if needed) holding one `.vcf` per contact.
pub fn write(
    conn: &Connection,
    selection: &Selection,
    format: Format,
    options: &Options,
    path: &Path,
) -> Result<Written> {
    let list = contacts(conn, selection)?;
    if options.one_file_per_contact && matches!(format, Format::Vcf | Format::Vcf4) {
        let version = if format == Format::Vcf4 {
            vcard::Version::V4
        } else {
            vcard::Version::V3
        };
        std::fs::create_dir_all(path)?;
        let mut files = Vec::with_capacity(list.len());
        for contact in &list {
            let file = path.join(vcard::file_name(contact));
            std::fs::write(&file, vcard::cards(std::slice::from_ref(contact), version))?;
            files.push(file);
        }
        return Ok(Written {
            format,
            contacts: list.len(),
            files,
        });
    }
    let bytes = render(conn, &list, format, options)?;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(path, bytes)?;
    Ok(Written {
        format,
        contacts: list.len(),
        files: vec![path.to_owned()],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_stems_are_lower_case_words_joined_by_dashes() {
        assert_eq!(
            file_stem("Japan Health Expo 2025 — Osaka"),
            "japan-health-expo-2025-osaka"
        );
        assert_eq!(file_stem("Città, Nicolò & co."), "citta-nicolo-co");
        assert_eq!(file_stem("田中 浩"), "田中-浩");
        assert_eq!(file_stem("  ;;; "), "export");
    }

    #[test]
    fn italian_spreadsheets_split_on_semicolons() {
        assert_eq!(separator_for("it"), Separator::Semicolon);
        assert_eq!(separator_for("it_IT.UTF-8"), Separator::Semicolon);
        assert_eq!(separator_for("en-US"), Separator::Comma);
        assert_eq!(separator_for("ja_JP.UTF-8"), Separator::Comma);
    }

    #[test]
    fn chosen_columns_are_remembered_in_order() {
        let store = crate::Store::open_in_memory().unwrap();
        assert_eq!(store.read(columns).unwrap(), DEFAULT_COLUMNS);
        let chosen = [Column::Email, Column::LastName, Column::Tags];
        store.write(|tx| set_columns(tx, &chosen)).unwrap();
        assert_eq!(store.read(columns).unwrap(), chosen);
        assert!(store
            .write(|tx| set_columns(tx, &[Column::Email, Column::Email]))
            .is_err());
        assert!(store.write(|tx| set_columns(tx, &[])).is_err());
    }

    #[test]
    fn the_workspace_language_decides_the_separator() {
        let store = crate::Store::open_in_memory().unwrap();
        for (language, separator) in [("en", Separator::Comma), ("it", Separator::Semicolon)] {
            let settings = crate::settings::Settings {
                language: Some(language.into()),
                home_time_zone: "Europe/Rome".into(),
            };
            store
                .write(|tx| crate::settings::set(tx, &settings))
                .unwrap();
            assert_eq!(
                store.read(default_separator).unwrap(),
                separator,
                "{language}"
            );
        }
    }

    #[test]
    fn every_column_key_parses_back() {
        for c in Column::ALL {
            assert_eq!(Column::parse(c.key()), Some(*c));
        }
        for f in Format::ALL {
            assert_eq!(Format::parse(f.key()), Some(*f));
        }
    }
}
