//! The command layer through Tauri's mock runtime: real commands, the app's real capability and
//! ACL, a real workspace file — only the window is simulated.

#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what it should do

use ponte_desktop::{build_app, commands, open_workspace, AppState};
use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{App, Manager, WebviewWindow};

struct Harness {
    _dir: tempfile::TempDir,
    _app: App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
}

fn harness() -> Harness {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = open_workspace(&dir.path().join("workspace.ponte")).expect("open workspace");
    let app = build_app(mock_builder(), AppState::new(store))
        .build(tauri::generate_context!())
        .expect("build app");
    let window = match app.get_webview_window("main") {
        Some(w) => w,
        None => tauri::WebviewWindowBuilder::new(&app, "main", Default::default()).build().expect("window"),
    };
    Harness { _dir: dir, _app: app, window }
}

fn invoke(h: &Harness, cmd: &str, args: Value) -> Result<Value, Value> {
    get_ipc_response(
        &h.window,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            // On Linux the app's own origin is tauri://localhost; anything else counts as remote.
            url: "tauri://localhost".parse().expect("url"),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|body| body.deserialize::<Value>().expect("json"))
}

#[test]
fn a_new_workspace_opens_on_the_demo_and_lists_its_missions() {
    let h = harness();
    let missions = invoke(&h, "missions_list", json!({})).expect("missions_list");
    let titles: Vec<&str> = missions.as_array().unwrap().iter().map(|m| m["title"].as_str().unwrap()).collect();
    assert!(titles.iter().any(|t| t.contains("Osaka")), "demo missions: {titles:?}");
    assert!(titles.iter().any(|t| t.contains("Boston")), "demo missions: {titles:?}");
}

#[test]
fn search_finds_a_contact_by_prefix_without_accents() {
    let h = harness();
    let hits = invoke(&h, "search_query", json!({"text": "nicolo"})).expect("search");
    assert_eq!(hits[0]["title"], "Nicolò Marino", "hits: {hits}");
    let hits = invoke(&h, "search_query", json!({"text": "ros", "limit": 2})).expect("search");
    assert_eq!(hits.as_array().unwrap().len(), 2);
}

#[test]
fn an_invalid_contact_comes_back_as_code_field_and_reason() {
    let h = harness();
    let err = invoke(&h, "contacts_create", json!({"input": {"firstName": "Ada", "email": "not-an-email"}}))
        .expect_err("must fail");
    assert_eq!(err["code"], "invalid");
    assert_eq!(err["field"], "email");
    assert_eq!(err["reason"], "email");
    assert!(err["message"].as_str().is_some_and(|m| !m.is_empty()));
}

#[test]
fn deleting_a_member_with_people_is_refused_with_the_references() {
    let h = harness();
    let members = invoke(&h, "members_list", json!({})).expect("members_list");
    let bracco = members.as_array().unwrap().iter().find(|m| m["name"] == "Bracco").expect("Bracco");
    let err = invoke(&h, "members_delete", json!({"id": bracco["id"]})).expect_err("must be refused");
    assert_eq!(err["code"], "referenced");
    assert_eq!(err["references"][0]["entity"], "person");
}

#[test]
fn a_member_created_edited_and_deleted_round_trips() {
    let h = harness();
    let created = invoke(&h, "members_create", json!({"input": {"name": "<b>Nuova</b> Srl", "kind": "startup", "city": "Pavia"}}))
        .expect("create");
    assert_eq!(created["name"], "<b>Nuova</b> Srl", "markup is stored as typed text");
    let id = created["id"].clone();
    let updated = invoke(&h, "members_update", json!({"id": id, "input": {"name": "Nuova Srl", "kind": "sme", "city": "Pavia"}}))
        .expect("update");
    assert_eq!(updated["kind"], "sme");
    invoke(&h, "members_delete", json!({"id": id})).expect("delete");
    let err = invoke(&h, "members_get", json!({"id": id})).expect_err("gone");
    assert_eq!(err["code"], "not_found");
}

#[test]
fn the_language_choice_is_stored() {
    let h = harness();
    let before = invoke(&h, "settings_get", json!({})).expect("get");
    assert_eq!(before["homeTimeZone"], "Europe/Rome");
    invoke(&h, "settings_set", json!({"settings": {"language": "en", "homeTimeZone": "Europe/Rome"}})).expect("set");
    let after = invoke(&h, "settings_get", json!({})).expect("get");
    assert_eq!(after["language"], "en");
}

