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
    (4, include_str!("migrations/0004_privacy.sql")),
    (5, include_str!("migrations/0005_agreements.sql")),
    (6, include_str!("migrations/0006_consent_on_change.sql")),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS[MIGRATIONS.len() - 1].0;

pub struct Store {
    inner: Mutex<Inner>,
    path: Option<PathBuf>,
    created: bool,
}

/// The connection and the passphrase it was opened with; they change together when the
/// passphrase is set, changed or removed, so they live under one lock.
struct Inner {
    conn: Connection,
    passphrase: Option<String>,
}

/// The first 16 bytes of every plain SQLite file. An SQLCipher file is indistinguishable from
/// random bytes, so a file without this header is either encrypted or not a workspace at all.
const PLAIN_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// The page size of the plain workspaces this version writes. SQLite's default is 4 KB. A bulk
/// import writes every new page twice (to the WAL, then into the file) and SQLite writes a page
/// per system call: with 16 KB pages, importing 100,000 contacts into a workspace of 100,000
/// took 1.29 s instead of 1.49 (paired runs, docs/performance.md), while a logged meeting, four
/// pages, writes 64 KB to the WAL instead of 16 KB, with as many fsyncs.
/// Encrypted workspaces keep SQLCipher's 4 KB pages: an encrypted file's page size cannot be read
/// from it, so every open assumes the default. A plain file's is read from its header, so
/// workspaces created with 4 KB pages open and work as before.
pub(crate) const PLAIN_PAGE_SIZE: i64 = 16 * 1024;

/// How a workspace file is stored, read from its first bytes without opening it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Protection {
    /// No file yet, or an empty one: it will be created plain.
    New,
    Plain,
    /// Encrypted with a passphrase (or not an SQLite file; opening tells which).
    Encrypted,
}

