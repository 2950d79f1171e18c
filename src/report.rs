//! The mission report for the funder and the board: objectives, the delegation, the programme,
//! the meetings held, the stakeholders met, interest, outcomes and follow-ups — the figures a
//! funder asks for ("how many organisations took part, how many stakeholders and meetings, which
//! agreements started").
//!
//! [`of_mission`] gathers the figures as data (the app renders them itself); [`html`] writes a
//! self-contained page — CSS in one `<style>`, charts as inline SVG, no script, nothing fetched,
//! a CSP that forbids loading anything — that can be mailed or archived as one file. Every piece
//! of user text goes through [`escape_html`]: a contact named `<img src=x onerror=alert(1)>`
//! prints as those characters. The PDF is drawn from the same data by `export::pdf`.

use std::collections::BTreeMap;

use rusqlite::Connection;
use serde::Serialize;

use crate::agenda::{parse_utc, wall_clock};
use crate::error::Result;
use crate::fields;
use crate::meetings::{self, AgreementKind, Interest, Meeting, MeetingStatus};
use crate::members::MemberKind;
use crate::missions::{self, Mission, ParticipationStatus, Partner};
use crate::organisations::OrganisationKind;

/// One bar of a chart: a stable key, the label shown, the count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Count {
    pub key: String,
    pub label: String,
    pub count: i64,
}

/// The numbers at the top of the report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Figures {
    /// Member organisations in the delegation (withdrawn ones aside).
    pub members: i64,
    pub delegates: i64,
    pub meetings_held: i64,
    pub meetings_planned: i64,
    pub meetings_cancelled: i64,
    /// Distinct contacts in meetings held.
    pub stakeholders_met: i64,
    /// Distinct organisations of those contacts.
    pub organisations_met: i64,
    pub countries: i64,
    pub follow_ups_open: i64,
    pub follow_ups_done: i64,
    /// Meetings held that started an agreement.
    pub agreements_started: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DelegationMember {
    pub member_id: String,
    pub name: String,
    pub kind: MemberKind,
    pub status: ParticipationStatus,
    pub delegates: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProgrammeItem {
    pub meeting_id: String,
    pub title: String,
    pub kind: meetings::MeetingKind,
    pub status: MeetingStatus,
    /// Wall-clock times where the mission is, `YYYY-MM-DDTHH:MM`.
    pub local_start: String,
    pub local_end: String,
    pub place: String,
    pub delegates: Vec<String>,
    pub contacts: Vec<String>,
    pub interest: Option<Interest>,
    pub outcome: String,
    pub agreement_started: bool,
    pub agreement_kind: Option<AgreementKind>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProgrammeDay {
    pub date: String,
    pub items: Vec<ProgrammeItem>,
}

/// An organisation met, with the people met there.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Stakeholder {
    pub organisation: String,
    pub kind: Option<OrganisationKind>,
    pub country: String,
    pub contacts: Vec<String>,
}

/// What a held meeting led to, in its own words.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Outcome {
    pub meeting_id: String,
    pub meeting_title: String,
    pub date: String,
    pub interest: Option<Interest>,
    pub outcome: String,
}

/// An agreement started at a meeting held: of which kind, by whom (the delegates present and
/// their member organisations), with whom (the contacts met and their organisations).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AgreementStarted {
    pub meeting_id: String,
    pub meeting_title: String,
    pub date: String,
    pub kind: Option<AgreementKind>,
    pub members: Vec<String>,
    pub delegates: Vec<String>,
    pub contacts: Vec<String>,
    pub organisations: Vec<String>,
    pub outcome: String,
}

/// A meeting on the timeline: minutes from the day's midnight, local time.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TimelineBlock {
    pub meeting_id: String,
    pub title: String,
    pub kind: meetings::MeetingKind,
    pub status: MeetingStatus,
    pub start_minute: i64,
    /// Up to 1440: a meeting running past midnight is drawn to the end of its day.
    pub end_minute: i64,
    /// Held, and started an agreement: marked on the timeline.
    pub agreement_started: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TimelineDay {
    pub date: String,
    /// "Mon 7 Jul", "lun 7 lug".
    pub label: String,
    pub blocks: Vec<TimelineBlock>,
}

/// The mission's days, each a row of meetings over the hours between `first_minute` and
/// `last_minute` (whole hours, at least 08–18). Every day of a mission of up to 31 days is a row,
/// free days too; a longer mission (a programme over months) has a row per day with meetings.
/// No rows when the mission has no meetings.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Timeline {
    pub first_minute: i64,
    pub last_minute: i64,
    pub days: Vec<TimelineDay>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReportFollowUp {
    pub what: String,
    pub owner: Option<String>,
    pub owner_member: Option<String>,
    pub contact: Option<String>,
    pub meeting: Option<String>,
    pub due_on: Option<String>,
    pub done: bool,
}

/// Everything the report shows, for the app to render and for the HTML and PDF writers.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub mission: Mission,
    /// The objectives, one a line as typed.
    pub objectives: Vec<String>,
    pub figures: Figures,
    pub delegation: Vec<DelegationMember>,
    pub delegation_by_kind: Vec<Count>,
    pub partners: Vec<Partner>,
    pub programme: Vec<ProgrammeDay>,
    pub timeline: Timeline,
    pub meetings_by_kind: Vec<Count>,
    pub meetings_by_day: Vec<Count>,
    pub meetings_by_member: Vec<Count>,
    pub stakeholders: Vec<Stakeholder>,
    pub stakeholders_by_country: Vec<Count>,
    pub stakeholders_by_organisation_kind: Vec<Count>,
    /// Interest of the meetings held: hot, warm, cold, not rated.
    pub interest: Vec<Count>,
    pub outcomes: Vec<Outcome>,
    pub agreements: Vec<AgreementStarted>,
    pub agreements_by_kind: Vec<Count>,
    pub follow_ups: Vec<ReportFollowUp>,
    /// `it` or `en`: the language of labels here and in the rendered files.
    pub language: String,
    pub generated_on: String,
}

