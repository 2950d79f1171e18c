//! iCalendar (RFC 5545) export of a mission's agenda, for phone and desktop calendars.
//!
//! Every TZID used gets a VTIMEZONE built from the tz database through chrono-tz: one observance
//! for the offset in force at the start of the covered years and one per transition inside them,
//! so a calendar that knows nothing of IANA names still places each event at the right instant.
//! UIDs are the meetings' ids, so importing a newer export updates events instead of doubling them.

use std::collections::BTreeSet;

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc};
use chrono_tz::{OffsetComponents, OffsetName, Tz};
use rusqlite::Connection;

use crate::agenda::parse_utc;
use crate::error::Result;
use crate::fields;
use crate::meetings::{self, Meeting, MeetingStatus};
use crate::missions;

/// Escapes a TEXT value (RFC 5545 §3.3.11).
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// A parameter value: no double quotes or control characters allowed; quoted when it holds
/// `:`, `;` or `,` (§3.2).
fn param_value(text: &str) -> String {
    let clean: String = text.chars().filter(|c| *c != '"' && !c.is_control()).collect();
    if clean.contains([':', ';', ',']) {
        format!("\"{clean}\"")
    } else {
        clean
    }
}

/// Folds a content line at 75 octets without splitting a UTF-8 character, ending it with CRLF.
pub fn fold_line(line: &str, out: &mut String) {
    // Most lines fit: copy them whole (vCard exports fold a line per property, 100,000s of them).
    if line.len() <= 75 {
        out.push_str(line);
        out.push_str("\r\n");
        return;
    }
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

fn offset_text(seconds: i64) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.abs();
    if s % 60 == 0 {
        format!("{sign}{:02}{:02}", s / 3600, (s % 3600) / 60)
    } else {
        format!("{sign}{:02}{:02}{:02}", s / 3600, (s % 3600) / 60, s % 60)
    }
}

#[derive(Clone, PartialEq)]
struct Observance {
    offset: i64,
    dst: bool,
    name: String,
}

fn observance_at(tz: Tz, t: DateTime<Utc>) -> Observance {
    let offset = tz.offset_from_utc_datetime(&t.naive_utc());
    Observance {
        offset: (offset.base_utc_offset() + offset.dst_offset()).num_seconds(),
        dst: !offset.dst_offset().is_zero(),
        name: offset.abbreviation().unwrap_or("").to_owned(),
    }
}

/// The VTIMEZONE of `tz` covering the whole years `from..=to`.
pub fn vtimezone(tz: Tz, from_year: i32, to_year: i32, out: &mut String) {
    let start = Utc.from_utc_datetime(&NaiveDate::from_ymd_opt(from_year, 1, 1).unwrap_or_default().and_hms_opt(0, 0, 0).unwrap_or_default());
    let end = Utc.from_utc_datetime(&NaiveDate::from_ymd_opt(to_year + 1, 1, 1).unwrap_or_default().and_hms_opt(0, 0, 0).unwrap_or_default());
    fold_line("BEGIN:VTIMEZONE", out);
    fold_line(&format!("TZID:{}", tz.name()), out);
    let first = observance_at(tz, start);
    write_observance(&first, &first, start, out);
    let mut current = first;
    let mut day = start;
    while day < end {
        let next = day + Duration::days(1);
        let there = observance_at(tz, next);
        if there != current {
            // Narrow the change down to the second.
            let (mut lo, mut hi) = (day, next);
            while hi - lo > Duration::seconds(1) {
                let mid = lo + (hi - lo) / 2;
                if observance_at(tz, mid) == current { lo = mid } else { hi = mid }
            }
            write_observance(&current, &there, hi, out);
            current = there;
        }
        day = next;
    }
    fold_line("END:VTIMEZONE", out);
}

fn write_observance(from: &Observance, to: &Observance, at: DateTime<Utc>, out: &mut String) {
    let kind = if to.dst { "DAYLIGHT" } else { "STANDARD" };
    // DTSTART of an observance is the local time just before the change, in the old offset.
    let local = at.naive_utc() + Duration::seconds(from.offset);
    fold_line(&format!("BEGIN:{kind}"), out);
    fold_line(&format!("DTSTART:{}", local.format("%Y%m%dT%H%M%S")), out);
    fold_line(&format!("TZOFFSETFROM:{}", offset_text(from.offset)), out);
    fold_line(&format!("TZOFFSETTO:{}", offset_text(to.offset)), out);
    if !to.name.is_empty() {
        fold_line(&format!("TZNAME:{}", escape_text(&to.name)), out);
    }
    fold_line(&format!("END:{kind}"), out);
}

