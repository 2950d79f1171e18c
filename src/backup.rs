//! Rolling backups of the workspace, and restoring one.
//!
//! Backups live in a folder beside the workspace file named after it: `cluster.ponte` keeps
//! them in `cluster.backups/`, one file each, named by the UTC instant and the reason:
//! `2025-07-08T10-15-00.123Z-before-import.ponte`. Only files named that way are listed or
//! rotated; anything else a person puts in the folder is left alone.
//!
//! A backup is taken from the open connection with SQLite's online backup API, all pages in one
//! step, so it is one consistent snapshot even while the app writes. It goes to a hidden
//! temporary file in the folder, is switched to a self-contained rollback journal, checked
//! (`quick_check`), synced, and only then renamed to its name: a crash leaves a complete backup
//! or a `.tmp` file that is never listed (and is removed an hour later). An encrypted workspace
//! gives encrypted backups, keyed with the same passphrase (SQLCipher copies pages between
//! databases with the same key).
//!
//! Rotation keeps the newest [`settings::backups_kept`](crate::settings::backups_kept) (10 by
//! default) over all reasons, and never deletes the backup just taken nor the one being restored.
//!
//! Restoring first backs up the current state (`before-restore`), copies the chosen backup next
//! to the workspace, checks it (`integrity_check`, a schema this Ponte knows), and renames it over
//! the workspace while the store's lock is held ([`Store::replace_with`]): every command waits,
//! then sees the restored workspace. See docs/reliability.md.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, NaiveDateTime, SecondsFormat, TimeZone, Utc};
use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags, Transaction};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::store::{self, Protection, Store, SCHEMA_VERSION};
use crate::workspace::{self, Counts};

/// The extension of every backup file.
const EXTENSION: &str = "ponte";
/// `2025-07-08T10-15-00.123Z`: sorts like time, and has no `:` (refused by Windows and macOS).
const STAMP_FORMAT: &str = "%Y-%m-%dT%H-%M-%S%.3f";
const STAMP_LEN: usize = 24;

/// Why a backup was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    BeforeImport,
    BeforeMigration,
    Daily,
    Manual,
    BeforeRestore,
}

impl Reason {
    pub const ALL: [Reason; 5] = [Reason::BeforeImport, Reason::BeforeMigration, Reason::Daily, Reason::Manual, Reason::BeforeRestore];

    /// The reason as it appears in file names.
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::BeforeImport => "before-import",
            Reason::BeforeMigration => "before-migration",
            Reason::Daily => "daily",
            Reason::Manual => "manual",
            Reason::BeforeRestore => "before-restore",
        }
    }

    fn parse(text: &str) -> Option<Reason> {
        Reason::ALL.into_iter().find(|r| r.as_str() == text)
    }
}

/// One backup file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BackupInfo {
    pub file: PathBuf,
    pub name: String,
    /// UTC, RFC 3339 with milliseconds.
    pub taken_at: String,
    pub reason: Reason,
    pub size: u64,
    pub encrypted: bool,
    /// Taken before the last erasure of personal data: restoring it brings erased people back.
    pub before_erasure: bool,
}

/// What a backup holds, read without changing it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Preview {
    pub file: PathBuf,
    /// From the file name, for files in the backups folder.
    pub taken_at: Option<String>,
    pub reason: Option<Reason>,
    pub size: u64,
    pub encrypted: bool,
    pub schema_version: i64,
    /// The newest schema this Ponte knows.
    pub supported_version: i64,
    /// Written by a newer Ponte: it cannot be restored here.
    pub too_new: bool,
    /// Records of each kind; `None` when the schema is too new to count them.
    pub counts: Option<Counts>,
    /// The latest `updated_at` of any record (UTC, RFC 3339).
    pub newest_record_at: Option<String>,
}

/// What a restore did.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Restored {
    /// The workspace as it was before, backed up; `None` when there was no workspace file.
    pub before_restore: Option<BackupInfo>,
    pub counts: Option<Counts>,
}

