//! Personal data on a real workspace file: consent history, access requests, erasure down to the
//! bytes of the file, and the retention review.

mod common;

use chrono::{TimeZone, Utc};
use ponte::contacts::{self, ContactInput, LawfulBasis};
use ponte::meetings::{self, MeetingInput};
use ponte::{drafts, follow_ups, import, missions, privacy, report, search, settings, Entity, Error};

/// Someone whose every identifying string appears nowhere else in the demo.
const FIRST: &str = "Quentin";
const LAST: &str = "Zyxwvutski";
const EMAIL: &str = "q.zyxwvutski@example.org";
const NOTE: &str = "Prefers green tea, allergic to Qwfpgjluy";

fn osaka(ws: &common::Workspace) -> String {
    ws.store.read(|c| missions::resolve(c, "osaka")).expect("osaka").id
}

/// Adds Quentin to a held Osaka meeting (named in its notes), with a follow-up, a tag and a draft.
fn quentin_met_in_osaka(ws: &common::Workspace) -> (String, String) {
    let osaka = osaka(ws);
    ws.store
        .write(|tx| {
            let q = contacts::create(tx, &ContactInput {
                first_name: FIRST.into(),
                last_name: LAST.into(),
                email: EMAIL.into(),
                phone: "+81 6 9876 5432".into(),
                notes: NOTE.into(),
                source: "Business card".into(),
                lawful_basis: LawfulBasis::Consent,
                lawful_basis_on: "2025-07-10".into(),
                ..Default::default()
            })?;
            let meeting = meetings::list_of_mission(tx, &osaka)?
                .into_iter()
                .find(|m| m.title == "Incontro con Shionogi")
                .ok_or_else(|| Error::NotFound { entity: Entity::Meeting, id: "Shionogi".into() })?;
            let mut contact_ids: Vec<String> = meeting.contacts.iter().map(|c| c.id.clone()).collect();
            contact_ids.push(q.id.clone());
            meetings::update(tx, &meeting.id, &MeetingInput {
                mission_id: meeting.mission_id.clone(),
                title: meeting.title.clone(),
                kind: meeting.kind,
                status: meeting.status,
                starts_local: "2025-07-10T10:00".into(),
                ends_local: "2025-07-10T11:00".into(),
                time_zone: meeting.time_zone.clone(),
                place: meeting.place.clone(),
                notes: format!("{} Quentin Zyxwvutski ({EMAIL}) asked for data; Zyxwvutski will visit.", meeting.notes),
                outcome: meeting.outcome.clone(),
                interest: meeting.interest,
                person_ids: meeting.persons.iter().map(|p| p.id.clone()).collect(),
                contact_ids,
                agreement_started: meeting.agreement_started,
                agreement_kind: meeting.agreement_kind,
            })?;
            follow_ups::create(tx, &follow_ups::FollowUpInput {
                meeting_id: Some(meeting.id.clone()),
                what: "Send Quentin Zyxwvutski the brochure".into(),
                contact_id: Some(q.id.clone()),
                due_on: Some("2025-08-01".into()),
                ..Default::default()
            })?;
            tx.execute("INSERT INTO tags (id, name, created_at) VALUES ('t-vip', 'vip', '2025-01-01T00:00:00Z')", [])?;
            tx.execute("INSERT INTO contact_tags (id, contact_id, tag_id) VALUES ('ct-1', ?1, 't-vip')", [&q.id])?;
            drafts::save(tx, "meeting-log", &format!("{{\"contactIds\":[\"{}\"],\"notes\":\"\"}}", q.id))?;
            Ok((q.id, meeting.id))
        })
        .expect("quentin")
}

