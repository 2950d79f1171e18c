//! Rolling backups and restore: consistent copies taken while the workspace is written,
//! encrypted like it, rotated, previewed without change, and restored after the current state
//! is backed up.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use ponte::backup::{self, Reason};
use ponte::store::{self, Protection, SCHEMA_VERSION};
use ponte::{generate, settings, workspace, Error, Store};

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle.as_bytes())
}

fn integrity(store: &Store) -> String {
    store.read(|c| Ok(c.query_row("PRAGMA integrity_check", [], |r| r.get(0))?)).expect("integrity_check")
}

fn contacts(store: &Store) -> i64 {
    store.read(workspace::counts).expect("counts").contacts
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir).map(|d| d.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect()).unwrap_or_default();
    names.sort();
    names
}

#[test]
fn a_backup_is_listed_with_its_reason_and_previews_the_same_counts() {
    let ws = common::demo();
    let taken = backup::take(&ws.store, Reason::Manual).expect("backup");
    assert_eq!(taken.file.parent(), Some(ws.dir.path().join("workspace.backups").as_path()));
    assert!(taken.name.ends_with("Z-manual.ponte"), "{}", taken.name);
    let list = backup::list(&ws.path()).expect("list");
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].file, taken.file);
    assert_eq!(list[0].reason, Reason::Manual);
    assert_eq!(list[0].taken_at, taken.taken_at);
    assert!(list[0].size > 0 && !list[0].encrypted);

    let preview = backup::preview(&taken.file, None).expect("preview");
    assert_eq!(preview.counts, Some(ws.store.read(workspace::counts).expect("counts")));
    assert_eq!(preview.schema_version, SCHEMA_VERSION);
    assert!(!preview.too_new);
    assert_eq!(preview.reason, Some(Reason::Manual));
    assert!(preview.newest_record_at.is_some());
    // One self-contained file: no journal beside it, nothing temporary left.
    assert_eq!(names_in(&backup::folder(&ws.path())), vec![taken.name.clone()]);
}

#[test]
fn an_encrypted_workspace_gives_backups_that_only_its_passphrase_opens() {
    let ws = common::demo();
    ws.store.set_passphrase(Some("Boston-Osaka 2025")).expect("encrypt");
    let taken = backup::take(&ws.store, Reason::Manual).expect("backup");
    assert!(taken.encrypted);
    assert_eq!(store::protection(&taken.file).expect("protection"), Protection::Encrypted);
    let raw = std::fs::read(&taken.file).expect("read backup");
    for secret in ["chiara.colombo@example.org", "Colombo", "SQLite format 3"] {
        assert!(!contains(&raw, secret), "{secret:?} is readable in the encrypted backup");
    }
    assert!(matches!(backup::preview(&taken.file, None), Err(Error::Locked)));
    assert!(matches!(backup::preview(&taken.file, Some("wrong horse battery")), Err(Error::WrongPassphrase)));
    let preview = backup::preview(&taken.file, Some("Boston-Osaka 2025")).expect("preview with the passphrase");
    assert_eq!(preview.counts, Some(ws.store.read(workspace::counts).expect("counts")));
    assert!(backup::list(&ws.path()).expect("list")[0].encrypted);

    // A copy of the backup opens as a workspace with the passphrase, and not without.
    let copy = ws.dir.path().join("copy.ponte");
    std::fs::copy(&taken.file, &copy).expect("copy");
    assert!(matches!(Store::open(&copy), Err(Error::Locked)));
    let opened = Store::open_with(&copy, Some("Boston-Osaka 2025")).expect("opens with the passphrase");
    assert_eq!(integrity(&opened), "ok");
}