#[test]
fn every_command_is_registered_and_granted_to_the_window() {
    let h = harness();
    // The check below can fail: a command the window was not granted is refused with this text.
    let refused = invoke(&h, "plugin:fs|read_file", json!({})).expect_err("not granted").to_string();
    assert!(refused.contains("not allowed") || refused.contains("not found"), "{refused}");
    // The file picker needs no arguments and would wait for a person to choose: answer for them.
    std::env::set_var(ponte_desktop::dialogs::OPEN_FILE_ENV, "/nonexistent/file.csv");
    for cmd in commands::ALL {
        // Wrong arguments are fine here: what must not happen is "not allowed" or "not found".
        let outcome = invoke(&h, cmd, json!({}));
        if let Err(e) = outcome {
            let text = e.to_string();
            assert!(!text.contains("not allowed") && !text.contains("not found"), "{cmd}: {text}");
        }
    }
    let capability = include_str!("../capabilities/main.json");
    for cmd in commands::ALL {
        assert!(capability.contains(&format!("\"allow-{}\"", cmd.replace('_', "-"))), "{cmd} not granted");
    }
}

#[test]
fn a_quick_log_with_a_new_contact_and_follow_up_is_saved_and_its_draft_dropped() {
    let h = harness();
    let osaka = invoke(&h, "missions_list", json!({})).unwrap().as_array().unwrap().iter().find(|m| m["destination"] == "Osaka").unwrap()["id"].clone();
    invoke(&h, "drafts_save", json!({"key": "meeting-log", "body": "{\"notes\":\"half typed\"}"})).expect("draft");
    let input = json!({
        "meetingId": null,
        "meeting": {"missionId": osaka, "title": "Stand 4B", "kind": "networking", "status": "held",
                    "startsLocal": "2025-07-11T11:00", "endsLocal": "2025-07-11T11:20", "timeZone": "Asia/Tokyo",
                    "place": "", "notes": "iPS", "outcome": "", "interest": "hot", "personIds": [], "contactIds": []},
        "newContacts": [{"firstName": "Sakura", "lastName": "Mori", "organisationId": null, "organisationName": "Kyoto Bio", "role": "", "email": "", "phone": ""}],
        "followUps": [{"what": "Send brochure", "ownerPersonId": null, "dueOn": "2025-07-31"}]
    });
    let meeting = invoke(&h, "meetings_log", json!({"input": input, "draftKey": "meeting-log"})).expect("log");
    assert_eq!(meeting["contacts"][0]["name"], "Sakura Mori");
    assert!(invoke(&h, "drafts_get", json!({"key": "meeting-log"})).expect("get").is_null(), "the draft is gone once saved");
    let follow_ups = invoke(&h, "follow_ups_list", json!({"filter": {"missionId": osaka}})).expect("list");
    assert!(follow_ups.as_array().unwrap().iter().any(|f| f["what"] == "Send brochure" && f["contactName"] == "Sakura Mori"));
}

/// Tests that point the export folder somewhere take turns: the variable is process-wide.
static EXPORT_DIR_LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());

#[test]
fn the_agenda_export_writes_the_calendar_where_the_export_folder_says() {
    let _turn = EXPORT_DIR_LOCK.lock().unwrap_or_else(|p| p.into_inner());
    let h = harness();
    let out = tempfile::tempdir().unwrap();
    std::env::set_var(ponte_desktop::dialogs::EXPORT_DIR_ENV, out.path());
    let boston = invoke(&h, "missions_list", json!({})).unwrap().as_array().unwrap().iter().find(|m| m["destination"] == "Boston").unwrap()["id"].clone();
    let path = invoke(&h, "agenda_export_ics", json!({"missionId": boston})).expect("export");
    std::env::remove_var(ponte_desktop::dialogs::EXPORT_DIR_ENV);
    let path = std::path::PathBuf::from(path.as_str().unwrap());
    assert_eq!(path.file_name().unwrap(), "bridging-innovation-program-digital-health-boston-2021-agenda.ics");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("TZID:America/New_York"));
    let agenda = invoke(&h, "agenda_get", json!({"missionId": boston})).expect("agenda");
    assert_eq!(agenda["homeTimeZone"], "Europe/Rome");
    assert_eq!(agenda["days"][0]["items"][0]["localStart"], "2021-04-20T10:00");
    assert_eq!(agenda["days"][0]["items"][0]["homeStart"], "2021-04-20T16:00");
}