#[test]
fn consent_history_records_creation_changes_and_imports() {
    let ws = common::empty();
    let input = ContactInput { last_name: "Chen".into(), source: "Card".into(), lawful_basis_on: "2025-01-02".into(), ..Default::default() };
    let c = ws.store.write(|tx| contacts::create(tx, &input)).expect("create");
    let changed = ContactInput { lawful_basis: LawfulBasis::Consent, lawful_basis_on: "2025-03-04".into(), ..input.clone() };
    ws.store.write(|tx| contacts::update(tx, &c.id, &changed)).expect("update");
    ws.store.write(|tx| contacts::update(tx, &c.id, &ContactInput { city: "Osaka".into(), ..changed.clone() })).expect("update");
    let history = ws.store.read(|conn| privacy::consent_history(conn, &c.id)).expect("history");
    let seen: Vec<(&str, LawfulBasis, &str)> = history.iter().map(|r| (r.event.as_str(), r.lawful_basis, r.lawful_basis_on.as_str())).collect();
    assert_eq!(
        seen,
        [("created", LawfulBasis::LegitimateInterest, "2025-01-02"), ("changed", LawfulBasis::Consent, "2025-03-04")],
        "a change of city is not a change of basis"
    );

    let file = ws.dir.path().join("expo.csv");
    std::fs::write(&file, "Nome;Cognome;E-mail\nKeiko;Fujita;k.fujita@example.jp\n").expect("csv");
    ws.store.write(|tx| import::commit(tx, &file, &import::Options::default(), &mut |_, _| {})).expect("import");
    let keiko = ws.store.read(|c| search::query(c, "fujita", 1)).expect("search").remove(0);
    let history = ws.store.read(|conn| privacy::consent_history(conn, &keiko.id)).expect("history");
    assert_eq!(history.len(), 1, "an imported contact has its first record too");
    assert_eq!((history[0].event.as_str(), history[0].source.as_str()), ("created", "expo.csv"));

    // Until a basis changes, the contact row is its first record: nothing is copied (0006).
    let stored = |id: &str| -> i64 {
        ws.store.read(|c| Ok(c.query_row("SELECT count(*) FROM consent_history WHERE contact_id = ?1", [id], |r| r.get(0))?)).expect("count")
    };
    assert_eq!(stored(&keiko.id), 0);
    let k = ws.store.read(|c| contacts::get(c, &keiko.id)).expect("get");
    let input = ContactInput {
        first_name: k.first_name,
        last_name: k.last_name,
        email: k.email,
        source: k.source,
        lawful_basis: LawfulBasis::Consent,
        lawful_basis_on: "2026-02-03".into(),
        ..Default::default()
    };
    ws.store.write(|tx| contacts::update(tx, &keiko.id, &input)).expect("consent given");
    let history = ws.store.read(|conn| privacy::consent_history(conn, &keiko.id)).expect("history");
    let seen: Vec<(&str, LawfulBasis, &str)> = history.iter().map(|r| (r.event.as_str(), r.lawful_basis, r.source.as_str())).collect();
    assert_eq!(
        seen,
        [("created", LawfulBasis::LegitimateInterest, "expo.csv"), ("changed", LawfulBasis::Consent, "expo.csv")],
        "the first change keeps the first basis it replaced"
    );
    assert_eq!(stored(&keiko.id), 2);
    assert_ne!(history[0].id, keiko.id, "a stored record has its own id");
}

