//! Follow-ups: the next steps that come out of meetings ("propose an exchange programme to OCCI").

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use crate::error::{Entity, Error, Result};
use crate::fields;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FollowUp {
    pub id: String,
    pub meeting_id: Option<String>,
    pub mission_id: Option<String>,
    pub what: String,
    pub owner_person_id: Option<String>,
    pub contact_id: Option<String>,
    pub due_on: Option<String>,
    pub done_at: Option<String>,
}

impl FollowUp {
    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(FollowUp {
            id: row.get("id")?,
            meeting_id: row.get("meeting_id")?,
            mission_id: row.get("mission_id")?,
            what: row.get("what")?,
            owner_person_id: row.get("owner_person_id")?,
            contact_id: row.get("contact_id")?,
            due_on: row.get("due_on")?,
            done_at: row.get("done_at")?,
        })
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct FollowUpInput {
    pub meeting_id: Option<String>,
    pub what: String,
    pub owner_person_id: Option<String>,
    pub contact_id: Option<String>,
    pub due_on: Option<String>,
}

pub fn get(conn: &Connection, id: &str) -> Result<FollowUp> {
    conn.query_row("SELECT * FROM follow_ups WHERE id = ?1", [id], FollowUp::from_row)
        .optional()?
        .ok_or_else(|| Error::not_found(Entity::FollowUp, id))
}

/// Creates a follow-up; one made from a meeting belongs to that meeting's mission too.
pub fn create(conn: &Connection, input: &FollowUpInput) -> Result<FollowUp> {
    let what = fields::required("what", &input.what)?;
    let due_on = match input.due_on.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(d) => Some(fields::date("dueOn", d)?.to_string()),
    };
    let mission_id = match input.meeting_id.as_deref() {
        Some(meeting_id) => crate::meetings::get(conn, meeting_id)?.mission_id,
        None => None,
    };
    let id = fields::new_id();
    let now = fields::now();
    conn.execute(
        "INSERT INTO follow_ups (id, meeting_id, mission_id, what, owner_person_id, contact_id, due_on,
                created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
        params![id, input.meeting_id, mission_id, what, input.owner_person_id, input.contact_id, due_on, now],
    )?;
    get(conn, &id)
}

/// Open follow-ups, the earliest due first (those without a date last).
pub fn list_open(conn: &Connection) -> Result<Vec<FollowUp>> {
    let mut stmt = conn.prepare(
        "SELECT * FROM follow_ups WHERE done_at IS NULL ORDER BY due_on IS NULL, due_on, created_at",
    )?;
    let rows = stmt.query_map([], FollowUp::from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
