//! A mission's programme day by day, in the mission's time zone and the coordinator's home zone
//! side by side, with clashes: a delegate or a contact booked in two overlapping items.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use rusqlite::Connection;
use serde::Serialize;

use crate::error::{Error, Reason, Result};
use crate::fields;
use crate::meetings::{self, Meeting, MeetingStatus};
use crate::missions::{self, Mission};

/// Who is double-booked, and in which other item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Clash {
    pub with_meeting_id: String,
    pub with_title: String,
    /// `person` (a delegate) or `contact`.
    pub kind: &'static str,
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AgendaItem {
    pub meeting: Meeting,
    /// Wall-clock times where the mission is, `YYYY-MM-DDTHH:MM`.
    pub local_start: String,
    pub local_end: String,
    /// The same instants at home.
    pub home_start: String,
    pub home_end: String,
    pub clashes: Vec<Clash>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AgendaDay {
    /// The day in the mission's time zone.
    pub date: String,
    pub items: Vec<AgendaItem>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Agenda {
    pub mission: Mission,
    pub home_time_zone: String,
    pub days: Vec<AgendaDay>,
}

pub(crate) fn parse_utc(text: &str) -> Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| Error::invalid("startsAt", Reason::Time))
}

pub(crate) fn wall_clock(t: DateTime<Utc>, tz: Tz) -> String {
    t.with_timezone(&tz).format("%Y-%m-%dT%H:%M").to_string()
}

/// Finds, for every item, the other items it overlaps that share a delegate or a contact.
/// Cancelled items book nobody. Items touching end-to-start (10:00–11:00, 11:00–12:00) do not clash.
pub fn clashes(items: &[Meeting]) -> Result<Vec<Vec<Clash>>> {
    let spans: Vec<(DateTime<Utc>, DateTime<Utc>)> = items
        .iter()
        .map(|m| Ok((parse_utc(&m.starts_at)?, parse_utc(&m.ends_at)?)))
        .collect::<Result<_>>()?;
    let mut out = vec![Vec::new(); items.len()];
    for i in 0..items.len() {
        for j in 0..items.len() {
            let (a, b) = (&items[i], &items[j]);
            if i == j || a.status == MeetingStatus::Cancelled || b.status == MeetingStatus::Cancelled {
                continue;
            }
            let overlap = spans[i].0 < spans[j].1 && spans[j].0 < spans[i].1;
            if !overlap {
                continue;
            }
            for p in a.persons.iter().filter(|p| b.persons.iter().any(|q| q.id == p.id)) {
                out[i].push(Clash { with_meeting_id: b.id.clone(), with_title: b.title.clone(), kind: "person", id: p.id.clone(), name: p.name.clone() });
            }
            for c in a.contacts.iter().filter(|c| b.contacts.iter().any(|d| d.id == c.id)) {
                out[i].push(Clash { with_meeting_id: b.id.clone(), with_title: b.title.clone(), kind: "contact", id: c.id.clone(), name: c.name.clone() });
            }
        }
    }
    Ok(out)
}

/// The agenda of a mission, grouped by local day, each item also shown in `home`.
pub fn of_mission(conn: &Connection, mission_id: &str, home: &str) -> Result<Agenda> {
    let mission = missions::get(conn, mission_id)?;
    let tz = fields::time_zone("timeZone", &mission.time_zone)?;
    let home_tz = fields::time_zone("homeTimeZone", home)?;
    let items = meetings::list_of_mission(conn, mission_id)?;
    let clashes = clashes(&items)?;
    let mut days: Vec<AgendaDay> = Vec::new();
    for (meeting, clashes) in items.into_iter().zip(clashes) {
        let start = parse_utc(&meeting.starts_at)?;
        let end = parse_utc(&meeting.ends_at)?;
        // Items are in each meeting's own zone when it differs from the mission's (an online call
        // planned from Rome), but the day they sit under is the mission's.
        let date: NaiveDate = start.with_timezone(&tz).date_naive();
        let item = AgendaItem {
            local_start: wall_clock(start, tz),
            local_end: wall_clock(end, tz),
            home_start: wall_clock(start, home_tz),
            home_end: wall_clock(end, home_tz),
            clashes,
            meeting,
        };
        match days.last_mut() {
            Some(day) if day.date == date.to_string() => day.items.push(item),
            _ => days.push(AgendaDay { date: date.to_string(), items: vec![item] }),
        }
    }
    Ok(Agenda { mission, home_time_zone: home_tz.name().to_owned(), days })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meetings::{Attendee, MeetingKind};

    fn meeting(id: &str, start: &str, end: &str, persons: &[&str]) -> Meeting {
        Meeting {
            id: id.into(),
            mission_id: None,
            title: id.into(),
            kind: MeetingKind::B2b,
            status: MeetingStatus::Planned,
            starts_at: start.into(),
            ends_at: end.into(),
            time_zone: "Asia/Tokyo".into(),
            place: String::new(),
            notes: String::new(),
            outcome: String::new(),
            interest: None,
            agreement_started: false,
            agreement_kind: None,
            persons: persons.iter().map(|p| Attendee { id: (*p).into(), name: (*p).into(), email: String::new() }).collect(),
            contacts: Vec::new(),
            created_at: "2025-07-01T00:00:00Z".into(),
            updated_at: "2025-07-01T00:00:00Z".into(),
        }
    }

    #[test]
    fn overlapping_items_sharing_a_delegate_clash_on_both_sides() {
        let items = vec![
            meeting("a", "2025-07-08T01:00:00Z", "2025-07-08T02:00:00Z", &["moser"]),
            meeting("b", "2025-07-08T01:30:00Z", "2025-07-08T03:00:00Z", &["moser", "colombo"]),
            meeting("c", "2025-07-08T02:00:00Z", "2025-07-08T03:00:00Z", &["moser"]),
        ];
        let found = clashes(&items).unwrap();
        assert_eq!(found[0].iter().map(|c| c.with_meeting_id.as_str()).collect::<Vec<_>>(), vec!["b"]);
        assert_eq!(found[1].iter().map(|c| c.with_meeting_id.as_str()).collect::<Vec<_>>(), vec!["a", "c"]);
        assert_eq!(found[2].iter().map(|c| c.with_meeting_id.as_str()).collect::<Vec<_>>(), vec!["b"], "a ends when c starts: no clash");
    }

    #[test]
    fn a_cancelled_item_books_nobody() {
        let mut b = meeting("b", "2025-07-08T01:30:00Z", "2025-07-08T03:00:00Z", &["moser"]);
        b.status = MeetingStatus::Cancelled;
        let items = vec![meeting("a", "2025-07-08T01:00:00Z", "2025-07-08T02:00:00Z", &["moser"]), b];
        assert!(clashes(&items).unwrap().iter().all(Vec::is_empty));
    }
}
