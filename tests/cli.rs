//! The `ponte` command line on a real workspace file.

use std::process::Command;

fn ponte(db: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_ponte")).arg("--db").arg(db).args(args).output().expect("run ponte")
}

#[test]
fn demo_then_stats_then_search_work_headless() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("nested").join("demo.ponte");
    let out = ponte(&db, &["demo"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    let out = ponte(&db, &["stats", "--json"]);
    assert!(out.status.success());
    let stats: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(stats["missions"], 2);
    assert!(stats["contacts"].as_i64().unwrap_or(0) >= 10);

    let out = ponte(&db, &["search", "ros"]);
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines.iter().any(|l| l.starts_with("contact\tMichael Rossi")), "{text}");
    assert!(lines.iter().all(|l| l.split('\t').count() == 3), "one hit a line, tab-separated: {text}");
}

#[test]
fn demo_refuses_a_workspace_that_holds_data() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("w.ponte");
    assert!(ponte(&db, &["demo"]).status.success());
    let out = ponte(&db, &["demo"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("already holds data"));
}

#[test]
fn without_db_the_cli_uses_the_data_directory() {
    let dir = tempfile::tempdir().expect("dir");
    let out = Command::new(env!("CARGO_BIN_EXE_ponte"))
        .env("XDG_DATA_HOME", dir.path())
        .args(["stats", "--json"])
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(dir.path().join("ponte").join("workspace.ponte").exists());
}

#[test]
fn agenda_writes_an_ics_file_for_a_mission_named_by_part_of_its_title() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("w.ponte");
    assert!(ponte(&db, &["demo"]).status.success());
    let ics = dir.path().join("osaka.ics");
    let out = ponte(&db, &["agenda", "japan health", "--ics", "-o", ics.to_str().expect("utf-8 path")]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = std::fs::read_to_string(&ics).expect("ics written");
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n"));
    assert_eq!(text.matches("BEGIN:VEVENT").count(), 7);
    assert!(text.contains("DTSTART;TZID=Asia/Tokyo:20250707T100000"));

    let out = ponte(&db, &["agenda", "20"]);
    assert!(!out.status.success(), "a title part matching both missions is refused");
}

#[test]
fn followups_json_lists_open_follow_ups_with_their_context() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("w.ponte");
    assert!(ponte(&db, &["demo"]).status.success());
    let out = ponte(&db, &["followups", "--json"]);
    assert!(out.status.success());
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let list = list.as_array().expect("array");
    assert_eq!(list.len(), 4);
    assert!(list.iter().all(|f| f["doneAt"].is_null()));
    assert!(list.iter().any(|f| f["what"].as_str().is_some_and(|w| w.contains("OCCI")) && f["ownerName"] == "Chiara Colombo"));
    let out = ponte(&db, &["followups", "--json", "--mission", "boston"]);
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(list.as_array().map(Vec::len), Some(1));
}

#[test]
fn import_then_history_then_undo_work_headless() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("w.ponte");
    let file = dir.path().join("partecipanti.csv");
    std::fs::write(&file, "Nome;Cognome;Azienda;E-mail\nGiulia;Ferrari;BioTech;g@biotech.example\n;;;senza-nome\n").expect("csv");
    let rejected = dir.path().join("scartati.csv");

    let out = ponte(&db, &["import", file.to_str().expect("path"), "--dry-run"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("would create 1"));

    let out = ponte(&db, &["import", file.to_str().expect("path"), "--json", "--rejected", rejected.to_str().expect("path")]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!((summary["created"].as_i64(), summary["rejected"].as_i64()), (Some(1), Some(1)));
    assert!(std::fs::read_to_string(&rejected).expect("rejected").contains("missing_name"));
    let batch = summary["batchId"].as_str().expect("batch id").to_owned();

    let out = ponte(&db, &["imports", "--json"]);
    let history: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(history[0]["fileName"], "partecipanti.csv");

    let out = ponte(&db, &["import-undo", &batch]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = ponte(&db, &["stats", "--json"]);
    let stats: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(stats["contacts"], 0);
}

#[test]
fn import_fails_with_a_clear_message_when_nothing_can_be_read() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("w.ponte");
    let file = dir.path().join("finto.xlsx");
    std::fs::write(&file, "not a workbook").expect("file");
    let out = ponte(&db, &["import", file.to_str().expect("path")]);
    assert!(!out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stderr).trim(), "ponte: cannot import finto.xlsx: its content is not what its name says (not_this_format)");
    let headers_only = dir.path().join("vuoto.csv");
    std::fs::write(&headers_only, "Nome,Cognome\n").expect("file");
    let out = ponte(&db, &["import", headers_only.to_str().expect("path")]);
    assert!(!out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stderr).trim(), "ponte: cannot import vuoto.csv: it holds no header row or no rows (empty)");
    let out = ponte(&db, &["imports"]);
    assert!(out.stdout.is_empty(), "no batch is recorded for a file without rows");
}

