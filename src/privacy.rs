//! Personal data (GDPR): what Ponte must be able to do for every contact it holds.
//!
//! - **Consent history**: every value of a contact's lawful basis, source and basis date, kept by
//!   triggers (0004_privacy.sql) on every write, so forms, the quick log and imports are covered
//!   alike.
//! - **Access request** (art. 15): [`access_request`] gathers everything held about one person;
//!   [`json`] and [`html`] write it as files. The HTML escapes every value.
//! - **Erasure** (art. 17): [`erase_contact`] deletes the person and their traces. Meetings keep
//!   counting them through a stand-in contact without any personal field, so the figures of past
//!   missions do not change. [`scrub`] then overwrites what the deletion freed in the file and
//!   the WAL. The log (`erasures`) says when and how much, never who.
//! - **Retention review**: [`retention_review`] lists contacts nobody met for a period (setting
//!   `retention_months`), to confirm ([`confirm_retention`]) or erase.
//!
//! Why erasure works the way it does: docs/privacy.md.

use chrono::{DateTime, Months, SecondsFormat, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::Serialize;

use crate::contacts::{self, Contact, LawfulBasis};
use crate::error::{Entity, Error, Result};
use crate::fields;
use crate::meetings::{self, Meeting};
use crate::organisations::{self, Organisation};
use crate::report::escape_html;

/// One value of a contact's lawful basis, source and basis date, and when it was set.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConsentRecord {
    pub id: String,
    /// `created`, `changed`, or `recorded` (already there when Ponte began keeping the history).
    pub event: String,
    pub lawful_basis: LawfulBasis,
    pub source: String,
    pub lawful_basis_on: String,
    pub changed_at: String,
}

impl ConsentRecord {
    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(ConsentRecord {
            id: row.get("id")?,
            event: row.get("event")?,
            lawful_basis: row.get("lawful_basis")?,
            source: row.get("source")?,
            lawful_basis_on: row.get("lawful_basis_on")?,
            changed_at: row.get("changed_at")?,
        })
    }
}

/// The history of a contact's lawful basis, oldest first. A contact whose basis never changed
/// has no stored records (migration 0006): its own row is the `created` record, with the
/// contact's id.
pub fn consent_history(conn: &Connection, contact_id: &str) -> Result<Vec<ConsentRecord>> {
    let contact = live_contact(conn, contact_id)?;
    let mut stmt = conn.prepare(
        "SELECT * FROM consent_history WHERE contact_id = ?1 ORDER BY changed_at, rowid",
    )?;
    let rows: Vec<ConsentRecord> = stmt.query_map([contact_id], ConsentRecord::from_row)?.collect::<rusqlite::Result<_>>()?;
    if !rows.is_empty() {
        return Ok(rows);
    }
    Ok(vec![ConsentRecord {
        id: contact.id,
        event: "created".to_owned(),
        lawful_basis: contact.lawful_basis,
        source: contact.source,
        lawful_basis_on: contact.lawful_basis_on,
        changed_at: contact.created_at,
    }])
}

/// A contact that exists and is not the stand-in of an erased one.
fn live_contact(conn: &Connection, id: &str) -> Result<Contact> {
    let contact = contacts::get(conn, id)?;
    if contact.erased_at.is_some() {
        return Err(Error::not_found(Entity::Contact, id));
    }
    Ok(contact)
}

// ---------------------------------------------------------------------------------------------
// Access request

/// A meeting the person attended, as their access report shows it: of the attendees, only the
/// requester and the names of the cluster's people; other external contacts are counted, not
/// named, since their data is not the requester's to receive.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AccessMeeting {
    #[serde(flatten)]
    pub meeting: Meeting,
    pub mission_title: Option<String>,
    pub other_contacts: usize,
}

/// A follow-up about the person: linked to them, or coming from a meeting they attended.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AccessFollowUp {
    pub id: String,
    pub what: String,
    pub meeting_title: Option<String>,
    pub owner: Option<String>,
    pub due_on: Option<String>,
    pub done_at: Option<String>,
}

/// An import that created the contact or filled in some of its fields.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportRecord {
    pub batch_id: String,
    pub file_name: String,
    /// `created` or `updated`.
    pub action: String,
    pub imported_at: String,
}

/// Everything held about one person (GDPR art. 15).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AccessReport {
    pub contact: Contact,
    pub organisation: Option<Organisation>,
    pub tags: Vec<String>,
    pub meetings: Vec<AccessMeeting>,
    pub follow_ups: Vec<AccessFollowUp>,
    pub consent_history: Vec<ConsentRecord>,
    pub imports: Vec<ImportRecord>,
    pub retention_confirmed_at: Option<String>,
    /// `it` or `en`: the language of the rendered file.
    pub language: String,
    pub generated_at: String,
}