#[test]
fn rotation_keeps_the_newest_and_leaves_other_files_alone() {
    let ws = common::demo();
    ws.store.write(|tx| settings::set_backups_kept(tx, 3)).expect("keep 3");
    let folder = backup::folder(&ws.path());
    std::fs::create_dir_all(&folder).expect("folder");
    std::fs::write(folder.join("README.txt"), "mine").expect("a file of the user's");
    let taken: Vec<_> = (0..5).map(|_| backup::take(&ws.store, Reason::Daily).expect("backup")).collect();
    let list = backup::list(&ws.path()).expect("list");
    let kept: Vec<&PathBuf> = list.iter().map(|b| &b.file).collect();
    let newest: Vec<&PathBuf> = taken.iter().rev().take(3).map(|b| &b.file).collect();
    assert_eq!(kept, newest, "the three newest, newest first");
    assert!(folder.join("README.txt").exists());

    let err = ws.store.write(|tx| settings::set_backups_kept(tx, 0)).expect_err("zero is refused");
    assert_eq!(err.code(), "invalid");
    assert_eq!(ws.store.read(settings::backups_kept).expect("kept"), 3);
}

#[test]
fn backups_taken_while_another_connection_writes_are_whole_snapshots() {
    let ws = common::demo();
    let path = ws.path();
    let base = contacts(&ws.store);
    let writer = std::thread::spawn(move || {
        let other = Store::open(&path).expect("second connection");
        for seed in 0..40 {
            other.write(|tx| generate::contacts(tx, 50, seed)).expect("write");
        }
    });
    let mut taken = Vec::new();
    while !writer.is_finished() || taken.is_empty() {
        taken.push(backup::take(&ws.store, Reason::Manual).expect("backup while writing"));
    }
    writer.join().expect("writer");
    for b in backup::list(&ws.path()).expect("list") {
        let preview = backup::preview(&b.file, None).expect("preview");
        let n = preview.counts.expect("counts").contacts;
        assert_eq!((n - base) % 50, 0, "{} holds part of a transaction: {n} contacts", b.name);
        let conn = rusqlite::Connection::open(&b.file).expect("open backup");
        let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).expect("check");
        assert_eq!(check, "ok", "{}", b.name);
    }
}

#[test]
fn restore_brings_back_the_backup_after_backing_up_the_current_state() {
    let ws = common::demo();
    let before = ws.store.read(workspace::counts).expect("counts");
    let taken = backup::take(&ws.store, Reason::Manual).expect("backup");
    ws.store.write(|tx| generate::contacts(tx, 25, 7)).expect("later work");
    let changed = ws.store.read(workspace::counts).expect("counts");

    let restored = backup::restore(&ws.store, &taken.file, None).expect("restore");
    assert_eq!(restored.counts.as_ref(), Some(&before));
    assert_eq!(ws.store.read(workspace::counts).expect("counts"), before, "the open store sees the restored data");
    let saved = restored.before_restore.expect("the current state was backed up");
    assert_eq!(saved.reason, Reason::BeforeRestore);
    assert_eq!(backup::preview(&saved.file, None).expect("preview").counts, Some(changed), "nothing done since the backup is lost");
    assert!(taken.file.exists(), "the backup restored from is kept");

    // The store goes on working, and a restart opens the restored file.
    ws.store.write(|tx| generate::contacts(tx, 1, 8)).expect("write after restore");
    assert_eq!(integrity(&ws.store), "ok");
    let names = names_in(ws.dir.path());
    assert!(!names.iter().any(|n| n.contains("tmp")), "temporary files left: {names:?}");
    let ws = ws.reopen();
    assert_eq!(contacts(&ws.store), before.contacts + 1);
}

#[test]
fn an_encrypted_backup_restores_with_the_passphrase_it_was_taken_with() {
    let ws = common::demo();
    ws.store.set_passphrase(Some("first passphrase")).expect("encrypt");
    let taken = backup::take(&ws.store, Reason::Manual).expect("backup");
    ws.store.set_passphrase(Some("second passphrase")).expect("change");
    ws.store.write(|tx| generate::contacts(tx, 5, 1)).expect("work");
    // The workspace's passphrase is the wrong one now; the backup's is needed.
    assert!(matches!(backup::restore(&ws.store, &taken.file, None), Err(Error::WrongPassphrase)));
    backup::restore(&ws.store, &taken.file, Some("first passphrase")).expect("restore");
    assert_eq!(ws.store.passphrase().as_deref(), Some("first passphrase"));
    let path = ws.path();
    drop(ws.store);
    assert!(Store::open_with(&path, Some("first passphrase")).is_ok());
}

