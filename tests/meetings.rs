//! Logging meetings in a hurry: one transaction for the meeting, new contacts and follow-ups.

mod common;

use chrono::{NaiveDate, TimeZone, Utc};
use ponte::follow_ups::{self, Filter};
use ponte::meetings::{self, AgreementKind, Interest, LogInput, MeetingInput, MeetingKind, MeetingStatus, NewContact, NewFollowUp};
use ponte::missions::{self, MissionInput, MissionStatus};
use ponte::{dashboard, drafts, search, workspace, Error};

fn osaka(ws: &common::Workspace) -> String {
    ws.store.read(|c| missions::resolve(c, "Osaka")).expect("osaka").id
}

fn quick_log(mission: &str) -> LogInput {
    LogInput {
        meeting: MeetingInput {
            mission_id: Some(mission.into()),
            title: "Stand Kyoto Bio".into(),
            kind: MeetingKind::Networking,
            starts_local: "2025-07-11T11:00".into(),
            ends_local: "2025-07-11T11:20".into(),
            time_zone: "Asia/Tokyo".into(),
            notes: "Interested in iPS cell manufacturing, wants a call in September.".into(),
            interest: Some(Interest::Hot),
            ..Default::default()
        },
        new_contacts: vec![NewContact {
            first_name: "Sakura".into(),
            last_name: "Mori".into(),
            organisation_name: "Kyoto Bio Ventures".into(),
            email: "s.mori@example.jp".into(),
            ..Default::default()
        }],
        follow_ups: vec![NewFollowUp { what: "Send the cluster's iPS brochure".into(), due_on: Some("2025-07-31".into()), ..Default::default() }],
        ..Default::default()
    }
}

#[test]
fn logging_creates_the_contact_its_organisation_the_meeting_and_the_follow_up_together() {
    let ws = common::demo();
    let mission = osaka(&ws);
    let before = ws.store.read(workspace::counts).expect("counts");
    let m = ws.store.write(|tx| meetings::log(tx, &quick_log(&mission))).expect("log");
    assert_eq!(m.status, MeetingStatus::Held, "a logged meeting is held");
    assert_eq!(m.contacts[0].name, "Sakura Mori");
    let after = ws.store.read(workspace::counts).expect("counts");
    assert_eq!(after.contacts, before.contacts + 1);
    assert_eq!(after.organisations, before.organisations + 1);
    assert_eq!(after.meetings, before.meetings + 1);
    assert_eq!(after.follow_ups, before.follow_ups + 1);
    let hit = ws.store.read(|c| search::query(c, "sakura", 1)).expect("search").remove(0);
    assert_eq!(hit.subtitle, "Kyoto Bio Ventures");
    let contact = ws.store.read(|c| ponte::contacts::detail(c, &hit.id)).expect("detail");
    assert_eq!(contact.meetings[0].id, m.id, "the contact's history shows the meeting");
    assert_eq!(contact.contact.source, "Stand Kyoto Bio", "where the contact came from is recorded");
}

#[test]
fn an_invalid_follow_up_refuses_the_whole_log_and_nothing_is_half_saved() {
    let ws = common::demo();
    let mission = osaka(&ws);
    let before = ws.store.read(workspace::counts).expect("counts");
    let mut input = quick_log(&mission);
    input.follow_ups[0].due_on = Some("31/07/2025".into());
    let err = ws.store.write(|tx| meetings::log(tx, &input)).expect_err("bad date");
    assert!(matches!(err, Error::Invalid { field: "dueOn", .. }), "{err:?}");
    assert_eq!(ws.store.read(workspace::counts).expect("counts"), before);
}

