//! Meetings: agenda items planned for a mission and encounters logged on the spot, with the
//! delegates and contacts who took part.
//!
//! A meeting is typed in local time where it happens ("10:00 in Osaka") and stored as a UTC
//! instant plus the IANA zone, so it can be shown both in the mission's zone and at home.

use chrono::{DateTime, LocalResult, NaiveDateTime, SecondsFormat, TimeZone, Utc};
use chrono_tz::Tz;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use crate::error::{Entity, Error, Reason, Result};
use crate::fields::{self, text_enum};

text_enum!(
    MeetingKind {
        B2b = "b2b",
        Forum = "forum",
        SiteVisit = "site_visit",
        Training = "training",
        Mentoring = "mentoring",
        Networking = "networking",
        Other = "other",
    }
);

#[allow(clippy::derivable_impls)] // text_enum! declares the enum, so #[default] cannot be used
impl Default for MeetingKind {
    fn default() -> Self {
        MeetingKind::B2b
    }
}

text_enum!(
    MeetingStatus {
        Planned = "planned",
        Held = "held",
        Cancelled = "cancelled",
    }
);

#[allow(clippy::derivable_impls)] // text_enum! declares the enum, so #[default] cannot be used
impl Default for MeetingStatus {
    fn default() -> Self {
        MeetingStatus::Planned
    }
}

text_enum!(
    Interest {
        Hot = "hot",
        Warm = "warm",
        Cold = "cold",
    }
);

// The kind of agreement a meeting started, the categories a funder's report counts: a
// memorandum of understanding or letter of intent, a joint research project, a pilot or trial of
// a member's product, a commercial deal (distribution, licensing, supply), or other.
text_enum!(
    /// What kind of agreement a meeting started.
    AgreementKind {
        Mou = "mou",
        Research = "research",
        Pilot = "pilot",
        Commercial = "commercial",
        Other = "other",
    }
);

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Attendee {
    pub id: String,
    pub name: String,
    pub email: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Meeting {
    pub id: String,
    pub mission_id: Option<String>,
    pub title: String,
    pub kind: MeetingKind,
    pub status: MeetingStatus,
    pub starts_at: String,
    pub ends_at: String,
    pub time_zone: String,
    pub place: String,
    pub notes: String,
    pub outcome: String,
    pub interest: Option<Interest>,
    /// The meeting started an agreement (with its contacts and their organisations).
    pub agreement_started: bool,
    /// Its kind, when known; always `None` when no agreement was started.
    pub agreement_kind: Option<AgreementKind>,
    pub persons: Vec<Attendee>,
    pub contacts: Vec<Attendee>,
    pub created_at: String,
    pub updated_at: String,
}

impl Meeting {
    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(Meeting {
            id: row.get("id")?,
            mission_id: row.get("mission_id")?,
            title: row.get("title")?,
            kind: row.get("kind")?,
            status: row.get("status")?,
            starts_at: row.get("starts_at")?,
            ends_at: row.get("ends_at")?,
            time_zone: row.get("time_zone")?,
            place: row.get("place")?,
            notes: row.get("notes")?,
            outcome: row.get("outcome")?,
            interest: row.get("interest")?,
            agreement_started: row.get("agreement_started")?,
            agreement_kind: row.get("agreement_kind")?,
            persons: Vec::new(),
            contacts: Vec::new(),
            created_at: row.get("created_at")?,
            updated_at: row.get("updated_at")?,
        })
    }
}

/// A meeting as typed: local wall-clock start and end (`YYYY-MM-DDTHH:MM`) in `time_zone`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct MeetingInput {
    pub mission_id: Option<String>,
    pub title: String,
    pub kind: MeetingKind,
    pub status: MeetingStatus,
    pub starts_local: String,
    pub ends_local: String,
    pub time_zone: String,
    pub place: String,
    pub notes: String,
    pub outcome: String,
    pub interest: Option<Interest>,
    pub agreement_started: bool,
    /// Kept only with `agreement_started`; ignored otherwise.
    pub agreement_kind: Option<AgreementKind>,
    pub person_ids: Vec<String>,
    pub contact_ids: Vec<String>,
}