#[test]
fn a_backup_from_a_newer_ponte_or_a_damaged_one_is_refused_and_nothing_changes() {
    let ws = common::demo();
    let before = ws.store.read(workspace::counts).expect("counts");
    let taken = backup::take(&ws.store, Reason::Manual).expect("backup");

    let newer = ws.dir.path().join("newer.ponte");
    std::fs::copy(&taken.file, &newer).expect("copy");
    rusqlite::Connection::open(&newer).expect("open").pragma_update(None, "user_version", SCHEMA_VERSION + 1).expect("bump");
    let preview = backup::preview(&newer, None).expect("a newer backup still previews");
    assert!(preview.too_new && preview.counts.is_none());
    let err = backup::restore(&ws.store, &newer, None).expect_err("refused");
    assert_eq!(err.code(), "schema_too_new");

    // The page that holds the contacts, overwritten whole (whatever the page size).
    let damaged = ws.dir.path().join("damaged.ponte");
    let (page_size, root): (i64, i64) = rusqlite::Connection::open(&taken.file)
        .expect("open")
        .query_row("SELECT (SELECT page_size FROM pragma_page_size), rootpage FROM sqlite_master WHERE name = 'contacts'", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("contacts page");
    let (page_size, root) = (page_size as usize, root as usize);
    let mut bytes = std::fs::read(&taken.file).expect("read");
    bytes[(root - 1) * page_size..root * page_size].fill(0x5A);
    std::fs::write(&damaged, bytes).expect("write");
    assert!(backup::restore(&ws.store, &damaged, None).is_err(), "a damaged backup is refused");

    assert_eq!(ws.store.read(workspace::counts).expect("counts"), before);
    assert_eq!(backup::list(&ws.path()).expect("list").len(), 1, "a refused restore takes no before-restore backup");
    assert!(!names_in(ws.dir.path()).iter().any(|n| n.contains("tmp")));
}

#[test]
fn a_workspace_that_does_not_open_is_kept_as_it_is_and_replaced() {
    let ws = common::demo();
    let before = ws.store.read(workspace::counts).expect("counts");
    let taken = backup::take(&ws.store, Reason::Manual).expect("backup");
    let path = ws.path();
    drop(ws.store);
    std::fs::write(&path, b"this is not a database any more").expect("damage");

    let restored = backup::restore_file(&path, &taken.file, None).expect("restore over a damaged file");
    let kept = restored.before_restore.expect("the damaged file is kept");
    assert_eq!(std::fs::read(&kept.file).expect("read"), b"this is not a database any more");
    let store = Store::open(&path).expect("opens again");
    assert_eq!(store.read(workspace::counts).expect("counts"), before);
    assert_eq!(integrity(&store), "ok");
}

#[test]
fn a_migration_is_preceded_by_a_backup_of_the_older_schema() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("workspace.ponte");
    {
        let conn = rusqlite::Connection::open(&path).expect("open");
        conn.execute_batch(include_str!("../src/migrations/0001_init.sql")).expect("v1");
        conn.execute_batch(include_str!("../src/migrations/0002_drafts.sql")).expect("v2");
        conn.pragma_update(None, "user_version", 2).expect("version");
        conn.execute("INSERT INTO tags (id, name, created_at) VALUES ('t1', 'medtech', '2025-01-01T00:00:00Z')", []).expect("data");
    }
    let store = Store::open(&path).expect("migrates");
    let list = backup::list(&path).expect("list");
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].reason, Reason::BeforeMigration);
    assert_eq!(backup::preview(&list[0].file, None).expect("preview").schema_version, 2);
    drop(store);
    Store::open(&path).expect("reopen");
    assert_eq!(backup::list(&path).expect("list").len(), 1, "no backup when nothing is migrated");
    // A brand-new workspace has nothing to back up.
    let fresh = dir.path().join("fresh.ponte");
    Store::open(&fresh).expect("new");
    assert!(backup::list(&fresh).expect("list").is_empty());
}

