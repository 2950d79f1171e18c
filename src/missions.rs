//! Missions: a programme abroad (or online) with its destination, dates, time zone, the
//! delegation of members taking part and the partner organisations that host it.

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use crate::error::{Entity, Error, Reason, Result};
use crate::fields::{self, text_enum};
use crate::meetings::{self, Meeting};
use crate::members::count_references;

text_enum!(
    MissionStatus {
        Planning = "planning",
        Active = "active",
        Closed = "closed",
    }
);

#[allow(clippy::derivable_impls)] // text_enum! declares the enum, so #[default] cannot be used
impl Default for MissionStatus {
    fn default() -> Self {
        MissionStatus::Planning
    }
}

text_enum!(
    ParticipationStatus {
        Invited = "invited",
        Confirmed = "confirmed",
        Withdrawn = "withdrawn",
    }
);

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Mission {
    pub id: String,
    pub title: String,
    pub destination: String,
    pub country: String,
    pub time_zone: String,
    pub starts_on: String,
    pub ends_on: String,
    pub status: MissionStatus,
    pub online: bool,
    pub objectives: String,
    pub notes: String,
    pub created_at: String,
    pub updated_at: String,
}

impl Mission {
    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(Mission {
            id: row.get("id")?,
            title: row.get("title")?,
            destination: row.get("destination")?,
            country: row.get("country")?,
            time_zone: row.get("time_zone")?,
            starts_on: row.get("starts_on")?,
            ends_on: row.get("ends_on")?,
            status: row.get("status")?,
            online: row.get("online")?,
            objectives: row.get("objectives")?,
            notes: row.get("notes")?,
            created_at: row.get("created_at")?,
            updated_at: row.get("updated_at")?,
        })
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct MissionInput {
    pub title: String,
    pub destination: String,
    pub country: String,
    pub time_zone: String,
    pub starts_on: String,
    pub ends_on: String,
    pub status: MissionStatus,
    pub online: bool,
    pub objectives: String,
    pub notes: String,
}

impl MissionInput {
    fn clean(&self) -> Result<MissionInput> {
        let title = fields::required("title", &self.title)?;
        let time_zone = fields::time_zone("timeZone", &self.time_zone)?;
        let starts_on = fields::date("startsOn", &self.starts_on)?;
        let ends_on = fields::date("endsOn", &self.ends_on)?;
        if ends_on < starts_on {
            return Err(Error::invalid("endsOn", Reason::DateOrder));
        }
        Ok(MissionInput {
            title,
            destination: fields::line("destination", &self.destination)?,
            country: fields::country("country", &self.country)?,
            time_zone: time_zone.name().to_owned(),
            starts_on: starts_on.to_string(),
            ends_on: ends_on.to_string(),
            status: self.status,
            online: self.online,
            objectives: fields::notes("objectives", &self.objectives)?,
            notes: fields::notes("notes", &self.notes)?,
        })
    }
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MissionSummary {
    pub id: String,
    pub title: String,
    pub destination: String,
    pub starts_on: String,
    pub ends_on: String,
    pub status: MissionStatus,
    pub time_zone: String,
    pub members_count: i64,
    pub meetings_count: i64,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Participation {
    pub id: String,
    pub member_id: String,
    pub member_name: String,
    pub status: ParticipationStatus,
    pub notes: String,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Partner {
    pub id: String,
    pub organisation_id: String,
    pub organisation_name: String,
    pub role: String,
}

/// A person a member sends on the mission, with travel details.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Delegate {
    pub id: String,
    pub participation_id: String,
    pub member_id: String,
    pub member_name: String,
    pub person_id: String,
    pub name: String,
    pub status: ParticipationStatus,
    pub role: String,
    pub arrives_on: Option<String>,
    pub departs_on: Option<String>,
    pub needs: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DelegateInput {
    pub status: Option<ParticipationStatus>,
    pub role: String,
    pub arrives_on: String,
    pub departs_on: String,
    pub needs: String,
}

/// The numbers on a mission's overview.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Figures {
    /// Member organisations not withdrawn.
    pub members: i64,
    /// Delegates not withdrawn.
    pub delegates: i64,
    pub meetings_planned: i64,
    pub meetings_held: i64,
    /// Distinct contacts in meetings held.
    pub contacts_met: i64,
    pub open_follow_ups: i64,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MissionDetail {
    pub mission: Mission,
    pub participations: Vec<Participation>,
    pub delegates: Vec<Delegate>,
    pub partners: Vec<Partner>,
    pub meetings: Vec<Meeting>,
    pub figures: Figures,
}

pub fn list(conn: &Connection) -> Result<Vec<MissionSummary>> {
    let mut stmt = conn.prepare(
        "SELECT m.id, m.title, m.destination, m.starts_on, m.ends_on, m.status, m.time_zone,
                (SELECT count(*) FROM participations p WHERE p.mission_id = m.id) AS members_count,
                (SELECT count(*) FROM meetings x WHERE x.mission_id = m.id) AS meetings_count
         FROM missions m ORDER BY m.starts_on DESC, m.title",
    )?;
    let rows = stmt.query_map([], |row| {
        Ok(MissionSummary {
            id: row.get("id")?,
            title: row.get("title")?,
            destination: row.get("destination")?,
            starts_on: row.get("starts_on")?,
            ends_on: row.get("ends_on")?,
            status: row.get("status")?,
            time_zone: row.get("time_zone")?,
            members_count: row.get("members_count")?,
            meetings_count: row.get("meetings_count")?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn get(conn: &Connection, id: &str) -> Result<Mission> {
    conn.query_row("SELECT * FROM missions WHERE id = ?1", [id], Mission::from_row)
        .optional()?
        .ok_or_else(|| Error::not_found(Entity::Mission, id))
}

/// Finds a mission by its id or by a part of its title that only one mission has (for the CLI).
pub fn resolve(conn: &Connection, key: &str) -> Result<Mission> {
    if let Ok(m) = get(conn, key) {
        return Ok(m);
    }
    let needle = crate::search::fold(key);
    let matching: Vec<Mission> = {
        let mut stmt = conn.prepare("SELECT * FROM missions ORDER BY starts_on")?;
        let all = stmt.query_map([], Mission::from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
        all.into_iter().filter(|m| crate::search::fold(&m.title).contains(&needle)).collect()
    };
    match matching.len() {
        1 => Ok(matching.into_iter().next().ok_or_else(|| Error::not_found(Entity::Mission, key))?),
        0 => Err(Error::not_found(Entity::Mission, key)),
        _ => Err(Error::invalid("mission", Reason::Choice)),
    }
}

pub fn detail(conn: &Connection, id: &str) -> Result<MissionDetail> {
    let mission = get(conn, id)?;
    let mut stmt = conn.prepare(
        "SELECT p.id, p.member_id, m.name AS member_name, p.status, p.notes FROM participations p
         JOIN members m ON m.id = p.member_id WHERE p.mission_id = ?1 ORDER BY m.name COLLATE NOCASE",
    )?;
    let participations = stmt
        .query_map([id], |row| {
            Ok(Participation {
                id: row.get("id")?,
                member_id: row.get("member_id")?,
                member_name: row.get("member_name")?,
                status: row.get("status")?,
                notes: row.get("notes")?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare(
        "SELECT p.id, p.organisation_id, o.name AS organisation_name, p.role FROM mission_partners p
         JOIN organisations o ON o.id = p.organisation_id WHERE p.mission_id = ?1
         ORDER BY o.name COLLATE NOCASE",
    )?;
    let partners = stmt
        .query_map([id], |row| {
            Ok(Partner {
                id: row.get("id")?,
                organisation_id: row.get("organisation_id")?,
                organisation_name: row.get("organisation_name")?,
                role: row.get("role")?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let meetings = meetings::list_of_mission(conn, id)?;
    Ok(MissionDetail { mission, participations, delegates: delegates(conn, id)?, partners, meetings, figures: figures(conn, id)? })
}

pub fn figures(conn: &Connection, id: &str) -> Result<Figures> {
    Ok(conn.query_row(
        "SELECT
            (SELECT count(*) FROM participations WHERE mission_id = ?1 AND status <> 'withdrawn'),
            (SELECT count(*) FROM delegates d JOIN participations p ON p.id = d.participation_id
               WHERE p.mission_id = ?1 AND d.status <> 'withdrawn' AND p.status <> 'withdrawn'),
            (SELECT count(*) FROM meetings WHERE mission_id = ?1 AND status = 'planned'),
            (SELECT count(*) FROM meetings WHERE mission_id = ?1 AND status = 'held'),
            (SELECT count(DISTINCT mc.contact_id) FROM meeting_contacts mc JOIN meetings m ON m.id = mc.meeting_id
               WHERE m.mission_id = ?1 AND m.status = 'held'),
            (SELECT count(*) FROM follow_ups WHERE mission_id = ?1 AND done_at IS NULL)",
        [id],
        |r| {
            Ok(Figures {
                members: r.get(0)?,
                delegates: r.get(1)?,
                meetings_planned: r.get(2)?,
                meetings_held: r.get(3)?,
                contacts_met: r.get(4)?,
                open_follow_ups: r.get(5)?,
            })
        },
    )?)
}

pub fn delegates(conn: &Connection, mission_id: &str) -> Result<Vec<Delegate>> {
    let mut stmt = conn.prepare(
        "SELECT d.id, d.participation_id, p.member_id, m.name AS member_name, d.person_id,
                pe.first_name, pe.last_name, d.status, d.role, d.arrives_on, d.departs_on, d.needs
         FROM delegates d JOIN participations p ON p.id = d.participation_id
         JOIN members m ON m.id = p.member_id JOIN persons pe ON pe.id = d.person_id
         WHERE p.mission_id = ?1
         ORDER BY m.name COLLATE NOCASE, pe.last_name COLLATE NOCASE, pe.first_name COLLATE NOCASE",
    )?;
    let rows = stmt.query_map([mission_id], |row| {
        let first: String = row.get("first_name")?;
        let last: String = row.get("last_name")?;
        Ok(Delegate {
            id: row.get("id")?,
            participation_id: row.get("participation_id")?,
            member_id: row.get("member_id")?,
            member_name: row.get("member_name")?,
            person_id: row.get("person_id")?,
            name: fields::display_name(&first, &last),
            status: row.get("status")?,
            role: row.get("role")?,
            arrives_on: row.get("arrives_on")?,
            departs_on: row.get("departs_on")?,
            needs: row.get("needs")?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn optional_date(field: &'static str, value: &str) -> Result<Option<String>> {
    match value.trim() {
        "" => Ok(None),
        v => Ok(Some(fields::date(field, v)?.to_string())),
    }
}

/// Adds a person to the delegation (their member joins the mission as invited if it was not in
/// it), or updates their details if they are already a delegate.
pub fn set_delegate(conn: &Connection, mission_id: &str, person_id: &str, input: &DelegateInput) -> Result<Delegate> {
    let mission = get(conn, mission_id)?;
    let person = crate::members::get_person(conn, person_id)?;
    let arrives_on = optional_date("arrivesOn", &input.arrives_on)?;
    let departs_on = optional_date("departsOn", &input.departs_on)?;
    if let (Some(a), Some(d)) = (&arrives_on, &departs_on) {
        if d < a {
            return Err(Error::invalid("departsOn", Reason::DateOrder));
        }
    }
    let role = fields::line("role", &input.role)?;
    let needs = fields::notes("needs", &input.needs)?;
    let participation_id: String = match conn
        .query_row(
            "SELECT id FROM participations WHERE mission_id = ?1 AND member_id = ?2",
            [&mission.id, &person.member_id],
            |row| row.get(0),
        )
        .optional()?
    {
        Some(id) => id,
        None => set_participation(conn, &mission.id, &person.member_id, ParticipationStatus::Invited, "")?,
    };
    let now = fields::now();
    let status = input.status.unwrap_or(ParticipationStatus::Invited);
    conn.execute(
        "INSERT INTO delegates (id, participation_id, person_id, status, role, arrives_on, departs_on, needs, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)
         ON CONFLICT (participation_id, person_id) DO UPDATE SET status = excluded.status, role = excluded.role,
             arrives_on = excluded.arrives_on, departs_on = excluded.departs_on, needs = excluded.needs,
             updated_at = excluded.updated_at",
        params![fields::new_id(), participation_id, person_id, status, role, arrives_on, departs_on, needs, now],
    )?;
    delegates(conn, mission_id)?
        .into_iter()
        .find(|d| d.person_id == person_id)
        .ok_or_else(|| Error::not_found(Entity::Delegate, person_id))
}

/// Takes a person off the delegation (the member stays in the mission).
pub fn remove_delegate(conn: &Connection, delegate_id: &str) -> Result<()> {
    let n = conn.execute("DELETE FROM delegates WHERE id = ?1", [delegate_id])?;
    if n == 0 {
        return Err(Error::not_found(Entity::Delegate, delegate_id));
    }
    Ok(())
}

/// Takes a member off the mission with its delegates. Meetings its people attended keep them:
/// attendance belongs to the meeting, not to the delegation.
pub fn remove_participation(conn: &Connection, participation_id: &str) -> Result<()> {
    let n = conn.execute("DELETE FROM participations WHERE id = ?1", [participation_id])?;
    if n == 0 {
        return Err(Error::not_found(Entity::Participation, participation_id));
    }
    Ok(())
}

pub fn create(conn: &Connection, input: &MissionInput) -> Result<Mission> {
    let m = input.clean()?;
    let id = fields::new_id();
    let now = fields::now();
    conn.execute(
        "INSERT INTO missions (id, title, destination, country, time_zone, starts_on, ends_on, status,
                online, objectives, notes, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
        params![
            id, m.title, m.destination, m.country, m.time_zone, m.starts_on, m.ends_on, m.status,
            m.online, m.objectives, m.notes, now
        ],
    )?;
    get(conn, &id)
}

pub fn update(conn: &Connection, id: &str, input: &MissionInput) -> Result<Mission> {
    let m = input.clean()?;
    get(conn, id)?;
    conn.execute(
        "UPDATE missions SET title = ?2, destination = ?3, country = ?4, time_zone = ?5, starts_on = ?6,
                ends_on = ?7, status = ?8, online = ?9, objectives = ?10, notes = ?11, updated_at = ?12
         WHERE id = ?1",
        params![
            id, m.title, m.destination, m.country, m.time_zone, m.starts_on, m.ends_on, m.status,
            m.online, m.objectives, m.notes, fields::now()
        ],
    )?;
    get(conn, id)
}

pub fn delete(conn: &Connection, id: &str) -> Result<()> {
    get(conn, id)?;
    let references = count_references(
        conn,
        id,
        &[
            (Entity::Participation, "SELECT count(*) FROM participations WHERE mission_id = ?1"),
            (Entity::Meeting, "SELECT count(*) FROM meetings WHERE mission_id = ?1"),
            (Entity::FollowUp, "SELECT count(*) FROM follow_ups WHERE mission_id = ?1"),
        ],
    )?;
    if !references.is_empty() {
        return Err(Error::Referenced { entity: Entity::Mission, id: id.to_owned(), references });
    }
    // Partners are part of the mission itself, not records of their own.
    conn.execute("DELETE FROM mission_partners WHERE mission_id = ?1", [id])?;
    conn.execute("DELETE FROM missions WHERE id = ?1", [id])?;
    Ok(())
}

/// Adds a member to the mission's delegation, or changes its status if already there.
pub fn set_participation(
    conn: &Connection,
    mission_id: &str,
    member_id: &str,
    status: ParticipationStatus,
    notes: &str,
) -> Result<String> {
    get(conn, mission_id)?;
    crate::members::get(conn, member_id)?;
    let notes = fields::notes("notes", notes)?;
    let now = fields::now();
    let existing: Option<String> = conn
        .query_row(
            "SELECT id FROM participations WHERE mission_id = ?1 AND member_id = ?2",
            [mission_id, member_id],
            |row| row.get(0),
        )
        .optional()?;
    match existing {
        Some(id) => {
            conn.execute(
                "UPDATE participations SET status = ?2, notes = ?3, updated_at = ?4 WHERE id = ?1",
                params![id, status, notes, now],
            )?;
            Ok(id)
        }
        None => {
            let id = fields::new_id();
            conn.execute(
                "INSERT INTO participations (id, mission_id, member_id, status, notes, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
                params![id, mission_id, member_id, status, notes, now],
            )?;
            Ok(id)
        }
    }
}

/// Records an external organisation as a partner or host of the mission.
pub fn add_partner(conn: &Connection, mission_id: &str, organisation_id: &str, role: &str) -> Result<String> {
    get(conn, mission_id)?;
    crate::organisations::get(conn, organisation_id)?;
    let role = fields::line("role", role)?;
    let id = fields::new_id();
    let now = fields::now();
    conn.execute(
        "INSERT INTO mission_partners (id, mission_id, organisation_id, role, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?5)
         ON CONFLICT (mission_id, organisation_id) DO UPDATE SET role = excluded.role, updated_at = excluded.updated_at",
        params![id, mission_id, organisation_id, role, now],
    )?;
    Ok(id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    fn osaka() -> MissionInput {
        MissionInput {
            title: "Japan Health Expo 2025 — Osaka".into(),
            time_zone: "Asia/Tokyo".into(),
            starts_on: "2025-07-07".into(),
            ends_on: "2025-07-11".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_mission_cannot_end_before_it_starts() {
        let store = Store::open_in_memory().unwrap();
        let mut input = osaka();
        input.ends_on = "2025-07-01".into();
        let err = store.write(|tx| create(tx, &input)).unwrap_err();
        assert!(matches!(err, Error::Invalid { field: "endsOn", reason: Reason::DateOrder }));
    }

    #[test]
    fn an_unknown_time_zone_is_refused() {
        let store = Store::open_in_memory().unwrap();
        let mut input = osaka();
        input.time_zone = "Osaka".into();
        let err = store.write(|tx| create(tx, &input)).unwrap_err();
        assert!(matches!(err, Error::Invalid { field: "timeZone", .. }));
    }

    #[test]
    fn a_mission_is_found_by_a_unique_part_of_its_title() {
        let store = Store::open_in_memory().unwrap();
        let m = store.write(|tx| create(tx, &osaka())).unwrap();
        let found = store.read(|c| resolve(c, "health expo")).unwrap();
        assert_eq!(found.id, m.id);
        assert!(store.read(|c| resolve(c, "boston")).is_err());
    }
}