/// The words of the report in Italian and English.
pub struct Words {
    pub objectives: &'static str,
    pub key_figures: &'static str,
    pub members: &'static str,
    pub delegates: &'static str,
    pub meetings_held: &'static str,
    pub stakeholders_met: &'static str,
    pub organisations_met: &'static str,
    pub countries: &'static str,
    pub follow_ups_open: &'static str,
    pub delegation: &'static str,
    pub by_type: &'static str,
    pub partners: &'static str,
    pub programme: &'static str,
    pub meetings: &'static str,
    pub by_kind: &'static str,
    pub by_day: &'static str,
    pub by_member: &'static str,
    pub stakeholders: &'static str,
    pub by_country: &'static str,
    pub by_organisation_type: &'static str,
    pub interest: &'static str,
    pub outcomes: &'static str,
    pub agreements: &'static str,
    pub agreement_started: &'static str,
    pub timeline: &'static str,
    pub kind: &'static str,
    pub meeting: &'static str,
    pub by: &'static str,
    pub follow_ups: &'static str,
    pub what: &'static str,
    pub owner: &'static str,
    pub due: &'static str,
    pub done: &'static str,
    pub open: &'static str,
    pub none: &'static str,
    pub generated: &'static str,
    pub time: &'static str,
    pub with: &'static str,
    pub not_rated: &'static str,
    pub online: &'static str,
}

pub const EN: Words = Words {
    objectives: "Objectives",
    key_figures: "Key figures",
    members: "Member organisations",
    delegates: "Delegates",
    meetings_held: "Meetings held",
    stakeholders_met: "Stakeholders met",
    organisations_met: "Organisations met",
    countries: "Countries",
    follow_ups_open: "Open follow-ups",
    delegation: "The delegation",
    by_type: "By type",
    partners: "Partners",
    programme: "Programme",
    meetings: "Meetings held",
    by_kind: "By kind",
    by_day: "By day",
    by_member: "By member",
    stakeholders: "Stakeholders met",
    by_country: "By country",
    by_organisation_type: "By organisation type",
    interest: "Interest",
    outcomes: "Outcomes",
    agreements: "Agreements started",
    agreement_started: "agreement started",
    timeline: "Timeline",
    kind: "Kind",
    meeting: "Meeting",
    by: "By",
    follow_ups: "Follow-ups",
    what: "What",
    owner: "Owner",
    due: "Due",
    done: "done",
    open: "open",
    none: "None.",
    generated: "Report generated by Ponte on",
    time: "Time",
    with: "With",
    not_rated: "not rated",
    online: "online",
};

pub const IT: Words = Words {
    objectives: "Obiettivi",
    key_figures: "I numeri",
    members: "Organizzazioni socie",
    delegates: "Delegati",
    meetings_held: "Incontri svolti",
    stakeholders_met: "Stakeholder incontrati",
    organisations_met: "Organizzazioni incontrate",
    countries: "Paesi",
    follow_ups_open: "Follow-up aperti",
    delegation: "La delegazione",
    by_type: "Per tipo",
    partners: "Partner",
    programme: "Programma",
    meetings: "Incontri svolti",
    by_kind: "Per tipo",
    by_day: "Per giorno",
    by_member: "Per socio",
    stakeholders: "Stakeholder incontrati",
    by_country: "Per paese",
    by_organisation_type: "Per tipo di organizzazione",
    interest: "Interesse",
    outcomes: "Esiti",
    agreements: "Accordi avviati",
    agreement_started: "accordo avviato",
    timeline: "Cronologia",
    kind: "Tipo",
    meeting: "Incontro",
    by: "Da parte di",
    follow_ups: "Follow-up",
    what: "Cosa",
    owner: "Referente",
    due: "Scadenza",
    done: "fatto",
    open: "aperto",
    none: "Nessuno.",
    generated: "Rapporto generato da Ponte il",
    time: "Orario",
    with: "Con",
    not_rated: "non indicato",
    online: "online",
};

pub fn words(language: &str) -> &'static Words {
    if language == "it" {
        &IT
    } else {
        &EN
    }
}