#[test]
fn contacts_already_there_get_their_basis_recorded_by_the_upgrade() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("old.ponte");
    {
        let conn = rusqlite::Connection::open(&path).expect("open");
        conn.execute_batch(include_str!("../src/migrations/0001_init.sql")).expect("v1");
        conn.execute_batch(include_str!("../src/migrations/0002_drafts.sql")).expect("v2");
        conn.execute_batch(include_str!("../src/migrations/0003_import.sql")).expect("v3");
        conn.execute_batch(
            "INSERT INTO contacts (id, last_name, source, lawful_basis, lawful_basis_on, created_at, updated_at)
             VALUES ('c1', 'Ito', 'Forum', 'consent', '2024-05-06', '2024-05-06T08:00:00Z', '2024-06-01T09:00:00Z'),
                    ('c2', 'Sato', '', 'contract', '2024-05-07', '2024-05-07T08:00:00Z', '2024-05-07T08:00:00Z');
             PRAGMA user_version = 3;",
        )
        .expect("v3 data");
    }
    let store = ponte::Store::open(&path).expect("upgrade");
    let history = store.read(|c| privacy::consent_history(c, "c1")).expect("history");
    assert_eq!(history.len(), 1);
    assert_eq!(
        (history[0].event.as_str(), history[0].lawful_basis, history[0].changed_at.as_str()),
        ("recorded", LawfulBasis::Consent, "2024-06-01T09:00:00Z")
    );
    let other = store.read(|c| privacy::consent_history(c, "c2")).expect("history");
    assert_ne!(history[0].id, other[0].id, "every record has its own id");
    store.write(|tx| Ok(tx.execute("UPDATE contacts SET lawful_basis = 'contract' WHERE id = 'c1'", [])?)).expect("change");
    let events: Vec<String> = store.read(|c| privacy::consent_history(c, "c1")).expect("history").into_iter().map(|r| r.event).collect();
    assert_eq!(events, ["recorded", "changed"], "a contact with a record already gets no `created` one");
    assert_eq!(store.read(|c| search::query(c, "ito", 5)).expect("search").len(), 1, "search still works after the upgrade");
}

#[test]
fn an_access_request_holds_meetings_notes_follow_ups_consent_and_imports_and_escapes_markup() {
    let ws = common::demo();
    let (q, _) = quentin_met_in_osaka(&ws);
    let markup = "<script>alert('x')</script><img src=x onerror=alert(1)>";
    ws.store
        .write(|tx| {
            let c = contacts::get(tx, &q)?;
            contacts::update(tx, &q, &ContactInput {
                first_name: c.first_name,
                last_name: c.last_name,
                email: c.email,
                notes: markup.into(),
                source: "Stand 4B".into(),
                lawful_basis: LawfulBasis::Consent,
                lawful_basis_on: "2025-07-10".into(),
                ..Default::default()
            })
        })
        .expect("markup");

    let report = ws.store.read(|c| privacy::access_request(c, &q, "en")).expect("access");
    assert_eq!(report.contact.email, EMAIL);
    assert_eq!(report.tags, ["vip"]);
    assert_eq!(report.meetings.len(), 1);
    let meeting = &report.meetings[0].meeting;
    assert_eq!(meeting.title, "Incontro con Shionogi");
    assert!(meeting.notes.contains("asked for data"), "the meeting's notes: {}", meeting.notes);
    assert_eq!(meeting.outcome, "Prospettive di collaborazione in ambito farmaceutico.");
    assert_eq!(report.meetings[0].mission_title.as_deref(), Some("Japan Health Expo 2025 — Osaka"));
    assert_eq!(report.meetings[0].other_contacts, 1, "other external people are counted, not named");
    assert_eq!(meeting.contacts.len(), 1, "only the requester among the external attendees");
    let whats: Vec<&str> = report.follow_ups.iter().map(|f| f.what.as_str()).collect();
    assert!(whats.contains(&"Send Quentin Zyxwvutski the brochure"), "{whats:?}");
    assert!(whats.contains(&"Condividere un documento non confidenziale sulle competenze biotech trentine"), "follow-ups of the meeting: {whats:?}");
    let sources: Vec<&str> = report.consent_history.iter().map(|r| r.source.as_str()).collect();
    assert_eq!(sources, ["Business card", "Stand 4B"]);

    let json: serde_json::Value = serde_json::from_slice(&privacy::json(&report).expect("json")).expect("parse");
    assert_eq!(json["contact"]["notes"], markup);
    assert_eq!(json["consentHistory"][1]["source"], "Stand 4B");
    assert_eq!(json["meetings"][0]["title"], "Incontro con Shionogi");

    let html = privacy::html(&report);
    assert!(!html.contains("<script>") && !html.contains("<img"), "markup must stay text");
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;"));
    assert!(html.contains("History of the lawful basis") && html.contains("Incontro con Shionogi"));
    assert!(html.contains("default-src 'none'"), "the page loads nothing");
    let italian = privacy::html(&ws.store.read(|c| privacy::access_request(c, &q, "it")).expect("access"));
    assert!(italian.contains("Storico della base giuridica") && italian.contains("lang=\"it\""));
    assert!(privacy::file_name(&report, "html").starts_with("access-request-quentin-zyxwvutski-"));
}