/// The folder of the workspace's backups: `cluster.backups/` beside `cluster.ponte`.
pub fn folder(workspace: &Path) -> PathBuf {
    let stem = workspace.file_stem().map(|s| s.to_string_lossy().into_owned()).filter(|s| !s.is_empty());
    workspace.with_file_name(format!("{}.backups", stem.as_deref().unwrap_or("workspace")))
}

/// The workspace's backups, newest first.
pub fn list(workspace: &Path) -> Result<Vec<BackupInfo>> {
    list_in(&folder(workspace))
}

/// The backups, newest first, each flagged when it was taken before `last_erasure` (RFC 3339).
pub fn list_flagged(workspace: &Path, last_erasure: Option<&str>) -> Result<Vec<BackupInfo>> {
    let mut backups = list(workspace)?;
    flag_erasure(&mut backups, last_erasure);
    Ok(backups)
}

/// Marks the backups taken before `last_erasure` (RFC 3339; `None`: nothing was ever erased).
pub fn flag_erasure(backups: &mut [BackupInfo], last_erasure: Option<&str>) {
    for b in backups {
        b.before_erasure = is_before(&b.taken_at, last_erasure);
    }
}

/// True when the instant `taken_at` comes before `last_erasure`. An erasure time that cannot
/// be read flags every backup: better one warning too many than an erased person restored.
pub fn is_before(taken_at: &str, last_erasure: Option<&str>) -> bool {
    let Some(erasure) = last_erasure else { return false };
    match (DateTime::parse_from_rfc3339(taken_at), DateTime::parse_from_rfc3339(erasure)) {
        (Ok(taken), Ok(erased)) => taken < erased,
        _ => true,
    }
}

fn list_in(dir: &Path) -> Result<Vec<BackupInfo>> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e.into()),
    };
    let mut backups = Vec::new();
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some((taken_at, reason)) = parse_name(&name) else { continue };
        let meta = entry.metadata()?;
        if !meta.is_file() {
            continue;
        }
        let file = entry.path();
        let encrypted = store::protection(&file)? == Protection::Encrypted;
        backups.push(BackupInfo { file, name, taken_at, reason, size: meta.len(), encrypted, before_erasure: false });
    }
    backups.sort_by(|a, b| b.name.cmp(&a.name));
    Ok(backups)
}

/// `(taken_at, reason)` of a backup's file name, `None` for any other file.
fn parse_name(name: &str) -> Option<(String, Reason)> {
    let rest = name.strip_suffix(&format!(".{EXTENSION}"))?;
    let stamp = rest.get(..STAMP_LEN)?;
    let reason = Reason::parse(rest.get(STAMP_LEN..)?.strip_prefix('-')?)?;
    let naive = NaiveDateTime::parse_from_str(stamp.strip_suffix('Z')?, STAMP_FORMAT).ok()?;
    Some((rfc3339(Utc.from_utc_datetime(&naive)), reason))
}

fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Backs up the open workspace now; rotates the older backups.
pub fn take(store: &Store, reason: Reason) -> Result<BackupInfo> {
    let workspace = store.path().ok_or_else(in_memory)?;
    let passphrase = store.passphrase();
    store.read(|conn| take_from(conn, workspace, passphrase.as_deref(), reason, &[]))
}

/// The backup before an import: the newest backup when the workspace has not changed since it
/// was taken (the file and its `-wal` are clearly older than it), else a new `before-import` one. So a
/// file tried again and again does not rotate distinct older backups away with identical copies.
pub fn before_import(store: &Store) -> Result<BackupInfo> {
    match reusable_before_import(store)? {
        Some(newest) => Ok(newest),
        None => take(store, Reason::BeforeImport),
    }
}