/// Tells whether the workspace at `path` needs a passphrase to open.
pub fn protection(path: &Path) -> Result<Protection> {
    use std::io::Read;
    let mut file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Protection::New),
        Err(e) => return Err(e.into()),
    };
    let mut header = [0u8; 16];
    let mut read = 0;
    while read < header.len() {
        match file.read(&mut header[read..])? {
            0 => break,
            n => read += n,
        }
    }
    Ok(match read {
        0 => Protection::New,
        16 if &header == PLAIN_HEADER => Protection::Plain,
        _ => Protection::Encrypted,
    })
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
    /// Opens (creating if needed) a plain workspace at `path` and brings its schema up to date.
    /// An encrypted one gives `Error::Locked`.
    pub fn open(path: &Path) -> Result<Store> {
        Store::open_with(path, None)
    }

    /// Opens the workspace at `path`, with `passphrase` if it is encrypted (a passphrase given for
    /// a plain workspace is not needed and is ignored). Nothing is written to the file before the
    /// passphrase is known to be right, so a wrong one cannot damage it.
    pub fn open_with(path: &Path, passphrase: Option<&str>) -> Result<Store> {
        let protection = protection(path)?;
        let created = protection == Protection::New;
        if let Some(dir) = path.parent() {
            if !dir.as_os_str().is_empty() {
                std::fs::create_dir_all(dir)?;
            }
        }
        // SQLCipher writes whole pages (multiples of 512 bytes); anything else, such as a text
        // file given the wrong name, is not a workspace rather than one asking for a passphrase.
        if protection == Protection::Encrypted && std::fs::metadata(path)?.len() % 512 != 0 {
            return Err(Error::NotAWorkspace);
        }
        let passphrase = match protection {
            Protection::Encrypted => match passphrase {
                Some(p) if !p.is_empty() => Some(p.to_owned()),
                _ => return Err(Error::Locked),
            },
            _ => None,
        };
        let mut conn = connect(path, passphrase.as_deref())?;
        if created {
            // Only before the first page is written; afterwards the file keeps its size.
            conn.pragma_update(None, "page_size", PLAIN_PAGE_SIZE)?;
        }
        configure(&conn, true)?;
        crate::backup::before_migration(&conn, path, passphrase.as_deref())?;
        migrate(&mut conn)?;
        Ok(Store { inner: Mutex::new(Inner { conn, passphrase }), path: Some(path.to_owned()), created })
    }

    /// A private workspace in memory, for tests.
    pub fn open_in_memory() -> Result<Store> {
        initialise_sqlite();
        let mut conn = Connection::open_in_memory()?;
        configure(&conn, false)?;
        migrate(&mut conn)?;
        Ok(Store { inner: Mutex::new(Inner { conn, passphrase: None }), path: None, created: true })
    }

    /// True when the workspace is encrypted with a passphrase.
    pub fn is_encrypted(&self) -> bool {
        self.lock().passphrase.is_some()
    }

    /// The passphrase the workspace was opened with, for keying its backups the same way.
    pub fn passphrase(&self) -> Option<String> {
        self.lock().passphrase.clone()
    }

    /// Sets, changes (`Some`) or removes (`None`) the passphrase, converting the file in place.
    ///
    /// The data is exported into a new file next to the workspace, that file is checked (it opens
    /// with the new passphrase, passes the integrity check and holds as many rows in every table),
    /// and only then renamed over the workspace: a crash at any point leaves either the old file
    /// or the new one, complete.
    pub fn set_passphrase(&self, new: Option<&str>) -> Result<()> {
        let new = match new {
            Some(p) if p.chars().count() < MIN_PASSPHRASE_CHARS => {
                return Err(Error::invalid("passphrase", crate::error::Reason::TooShort));
            }
            Some(p) => Some(p.to_owned()),
            None => None,
        };
        let Some(path) = self.path.clone() else {
            return Err(Error::Io(std::io::Error::new(std::io::ErrorKind::Unsupported, "an in-memory workspace has no file")));
        };
        let mut inner = self.lock();
        let tmp = sibling(&path, "rekey");
        remove_if_exists(&tmp)?;
        let result = export_keyed(&inner.conn, &tmp, new.as_deref()).and_then(|expected| verify_copy(&tmp, new.as_deref(), &expected));
        if let Err(e) = result {
            let _ = remove_if_exists(&tmp);
            return Err(e);
        }
        // Close the old connection (its WAL was checkpointed by the export) before the rename, so
        // no -wal file of the old key is left to be replayed into the new file.
        let old = std::mem::replace(&mut inner.conn, Connection::open_in_memory()?);
        if let Err((conn, e)) = old.close() {
            inner.conn = conn;
            let _ = remove_if_exists(&tmp);
            return Err(e.into());
        }
        let swapped = std::fs::rename(&tmp, &path).and_then(|()| sync_dir(&path));
        let key = if swapped.is_ok() { new } else { inner.passphrase.clone() };
        // Reopen whichever file is now in place; the app keeps working either way.
        let mut conn = connect(&path, key.as_deref())?;
        configure(&conn, true)?;
        migrate(&mut conn)?;
        inner.conn = conn;
        inner.passphrase = key;
        if let Err(e) = swapped {
            let _ = remove_if_exists(&tmp);
            return Err(e.into());
        }
        Ok(())
    }

    /// Replaces the workspace file by `file` (a complete, checked copy on the same disk, as
    /// `backup::restore` prepares) and reopens it with `passphrase`, after `before` ran on the old
    /// connection (the restore backs up the current state there). The lock is held throughout:
    /// no write can slip in between, commands wait and then see the new workspace. If `before`
    /// fails nothing is replaced; if the rename fails, the old file is reopened.
    pub fn replace_with<T>(&self, file: &Path, passphrase: Option<&str>, before: impl FnOnce(&Connection, Option<&str>) -> Result<T>) -> Result<T> {
        let Some(path) = self.path.clone() else {
            return Err(Error::Io(std::io::Error::new(std::io::ErrorKind::Unsupported, "an in-memory workspace has no file")));
        };
        let mut inner = self.lock();
        let value = before(&inner.conn, inner.passphrase.as_deref())?;
        let old = std::mem::replace(&mut inner.conn, Connection::open_in_memory()?);
        if let Err((conn, e)) = old.close() {
            inner.conn = conn;
            return Err(e.into());
        }
        let swapped = std::fs::rename(file, &path).map_err(Error::from).and_then(|()| crate::backup::remove_journals(&path)).and_then(|()| Ok(sync_dir(&path)?));
        let key = if swapped.is_ok() { passphrase.map(str::to_owned) } else { inner.passphrase.clone() };
        let mut conn = connect(&path, key.as_deref())?;
        configure(&conn, true)?;
        migrate(&mut conn)?;
        inner.conn = conn;
        inner.passphrase = key;
        swapped.map(|()| value)
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// True when this open created the file: the app then fills it with the demo workspace.
    pub fn was_created(&self) -> bool {
        self.created
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panic while holding the lock cannot leave a half-done transaction behind (it rolls
        // back on drop), so the connection is still sound and the poison can be ignored.
        self.inner.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Runs `f` with the connection for reading.
    pub fn read<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let inner = self.lock();
        f(&inner.conn)
    }

    /// Runs `f` in a transaction that commits if `f` returns `Ok` and rolls back otherwise.
    pub fn write<T>(&self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        let mut inner = self.lock();
        let tx = inner.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = f(&tx)?;
        tx.commit()?;
        Ok(value)
    }
}

/// Shorter passphrases are refused: the file travels, and a lost laptop gives an attacker time.
pub const MIN_PASSPHRASE_CHARS: usize = 8;

/// Opens the file and, for an encrypted one, applies the key and proves it right by reading the
/// schema: SQLCipher only notices a wrong key when it first decrypts a page.
fn connect(path: &Path, passphrase: Option<&str>) -> Result<Connection> {
    connect_with(
        path,
        passphrase,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI,
    )
}

/// [`connect`] with other flags: read-only for looking into backups.
pub(crate) fn connect_with(path: &Path, passphrase: Option<&str>, flags: OpenFlags) -> Result<Connection> {
    initialise_sqlite();
    let conn = Connection::open_with_flags(path, flags)?;
    if let Some(passphrase) = passphrase {
        // A wrong passphrase is an expected answer, not a fault for SQLCipher to log to stderr.
        let _ = conn.pragma_update(None, "cipher_log_level", "NONE");
        conn.pragma_update(None, "key", passphrase)?;
    }
    match conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get::<_, i64>(0)) {
        Ok(_) => Ok(conn),
        Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase) => {
            Err(if passphrase.is_some() { Error::WrongPassphrase } else { Error::NotAWorkspace })
        }
        Err(e) => Err(e.into()),
    }
}