#[test]
fn an_imported_contact_shows_where_it_came_from() {
    let ws = common::empty();
    let existing = ws
        .store
        .write(|tx| contacts::create(tx, &ContactInput { first_name: "Mario".into(), last_name: "Rossi".into(), email: "mario.rossi@example.it".into(), ..Default::default() }))
        .expect("existing");
    let file = ws.dir.path().join("fiera.csv");
    std::fs::write(&file, "Nome;Cognome;E-mail;Telefono\nMario;Rossi;mario.rossi@example.it;+39 347 123 4567\nAnna;Verdi;anna@example.it;\n").expect("csv");
    let summary = ws.store.write(|tx| import::commit(tx, &file, &import::Options::default(), &mut |_, _| {})).expect("import");
    assert_eq!((summary.created, summary.updated), (1, 1));
    let mario = ws.store.read(|c| privacy::access_request(c, &existing.id, "it")).expect("access");
    assert_eq!(mario.imports.len(), 1);
    assert_eq!((mario.imports[0].file_name.as_str(), mario.imports[0].action.as_str()), ("fiera.csv", "updated"));
    let anna = ws.store.read(|c| search::query(c, "anna verdi", 1)).expect("search").remove(0);
    let anna = ws.store.read(|c| privacy::access_request(c, &anna.id, "it")).expect("access");
    assert_eq!(anna.imports[0].action, "created");

    let receipt = ws.store.write(|tx| privacy::erase_contact(tx, &existing.id)).expect("erase");
    assert_eq!(receipt.import_records, 1, "the import history held Mario's previous values");
    let left: i64 = ws
        .store
        .read(|c| Ok(c.query_row("SELECT count(*) FROM import_changes WHERE record_id = ?1", [&existing.id], |r| r.get(0))?))
        .expect("count");
    assert_eq!(left, 0);
}

fn file_holds(ws: &common::Workspace, needle: &str) -> Vec<String> {
    let needle = needle.to_lowercase();
    ["workspace.ponte", "workspace.ponte-wal"]
        .iter()
        .filter(|name| {
            let bytes = std::fs::read(ws.dir.path().join(name)).unwrap_or_default();
            String::from_utf8_lossy(&bytes).to_lowercase().contains(&needle)
        })
        .map(|name| name.to_string())
        .collect()
}