/// Runs `import` in one write transaction while [`before_import`] is taken on another thread,
/// and commits only once that backup is safely on disk: a failed backup rolls the import back,
/// as a backup taken first would have stopped it. `import` is given a function to call when it
/// leaves a core idle (see [`crate::import::commit_beside`]); the backup starts then, or when
/// `import` returns if it never calls it.
///
/// The backup reads through a connection of its own. In WAL mode a reader sees the last
/// committed state and never waits for the writer, and the import commits only after the backup
/// has finished reading, so the backup holds the workspace as it was before the import, whenever
/// it starts. Taken first, it added its time (0.6 s for 100,000 contacts, mostly copying and
/// checking pages) to every import; started with the import, it competed with the import's two
/// threads for the two cores; started once the rows are matched, it mostly runs on the core the
/// import leaves idle while SQLite writes (docs/performance.md).
pub fn with_before_import<T>(store: &Store, import: impl FnOnce(&Transaction<'_>, &(dyn Fn() + Sync)) -> Result<T>) -> Result<(T, BackupInfo)> {
    if let Some(newest) = reusable_before_import(store)? {
        return Ok((store.write(|tx| import(tx, &|| {}))?, newest));
    }
    let workspace = store.path().ok_or_else(in_memory)?;
    let passphrase = store.passphrase();
    store.write(|tx| {
        let (start, started) = std::sync::mpsc::sync_channel::<()>(1);
        std::thread::scope(|scope| {
            let (workspace, passphrase) = (workspace, passphrase.as_deref());
            let backup = scope.spawn(move || -> Result<BackupInfo> {
                // A message, or the import hanging up: either way it is time.
                let _ = started.recv();
                let mut t = std::time::Instant::now();
                let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
                let conn = store::connect_with(workspace, passphrase, flags)?;
                conn.busy_timeout(Duration::from_secs(5))?;
                let taken = take_from(&conn, workspace, passphrase, Reason::BeforeImport, &[]);
                crate::import::trace("backup (beside the import)", &mut t);
                taken
            });
            let imported = import(tx, &|| {
                let _ = start.try_send(());
            });
            drop(start);
            let taken = backup.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
            Ok((imported?, taken?))
        })
    })
}

/// The newest backup, when the workspace has not changed since it was taken.
fn reusable_before_import(store: &Store) -> Result<Option<BackupInfo>> {
    let workspace = store.path().ok_or_else(in_memory)?;
    if let Some(newest) = list(workspace)?.into_iter().next() {
        let changed = [workspace.to_owned(), with_suffix(workspace, "-wal")]
            .iter()
            .filter_map(|f| fs::metadata(f).and_then(|m| m.modified()).ok())
            .map(DateTime::<Utc>::from)
            .max();
        let taken = DateTime::parse_from_rfc3339(&newest.taken_at).ok();
        if let (Some(changed), Some(taken)) = (changed, taken) {
            // File times are coarse (a clock tick; 2 s on FAT): a write just after the backup
            // could carry a time just before it. Only a clearly older workspace reuses it.
            if changed + chrono::Duration::seconds(3) < taken {
                return Ok(Some(newest));
            }
        }
    }
    Ok(None)
}

fn in_memory() -> Error {
    Error::Io(std::io::Error::new(std::io::ErrorKind::Unsupported, "an in-memory workspace has no file to back up"))
}

/// Backs up through `conn`, the open connection to `workspace`, keyed with `passphrase`.
pub fn take_from(conn: &Connection, workspace: &Path, passphrase: Option<&str>, reason: Reason, keep_also: &[&Path]) -> Result<BackupInfo> {
    // Before a migration the settings may be of an older schema: then the default.
    let keep = crate::settings::backups_kept(conn).unwrap_or(crate::settings::DEFAULT_BACKUPS_KEPT);
    let dir = folder(workspace);
    fs::create_dir_all(&dir)?;
    let mut now = Utc::now();
    let name = loop {
        let name = format!("{}Z-{}.{EXTENSION}", now.format(STAMP_FORMAT), reason.as_str());
        if !dir.join(&name).exists() {
            break name;
        }
        now += chrono::Duration::milliseconds(1);
    };
    let target = dir.join(&name);
    let tmp = dir.join(format!(".{name}.tmp"));
    let copied = copy_online(conn, &tmp, passphrase, "quick_check").and_then(|()| Ok(fs::rename(&tmp, &target)?));
    if let Err(e) = copied {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    sync_dir(&dir)?;
    let mut keep_files: Vec<&Path> = vec![&target];
    keep_files.extend_from_slice(keep_also);
    // A backup that could not be rotated is still a backup: rotation failures are not errors.
    let _ = rotate(&dir, keep, &keep_files);
    let size = fs::metadata(&target)?.len();
    Ok(BackupInfo { file: target, name, taken_at: rfc3339(now), reason, size, encrypted: passphrase.is_some(), before_erasure: false })
}

/// Copies the database of `src` page by page into a new file at `target`, keyed like the source,
/// as one self-contained file (rollback journal), checked with `check` and synced to disk.
fn copy_online(src: &Connection, target: &Path, passphrase: Option<&str>, check: &str) -> Result<()> {
    let _ = fs::remove_file(target);
    // Created here first so a folder that cannot be written says so (`read_only`), where SQLite
    // would only say it cannot open the file.
    fs::File::create(target)?;
    let mut dst = Connection::open_with_flags(target, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    if let Some(passphrase) = passphrase {
        let _ = dst.pragma_update(None, "cipher_log_level", "NONE");
        dst.pragma_update(None, "key", passphrase)?;
    }
    {
        let backup = Backup::new(src, &mut dst)?;
        // All pages in one step: one read transaction on the source, so one consistent snapshot.
        let mut waits = 0;
        loop {
            match backup.step(-1)? {
                StepResult::Done => break,
                StepResult::More => {}
                StepResult::Busy | StepResult::Locked if waits < 100 => {
                    waits += 1;
                    std::thread::sleep(Duration::from_millis(50));
                }
                StepResult::Busy | StepResult::Locked => return Err(Error::Db(rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY), None))),
                _ => {}
            }
        }
    }
    // The pages carry the source's WAL flag; a backup is one file that opens read-only anywhere.
    let _: String = dst.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))?;
    let result: String = dst.query_row(&format!("PRAGMA {check}"), [], |r| r.get(0))?;
    dst.close().map_err(|(_, e)| e)?;
    if result != "ok" {
        return Err(Error::BackupDamaged(result));
    }
    fs::File::open(target)?.sync_all()?;
    Ok(())
}

