//! Preferences that belong to the workspace: the UI language, the coordinator's home zone, and how
//! long contacts nobody meets are kept before the retention review lists them.

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Reason, Result};
use crate::fields;

pub const DEFAULT_HOME_TIME_ZONE: &str = "Europe/Rome";
/// Months without a meeting after which a contact comes up in the retention review.
pub const DEFAULT_RETENTION_MONTHS: u32 = 24;
/// Ten years: longer is not a retention period.
pub const MAX_RETENTION_MONTHS: u32 = 120;

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

/// Minutes without use after which the app locks an encrypted workspace; 0 means never.
pub const DEFAULT_LOCK_AFTER_MINUTES: u32 = 10;
const MAX_LOCK_AFTER_MINUTES: u32 = 24 * 60;

pub fn lock_after_minutes(conn: &Connection) -> Result<u32> {
    Ok(get_value(conn, "lock_after_minutes")?
        .and_then(|v| v.parse().ok())
        .filter(|m| *m <= MAX_LOCK_AFTER_MINUTES)
        .unwrap_or(DEFAULT_LOCK_AFTER_MINUTES))
}

pub fn set_lock_after_minutes(conn: &Connection, minutes: u32) -> Result<u32> {
    if minutes > MAX_LOCK_AFTER_MINUTES {
        return Err(Error::invalid("lockAfterMinutes", Reason::Choice));
    }
    set_value(conn, "lock_after_minutes", &minutes.to_string())?;
    Ok(minutes)
}

#[cfg(test)]
mod lock_tests {
    use super::*;
    use crate::Store;

    #[test]
    fn the_idle_lock_defaults_to_ten_minutes_and_refuses_more_than_a_day() {
        let store = Store::open_in_memory().expect("open");
        assert_eq!(store.read(lock_after_minutes).expect("get"), DEFAULT_LOCK_AFTER_MINUTES);
        assert_eq!(store.write(|tx| set_lock_after_minutes(tx, 0)).expect("never"), 0);
        assert_eq!(store.read(lock_after_minutes).expect("get"), 0);
        let err = store.write(|tx| set_lock_after_minutes(tx, 24 * 60 + 1)).expect_err("too long");
        assert_eq!(err.code(), "invalid");
        assert_eq!(store.read(lock_after_minutes).expect("get"), 0, "a refused value leaves the old one");
    }
}

/// A retention period in months, from 1 to [`MAX_RETENTION_MONTHS`].
pub fn check_retention_months(months: u32) -> Result<u32> {
    match months {
        0 => Err(Error::invalid("retentionMonths", Reason::Required)),
        m if m > MAX_RETENTION_MONTHS => Err(Error::invalid("retentionMonths", Reason::TooLong)),
        m => Ok(m),
    }
}

/// The retention period (setting `retention_months`), 24 months unless changed.
pub fn retention_months(conn: &Connection) -> Result<u32> {
    Ok(get_value(conn, "retention_months")?
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_RETENTION_MONTHS))
}

pub fn set_retention_months(conn: &Connection, months: u32) -> Result<u32> {
    let months = check_retention_months(months)?;
    set_value(conn, "retention_months", &months.to_string())?;
    Ok(months)
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