fn basic_utc(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// Writes a calendar with the given meetings.
pub fn calendar(name: &str, items: &[Meeting]) -> Result<String> {
    let mut out = String::new();
    for line in ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Ponte//Ponte agenda//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"] {
        fold_line(line, &mut out);
    }
    fold_line(&format!("X-WR-CALNAME:{}", escape_text(name)), &mut out);
    let mut zones: BTreeSet<(String, i32, i32)> = BTreeSet::new();
    let mut parsed = Vec::new();
    for m in items {
        let tz = fields::time_zone("timeZone", &m.time_zone)?;
        let (start, end) = (parse_utc(&m.starts_at)?, parse_utc(&m.ends_at)?);
        parsed.push((tz, start, end));
        zones.insert((tz.name().to_owned(), start.with_timezone(&tz).year(), end.with_timezone(&tz).year()));
    }
    // One VTIMEZONE per zone, covering every year its events fall in.
    let mut merged: Vec<(String, i32, i32)> = Vec::new();
    for (name, from, to) in zones {
        match merged.last_mut() {
            Some(last) if last.0 == name => {
                last.1 = last.1.min(from);
                last.2 = last.2.max(to);
            }
            _ => merged.push((name, from, to)),
        }
    }
    for (name, from, to) in merged {
        let tz = fields::time_zone("timeZone", &name)?;
        vtimezone(tz, from, to, &mut out);
    }
    for (m, (tz, start, end)) in items.iter().zip(parsed) {
        fold_line("BEGIN:VEVENT", &mut out);
        fold_line(&format!("UID:{}@ponte", m.id), &mut out);
        fold_line(&format!("DTSTAMP:{}", basic_utc(parse_utc(&m.updated_at)?)), &mut out);
        fold_line(&format!("DTSTART;TZID={}:{}", tz.name(), start.with_timezone(&tz).format("%Y%m%dT%H%M%S")), &mut out);
        fold_line(&format!("DTEND;TZID={}:{}", tz.name(), end.with_timezone(&tz).format("%Y%m%dT%H%M%S")), &mut out);
        fold_line(&format!("SUMMARY:{}", escape_text(&m.title)), &mut out);
        if !m.place.is_empty() {
            fold_line(&format!("LOCATION:{}", escape_text(&m.place)), &mut out);
        }
        let description = [m.notes.as_str(), m.outcome.as_str()].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>().join("\n\n");
        if !description.is_empty() {
            fold_line(&format!("DESCRIPTION:{}", escape_text(&description)), &mut out);
        }
        fold_line(&format!("CATEGORIES:{}", m.kind.as_str().to_uppercase()), &mut out);
        let status = if m.status == MeetingStatus::Cancelled { "CANCELLED" } else { "CONFIRMED" };
        fold_line(&format!("STATUS:{status}"), &mut out);
        for a in m.persons.iter().chain(&m.contacts) {
            let address = if a.email.is_empty() { format!("urn:uuid:{}", a.id) } else { format!("mailto:{}", a.email) };
            fold_line(&format!("ATTENDEE;CN={};ROLE=REQ-PARTICIPANT:{address}", param_value(&a.name)), &mut out);
        }
        fold_line("END:VEVENT", &mut out);
    }
    fold_line("END:VCALENDAR", &mut out);
    Ok(out)
}

/// The agenda of a mission as a calendar; with `person_id`, only that delegate's items.
pub fn mission(conn: &Connection, mission_id: &str, person_id: Option<&str>) -> Result<String> {
    let mission = missions::get(conn, mission_id)?;
    let mut items = meetings::list_of_mission(conn, mission_id)?;
    if let Some(person) = person_id {
        crate::members::get_person(conn, person)?;
        items.retain(|m| m.persons.iter().any(|p| p.id == person));
    }
    calendar(&mission.title, &items)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape_text("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_characters() {
        let mut out = String::new();
        let line = format!("SUMMARY:{}", "東京".repeat(40));
        fold_line(&line, &mut out);
        for physical in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(physical.len() <= 75, "{} octets: {physical}", physical.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded.trim_end(), line);
    }

    #[test]
    fn new_york_has_both_changes_of_2021_and_tokyo_none() {
        let mut ny = String::new();
        vtimezone(chrono_tz::America::New_York, 2021, 2021, &mut ny);
        assert!(ny.contains("BEGIN:DAYLIGHT\r\nDTSTART:20210314T020000\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400"), "{ny}");
        assert!(ny.contains("BEGIN:STANDARD\r\nDTSTART:20211107T020000\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500"), "{ny}");
        let mut tokyo = String::new();
        vtimezone(chrono_tz::Asia::Tokyo, 2025, 2025, &mut tokyo);
        assert_eq!(tokyo.matches("BEGIN:STANDARD").count(), 1);
        assert!(tokyo.contains("TZOFFSETTO:+0900"));
    }
}