#[test]
fn import_takes_a_mapping_file_and_members_of_a_mission() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("w.ponte");
    assert!(ponte(&db, &["demo"]).status.success());
    let file = dir.path().join("delegazione.csv");
    std::fs::write(&file, "Chi,Ente,Arrivo\nROSSI Paola,Nuova Impresa Srl,06/07/2025\n").expect("csv");
    let mapping = dir.path().join("mapping.json");
    std::fs::write(
        &mapping,
        r#"{"columns": [{"header": "Chi", "field": "fullName"}, {"header": "Ente", "field": "organisation"}, {"header": "Arrivo", "field": "arrivesOn"}]}"#,
    )
    .expect("mapping");
    let out = ponte(&db, &["import", file.to_str().expect("path"), "--kind", "participants", "--mission", "Osaka", "--mapping", mapping.to_str().expect("path"), "--json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(summary["created"], 1);
    let out = ponte(&db, &["search", "paola"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("person\tPaola ROSSI — Nuova Impresa Srl"), "{}", String::from_utf8_lossy(&out.stdout));

    std::fs::write(&mapping, "{not json").expect("mapping");
    let out = ponte(&db, &["import", file.to_str().expect("path"), "--mapping", mapping.to_str().expect("path")]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a mapping file"));
}

fn ponte_env(db: &std::path::Path, env: &[(&str, &str)], args: &[&str]) -> std::process::Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_ponte"));
    cmd.env_remove("PONTE_PASSPHRASE").env_remove("PONTE_NEW_PASSPHRASE");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.arg("--db").arg(db).args(args).stdin(std::process::Stdio::null()).output().expect("run ponte")
}

#[test]
fn the_passphrase_is_set_changed_and_removed_from_the_environment_never_an_argument() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("w.ponte");
    assert!(ponte(&db, &["demo"]).status.success());

    let out = ponte_env(&db, &[("PONTE_PASSPHRASE", "first secret")], &["passphrase", "set"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!std::fs::read(&db).expect("read").windows(6).any(|w| w == b"Rossi "), "names readable after set");

    // Without the passphrase, and with no terminal to ask on, the CLI says what it needs.
    let out = ponte_env(&db, &[], &["stats", "--json"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("PONTE_PASSPHRASE"), "{}", String::from_utf8_lossy(&out.stderr));
    let out = ponte_env(&db, &[("PONTE_PASSPHRASE", "not it at all")], &["stats", "--json"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("wrong passphrase"), "{}", String::from_utf8_lossy(&out.stderr));

    let out = ponte_env(&db, &[("PONTE_PASSPHRASE", "first secret"), ("PONTE_NEW_PASSPHRASE", "second secret")], &["passphrase", "change"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = ponte_env(&db, &[("PONTE_PASSPHRASE", "second secret")], &["search", "rossi"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("Rossi"), "{}", String::from_utf8_lossy(&out.stderr));

    let out = ponte_env(&db, &[("PONTE_PASSPHRASE", "second secret")], &["passphrase", "remove"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = ponte_env(&db, &[], &["stats", "--json"]);
    assert!(out.status.success(), "plain again: {}", String::from_utf8_lossy(&out.stderr));

    // There is no argument that takes a passphrase.
    let out = ponte_env(&db, &[], &["passphrase", "set", "--passphrase", "x"]);
    assert!(!out.status.success());
    let out = ponte_env(&db, &[("PONTE_PASSPHRASE", "short")], &["passphrase", "set"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("at least"), "{}", String::from_utf8_lossy(&out.stderr));
}