#[test]
fn an_agreement_started_while_logging_is_stored_read_back_and_survives_reopening() {
    let ws = common::demo();
    let mission = osaka(&ws);
    let mut input = quick_log(&mission);
    input.meeting.agreement_started = true;
    input.meeting.agreement_kind = Some(AgreementKind::Pilot);
    let logged = ws.store.write(|tx| meetings::log(tx, &input)).expect("log");
    assert!(logged.agreement_started);
    assert_eq!(logged.agreement_kind, Some(AgreementKind::Pilot));
    let json = serde_json::to_value(&logged).expect("json");
    assert_eq!((json["agreementStarted"].clone(), json["agreementKind"].clone()), (true.into(), "pilot".into()));

    let ws = ws.reopen();
    let again = ws.store.read(|c| meetings::get(c, &logged.id)).expect("get");
    assert_eq!((again.agreement_started, again.agreement_kind), (true, Some(AgreementKind::Pilot)));

    // Unticking the agreement drops its kind too: no kind without an agreement.
    let mut edit = input.meeting.clone();
    edit.contact_ids = again.contacts.iter().map(|c| c.id.clone()).collect();
    edit.agreement_started = false;
    edit.agreement_kind = Some(AgreementKind::Mou);
    let edited = ws.store.write(|tx| meetings::update(tx, &logged.id, &edit)).expect("update");
    assert_eq!((edited.agreement_started, edited.agreement_kind), (false, None));

    // An agreement of no stated kind is still an agreement.
    edit.agreement_started = true;
    edit.agreement_kind = None;
    let edited = ws.store.write(|tx| meetings::update(tx, &logged.id, &edit)).expect("update");
    assert_eq!((edited.agreement_started, edited.agreement_kind), (true, None));
}

#[test]
fn the_ui_s_json_sets_the_agreement_and_an_unknown_kind_is_refused() {
    let input: LogInput = serde_json::from_value(serde_json::json!({
        "meeting": {"title": "Stand 4B", "timeZone": "Asia/Tokyo", "startsLocal": "2025-07-11T11:00",
                    "endsLocal": "2025-07-11T11:30", "agreementStarted": true, "agreementKind": "commercial"}
    }))
    .expect("parse");
    assert!(input.meeting.agreement_started);
    assert_eq!(input.meeting.agreement_kind, Some(AgreementKind::Commercial));
    let older: MeetingInput = serde_json::from_value(serde_json::json!({"title": "Without the new fields"})).expect("parse");
    assert_eq!((older.agreement_started, older.agreement_kind), (false, None), "absent fields mean no agreement");
    assert!(serde_json::from_value::<MeetingInput>(serde_json::json!({"agreementKind": "handshake"})).is_err());
}

