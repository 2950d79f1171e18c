//! The first screen: what is coming, what is happening today, what is overdue.

use chrono::{DateTime, Utc};
use rusqlite::Connection;
use serde::Serialize;

use crate::agenda::{self, AgendaItem};
use crate::error::Result;
use crate::fields;
use crate::follow_ups::{self, FollowUpView};
use crate::meetings::{self, Meeting};
use crate::missions::{self, Mission, MissionStatus, MissionSummary};

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Dashboard {
    /// Missions not yet over, the soonest first.
    pub upcoming_missions: Vec<MissionSummary>,
    /// The mission under way (status active, or today inside its dates).
    pub active_mission: Option<Mission>,
    /// The active mission's items of today, in its own time zone.
    pub today: Vec<AgendaItem>,
    pub overdue_follow_ups: Vec<FollowUpView>,
    pub recent_meetings: Vec<Meeting>,
}

/// The mission a coordinator is on at `now`: one marked active, else one whose dates hold today
/// where it takes place.
pub fn active_mission(conn: &Connection, now: DateTime<Utc>) -> Result<Option<Mission>> {
    let list = missions::list(conn)?;
    if let Some(summary) = list.iter().find(|m| m.status == MissionStatus::Active) {
        return Ok(Some(missions::get(conn, &summary.id)?));
    }
    for summary in &list {
        let tz = fields::time_zone("timeZone", &summary.time_zone)?;
        let today = now.with_timezone(&tz).date_naive().to_string();
        if summary.status != MissionStatus::Closed && summary.starts_on <= today && today <= summary.ends_on {
            return Ok(Some(missions::get(conn, &summary.id)?));
        }
    }
    Ok(None)
}

pub fn get(conn: &Connection, now: DateTime<Utc>, home: &str) -> Result<Dashboard> {
    let home_tz = fields::time_zone("homeTimeZone", home)?;
    let today_home = now.with_timezone(&home_tz).date_naive();
    let mut upcoming: Vec<MissionSummary> = missions::list(conn)?
        .into_iter()
        .filter(|m| m.status != MissionStatus::Closed && m.ends_on >= today_home.to_string())
        .collect();
    upcoming.sort_by(|a, b| a.starts_on.cmp(&b.starts_on));
    let active = active_mission(conn, now)?;
    let today = match &active {
        Some(mission) => {
            let tz = fields::time_zone("timeZone", &mission.time_zone)?;
            let day = now.with_timezone(&tz).date_naive().to_string();
            agenda::of_mission(conn, &mission.id, home)?
                .days
                .into_iter()
                .filter(|d| d.date == day)
                .flat_map(|d| d.items)
                .collect()
        }
        None => Vec::new(),
    };
    let overdue = follow_ups::list(conn, &follow_ups::Filter { overdue_only: true, ..Default::default() }, today_home)?;
    Ok(Dashboard {
        upcoming_missions: upcoming,
        active_mission: active,
        today,
        overdue_follow_ups: overdue,
        recent_meetings: meetings::recent(conn, 10)?,
    })
}
