//! Faults a laptop meets: a full disk, a read-only file or folder, the workspace locked by
//! another Ponte, a workspace written by a newer Ponte. Each gives a clear error code the UI
//! words (`disk_full`, `read_only`, `busy`, `in_use`, `schema_too_new`) and damages nothing.
//!
//! CI runs as root, and root ignores permission bits: the read-only cases use `chattr +i`
//! (which binds root too) and fall back to `chmod` for other users; where neither can make a
//! file read-only the test says so and skips that part. `PRAGMA query_only` and
//! `max_page_count` give the same SQLite errors as a read-only file and a full disk whoever runs
//! the tests, so the error mapping is always tested.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use ponte::backup::{self, Reason};
use ponte::store::SCHEMA_VERSION;
use ponte::{generate, workspace, Error, Store};

fn integrity(store: &Store) -> String {
    store.read(|c| Ok(c.query_row("PRAGMA integrity_check", [], |r| r.get(0))?)).expect("integrity_check")
}

fn is_root() -> bool {
    Command::new("id").arg("-u").output().map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0").unwrap_or(false)
}

/// Makes a file or folder read-only for everyone, root included where the file system allows,
/// until dropped.
struct ReadOnly {
    path: PathBuf,
    immutable: bool,
}

impl ReadOnly {
    /// `None` (with the reason printed) when nothing can make `path` read-only for this user.
    fn set(path: &Path) -> Option<ReadOnly> {
        let chattr = Command::new("chattr").arg("+i").arg(path).output();
        if chattr.as_ref().is_ok_and(|o| o.status.success()) {
            return Some(ReadOnly { path: path.to_owned(), immutable: true });
        }
        if is_root() {
            eprintln!("SKIPPED: running as root and `chattr +i {}` failed ({:?}); root ignores permission bits, so nothing can make the file read-only here", path.display(), chattr.map(|o| String::from_utf8_lossy(&o.stderr).into_owned()));
            return None;
        }
        use std::os::unix::fs::PermissionsExt;
        let mode = if path.is_dir() { 0o555 } else { 0o444 };
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).ok()?;
        Some(ReadOnly { path: path.to_owned(), immutable: false })
    }
}

impl Drop for ReadOnly {
    fn drop(&mut self) {
        if self.immutable {
            let _ = Command::new("chattr").arg("-i").arg(&self.path).status();
        } else {
            use std::os::unix::fs::PermissionsExt;
            let mode = if self.path.is_dir() { 0o755 } else { 0o644 };
            let _ = std::fs::set_permissions(&self.path, std::fs::Permissions::from_mode(mode));
        }
    }
}

#[test]
fn a_full_disk_is_reported_as_such_and_the_data_is_unchanged() {
    let ws = common::demo();
    let before = ws.store.read(workspace::counts).expect("counts");
    // No room for one more page: the next write that needs one fails as on a full disk.
    ws.store
        .read(|c| {
            let pages: i64 = c.query_row("PRAGMA page_count", [], |r| r.get(0))?;
            c.pragma_update(None, "max_page_count", pages)?;
            Ok(())
        })
        .expect("limit");
    let err = ws.store.write(|tx| generate::contacts(tx, 2_000, 3)).expect_err("the disk is full");
    assert_eq!(err.code(), "disk_full", "{err}");
    assert_eq!(ws.store.read(workspace::counts).expect("counts"), before);
    assert_eq!(integrity(&ws.store), "ok");
    ws.store.read(|c| Ok(c.pragma_update(None, "max_page_count", 1_073_741_823)?)).expect("room again");
    ws.store.write(|tx| generate::contacts(tx, 2_000, 3)).expect("writes work once there is room");
    assert_eq!(Error::Io(std::io::ErrorKind::StorageFull.into()).code(), "disk_full");
}

/// A small file system of its own (tmpfs), unmounted when dropped.
struct SmallDisk {
    dir: tempfile::TempDir,
}

impl SmallDisk {
    fn mount(size: &str) -> Option<SmallDisk> {
        let dir = tempfile::tempdir().ok()?;
        let out = Command::new("mount").args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"]).arg(dir.path()).output();
        if out.as_ref().is_ok_and(|o| o.status.success()) {
            Some(SmallDisk { dir })
        } else {
            eprintln!("SKIPPED: cannot mount a small tmpfs here (needs root and CAP_SYS_ADMIN): {:?}", out.map(|o| String::from_utf8_lossy(&o.stderr).into_owned()));
            None
        }
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(self.dir.path()).status();
    }
}

#[test]
fn a_really_full_disk_refuses_writes_and_backups_without_damage() {
    let Some(disk) = SmallDisk::mount("3m") else { return };
    let path = disk.dir.path().join("workspace.ponte");
    let store = Store::open(&path).expect("open");
    store.write(|tx| ponte::demo::load(tx)).expect("demo");
    // Fill the disk with something else, leaving a little room.
    let mut filler = 0;
    while std::fs::write(disk.dir.path().join(format!("filler-{filler}")), vec![0u8; 256 * 1024]).is_ok() {
        filler += 1;
    }
    let _ = std::fs::remove_file(disk.dir.path().join(format!("filler-{}", filler.max(1) - 1)));
    let before = store.read(workspace::counts).expect("counts");

    let err = store.write(|tx| generate::contacts(tx, 5_000, 4)).expect_err("no room for 5,000 contacts");
    assert_eq!(err.code(), "disk_full", "{err}");
    let err = backup::take(&store, Reason::Manual).expect_err("no room for a backup");
    assert_eq!(err.code(), "disk_full", "{err}");
    assert!(backup::list(&path).expect("list").is_empty(), "no half backup is listed");
    let left: Vec<_> = std::fs::read_dir(backup::folder(&path)).map(|d| d.flatten().map(|e| e.file_name()).collect()).unwrap_or_default();
    assert!(left.is_empty(), "nothing left in the backups folder: {left:?}");
    assert_eq!(store.read(workspace::counts).expect("counts"), before);
    assert_eq!(integrity(&store), "ok");
    drop(store);
    let store = Store::open(&path).expect("reopens");
    assert_eq!(store.read(workspace::counts).expect("counts"), before);
}