pub fn access_request(conn: &Connection, contact_id: &str, language: &str) -> Result<AccessReport> {
    let contact = live_contact(conn, contact_id)?;
    let organisation = contact.organisation_id.as_deref().map(|id| organisations::get(conn, id)).transpose()?;
    let tags = {
        let mut stmt = conn.prepare(
            "SELECT t.name FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id
             WHERE ct.contact_id = ?1 ORDER BY t.name COLLATE NOCASE",
        )?;
        let rows = stmt.query_map([contact_id], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<Vec<String>>>()?
    };
    let mut mission_title = conn.prepare("SELECT title FROM missions WHERE id = ?1")?;
    let mut meetings = Vec::new();
    for mut meeting in meetings::list_with_contact(conn, contact_id)? {
        let mission_title = match &meeting.mission_id {
            Some(id) => mission_title.query_row([id], |r| r.get(0)).optional()?,
            None => None,
        };
        let other_contacts = meeting.contacts.iter().filter(|c| c.id != contact_id).count();
        meeting.contacts.retain(|c| c.id == contact_id);
        for person in &mut meeting.persons {
            person.email.clear();
        }
        meetings.push(AccessMeeting { meeting, mission_title, other_contacts });
    }
    let follow_ups = {
        let mut stmt = conn.prepare(
            "SELECT f.id, f.what, f.due_on, f.done_at, m.title AS meeting_title,
                    p.first_name AS owner_first, p.last_name AS owner_last
             FROM follow_ups f
             LEFT JOIN meetings m ON m.id = f.meeting_id
             LEFT JOIN persons p ON p.id = f.owner_person_id
             WHERE f.contact_id = ?1
                OR f.meeting_id IN (SELECT meeting_id FROM meeting_contacts WHERE contact_id = ?1)
             ORDER BY f.created_at",
        )?;
        let rows = stmt.query_map([contact_id], |r| {
            let first: Option<String> = r.get("owner_first")?;
            let last: Option<String> = r.get("owner_last")?;
            Ok(AccessFollowUp {
                id: r.get("id")?,
                what: r.get("what")?,
                meeting_title: r.get("meeting_title")?,
                owner: first.zip(last).map(|(f, l)| fields::display_name(&f, &l)),
                due_on: r.get("due_on")?,
                done_at: r.get("done_at")?,
            })
        })?;
        rows.collect::<rusqlite::Result<Vec<_>>>()?
    };
    let imports = {
        let mut stmt = conn.prepare(
            "SELECT b.id, b.file_name, 'created' AS action, b.created_at FROM contacts c
                 JOIN import_batches b ON b.id = c.import_batch_id WHERE c.id = ?1
             UNION ALL
             SELECT b.id, b.file_name, ch.action, ch.created_at FROM import_changes ch
                 JOIN import_batches b ON b.id = ch.batch_id
                 WHERE ch.entity = 'contact' AND ch.record_id = ?1
             ORDER BY 4",
        )?;
        let rows = stmt.query_map([contact_id], |r| {
            Ok(ImportRecord { batch_id: r.get(0)?, file_name: r.get(1)?, action: r.get(2)?, imported_at: r.get(3)? })
        })?;
        rows.collect::<rusqlite::Result<Vec<_>>>()?
    };
    let retention_confirmed_at = conn
        .query_row("SELECT confirmed_at FROM retention_confirmations WHERE contact_id = ?1", [contact_id], |r| r.get(0))
        .optional()?;
    Ok(AccessReport {
        consent_history: consent_history(conn, contact_id)?,
        contact,
        organisation,
        tags,
        meetings,
        follow_ups,
        imports,
        retention_confirmed_at,
        language: if language == "it" { "it" } else { "en" }.to_owned(),
        generated_at: fields::now(),
    })
}

/// The access report as pretty-printed JSON.
pub fn json(report: &AccessReport) -> Result<Vec<u8>> {
    serde_json::to_vec_pretty(report).map_err(|e| Error::Export { format: "json", reason: e.to_string() })
}

/// A file name for the access report, e.g. `access-request-takeshi-kobayashi-2026-01-31.html`.
pub fn file_name(report: &AccessReport, extension: &str) -> String {
    format!(
        "access-request-{}-{}.{extension}",
        crate::export::file_stem(&report.contact.display_name),
        &report.generated_at[..10]
    )
}

struct Words {
    title: &'static str,
    intro: &'static str,
    record: &'static str,
    first_name: &'static str,
    last_name: &'static str,
    name_reading: &'static str,
    organisation: &'static str,
    role: &'static str,
    email: &'static str,
    phone: &'static str,
    city: &'static str,
    country: &'static str,
    language: &'static str,
    notes: &'static str,
    source: &'static str,
    lawful_basis: &'static str,
    lawful_basis_on: &'static str,
    created: &'static str,
    updated: &'static str,
    tags: &'static str,
    consent: &'static str,
    when: &'static str,
    meetings: &'static str,
    mission: &'static str,
    place: &'static str,
    outcome: &'static str,
    delegates: &'static str,
    others: &'static str,
    follow_ups: &'static str,
    what: &'static str,
    owner: &'static str,
    due: &'static str,
    done: &'static str,
    imports: &'static str,
    file: &'static str,
    retention: &'static str,
    none: &'static str,
    generated: &'static str,
}

const EN: Words = Words {
    title: "Personal data held about",
    intro: "Everything this workspace holds about the person named below: their record, the meetings they took part in with notes, outcomes and follow-ups, the history of the lawful basis for holding their data, and the imports it came from.",
    record: "Record",
    first_name: "First name",
    last_name: "Last name",
    name_reading: "Reading",
    organisation: "Organisation",
    role: "Role",
    email: "E-mail",
    phone: "Phone",
    city: "City",
    country: "Country",
    language: "Language",
    notes: "Notes",
    source: "Source",
    lawful_basis: "Lawful basis",
    lawful_basis_on: "Basis date",
    created: "Created",
    updated: "Last changed",
    tags: "Tags",
    consent: "History of the lawful basis",
    when: "When",
    meetings: "Meetings",
    mission: "Mission",
    place: "Place",
    outcome: "Outcome",
    delegates: "Our participants",
    others: "Other external participants",
    follow_ups: "Follow-ups",
    what: "What",
    owner: "Owner",
    due: "Due",
    done: "Done",
    imports: "Imports",
    file: "File",
    retention: "Retention last confirmed",
    none: "None.",
    generated: "Generated",
};

const IT: Words = Words {
    title: "Dati personali conservati su",
    intro: "Tutto ciò che questo spazio di lavoro conserva sulla persona indicata: la scheda, gli incontri a cui ha partecipato con note, esiti e azioni successive, lo storico della base giuridica del trattamento e le importazioni da cui provengono i dati.",
    record: "Scheda",
    first_name: "Nome",
    last_name: "Cognome",
    name_reading: "Lettura",
    organisation: "Organizzazione",
    role: "Ruolo",
    email: "E-mail",
    phone: "Telefono",
    city: "Città",
    country: "Paese",
    language: "Lingua",
    notes: "Note",
    source: "Fonte",
    lawful_basis: "Base giuridica",
    lawful_basis_on: "Data della base giuridica",
    created: "Creato",
    updated: "Ultima modifica",
    tags: "Etichette",
    consent: "Storico della base giuridica",
    when: "Quando",
    meetings: "Incontri",
    mission: "Missione",
    place: "Luogo",
    outcome: "Esito",
    delegates: "Nostri partecipanti",
    others: "Altri partecipanti esterni",
    follow_ups: "Azioni successive",
    what: "Cosa",
    owner: "Responsabile",
    due: "Scadenza",
    done: "Fatto",
    imports: "Importazioni",
    file: "File",
    retention: "Conservazione confermata il",
    none: "Nessuno.",
    generated: "Generato il",
};

/// A lawful basis in words.
pub fn basis_label(basis: LawfulBasis, language: &str) -> &'static str {
    let it = language == "it";
    match (basis, it) {
        (LawfulBasis::Consent, false) => "Consent",
        (LawfulBasis::Consent, true) => "Consenso",
        (LawfulBasis::LegitimateInterest, false) => "Legitimate interest",
        (LawfulBasis::LegitimateInterest, true) => "Legittimo interesse",
        (LawfulBasis::Contract, false) => "Contract",
        (LawfulBasis::Contract, true) => "Contratto",
        (LawfulBasis::LegalObligation, false) => "Legal obligation",
        (LawfulBasis::LegalObligation, true) => "Obbligo legale",
        (LawfulBasis::PublicTask, false) => "Public task",
        (LawfulBasis::PublicTask, true) => "Compito di interesse pubblico",
        (LawfulBasis::VitalInterest, false) => "Vital interest",
        (LawfulBasis::VitalInterest, true) => "Interesse vitale",
    }
}

