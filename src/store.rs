//! The workspace file: opening it, migrating it, and handing out the one connection.
//!
//! One user and one window need no pool: a single connection behind a mutex serialises writes,
//! and `write` wraps each call in a transaction that commits only when the closure returns `Ok`,
//! so a failed validation halfway through a multi-row change leaves nothing behind.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

use crate::error::{Error, Result};

/// Numbered migrations, applied in order, each once. Never edit a released one.
const MIGRATIONS: &[(i64, &str)] = &[
    (1, include_str!("migrations/0001_init.sql")),
    (2, include_str!("migrations/0002_drafts.sql")),
    (3, include_str!("migrations/0003_import.sql")),
    (4, include_str!("migrations/0005_agreements.sql")),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS[MIGRATIONS.len() - 1].0;

pub struct Store {
    conn: Mutex<Connection>,
    path: Option<PathBuf>,
    created: bool,
}

/// The workspace used when no path is given: the same file for the app and the CLI.
/// `$XDG_DATA_HOME/ponte/workspace.ponte` on Linux (`~/.local/share/...`).
pub fn default_path() -> PathBuf {
    dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join("ponte")
        .join("workspace.ponte")
}

impl Store {
    /// Opens (creating if needed) the workspace at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Store> {
        let created = !path.exists();
        if let Some(dir) = path.parent() {
            if !dir.as_os_str().is_empty() {
                std::fs::create_dir_all(dir)?;
            }
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX
                | OpenFlags::SQLITE_OPEN_URI,
        )?;
        configure(&conn, true)?;
        let mut conn = conn;
        migrate(&mut conn)?;
        Ok(Store { conn: Mutex::new(conn), path: Some(path.to_owned()), created })
    }

    /// A private workspace in memory, for tests.
    pub fn open_in_memory() -> Result<Store> {
        let mut conn = Connection::open_in_memory()?;
        configure(&conn, false)?;
        migrate(&mut conn)?;
        Ok(Store { conn: Mutex::new(conn), path: None, created: true })
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// True when this open created the file: the app then fills it with the demo workspace.
    pub fn was_created(&self) -> bool {
        self.created
    }

    fn lock(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock cannot leave a half-done transaction behind (it rolls
        // back on drop), so the connection is still sound and the poison can be ignored.
        self.conn.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Runs `f` with the connection for reading.
    pub fn read<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let conn = self.lock();
        f(&conn)
    }

    /// Runs `f` in a transaction that commits if `f` returns `Ok` and rolls back otherwise.
    pub fn write<T>(&self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        let mut conn = self.lock();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = f(&tx)?;
        tx.commit()?;
        Ok(value)
    }
}

fn configure(conn: &Connection, file: bool) -> Result<()> {
    conn.busy_timeout(Duration::from_secs(5))?;
    conn.pragma_update(None, "foreign_keys", true)?;
    if file {
        // WAL: many small transactions (one per logged meeting) are far cheaper, and readers
        // never block the writer.
        let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(Error::Db(rusqlite::Error::InvalidQuery));
        }
        conn.pragma_update(None, "synchronous", "NORMAL")?;
    }
    Ok(())
}

fn migrate(conn: &mut Connection) -> Result<()> {
    let found: i64 = conn.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    if found > SCHEMA_VERSION {
        return Err(Error::SchemaTooNew { found, supported: SCHEMA_VERSION });
    }
    for (version, sql) in MIGRATIONS.iter().filter(|(v, _)| *v > found) {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Exclusive)?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", version)?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_numbered_in_order_from_one() {
        for (i, (version, _)) in MIGRATIONS.iter().enumerate() {
            assert_eq!(*version, i as i64 + 1, "migration {i} is out of sequence");
        }
    }

    #[test]
    fn a_new_workspace_has_the_latest_schema_and_foreign_keys_on() {
        let store = Store::open_in_memory().expect("open");
        store
            .read(|conn| {
                let v: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
                let fk: i64 = conn.query_row("PRAGMA foreign_keys", [], |r| r.get(0))?;
                assert_eq!(v, SCHEMA_VERSION);
                assert_eq!(fk, 1);
                Ok(())
            })
            .expect("read");
    }

    #[test]
    fn a_failed_write_leaves_nothing_behind() {
        let store = Store::open_in_memory().expect("open");
        let result: Result<()> = store.write(|tx| {
            tx.execute(
                "INSERT INTO tags (id, name, created_at) VALUES ('t1', 'medtech', '2025-01-01T00:00:00Z')",
                [],
            )?;
            Err(Error::invalid("name", crate::error::Reason::Required))
        });
        assert!(result.is_err());
        let n: i64 = store
            .read(|c| Ok(c.query_row("SELECT count(*) FROM tags", [], |r| r.get(0))?))
            .expect("count");
        assert_eq!(n, 0, "the rolled-back insert must not be visible");
    }
}
