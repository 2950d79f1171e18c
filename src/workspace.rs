//! Facts about the workspace as a whole.

use rusqlite::Connection;
use serde::Serialize;

use crate::error::Result;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Counts {
    pub members: i64,
    pub persons: i64,
    pub missions: i64,
    pub organisations: i64,
    pub contacts: i64,
    pub meetings: i64,
    pub follow_ups: i64,
}

pub fn counts(conn: &Connection) -> Result<Counts> {
    let count = |table: &str| -> Result<i64> {
        Ok(conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |row| row.get(0))?)
    };
    Ok(Counts {
        members: count("members")?,
        persons: count("persons")?,
        missions: count("missions")?,
        organisations: count("organisations")?,
        // Stand-ins of erased contacts are not people. A backup from before schema 4 (previewed
        // before a restore) has no erasures and no such column.
        contacts: match count("contacts WHERE erased_at IS NULL") {
            Ok(n) => n,
            Err(_) => count("contacts")?,
        },
        meetings: count("meetings")?,
        follow_ups: count("follow_ups")?,
    })
}

/// True when nobody has put anything in the workspace yet.
pub fn is_empty(conn: &Connection) -> Result<bool> {
    let c = counts(conn)?;
    Ok(c.members + c.missions + c.organisations + c.contacts + c.meetings == 0)
}
