"""Reads an iCalendar file with the independent `icalendar` library and prints its events as JSON.

Used by tests/ics.rs to check Ponte's export with a parser Ponte did not write. Each event gives
its UID, summary, start and end as UTC instants (resolved through the file's own VTIMEZONE), the
TZID, and attendees' names.
"""
import json
import sys
from datetime import timezone

import icalendar


def main(path):
    with open(path, "rb") as f:
        cal = icalendar.Calendar.from_ical(f.read())
    zones = [str(z["TZID"]) for z in cal.walk("VTIMEZONE")]
    events = []
    for ev in cal.walk("VEVENT"):
        start = ev.decoded("DTSTART")
        end = ev.decoded("DTEND")
        attendees = ev.get("ATTENDEE", [])
        if not isinstance(attendees, list):
            attendees = [attendees]
        events.append({
            "uid": str(ev["UID"]),
            "summary": str(ev["SUMMARY"]),
            "description": str(ev.get("DESCRIPTION", "")),
            "location": str(ev.get("LOCATION", "")),
            "tzid": start.tzinfo.key if hasattr(start.tzinfo, "key") else str(ev["DTSTART"].params.get("TZID")),
            "start_utc": start.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "end_utc": end.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "attendees": [str(a.params.get("CN", "")) for a in attendees],
            "status": str(ev.get("STATUS", "")),
        })
    json.dump({"timezones": zones, "events": events}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