/// Table rows of label/value pairs; values are escaped, empty ones left out.
fn rows(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("<tr><th>{}</th><td class=\"pre\">{}</td></tr>", escape_html(k), escape_html(v)))
        .collect()
}

/// The access report as one self-contained HTML page (the report's page shell: no script,
/// nothing fetched, every value escaped).
pub fn html(report: &AccessReport) -> String {
    let lang = report.language.as_str();
    let w = if lang == "it" { &IT } else { &EN };
    let c = &report.contact;
    let none = format!("<p>{}</p>", w.none);
    let mut h = format!(
        "<header><h1>{} {}</h1><p>{}</p></header>",
        w.title,
        escape_html(&c.display_name),
        w.intro
    );
    let organisation = report.organisation.as_ref().map(|o| o.name.as_str()).unwrap_or("");
    let tags = report.tags.join(", ");
    h.push_str(&format!(
        "<section><h2>{}</h2><table>{}</table></section>",
        w.record,
        rows(&[
            (w.first_name, &c.first_name),
            (w.last_name, &c.last_name),
            (w.name_reading, &c.name_reading),
            (w.organisation, organisation),
            (w.role, &c.role),
            (w.email, &c.email),
            (w.phone, &c.phone),
            (w.city, &c.city),
            (w.country, &c.country),
            (w.language, &c.language),
            (w.notes, &c.notes),
            (w.source, &c.source),
            (w.lawful_basis, basis_label(c.lawful_basis, lang)),
            (w.lawful_basis_on, &c.lawful_basis_on),
            (w.tags, &tags),
            (w.created, &c.created_at),
            (w.updated, &c.updated_at),
            (w.retention, report.retention_confirmed_at.as_deref().unwrap_or("")),
        ])
    ));
    h.push_str(&format!("<section><h2>{}</h2>", w.consent));
    if report.consent_history.is_empty() {
        h.push_str(&none);
    } else {
        h.push_str(&format!(
            "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
            w.when, w.lawful_basis, w.lawful_basis_on, w.source
        ));
        for r in &report.consent_history {
            h.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape_html(&r.changed_at),
                basis_label(r.lawful_basis, lang),
                escape_html(&r.lawful_basis_on),
                escape_html(&r.source)
            ));
        }
        h.push_str("</tbody></table>");
    }
    h.push_str("</section>");
    h.push_str(&format!("<section><h2>{}</h2>", w.meetings));
    if report.meetings.is_empty() {
        h.push_str(&none);
    }
    for a in &report.meetings {
        let m = &a.meeting;
        let others = if a.other_contacts == 0 { String::new() } else { a.other_contacts.to_string() };
        let delegates: Vec<&str> = m.persons.iter().map(|p| p.name.as_str()).collect();
        h.push_str(&format!(
            "<h3>{}</h3><table>{}</table>",
            escape_html(&m.title),
            rows(&[
                (w.when, &format!("{} – {} ({})", m.starts_at, m.ends_at, m.time_zone)),
                (w.mission, a.mission_title.as_deref().unwrap_or("")),
                (w.place, &m.place),
                (w.delegates, &delegates.join(", ")),
                (w.others, &others),
                (w.notes, &m.notes),
                (w.outcome, &m.outcome),
            ])
        ));
    }
    h.push_str("</section>");
    h.push_str(&format!("<section><h2>{}</h2>", w.follow_ups));
    if report.follow_ups.is_empty() {
        h.push_str(&none);
    } else {
        h.push_str(&format!(
            "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
            w.what, w.meetings, w.owner, w.due, w.done
        ));
        for f in &report.follow_ups {
            h.push_str(&format!(
                "<tr><td class=\"pre\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape_html(&f.what),
                escape_html(f.meeting_title.as_deref().unwrap_or("")),
                escape_html(f.owner.as_deref().unwrap_or("")),
                escape_html(f.due_on.as_deref().unwrap_or("")),
                escape_html(f.done_at.as_deref().unwrap_or(""))
            ));
        }
        h.push_str("</tbody></table>");
    }
    h.push_str("</section>");
    h.push_str(&format!("<section><h2>{}</h2>", w.imports));
    if report.imports.is_empty() {
        h.push_str(&none);
    } else {
        h.push_str(&format!("<table><thead><tr><th>{}</th><th>{}</th><th></th></tr></thead><tbody>", w.when, w.file));
        for i in &report.imports {
            h.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape_html(&i.imported_at),
                escape_html(&i.file_name),
                escape_html(&i.action)
            ));
        }
        h.push_str("</tbody></table>");
    }
    h.push_str("</section>");
    h.push_str(&format!("<footer><p>{} {}</p></footer>", w.generated, escape_html(&report.generated_at)));
    crate::report::page(&format!("{} {}", w.title, c.display_name), lang, &h)
}

