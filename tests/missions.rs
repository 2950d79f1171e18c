//! Missions, their delegation, partners and agenda, on a real workspace file.

mod common;

use ponte::meetings::{self, MeetingInput, MeetingKind};
use ponte::missions::{self, MissionInput, MissionStatus};
use ponte::{Entity, Error};

fn boston() -> MissionInput {
    MissionInput {
        title: "Digital Health Boston 2027".into(),
        destination: "Boston".into(),
        country: "us".into(),
        time_zone: "America/New_York".into(),
        starts_on: "2027-03-10".into(),
        ends_on: "2027-03-16".into(),
        ..Default::default()
    }
}

#[test]
fn a_mission_is_created_updated_and_deleted_while_empty() {
    let ws = common::empty();
    let m = ws.store.write(|tx| missions::create(tx, &boston())).expect("create");
    assert_eq!((m.country.as_str(), m.status), ("US", MissionStatus::Planning));
    let mut edit = boston();
    edit.status = MissionStatus::Active;
    let m2 = ws.store.write(|tx| missions::update(tx, &m.id, &edit)).expect("update");
    assert_eq!(m2.status, MissionStatus::Active);
    ws.store.write(|tx| missions::delete(tx, &m.id)).expect("delete");
    assert!(ws.store.read(missions::list).expect("list").is_empty());
}

#[test]
fn a_mission_with_meetings_cannot_be_deleted() {
    let ws = common::demo();
    let osaka = ws.store.read(|c| missions::resolve(c, "Osaka")).expect("osaka");
    match ws.store.write(|tx| missions::delete(tx, &osaka.id)) {
        Err(Error::Referenced { entity: Entity::Mission, references, .. }) => {
            assert!(references.iter().any(|r| r.entity == Entity::Meeting && r.count == 7), "{references:?}");
        }
        other => panic!("expected Referenced, got {other:?}"),
    }
}

#[test]
fn the_agenda_is_in_time_order_across_the_march_daylight_saving_change() {
    let ws = common::empty();
    let m = ws.store.write(|tx| missions::create(tx, &boston())).expect("create");
    // Clocks in Boston go forward on 2027-03-14: 09:00 local is 14:00Z before and 13:00Z after.
    for (title, start, end) in [
        ("After the change", "2027-03-15T09:00", "2027-03-15T10:00"),
        ("Before the change", "2027-03-13T09:00", "2027-03-13T10:00"),
    ] {
        ws.store
            .write(|tx| meetings::create(tx, &MeetingInput {
                mission_id: Some(m.id.clone()),
                title: title.into(),
                kind: MeetingKind::SiteVisit,
                starts_local: start.into(),
                ends_local: end.into(),
                time_zone: "America/New_York".into(),
                ..Default::default()
            }))
            .expect("meeting");
    }
    let detail = ws.store.read(|c| missions::detail(c, &m.id)).expect("detail");
    let agenda: Vec<(&str, &str)> = detail.meetings.iter().map(|x| (x.title.as_str(), x.starts_at.as_str())).collect();
    assert_eq!(agenda, vec![("Before the change", "2027-03-13T14:00:00Z"), ("After the change", "2027-03-15T13:00:00Z")]);
}

#[test]
fn the_demo_mission_shows_its_delegation_partners_and_agenda() {
    let ws = common::demo();
    let osaka = ws.store.read(|c| missions::resolve(c, "japan health")).expect("osaka");
    let d = ws.store.read(|c| missions::detail(c, &osaka.id)).expect("detail");
    assert_eq!(d.mission.time_zone, "Asia/Tokyo");
    assert_eq!(d.participations.len(), 5);
    assert_eq!(d.figures.delegates, 5, "each member sends its person");
    assert!(d.partners.iter().any(|p| p.organisation_name.contains("OCCI")));
    let forum = &d.meetings[0];
    assert_eq!(forum.title, "Forum AGEVITY");
    assert_eq!(forum.starts_at, "2025-07-07T01:00:00Z", "10:00 in Osaka is 01:00 UTC");
    let names: Vec<&str> = forum.contacts.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, vec!["Haruka Ito", "Takeshi Kobayashi", "Mei Watanabe", "田中 浩"]);
}