/// The label of a stored value (`b2b`, `site_visit`, `hot`...) in `language`.
pub fn label(key: &str, language: &str) -> String {
    let it = language == "it";
    let text = match key {
        "b2b" => "B2B",
        "forum" => "Forum",
        "site_visit" => {
            if it {
                "Visita"
            } else {
                "Site visit"
            }
        }
        "training" => {
            if it {
                "Formazione"
            } else {
                "Training"
            }
        }
        "mentoring" => "Mentoring",
        "networking" => "Networking",
        "hot" => {
            if it {
                "Alto"
            } else {
                "Hot"
            }
        }
        "warm" => {
            if it {
                "Medio"
            } else {
                "Warm"
            }
        }
        "cold" => {
            if it {
                "Basso"
            } else {
                "Cold"
            }
        }
        "mou" => {
            if it {
                "Protocollo d'intesa (MoU)"
            } else {
                "Memorandum of understanding"
            }
        }
        "research" => {
            if it {
                "Collaborazione di ricerca"
            } else {
                "Research collaboration"
            }
        }
        "pilot" => {
            if it {
                "Progetto pilota"
            } else {
                "Pilot"
            }
        }
        "commercial" => {
            if it {
                "Accordo commerciale"
            } else {
                "Commercial agreement"
            }
        }
        "startup" => "Start-up",
        "sme" => {
            if it {
                "PMI"
            } else {
                "SME"
            }
        }
        "large_company" => {
            if it {
                "Grande impresa"
            } else {
                "Large company"
            }
        }
        "research_lab" => {
            if it {
                "Laboratorio di ricerca"
            } else {
                "Research lab"
            }
        }
        "university" => {
            if it {
                "Università"
            } else {
                "University"
            }
        }
        "hospital" => {
            if it {
                "Ospedale / IRCCS"
            } else {
                "Hospital"
            }
        }
        "foundation" => {
            if it {
                "Fondazione"
            } else {
                "Foundation"
            }
        }
        "association" => {
            if it {
                "Associazione"
            } else {
                "Association"
            }
        }
        "research_centre" => {
            if it {
                "Centro di ricerca"
            } else {
                "Research centre"
            }
        }
        "company" => {
            if it {
                "Impresa"
            } else {
                "Company"
            }
        }
        "incubator" => {
            if it {
                "Incubatore"
            } else {
                "Incubator"
            }
        }
        "investor" => {
            if it {
                "Investitore"
            } else {
                "Investor"
            }
        }
        "public_body" => {
            if it {
                "Ente pubblico"
            } else {
                "Public body"
            }
        }
        "chamber" => {
            if it {
                "Camera di commercio"
            } else {
                "Chamber of commerce"
            }
        }
        "other" => {
            if it {
                "Altro"
            } else {
                "Other"
            }
        }
        "" => {
            if it {
                "non indicato"
            } else {
                "not given"
            }
        }
        other => return other.to_owned(),
    };
    text.to_owned()
}

/// Counts turned into chart bars, the largest first, ties in label order.
fn bars(counts: Vec<(String, i64)>, language: &str) -> Vec<Count> {
    let mut out: Vec<Count> = counts
        .into_iter()
        .map(|(key, count)| Count {
            label: label(&key, language),
            key,
            count,
        })
        .collect();
    out.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| a.label.to_lowercase().cmp(&b.label.to_lowercase()))
    });
    out
}

fn tally(map: &mut Vec<(String, i64)>, key: &str) {
    match map.iter_mut().find(|(k, _)| k == key) {
        Some((_, n)) => *n += 1,
        None => map.push((key.to_owned(), 1)),
    }
}

