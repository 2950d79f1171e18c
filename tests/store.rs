//! The workspace file: creation, migration, reopening, and refusing what it cannot handle.

mod common;

use ponte::{store::SCHEMA_VERSION, Error, Store};

#[test]
fn migrations_applied_to_an_empty_file_create_every_table_with_a_text_uuid_key() {
    let ws = common::empty();
    ws.store
        .read(|c| {
            let version: i64 = c.query_row("PRAGMA user_version", [], |r| r.get(0))?;
            assert_eq!(version, SCHEMA_VERSION);
            let mode: String = c.query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
            assert_eq!(mode, "wal");
            let mut stmt = c.prepare(
                "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                 AND name NOT LIKE 'search_%'",
            )?;
            let tables: Vec<String> = stmt.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
            for expected in [
                "members", "persons", "missions", "participations", "delegates", "organisations",
                "mission_partners", "contacts", "meetings", "meeting_persons", "meeting_contacts",
                "follow_ups", "tags", "member_tags", "contact_tags", "meeting_tags", "import_batches",
                "settings",
            ] {
                assert!(tables.iter().any(|t| t == expected), "table {expected} missing");
            }
            for table in &tables {
                let (kind, pk): (String, i64) = c.query_row(
                    &format!("SELECT type, pk FROM pragma_table_info('{table}') WHERE name = 'id'"),
                    [],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )?;
                assert_eq!((kind.as_str(), pk), ("TEXT", 1), "{table}.id must be the TEXT primary key");
            }
            let fk_problems: i64 = c.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0))?;
            assert_eq!(fk_problems, 0);
            Ok(())
        })
        .expect("inspect schema");
}

#[test]
fn data_survives_closing_and_reopening_the_file() {
    let ws = common::demo();
    let before = ws.store.read(ponte::workspace::counts).expect("counts");
    let ws = ws.reopen();
    assert!(!ws.store.was_created(), "an existing file is not new");
    assert_eq!(ws.store.read(ponte::workspace::counts).expect("counts"), before);
}

#[test]
fn a_workspace_from_a_newer_ponte_is_refused_untouched() {
    let ws = common::empty();
    let path = ws.path();
    ws.store.read(|c| Ok(c.execute_batch("PRAGMA user_version = 999")?)).expect("bump");
    drop(ws.store);
    let bytes_before = std::fs::read(&path).expect("read");
    match Store::open(&path) {
        Err(Error::SchemaTooNew { found: 999, supported }) => assert_eq!(supported, SCHEMA_VERSION),
        Err(other) => panic!("expected SchemaTooNew, got {other:?}"),
        Ok(_) => panic!("a newer workspace must not open"),
    }
    assert_eq!(std::fs::read(&path).expect("read"), bytes_before, "the file must be left as it was");
    drop(ws.dir);
}

#[test]
fn a_file_that_is_not_a_workspace_gives_an_error_not_a_panic() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("notes.ponte");
    std::fs::write(&path, b"this is a text file, not SQLite, and it is long enough to have a header").expect("write");
    let err = Store::open(&path).err().expect("must fail");
    assert_eq!(err.code(), "not_a_workspace", "not mistaken for an encrypted workspace: {err}");
}

fn page_size(store: &Store) -> i64 {
    use rusqlite::types::Value;
    // SQLCipher answers for an encrypted file with text.
    match store.read(|c| Ok(c.query_row("PRAGMA page_size", [], |r| r.get::<_, Value>(0))?)).expect("page size") {
        Value::Integer(n) => n,
        Value::Text(n) => n.parse().expect("a number"),
        other => panic!("page size {other:?}"),
    }
}

#[test]
fn new_plain_workspaces_have_16_kb_pages_and_encrypted_ones_sqlciphers_4_kb() {
    let ws = common::demo();
    assert_eq!(page_size(&ws.store), 16 * 1024);
    let before = ws.store.read(ponte::workspace::counts).expect("counts");

    ws.store.set_passphrase(Some("Boston-Osaka 2025")).expect("encrypt");
    // Every open of an encrypted file assumes SQLCipher's default: the file cannot say otherwise.
    assert_eq!(page_size(&ws.store), 4096);
    let path = ws.path();
    drop(ws.store);
    let store = Store::open_with(&path, Some("Boston-Osaka 2025")).expect("reopen encrypted");
    assert_eq!(store.read(ponte::workspace::counts).expect("counts"), before);

    store.set_passphrase(None).expect("decrypt");
    assert_eq!(page_size(&store), 16 * 1024, "made plain again, like a new plain workspace");
    drop(store);
    let store = Store::open(&path).expect("reopen plain");
    assert_eq!((page_size(&store), store.read(ponte::workspace::counts).expect("counts")), (16 * 1024, before));
    drop(ws.dir);
}

#[test]
fn a_workspace_created_with_4_kb_pages_keeps_them_and_works() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("older.ponte");
    {
        // What earlier versions made: SQLite's default page size, in WAL mode.
        let conn = rusqlite::Connection::open(&path).expect("create");
        conn.execute_batch("PRAGMA page_size = 4096; PRAGMA journal_mode = WAL; CREATE TABLE t (x); DROP TABLE t;").expect("older file");
    }
    let store = Store::open(&path).expect("open");
    assert!(!store.was_created());
    store.write(|tx| ponte::demo::load(tx)).expect("write the demo workspace");
    let counts = store.read(ponte::workspace::counts).expect("counts");
    drop(store);
    let store = Store::open(&path).expect("reopen");
    assert_eq!((page_size(&store), store.read(ponte::workspace::counts).expect("counts")), (4096, counts));
}
