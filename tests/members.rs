//! Members and their people, on a real workspace file.

mod common;

use ponte::members::{self, MemberInput, MemberKind, PersonInput};
use ponte::missions::{self, ParticipationStatus};
use ponte::{Entity, Error};

fn member(name: &str) -> MemberInput {
    MemberInput { name: name.into(), kind: MemberKind::ResearchLab, city: "Bologna".into(), ..Default::default() }
}

#[test]
fn a_member_is_created_listed_updated_and_deleted() {
    let ws = common::empty();
    let m = ws.store.write(|tx| members::create(tx, &member("Laboratorio Alfa"))).expect("create");
    assert_eq!(m.kind, MemberKind::ResearchLab);
    let mut edit = member("Laboratorio Alfa");
    edit.website = "https://alfa.example.it".into();
    let updated = ws.store.write(|tx| members::update(tx, &m.id, &edit)).expect("update");
    assert_eq!(updated.website, "https://alfa.example.it");
    assert!(updated.updated_at >= m.updated_at);
    let list = ws.store.read(members::list).expect("list");
    assert_eq!(list.len(), 1);
    ws.store.write(|tx| members::delete(tx, &m.id)).expect("delete");
    assert!(matches!(ws.store.read(|c| members::get(c, &m.id)), Err(Error::NotFound { entity: Entity::Member, .. })));
}

#[test]
fn a_member_in_a_mission_cannot_be_deleted_until_it_leaves() {
    let ws = common::demo();
    let list = ws.store.read(members::list).expect("list");
    let wise = list.iter().find(|m| m.name == "Wise").expect("Wise");
    let err = ws.store.write(|tx| members::delete(tx, &wise.id)).expect_err("referenced");
    match err {
        Error::Referenced { references, .. } => {
            let entities: Vec<Entity> = references.iter().map(|r| r.entity).collect();
            assert!(entities.contains(&Entity::Participation), "{references:?}");
            assert!(entities.contains(&Entity::Person), "{references:?}");
        }
        other => panic!("expected Referenced, got {other:?}"),
    }
    assert!(ws.store.read(|c| members::get(c, &wise.id)).is_ok(), "nothing was deleted");
}

#[test]
fn a_person_who_attended_a_meeting_cannot_be_deleted_but_a_new_one_can() {
    let ws = common::demo();
    let hit = ws.store.read(members::list).expect("list").into_iter().find(|m| m.name.starts_with("Fondazione Hub")).expect("HIT");
    let moser = ws.store.read(|c| members::detail(c, &hit.id)).expect("detail").persons.remove(0);
    match ws.store.write(|tx| members::delete_person(tx, &moser.id)) {
        Err(Error::Referenced { entity: Entity::Person, references, .. }) => {
            assert_eq!(references[0].entity, Entity::Meeting);
            assert!(references[0].count >= 1);
        }
        other => panic!("expected Referenced, got {other:?}"),
    }
    let new_person = ws
        .store
        .write(|tx| members::add_person(tx, &hit.id, &PersonInput { first_name: "Ugo".into(), last_name: "Neri".into(), ..Default::default() }))
        .expect("add");
    ws.store.write(|tx| members::delete_person(tx, &new_person.id)).expect("a person in no meeting can go");
    assert_eq!(ws.store.read(|c| members::persons_of(c, &hit.id)).expect("persons").len(), 1);
}

#[test]
fn member_detail_lists_people_and_missions() {
    let ws = common::demo();
    let hit = ws.store.read(members::list).expect("list").into_iter().find(|m| m.name.starts_with("Fondazione Hub")).expect("HIT");
    assert_eq!(hit.missions_count, 1);
    let detail = ws.store.read(|c| members::detail(c, &hit.id)).expect("detail");
    assert_eq!(detail.persons[0].last_name, "Moser");
    assert_eq!(detail.missions[0].status, ParticipationStatus::Confirmed);
    let osaka = ws.store.read(|c| missions::resolve(c, "Osaka")).expect("mission");
    assert_eq!(detail.missions[0].mission_id, osaka.id);
}

#[test]
fn invalid_member_input_is_refused_and_nothing_is_written() {
    let ws = common::empty();
    for (input, field) in [
        (MemberInput { name: "  ".into(), ..Default::default() }, "name"),
        (MemberInput { name: "X".into(), email: "x@".into(), ..Default::default() }, "email"),
        (MemberInput { name: "X".into(), phone: "chiamami".into(), ..Default::default() }, "phone"),
        (MemberInput { name: "X\u{0}Y".into(), ..Default::default() }, "name"),
        (MemberInput { name: "x".repeat(301), ..Default::default() }, "name"),
    ] {
        match ws.store.write(|tx| members::create(tx, &input)) {
            Err(Error::Invalid { field: f, .. }) => assert_eq!(f, field),
            other => panic!("expected Invalid {field}, got {other:?}"),
        }
    }
    assert!(ws.store.read(members::list).expect("list").is_empty());
}
