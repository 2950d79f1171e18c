//! The agenda: time zones, home-zone display, clashes, and the ICS export read back by an
//! independent parser.

mod common;

use ponte::agenda;
use ponte::meetings::{self, MeetingInput, MeetingKind, MeetingStatus};
use ponte::members::{self, MemberInput, PersonInput};
use ponte::missions::{self, MissionInput};
use ponte::Store;

fn mission(store: &Store, title: &str, zone: &str, from: &str, to: &str) -> String {
    store
        .write(|tx| missions::create(tx, &MissionInput { title: title.into(), time_zone: zone.into(), starts_on: from.into(), ends_on: to.into(), ..Default::default() }))
        .expect("mission")
        .id
}

fn item(store: &Store, mission: &str, title: &str, zone: &str, start: &str, end: &str, persons: &[&str]) -> String {
    store
        .write(|tx| {
            meetings::create(tx, &MeetingInput {
                mission_id: Some(mission.into()),
                title: title.into(),
                kind: MeetingKind::B2b,
                starts_local: start.into(),
                ends_local: end.into(),
                time_zone: zone.into(),
                person_ids: persons.iter().map(|p| p.to_string()).collect(),
                ..Default::default()
            })
        })
        .expect("meeting")
        .id
}

fn delegate(store: &Store, member: &str, first: &str, last: &str) -> String {
    store
        .write(|tx| {
            let m = members::create(tx, &MemberInput { name: member.into(), ..Default::default() })?;
            members::add_person(tx, &m.id, &PersonInput { first_name: first.into(), last_name: last.into(), email: format!("{}@example.it", first.to_lowercase()), ..Default::default() })
        })
        .expect("person")
        .id
}

#[test]
fn an_osaka_morning_is_the_night_before_dawn_in_rome() {
    let ws = common::empty();
    let m = mission(&ws.store, "Osaka", "Asia/Tokyo", "2025-07-07", "2025-07-11");
    item(&ws.store, &m, "OCCI", "Asia/Tokyo", "2025-07-08T10:00", "2025-07-08T11:00", &[]);
    let a = ws.store.read(|c| agenda::of_mission(c, &m, "Europe/Rome")).expect("agenda");
    let i = &a.days[0].items[0];
    assert_eq!((i.local_start.as_str(), i.home_start.as_str()), ("2025-07-08T10:00", "2025-07-08T03:00"));
    assert_eq!(i.meeting.starts_at, "2025-07-08T01:00:00Z");
}

#[test]
fn boston_meetings_across_the_march_change_keep_their_local_time_and_shift_at_home() {
    let ws = common::empty();
    let m = mission(&ws.store, "Boston", "America/New_York", "2021-03-10", "2021-03-31");
    // US clocks go forward on 14 March 2021, Europe's only on 28 March: for two weeks Boston is
    // five hours behind Rome instead of six.
    item(&ws.store, &m, "Before", "America/New_York", "2021-03-12T10:00", "2021-03-12T11:00", &[]);
    item(&ws.store, &m, "Between", "America/New_York", "2021-03-16T10:00", "2021-03-16T11:00", &[]);
    item(&ws.store, &m, "After", "America/New_York", "2021-03-30T10:00", "2021-03-30T11:00", &[]);
    let a = ws.store.read(|c| agenda::of_mission(c, &m, "Europe/Rome")).expect("agenda");
    let rows: Vec<(&str, &str, &str)> = a
        .days
        .iter()
        .flat_map(|d| &d.items)
        .map(|i| (i.meeting.title.as_str(), i.local_start.as_str(), i.home_start.as_str()))
        .collect();
    assert_eq!(
        rows,
        vec![
            ("Before", "2021-03-12T10:00", "2021-03-12T16:00"),
            ("Between", "2021-03-16T10:00", "2021-03-16T15:00"),
            ("After", "2021-03-30T10:00", "2021-03-30T16:00"),
        ]
    );
}

#[test]
fn items_are_grouped_by_the_mission_s_local_day() {
    let ws = common::empty();
    let m = mission(&ws.store, "Osaka", "Asia/Tokyo", "2025-07-07", "2025-07-11");
    // 23:30 in Osaka on the 8th is still the 8th there, though it is the 8th 14:30 UTC.
    item(&ws.store, &m, "Late dinner", "Asia/Tokyo", "2025-07-08T23:30", "2025-07-09T00:30", &[]);
    item(&ws.store, &m, "Early", "Asia/Tokyo", "2025-07-09T07:00", "2025-07-09T08:00", &[]);
    let a = ws.store.read(|c| agenda::of_mission(c, &m, "Europe/Rome")).expect("agenda");
    let days: Vec<(&str, usize)> = a.days.iter().map(|d| (d.date.as_str(), d.items.len())).collect();
    assert_eq!(days, vec![("2025-07-08", 1), ("2025-07-09", 1)]);
}