// ---------------------------------------------------------------------------------------------
// Erasure

/// What an erasure did, without saying whom it concerned. `id` is the erasure's reference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ErasureReceipt {
    pub id: String,
    pub kind: String,
    pub erased_at: String,
    /// Meetings that still count the person, now as the stand-in "erased contact".
    pub meetings: i64,
    /// Follow-ups that were linked to the person, now linked to the stand-in (or to nobody).
    pub follow_ups: i64,
    /// Mentions of the person's name, e-mail or phone replaced in meeting and follow-up text.
    pub mentions: i64,
    pub consent_records: i64,
    /// Rows of the import history that held the person's previous values.
    pub import_records: i64,
    pub tags: i64,
    /// Unsaved forms (quick log drafts) that mentioned the person, discarded.
    pub drafts: i64,
}

impl ErasureReceipt {
    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(ErasureReceipt {
            id: row.get("id")?,
            kind: row.get("kind")?,
            erased_at: row.get("erased_at")?,
            meetings: row.get("meetings")?,
            follow_ups: row.get("follow_ups")?,
            mentions: row.get("mentions")?,
            consent_records: row.get("consent_records")?,
            import_records: row.get("import_records")?,
            tags: row.get("tags")?,
            drafts: row.get("drafts")?,
        })
    }
}