/// Turns a wall-clock time in `tz` into a UTC instant. A time that falls in a DST gap does not
/// exist and is refused; one that happens twice (clocks going back) means the first.
pub fn local_to_utc(field: &'static str, local: &str, tz: Tz) -> Result<DateTime<Utc>> {
    let naive = NaiveDateTime::parse_from_str(local.trim(), "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(local.trim(), "%Y-%m-%dT%H:%M:%S"))
        .map_err(|_| Error::invalid(field, Reason::Time))?;
    match tz.from_local_datetime(&naive) {
        LocalResult::Single(t) => Ok(t.with_timezone(&Utc)),
        LocalResult::Ambiguous(first, _) => Ok(first.with_timezone(&Utc)),
        LocalResult::None => Err(Error::invalid(field, Reason::Time)),
    }
}

/// The stored form of an instant: `YYYY-MM-DDTHH:MM:SSZ`, whose text order is time order.
pub fn utc_text(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

pub fn get(conn: &Connection, id: &str) -> Result<Meeting> {
    let mut meeting = conn
        .query_row("SELECT * FROM meetings WHERE id = ?1", [id], Meeting::from_row)
        .optional()?
        .ok_or_else(|| Error::not_found(Entity::Meeting, id))?;
    fill_attendees(conn, std::slice::from_mut(&mut meeting))?;
    Ok(meeting)
}

fn fill_attendees(conn: &Connection, meetings: &mut [Meeting]) -> Result<()> {
    let mut persons = conn.prepare(
        "SELECT p.id, p.first_name, p.last_name, p.email FROM meeting_persons mp
         JOIN persons p ON p.id = mp.person_id WHERE mp.meeting_id = ?1
         ORDER BY p.last_name COLLATE NOCASE",
    )?;
    let mut contacts = conn.prepare(
        "SELECT c.id, c.first_name, c.last_name, c.email FROM meeting_contacts mc
         JOIN contacts c ON c.id = mc.contact_id WHERE mc.meeting_id = ?1
         ORDER BY c.last_name COLLATE NOCASE",
    )?;
    let attendee = |row: &Row<'_>| {
        let first: String = row.get("first_name")?;
        let last: String = row.get("last_name")?;
        Ok(Attendee { id: row.get("id")?, name: fields::display_name(&first, &last), email: row.get("email")? })
    };
    for m in meetings {
        m.persons = persons.query_map([&m.id], attendee)?.collect::<rusqlite::Result<_>>()?;
        m.contacts = contacts.query_map([&m.id], attendee)?.collect::<rusqlite::Result<_>>()?;
    }
    Ok(())
}

fn query(conn: &Connection, sql: &str, key: &str) -> Result<Vec<Meeting>> {
    let mut stmt = conn.prepare(sql)?;
    let mut meetings = stmt.query_map([key], Meeting::from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    fill_attendees(conn, &mut meetings)?;
    Ok(meetings)
}

/// The mission's agenda and log, in time order.
pub fn list_of_mission(conn: &Connection, mission_id: &str) -> Result<Vec<Meeting>> {
    query(conn, "SELECT * FROM meetings WHERE mission_id = ?1 ORDER BY starts_at, title", mission_id)
}

/// Every meeting a contact took part in, newest first.
pub fn list_with_contact(conn: &Connection, contact_id: &str) -> Result<Vec<Meeting>> {
    query(
        conn,
        "SELECT m.* FROM meetings m JOIN meeting_contacts mc ON mc.meeting_id = m.id
         WHERE mc.contact_id = ?1 ORDER BY m.starts_at DESC",
        contact_id,
    )
}

/// The validated columns of a meeting.
struct Clean {
    title: String,
    tz: Tz,
    starts: DateTime<Utc>,
    ends: DateTime<Utc>,
    place: String,
    notes: String,
    outcome: String,
    agreement_kind: Option<AgreementKind>,
}

fn clean(conn: &Connection, input: &MeetingInput) -> Result<Clean> {
    let title = fields::required("title", &input.title)?;
    let tz = fields::time_zone("timeZone", &input.time_zone)?;
    let starts = local_to_utc("startsLocal", &input.starts_local, tz)?;
    let ends = local_to_utc("endsLocal", &input.ends_local, tz)?;
    if ends < starts {
        return Err(Error::invalid("endsLocal", Reason::DateOrder));
    }
    if let Some(mission_id) = input.mission_id.as_deref() {
        crate::missions::get(conn, mission_id)?;
    }
    for person_id in &input.person_ids {
        crate::members::get_person(conn, person_id)?;
    }
    for contact_id in &input.contact_ids {
        crate::contacts::get(conn, contact_id)?;
    }
    Ok(Clean {
        title,
        tz,
        starts,
        ends,
        place: fields::line("place", &input.place)?,
        notes: fields::notes("notes", &input.notes)?,
        outcome: fields::notes("outcome", &input.outcome)?,
        agreement_kind: input.agreement_kind.filter(|_| input.agreement_started),
    })
}

fn set_attendees(conn: &Connection, id: &str, input: &MeetingInput) -> Result<()> {
    let now = fields::now();
    conn.execute("DELETE FROM meeting_persons WHERE meeting_id = ?1", [id])?;
    conn.execute("DELETE FROM meeting_contacts WHERE meeting_id = ?1", [id])?;
    for person_id in &input.person_ids {
        conn.execute(
            "INSERT OR IGNORE INTO meeting_persons (id, meeting_id, person_id, created_at) VALUES (?1, ?2, ?3, ?4)",
            params![fields::new_id(), id, person_id, now],
        )?;
    }
    for contact_id in &input.contact_ids {
        conn.execute(
            "INSERT OR IGNORE INTO meeting_contacts (id, meeting_id, contact_id, created_at) VALUES (?1, ?2, ?3, ?4)",
            params![fields::new_id(), id, contact_id, now],
        )?;
    }
    Ok(())
}

pub fn create(conn: &Connection, input: &MeetingInput) -> Result<Meeting> {
    let c = clean(conn, input)?;
    let id = fields::new_id();
    let now = fields::now();
    conn.execute(
        "INSERT INTO meetings (id, mission_id, title, kind, status, starts_at, ends_at, time_zone,
                place, notes, outcome, interest, agreement_started, agreement_kind, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15)",
        params![
            id, input.mission_id, c.title, input.kind, input.status, utc_text(c.starts), utc_text(c.ends),
            c.tz.name(), c.place, c.notes, c.outcome, input.interest, input.agreement_started,
            c.agreement_kind, now
        ],
    )?;
    set_attendees(conn, &id, input)?;
    get(conn, &id)
}

pub fn update(conn: &Connection, id: &str, input: &MeetingInput) -> Result<Meeting> {
    get(conn, id)?;
    let c = clean(conn, input)?;
    conn.execute(
        "UPDATE meetings SET mission_id = ?2, title = ?3, kind = ?4, status = ?5, starts_at = ?6,
                ends_at = ?7, time_zone = ?8, place = ?9, notes = ?10, outcome = ?11, interest = ?12,
                agreement_started = ?13, agreement_kind = ?14, updated_at = ?15 WHERE id = ?1",
        params![
            id, input.mission_id, c.title, input.kind, input.status, utc_text(c.starts), utc_text(c.ends),
            c.tz.name(), c.place, c.notes, c.outcome, input.interest, input.agreement_started,
            c.agreement_kind, fields::now()
        ],
    )?;
    set_attendees(conn, id, input)?;
    get(conn, id)
}

/// Marks an agenda item held or cancelled (or planned again).
pub fn set_status(conn: &Connection, id: &str, status: MeetingStatus) -> Result<Meeting> {
    get(conn, id)?;
    conn.execute(
        "UPDATE meetings SET status = ?2, updated_at = ?3 WHERE id = ?1",
        params![id, status, fields::now()],
    )?;
    get(conn, id)
}

/// Deletes a meeting with its attendance and follow-ups (they are part of it).
pub fn delete(conn: &Connection, id: &str) -> Result<()> {
    get(conn, id)?;
    conn.execute("DELETE FROM meetings WHERE id = ?1", [id])?;
    Ok(())
}

/// Meetings logged or held most recently, newest first.
pub fn recent(conn: &Connection, limit: usize) -> Result<Vec<Meeting>> {
    let mut stmt = conn.prepare(
        "SELECT * FROM meetings WHERE status = 'held' ORDER BY starts_at DESC LIMIT ?1",
    )?;
    let mut meetings = stmt.query_map([limit as i64], Meeting::from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    fill_attendees(conn, &mut meetings)?;
    Ok(meetings)
}

/// A contact typed in while logging, created in the same transaction as the meeting.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct NewContact {
    pub first_name: String,
    pub last_name: String,
    pub organisation_id: Option<String>,
    /// A new organisation's name, used when `organisation_id` is empty.
    pub organisation_name: String,
    pub role: String,
    pub email: String,
    pub phone: String,
}

/// A next step typed in while logging.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct NewFollowUp {
    pub what: String,
    pub owner_person_id: Option<String>,
    pub due_on: Option<String>,
}