/// The organisation of every contact met in the mission's meetings, by contact id.
fn contact_organisations(conn: &Connection, mission_id: &str) -> Result<BTreeMap<String, String>> {
    let mut stmt = conn.prepare(
        "SELECT DISTINCT c.id, o.name FROM meeting_contacts mc JOIN meetings m ON m.id = mc.meeting_id
         JOIN contacts c ON c.id = mc.contact_id JOIN organisations o ON o.id = c.organisation_id
         WHERE m.mission_id = ?1",
    )?;
    let rows = stmt.query_map([mission_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// "Mon 7 Jul" in English, "lun 7 lug" in Italian.
fn day_label(date: chrono::NaiveDate, language: &str) -> String {
    use chrono::Datelike;
    const DAYS_EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    const DAYS_IT: [&str; 7] = ["lun", "mar", "mer", "gio", "ven", "sab", "dom"];
    const MONTHS_EN: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    const MONTHS_IT: [&str; 12] = [
        "gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic",
    ];
    let (days, months) = if language == "it" {
        (DAYS_IT, MONTHS_IT)
    } else {
        (DAYS_EN, MONTHS_EN)
    };
    format!(
        "{} {} {}",
        days[date.weekday().num_days_from_monday() as usize],
        date.day(),
        months[date.month0() as usize]
    )
}

/// Missions up to this many days long show every day on the timeline.
const TIMELINE_MAX_DAYS: i64 = 31;

/// Lays the programme out as a timeline (see [`Timeline`]).
fn timeline_of(mission: &Mission, programme: &[ProgrammeDay], language: &str) -> Timeline {
    if programme.iter().all(|d| d.items.is_empty()) {
        return Timeline::default();
    }
    let parse = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    let mut dates: Vec<chrono::NaiveDate> = programme.iter().filter_map(|d| parse(&d.date)).collect();
    if let (Some(start), Some(end)) = (parse(&mission.starts_on), parse(&mission.ends_on)) {
        if (end - start).num_days() < TIMELINE_MAX_DAYS {
            dates.extend(start.iter_days().take_while(|d| *d <= end));
        }
    }
    dates.sort_unstable();
    dates.dedup();
    let end_of = |i: &ProgrammeItem| {
        if i.local_end[..10] != i.local_start[..10] {
            24 * 60
        } else {
            minutes(&i.local_end)
        }
    };
    let items = programme.iter().flat_map(|d| d.items.iter());
    let first = items.clone().map(|i| minutes(&i.local_start)).min().unwrap_or(8 * 60).min(8 * 60) / 60 * 60;
    let last = items.map(end_of).max().unwrap_or(18 * 60).max(18 * 60);
    let days = dates
        .into_iter()
        .map(|date| {
            let key = date.to_string();
            let blocks = programme
                .iter()
                .filter(|d| d.date == key)
                .flat_map(|d| d.items.iter())
                .map(|i| TimelineBlock {
                    meeting_id: i.meeting_id.clone(),
                    title: i.title.clone(),
                    kind: i.kind,
                    status: i.status,
                    start_minute: minutes(&i.local_start),
                    end_minute: end_of(i),
                    agreement_started: i.agreement_started && i.status == MeetingStatus::Held,
                })
                .collect();
            TimelineDay { label: day_label(date, language), date: key, blocks }
        })
        .collect();
    Timeline { first_minute: first, last_minute: (last + 59) / 60 * 60, days }
}

/// The report data of a mission, labels in `language` (`it` or `en`).
pub fn of_mission(conn: &Connection, mission_id: &str, language: &str) -> Result<Report> {
    let language = if language == "it" { "it" } else { "en" };
    let detail = missions::detail(conn, mission_id)?;
    let mission = detail.mission;
    let tz = fields::time_zone("timeZone", &mission.time_zone)?;
    let held: Vec<&Meeting> = detail
        .meetings
        .iter()
        .filter(|m| m.status == MeetingStatus::Held)
        .collect();

    // The delegation, withdrawn members aside.
    let mut kinds: BTreeMap<String, MemberKind> = BTreeMap::new();
    let mut stmt = conn.prepare("SELECT id, kind FROM members")?;
    for row in stmt.query_map([], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, MemberKind>(1)?))
    })? {
        let (id, kind) = row?;
        kinds.insert(id, kind);
    }
    let mut delegation = Vec::new();
    let mut by_kind = Vec::new();
    for p in detail
        .participations
        .iter()
        .filter(|p| p.status != ParticipationStatus::Withdrawn)
    {
        let kind = kinds.get(&p.member_id).copied().unwrap_or_default();
        tally(&mut by_kind, kind.as_str());
        delegation.push(DelegationMember {
            member_id: p.member_id.clone(),
            name: p.member_name.clone(),
            kind,
            status: p.status,
            delegates: detail
                .delegates
                .iter()
                .filter(|d| {
                    d.participation_id == p.id && d.status != ParticipationStatus::Withdrawn
                })
                .map(|d| d.name.clone())
                .collect(),
        });
    }

    // Which member each person belongs to, for "meetings by member".
    let mut person_member: BTreeMap<String, (String, String)> = BTreeMap::new();
    let mut stmt = conn
        .prepare("SELECT p.id, m.id, m.name FROM persons p JOIN members m ON m.id = p.member_id")?;
    for row in stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
        ))
    })? {
        let (person, member, name) = row?;
        person_member.insert(person, (member, name));
    }

    let mut programme: Vec<ProgrammeDay> = Vec::new();
    let mut meetings_by_kind = Vec::new();
    let mut meetings_by_day = Vec::new();
    let mut by_member: Vec<(String, i64)> =
        delegation.iter().map(|d| (d.name.clone(), 0)).collect();
    let mut interest = vec![
        ("hot".to_owned(), 0),
        ("warm".to_owned(), 0),
        ("cold".to_owned(), 0),
        ("".to_owned(), 0),
    ];
    let mut outcomes = Vec::new();
    let mut agreements = Vec::new();
    let mut agreements_by_kind = Vec::new();
    let contact_organisation = contact_organisations(conn, &mission.id)?;
    for m in &detail.meetings {
        let start = parse_utc(&m.starts_at)?;
        let end = parse_utc(&m.ends_at)?;
        let date = start.with_timezone(&tz).date_naive().to_string();
        let item = ProgrammeItem {
            meeting_id: m.id.clone(),
            title: m.title.clone(),
            kind: m.kind,
            status: m.status,
            local_start: wall_clock(start, tz),
            local_end: wall_clock(end, tz),
            place: m.place.clone(),
            delegates: m.persons.iter().map(|p| p.name.clone()).collect(),
            contacts: m.contacts.iter().map(|c| c.name.clone()).collect(),
            interest: m.interest,
            outcome: m.outcome.clone(),
            agreement_started: m.agreement_started,
            agreement_kind: m.agreement_kind,
        };
        match programme.last_mut() {
            Some(day) if day.date == date => day.items.push(item),
            _ => programme.push(ProgrammeDay {
                date: date.clone(),
                items: vec![item],
            }),
        }
        if m.status != MeetingStatus::Held {
            continue;
        }
        tally(&mut meetings_by_kind, m.kind.as_str());
        tally(&mut meetings_by_day, &date);
        let mut members_here: Vec<&str> = m
            .persons
            .iter()
            .filter_map(|p| person_member.get(&p.id))
            .map(|(_, name)| name.as_str())
            .collect();
        members_here.sort_unstable();
        members_here.dedup();
        for name in &members_here {
            tally(&mut by_member, name);
        }
        if m.agreement_started {
            tally(
                &mut agreements_by_kind,
                m.agreement_kind.map(|k| k.as_str()).unwrap_or(""),
            );
            let mut organisations: Vec<String> = Vec::new();
            for c in &m.contacts {
                if let Some(name) = contact_organisation.get(&c.id) {
                    if !organisations.contains(name) {
                        organisations.push(name.clone());
                    }
                }
            }
            agreements.push(AgreementStarted {
                meeting_id: m.id.clone(),
                meeting_title: m.title.clone(),
                date: date.clone(),
                kind: m.agreement_kind,
                members: members_here.iter().map(|n| (*n).to_owned()).collect(),
                delegates: m.persons.iter().map(|p| p.name.clone()).collect(),
                contacts: m.contacts.iter().map(|c| c.name.clone()).collect(),
                organisations,
                outcome: m.outcome.clone(),
            });
        }
        tally(&mut interest, m.interest.map(|i| i.as_str()).unwrap_or(""));
        if !m.outcome.trim().is_empty() {
            outcomes.push(Outcome {
                meeting_id: m.id.clone(),
                meeting_title: m.title.clone(),
                date: date.clone(),
                interest: m.interest,
                outcome: m.outcome.clone(),
            });
        }
    }
    let meetings_by_day: Vec<Count> = meetings_by_day
        .into_iter()
        .map(|(key, count)| Count {
            label: key.clone(),
            key,
            count,
        })
        .collect();
    let interest: Vec<Count> = interest
        .into_iter()
        .map(|(key, count)| Count {
            label: if key.is_empty() {
                words(language).not_rated.to_owned()
            } else {
                label(&key, language)
            },
            key,
            count,
        })
        .collect();

    // Stakeholders: the distinct contacts of the meetings held, by organisation.
    let mut stmt = conn.prepare(
        "SELECT DISTINCT c.id, c.first_name, c.last_name, c.country, o.name AS organisation, o.kind, o.country AS organisation_country
         FROM meeting_contacts mc JOIN meetings m ON m.id = mc.meeting_id JOIN contacts c ON c.id = mc.contact_id
         LEFT JOIN organisations o ON o.id = c.organisation_id
         WHERE m.mission_id = ?1 AND m.status = 'held'
         ORDER BY o.name COLLATE NOCASE, c.last_name COLLATE NOCASE, c.first_name COLLATE NOCASE",
    )?;
    let rows = stmt.query_map([&mission.id], |r| {
        let first: String = r.get("first_name")?;
        let last: String = r.get("last_name")?;
        let own: String = r.get("country")?;
        let org_country: Option<String> = r.get("organisation_country")?;
        Ok((
            fields::display_name(&first, &last),
            if own.is_empty() {
                org_country.unwrap_or_default()
            } else {
                own
            },
            r.get::<_, Option<String>>("organisation")?,
            r.get::<_, Option<OrganisationKind>>("kind")?,
        ))
    })?;
    let mut stakeholders: Vec<Stakeholder> = Vec::new();
    let mut by_country = Vec::new();
    let mut by_org_kind = Vec::new();
    let mut contacts_met = 0;
    for row in rows {
        let (name, country, organisation, kind) = row?;
        contacts_met += 1;
        tally(&mut by_country, &country);
        tally(
            &mut by_org_kind,
            kind.map(|k| k.as_str()).unwrap_or("other"),
        );
        let organisation = organisation.unwrap_or_default();
        match stakeholders
            .iter_mut()
            .find(|s| s.organisation == organisation)
        {
            Some(s) => s.contacts.push(name),
            None => stakeholders.push(Stakeholder {
                organisation,
                kind,
                country,
                contacts: vec![name],
            }),
        }
    }

    let today = chrono::Local::now().date_naive();
    let filter = crate::follow_ups::Filter {
        mission_id: Some(mission.id.clone()),
        include_done: true,
        ..Default::default()
    };
    let follow_ups: Vec<ReportFollowUp> = crate::follow_ups::list(conn, &filter, today)?
        .into_iter()
        .map(|f| ReportFollowUp {
            what: f.follow_up.what,
            owner: f.owner_name,
            owner_member: f.owner_member_name,
            contact: f.contact_name,
            meeting: f.meeting_title,
            due_on: f.follow_up.due_on,
            done: f.follow_up.done_at.is_some(),
        })
        .collect();

    let figures = Figures {
        members: delegation.len() as i64,
        delegates: detail.figures.delegates,
        meetings_held: held.len() as i64,
        meetings_planned: detail.figures.meetings_planned,
        meetings_cancelled: detail
            .meetings
            .iter()
            .filter(|m| m.status == MeetingStatus::Cancelled)
            .count() as i64,
        stakeholders_met: contacts_met,
        organisations_met: stakeholders
            .iter()
            .filter(|s| !s.organisation.is_empty())
            .count() as i64,
        countries: by_country.iter().filter(|(k, _)| !k.is_empty()).count() as i64,
        follow_ups_open: follow_ups.iter().filter(|f| !f.done).count() as i64,
        follow_ups_done: follow_ups.iter().filter(|f| f.done).count() as i64,
        agreements_started: agreements.len() as i64,
    };
    let timeline = timeline_of(&mission, &programme, language);
    Ok(Report {
        objectives: mission
            .objectives
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect(),
        figures,
        delegation,
        delegation_by_kind: bars(by_kind, language),
        partners: detail.partners,
        programme,
        timeline,
        meetings_by_kind: bars(meetings_by_kind, language),
        meetings_by_day,
        meetings_by_member: bars(by_member, language),
        stakeholders,
        stakeholders_by_country: bars(by_country, language),
        stakeholders_by_organisation_kind: bars(by_org_kind, language),
        interest,
        outcomes,
        agreements,
        agreements_by_kind: bars(agreements_by_kind, language),
        follow_ups,
        language: language.to_owned(),
        generated_on: today.to_string(),
        mission,
    })
}