/// The name a stand-in shows, in the workspace's language at the time of the erasure.
fn erased_label(conn: &Connection) -> Result<&'static str> {
    Ok(match crate::settings::get(conn)?.language.as_deref() {
        Some("en") => "Erased contact",
        _ => "Contatto cancellato",
    })
}

/// Erases a person: their contact row, search entries, tags, consent history, retention mark,
/// the import history rows holding their previous values, and drafts that mention them. Meetings
/// they attended keep one attendee for them: a stand-in contact with a new id, the organisation
/// and country (for the mission figures) and nothing else. Their name, e-mail and phone are
/// replaced in the text of those meetings and of their follow-ups. Writes the erasure log.
///
/// Run it in a write transaction; afterwards call [`scrub`] so the freed space is overwritten on
/// disk. `secure_delete` is switched on for this connection here (it stays on).
pub fn erase_contact(conn: &Connection, contact_id: &str) -> Result<ErasureReceipt> {
    let contact = live_contact(conn, contact_id)?;
    conn.pragma_update(None, "secure_delete", true)?;
    let now = fields::now();
    let label = erased_label(conn)?;
    let count = |sql: &str| -> Result<i64> { Ok(conn.query_row(sql, [contact_id], |r| r.get(0))?) };
    let meetings = count("SELECT count(*) FROM meeting_contacts WHERE contact_id = ?1")?;
    let follow_ups = count("SELECT count(*) FROM follow_ups WHERE contact_id = ?1")?;
    let consent_records = consent_history(conn, contact_id)?.len() as i64;
    let import_records = count("SELECT count(*) FROM import_changes WHERE entity = 'contact' AND record_id = ?1")?;
    let tags = count("SELECT count(*) FROM contact_tags WHERE contact_id = ?1")?;

    let replacement = format!("[{label}]");
    let needles = Needles::of(&contact);
    let mut mentions = 0;
    {
        let mut stmt = conn.prepare(
            "SELECT m.id, m.title, m.notes, m.outcome FROM meetings m
             JOIN meeting_contacts mc ON mc.meeting_id = m.id WHERE mc.contact_id = ?1",
        )?;
        let texts = stmt
            .query_map([contact_id], |r| Ok((r.get::<_, String>(0)?, [r.get(1)?, r.get(2)?, r.get(3)?])))?
            .collect::<rusqlite::Result<Vec<(String, [String; 3])>>>()?;
        for (id, [title, notes, outcome]) in texts {
            let (title, a) = needles.redact(&title, &replacement);
            let (notes, b) = needles.redact(&notes, &replacement);
            let (outcome, c) = needles.redact(&outcome, &replacement);
            if a + b + c > 0 {
                conn.execute(
                    "UPDATE meetings SET title = ?2, notes = ?3, outcome = ?4 WHERE id = ?1",
                    params![id, title, notes, outcome],
                )?;
                mentions += a + b + c;
            }
        }
        let mut stmt = conn.prepare(
            "SELECT id, what FROM follow_ups WHERE contact_id = ?1
                OR meeting_id IN (SELECT meeting_id FROM meeting_contacts WHERE contact_id = ?1)",
        )?;
        let texts = stmt
            .query_map([contact_id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        for (id, what) in texts {
            let (what, n) = needles.redact(&what, &replacement);
            if n > 0 {
                conn.execute("UPDATE follow_ups SET what = ?2 WHERE id = ?1", params![id, what])?;
                mentions += n;
            }
        }
    }

    // The stand-in: a new id, so nothing in it links back to the person's record in a backup.
    let stand_in = if meetings > 0 {
        let id = fields::new_id();
        conn.execute(
            "INSERT INTO contacts (id, organisation_id, last_name, country, lawful_basis, lawful_basis_on,
                    erased_at, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, 'legitimate_interest', ?5, ?6, ?6, ?6)",
            params![id, contact.organisation_id, label, contact.country, &now[..10], now],
        )?;
        conn.execute("UPDATE meeting_contacts SET contact_id = ?2 WHERE contact_id = ?1", params![contact_id, id])?;
        Some(id)
    } else {
        None
    };
    conn.execute("UPDATE follow_ups SET contact_id = ?2 WHERE contact_id = ?1", params![contact_id, stand_in])?;

    let drafts = {
        let mut stmt = conn.prepare("SELECT key, body FROM drafts")?;
        let all = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut n = 0;
        for (key, body) in all {
            if body.contains(contact_id) || needles.redact(&body, "").1 > 0 {
                crate::drafts::discard(conn, &key)?;
                n += 1;
            }
        }
        n
    };
    conn.execute("DELETE FROM import_changes WHERE entity = 'contact' AND record_id = ?1", [contact_id])?;
    conn.execute("DELETE FROM contact_tags WHERE contact_id = ?1", [contact_id])?;
    // Consent history and the retention mark go with the row (ON DELETE CASCADE); the search
    // entries with it too (trigger contacts_search_ad).
    conn.execute("DELETE FROM contacts WHERE id = ?1", [contact_id])?;
    // A contentless FTS5 table only marks a deleted row: the person's words stay in the index
    // segments (even with FTS5's own secure-delete option, as the file-bytes test showed).
    // Merging the index into one new segment drops them; secure_delete zeroes the old pages.
    conn.execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')", [])?;

    let id = fields::new_id();
    conn.execute(
        "INSERT INTO erasures (id, kind, erased_at, meetings, follow_ups, mentions, consent_records,
                import_records, tags, drafts)
         VALUES (?1, 'contact', ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![id, now, meetings, follow_ups, mentions, consent_records, import_records, tags, drafts],
    )?;
    Ok(conn.query_row("SELECT * FROM erasures WHERE id = ?1", [&id], ErasureReceipt::from_row)?)
}

/// The erasure log, newest first.
pub fn erasures(conn: &Connection) -> Result<Vec<ErasureReceipt>> {
    let mut stmt = conn.prepare("SELECT * FROM erasures ORDER BY erased_at DESC, rowid DESC")?;
    let rows = stmt.query_map([], ErasureReceipt::from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// When the latest erasure happened (RFC 3339), if any: a backup taken before it still holds the
/// erased person and is to be flagged.
pub fn last_erasure_at(conn: &Connection) -> Result<Option<String>> {
    Ok(conn.query_row("SELECT max(erased_at) FROM erasures", [], |r| r.get(0))?)
}

/// Overwrites on disk what an erasure freed: rewrites the workspace from its live rows, moves
/// every page of the WAL into the main file and truncates the WAL to nothing. Call it after the
/// erasing transaction has committed, outside any transaction.
///
/// `secure_delete` zeroes a deleted row, but not the copies B-tree balancing leaves behind: a
/// cell moved to a sibling page stays, stale, in the unused middle of the page it left. A
/// segment of the search index holding an erased name survived that way (tests/privacy.rs),
/// so the file is rebuilt with `VACUUM`: every page written afresh, the rest truncated.
pub fn scrub(conn: &Connection) -> Result<()> {
    conn.pragma_update(None, "secure_delete", true)?;
    conn.execute_batch("VACUUM")?;
    // A checkpoint that could not finish (another reader holding old pages) says so in `busy`.
    let busy: i64 = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))?;
    if busy != 0 {
        return Err(Error::Db(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
            Some("the WAL could not be checkpointed; try again".into()),
        )));
    }
    Ok(())
}

