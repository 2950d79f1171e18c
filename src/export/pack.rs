//! The per-member pack: after a mission, every member of the delegation gets a folder to be
//! mailed as it is — who its people met (XLSX for reading, vCard for the phone) and its meetings
//! with notes, outcomes and follow-ups as one self-contained HTML page.

use std::path::{Path, PathBuf};

use rusqlite::Connection;
use serde::Serialize;

use super::{contacts, file_stem, vcard, xlsx, Selection};
use crate::agenda::{parse_utc, wall_clock};
use crate::error::Result;
use crate::fields;
use crate::meetings::{self, MeetingStatus};
use crate::missions::{self, ParticipationStatus};
use crate::report::{escape_html, follow_ups_table, label, page, words, ReportFollowUp};

/// What was written for one member.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MemberPack {
    pub member_id: String,
    pub member_name: String,
    pub folder: PathBuf,
    pub files: Vec<PathBuf>,
    pub contacts: usize,
    pub meetings: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Pack {
    pub folder: PathBuf,
    pub members: Vec<MemberPack>,
}

/// Writes the pack of every member of the mission's delegation (withdrawn ones aside) under
/// `dir`, one sub-folder each, with labels in `language`.
pub fn write(conn: &Connection, mission_id: &str, dir: &Path, language: &str) -> Result<Pack> {
    let detail = missions::detail(conn, mission_id)?;
    let mission = &detail.mission;
    let tz = fields::time_zone("timeZone", &mission.time_zone)?;
    let columns = super::columns(conn)?;
    let follow_ups = crate::follow_ups::list(
        conn,
        &crate::follow_ups::Filter {
            mission_id: Some(mission.id.clone()),
            include_done: true,
            ..Default::default()
        },
        chrono::Local::now().date_naive(),
    )?;
    std::fs::create_dir_all(dir)?;
    let w = words(language);
    let mut members = Vec::new();
    for participation in detail
        .participations
        .iter()
        .filter(|p| p.status != ParticipationStatus::Withdrawn)
    {
        let stem = file_stem(&participation.member_name);
        let folder = dir.join(&stem);
        std::fs::create_dir_all(&folder)?;
        let selection = Selection {
            mission_id: Some(mission.id.clone()),
            member_id: Some(participation.member_id.clone()),
            ..Default::default()
        };
        let met = contacts(conn, &selection)?;
        let xlsx_path = folder.join(format!("{stem}-contacts.xlsx"));
        std::fs::write(&xlsx_path, xlsx::contacts(&met, &columns, language)?)?;
        let vcf_path = folder.join(format!("{stem}-contacts.vcf"));
        std::fs::write(&vcf_path, vcard::cards(&met, vcard::Version::V3))?;

        let people: Vec<String> = crate::members::persons_of(conn, &participation.member_id)?
            .into_iter()
            .map(|p| p.id)
            .collect();
        let theirs: Vec<&meetings::Meeting> = detail
            .meetings
            .iter()
            .filter(|m| {
                m.status != MeetingStatus::Cancelled
                    && m.persons.iter().any(|p| people.contains(&p.id))
            })
            .collect();
        let mut body = format!(
            "<header><h1>{}</h1><p class=\"sub\">{} · {} – {}</p></header><h2>{}</h2>",
            escape_html(&participation.member_name),
            escape_html(&mission.title),
            escape_html(&mission.starts_on),
            escape_html(&mission.ends_on),
            w.meetings
        );
        if theirs.is_empty() {
            body.push_str(&format!("<p>{}</p>", w.none));
        }
        for m in &theirs {
            let start = wall_clock(parse_utc(&m.starts_at)?, tz);
            let end = wall_clock(parse_utc(&m.ends_at)?, tz);
            body.push_str(&format!(
                "<section><h3>{} — {} {}–{}</h3><p class=\"muted\">{} · {}</p>",
                escape_html(&m.title),
                escape_html(&start[..10]),
                escape_html(&start[11..]),
                escape_html(&end[11..]),
                escape_html(&label(m.kind.as_str(), language)),
                escape_html(&m.place)
            ));
            let names = |list: &[meetings::Attendee]| {
                escape_html(
                    &list
                        .iter()
                        .map(|a| a.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                )
            };
            body.push_str(&format!(
                "<p><b>{}:</b> {}<br><b>{}:</b> {}</p>",
                w.delegates,
                names(&m.persons),
                w.with,
                names(&m.contacts)
            ));
            if !m.notes.is_empty() {
                body.push_str(&format!("<p class=\"pre\">{}</p>", escape_html(&m.notes)));
            }
            if !m.outcome.is_empty() {
                body.push_str(&format!(
                    "<p class=\"pre\"><b>{}:</b> {}</p>",
                    w.outcomes,
                    escape_html(&m.outcome)
                ));
            }
            if let Some(i) = m.interest {
                body.push_str(&format!(
                    "<p><b>{}:</b> {}</p>",
                    w.interest,
                    escape_html(&label(i.as_str(), language))
                ));
            }
            let steps: Vec<ReportFollowUp> = follow_ups
                .iter()
                .filter(|f| f.follow_up.meeting_id.as_deref() == Some(m.id.as_str()))
                .map(|f| ReportFollowUp {
                    what: f.follow_up.what.clone(),
                    owner: f.owner_name.clone(),
                    owner_member: f.owner_member_name.clone(),
                    contact: f.contact_name.clone(),
                    meeting: f.meeting_title.clone(),
                    due_on: f.follow_up.due_on.clone(),
                    done: f.follow_up.done_at.is_some(),
                })
                .collect();
            if !steps.is_empty() {
                body.push_str(&format!(
                    "<h4>{}</h4>{}",
                    w.follow_ups,
                    follow_ups_table(&steps, language)
                ));
            }
            body.push_str("</section>");
        }
        let html_path = folder.join(format!("{stem}-meetings.html"));
        std::fs::write(
            &html_path,
            page(
                &format!("{} — {}", participation.member_name, mission.title),
                language,
                &body,
            ),
        )?;
        members.push(MemberPack {
            member_id: participation.member_id.clone(),
            member_name: participation.member_name.clone(),
            folder,
            files: vec![xlsx_path, vcf_path, html_path],
            contacts: met.len(),
            meetings: theirs.len(),
        });
    }
    Ok(Pack {
        folder: dir.to_owned(),
        members,
    })
}
