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

/// A follow-up with the names a list shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FollowUpView {
    #[serde(flatten)]
    pub follow_up: FollowUp,
    pub meeting_title: Option<String>,
    pub mission_title: Option<String>,
    pub owner_name: Option<String>,
    pub owner_member_id: Option<String>,
    pub owner_member_name: Option<String>,
    pub contact_name: Option<String>,
    /// Open and due before `today`.
    pub overdue: bool,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Filter {
    pub mission_id: Option<String>,
    /// Follow-ups owned by people of this member.
    pub member_id: Option<String>,
    pub owner_person_id: Option<String>,
    pub contact_id: Option<String>,
    pub overdue_only: bool,
    pub include_done: bool,
}

/// Follow-ups matching `filter`, open ones first and the earliest due first (undated last).
/// `today` is the user's local date, which decides what is overdue.
pub fn list(conn: &Connection, filter: &Filter, today: chrono::NaiveDate) -> Result<Vec<FollowUpView>> {
    let today = today.to_string();
    let mut stmt = conn.prepare(
        "SELECT f.*, m.title AS meeting_title, mi.title AS mission_title,
                p.first_name AS owner_first, p.last_name AS owner_last, p.member_id AS owner_member_id,
                me.name AS owner_member_name, c.first_name AS contact_first, c.last_name AS contact_last
         FROM follow_ups f
         LEFT JOIN meetings m ON m.id = f.meeting_id
         LEFT JOIN missions mi ON mi.id = f.mission_id
         LEFT JOIN persons p ON p.id = f.owner_person_id
         LEFT JOIN members me ON me.id = p.member_id
         LEFT JOIN contacts c ON c.id = f.contact_id
         WHERE (?1 IS NULL OR f.mission_id = ?1)
           AND (?2 IS NULL OR p.member_id = ?2)
           AND (?3 IS NULL OR f.owner_person_id = ?3)
           AND (?4 IS NULL OR f.contact_id = ?4)
           AND (?5 = 0 OR (f.done_at IS NULL AND f.due_on < ?7))
           AND (?6 = 1 OR f.done_at IS NULL)
         ORDER BY f.done_at IS NOT NULL, f.due_on IS NULL, f.due_on, f.created_at",
    )?;
    let rows = stmt.query_map(
        rusqlite::params![filter.mission_id, filter.member_id, filter.owner_person_id, filter.contact_id, filter.overdue_only, filter.include_done, today],
        |row| {
            let follow_up = FollowUp::from_row(row)?;
            let name = |first: &str, last: &str| -> rusqlite::Result<Option<String>> {
                let f: Option<String> = row.get(first)?;
                let l: Option<String> = row.get(last)?;
                Ok(match (f, l) {
                    (Some(f), Some(l)) => Some(fields::display_name(&f, &l)),
                    _ => None,
                })
            };
            let overdue = follow_up.done_at.is_none() && follow_up.due_on.as_deref().is_some_and(|d| d < today.as_str());
            Ok(FollowUpView {
                meeting_title: row.get("meeting_title")?,
                mission_title: row.get("mission_title")?,
                owner_name: name("owner_first", "owner_last")?,
                owner_member_id: row.get("owner_member_id")?,
                owner_member_name: row.get("owner_member_name")?,
                contact_name: name("contact_first", "contact_last")?,
                overdue,
                follow_up,
            })
        },
    )?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Marks a follow-up done (now) or open again.
pub fn set_done(conn: &Connection, id: &str, done: bool) -> Result<FollowUp> {
    get(conn, id)?;
    let done_at = done.then(fields::now);
    conn.execute(
        "UPDATE follow_ups SET done_at = ?2, updated_at = ?3 WHERE id = ?1",
        params![id, done_at, fields::now()],
    )?;
    get(conn, id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;
    use chrono::NaiveDate;

    #[test]
    fn overdue_means_open_and_due_before_today() {
        let store = Store::open_in_memory().unwrap();
        store.write(|tx| crate::demo::load(tx)).unwrap();
        let today = NaiveDate::from_ymd_opt(2025, 9, 20).unwrap();
        let overdue = store.read(|c| list(c, &Filter { overdue_only: true, ..Default::default() }, today)).unwrap();
        let whats: Vec<&str> = overdue.iter().map(|f| f.follow_up.what.as_str()).collect();
        assert_eq!(whats.len(), 3, "{whats:?}");
        assert!(overdue.iter().all(|f| f.overdue));
        let first = overdue[0].follow_up.id.clone();
        store.write(|tx| set_done(tx, &first, true)).unwrap();
        let after = store.read(|c| list(c, &Filter { overdue_only: true, ..Default::default() }, today)).unwrap();
        assert_eq!(after.len(), 2, "a done follow-up is no longer overdue");
        let all = store.read(|c| list(c, &Filter { include_done: true, ..Default::default() }, today)).unwrap();
        assert_eq!(all.len(), 4);
        assert!(all.last().unwrap().follow_up.done_at.is_some(), "done ones come last");
    }
}
