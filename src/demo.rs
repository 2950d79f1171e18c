//! The demo workspace: the two missions of the source articles — the Bridging Innovation
//! Program – Digital Health – Boston 2021 and the Japan Health Expo 2025 mission to Osaka — with
//! the organisations they name. Organisations are real; every person is invented.

use rusqlite::Connection;

use crate::contacts::{self, ContactInput, LawfulBasis};
use crate::error::{Error, Result};
use crate::follow_ups::{self, FollowUpInput};
use crate::meetings::{self, AgreementKind, Interest, MeetingInput, MeetingKind, MeetingStatus};
use crate::members::{self, MemberInput, MemberKind, PersonInput};
use crate::missions::{self, MissionInput, MissionStatus, ParticipationStatus};
use crate::organisations::{self, OrganisationInput, OrganisationKind};
use crate::workspace;

// (name, kind, city, region)
const MEMBERS: &[(&str, MemberKind, &str, &str)] = &[
    ("Cluster lombardo scienze della vita", MemberKind::Association, "Milano", "Lombardia"),
    ("Fondazione Hub Innovazione Trentino (HIT)", MemberKind::Foundation, "Trento", "Trentino"),
    ("Bracco", MemberKind::LargeCompany, "Milano", "Lombardia"),
    ("Centro Diagnostico Italiano", MemberKind::Hospital, "Milano", "Lombardia"),
    ("IRCCS Istituto Cardiologico Monzino", MemberKind::Hospital, "Milano", "Lombardia"),
    ("Fondazione Regionale per la Ricerca Biomedica", MemberKind::Foundation, "Milano", "Lombardia"),
    ("PerfeTTO", MemberKind::Startup, "", ""),
    ("Wise", MemberKind::Sme, "", ""),
    ("Over SpA", MemberKind::Sme, "", ""),
];

// (member, first, last, role, email)
const PERSONS: &[(&str, &str, &str, &str, &str)] = &[
    ("Cluster lombardo scienze della vita", "Chiara", "Colombo", "Internazionalizzazione", "chiara.colombo@example.org"),
    ("Fondazione Hub Innovazione Trentino (HIT)", "Luca", "Moser", "Trasferimento tecnologico", "luca.moser@example.org"),
    ("Bracco", "Giulia", "Rossi", "Business development", "giulia.rossi@example.com"),
    ("Centro Diagnostico Italiano", "Marco", "Bianchi", "Direzione innovazione", "marco.bianchi@example.com"),
    ("IRCCS Istituto Cardiologico Monzino", "Elena", "Ferrari", "Ricercatrice", "elena.ferrari@example.org"),
    ("Fondazione Regionale per la Ricerca Biomedica", "Paolo", "Ricci", "Progetti internazionali", "paolo.ricci@example.org"),
    ("PerfeTTO", "Andrea", "Conti", "CEO", "andrea.conti@example.com"),
    ("Wise", "Sara", "Galli", "CEO", "sara.galli@example.com"),
    ("Over SpA", "Nicolò", "Marino", "Export manager", "nicolo.marino@example.com"),
];