#[test]
fn a_delegate_in_two_overlapping_items_is_flagged_on_both() {
    let ws = common::empty();
    let m = mission(&ws.store, "Osaka", "Asia/Tokyo", "2025-07-07", "2025-07-11");
    let luca = delegate(&ws.store, "HIT", "Luca", "Moser");
    let chiara = delegate(&ws.store, "Cluster", "Chiara", "Colombo");
    let a = item(&ws.store, &m, "Shionogi", "Asia/Tokyo", "2025-07-10T10:00", "2025-07-10T11:00", &[&luca]);
    let b = item(&ws.store, &m, "NCVC", "Asia/Tokyo", "2025-07-10T10:30", "2025-07-10T12:00", &[&luca, &chiara]);
    item(&ws.store, &m, "OCCI", "Asia/Tokyo", "2025-07-10T10:30", "2025-07-10T11:30", &[&chiara]);
    let agenda = ws.store.read(|c| agenda::of_mission(c, &m, "Europe/Rome")).expect("agenda");
    let items = &agenda.days[0].items;
    let shionogi = items.iter().find(|i| i.meeting.id == a).expect("a");
    let ncvc = items.iter().find(|i| i.meeting.id == b).expect("b");
    assert_eq!(shionogi.clashes.len(), 1);
    assert_eq!((shionogi.clashes[0].with_meeting_id.as_str(), shionogi.clashes[0].name.as_str()), (b.as_str(), "Luca Moser"));
    assert_eq!(ncvc.clashes.len(), 2, "Luca with Shionogi and Chiara with OCCI: {:?}", ncvc.clashes);
    // Cancelling the Shionogi meeting frees Luca.
    ws.store.write(|tx| meetings::set_status(tx, &a, MeetingStatus::Cancelled)).expect("cancel");
    let agenda = ws.store.read(|c| agenda::of_mission(c, &m, "Europe/Rome")).expect("agenda");
    let ncvc = agenda.days[0].items.iter().find(|i| i.meeting.id == b).expect("b");
    assert_eq!(ncvc.clashes.len(), 1);
}

#[test]
fn the_ics_export_reads_back_in_an_independent_parser_with_the_same_instants() {
    let ws = common::empty();
    let m = mission(&ws.store, "Boston, spring; \"tour\"", "America/New_York", "2021-03-10", "2021-03-31");
    let luca = delegate(&ws.store, "HIT", "Luca", "Moser");
    let before = item(&ws.store, &m, "MIT, ILP; intro", "America/New_York", "2021-03-12T10:00", "2021-03-12T11:00", &[&luca]);
    item(&ws.store, &m, "Mass General Brigham", "America/New_York", "2021-03-16T10:00", "2021-03-16T11:30", &[]);
    item(&ws.store, &m, "Call from Osaka 東京大学との打ち合わせ — a long title that needs folding across lines", "Asia/Tokyo", "2021-03-20T09:00", "2021-03-20T10:00", &[&luca]);
    let path = ws.dir.path().join("agenda.ics");
    std::fs::write(&path, ws.store.read(|c| ponte::ics::mission(c, &m, None)).expect("ics")).expect("write");
    let parsed = parse_with_python(&path);
    assert_eq!(parsed["timezones"], serde_json::json!(["America/New_York", "Asia/Tokyo"]));
    let events = parsed["events"].as_array().expect("events");
    assert_eq!(events.len(), 3);
    let stored = ws.store.read(|c| meetings::list_of_mission(c, &m)).expect("meetings");
    for meeting in &stored {
        let ev = events.iter().find(|e| e["uid"] == format!("{}@ponte", meeting.id)).expect("event by uid");
        assert_eq!(ev["summary"], meeting.title.as_str());
        assert_eq!(ev["start_utc"], meeting.starts_at.as_str(), "{}", meeting.title);
        assert_eq!(ev["end_utc"], meeting.ends_at.as_str(), "{}", meeting.title);
        assert_eq!(ev["tzid"], meeting.time_zone.as_str());
    }
    let first = events.iter().find(|e| e["uid"] == format!("{before}@ponte")).expect("first");
    assert_eq!(first["attendees"], serde_json::json!(["Luca Moser"]));

    // One delegate's calendar holds only their items.
    let path = ws.dir.path().join("luca.ics");
    std::fs::write(&path, ws.store.read(|c| ponte::ics::mission(c, &m, Some(&luca))).expect("ics")).expect("write");
    assert_eq!(parse_with_python(&path)["events"].as_array().expect("events").len(), 2);
}

fn parse_with_python(path: &std::path::Path) -> serde_json::Value {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/tools/ics_dump.py");
    let out = std::process::Command::new("python3")
        .arg(script)
        .arg(path)
        .output()
        .expect("python3 must be installed to check the ICS export");
    assert!(
        out.status.success(),
        "the independent parser refused the file (is the `icalendar` package installed? `pip install icalendar`):\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("json from the parser")
}