#[test]
fn a_read_only_database_is_reported_as_such_and_nothing_is_written() {
    // Root cannot bypass query_only: SQLite answers as for a read-only file.
    let ws = common::demo();
    let before = ws.store.read(workspace::counts).expect("counts");
    ws.store.read(|c| Ok(c.pragma_update(None, "query_only", true)?)).expect("query_only");
    let err = ws.store.write(|tx| generate::contacts(tx, 10, 5)).expect_err("read-only");
    assert_eq!(err.code(), "read_only", "{err}");
    ws.store.read(|c| Ok(c.pragma_update(None, "query_only", false)?)).expect("writable");
    assert_eq!(ws.store.read(workspace::counts).expect("counts"), before);
    let denied = Error::Io(std::io::ErrorKind::PermissionDenied.into());
    assert_eq!(denied.code(), "read_only");
}

#[test]
fn a_read_only_workspace_file_is_refused_for_writing_and_left_as_it_was() {
    let ws = common::demo();
    let path = ws.path();
    let before = ws.store.read(workspace::counts).expect("counts");
    drop(ws.store);
    let bytes = std::fs::read(&path).expect("read");
    let Some(guard) = ReadOnly::set(&path) else { return };
    match Store::open(&path) {
        // SQLite opens a file it may not write read-only: reading works, writing is refused.
        Ok(store) => {
            assert_eq!(store.read(workspace::counts).expect("reads"), before);
            let err = store.write(|tx| generate::contacts(tx, 10, 6)).expect_err("read-only");
            assert_eq!(err.code(), "read_only", "{err}");
        }
        Err(err) => assert!(matches!(err.code(), "read_only" | "cannot_open"), "{err}"),
    }
    drop(guard);
    assert_eq!(std::fs::read(&path).expect("read"), bytes, "not one byte changed");
    let store = Store::open(&path).expect("writable again");
    store.write(|tx| generate::contacts(tx, 10, 6)).expect("write");
}

#[test]
fn a_read_only_backups_folder_refuses_the_backup_and_leaves_the_workspace_alone() {
    let ws = common::demo();
    let folder = backup::folder(&ws.path());
    std::fs::create_dir_all(&folder).expect("folder");
    let Some(guard) = ReadOnly::set(&folder) else { return };
    let err = backup::take(&ws.store, Reason::Manual).expect_err("cannot write the backup");
    assert_eq!(err.code(), "read_only", "{err}");
    drop(guard);
    assert!(backup::list(&ws.path()).expect("list").is_empty());
    ws.store.write(|tx| generate::contacts(tx, 1, 7)).expect("the workspace still writes");
}

#[test]
fn a_workspace_held_by_another_writer_is_busy_and_nothing_is_lost() {
    let ws = common::demo();
    let before = ws.store.read(workspace::counts).expect("counts");
    let other = rusqlite::Connection::open(ws.path()).expect("second connection");
    other.execute_batch("BEGIN IMMEDIATE; INSERT INTO tags (id, name, created_at) VALUES ('held', 'held', '2025-01-01T00:00:00Z');").expect("hold the write lock");
    // The store waits its busy timeout (5 s), then gives up with a clear code.
    let err = ws.store.write(|tx| generate::contacts(tx, 10, 8)).expect_err("busy");
    assert_eq!(err.code(), "busy", "{err}");
    other.execute_batch("COMMIT").expect("the other writer finishes");
    ws.store.write(|tx| generate::contacts(tx, 10, 8)).expect("then writing works");
    let after = ws.store.read(workspace::counts).expect("counts");
    assert_eq!(after.contacts, before.contacts + 10);
    let tags: i64 = ws.store.read(|c| Ok(c.query_row("SELECT count(*) FROM tags WHERE id = 'held'", [], |r| r.get(0))?)).expect("tags");
    assert_eq!(tags, 1, "the other writer's work is kept too");
    assert_eq!(integrity(&ws.store), "ok");
}

#[test]
fn a_second_ponte_on_the_same_workspace_is_refused() {
    let ws = common::demo();
    let app = ponte::instance::acquire(&ws.path()).expect("the first app");
    let err = ponte::instance::acquire(&ws.path()).expect_err("a second app");
    assert_eq!(err.code(), "in_use");
    drop(app);
    ponte::instance::acquire(&ws.path()).expect("free once the first is closed");
}

#[test]
fn a_workspace_from_a_newer_ponte_is_refused_and_not_touched() {
    let ws = common::demo();
    let path = ws.path();
    drop(ws.store);
    {
        let conn = rusqlite::Connection::open(&path).expect("open");
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1).expect("bump");
    }
    let bytes = std::fs::read(&path).expect("read");
    let Err(err) = Store::open(&path) else { panic!("a newer workspace opened") };
    assert!(matches!(err, Error::SchemaTooNew { found, supported } if found == SCHEMA_VERSION + 1 && supported == SCHEMA_VERSION), "{err}");
    assert_eq!(err.code(), "schema_too_new");
    assert_eq!(std::fs::read(&path).expect("read"), bytes, "not one byte changed");
    assert!(backup::list(&path).expect("list").is_empty(), "nothing to migrate, so no backup");

    let out = Command::new(env!("CARGO_BIN_EXE_ponte")).arg("--db").arg(&path).arg("stats").output().expect("run");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("update Ponte"), "{}", String::from_utf8_lossy(&out.stderr));
}