/// Everything the quick-log form sends: the meeting, contacts met for the first time, and next
/// steps. With `meeting_id`, a planned agenda item becomes the logged meeting.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct LogInput {
    pub meeting_id: Option<String>,
    pub meeting: MeetingInput,
    pub new_contacts: Vec<NewContact>,
    pub follow_ups: Vec<NewFollowUp>,
}

/// Logs a meeting in one transaction: new contacts (and their organisations) are created, the
/// meeting is created or the planned item updated and marked held, follow-ups are added.
/// Any invalid part refuses the whole, so nothing half-saved is left behind.
pub fn log(conn: &Connection, input: &LogInput) -> Result<Meeting> {
    let mut meeting = input.meeting.clone();
    for new in &input.new_contacts {
        let organisation_id = match (new.organisation_id.as_deref().filter(|s| !s.is_empty()), new.organisation_name.trim()) {
            (Some(id), _) => Some(id.to_owned()),
            (None, "") => None,
            (None, name) => Some(crate::organisations::find_or_create(conn, name)?.id),
        };
        let contact = crate::contacts::create(conn, &crate::contacts::ContactInput {
            organisation_id,
            first_name: new.first_name.clone(),
            last_name: new.last_name.clone(),
            role: new.role.clone(),
            email: new.email.clone(),
            phone: new.phone.clone(),
            source: meeting.title.clone(),
            ..Default::default()
        })?;
        meeting.contact_ids.push(contact.id);
    }
    if meeting.status == MeetingStatus::Planned {
        meeting.status = MeetingStatus::Held;
    }
    let saved = match input.meeting_id.as_deref() {
        Some(id) => update(conn, id, &meeting)?,
        None => create(conn, &meeting)?,
    };
    for step in input.follow_ups.iter().filter(|f| !f.what.trim().is_empty()) {
        crate::follow_ups::create(conn, &crate::follow_ups::FollowUpInput {
            meeting_id: Some(saved.id.clone()),
            what: step.what.clone(),
            owner_person_id: step.owner_person_id.clone(),
            contact_id: saved.contacts.first().map(|c| c.id.clone()),
            due_on: step.due_on.clone(),
        })?;
    }
    get(conn, &saved.id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ten_in_osaka_is_one_in_the_morning_utc() {
        let t = local_to_utc("startsLocal", "2025-07-08T10:00", chrono_tz::Asia::Tokyo).unwrap();
        assert_eq!(utc_text(t), "2025-07-08T01:00:00Z");
    }

    #[test]
    fn boston_times_follow_daylight_saving() {
        let winter = local_to_utc("startsLocal", "2021-03-12T10:00", chrono_tz::America::New_York).unwrap();
        let summer = local_to_utc("startsLocal", "2021-03-15T10:00", chrono_tz::America::New_York).unwrap();
        assert_eq!(utc_text(winter), "2021-03-12T15:00:00Z");
        assert_eq!(utc_text(summer), "2021-03-15T14:00:00Z");
    }

    #[test]
    fn a_time_inside_the_spring_gap_does_not_exist() {
        let err = local_to_utc("startsLocal", "2021-03-14T02:30", chrono_tz::America::New_York).unwrap_err();
        assert!(matches!(err, Error::Invalid { reason: Reason::Time, .. }));
    }
}