/// The strings that identify a person in free text, and how to match each.
struct Needles(Vec<(String, bool)>);

impl Needles {
    fn of(c: &Contact) -> Needles {
        let mut list: Vec<(String, bool)> = Vec::new();
        let mut add = |text: String, fold: bool| {
            let text = text.trim().to_owned();
            // Two characters are a whole name in Japanese (田中), and too common a word elsewhere.
            let long_enough = text.chars().count() >= if text.chars().any(fields::is_japanese) { 2 } else { 3 };
            if long_enough && !list.iter().any(|(t, _)| *t == text) {
                list.push((text, fold));
            }
        };
        // Whole names, e-mail and phone in any case; a lone first or last name only as written
        // (capitalised), so "Sun" or "May" leave "sun" and "may" alone.
        add(c.display_name.clone(), true);
        add(format!("{} {}", c.first_name, c.last_name), true);
        add(format!("{} {}", c.last_name, c.first_name), true);
        add(format!("{}{}", c.last_name, c.first_name), true);
        add(c.email.clone(), true);
        add(c.phone.clone(), true);
        add(c.name_reading.clone(), true);
        add(c.last_name.clone(), false);
        add(c.first_name.clone(), false);
        // Longest first, so "Mario Rossi" is replaced whole before "Rossi" alone.
        list.sort_by_key(|(t, _)| std::cmp::Reverse(t.chars().count()));
        Needles(list)
    }