#[test]
fn erasure_removes_the_person_down_to_the_file_bytes_and_keeps_the_mission_figures() {
    let ws = common::demo();
    let (q, meeting_id) = quentin_met_in_osaka(&ws);
    let osaka = osaka(&ws);
    // Everything is in the main file before the erasure, so the test proves it is overwritten.
    ws.store.read(privacy::scrub).expect("checkpoint");
    for needle in [LAST, EMAIL, "Qwfpgjluy"] {
        assert!(!file_holds(&ws, needle).is_empty(), "{needle} should be in the file before");
    }
    let before = ws.store.read(|c| report::of_mission(c, &osaka, "en")).expect("report");
    let detail_before = ws.store.read(|c| missions::detail(c, &osaka)).expect("detail");

    let receipt = ws.store.write(|tx| privacy::erase_contact(tx, &q)).expect("erase");
    ws.store.read(privacy::scrub).expect("scrub");
    assert_eq!((receipt.meetings, receipt.follow_ups, receipt.tags, receipt.drafts), (1, 1, 1, 1));
    assert_eq!(receipt.consent_records, 1);
    assert!(receipt.mentions >= 4, "name and e-mail in the notes, name in the follow-up: {receipt:?}");

    assert!(ws.store.read(|c| search::query(c, "zyxwvutski", 10)).expect("search").is_empty());
    assert!(ws.store.read(|c| search::query(c, "quentin", 10)).expect("search").is_empty());
    assert!(ws.store.read(contacts::list).expect("list").iter().all(|c| c.last_name != LAST));
    assert!(matches!(ws.store.read(|c| contacts::get(c, &q)), Err(Error::NotFound { .. })));
    assert!(ws.store.read(|c| drafts::get(c, "meeting-log")).expect("draft").is_none());

    let after = ws.store.read(|c| report::of_mission(c, &osaka, "en")).expect("report");
    assert_eq!(after.figures, before.figures, "the mission's figures do not change");
    assert_eq!(after.stakeholders_by_country, before.stakeholders_by_country);
    let detail_after = ws.store.read(|c| missions::detail(c, &osaka)).expect("detail");
    assert_eq!(detail_after.figures, detail_before.figures);
    let meeting = ws.store.read(|c| meetings::get(c, &meeting_id)).expect("meeting");
    assert_eq!(meeting.contacts.len(), 2, "the meeting still counts two external people");
    assert!(meeting.contacts.iter().any(|c| c.name == "Contatto cancellato" && c.email.is_empty()), "{:?}", meeting.contacts);
    assert!(!meeting.notes.contains(LAST) && meeting.notes.contains("[Contatto cancellato] ([Contatto cancellato]) asked for data"), "{}", meeting.notes);
    assert!(meeting.notes.starts_with("Malattie infettive"), "the rest of the notes stays: {}", meeting.notes);
    let stakeholders: Vec<&String> = after.stakeholders.iter().flat_map(|s| &s.contacts).collect();
    assert!(stakeholders.iter().any(|n| *n == "Contatto cancellato"), "{stakeholders:?}");
    let follow_up = ws
        .store
        .read(|c| follow_ups::list(c, &follow_ups::Filter { include_done: true, ..Default::default() }, chrono::NaiveDate::MIN))
        .expect("follow-ups")
        .into_iter()
        .find(|f| f.follow_up.what.contains("brochure"))
        .expect("the follow-up stays");
    assert_eq!(follow_up.follow_up.what, "Send [Contatto cancellato] the brochure");
    assert_eq!(follow_up.contact_name.as_deref(), Some("Contatto cancellato"));
    let stand_in = follow_up.follow_up.contact_id.expect("linked to the stand-in");
    assert_ne!(stand_in, q, "the stand-in has a new id");
    assert!(matches!(ws.store.read(|c| privacy::access_request(c, &stand_in, "en")), Err(Error::NotFound { .. })));
    assert!(matches!(ws.store.write(|tx| privacy::erase_contact(tx, &stand_in)), Err(Error::NotFound { .. })));
    assert!(ws.store.read(export_ids).expect("export").iter().all(|id| *id != stand_in), "stand-ins are not exported");

    for needle in [LAST, EMAIL, "Qwfpgjluy", "98765432", "9876 5432"] {
        assert_eq!(file_holds(&ws, needle), Vec::<String>::new(), "{needle} must be gone from the file and the WAL");
    }
    let log = ws.store.read(|c| Ok(c.query_row("SELECT json_group_array(json_object('id', id, 'kind', kind, 'at', erased_at, 'm', meetings)) FROM erasures", [], |r| r.get::<_, String>(0))?)).expect("log");
    assert!(!log.to_lowercase().contains("zyxwvutski") && !log.contains(&q), "the log names no one: {log}");
    assert_eq!(ws.store.read(privacy::erasures).expect("log"), std::slice::from_ref(&receipt));
    assert_eq!(ws.store.read(privacy::last_erasure_at).expect("last"), Some(receipt.erased_at));
    let ok: String = ws.store.read(|c| Ok(c.query_row("PRAGMA integrity_check", [], |r| r.get(0))?)).expect("check");
    assert_eq!(ok, "ok");
    ws.store
        .read(|c| Ok(c.execute("INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 0)", [])?))
        .expect("the search index is consistent");
}

fn export_ids(c: &rusqlite::Connection) -> ponte::Result<Vec<String>> {
    Ok(ponte::export::contacts(c, &ponte::export::Selection::default())?.into_iter().map(|c| c.id).collect())
}

