//! Contacts and their organisations, on a real workspace file.

mod common;

use ponte::contacts::{self, ContactInput, LawfulBasis};
use ponte::organisations::{self, OrganisationInput, OrganisationKind};
use ponte::{search, Entity, Error};

fn takeda(ws: &common::Workspace) -> String {
    ws.store
        .write(|tx| organisations::create(tx, &OrganisationInput { name: "Takeda".into(), kind: OrganisationKind::Company, country: "jp".into(), ..Default::default() }))
        .expect("org")
        .id
}

#[test]
fn a_contact_keeps_its_source_and_lawful_basis_with_a_date() {
    let ws = common::empty();
    let org = takeda(&ws);
    let input = ContactInput {
        organisation_id: Some(org.clone()),
        first_name: "Takeshi".into(),
        last_name: "Kobayashi".into(),
        email: "t.kobayashi@example.jp".into(),
        source: "Business card, Forum AGEVITY".into(),
        lawful_basis: LawfulBasis::Consent,
        lawful_basis_on: "2025-07-07".into(),
        ..Default::default()
    };
    let c = ws.store.write(|tx| contacts::create(tx, &input)).expect("create");
    assert_eq!(c.organisation_name.as_deref(), Some("Takeda"));
    assert_eq!(c.lawful_basis, LawfulBasis::Consent);
    assert_eq!(c.lawful_basis_on, "2025-07-07");
    assert_eq!(c.source, "Business card, Forum AGEVITY");
}

#[test]
fn a_missing_lawful_basis_date_defaults_to_today() {
    let ws = common::empty();
    let c = ws.store.write(|tx| contacts::create(tx, &ContactInput { last_name: "Chen".into(), ..Default::default() })).expect("create");
    assert_eq!(c.lawful_basis_on, chrono::Local::now().date_naive().to_string());
    assert_eq!(c.lawful_basis, LawfulBasis::LegitimateInterest);
}

#[test]
fn a_wrong_date_or_unknown_organisation_is_refused() {
    let ws = common::empty();
    let bad_date = ContactInput { last_name: "Chen".into(), lawful_basis_on: "31/12/2025".into(), ..Default::default() };
    assert!(matches!(ws.store.write(|tx| contacts::create(tx, &bad_date)), Err(Error::Invalid { field: "lawfulBasisOn", .. })));
    let bad_org = ContactInput { last_name: "Chen".into(), organisation_id: Some("nope".into()), ..Default::default() };
    assert!(matches!(ws.store.write(|tx| contacts::create(tx, &bad_org)), Err(Error::Invalid { field: "organisationId", .. })));
}

#[test]
fn an_organisation_with_contacts_cannot_be_deleted() {
    let ws = common::empty();
    let org = takeda(&ws);
    ws.store.write(|tx| contacts::create(tx, &ContactInput { organisation_id: Some(org.clone()), last_name: "Sato".into(), ..Default::default() })).expect("contact");
    match ws.store.write(|tx| organisations::delete(tx, &org)) {
        Err(Error::Referenced { entity: Entity::Organisation, references, .. }) => {
            assert_eq!(references[0].entity, Entity::Contact);
            assert_eq!(references[0].count, 1);
        }
        other => panic!("expected Referenced, got {other:?}"),
    }
}

#[test]
fn a_contact_met_in_a_meeting_cannot_be_deleted_but_a_new_one_can() {
    let ws = common::demo();
    let rossi = ws.store.read(|c| search::query(c, "michael rossi", 1)).expect("search").remove(0);
    assert!(matches!(ws.store.write(|tx| contacts::delete(tx, &rossi.id)), Err(Error::Referenced { .. })));
    let detail = ws.store.read(|c| contacts::detail(c, &rossi.id)).expect("detail");
    assert_eq!(detail.meetings.len(), 1, "the contact's history shows the meeting");
    let fresh = ws.store.write(|tx| contacts::create(tx, &ContactInput { last_name: "Nuovo".into(), ..Default::default() })).expect("create");
    ws.store.write(|tx| contacts::delete(tx, &fresh.id)).expect("delete");
    assert!(ws.store.read(|c| search::query(c, "nuovo", 10)).expect("search").is_empty(), "gone from search too");
}

#[test]
fn markup_in_a_name_is_stored_as_plain_text() {
    let ws = common::empty();
    let name = "<img src=x onerror=alert(1)>";
    let c = ws.store.write(|tx| contacts::create(tx, &ContactInput { last_name: name.into(), ..Default::default() })).expect("create");
    assert_eq!(c.last_name, name);
    assert_eq!(c.display_name, name);
}

#[test]
fn japanese_names_round_trip_and_show_family_name_first() {
    let ws = common::empty();
    let c = ws
        .store
        .write(|tx| contacts::create(tx, &ContactInput { first_name: "由紀".into(), last_name: "佐藤".into(), name_reading: "さとう ゆき".into(), ..Default::default() }))
        .expect("create");
    let back = ws.store.read(|c2| contacts::get(c2, &c.id)).expect("get");
    assert_eq!((back.first_name.as_str(), back.last_name.as_str(), back.name_reading.as_str()), ("由紀", "佐藤", "さとう ゆき"));
    assert_eq!(back.display_name, "佐藤 由紀");
}