    /// `text` with every mention replaced, and how many there were.
    fn redact(&self, text: &str, with: &str) -> (String, i64) {
        let mut text = text.to_owned();
        let mut n = 0;
        for (needle, fold) in &self.0 {
            let mut from = 0;
            while let Some((start, end)) = find_word(&text, needle, *fold, from) {
                text.replace_range(start..end, with);
                from = start + with.len();
                n += 1;
            }
        }
        (text, n)
    }
}

/// The byte range of the first match of `needle` in `hay` at or after `from`, as a whole word:
/// not inside a longer word, except in Japanese, which has no spaces between words.
fn find_word(hay: &str, needle: &str, fold: bool, from: usize) -> Option<(usize, usize)> {
    let first_cjk = needle.chars().next().is_some_and(fields::is_japanese);
    let last_cjk = needle.chars().next_back().is_some_and(fields::is_japanese);
    for (i, _) in hay.get(from..)?.char_indices() {
        let start = from + i;
        let Some(len) = match_at(&hay[start..], needle, fold) else { continue };
        let end = start + len;
        let before = hay[..start].chars().next_back().map_or(true, |c| first_cjk || !c.is_alphanumeric());
        let after = hay[end..].chars().next().map_or(true, |c| last_cjk || !c.is_alphanumeric());
        if before && after {
            return Some((start, end));
        }
    }
    None
}

/// The length in bytes of `needle` at the start of `hay`, if it is there.
fn match_at(hay: &str, needle: &str, fold: bool) -> Option<usize> {
    let mut chars = hay.char_indices();
    for n in needle.chars() {
        let (_, c) = chars.next()?;
        let same = if fold { c.to_lowercase().eq(n.to_lowercase()) } else { c == n };
        if !same {
            return None;
        }
    }
    Some(chars.next().map_or(hay.len(), |(i, _)| i))
}

// ---------------------------------------------------------------------------------------------
// Retention review

/// A contact nobody has met (or confirmed) within the retention period.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RetentionItem {
    pub id: String,
    pub display_name: String,
    pub organisation_name: Option<String>,
    pub email: String,
    pub lawful_basis: LawfulBasis,
    /// The start of their latest meeting that was not cancelled, if any.
    pub last_met_at: Option<String>,
    pub created_at: String,
    pub confirmed_at: Option<String>,
}

/// Contacts whose latest meeting — or their creation or import, when never met — is older than
/// `months`, and whose retention was not confirmed within that period either. Oldest first.
pub fn retention_review(conn: &Connection, months: u32) -> Result<Vec<RetentionItem>> {
    retention_review_at(conn, months, Utc::now())
}