#[test]
fn a_csv_is_imported_as_a_batch_found_by_search_and_undone() {
    let h = harness();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("partecipanti.csv");
    std::fs::write(&file, "Nome;Cognome;Azienda;E-mail\nKeiko;Fujita;Kyoto Bio;k.fujita@example.jp\n;;;\n").unwrap();
    let path = file.display().to_string();
    let inspection = invoke(&h, "import_inspect", json!({"path": path, "kind": "contacts"})).expect("inspect");
    assert_eq!(inspection["separator"], ";");
    let options = json!({"kind": "contacts"});
    let preview = invoke(&h, "import_preview", json!({"path": path, "options": options})).expect("preview");
    assert!(preview["rows"].as_array().unwrap().len() >= 1);
    let summary = invoke(&h, "import_commit", json!({"path": path, "options": options})).expect("commit");
    assert_eq!(summary["created"], 1, "{summary}");
    let hits = invoke(&h, "search_query", json!({"text": "fujita"})).expect("search");
    assert_eq!(hits[0]["title"], "Keiko Fujita");
    let history = invoke(&h, "import_history", json!({})).expect("history");
    assert_eq!(history[0]["fileName"], "partecipanti.csv");
    invoke(&h, "import_undo", json!({"batchId": summary["batchId"]})).expect("undo");
    assert!(invoke(&h, "search_query", json!({"text": "fujita"})).expect("search").as_array().unwrap().is_empty());
}

#[test]
fn a_mission_s_contacts_export_to_xlsx_and_its_report_is_there() {
    let _turn = EXPORT_DIR_LOCK.lock().unwrap_or_else(|p| p.into_inner());
    let h = harness();
    let out = tempfile::tempdir().unwrap();
    std::env::set_var(ponte_desktop::dialogs::EXPORT_DIR_ENV, out.path());
    let osaka = invoke(&h, "missions_list", json!({})).unwrap().as_array().unwrap().iter().find(|m| m["destination"] == "Osaka").unwrap()["id"].clone();
    let written = invoke(&h, "export_contacts", json!({"selection": {"missionId": osaka}, "format": "xlsx", "options": {}}));
    let saved = invoke(&h, "report_save", json!({"missionId": osaka, "format": "html"}));
    std::env::remove_var(ponte_desktop::dialogs::EXPORT_DIR_ENV);
    let written = written.expect("export");
    assert_eq!(written["contacts"], 9, "{written}");
    let file = std::path::PathBuf::from(written["files"][0].as_str().unwrap());
    assert_eq!(file.file_name().unwrap(), "japan-health-expo-2025-osaka-contacts.xlsx");
    assert!(std::fs::read(&file).unwrap().starts_with(b"PK"), "an XLSX is a zip file");
    let html = std::fs::read_to_string(saved.expect("report").as_str().unwrap()).unwrap();
    assert!(html.contains("Japan Health Expo 2025"));
    let report = invoke(&h, "report_get", json!({"missionId": osaka})).expect("report");
    assert_eq!(report["figures"]["meetingsHeld"], 7);
}

#[test]
fn a_protected_workspace_locks_answers_locked_and_unlocks_only_with_its_passphrase() {
    let h = harness();
    let status = invoke(&h, "security_status", json!({})).expect("status");
    assert_eq!(status["encrypted"], false);
    assert_eq!(status["lockAfterMinutes"], 10);
    let err = invoke(&h, "security_lock", json!({})).expect_err("a plain workspace has nothing to lock");
    assert_eq!(err["code"], "not_encrypted");

    let err = invoke(&h, "security_set_passphrase", json!({"new": "short"})).expect_err("too short");
    assert_eq!(err["code"], "invalid");
    assert_eq!(err["field"], "passphrase");
    invoke(&h, "security_set_passphrase", json!({"new": "trade fair 2025"})).expect("set");
    assert_eq!(invoke(&h, "security_status", json!({})).expect("status")["encrypted"], true);

    invoke(&h, "security_lock", json!({})).expect("lock");
    let status = invoke(&h, "security_status", json!({})).expect("status while locked");
    assert_eq!(status["locked"], true);
    let err = invoke(&h, "contacts_list", json!({})).expect_err("no data while locked");
    assert_eq!(err["code"], "locked");
    let err = invoke(&h, "security_unlock", json!({"passphrase": "trade fair 2024"})).expect_err("wrong");
    assert_eq!(err["code"], "wrong_passphrase");
    assert_eq!(invoke(&h, "security_status", json!({})).expect("status")["locked"], true);

    invoke(&h, "security_unlock", json!({"passphrase": "trade fair 2025"})).expect("unlock");
    assert!(!invoke(&h, "contacts_list", json!({})).expect("contacts").as_array().unwrap().is_empty());

    // Changing or removing it asks for the current one.
    let err = invoke(&h, "security_set_passphrase", json!({"current": "guess", "new": null})).expect_err("remove without it");
    assert_eq!(err["code"], "wrong_passphrase");
    invoke(&h, "security_set_passphrase", json!({"current": "trade fair 2025", "new": null})).expect("remove");
    assert_eq!(invoke(&h, "security_status", json!({})).expect("status")["encrypted"], false);
    assert_eq!(invoke(&h, "security_set_lock_after", json!({"minutes": 30})).expect("idle"), 30);
}