#[test]
fn the_demo_s_agreements_are_with_occi_ncvc_and_mass_general_brigham() {
    let ws = common::demo();
    let rows: Vec<(String, String)> = ws
        .store
        .read(|c| {
            let mut stmt = c.prepare("SELECT title, agreement_kind FROM meetings WHERE agreement_started = 1 ORDER BY starts_at")?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
        .expect("query");
    let kinds: Vec<&str> = rows.iter().map(|(_, k)| k.as_str()).collect();
    assert_eq!(kinds, ["pilot", "research", "mou"], "{rows:?}");
    assert!(rows[0].0.contains("Mass General Brigham") && rows[2].0.contains("OCCI"));
}

#[test]
fn a_planned_agenda_item_becomes_the_logged_meeting() {
    let ws = common::empty();
    let mission = ws
        .store
        .write(|tx| missions::create(tx, &MissionInput { title: "Osaka".into(), time_zone: "Asia/Tokyo".into(), starts_on: "2025-07-07".into(), ends_on: "2025-07-11".into(), status: MissionStatus::Active, ..Default::default() }))
        .expect("mission");
    let planned = ws
        .store
        .write(|tx| meetings::create(tx, &MeetingInput { mission_id: Some(mission.id.clone()), title: "Shionogi".into(), starts_local: "2025-07-10T10:00".into(), ends_local: "2025-07-10T11:00".into(), time_zone: "Asia/Tokyo".into(), ..Default::default() }))
        .expect("planned");
    assert_eq!(planned.status, MeetingStatus::Planned);
    let mut input = quick_log(&mission.id);
    input.meeting_id = Some(planned.id.clone());
    input.meeting.title = "Shionogi".into();
    let logged = ws.store.write(|tx| meetings::log(tx, &input)).expect("log");
    assert_eq!(logged.id, planned.id, "the same item, not a new one");
    assert_eq!(logged.status, MeetingStatus::Held);
    assert_eq!(ws.store.read(|c| meetings::list_of_mission(c, &mission.id)).expect("list").len(), 1);
}

#[test]
fn follow_ups_filter_by_mission_member_and_overdue_and_can_be_marked_done() {
    let ws = common::demo();
    let today = NaiveDate::from_ymd_opt(2025, 9, 1).expect("date");
    let osaka = osaka(&ws);
    let of_osaka = ws.store.read(|c| follow_ups::list(c, &Filter { mission_id: Some(osaka.clone()), ..Default::default() }, today)).expect("list");
    assert_eq!(of_osaka.len(), 3);
    let overdue = ws.store.read(|c| follow_ups::list(c, &Filter { mission_id: Some(osaka.clone()), overdue_only: true, ..Default::default() }, today)).expect("list");
    assert_eq!(overdue.len(), 1, "only the Shionogi one (due 31 August) is late on 1 September");
    let owner_member = overdue[0].owner_member_id.clone();
    assert!(owner_member.is_some());
    let by_member = ws.store.read(|c| follow_ups::list(c, &Filter { member_id: owner_member, ..Default::default() }, today)).expect("list");
    assert!(by_member.iter().all(|f| f.owner_member_name == overdue[0].owner_member_name));
    ws.store.write(|tx| follow_ups::set_done(tx, &overdue[0].follow_up.id, true)).expect("done");
    let open = ws.store.read(|c| follow_ups::list(c, &Filter { mission_id: Some(osaka), ..Default::default() }, today)).expect("list");
    assert_eq!(open.len(), 2);
}

#[test]
fn the_dashboard_shows_today_s_items_of_the_active_mission_and_overdue_follow_ups() {
    let ws = common::demo();
    let osaka = osaka(&ws);
    let mut input = ws.store.read(|c| missions::get(c, &osaka)).expect("osaka");
    input.status = MissionStatus::Active;
    ws.store
        .write(|tx| missions::update(tx, &osaka, &MissionInput {
            title: input.title.clone(), destination: input.destination.clone(), country: input.country.clone(),
            time_zone: input.time_zone.clone(), starts_on: input.starts_on.clone(), ends_on: input.ends_on.clone(),
            status: MissionStatus::Active, online: false, objectives: input.objectives.clone(), notes: input.notes.clone(),
        }))
        .expect("activate");
    // 9 July 2025, 08:00 in Osaka.
    let now = Utc.with_ymd_and_hms(2025, 7, 8, 23, 0, 0).single().expect("now");
    let d = ws.store.read(|c| dashboard::get(c, now, "Europe/Rome")).expect("dashboard");
    assert_eq!(d.active_mission.as_ref().map(|m| m.id.as_str()), Some(osaka.as_str()));
    let today: Vec<&str> = d.today.iter().map(|i| i.meeting.title.as_str()).collect();
    assert_eq!(today.len(), 2, "{today:?}");
    assert!(today[0].contains("OIM") || today[0].contains("Osaka International"));
    assert_eq!(d.overdue_follow_ups.len(), 1, "on 9 July 2025 only the 2021 Boston follow-up is late");
    assert!(!d.recent_meetings.is_empty());
}

#[test]
fn a_draft_survives_reopening_the_workspace_until_discarded() {
    let ws = common::empty();
    ws.store.write(|tx| drafts::save(tx, "meeting-log", r#"{"title":"Stand 4B","notes":"half typed"}"#)).expect("save");
    let ws = ws.reopen();
    let draft = ws.store.read(|c| drafts::get(c, "meeting-log")).expect("get").expect("still there");
    assert!(draft.body.contains("half typed"));
    ws.store.write(|tx| drafts::discard(tx, "meeting-log")).expect("discard");
    assert!(ws.store.read(|c| drafts::get(c, "meeting-log")).expect("get").is_none());
}