#[test]
fn an_import_tried_again_on_an_unchanged_workspace_reuses_its_backup() {
    let ws = common::demo();
    // As if the last change had been an hour ago (file times are too coarse to tell a change
    // in the same second from none).
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for suffix in ["", "-wal"] {
        let file = std::fs::OpenOptions::new().write(true).open(format!("{}{suffix}", ws.path().display())).expect("open");
        file.set_modified(hour_ago).expect("set mtime");
    }
    let first = backup::before_import(&ws.store).expect("backup");
    assert_eq!(first.reason, Reason::BeforeImport);
    let again = backup::before_import(&ws.store).expect("backup");
    assert_eq!(again.file, first.file, "nothing changed: the same backup serves");
    ws.store.write(|tx| generate::contacts(tx, 1, 9)).expect("a change");
    let third = backup::before_import(&ws.store).expect("backup");
    assert_ne!(third.file, first.file, "after a change, a new backup");
    assert_eq!(backup::list(&ws.path()).expect("list").len(), 2);
}

#[test]
fn a_backup_taken_beside_an_import_holds_the_workspace_before_it() {
    for passphrase in [None, Some("Boston-Osaka 2025")] {
        let ws = common::demo();
        if let Some(p) = passphrase {
            ws.store.set_passphrase(Some(p)).expect("encrypt");
        }
        let before = contacts(&ws.store);
        // Enough rows that the backup reads while the import is still writing.
        let (rows, taken) = backup::with_before_import(&ws.store, |tx, spare_core| {
            generate::contacts(tx, 10_000, 3)?;
            // The backup starts here, with half the rows written and not committed.
            spare_core();
            generate::contacts(tx, 10_000, 4)?;
            Ok(20_000)
        })
        .expect("import with its backup");
        assert_eq!(taken.reason, Reason::BeforeImport);
        assert_eq!(taken.encrypted, passphrase.is_some());
        assert_eq!(contacts(&ws.store), before + rows, "the import is committed");
        let preview = backup::preview(&taken.file, passphrase).expect("preview");
        assert_eq!(preview.counts.expect("counts").contacts, before, "the backup is the state before the import");
        assert_eq!(names_in(&backup::folder(&ws.path())), vec![taken.name.clone()], "one backup, nothing temporary left");
        assert_eq!(integrity(&ws.store), "ok");
    }
}

#[test]
fn an_import_whose_backup_fails_is_rolled_back() {
    let ws = common::demo();
    let before = contacts(&ws.store);
    // A file where the backups folder should be: the backup cannot be written.
    std::fs::write(backup::folder(&ws.path()), "not a folder").expect("blocker");
    let result = backup::with_before_import(&ws.store, |tx, _| generate::contacts(tx, 500, 4));
    assert!(matches!(result, Err(Error::Io(_))), "{result:?}");
    assert_eq!(contacts(&ws.store), before, "nothing imported without a backup");
    assert_eq!(integrity(&ws.store), "ok");
}

#[test]
fn an_import_that_fails_beside_its_backup_changes_nothing_and_says_why() {
    let ws = common::demo();
    let before = contacts(&ws.store);
    let result = backup::with_before_import(&ws.store, |tx, _| -> ponte::Result<()> {
        generate::contacts(tx, 500, 5)?;
        Err(Error::Import { file: "people.csv".into(), row: Some(7), problem: ponte::ImportProblem::Empty })
    })
    .map(|_| ());
    assert!(matches!(&result, Err(Error::Import { row: Some(7), .. })), "the import's own error: {result:?}");
    assert_eq!(contacts(&ws.store), before);
    // The backup was still taken, whole: a later attempt may reuse it.
    let list = backup::list(&ws.path()).expect("list");
    assert_eq!(list.len(), 1);
    assert_eq!(backup::preview(&list[0].file, None).expect("preview").counts.expect("counts").contacts, before);
}

#[test]
fn a_daily_backup_is_taken_once_a_day() {
    let ws = common::demo();
    let first = backup::daily_if_due(&ws.store).expect("daily").expect("due: no backup yet");
    assert_eq!(first.reason, Reason::Daily);
    assert!(backup::daily_if_due(&ws.store).expect("daily").is_none(), "not due again the same day");
    let tomorrow = chrono::Utc::now() + chrono::Duration::hours(25);
    assert!(backup::daily_if_due_at(&ws.store, tomorrow).expect("daily").is_some());
    assert!(backup::daily_if_due(&Store::open_in_memory().expect("memory")).expect("daily").is_none());
}