// (name, kind, country, city)
const ORGANISATIONS: &[(&str, OrganisationKind, &str, &str)] = &[
    ("ART-ER", OrganisationKind::PublicBody, "IT", "Bologna"),
    ("Massachusetts Institute of Technology (MIT)", OrganisationKind::University, "US", "Cambridge"),
    ("Harvard Medical School", OrganisationKind::University, "US", "Boston"),
    ("Johnson & Johnson", OrganisationKind::Company, "US", ""),
    ("Mass General Brigham", OrganisationKind::Hospital, "US", "Boston"),
    ("Boston Children's Hospital", OrganisationKind::Hospital, "US", "Boston"),
    ("Brigham Digital Innovation Hub", OrganisationKind::Hospital, "US", "Boston"),
    ("MassChallenge HealthTech", OrganisationKind::Incubator, "US", "Boston"),
    ("M2D2", OrganisationKind::Incubator, "US", "Lowell"),
    ("MBI", OrganisationKind::Incubator, "US", ""),
    ("MassGlobal", OrganisationKind::Other, "US", "Boston"),
    ("Boston Advanced Analytics", OrganisationKind::Company, "US", "Boston"),
    ("Sanofi Boston", OrganisationKind::Company, "US", "Cambridge"),
    ("Assolombarda", OrganisationKind::Association, "IT", "Milano"),
    ("Silver Economy Network (SEN)", OrganisationKind::Association, "IT", ""),
    ("ICE – Agenzia italiana per il commercio estero", OrganisationKind::PublicBody, "IT", ""),
    ("Osaka Chamber of Commerce and Industry (OCCI)", OrganisationKind::Chamber, "JP", "Osaka"),
    ("Osaka Bio Headquarters", OrganisationKind::PublicBody, "JP", "Osaka"),
    ("Osaka International Medical & Science Center (OIM)", OrganisationKind::ResearchCentre, "JP", "Osaka"),
    ("National Cerebral and Cardiovascular Center (NCVC)", OrganisationKind::Hospital, "JP", "Suita"),
    ("Shionogi", OrganisationKind::Company, "JP", "Osaka"),
    ("Takeda", OrganisationKind::Company, "JP", ""),
    ("Daiichi Sankyo", OrganisationKind::Company, "JP", "Tokyo"),
    ("University of Tsukuba", OrganisationKind::University, "JP", "Tsukuba"),
    ("Institute of Science Tokyo", OrganisationKind::University, "JP", "Tokyo"),
    ("Osaka University", OrganisationKind::University, "JP", "Suita"),
];

// (organisation, first, last, reading, role, email, phone, language, source, basis)
#[allow(clippy::type_complexity)]
const CONTACTS: &[(&str, &str, &str, &str, &str, &str, &str, &str, &str, LawfulBasis)] = &[
    ("Osaka Chamber of Commerce and Industry (OCCI)", "浩", "田中", "たなか ひろし", "Life Science division", "h.tanaka@example.jp", "+81 6 0000 0001", "ja", "Forum AGEVITY", LawfulBasis::LegitimateInterest),
    ("National Cerebral and Cardiovascular Center (NCVC)", "Yuki", "Sato", "さとう ゆき", "Open Innovation Center", "y.sato@example.jp", "", "ja", "Site visit", LawfulBasis::Consent),
    ("Shionogi", "Kenji", "Yamamoto", "やまもと けんじ", "Business development", "k.yamamoto@example.jp", "", "en", "Business card", LawfulBasis::Consent),
    ("Osaka Bio Headquarters", "Aiko", "Suzuki", "すずき あいこ", "International relations", "a.suzuki@example.jp", "", "en", "International Business Exchange Event", LawfulBasis::LegitimateInterest),
    ("Takeda", "Takeshi", "Kobayashi", "こばやし たけし", "Open innovation", "t.kobayashi@example.jp", "", "en", "Forum AGEVITY", LawfulBasis::LegitimateInterest),
    ("Osaka University", "Haruka", "Ito", "いとう はるか", "Regenerative medicine lab", "h.ito@example.jp", "", "en", "Forum AGEVITY", LawfulBasis::LegitimateInterest),
    ("Osaka International Medical & Science Center (OIM)", "Daisuke", "Nakamura", "なかむら だいすけ", "Partnerships", "d.nakamura@example.jp", "", "en", "Site visit", LawfulBasis::Consent),
    ("Daiichi Sankyo", "Mei", "Watanabe", "わたなべ めい", "R&D alliances", "m.watanabe@example.jp", "", "en", "Forum AGEVITY", LawfulBasis::LegitimateInterest),
    ("MassChallenge HealthTech", "Emily", "Carter", "", "Program director", "emily.carter@example.com", "+1 617 555 0101", "en", "Bridging Innovation Program", LawfulBasis::Consent),
    ("Mass General Brigham", "Michael", "Rossi", "", "Innovation office", "michael.rossi@example.com", "+1 617 555 0102", "en", "Bridging Innovation Program", LawfulBasis::Consent),
    ("Massachusetts Institute of Technology (MIT)", "Sarah", "Goldberg", "", "Industrial liaison", "s.goldberg@example.edu", "", "en", "Bridging Innovation Program", LawfulBasis::LegitimateInterest),
    ("Harvard Medical School", "David", "Chen", "", "Digital health lab", "d.chen@example.edu", "", "en", "Bridging Innovation Program", LawfulBasis::LegitimateInterest),
    ("MassGlobal", "Laura", "Bennett", "", "Mentor", "laura.bennett@example.com", "", "en", "Bridging Innovation Program", LawfulBasis::Contract),
    ("Sanofi Boston", "James", "O'Neill", "", "External innovation", "j.oneill@example.com", "", "en", "Bridging Innovation Program", LawfulBasis::LegitimateInterest),
    ("Brigham Digital Innovation Hub", "Priya", "Raman", "", "Disrupting Medicine", "p.raman@example.org", "", "en", "Bridging Innovation Program", LawfulBasis::LegitimateInterest),
    ("ICE – Agenzia italiana per il commercio estero", "Francesca", "Rossini", "", "Ufficio di Osaka", "f.rossini@example.it", "", "it", "Padiglione ICE", LawfulBasis::PublicTask),
];

