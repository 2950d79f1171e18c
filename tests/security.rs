//! Encryption at rest: a workspace protected by a passphrase holds nothing readable on disk,
//! opens only with the right passphrase, and converts in place without losing a row.

mod common;

use std::path::Path;

use ponte::store::{self, Protection};
use ponte::{search, workspace, Error, Store};

/// Strings of the demo workspace that must never be readable in an encrypted file.
const SECRETS: &[&str] = &["chiara.colombo@example.org", "Colombo", "Oltre 70 stakeholder", "Padiglione Italia"];

fn bytes_of(path: &Path) -> Vec<u8> {
    let mut all = std::fs::read(path).expect("read workspace");
    for suffix in ["-wal", "-shm"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        if let Ok(more) = std::fs::read(&name) {
            all.extend(more);
        }
    }
    all
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle.as_bytes())
}

#[test]
fn a_protected_workspace_holds_no_readable_personal_data_and_keeps_every_row() {
    let ws = common::demo();
    let path = ws.path();
    let before = ws.store.read(workspace::counts).expect("counts");
    assert!(contains(&bytes_of(&path), "chiara.colombo@example.org"), "the plain demo should be readable, or this test proves nothing");

    ws.store.set_passphrase(Some("Boston-Osaka 2025")).expect("set passphrase");
    assert!(ws.store.is_encrypted());
    // The open store keeps working on the converted file.
    assert_eq!(ws.store.read(workspace::counts).expect("counts"), before);
    let Workspace { dir, store } = ws;
    drop(store);

    assert_eq!(store::protection(&path).expect("protection"), Protection::Encrypted);
    let raw = bytes_of(&path);
    for secret in SECRETS {
        assert!(!contains(&raw, secret), "{secret:?} is readable in the encrypted file");
    }
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left behind: {leftovers:?}");

    let store = Store::open_with(&path, Some("Boston-Osaka 2025")).expect("open with passphrase");
    assert_eq!(store.read(workspace::counts).expect("counts"), before);
    let hits = store.read(|c| search::query(c, "colombo", 10)).expect("search");
    assert!(hits.iter().any(|h| h.title.contains("Colombo")), "search still finds people after encryption: {hits:?}");
}

use common::Workspace;

#[test]
fn a_missing_or_wrong_passphrase_is_refused_and_leaves_the_file_untouched() {
    let ws = common::demo();
    let path = ws.path();
    ws.store.set_passphrase(Some("correct horse")).expect("set");
    drop(ws.store);
    let before = std::fs::read(&path).expect("read");

    assert!(matches!(Store::open(&path), Err(Error::Locked)));
    assert!(matches!(Store::open_with(&path, Some("")), Err(Error::Locked)));
    let wrong = Store::open_with(&path, Some("wrong horse"));
    assert!(matches!(wrong, Err(Error::WrongPassphrase)), "got {:?}", wrong.err());
    assert_eq!(Error::WrongPassphrase.code(), "wrong_passphrase");

    assert_eq!(std::fs::read(&path).expect("read"), before, "a refused open must not change one byte");
    Store::open_with(&path, Some("correct horse")).expect("the right passphrase still opens it");
}

#[test]
fn the_passphrase_can_be_changed_and_removed_without_loss() {
    let ws = common::demo();
    let path = ws.path();
    let before = ws.store.read(workspace::counts).expect("counts");
    ws.store.set_passphrase(Some("first passphrase")).expect("set");
    ws.store.set_passphrase(Some("second passphrase")).expect("change");
    drop(ws.store);
    assert!(matches!(Store::open_with(&path, Some("first passphrase")), Err(Error::WrongPassphrase)));
    let store = Store::open_with(&path, Some("second passphrase")).expect("new passphrase opens");
    assert_eq!(store.read(workspace::counts).expect("counts"), before);

    store.set_passphrase(None).expect("remove");
    assert!(!store.is_encrypted());
    drop(store);
    assert_eq!(store::protection(&path).expect("protection"), Protection::Plain);
    let store = Store::open(&path).expect("opens plain again");
    assert_eq!(store.read(workspace::counts).expect("counts"), before);
    let check: String = store.read(|c| Ok(c.query_row("PRAGMA integrity_check", [], |r| r.get(0))?)).expect("check");
    assert_eq!(check, "ok");
}

#[test]
fn a_short_passphrase_is_refused_before_anything_changes() {
    let ws = common::demo();
    let err = ws.store.set_passphrase(Some("short")).expect_err("too short");
    assert_eq!(err.code(), "invalid");
    assert!(!ws.store.is_encrypted());
    assert_eq!(store::protection(&ws.path()).expect("protection"), Protection::Plain);
}

#[test]
fn a_file_that_is_not_a_workspace_is_named_as_such() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("notes.ponte");
    std::fs::write(&path, "SQLite format 3\0 but not really, just some text that goes on for a while".repeat(100)).expect("write");
    let Err(err) = Store::open(&path) else { panic!("a text file opened as a workspace") };
    assert_eq!(err.code(), "not_a_workspace", "{err}");
}
