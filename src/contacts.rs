//! Contacts: people at external organisations, met on a mission or imported from a list. Each
//! carries where it came from and the lawful basis for holding it, because the cluster answers
//! to the GDPR for every name on a laptop.

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use crate::error::{Entity, Error, Result};
use crate::fields::{self, text_enum};
use crate::meetings::{self, Meeting};
use crate::members::count_references;

text_enum!(
    /// GDPR art. 6(1) bases.
    LawfulBasis {
        Consent = "consent",
        LegitimateInterest = "legitimate_interest",
        Contract = "contract",
        LegalObligation = "legal_obligation",
        PublicTask = "public_task",
        VitalInterest = "vital_interest",
    }
);

#[allow(clippy::derivable_impls)] // text_enum! declares the enum, so #[default] cannot be used
impl Default for LawfulBasis {
    fn default() -> Self {
        LawfulBasis::LegitimateInterest
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Contact {
    pub id: String,
    pub organisation_id: Option<String>,
    pub organisation_name: Option<String>,
    /// The name as shown (see [`fields::display_name`]).
    pub display_name: String,
    pub first_name: String,
    pub last_name: String,
    pub name_reading: String,
    pub role: String,
    pub email: String,
    pub phone: String,
    pub country: String,
    pub language: String,
    pub city: String,
    pub notes: String,
    pub source: String,
    pub lawful_basis: LawfulBasis,
    pub lawful_basis_on: String,
    pub created_at: String,
    pub updated_at: String,
    /// Set on the stand-in left in meetings by an erased contact (see `privacy`): no personal
    /// field, not listed, not searchable.
    pub erased_at: Option<String>,
}

impl Contact {
    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        let first_name: String = row.get("first_name")?;
        let last_name: String = row.get("last_name")?;
        Ok(Contact {
            id: row.get("id")?,
            organisation_id: row.get("organisation_id")?,
            organisation_name: row.get("organisation_name")?,
            display_name: fields::display_name(&first_name, &last_name),
            first_name,
            last_name,
            name_reading: row.get("name_reading")?,
            role: row.get("role")?,
            email: row.get("email")?,
            phone: row.get("phone")?,
            country: row.get("country")?,
            language: row.get("language")?,
            city: row.get("city")?,
            notes: row.get("notes")?,
            source: row.get("source")?,
            lawful_basis: row.get("lawful_basis")?,
            lawful_basis_on: row.get("lawful_basis_on")?,
            created_at: row.get("created_at")?,
            updated_at: row.get("updated_at")?,
            erased_at: row.get("erased_at")?,
        })
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ContactInput {
    pub organisation_id: Option<String>,
    pub first_name: String,
    pub last_name: String,
    pub name_reading: String,
    pub role: String,
    pub email: String,
    pub phone: String,
    pub country: String,
    pub language: String,
    pub city: String,
    pub notes: String,
    pub source: String,
    pub lawful_basis: LawfulBasis,
    /// `YYYY-MM-DD`; today when empty.
    pub lawful_basis_on: String,
}

impl ContactInput {
    fn clean(&self, conn: &Connection) -> Result<ContactInput> {
        let first_name = fields::line("firstName", &self.first_name)?;
        let last_name = fields::line("lastName", &self.last_name)?;
        if first_name.is_empty() && last_name.is_empty() {
            return Err(Error::invalid("lastName", crate::error::Reason::Required));
        }
        let organisation_id = match self.organisation_id.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(id) => {
                crate::organisations::get(conn, id)
                    .map_err(|_| Error::invalid("organisationId", crate::error::Reason::Choice))?;
                Some(id.to_owned())
            }
        };
        let lawful_basis_on = if self.lawful_basis_on.trim().is_empty() {
            chrono::Local::now().date_naive()
        } else {
            fields::date("lawfulBasisOn", &self.lawful_basis_on)?
        };
        let language = fields::line("language", &self.language)?.to_ascii_lowercase();
        if language.len() > 35 {
            return Err(Error::invalid("language", crate::error::Reason::TooLong));
        }
        Ok(ContactInput {
            organisation_id,
            first_name,
            last_name,
            name_reading: fields::line("nameReading", &self.name_reading)?,
            role: fields::line("role", &self.role)?,
            email: fields::email("email", &self.email)?,
            phone: fields::phone("phone", &self.phone)?,
            country: fields::country("country", &self.country)?,
            language,
            city: fields::line("city", &self.city)?,
            notes: fields::notes("notes", &self.notes)?,
            source: fields::line("source", &self.source)?,
            lawful_basis: self.lawful_basis,
            lawful_basis_on: lawful_basis_on.format("%Y-%m-%d").to_string(),
        })
    }
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ContactSummary {
    pub id: String,
    pub display_name: String,
    pub first_name: String,
    pub last_name: String,
    pub organisation_id: Option<String>,
    pub organisation_name: Option<String>,
    pub role: String,
    pub email: String,
    pub country: String,
}

impl ContactSummary {
    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        let first_name: String = row.get("first_name")?;
        let last_name: String = row.get("last_name")?;
        Ok(ContactSummary {
            id: row.get("id")?,
            display_name: fields::display_name(&first_name, &last_name),
            first_name,
            last_name,
            organisation_id: row.get("organisation_id")?,
            organisation_name: row.get("organisation_name")?,
            role: row.get("role")?,
            email: row.get("email")?,
            country: row.get("country")?,
        })
    }
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ContactDetail {
    pub contact: Contact,
    pub meetings: Vec<Meeting>,
}

const SUMMARY_SELECT: &str = "SELECT c.id, c.first_name, c.last_name, c.organisation_id,
        o.name AS organisation_name, c.role, c.email, c.country
    FROM contacts c LEFT JOIN organisations o ON o.id = c.organisation_id
    WHERE c.erased_at IS NULL";

pub fn list(conn: &Connection) -> Result<Vec<ContactSummary>> {
    let sql = format!(
        "{SUMMARY_SELECT} ORDER BY c.last_name COLLATE NOCASE, c.first_name COLLATE NOCASE"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([], ContactSummary::from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn list_of_organisation(conn: &Connection, organisation_id: &str) -> Result<Vec<ContactSummary>> {
    let sql = format!(
        "{SUMMARY_SELECT} AND c.organisation_id = ?1
         ORDER BY c.last_name COLLATE NOCASE, c.first_name COLLATE NOCASE"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([organisation_id], ContactSummary::from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn get(conn: &Connection, id: &str) -> Result<Contact> {
    conn.query_row(
        "SELECT c.*, o.name AS organisation_name FROM contacts c
         LEFT JOIN organisations o ON o.id = c.organisation_id WHERE c.id = ?1",
        [id],
        Contact::from_row,
    )
    .optional()?
    .ok_or_else(|| Error::not_found(Entity::Contact, id))
}

/// Finds a contact by its id or by a part of its name (or e-mail) that only one contact has (for
/// the CLI). Stand-ins of erased contacts are not found.
pub fn resolve(conn: &Connection, key: &str) -> Result<Contact> {
    if let Ok(c) = get(conn, key) {
        if c.erased_at.is_none() {
            return Ok(c);
        }
    }
    let needle = crate::search::fold(key.trim());
    let mut matching: Vec<ContactSummary> = list(conn)?
        .into_iter()
        .filter(|c| crate::search::fold(&c.display_name).contains(&needle) || c.email.eq_ignore_ascii_case(key.trim()))
        .collect();
    match matching.len() {
        1 => get(conn, &matching.remove(0).id),
        0 => Err(Error::not_found(Entity::Contact, key)),
        _ => Err(Error::invalid("contact", crate::error::Reason::Choice)),
    }
}

pub fn detail(conn: &Connection, id: &str) -> Result<ContactDetail> {
    Ok(ContactDetail { contact: get(conn, id)?, meetings: meetings::list_with_contact(conn, id)? })
}

pub fn create(conn: &Connection, input: &ContactInput) -> Result<Contact> {
    let c = input.clean(conn)?;
    let id = fields::new_id();
    let now = fields::now();
    conn.execute(
        "INSERT INTO contacts (id, organisation_id, first_name, last_name, name_reading, role, email,
                phone, country, language, city, notes, source, lawful_basis, lawful_basis_on,
                created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?16)",
        params![
            id, c.organisation_id, c.first_name, c.last_name, c.name_reading, c.role, c.email,
            c.phone, c.country, c.language, c.city, c.notes, c.source, c.lawful_basis,
            c.lawful_basis_on, now
        ],
    )?;
    get(conn, &id)
}

pub fn update(conn: &Connection, id: &str, input: &ContactInput) -> Result<Contact> {
    let c = input.clean(conn)?;
    if get(conn, id)?.erased_at.is_some() {
        // A stand-in of an erased contact holds no one's data and is not to be given any.
        return Err(Error::not_found(Entity::Contact, id));
    }
    conn.execute(
        "UPDATE contacts SET organisation_id = ?2, first_name = ?3, last_name = ?4, name_reading = ?5,
                role = ?6, email = ?7, phone = ?8, country = ?9, language = ?10, city = ?11,
                notes = ?12, source = ?13, lawful_basis = ?14, lawful_basis_on = ?15, updated_at = ?16
         WHERE id = ?1",
        params![
            id, c.organisation_id, c.first_name, c.last_name, c.name_reading, c.role, c.email,
            c.phone, c.country, c.language, c.city, c.notes, c.source, c.lawful_basis,
            c.lawful_basis_on, fields::now()
        ],
    )?;
    get(conn, id)
}

pub fn delete(conn: &Connection, id: &str) -> Result<()> {
    get(conn, id)?;
    let references = count_references(
        conn,
        id,
        &[(Entity::Meeting, "SELECT count(*) FROM meeting_contacts WHERE contact_id = ?1")],
    )?;
    if !references.is_empty() {
        return Err(Error::Referenced { entity: Entity::Contact, id: id.to_owned(), references });
    }
    conn.execute("DELETE FROM contact_tags WHERE contact_id = ?1", [id])?;
    conn.execute("DELETE FROM contacts WHERE id = ?1", [id])?;
    Ok(())
}