#[test]
fn backups_older_than_the_last_erasure_are_flagged() {
    let ws = common::demo();
    let taken = backup::take(&ws.store, Reason::Manual).expect("backup");
    let after = "2999-01-01T00:00:00Z";
    let before = "2000-01-01T00:00:00+01:00";
    assert!(backup::list_flagged(&ws.path(), Some(after)).expect("list")[0].before_erasure);
    assert!(!backup::list_flagged(&ws.path(), Some(before)).expect("list")[0].before_erasure);
    assert!(!backup::list_flagged(&ws.path(), None).expect("list")[0].before_erasure);
    assert!(!taken.before_erasure);
}

fn ponte(db: &Path, args: &[&str], passphrase: Option<&str>) -> std::process::Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_ponte"));
    cmd.arg("--db").arg(db).args(args).stdin(std::process::Stdio::null());
    match passphrase {
        Some(p) => cmd.env("PONTE_PASSPHRASE", p),
        None => cmd.env_remove("PONTE_PASSPHRASE"),
    };
    cmd.output().expect("run ponte")
}

#[test]
fn the_cli_backs_up_lists_previews_and_restores() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("w.ponte");
    assert!(ponte(&db, &["demo"], None).status.success());
    let out = ponte(&db, &["backup"], None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = ponte(&db, &["backup", "--list", "--json"], None);
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(list[0]["reason"], "manual");
    let file = list[0]["file"].as_str().expect("file").to_owned();

    assert!(ponte(&db, &["generate", "--contacts", "10"], None).status.success());
    let out = ponte(&db, &["restore", &file, "--preview"], None);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success() && text.contains("contacts"), "{text}");
    // Without --yes and nobody to answer, nothing happens.
    let out = ponte(&db, &["restore", &file], None);
    assert!(!out.status.success());
    let stats = |db: &Path| -> serde_json::Value { serde_json::from_slice(&ponte(db, &["stats", "--json"], None).stdout).expect("json") };
    let grown = stats(&db)["contacts"].as_i64().expect("contacts");
    let out = ponte(&db, &["restore", &file, "--yes"], None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(stats(&db)["contacts"].as_i64(), Some(grown - 10));
    let out = ponte(&db, &["backup", "--list"], None);
    assert!(String::from_utf8_lossy(&out.stdout).contains("before-restore"));

    // Refused while the app holds the workspace.
    let _app = ponte::instance::acquire(&db).expect("the app's lock");
    let out = ponte(&db, &["restore", &file, "--yes"], None);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("open in the Ponte app"));
}

#[test]
fn the_cli_backs_up_an_encrypted_workspace_with_its_passphrase() {
    let ws = common::demo();
    ws.store.set_passphrase(Some("Boston-Osaka 2025")).expect("encrypt");
    let db = ws.path();
    drop(ws.store);
    assert!(!ponte(&db, &["backup"], None).status.success(), "no passphrase, no backup");
    let out = ponte(&db, &["backup", "--json"], Some("Boston-Osaka 2025"));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let taken: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(taken["encrypted"], true);
    let out = ponte(&db, &["restore", taken["file"].as_str().expect("file"), "--preview", "--json"], Some("Boston-Osaka 2025"));
    let preview: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert!(preview["counts"]["contacts"].as_i64().unwrap_or(0) > 0, "{preview}");
}

#[test]
fn the_cli_backs_up_before_an_import() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("w.ponte");
    assert!(ponte(&db, &["demo"], None).status.success());
    let csv = dir.path().join("people.csv");
    std::fs::write(&csv, "Nome,Cognome,Email\nAda,Lovelace,ada@example.org\n").expect("csv");
    let out = ponte(&db, &["import", csv.to_str().expect("utf-8")], None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let list = backup::list(&db).expect("list");
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].reason, Reason::BeforeImport);
    let preview = backup::preview(&list[0].file, None).expect("preview");
    let now = Store::open(&db).expect("open").read(workspace::counts).expect("counts");
    assert_eq!(preview.counts.expect("counts").contacts + 1, now.contacts, "the backup is the state before the import");
}