/// [`retention_review`] as of `now`.
pub fn retention_review_at(conn: &Connection, months: u32, now: DateTime<Utc>) -> Result<Vec<RetentionItem>> {
    let months = crate::settings::check_retention_months(months)?;
    let cutoff = now
        .checked_sub_months(Months::new(months))
        .ok_or_else(|| Error::invalid("months", crate::error::Reason::TooLong))?
        .to_rfc3339_opts(SecondsFormat::Secs, true);
    let mut stmt = conn.prepare(
        "SELECT * FROM (
             SELECT c.id, c.first_name, c.last_name, c.email, c.lawful_basis, c.created_at,
                    o.name AS organisation_name, rc.confirmed_at,
                    (SELECT max(m.starts_at) FROM meeting_contacts mc JOIN meetings m ON m.id = mc.meeting_id
                     WHERE mc.contact_id = c.id AND m.status <> 'cancelled') AS last_met_at
             FROM contacts c
             LEFT JOIN organisations o ON o.id = c.organisation_id
             LEFT JOIN retention_confirmations rc ON rc.contact_id = c.id
             WHERE c.erased_at IS NULL)
         WHERE coalesce(last_met_at, created_at) < ?1 AND (confirmed_at IS NULL OR confirmed_at < ?1)
         ORDER BY coalesce(last_met_at, created_at), last_name COLLATE NOCASE, first_name COLLATE NOCASE",
    )?;
    let rows = stmt.query_map([cutoff], |r| {
        let first: String = r.get("first_name")?;
        let last: String = r.get("last_name")?;
        Ok(RetentionItem {
            id: r.get("id")?,
            display_name: fields::display_name(&first, &last),
            organisation_name: r.get("organisation_name")?,
            email: r.get("email")?,
            lawful_basis: r.get("lawful_basis")?,
            last_met_at: r.get("last_met_at")?,
            created_at: r.get("created_at")?,
            confirmed_at: r.get("confirmed_at")?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Records that these contacts may be kept: they leave the review until the period passes again.
/// Returns how many were confirmed; an unknown (or erased) id refuses the whole.
pub fn confirm_retention(conn: &Connection, contact_ids: &[String]) -> Result<usize> {
    let now = fields::now();
    for id in contact_ids {
        live_contact(conn, id)?;
        conn.execute(
            "INSERT INTO retention_confirmations (id, contact_id, confirmed_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (contact_id) DO UPDATE SET confirmed_at = excluded.confirmed_at",
            params![fields::new_id(), id, now],
        )?;
    }
    Ok(contact_ids.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contacts::ContactInput;
    use crate::store::Store;

    fn needles(first: &str, last: &str, email: &str) -> Needles {
        let store = Store::open_in_memory().unwrap();
        let c = store
            .write(|tx| {
                contacts::create(tx, &ContactInput { first_name: first.into(), last_name: last.into(), email: email.into(), ..Default::default() })
            })
            .unwrap();
        Needles::of(&c)
    }

    #[test]
    fn whole_names_and_emails_are_redacted_in_any_case_but_not_inside_words() {
        let n = needles("Mario", "Rossi", "m.rossi@example.it");
        let (text, count) = n.redact("Met MARIO ROSSI (m.rossi@example.it); Rossi wants a demo. Rossini and rossi stay.", "[x]");
        assert_eq!(text, "Met [x] ([x]); [x] wants a demo. Rossini and rossi stay.");
        assert_eq!(count, 3);
    }

    #[test]
    fn japanese_names_are_redacted_without_spaces_around_them() {
        let n = needles("浩", "田中", "");
        let (text, count) = n.redact("田中浩さんと面談。田中さんは来月来日。", "[x]");
        assert_eq!(text, "[x]さんと面談。[x]さんは来月来日。");
        assert_eq!(count, 2);
    }

    #[test]
    fn consent_history_follows_changes_of_basis_source_or_date_only() {
        let store = Store::open_in_memory().unwrap();
        let input = ContactInput { last_name: "Chen".into(), source: "Card".into(), lawful_basis_on: "2025-01-02".into(), ..Default::default() };
        let c = store.write(|tx| contacts::create(tx, &input)).unwrap();
        store.write(|tx| contacts::update(tx, &c.id, &ContactInput { role: "CEO".into(), ..input.clone() })).unwrap();
        assert_eq!(store.read(|conn| consent_history(conn, &c.id)).unwrap().len(), 1, "a role change is not a basis change");
        let consent = ContactInput { lawful_basis: LawfulBasis::Consent, ..input.clone() };
        store.write(|tx| contacts::update(tx, &c.id, &consent)).unwrap();
        let history = store.read(|conn| consent_history(conn, &c.id)).unwrap();
        let events: Vec<(&str, LawfulBasis)> = history.iter().map(|r| (r.event.as_str(), r.lawful_basis)).collect();
        assert_eq!(events, [("created", LawfulBasis::LegitimateInterest), ("changed", LawfulBasis::Consent)]);
        assert_ne!(history[0].id, history[1].id);
        assert!(uuid::Uuid::parse_str(&history[1].id).is_ok_and(|u| u.get_version_num() == 7), "{}", history[1].id);
    }
}
