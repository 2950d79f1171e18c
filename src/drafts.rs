//! Drafts: what a user is typing into a form, saved as they type. A draft outlives a crash or a
//! closed window and is discarded once the form is saved.

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

use crate::error::{Error, Reason, Result};
use crate::fields;

/// A draft larger than this is not a form someone typed.
const MAX_BODY: usize = 1_000_000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Draft {
    pub key: String,
    pub body: String,
    pub updated_at: String,
}

pub fn save(conn: &Connection, key: &str, body: &str) -> Result<Draft> {
    let key = fields::required("key", key)?;
    if body.len() > MAX_BODY {
        return Err(Error::invalid("body", Reason::TooLong));
    }
    conn.execute(
        "INSERT INTO drafts (id, key, body, updated_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (key) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at",
        params![fields::new_id(), key, body, fields::now()],
    )?;
    get(conn, &key)?.ok_or(Error::Db(rusqlite::Error::QueryReturnedNoRows))
}

pub fn get(conn: &Connection, key: &str) -> Result<Option<Draft>> {
    Ok(conn
        .query_row("SELECT key, body, updated_at FROM drafts WHERE key = ?1", [key], |row| {
            Ok(Draft { key: row.get(0)?, body: row.get(1)?, updated_at: row.get(2)? })
        })
        .optional()?)
}

pub fn discard(conn: &Connection, key: &str) -> Result<()> {
    conn.execute("DELETE FROM drafts WHERE key = ?1", [key])?;
    Ok(())
}