/// Deletes all but the newest `keep` backups in `dir`, sparing `spare`; and temporary files a
/// crash left behind more than an hour ago.
fn rotate(dir: &Path, keep: usize, spare: &[&Path]) -> Result<()> {
    for (i, b) in list_in(dir)?.iter().enumerate() {
        if i >= keep.max(1) && !spare.iter().any(|s| same_file(s, &b.file)) {
            fs::remove_file(&b.file)?;
        }
    }
    for entry in fs::read_dir(dir)?.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let old = entry.metadata().and_then(|m| m.modified()).ok().and_then(|t| t.elapsed().ok()).is_some_and(|age| age > Duration::from_secs(3600));
        if name.starts_with('.') && name.ends_with(".tmp") && old {
            let _ = fs::remove_file(entry.path());
        }
    }
    Ok(())
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (fs::canonicalize(a), fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// Makes a rename durable: the directory entry, not just the file, must reach the disk.
fn sync_dir(dir: &Path) -> Result<()> {
    fs::File::open(dir)?.sync_all()?;
    Ok(())
}

/// Takes a `daily` backup when the newest backup of any kind is 24 hours old or more (or there
/// is none). The app calls this when it starts and every hour. `None` when none was due.
pub fn daily_if_due(store: &Store) -> Result<Option<BackupInfo>> {
    daily_if_due_at(store, Utc::now())
}

/// [`daily_if_due`] as if it were `now`.
pub fn daily_if_due_at(store: &Store, now: DateTime<Utc>) -> Result<Option<BackupInfo>> {
    let Some(workspace) = store.path() else { return Ok(None) };
    let newest = list(workspace)?.into_iter().filter_map(|b| DateTime::parse_from_rfc3339(&b.taken_at).ok()).max();
    match newest {
        Some(t) if now.signed_duration_since(t) < chrono::Duration::hours(24) => Ok(None),
        _ => take(store, Reason::Daily).map(Some),
    }
}

/// Before a migration of an existing workspace: a `before-migration` backup, so an update of
/// Ponte can always be undone. Nothing for a new file or one already up to date.
pub(crate) fn before_migration(conn: &Connection, workspace: &Path, passphrase: Option<&str>) -> Result<()> {
    let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if found == 0 || found >= SCHEMA_VERSION {
        return Ok(());
    }
    take_from(conn, workspace, passphrase, Reason::BeforeMigration, &[]).map(|_| ())
}

/// Opens a backup (or any workspace file) read-only, keyed when it is encrypted.
fn open_read_only(file: &Path, passphrase: Option<&str>) -> Result<Connection> {
    if !file.is_file() {
        return Err(Error::Io(std::io::Error::new(std::io::ErrorKind::NotFound, format!("{} does not exist", file.display()))));
    }
    let key = match store::protection(file)? {
        Protection::Encrypted => Some(passphrase.filter(|p| !p.is_empty()).ok_or(Error::Locked)?),
        _ => None,
    };
    store::connect_with(file, key, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
}

/// What the backup `file` holds: counts, schema version, newest record. Changes nothing.
/// `passphrase` is needed for an encrypted backup (the workspace's when it was taken).
pub fn preview(file: &Path, passphrase: Option<&str>) -> Result<Preview> {
    let conn = open_read_only(file, passphrase)?;
    let schema_version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let too_new = schema_version > SCHEMA_VERSION;
    let counts = if too_new { None } else { Some(workspace::counts(&conn).map_err(|_| Error::NotAWorkspace)?) };
    let newest_record_at = if too_new { None } else { newest_record(&conn).ok().flatten() };
    let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let parsed = parse_name(&name);
    Ok(Preview {
        file: file.to_owned(),
        taken_at: parsed.as_ref().map(|(t, _)| t.clone()),
        reason: parsed.map(|(_, r)| r),
        size: fs::metadata(file)?.len(),
        encrypted: store::protection(file)? == Protection::Encrypted,
        schema_version,
        supported_version: SCHEMA_VERSION,
        too_new,
        counts,
        newest_record_at,
    })
}

fn newest_record(conn: &Connection) -> Result<Option<String>> {
    let tables = ["members", "persons", "missions", "organisations", "contacts", "meetings", "follow_ups"];
    let sql = tables.iter().map(|t| format!("SELECT max(updated_at) AS t FROM {t}")).collect::<Vec<_>>().join(" UNION ALL ");
    Ok(conn.query_row(&format!("SELECT max(t) FROM ({sql})"), [], |r| r.get(0))?)
}

/// The passphrase of the backup `file`: the one given, else the workspace's; none for a plain file.
fn backup_key(file: &Path, given: Option<&str>, workspace: Option<String>) -> Result<Option<String>> {
    Ok(match store::protection(file)? {
        Protection::Encrypted => Some(given.map(str::to_owned).or(workspace).ok_or(Error::Locked)?),
        _ => None,
    })
}

/// Copies `file` next to `workspace` and checks the copy: a Ponte workspace, a schema this
/// Ponte knows, `integrity_check` ok. Returns the copy, ready to be renamed over the workspace.
fn prepare(file: &Path, workspace: &Path, key: Option<&str>) -> Result<PathBuf> {
    if same_file(file, workspace) {
        return Err(Error::invalid("file", crate::error::Reason::Choice));
    }
    let src = open_read_only(file, key)?;
    let found: i64 = src.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if found > SCHEMA_VERSION {
        return Err(Error::SchemaTooNew { found, supported: SCHEMA_VERSION });
    }
    if found == 0 || workspace::counts(&src).is_err() {
        return Err(Error::NotAWorkspace);
    }
    let tmp = store::sibling(workspace, "restore");
    let copied = copy_online(&src, &tmp, key, "integrity_check");
    drop(src);
    if let Err(e) = copied {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    Ok(tmp)
}

/// Restores the backup `file` into the open workspace: backs up the current state first
/// (`before-restore`), then replaces the file under the store's lock and reopens it, so the
/// store goes on with the restored data. `passphrase` is the backup's (default: the workspace's).
pub fn restore(store: &Store, file: &Path, passphrase: Option<&str>) -> Result<Restored> {
    let workspace = store.path().ok_or_else(in_memory)?;
    let key = backup_key(file, passphrase, store.passphrase())?;
    let tmp = prepare(file, workspace, key.as_deref())?;
    let done = store.replace_with(&tmp, key.as_deref(), |conn, current| take_from(conn, workspace, current, Reason::BeforeRestore, &[file]));
    match done {
        Ok(before) => Ok(Restored { before_restore: Some(before), counts: store.read(workspace::counts).ok() }),
        Err(e) => {
            let _ = fs::remove_file(&tmp);
            Err(e)
        }
    }
}

/// Restores `file` over a workspace that is not open (and may not open at all: damaged, its
/// passphrase lost, written by a newer Ponte). The current file, with its `-wal`, is first copied
/// as it is into the backups folder (`before-restore`). Nobody may have the workspace open: the
/// CLI holds the instance lock ([`crate::instance`]) while it runs this.
pub fn restore_file(workspace: &Path, file: &Path, passphrase: Option<&str>) -> Result<Restored> {
    let key = backup_key(file, passphrase, None)?;
    let tmp = prepare(file, workspace, key.as_deref())?;
    let done = copy_raw(workspace).and_then(|before| {
        fs::rename(&tmp, workspace)?;
        remove_journals(workspace)?;
        if let Some(dir) = workspace.parent().filter(|d| !d.as_os_str().is_empty()) {
            sync_dir(dir)?;
        }
        Ok(before)
    });
    match done {
        Ok(before_restore) => Ok(Restored { before_restore, counts: None }),
        Err(e) => {
            let _ = fs::remove_file(&tmp);
            Err(e)
        }
    }
}

/// Copies the workspace file and its `-wal` byte for byte into the backups folder.
fn copy_raw(workspace: &Path) -> Result<Option<BackupInfo>> {
    if store::protection(workspace)? == Protection::New {
        return Ok(None);
    }
    let dir = folder(workspace);
    fs::create_dir_all(&dir)?;
    let now = Utc::now();
    let name = format!("{}Z-{}.{EXTENSION}", now.format(STAMP_FORMAT), Reason::BeforeRestore.as_str());
    let target = dir.join(&name);
    let wal = with_suffix(workspace, "-wal");
    if wal.exists() {
        fs::copy(&wal, with_suffix(&target, "-wal"))?;
    }
    fs::copy(workspace, &target)?;
    fs::File::open(&target)?.sync_all()?;
    sync_dir(&dir)?;
    let encrypted = store::protection(&target)? == Protection::Encrypted;
    Ok(Some(BackupInfo { size: fs::metadata(&target)?.len(), file: target, name, taken_at: rfc3339(now), reason: Reason::BeforeRestore, encrypted, before_erasure: false }))
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Removes the `-wal` and `-shm` of a replaced workspace: replayed into the new file, the old
/// journal would corrupt it.
pub(crate) fn remove_journals(workspace: &Path) -> Result<()> {
    for suffix in ["-wal", "-shm"] {
        match fs::remove_file(with_suffix(workspace, suffix)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e.into()),
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_other_files_are_ignored() {
        let (taken, reason) = parse_name("2025-07-08T10-15-00.123Z-before-import.ponte").unwrap();
        assert_eq!(taken, "2025-07-08T10:15:00.123Z");
        assert_eq!(reason, Reason::BeforeImport);
        for other in ["notes.txt", "2025-07-08T10-15-00.123Z-whatever.ponte", ".2025-07-08T10-15-00.123Z-daily.ponte.tmp", "2025-07-08T10-15-00.123Z-daily.ponte-wal"] {
            assert!(parse_name(other).is_none(), "{other}");
        }
    }

    #[test]
    fn the_folder_is_named_after_the_workspace() {
        assert_eq!(folder(Path::new("/data/cluster.ponte")), PathBuf::from("/data/cluster.backups"));
        assert_eq!(folder(Path::new("workspace")), PathBuf::from("workspace.backups"));
    }

    #[test]
    fn backups_before_the_last_erasure_are_flagged() {
        let erased = Some("2025-07-08T12:00:00+02:00");
        assert!(is_before("2025-07-08T09:59:59.999Z", erased));
        assert!(!is_before("2025-07-08T10:00:00.001Z", erased));
        assert!(!is_before("2025-07-08T09:00:00.000Z", None));
        assert!(is_before("2025-07-08T09:00:00.000Z", Some("yesterday")), "an unreadable erasure time flags");
    }
}
