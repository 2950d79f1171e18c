//! Preferences that belong to the workspace: the UI language, the coordinator's home zone, and how
//! long contacts nobody meets are kept before the retention review lists them.

use std::ops::RangeInclusive;

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

/// A whole-number setting: its stored value when it is one within `range`, else `default` (unset,
/// or written out of range by hand or by another version of Ponte).
fn number<T: std::str::FromStr + PartialOrd>(conn: &Connection, key: &str, range: RangeInclusive<T>, default: T) -> Result<T> {
    Ok(get_value(conn, key)?.and_then(|v| v.parse().ok()).filter(|n| range.contains(n)).unwrap_or(default))
}

/// Stores a whole-number setting already checked by the caller, and returns it.
fn set_number<T: ToString>(conn: &Connection, key: &str, value: T) -> Result<T> {
    set_value(conn, key, &value.to_string())?;
    Ok(value)
}

/// Minutes without use after which the app locks an encrypted workspace; 0 means never.
pub const DEFAULT_LOCK_AFTER_MINUTES: u32 = 10;
const MAX_LOCK_AFTER_MINUTES: u32 = 24 * 60;

pub fn lock_after_minutes(conn: &Connection) -> Result<u32> {
    number(conn, "lock_after_minutes", 0..=MAX_LOCK_AFTER_MINUTES, DEFAULT_LOCK_AFTER_MINUTES)
}

pub fn set_lock_after_minutes(conn: &Connection, minutes: u32) -> Result<u32> {
    if minutes > MAX_LOCK_AFTER_MINUTES {
        return Err(Error::invalid("lockAfterMinutes", Reason::Choice));
    }
    set_number(conn, "lock_after_minutes", minutes)
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
    number(conn, "retention_months", 1..=MAX_RETENTION_MONTHS, DEFAULT_RETENTION_MONTHS)
}

pub fn set_retention_months(conn: &Connection, months: u32) -> Result<u32> {
    set_number(conn, "retention_months", check_retention_months(months)?)
}

/// How many backups to keep (the newest; see `backup`).
pub fn backups_kept(conn: &Connection) -> Result<usize> {
    number(conn, "backups_kept", 1..=MAX_BACKUPS_KEPT, DEFAULT_BACKUPS_KEPT)
}

/// Sets how many backups to keep, from 1 to [`MAX_BACKUPS_KEPT`]; older ones go at the next backup.
pub fn set_backups_kept(conn: &Connection, keep: usize) -> Result<usize> {
    if !(1..=MAX_BACKUPS_KEPT).contains(&keep) {
        return Err(Error::invalid("backupsKept", Reason::Choice));
    }
    set_number(conn, "backups_kept", keep)
}

#[cfg(test)]
mod tests {
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

    #[test]
    fn numbers_stored_out_of_range_or_not_numbers_read_as_the_default() {
        let store = Store::open_in_memory().expect("open");
        for (key, value) in [("retention_months", "0"), ("backups_kept", "1000"), ("lock_after_minutes", "ten")] {
            store.write(|tx| set_value(tx, key, value)).expect("by hand");
        }
        assert_eq!(store.read(retention_months).expect("get"), DEFAULT_RETENTION_MONTHS);
        assert_eq!(store.read(backups_kept).expect("get"), DEFAULT_BACKUPS_KEPT);
        assert_eq!(store.read(lock_after_minutes).expect("get"), DEFAULT_LOCK_AFTER_MINUTES);
        assert_eq!(store.write(|tx| set_retention_months(tx, 36)).expect("set"), 36);
        assert_eq!(store.read(retention_months).expect("get"), 36);
        assert_eq!(store.write(|tx| set_backups_kept(tx, 3)).expect("set"), 3);
        assert_eq!(store.read(backups_kept).expect("get"), 3);
    }
}