/// The files a report can be saved as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReportFormat {
    Html,
    Pdf,
}

impl ReportFormat {
    /// From a file name's extension (`.html`, `.htm`, `.pdf`).
    pub fn from_path(path: &std::path::Path) -> Option<ReportFormat> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "html" | "htm" => Some(ReportFormat::Html),
            "pdf" => Some(ReportFormat::Pdf),
            _ => None,
        }
    }
}

/// The report of a mission rendered as `format`.
pub fn render(
    conn: &Connection,
    mission_id: &str,
    language: &str,
    format: ReportFormat,
) -> Result<Vec<u8>> {
    let report = of_mission(conn, mission_id, language)?;
    match format {
        ReportFormat::Html => Ok(html(&report).into_bytes()),
        ReportFormat::Pdf => crate::export::pdf::report(&report),
    }
}

/// A file name for the report, e.g. `japan-health-expo-2025-osaka-report.pdf`.
pub fn file_name(conn: &Connection, mission_id: &str, format: ReportFormat) -> Result<String> {
    let title = missions::get(conn, mission_id)?.title;
    let ext = if format == ReportFormat::Pdf {
        "pdf"
    } else {
        "html"
    };
    Ok(format!("{}-report.{ext}", crate::export::file_stem(&title)))
}

/// Escapes text for HTML element content and attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The colours of the charts, one per series position; readable in print and for colour-blind
/// readers (Okabe–Ito).
pub const PALETTE: &[&str] = &[
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
];