#[test]
fn a_contact_never_met_is_erased_without_a_stand_in() {
    let ws = common::empty();
    let c = ws.store.write(|tx| contacts::create(tx, &ContactInput { last_name: "Solo".into(), ..Default::default() })).expect("create");
    let receipt = ws.store.write(|tx| privacy::erase_contact(tx, &c.id)).expect("erase");
    assert_eq!(receipt.meetings, 0);
    let rows: i64 = ws.store.read(|c| Ok(c.query_row("SELECT count(*) FROM contacts", [], |r| r.get(0))?)).expect("count");
    assert_eq!(rows, 0, "no stand-in when no meeting counts the person");
    assert!(ws.store.read(|c| search::query(c, "solo", 5)).expect("search").is_empty());
    assert_eq!(ws.store.read(ponte::workspace::counts).expect("counts").contacts, 0);
}

#[test]
fn the_retention_review_lists_contacts_not_met_for_the_period_until_confirmed() {
    let ws = common::demo();
    assert_eq!(ws.store.read(settings::retention_months).expect("months"), 24);
    assert_eq!(ws.store.write(|tx| settings::set_retention_months(tx, 36)).expect("set"), 36);
    assert_eq!(ws.store.read(settings::retention_months).expect("months"), 36);
    assert!(matches!(ws.store.write(|tx| settings::set_retention_months(tx, 0)), Err(Error::Invalid { field: "retentionMonths", .. })));

    let now = Utc::now();
    let names = |months: u32, at: chrono::DateTime<Utc>| -> Vec<String> {
        ws.store
            .read(|c| privacy::retention_review_at(c, months, at))
            .expect("review")
            .into_iter()
            .map(|i| i.display_name)
            .collect()
    };
    // Boston (2021) is long ago; Osaka (July 2025) within two years of 2026; demo contacts never
    // met were created today.
    let list = names(24, Utc.with_ymd_and_hms(2027, 6, 1, 0, 0, 0).single().expect("date"));
    assert!(list.contains(&"Michael Rossi".to_owned()), "{list:?}");
    assert!(!list.contains(&"Francesca Rossini".to_owned()), "met in Osaka in July 2025: {list:?}");
    let later = names(24, Utc.with_ymd_and_hms(2027, 8, 1, 0, 0, 0).single().expect("date"));
    assert!(later.contains(&"Francesca Rossini".to_owned()), "two years after Osaka: {later:?}");
    let review = ws.store.read(|c| privacy::retention_review_at(c, 24, now)).expect("review");
    let rossi = review.iter().find(|i| i.display_name == "Michael Rossi").expect("rossi");
    assert_eq!(rossi.last_met_at.as_deref(), Some("2021-09-14T14:00:00Z"));
    assert!(review.windows(2).all(|w| w[0].last_met_at.as_ref().unwrap_or(&w[0].created_at) <= w[1].last_met_at.as_ref().unwrap_or(&w[1].created_at)), "oldest first");

    let n = ws.store.write(|tx| privacy::confirm_retention(tx, std::slice::from_ref(&rossi.id))).expect("confirm");
    assert_eq!(n, 1);
    assert!(!names(24, now).contains(&"Michael Rossi".to_owned()), "confirmed: off the list");
    let in_three_years = now.checked_add_months(chrono::Months::new(25)).expect("date");
    assert!(names(24, in_three_years).contains(&"Michael Rossi".to_owned()), "back once the period has passed again");
    assert!(matches!(ws.store.write(|tx| privacy::confirm_retention(tx, &[rossi.id.clone(), "nobody".into()])), Err(Error::NotFound { .. })));

    let receipt = ws.store.write(|tx| privacy::erase_contact(tx, &rossi.id)).expect("erase");
    assert_eq!(receipt.meetings, 1);
    assert!(!names(24, in_three_years).iter().any(|n| n == "Michael Rossi" || n == "Contatto cancellato"), "stand-ins are never reviewed");
}

