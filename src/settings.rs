//! Preferences that belong to the workspace: the UI language and the coordinator's home zone.

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Reason, Result};
use crate::fields;

pub const DEFAULT_HOME_TIME_ZONE: &str = "Europe/Rome";

/// Backups kept when the workspace does not say (see `backup`).
pub const DEFAULT_BACKUPS_KEPT: usize = 10;
/// The most backups a workspace may ask to keep.
pub const MAX_BACKUPS_KEPT: usize = 100;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Settings {
    /// `it` or `en`; `None` until the user chooses, so the UI can follow the system language.
    pub language: Option<String>,
    pub home_time_zone: String,
}

pub(crate) fn get_value(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT value FROM settings WHERE key = ?1", [key], |row| row.get(0))
        .optional()?)
}

pub(crate) fn set_value(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO settings (id, key, value, updated_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
        params![fields::new_id(), key, value, fields::now()],
    )?;
    Ok(())
}

pub fn get(conn: &Connection) -> Result<Settings> {
    Ok(Settings {
        language: get_value(conn, "language")?,
        home_time_zone: get_value(conn, "home_time_zone")?
            .unwrap_or_else(|| DEFAULT_HOME_TIME_ZONE.to_owned()),
    })
}

pub fn set(conn: &Connection, settings: &Settings) -> Result<Settings> {
    if let Some(language) = settings.language.as_deref() {
        if !matches!(language, "it" | "en") {
            return Err(Error::invalid("language", Reason::Choice));
        }
        set_value(conn, "language", language)?;
    }
    let zone = fields::time_zone("homeTimeZone", &settings.home_time_zone)?;
    set_value(conn, "home_time_zone", zone.name())?;
    get(conn)
}

/// How many backups to keep (the newest; see `backup`).
pub fn backups_kept(conn: &Connection) -> Result<usize> {
    Ok(get_value(conn, "backups_kept")?
        .and_then(|v| v.parse::<usize>().ok())
        .filter(|n| (1..=MAX_BACKUPS_KEPT).contains(n))
        .unwrap_or(DEFAULT_BACKUPS_KEPT))
}

/// Sets how many backups to keep, from 1 to [`MAX_BACKUPS_KEPT`]; older ones go at the next backup.
pub fn set_backups_kept(conn: &Connection, keep: usize) -> Result<usize> {
    if !(1..=MAX_BACKUPS_KEPT).contains(&keep) {
        return Err(Error::invalid("backupsKept", Reason::Choice));
    }
    set_value(conn, "backups_kept", &keep.to_string())?;
    backups_kept(conn)
}