struct MeetingSeed {
    title: &'static str,
    kind: MeetingKind,
    starts: &'static str,
    ends: &'static str,
    place: &'static str,
    persons: &'static [&'static str],
    contacts: &'static [&'static str],
    notes: &'static str,
    outcome: &'static str,
    interest: Option<Interest>,
    /// An agreement the meeting started, of this kind.
    agreement: Option<AgreementKind>,
    follow_up: Option<(&'static str, &'static str)>,
}

const OSAKA_MEETINGS: &[MeetingSeed] = &[
    MeetingSeed { title: "Forum AGEVITY", kind: MeetingKind::Forum, starts: "2025-07-07T10:00", ends: "2025-07-07T13:00", place: "Padiglione Italia, Expo 2025", persons: &["Colombo", "Moser", "Ferrari"], contacts: &["田中", "Kobayashi", "Ito", "Watanabe"], notes: "Oltre 70 stakeholder locali. Tema: società longeve e invecchiamento.", outcome: "Individuati filoni su medicina rigenerativa e medtech.", interest: Some(Interest::Hot), agreement: None, follow_up: None },
    MeetingSeed { title: "International Business Exchange Event", kind: MeetingKind::Networking, starts: "2025-07-08T09:30", ends: "2025-07-08T12:00", place: "Osaka Bio Headquarters", persons: &["Moser"], contacts: &["Suzuki"], notes: "Start-up life science di diversi Paesi.", outcome: "", interest: Some(Interest::Warm), agreement: None, follow_up: None },
    MeetingSeed { title: "Visita alla fiera Japan Health", kind: MeetingKind::SiteVisit, starts: "2025-07-08T14:00", ends: "2025-07-08T17:30", place: "Intex Osaka", persons: &["Moser", "Colombo"], contacts: &["Rossini"], notes: "Robotica chirurgica, cellule iPS, biopolimeri, imaging. Padiglione ICE.", outcome: "", interest: None, agreement: None, follow_up: None },
    MeetingSeed { title: "Visita all'Osaka International Medical & Science Center", kind: MeetingKind::SiteVisit, starts: "2025-07-09T10:00", ends: "2025-07-09T12:00", place: "OIM, Osaka", persons: &["Colombo", "Ferrari"], contacts: &["Nakamura"], notes: "Incontri con le istituzioni.", outcome: "", interest: Some(Interest::Warm), agreement: None, follow_up: None },
    MeetingSeed { title: "Visita all'Open Innovation Center dell'NCVC", kind: MeetingKind::SiteVisit, starts: "2025-07-09T15:00", ends: "2025-07-09T16:30", place: "NCVC, Suita", persons: &["Ferrari", "Moser"], contacts: &["Sato"], notes: "Malattie cardiovascolari: nuovi approcci terapeutici e diagnostici.", outcome: "Interesse per un progetto con il Monzino.", interest: Some(Interest::Hot), agreement: Some(AgreementKind::Research), follow_up: Some(("Inviare a NCVC la presentazione dei laboratori del Monzino", "2025-09-15")) },
    MeetingSeed { title: "Incontro con Shionogi", kind: MeetingKind::B2b, starts: "2025-07-10T10:00", ends: "2025-07-10T11:00", place: "Shionogi, Osaka", persons: &["Moser"], contacts: &["Yamamoto"], notes: "Malattie infettive, oncologia, qualità della vita.", outcome: "Prospettive di collaborazione in ambito farmaceutico.", interest: Some(Interest::Warm), agreement: None, follow_up: Some(("Condividere un documento non confidenziale sulle competenze biotech trentine", "2025-08-31")) },
    MeetingSeed { title: "Incontro con OCCI – verticale Life Science", kind: MeetingKind::B2b, starts: "2025-07-10T14:00", ends: "2025-07-10T15:00", place: "OCCI, Osaka", persons: &["Colombo"], contacts: &["田中"], notes: "La Camera presidia la Life Science con una verticale interna.", outcome: "Accordo di partnership da avviare.", interest: Some(Interest::Hot), agreement: Some(AgreementKind::Mou), follow_up: Some(("Proporre a OCCI un percorso di exchange con missioni incrociate", "2025-10-31")) },
];