/// A horizontal bar chart as inline SVG.
pub fn bar_chart(title: &str, bars: &[Count]) -> String {
    let row = 22;
    let label_w = 230;
    let bar_w = 320.0;
    let height = bars.len() * row + 8;
    let max = bars.iter().map(|b| b.count).max().unwrap_or(0).max(1) as f64;
    let mut svg = format!(
        "<svg class=\"chart\" role=\"img\" aria-label=\"{}\" viewBox=\"0 0 {} {height}\" width=\"{}\" height=\"{height}\">",
        escape_html(title),
        label_w + bar_w as usize + 50,
        label_w + bar_w as usize + 50
    );
    for (i, b) in bars.iter().enumerate() {
        let y = i * row + 4;
        let w = (b.count as f64 / max * bar_w).round();
        let label: String = if b.label.chars().count() > 34 {
            b.label.chars().take(33).chain(['…']).collect()
        } else {
            b.label.clone()
        };
        svg.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text><rect x=\"{}\" y=\"{}\" width=\"{w}\" height=\"{}\" fill=\"{}\"><title>{}: {}</title></rect><text x=\"{}\" y=\"{}\">{}</text>",
            label_w - 8,
            y + 14,
            escape_html(&label),
            label_w,
            y + 2,
            row - 6,
            PALETTE[0],
            escape_html(&b.label),
            b.count,
            label_w as f64 + w + 6.0,
            y + 14,
            b.count
        ));
    }
    svg.push_str("</svg>");
    svg
}

fn minutes(local: &str) -> i64 {
    let h: i64 = local.get(11..13).and_then(|s| s.parse().ok()).unwrap_or(0);
    let m: i64 = local.get(14..16).and_then(|s| s.parse().ok()).unwrap_or(0);
    h * 60 + m
}

/// The colour of a meeting kind on the timeline and its legend.
pub fn kind_colour(kind: meetings::MeetingKind) -> &'static str {
    let i = meetings::MeetingKind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
    PALETTE[i % PALETTE.len()]
}

/// The colour of the marks of agreements started.
pub const AGREEMENT_COLOUR: &str = "#222222";

/// The programme as a timeline: a row per day, a block per meeting from its start to its end
/// (local time), coloured by kind, a diamond where an agreement was started. Items running past
/// midnight are drawn to the end of the row.
pub fn timeline(report: &Report) -> String {
    let t = &report.timeline;
    if t.days.is_empty() {
        return String::new();
    }
    let (first, last) = (t.first_minute, t.last_minute);
    let (label_w, width, row) = (96.0, 560.0, 30.0);
    let scale = width / (last - first).max(60) as f64;
    let height = t.days.len() as f64 * row + 28.0;
    let mut svg = format!(
        "<svg class=\"chart\" role=\"img\" aria-label=\"{}\" viewBox=\"0 0 {w} {height}\" width=\"{w}\" height=\"{height}\">",
        words(&report.language).timeline,
        w = label_w + width + 10.0
    );
    let mut hour = first;
    while hour <= last {
        let x = label_w + (hour - first) as f64 * scale;
        svg.push_str(&format!(
            "<line x1=\"{x:.1}\" y1=\"18\" x2=\"{x:.1}\" y2=\"{height}\" stroke=\"#ddd\"/><text x=\"{x:.1}\" y=\"12\" text-anchor=\"middle\" class=\"small\">{:02}</text>",
            hour / 60
        ));
        hour += 120;
    }
    let agreement = words(&report.language).agreement_started;
    for (d, day) in t.days.iter().enumerate() {
        let y = 20.0 + d as f64 * row;
        svg.push_str(&format!(
            "<text x=\"0\" y=\"{:.1}\" data-date=\"{}\">{}</text>",
            y + 18.0,
            escape_html(&day.date),
            escape_html(&day.label)
        ));
        for b in &day.blocks {
            let x = label_w + (b.start_minute - first) as f64 * scale;
            let w = ((b.end_minute - b.start_minute).max(15) as f64 * scale).max(3.0);
            let opacity = if b.status == MeetingStatus::Cancelled {
                "0.3"
            } else {
                "0.9"
            };
            svg.push_str(&format!(
                "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{w:.1}\" height=\"{:.1}\" rx=\"3\" fill=\"{}\" fill-opacity=\"{opacity}\"><title>{} {:02}:{:02}–{:02}:{:02} {}</title></rect>",
                y + 4.0,
                row - 8.0,
                kind_colour(b.kind),
                escape_html(&day.date),
                b.start_minute / 60,
                b.start_minute % 60,
                b.end_minute / 60,
                b.end_minute % 60,
                escape_html(&b.title)
            ));
            if b.agreement_started {
                let (cx, cy, r) = (x + w, y + row / 2.0, 6.0);
                svg.push_str(&format!(
                    "<polygon class=\"agreement\" points=\"{:.1},{cy:.1} {cx:.1},{:.1} {:.1},{cy:.1} {cx:.1},{:.1}\" fill=\"{AGREEMENT_COLOUR}\" stroke=\"#fff\"><title>{}: {agreement}</title></polygon>",
                    cx - r,
                    cy - r,
                    cx + r,
                    cy + r,
                    escape_html(&b.title)
                ));
            }
        }
    }
    svg.push_str("</svg>");
    svg
}