#[test]
fn a_contact_s_access_request_is_saved_and_the_person_erased_through_the_commands() {
    let _turn = EXPORT_DIR_LOCK.lock().unwrap_or_else(|p| p.into_inner());
    let h = harness();
    let out = tempfile::tempdir().unwrap();
    let rossi = invoke(&h, "search_query", json!({"text": "michael rossi", "limit": 1})).expect("search")[0]["id"].clone();
    let history = invoke(&h, "privacy_consent_history", json!({"contactId": rossi})).expect("history");
    assert_eq!(history[0]["event"], "created");
    std::env::set_var(ponte_desktop::dialogs::EXPORT_DIR_ENV, out.path());
    let html = invoke(&h, "privacy_save_access_request", json!({"contactId": rossi, "format": "html", "language": "en"}));
    let json_file = invoke(&h, "privacy_save_access_request", json!({"contactId": rossi, "format": "json"}));
    std::env::remove_var(ponte_desktop::dialogs::EXPORT_DIR_ENV);
    let html = std::fs::read_to_string(html.expect("html").as_str().unwrap()).unwrap();
    assert!(html.contains("Personal data held about Michael Rossi"));
    let data: Value = serde_json::from_slice(&std::fs::read(json_file.expect("json").as_str().unwrap()).unwrap()).unwrap();
    assert_eq!(data["contact"]["email"], "michael.rossi@example.com");

    let review = invoke(&h, "privacy_retention_review", json!({})).expect("review");
    assert_eq!(review["months"], 24);
    assert!(review["items"].as_array().unwrap().iter().any(|i| i["id"] == rossi));
    let err = invoke(&h, "privacy_set_retention_months", json!({"months": 0})).expect_err("refused");
    assert_eq!((err["code"].as_str(), err["field"].as_str()), (Some("invalid"), Some("retentionMonths")));

    let receipt = invoke(&h, "privacy_erase", json!({"contactId": rossi})).expect("erase");
    assert_eq!(receipt["meetings"], 1);
    assert!(!receipt.to_string().contains("Rossi"), "the receipt names no one: {receipt}");
    assert_eq!(invoke(&h, "contacts_get", json!({"id": rossi})).expect_err("gone")["code"], "not_found");
    assert_eq!(invoke(&h, "privacy_erasures", json!({})).expect("log")[0]["id"], receipt["id"]);
}

#[test]
fn a_backup_taken_from_settings_previews_and_restores() {
    let h = harness();
    let taken = invoke(&h, "backup_now", json!({})).expect("backup_now");
    assert_eq!(taken["reason"], "manual");
    let file = taken["file"].clone();
    let list = invoke(&h, "backup_list", json!({})).expect("backup_list");
    assert_eq!(list["keep"], 10);
    assert_eq!(list["backups"][0]["file"], file);
    assert_eq!(list["backups"][0]["beforeErasure"], false);
    let contacts = |h: &Harness| invoke(h, "workspace_info", json!({})).expect("info")["counts"]["contacts"].as_i64().unwrap();
    let before = contacts(&h);
    let preview = invoke(&h, "backup_preview", json!({"file": file})).expect("preview");
    assert_eq!(preview["counts"]["contacts"].as_i64(), Some(before));
    assert_eq!(preview["tooNew"], false);

    invoke(&h, "contacts_create", json!({"input": {"firstName": "Ada", "lastName": "Lovelace"}})).expect("a later contact");
    assert_eq!(contacts(&h), before + 1);
    let restored = invoke(&h, "backup_restore", json!({"file": file})).expect("restore");
    assert_eq!(restored["beforeRestore"]["reason"], "before_restore");
    assert_eq!(contacts(&h), before, "the app goes on with the restored workspace");
    assert_eq!(invoke(&h, "backup_set_keep", json!({"keep": 5})).expect("keep"), 5);
    let err = invoke(&h, "backup_set_keep", json!({"keep": 0})).expect_err("zero");
    assert_eq!(err["code"], "invalid");
}