const BOSTON_MEETINGS: &[MeetingSeed] = &[
    MeetingSeed { title: "Sessione formativa: l'approccio al contesto USA", kind: MeetingKind::Training, starts: "2021-04-20T10:00", ends: "2021-04-20T12:00", place: "Online", persons: &["Galli", "Conti"], contacts: &[], notes: "", outcome: "", interest: None, agreement: None, follow_up: None },
    MeetingSeed { title: "MassChallenge HealthTech: programma di accelerazione", kind: MeetingKind::B2b, starts: "2021-05-11T11:00", ends: "2021-05-11T12:00", place: "Online", persons: &["Conti"], contacts: &["Carter"], notes: "", outcome: "Candidatura alla prossima call.", interest: Some(Interest::Warm), agreement: None, follow_up: None },
    MeetingSeed { title: "Mentoring one-to-one con MassGlobal", kind: MeetingKind::Mentoring, starts: "2021-06-08T09:00", ends: "2021-06-08T10:00", place: "Online", persons: &["Galli"], contacts: &["Bennett"], notes: "Value proposition e potenziali prospect.", outcome: "", interest: None, agreement: None, follow_up: None },
    MeetingSeed { title: "Mass General Brigham – innovation office", kind: MeetingKind::B2b, starts: "2021-09-14T10:00", ends: "2021-09-14T11:00", place: "Online", persons: &["Conti", "Galli"], contacts: &["Rossi", "Raman"], notes: "", outcome: "Interesse per un pilota clinico.", interest: Some(Interest::Hot), agreement: Some(AgreementKind::Pilot), follow_up: Some(("Inviare la proposta di pilota a Mass General Brigham", "2021-10-15")) },
    MeetingSeed { title: "MIT Industrial Liaison Program", kind: MeetingKind::B2b, starts: "2021-10-05T14:00", ends: "2021-10-05T15:00", place: "Online", persons: &["Galli"], contacts: &["Goldberg"], notes: "", outcome: "", interest: Some(Interest::Cold), agreement: None, follow_up: None },
];

fn find<'a, T>(items: &'a [(String, T)], key: &str) -> Result<&'a T> {
    items
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v)
        .ok_or_else(|| Error::not_found(crate::error::Entity::Organisation, key))
}

