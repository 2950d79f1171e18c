//! External organisations: the foreign hospitals, universities, companies and public bodies a
//! delegation meets. Contacts belong to them.

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use crate::contacts::{self, ContactSummary};
use crate::error::{Entity, Error, Result};
use crate::fields::{self, text_enum};
use crate::members::count_references;

text_enum!(
    OrganisationKind {
        University = "university",
        Hospital = "hospital",
        ResearchCentre = "research_centre",
        Company = "company",
        Startup = "startup",
        Incubator = "incubator",
        Investor = "investor",
        PublicBody = "public_body",
        Chamber = "chamber",
        Association = "association",
        Other = "other",
    }
);

#[allow(clippy::derivable_impls)] // text_enum! declares the enum, so #[default] cannot be used
impl Default for OrganisationKind {
    fn default() -> Self {
        OrganisationKind::Other
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Organisation {
    pub id: String,
    pub name: String,
    pub kind: OrganisationKind,
    pub country: String,
    pub city: String,
    pub website: String,
    pub notes: String,
    pub created_at: String,
    pub updated_at: String,
}

impl Organisation {
    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(Organisation {
            id: row.get("id")?,
            name: row.get("name")?,
            kind: row.get("kind")?,
            country: row.get("country")?,
            city: row.get("city")?,
            website: row.get("website")?,
            notes: row.get("notes")?,
            created_at: row.get("created_at")?,
            updated_at: row.get("updated_at")?,
        })
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct OrganisationInput {
    pub name: String,
    pub kind: OrganisationKind,
    pub country: String,
    pub city: String,
    pub website: String,
    pub notes: String,
}

impl OrganisationInput {
    fn clean(&self) -> Result<OrganisationInput> {
        Ok(OrganisationInput {
            name: fields::required("name", &self.name)?,
            kind: self.kind,
            country: fields::country("country", &self.country)?,
            city: fields::line("city", &self.city)?,
            website: fields::website("website", &self.website)?,
            notes: fields::notes("notes", &self.notes)?,
        })
    }
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OrganisationSummary {
    pub id: String,
    pub name: String,
    pub kind: OrganisationKind,
    pub country: String,
    pub city: String,
    pub contacts_count: i64,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OrganisationDetail {
    pub organisation: Organisation,
    pub contacts: Vec<ContactSummary>,
}

pub fn list(conn: &Connection) -> Result<Vec<OrganisationSummary>> {
    let mut stmt = conn.prepare(
        "SELECT o.id, o.name, o.kind, o.country, o.city,
                (SELECT count(*) FROM contacts c WHERE c.organisation_id = o.id AND c.erased_at IS NULL) AS contacts_count
         FROM organisations o ORDER BY o.name COLLATE NOCASE",
    )?;
    let rows = stmt.query_map([], |row| {
        Ok(OrganisationSummary {
            id: row.get("id")?,
            name: row.get("name")?,
            kind: row.get("kind")?,
            country: row.get("country")?,
            city: row.get("city")?,
            contacts_count: row.get("contacts_count")?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn get(conn: &Connection, id: &str) -> Result<Organisation> {
    conn.query_row("SELECT * FROM organisations WHERE id = ?1", [id], Organisation::from_row)
        .optional()?
        .ok_or_else(|| Error::not_found(Entity::Organisation, id))
}

pub fn detail(conn: &Connection, id: &str) -> Result<OrganisationDetail> {
    Ok(OrganisationDetail { organisation: get(conn, id)?, contacts: contacts::list_of_organisation(conn, id)? })
}

pub fn create(conn: &Connection, input: &OrganisationInput) -> Result<Organisation> {
    let o = input.clean()?;
    let id = fields::new_id();
    let now = fields::now();
    conn.execute(
        "INSERT INTO organisations (id, name, kind, country, city, website, notes, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
        params![id, o.name, o.kind, o.country, o.city, o.website, o.notes, now],
    )?;
    get(conn, &id)
}

/// The organisation with this name (ignoring case), or a new one of kind `other`.
pub fn find_or_create(conn: &Connection, name: &str) -> Result<Organisation> {
    let name = fields::required("organisationName", name)?;
    let existing: Option<String> = conn
        .query_row("SELECT id FROM organisations WHERE name = ?1 COLLATE NOCASE ORDER BY created_at LIMIT 1", [&name], |row| row.get(0))
        .optional()?;
    match existing {
        Some(id) => get(conn, &id),
        None => create(conn, &OrganisationInput { name, ..Default::default() }),
    }
}

pub fn update(conn: &Connection, id: &str, input: &OrganisationInput) -> Result<Organisation> {
    let o = input.clean()?;
    get(conn, id)?;
    conn.execute(
        "UPDATE organisations SET name = ?2, kind = ?3, country = ?4, city = ?5, website = ?6,
                notes = ?7, updated_at = ?8 WHERE id = ?1",
        params![id, o.name, o.kind, o.country, o.city, o.website, o.notes, fields::now()],
    )?;
    get(conn, id)
}

pub fn delete(conn: &Connection, id: &str) -> Result<()> {
    get(conn, id)?;
    let references = count_references(
        conn,
        id,
        &[
            (Entity::Contact, "SELECT count(*) FROM contacts WHERE organisation_id = ?1 AND erased_at IS NULL"),
            // Erased contacts' stand-ins keep the organisation for the figures of their meetings.
            (
                Entity::Meeting,
                "SELECT count(DISTINCT mc.meeting_id) FROM contacts c JOIN meeting_contacts mc ON mc.contact_id = c.id
                 WHERE c.organisation_id = ?1 AND c.erased_at IS NOT NULL",
            ),
            (Entity::Partner, "SELECT count(*) FROM mission_partners WHERE organisation_id = ?1"),
        ],
    )?;
    if !references.is_empty() {
        return Err(Error::Referenced { entity: Entity::Organisation, id: id.to_owned(), references });
    }
    conn.execute("DELETE FROM organisations WHERE id = ?1", [id])?;
    Ok(())
}
