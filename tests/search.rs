//! Search as you type: accents and case ignored, prefixes matched, names ranked first.

mod common;

use ponte::contacts::{self, ContactInput};
use ponte::members::{self, MemberInput};
use ponte::organisations::{self, OrganisationInput};
use ponte::search;

fn titles(ws: &common::Workspace, text: &str) -> Vec<String> {
    ws.store.read(|c| search::query(c, text, 50)).expect("search").into_iter().map(|h| h.title).collect()
}

fn add_contact(ws: &common::Workspace, first: &str, last: &str) -> String {
    ws.store
        .write(|tx| contacts::create(tx, &ContactInput { first_name: first.into(), last_name: last.into(), ..Default::default() }))
        .expect("contact")
        .id
}

#[test]
fn accents_and_case_are_ignored_both_ways() {
    let ws = common::empty();
    add_contact(&ws, "Anna", "Città");
    add_contact(&ws, "Jürgen", "Müller");
    assert_eq!(titles(&ws, "citta"), vec!["Anna Città"]);
    assert_eq!(titles(&ws, "CITTÀ"), vec!["Anna Città"]);
    assert_eq!(titles(&ws, "jurg"), vec!["Jürgen Müller"]);
    assert_eq!(titles(&ws, "müll"), vec!["Jürgen Müller"]);
}

#[test]
fn a_prefix_finds_names_and_the_closest_completion_ranks_first() {
    let ws = common::empty();
    add_contact(&ws, "Anna", "Rossini");
    add_contact(&ws, "Mario", "Rossi");
    add_contact(&ws, "Ros", "Bianchi");
    add_contact(&ws, "Pia", "Verdi");
    assert_eq!(titles(&ws, "ros"), vec!["Ros Bianchi", "Mario Rossi", "Anna Rossini"]);
}

#[test]
fn several_words_must_all_match() {
    let ws = common::empty();
    add_contact(&ws, "Mario", "Rossi");
    add_contact(&ws, "Mario", "Bianchi");
    add_contact(&ws, "Giulia", "Rossi");
    assert_eq!(titles(&ws, "mario ros"), vec!["Mario Rossi"]);
    assert_eq!(titles(&ws, "rossi mar"), vec!["Mario Rossi"]);
}

#[test]
fn a_name_match_ranks_above_a_match_in_other_fields() {
    let ws = common::empty();
    let org = ws.store.write(|tx| organisations::create(tx, &OrganisationInput { name: "Rosa Clinic".into(), ..Default::default() })).expect("org");
    ws.store
        .write(|tx| contacts::create(tx, &ContactInput { organisation_id: Some(org.id.clone()), first_name: "Ken".into(), last_name: "Ito".into(), ..Default::default() }))
        .expect("contact");
    add_contact(&ws, "Rosa", "Neri");
    let found = titles(&ws, "rosa");
    assert_eq!(found, vec!["Rosa Clinic", "Rosa Neri", "Ken Ito"], "the contact at Rosa Clinic comes last");
}

#[test]
fn renaming_an_organisation_or_member_updates_what_search_finds() {
    let ws = common::empty();
    let org = ws.store.write(|tx| organisations::create(tx, &OrganisationInput { name: "Alpha Labs".into(), ..Default::default() })).expect("org");
    ws.store
        .write(|tx| contacts::create(tx, &ContactInput { organisation_id: Some(org.id.clone()), last_name: "Sato".into(), ..Default::default() }))
        .expect("contact");
    ws.store.write(|tx| organisations::update(tx, &org.id, &OrganisationInput { name: "Omega Health".into(), ..Default::default() })).expect("rename");
    assert!(titles(&ws, "alpha").is_empty(), "the old name is gone from the index");
    assert_eq!(titles(&ws, "omega"), vec!["Omega Health", "Sato"]);
    let hit = ws.store.read(|c| search::query(c, "sato", 1)).expect("search").remove(0);
    assert_eq!(hit.subtitle, "Omega Health", "the contact's line shows the new organisation name");

    let m = ws.store.write(|tx| members::create(tx, &MemberInput { name: "Vecchio Nome".into(), ..Default::default() })).expect("member");
    ws.store.write(|tx| members::update(tx, &m.id, &MemberInput { name: "Nuovo Nome".into(), ..Default::default() })).expect("rename");
    assert_eq!(titles(&ws, "nuovo"), vec!["Nuovo Nome"]);
    assert!(titles(&ws, "vecchio").is_empty());
}

#[test]
fn query_syntax_typed_by_a_user_is_just_text() {
    let ws = common::demo();
    for text in ["\"", "*", "ros*", "NOT", "a OR b", "(", "-", "NEAR(", "'; DROP TABLE contacts; --", ""] {
        ws.store.read(|c| search::query(c, text, 50)).unwrap_or_else(|e| panic!("{text:?} failed: {e}"));
    }
    assert!(!titles(&ws, "ros*").is_empty());
}

#[test]
fn the_demo_finds_people_organisations_and_members() {
    let ws = common::demo();
    let hits = ws.store.read(|c| search::query(c, "osaka", 50)).expect("search");
    assert!(hits.iter().any(|h| h.kind == "organisation" && h.title == "Osaka University"));
    let hits = ws.store.read(|c| search::query(c, "nicolo", 50)).expect("search");
    assert_eq!((hits[0].kind.as_str(), hits[0].title.as_str()), ("person", "Nicolò Marino"));
    assert!(hits[0].parent_id.is_some(), "a person points at its member");
    let hits = ws.store.read(|c| search::query(c, "田中", 50)).expect("search");
    assert_eq!(hits[0].title, "田中 浩");
}

#[test]
fn a_word_the_index_splits_is_still_found_and_no_character_fails_a_search() {
    let ws = common::empty();
    add_contact(&ws, "Aⓐb", "Ⓚimura");
    assert_eq!(titles(&ws, "aⓐb"), vec!["Aⓐb Ⓚimura"], "Ⓐ splits the word in the index; the query finds its parts side by side");
    assert_eq!(titles(&ws, "ⓚimu"), vec!["Aⓐb Ⓚimura"]);
    // Every character, inside a word and alone: wherever FTS5's tokenizer and Rust disagree on
    // what a letter is, the query still runs.
    let chars: Vec<char> = (0x80..0x40000).filter_map(char::from_u32).collect();
    ws.store
        .read(|c| {
            for group in chars.chunks(8) {
                let text: String = group.iter().map(|ch| format!("x{ch}y {ch} ")).collect();
                if let Err(e) = search::query(c, &text, 5) {
                    panic!("{text:?}: {e}");
                }
            }
            Ok(())
        })
        .expect("search");
}