/// SQLite marks itself initialised before SQLCipher has registered its SQL functions, so a
/// connection opened by a second thread during the very first open can lack `sqlcipher_export`
/// (seen here in parallel tests). Finishing one open before any other closes that window.
fn initialise_sqlite() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let _ = Connection::open_in_memory();
    });
}

/// Copies every table of `conn` into a new file at `target`, keyed with `passphrase` (plain
/// when `None`), and returns the row count of each table for the check that follows.
fn export_keyed(conn: &Connection, target: &Path, passphrase: Option<&str>) -> Result<Vec<(String, i64)>> {
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    let target_str = target.to_str().ok_or_else(|| Error::Io(std::io::Error::other("the workspace path is not valid UTF-8")))?;
    conn.execute("ATTACH DATABASE ?1 AS rekey KEY ?2", rusqlite::params![target_str, passphrase.unwrap_or("")])?;
    let exported = (|| -> Result<Vec<(String, i64)>> {
        if passphrase.is_none() {
            // A workspace made plain again gets the pages a new plain one has.
            conn.pragma_update(Some("rekey"), "page_size", PLAIN_PAGE_SIZE)?;
        }
        conn.query_row("SELECT sqlcipher_export('rekey')", [], |_| Ok(()))?;
        let version: i64 = conn.query_row("PRAGMA main.user_version", [], |r| r.get(0))?;
        conn.pragma_update(Some("rekey"), "user_version", version)?;
        table_counts(conn, "main")
    })();
    let detached = conn.execute("DETACH DATABASE rekey", []);
    let counts = exported?;
    detached?;
    Ok(counts)
}

fn table_counts(conn: &Connection, schema: &str) -> Result<Vec<(String, i64)>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT name FROM {schema}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
    ))?;
    let names = stmt.query_map([], |r| r.get::<_, String>(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
    let mut counts = Vec::with_capacity(names.len());
    for name in names {
        let quoted = name.replace('"', "\"\"");
        let n: i64 = conn.query_row(&format!("SELECT count(*) FROM {schema}.\"{quoted}\""), [], |r| r.get(0))?;
        counts.push((name, n));
    }
    Ok(counts)
}

/// Opens the copy with its new key and checks it is whole before it may replace the workspace.
fn verify_copy(path: &Path, passphrase: Option<&str>, expected: &[(String, i64)]) -> Result<()> {
    let conn = connect(path, passphrase)?;
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    let found = table_counts(&conn, "main")?;
    drop(conn);
    if check != "ok" || found != expected {
        return Err(Error::Io(std::io::Error::other(format!(
            "the converted copy of the workspace did not match the original ({check}); nothing was changed"
        ))));
    }
    let file = std::fs::File::open(path)?;
    file.sync_all()?;
    Ok(())
}

/// A file next to the workspace: `<name>.<suffix>-tmp`, on the same disk so a rename is atomic.
pub(crate) fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(format!(".{suffix}-tmp"));
    path.with_file_name(name)
}

fn remove_if_exists(path: &Path) -> Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e.into()),
        _ => Ok(()),
    }
}

/// Makes a rename durable: the directory entry, not just the file, must reach the disk.
fn sync_dir(path: &Path) -> std::io::Result<()> {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => std::fs::File::open(dir)?.sync_all(),
        _ => Ok(()),
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
        // FULL: a commit reaches the disk before "saved" is shown, so a meeting logged just before
        // the battery dies is still there (NORMAL keeps it through a crash of Ponte, not of the
        // machine). One fsync per commit is nothing next to a person typing. docs/reliability.md
        conn.pragma_update(None, "synchronous", "FULL")?;
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