/// Fills an empty workspace with the demo data. Refuses a workspace that already holds data.
pub fn load(conn: &Connection) -> Result<()> {
    if !workspace::is_empty(conn)? {
        return Err(Error::NotEmpty);
    }
    let mut member_ids = Vec::new();
    for (name, kind, city, region) in MEMBERS {
        let input = MemberInput { name: (*name).into(), kind: *kind, city: (*city).into(), region: (*region).into(), ..Default::default() };
        member_ids.push((name.to_string(), members::create(conn, &input)?.id));
    }
    let mut person_ids = Vec::new();
    for (member, first, last, role, email) in PERSONS {
        let input = PersonInput { first_name: (*first).into(), last_name: (*last).into(), role: (*role).into(), email: (*email).into(), ..Default::default() };
        person_ids.push((last.to_string(), members::add_person(conn, find(&member_ids, member)?, &input)?.id));
    }
    let mut org_ids = Vec::new();
    for (name, kind, country, city) in ORGANISATIONS {
        let input = OrganisationInput { name: (*name).into(), kind: *kind, country: (*country).into(), city: (*city).into(), ..Default::default() };
        org_ids.push((name.to_string(), organisations::create(conn, &input)?.id));
    }
    let mut contact_ids = Vec::new();
    for (org, first, last, reading, role, email, phone, language, source, basis) in CONTACTS {
        // A contact is in its organisation's country unless known otherwise.
        let country = ORGANISATIONS.iter().find(|o| o.0 == *org).map(|o| o.2).unwrap_or_default();
        let input = ContactInput {
            country: country.into(),
            organisation_id: Some(find(&org_ids, org)?.clone()),
            first_name: (*first).into(),
            last_name: (*last).into(),
            name_reading: (*reading).into(),
            role: (*role).into(),
            email: (*email).into(),
            phone: (*phone).into(),
            language: (*language).into(),
            source: (*source).into(),
            lawful_basis: *basis,
            lawful_basis_on: if source.contains("Bridging") { "2021-05-01" } else { "2025-07-10" }.into(),
            ..Default::default()
        };
        contact_ids.push((last.to_string(), contacts::create(conn, &input)?.id));
    }

    let boston = missions::create(conn, &MissionInput {
        title: "Bridging Innovation Program – Digital Health – Boston 2021".into(),
        destination: "Boston".into(),
        country: "US".into(),
        time_zone: "America/New_York".into(),
        starts_on: "2021-04-01".into(),
        ends_on: "2021-12-15".into(),
        status: MissionStatus::Closed,
        online: true,
        objectives: "Conoscere le best practice digital health dell'area di Boston.\n\
            Sessioni formative sull'ecosistema statunitense per rafforzare l'internazionalizzazione.\n\
            Mentoring personalizzato per approcciare l'ecosistema del Massachusetts.\n\
            Networking con laboratori universitari, cliniche, acceleratori e aziende che fanno open innovation.".into(),
        notes: "Programma interamente online, aprile–dicembre 2021: 10 organizzazioni regionali (2 laboratori di ricerca, 8 imprese). \
            Dati dimostrativi: la fonte non nomina i partecipanti, la delegazione qui è illustrativa.".into(),
    })?;
    let osaka = missions::create(conn, &MissionInput {
        title: "Japan Health Expo 2025 — Osaka".into(),
        destination: "Osaka".into(),
        country: "JP".into(),
        time_zone: "Asia/Tokyo".into(),
        starts_on: "2025-07-07".into(),
        ends_on: "2025-07-11".into(),
        status: MissionStatus::Closed,
        online: false,
        objectives: "Costruire un ponte tra gli ecosistemi life science italiano e del Kansai sul tema delle società longeve.\n\
            Identificare partner per progetti di ricerca, innovazione e business in Giappone.\n\
            Avviare accordi con la Camera di Commercio di Osaka e un percorso di exchange.".into(),
        notes: "Missione congiunta di Cluster lombardo scienze della vita e Fondazione HIT, facilitata da Cluster ALISEI.".into(),
    })?;

    for (member, status) in [("PerfeTTO", ParticipationStatus::Confirmed), ("Wise", ParticipationStatus::Confirmed), ("Over SpA", ParticipationStatus::Withdrawn)] {
        missions::set_participation(conn, &boston.id, find(&member_ids, member)?, status, "")?;
    }
    for member in ["Cluster lombardo scienze della vita", "Fondazione Hub Innovazione Trentino (HIT)", "IRCCS Istituto Cardiologico Monzino", "Bracco", "Centro Diagnostico Italiano"] {
        missions::set_participation(conn, &osaka.id, find(&member_ids, member)?, ParticipationStatus::Confirmed, "")?;
    }
    // Every person of a taking-part member travels (or joins online) as a delegate.
    for mission in [&boston, &osaka] {
        for participation in missions::detail(conn, &mission.id)?.participations {
            let status = participation.status;
            for person in members::persons_of(conn, &participation.member_id)? {
                let input = missions::DelegateInput { status: Some(status), ..Default::default() };
                missions::set_delegate(conn, &mission.id, &person.id, &input)?;
            }
        }
    }
    for (org, role) in [("ART-ER", "Organizzatore"), ("MassGlobal", "Mentoring")] {
        missions::add_partner(conn, &boston.id, find(&org_ids, org)?, role)?;
    }
    for (org, role) in [("Assolombarda", "Missione imprenditoriale"), ("Silver Economy Network (SEN)", "Forum AGEVITY"), ("Osaka Chamber of Commerce and Industry (OCCI)", "Partner locale"), ("ICE – Agenzia italiana per il commercio estero", "Padiglione ICE")] {
        missions::add_partner(conn, &osaka.id, find(&org_ids, org)?, role)?;
    }

    for (mission, zone, seeds) in [(&boston, "America/New_York", BOSTON_MEETINGS), (&osaka, "Asia/Tokyo", OSAKA_MEETINGS)] {
        for seed in seeds {
            let meeting = meetings::create(conn, &MeetingInput {
                mission_id: Some(mission.id.clone()),
                title: seed.title.into(),
                kind: seed.kind,
                status: MeetingStatus::Held,
                starts_local: seed.starts.into(),
                ends_local: seed.ends.into(),
                time_zone: zone.into(),
                place: seed.place.into(),
                notes: seed.notes.into(),
                outcome: seed.outcome.into(),
                interest: seed.interest,
                agreement_started: seed.agreement.is_some(),
                agreement_kind: seed.agreement,
                person_ids: seed.persons.iter().map(|p| find(&person_ids, p).cloned()).collect::<Result<_>>()?,
                contact_ids: seed.contacts.iter().map(|c| find(&contact_ids, c).cloned()).collect::<Result<_>>()?,
            })?;
            if let Some((what, due)) = seed.follow_up {
                follow_ups::create(conn, &FollowUpInput {
                    meeting_id: Some(meeting.id.clone()),
                    what: what.into(),
                    owner_person_id: seed.persons.first().map(|p| find(&person_ids, p).cloned()).transpose()?,
                    contact_id: seed.contacts.first().map(|c| find(&contact_ids, c).cloned()).transpose()?,
                    due_on: Some(due.into()),
                })?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    #[test]
    fn the_demo_loads_into_an_empty_workspace_once() {
        let store = Store::open_in_memory().unwrap();
        store.write(|tx| load(tx)).unwrap();
        let counts = store.read(workspace::counts).unwrap();
        assert_eq!(counts.missions, 2);
        assert_eq!(counts.members, MEMBERS.len() as i64);
        assert_eq!(counts.contacts, CONTACTS.len() as i64);
        assert_eq!(counts.meetings, (OSAKA_MEETINGS.len() + BOSTON_MEETINGS.len()) as i64);
        assert!(matches!(store.write(|tx| load(tx)), Err(Error::NotEmpty)));
    }
}
