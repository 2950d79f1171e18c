//! Members: the cluster's own organisations (start-ups, SMEs, labs, hospitals...) and the people
//! who work there and join delegations.

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use crate::error::{Entity, Error, Reference, Result};
use crate::fields::{self, text_enum};
use crate::missions::ParticipationStatus;

text_enum!(
    /// What kind of organisation a member is; drives the report's "delegation by type".
    MemberKind {
        Startup = "startup",
        Sme = "sme",
        LargeCompany = "large_company",
        ResearchLab = "research_lab",
        University = "university",
        Hospital = "hospital",
        Foundation = "foundation",
        Association = "association",
        Other = "other",
    }
);

#[allow(clippy::derivable_impls)] // text_enum! declares the enum, so #[default] cannot be used
impl Default for MemberKind {
    fn default() -> Self {
        MemberKind::Other
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Member {
    pub id: String,
    pub name: String,
    pub kind: MemberKind,
    pub city: String,
    pub region: String,
    pub website: String,
    pub email: String,
    pub phone: String,
    pub notes: String,
    pub created_at: String,
    pub updated_at: String,
}

impl Member {
    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(Member {
            id: row.get("id")?,
            name: row.get("name")?,
            kind: row.get("kind")?,
            city: row.get("city")?,
            region: row.get("region")?,
            website: row.get("website")?,
            email: row.get("email")?,
            phone: row.get("phone")?,
            notes: row.get("notes")?,
            created_at: row.get("created_at")?,
            updated_at: row.get("updated_at")?,
        })
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct MemberInput {
    pub name: String,
    pub kind: MemberKind,
    pub city: String,
    pub region: String,
    pub website: String,
    pub email: String,
    pub phone: String,
    pub notes: String,
}

impl MemberInput {
    fn clean(&self) -> Result<MemberInput> {
        Ok(MemberInput {
            name: fields::required("name", &self.name)?,
            kind: self.kind,
            city: fields::line("city", &self.city)?,
            region: fields::line("region", &self.region)?,
            website: fields::website("website", &self.website)?,
            email: fields::email("email", &self.email)?,
            phone: fields::phone("phone", &self.phone)?,
            notes: fields::notes("notes", &self.notes)?,
        })
    }
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MemberSummary {
    pub id: String,
    pub name: String,
    pub kind: MemberKind,
    pub city: String,
    pub persons_count: i64,
    pub missions_count: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Person {
    pub id: String,
    pub member_id: String,
    pub first_name: String,
    pub last_name: String,
    pub role: String,
    pub email: String,
    pub phone: String,
    pub notes: String,
    pub created_at: String,
    pub updated_at: String,
}

impl Person {
    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(Person {
            id: row.get("id")?,
            member_id: row.get("member_id")?,
            first_name: row.get("first_name")?,
            last_name: row.get("last_name")?,
            role: row.get("role")?,
            email: row.get("email")?,
            phone: row.get("phone")?,
            notes: row.get("notes")?,
            created_at: row.get("created_at")?,
            updated_at: row.get("updated_at")?,
        })
    }

    pub fn display_name(&self) -> String {
        fields::display_name(&self.first_name, &self.last_name)
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PersonInput {
    pub first_name: String,
    pub last_name: String,
    pub role: String,
    pub email: String,
    pub phone: String,
    pub notes: String,
}

impl PersonInput {
    fn clean(&self) -> Result<PersonInput> {
        let first_name = fields::line("firstName", &self.first_name)?;
        let last_name = fields::line("lastName", &self.last_name)?;
        if first_name.is_empty() && last_name.is_empty() {
            return Err(Error::invalid("lastName", crate::error::Reason::Required));
        }
        Ok(PersonInput {
            first_name,
            last_name,
            role: fields::line("role", &self.role)?,
            email: fields::email("email", &self.email)?,
            phone: fields::phone("phone", &self.phone)?,
            notes: fields::notes("notes", &self.notes)?,
        })
    }
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MemberMission {
    pub mission_id: String,
    pub title: String,
    pub status: ParticipationStatus,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MemberDetail {
    pub member: Member,
    pub persons: Vec<Person>,
    pub missions: Vec<MemberMission>,
}

pub fn list(conn: &Connection) -> Result<Vec<MemberSummary>> {
    let mut stmt = conn.prepare(
        "SELECT m.id, m.name, m.kind, m.city,
                (SELECT count(*) FROM persons p WHERE p.member_id = m.id) AS persons_count,
                (SELECT count(*) FROM participations x WHERE x.member_id = m.id) AS missions_count
         FROM members m ORDER BY m.name COLLATE NOCASE",
    )?;
    let rows = stmt.query_map([], |row| {
        Ok(MemberSummary {
            id: row.get("id")?,
            name: row.get("name")?,
            kind: row.get("kind")?,
            city: row.get("city")?,
            persons_count: row.get("persons_count")?,
            missions_count: row.get("missions_count")?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn get(conn: &Connection, id: &str) -> Result<Member> {
    conn.query_row("SELECT * FROM members WHERE id = ?1", [id], Member::from_row)
        .optional()?
        .ok_or_else(|| Error::not_found(Entity::Member, id))
}

/// Finds a member by its id or by a part of its name that only one member has (for the CLI).
pub fn resolve(conn: &Connection, key: &str) -> Result<Member> {
    if let Ok(m) = get(conn, key) {
        return Ok(m);
    }
    let needle = crate::search::fold(key.trim());
    let mut stmt = conn.prepare("SELECT * FROM members ORDER BY name COLLATE NOCASE")?;
    let all = stmt.query_map([], Member::from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    let mut matching: Vec<Member> = all.into_iter().filter(|m| crate::search::fold(&m.name).contains(&needle)).collect();
    // An exact name wins over names that merely contain it ("Wise" and "Wise Health").
    if let Some(i) = matching.iter().position(|m| crate::search::fold(&m.name) == needle) {
        return Ok(matching.swap_remove(i));
    }
    match matching.len() {
        1 => matching.pop().ok_or_else(|| Error::not_found(Entity::Member, key)),
        0 => Err(Error::not_found(Entity::Member, key)),
        _ => Err(Error::invalid("member", crate::error::Reason::Choice)),
    }
}

pub fn detail(conn: &Connection, id: &str) -> Result<MemberDetail> {
    let member = get(conn, id)?;
    let persons = persons_of(conn, id)?;
    let mut stmt = conn.prepare(
        "SELECT p.mission_id, m.title, p.status FROM participations p
         JOIN missions m ON m.id = p.mission_id
         WHERE p.member_id = ?1 ORDER BY m.starts_on DESC",
    )?;
    let missions = stmt
        .query_map([id], |row| {
            Ok(MemberMission {
                mission_id: row.get("mission_id")?,
                title: row.get("title")?,
                status: row.get("status")?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(MemberDetail { member, persons, missions })
}

fn ensure_unique_name(conn: &Connection, name: &str, except: &str) -> Result<()> {
    let taken: Option<String> = conn
        .query_row(
            "SELECT id FROM members WHERE name = ?1 COLLATE NOCASE AND id <> ?2",
            params![name, except],
            |row| row.get(0),
        )
        .optional()?;
    match taken {
        Some(_) => Err(Error::Conflict { entity: Entity::Member, field: "name" }),
        None => Ok(()),
    }
}

pub fn create(conn: &Connection, input: &MemberInput) -> Result<Member> {
    let m = input.clean()?;
    ensure_unique_name(conn, &m.name, "")?;
    let id = fields::new_id();
    let now = fields::now();
    conn.execute(
        "INSERT INTO members (id, name, kind, city, region, website, email, phone, notes, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
        params![id, m.name, m.kind, m.city, m.region, m.website, m.email, m.phone, m.notes, now],
    )?;
    get(conn, &id)
}

pub fn update(conn: &Connection, id: &str, input: &MemberInput) -> Result<Member> {
    let m = input.clean()?;
    get(conn, id)?;
    ensure_unique_name(conn, &m.name, id)?;
    conn.execute(
        "UPDATE members SET name = ?2, kind = ?3, city = ?4, region = ?5, website = ?6, email = ?7,
                phone = ?8, notes = ?9, updated_at = ?10 WHERE id = ?1",
        params![id, m.name, m.kind, m.city, m.region, m.website, m.email, m.phone, m.notes, fields::now()],
    )?;
    get(conn, id)
}

/// Deletes a member that nothing refers to; otherwise says what still does.
pub fn delete(conn: &Connection, id: &str) -> Result<()> {
    get(conn, id)?;
    let references = count_references(
        conn,
        id,
        &[
            (Entity::Person, "SELECT count(*) FROM persons WHERE member_id = ?1"),
            (Entity::Participation, "SELECT count(*) FROM participations WHERE member_id = ?1"),
        ],
    )?;
    if !references.is_empty() {
        return Err(Error::Referenced { entity: Entity::Member, id: id.to_owned(), references });
    }
    conn.execute("DELETE FROM member_tags WHERE member_id = ?1", [id])?;
    conn.execute("DELETE FROM members WHERE id = ?1", [id])?;
    Ok(())
}

/// Runs each counting query and keeps the non-zero counts.
pub(crate) fn count_references(
    conn: &Connection,
    id: &str,
    queries: &[(Entity, &str)],
) -> Result<Vec<Reference>> {
    let mut references = Vec::new();
    for (entity, sql) in queries {
        let count: i64 = conn.query_row(sql, [id], |row| row.get(0))?;
        if count > 0 {
            references.push(Reference { entity: *entity, count });
        }
    }
    Ok(references)
}

pub fn persons_of(conn: &Connection, member_id: &str) -> Result<Vec<Person>> {
    let mut stmt = conn.prepare(
        "SELECT * FROM persons WHERE member_id = ?1
         ORDER BY last_name COLLATE NOCASE, first_name COLLATE NOCASE",
    )?;
    let rows = stmt.query_map([member_id], Person::from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Everyone of every member, for pickers (delegates present at a meeting, owners of follow-ups).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PersonSummary {
    pub id: String,
    pub name: String,
    pub member_id: String,
    pub member_name: String,
    pub email: String,
}

pub fn list_persons(conn: &Connection) -> Result<Vec<PersonSummary>> {
    let mut stmt = conn.prepare(
        "SELECT p.id, p.first_name, p.last_name, p.member_id, m.name AS member_name, p.email
         FROM persons p JOIN members m ON m.id = p.member_id
         ORDER BY p.last_name COLLATE NOCASE, p.first_name COLLATE NOCASE",
    )?;
    let rows = stmt.query_map([], |row| {
        let first: String = row.get("first_name")?;
        let last: String = row.get("last_name")?;
        Ok(PersonSummary {
            id: row.get("id")?,
            name: fields::display_name(&first, &last),
            member_id: row.get("member_id")?,
            member_name: row.get("member_name")?,
            email: row.get("email")?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn get_person(conn: &Connection, id: &str) -> Result<Person> {
    conn.query_row("SELECT * FROM persons WHERE id = ?1", [id], Person::from_row)
        .optional()?
        .ok_or_else(|| Error::not_found(Entity::Person, id))
}

pub fn add_person(conn: &Connection, member_id: &str, input: &PersonInput) -> Result<Person> {
    let p = input.clean()?;
    get(conn, member_id)?;
    let id = fields::new_id();
    let now = fields::now();
    conn.execute(
        "INSERT INTO persons (id, member_id, first_name, last_name, role, email, phone, notes, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
        params![id, member_id, p.first_name, p.last_name, p.role, p.email, p.phone, p.notes, now],
    )?;
    get_person(conn, &id)
}

pub fn update_person(conn: &Connection, id: &str, input: &PersonInput) -> Result<Person> {
    let p = input.clean()?;
    get_person(conn, id)?;
    conn.execute(
        "UPDATE persons SET first_name = ?2, last_name = ?3, role = ?4, email = ?5, phone = ?6,
                notes = ?7, updated_at = ?8 WHERE id = ?1",
        params![id, p.first_name, p.last_name, p.role, p.email, p.phone, p.notes, fields::now()],
    )?;
    get_person(conn, id)
}

pub fn delete_person(conn: &Connection, id: &str) -> Result<()> {
    get_person(conn, id)?;
    let references = count_references(
        conn,
        id,
        &[
            (Entity::Meeting, "SELECT count(*) FROM meeting_persons WHERE person_id = ?1"),
            (Entity::Delegate, "SELECT count(*) FROM delegates WHERE person_id = ?1"),
        ],
    )?;
    if !references.is_empty() {
        return Err(Error::Referenced { entity: Entity::Person, id: id.to_owned(), references });
    }
    conn.execute("DELETE FROM persons WHERE id = ?1", [id])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    fn input(name: &str) -> MemberInput {
        MemberInput { name: name.into(), kind: MemberKind::Startup, ..Default::default() }
    }

    #[test]
    fn a_member_name_is_unique_ignoring_case() {
        let store = Store::open_in_memory().unwrap();
        store.write(|tx| create(tx, &input("PerfeTTO"))).unwrap();
        let err = store.write(|tx| create(tx, &input("perfetto"))).unwrap_err();
        assert!(matches!(err, Error::Conflict { field: "name", .. }), "got {err:?}");
    }

    #[test]
    fn a_member_with_people_cannot_be_deleted_and_says_why() {
        let store = Store::open_in_memory().unwrap();
        let m = store.write(|tx| create(tx, &input("Wise"))).unwrap();
        let person = PersonInput { first_name: "Anna".into(), last_name: "Bianchi".into(), ..Default::default() };
        store.write(|tx| add_person(tx, &m.id, &person)).unwrap();
        match store.write(|tx| delete(tx, &m.id)).unwrap_err() {
            Error::Referenced { references, .. } => {
                assert_eq!(references, vec![Reference { entity: Entity::Person, count: 1 }])
            }
            other => panic!("expected Referenced, got {other:?}"),
        }
    }

    #[test]
    fn a_member_is_found_by_id_exact_name_or_a_unique_part_of_it() {
        let store = Store::open_in_memory().unwrap();
        let wise = store.write(|tx| create(tx, &input("Wise"))).unwrap();
        store.write(|tx| create(tx, &input("Wise Health"))).unwrap();
        store.write(|tx| create(tx, &input("Fondazione Hub Innovazione Trentino (HIT)"))).unwrap();
        assert_eq!(store.read(|c| resolve(c, &wise.id)).unwrap().name, "Wise");
        assert_eq!(store.read(|c| resolve(c, "wise")).unwrap().id, wise.id, "an exact name wins");
        assert_eq!(store.read(|c| resolve(c, "hit")).unwrap().name, "Fondazione Hub Innovazione Trentino (HIT)");
        assert!(matches!(store.read(|c| resolve(c, "W")), Err(Error::Invalid { .. })), "ambiguous");
        assert!(matches!(store.read(|c| resolve(c, "nobody")), Err(Error::NotFound { .. })));
    }

    #[test]
    fn a_person_needs_a_first_or_last_name() {
        let store = Store::open_in_memory().unwrap();
        let m = store.write(|tx| create(tx, &input("Bracco"))).unwrap();
        let err = store.write(|tx| add_person(tx, &m.id, &PersonInput::default())).unwrap_err();
        assert!(matches!(err, Error::Invalid { field: "lastName", .. }));
    }
}