const STYLE: &str = "
body{font-family:'Noto Sans','DejaVu Sans',Arial,sans-serif;color:#222;max-width:960px;margin:2rem auto;padding:0 1rem;line-height:1.45}
h1{font-size:1.7rem;margin-bottom:.2rem}h2{font-size:1.25rem;border-bottom:2px solid #0072B2;padding-bottom:.2rem;margin-top:2rem}
h3{font-size:1rem;margin:1rem 0 .3rem}.sub{color:#555;margin-top:0}
.figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:.6rem;padding:0;list-style:none}
.figures li{border:1px solid #ddd;border-radius:6px;padding:.6rem}.figures b{display:block;font-size:1.6rem;color:#0072B2}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border-bottom:1px solid #e3e3e3;text-align:left;padding:.3rem .4rem;vertical-align:top}
th{background:#f4f6f8}.chart{max-width:100%;height:auto;font-size:12px}.chart .small{font-size:10px;fill:#666}
.legend span{display:inline-block;margin-right:1rem}.legend i{display:inline-block;width:.8rem;height:.8rem;margin-right:.3rem;vertical-align:middle}.legend i.diamond{transform:rotate(45deg) scale(.75)}
.muted{color:#777}.pre{white-space:pre-wrap}footer{margin-top:3rem;color:#777;font-size:.85rem}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}table,svg{break-inside:avoid}}
";

fn list_text(items: &[String]) -> String {
    escape_html(&items.join(", "))
}

/// The key figures as (label, number), in the order the HTML and the PDF show them.
pub fn key_figures(report: &Report) -> [(&'static str, i64); 8] {
    let w = words(&report.language);
    let f = &report.figures;
    [
        (w.members, f.members),
        (w.delegates, f.delegates),
        (w.meetings_held, f.meetings_held),
        (w.stakeholders_met, f.stakeholders_met),
        (w.organisations_met, f.organisations_met),
        (w.countries, f.countries),
        (w.agreements, f.agreements_started),
        (w.follow_ups_open, f.follow_ups_open),
    ]
}

/// The report as one self-contained HTML page.
pub fn html(report: &Report) -> String {
    let w = words(&report.language);
    let lang = &report.language;
    let m = &report.mission;
    let mut h = String::with_capacity(32 * 1024);
    h.push_str("<!DOCTYPE html>\n<html lang=\"");
    h.push_str(lang);
    h.push_str("\"><head><meta charset=\"utf-8\">");
    // Even if some text slipped through unescaped, the page may load and run nothing.
    h.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">");
    h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    h.push_str(&format!(
        "<title>{}</title><style>{STYLE}</style></head><body>",
        escape_html(&m.title)
    ));
    let place = if m.online {
        w.online.to_owned()
    } else {
        [m.destination.as_str(), m.country.as_str()]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(", ")
    };
    h.push_str(&format!(
        "<header><h1>{}</h1><p class=\"sub\">{} · {} – {} · {}</p></header>",
        escape_html(&m.title),
        escape_html(&place),
        escape_html(&m.starts_on),
        escape_html(&m.ends_on),
        escape_html(&m.time_zone)
    ));
    if !report.objectives.is_empty() {
        h.push_str(&format!("<section><h2>{}</h2><ul>", w.objectives));
        for o in &report.objectives {
            h.push_str(&format!("<li>{}</li>", escape_html(o)));
        }
        h.push_str("</ul></section>");
    }
    h.push_str(&format!(
        "<section><h2>{}</h2><ul class=\"figures\">",
        w.key_figures
    ));
    for (label, n) in key_figures(report) {
        h.push_str(&format!("<li><b>{n}</b>{label}</li>"));
    }
    h.push_str("</ul></section>");

    h.push_str(&format!("<section><h2>{}</h2><table><tbody>", w.delegation));
    for d in &report.delegation {
        h.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape_html(&d.name),
            escape_html(&label(d.kind.as_str(), lang)),
            list_text(&d.delegates)
        ));
    }
    h.push_str("</tbody></table>");
    h.push_str(&format!(
        "<h3>{}</h3>{}",
        w.by_type,
        bar_chart(w.by_type, &report.delegation_by_kind)
    ));
    if !report.partners.is_empty() {
        h.push_str(&format!("<h3>{}</h3><ul>", w.partners));
        for p in &report.partners {
            let role = if p.role.is_empty() {
                String::new()
            } else {
                format!(" — {}", escape_html(&p.role))
            };
            h.push_str(&format!(
                "<li>{}{role}</li>",
                escape_html(&p.organisation_name)
            ));
        }
        h.push_str("</ul>");
    }
    h.push_str("</section>");

    h.push_str(&format!(
        "<section><h2>{}</h2>{}",
        w.programme,
        timeline(report)
    ));
    h.push_str("<p class=\"legend\">");
    for k in crate::meetings::MeetingKind::ALL {
        h.push_str(&format!(
            "<span><i style=\"background:{}\"></i>{}</span>",
            kind_colour(*k),
            escape_html(&label(k.as_str(), lang))
        ));
    }
    h.push_str(&format!(
        "<span><i class=\"diamond\" style=\"background:{AGREEMENT_COLOUR}\"></i>{}</span></p>",
        w.agreement_started
    ));
    for day in &report.programme {
        h.push_str(&format!(
            "<h3>{}</h3><table><tbody>",
            escape_html(&day.date)
        ));
        for i in &day.items {
            let status = if i.status == MeetingStatus::Held {
                String::new()
            } else {
                format!(" <span class=\"muted\">({})</span>", i.status.as_str())
            };
            h.push_str(&format!(
                "<tr><td>{}–{}</td><td><b>{}</b>{status}<br><span class=\"muted\">{} · {}</span></td><td>{}<br>{}</td></tr>",
                escape_html(&i.local_start[11..]),
                escape_html(&i.local_end[11..]),
                escape_html(&i.title),
                escape_html(&label(i.kind.as_str(), lang)),
                escape_html(&i.place),
                list_text(&i.delegates),
                list_text(&i.contacts)
            ));
        }
        h.push_str("</tbody></table>");
    }
    h.push_str("</section>");

    h.push_str(&format!("<section><h2>{}</h2>", w.meetings));
    for (title, bars) in [
        (w.by_kind, &report.meetings_by_kind),
        (w.by_day, &report.meetings_by_day),
        (w.by_member, &report.meetings_by_member),
    ] {
        h.push_str(&format!("<h3>{title}</h3>{}", bar_chart(title, bars)));
    }
    h.push_str("</section>");

    h.push_str(&format!("<section><h2>{}</h2>", w.stakeholders));
    for (title, bars) in [
        (w.by_country, &report.stakeholders_by_country),
        (
            w.by_organisation_type,
            &report.stakeholders_by_organisation_kind,
        ),
    ] {
        h.push_str(&format!("<h3>{title}</h3>{}", bar_chart(title, bars)));
    }
    h.push_str("<table><tbody>");
    for s in &report.stakeholders {
        h.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape_html(&s.organisation),
            escape_html(&label(s.kind.map(|k| k.as_str()).unwrap_or(""), lang)),
            escape_html(&s.country),
            list_text(&s.contacts)
        ));
    }
    h.push_str("</tbody></table></section>");

    h.push_str(&format!(
        "<section><h2>{}</h2>{}</section>",
        w.interest,
        bar_chart(w.interest, &report.interest)
    ));

    h.push_str(&format!("<section><h2>{}</h2>", w.outcomes));
    if report.outcomes.is_empty() {
        h.push_str(&format!("<p>{}</p>", w.none));
    } else {
        h.push_str("<ul>");
        for o in &report.outcomes {
            h.push_str(&format!(
                "<li><b>{}</b> ({}): <span class=\"pre\">{}</span></li>",
                escape_html(&o.meeting_title),
                escape_html(&o.date),
                escape_html(&o.outcome)
            ));
        }
        h.push_str("</ul>");
    }
    h.push_str("</section>");

    h.push_str(&agreements_html(report));

    h.push_str(&format!("<section><h2>{}</h2>", w.follow_ups));
    h.push_str(&follow_ups_table(&report.follow_ups, lang));
    h.push_str("</section>");
    h.push_str(&format!(
        "<footer>{} {}</footer></body></html>\n",
        w.generated,
        escape_html(&report.generated_on)
    ));
    h
}

/// The agreements started: their count by kind as bars, and a table of what, by whom, with whom.
fn agreements_html(report: &Report) -> String {
    let w = words(&report.language);
    let lang = report.language.as_str();
    let mut h = format!("<section><h2>{}</h2>", w.agreements);
    if report.agreements.is_empty() {
        h.push_str(&format!("<p>{}</p></section>", w.none));
        return h;
    }
    h.push_str(&format!(
        "<h3>{}</h3>{}",
        w.by_kind,
        bar_chart(w.by_kind, &report.agreements_by_kind)
    ));
    h.push_str(&format!(
        "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        w.meeting, w.kind, w.by, w.with
    ));
    for a in &report.agreements {
        let outcome = if a.outcome.trim().is_empty() {
            String::new()
        } else {
            format!("<br><span class=\"muted pre\">{}</span>", escape_html(&a.outcome))
        };
        h.push_str(&format!(
            "<tr class=\"agreement\"><td><b>{}</b> <span class=\"muted\">{}</span>{outcome}</td><td>{}</td><td>{}<br><span class=\"muted\">{}</span></td><td>{}<br><span class=\"muted\">{}</span></td></tr>",
            escape_html(&a.meeting_title),
            escape_html(&a.date),
            escape_html(&label(a.kind.map(|k| k.as_str()).unwrap_or(""), lang)),
            list_text(&a.delegates),
            list_text(&a.members),
            list_text(&a.contacts),
            list_text(&a.organisations)
        ));
    }
    h.push_str("</tbody></table></section>");
    h
}

/// A table of follow-ups (also used by the per-member pack).
pub fn follow_ups_table(items: &[ReportFollowUp], language: &str) -> String {
    let w = words(language);
    if items.is_empty() {
        return format!("<p>{}</p>", w.none);
    }
    let mut h = format!(
        "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th></th></tr></thead><tbody>",
        w.what, w.owner, w.due
    );
    for f in items {
        let owner = match (&f.owner, &f.owner_member) {
            (Some(o), Some(m)) => format!("{o} ({m})"),
            (Some(o), None) => o.clone(),
            _ => String::new(),
        };
        h.push_str(&format!(
            "<tr><td class=\"pre\">{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape_html(&f.what),
            escape_html(&owner),
            escape_html(f.due_on.as_deref().unwrap_or("")),
            if f.done { w.done } else { w.open }
        ));
    }
    h.push_str("</tbody></table>");
    h
}

/// The page shell (head with the report's CSS) around `body`, for other self-contained pages.
pub fn page(title: &str, language: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{}</title><style>{STYLE}</style></head><body>{body}</body></html>\n",
        if language == "it" { "it" } else { "en" },
        escape_html(title)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_text_is_escaped() {
        assert_eq!(
            escape_html("<img src=x onerror=alert(1)> & \"'"),
            "&lt;img src=x onerror=alert(1)&gt; &amp; &quot;&#39;"
        );
    }

    #[test]
    fn a_bar_chart_escapes_its_labels_and_scales_to_the_largest_count() {
        let svg = bar_chart(
            "t",
            &[
                Count {
                    key: "a".into(),
                    label: "<b>".into(),
                    count: 4,
                },
                Count {
                    key: "b".into(),
                    label: "b".into(),
                    count: 2,
                },
            ],
        );
        assert!(svg.contains("&lt;b&gt;") && !svg.contains("<b>"));
        assert!(
            svg.contains("width=\"320\"") && svg.contains("width=\"160\""),
            "{svg}"
        );
    }
}