#[test]
fn the_cli_writes_an_access_request_erases_with_yes_only_and_lists_the_review() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("w.ponte");
    let ponte = |args: &[&str]| std::process::Command::new(env!("CARGO_BIN_EXE_ponte")).arg("--db").arg(&db).args(args).output().expect("run");
    assert!(ponte(&["demo"]).status.success());
    let out_file = dir.path().join("rossi.json");
    let out = ponte(&["access", "michael rossi", "--json", "-o", out_file.to_str().expect("path")]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&out_file).expect("read")).expect("json");
    assert_eq!(json["contact"]["email"], "michael.rossi@example.com");
    let out = ponte(&["access", "michael rossi", "--lang", "en"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("Personal data held about Michael Rossi"));

    let out = ponte(&["retention", "--json"]);
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert!(list.as_array().expect("array").iter().any(|i| i["displayName"] == "Michael Rossi"));

    let out = ponte(&["erase", "michael rossi"]);
    assert!(!out.status.success(), "no --yes, no erasure");
    assert!(String::from_utf8_lossy(&out.stderr).contains("--yes"));
    let out = ponte(&["erase", "michael rossi", "--yes"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("1 meetings keep an erased contact"));
    let out = ponte(&["search", "michael"]);
    assert!(!String::from_utf8_lossy(&out.stdout).contains("Rossi"));
}

#[test]
fn erasure_leaves_no_copy_that_page_balancing_moved_aside() {
    // The person is stored first; thousands of names that sort beside theirs then split the
    // pages of the name index around their entry, and SQLite's balancing moves cells to new
    // pages, leaving the old bytes in the unused middle of the pages they left, where
    // `secure_delete` never looks.
    let ws = common::empty();
    let person = "Vrbqxzkelmna";
    let id = ws
        .store
        .write(|tx| contacts::create(tx, &ContactInput { first_name: "Ilse".into(), last_name: person.into(), email: "ilse@vrbq.example".into(), ..Default::default() }))
        .expect("contact")
        .id;
    ws.store
        .write(|tx| {
            for i in 0..3000 {
                let (before, after) = (format!("Vrbqxzkelmn{i:05}"), format!("Vrbqxzkelmnb{i:05}"));
                for last_name in [before, after] {
                    contacts::create(tx, &ContactInput { first_name: format!("Ospite {i}"), last_name, ..Default::default() })?;
                }
            }
            Ok(())
        })
        .expect("neighbours");
    ws.store.read(privacy::scrub).expect("checkpoint");
    assert!(!file_holds(&ws, person).is_empty(), "the name is in the file before");
    ws.store.write(|tx| privacy::erase_contact(tx, &id)).expect("erase");
    ws.store.read(privacy::scrub).expect("scrub");
    for needle in [person, "ilse@vrbq.example"] {
        assert_eq!(file_holds(&ws, needle), Vec::<String>::new(), "{needle} must be gone from the file and the WAL");
    }
    assert_eq!(ws.store.read(contacts::list).expect("list").len(), 6000, "the others stay");
}

#[test]
fn an_encrypted_workspace_stays_encrypted_and_whole_after_an_erasure() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("workspace.ponte");
    let passphrase = "cluster-osaka-2025";
    let store = ponte::Store::open(&path).expect("create");
    store.set_passphrase(Some(passphrase)).expect("encrypt");
    let add = |last: &str| store.write(|tx| contacts::create(tx, &ContactInput { last_name: last.into(), ..Default::default() })).expect("contact").id;
    let (gone, kept) = (add("Vrbqxzkelmna"), add("Kimura"));
    store.write(|tx| privacy::erase_contact(tx, &gone)).expect("erase");
    store.read(privacy::scrub).expect("scrub");
    drop(store);
    assert_eq!(ponte::store::protection(&path).expect("protection"), ponte::store::Protection::Encrypted, "the rewritten file is encrypted");
    let store = ponte::Store::open_with(&path, Some(passphrase)).expect("reopen with the passphrase");
    let left: Vec<String> = store.read(contacts::list).expect("list").into_iter().map(|c| c.id).collect();
    assert_eq!(left, vec![kept]);
    assert!(ponte::Store::open_with(&path, Some("wrong passphrase")).is_err(), "still needs the passphrase");
}
