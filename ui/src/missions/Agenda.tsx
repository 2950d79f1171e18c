// Meetings, each with its time in its own zone and in the home zone: "10:00 Osaka · 03:00 Rome".
// (A mission's agenda, from agenda_get, is in AgendaView.)
import type { Meeting } from "../api";
import { AgreementBadge, Badge, InterestBadge, MeetingStatusBadge } from "../components/Badge";
import { IconClock, IconPin } from "../components/Icons";
import {
  dayKey,
  durationText,
  formatLongDay,
  formatTime,
  isValidTimeZone,
  meetingKindLabel,
  t,
  zoneCity,
} from "../i18n";
import { href, routes } from "../router";

export interface ZoneInfo {
  /** The IANA zone the agenda is laid out in (the mission's). */
  zone: string;
  /** How to name it, e.g. the mission's destination ("Osaka"). */
  label: string;
}

function minutesBetween(a: string, b: string): number | null {
  const x = new Date(a).getTime();
  const y = new Date(b).getTime();
  if (Number.isNaN(x) || Number.isNaN(y) || y <= x) return null;
  return Math.round((y - x) / 60000);
}

/** "10:00 Osaka · 03:00 Rome" (a single time when both zones are the same). */
export function dualTime(iso: string, local: ZoneInfo, home: string): string {
  const localTime = `${formatTime(iso, local.zone)} ${local.label}`;
  if (!isValidTimeZone(home) || home === local.zone) return localTime;
  let homeText = `${formatTime(iso, home)} ${zoneCity(home)}`;
  const dl = dayKey(iso, local.zone);
  const dh = dayKey(iso, home);
  if (dl && dh && dl !== dh) homeText += dh > dl ? " (+1)" : " (−1)";
  return `${localTime} · ${homeText}`;
}

function zoneFor(meeting: Meeting, fallback?: ZoneInfo): ZoneInfo {
  if (fallback && isValidTimeZone(fallback.zone)) return fallback;
  return { zone: meeting.timeZone, label: zoneCity(meeting.timeZone) };
}

export function MeetingItem({
  meeting,
  local,
  home,
  showDay,
  missionTitle,
}: {
  meeting: Meeting;
  local: ZoneInfo;
  home: string;
  showDay?: boolean;
  missionTitle?: string;
}) {
  const mins = minutesBetween(meeting.startsAt, meeting.endsAt);
  const endLocal = mins !== null ? formatTime(meeting.endsAt, local.zone) : "";
  const cancelled = meeting.status === "cancelled";
  return (
    <li class={"meeting" + (cancelled ? " meeting-cancelled" : "")} data-testid="meeting" data-id={meeting.id}>
      <div class="meeting-when">
        {showDay && <div class="meeting-day">{formatLongDay(dayKey(meeting.startsAt, local.zone))}</div>}
        <div class="meeting-time" data-testid="meeting-time">
          {dualTime(meeting.startsAt, local, home)}
        </div>
        {mins !== null && (
          <div class="meeting-end">
            <IconClock size={12} />
            <span>
              {"→ "}
              {endLocal} · {durationText(mins)}
            </span>
          </div>
        )}
      </div>
      <div class="meeting-body">
        <div class="meeting-head">
          <a class="meeting-title" href={href(routes.meeting(meeting.id))} data-testid="meeting-title">
            {meeting.title}
          </a>
          <Badge tone="neutral">{meetingKindLabel(meeting.kind)}</Badge>
          <MeetingStatusBadge status={meeting.status} />
          {meeting.interest && <InterestBadge interest={meeting.interest} />}
          {meeting.agreementStarted && <AgreementBadge kind={meeting.agreementKind} />}
        </div>
        <div class="meeting-meta">
          {meeting.place && (
            <span class="meeting-place">
              <IconPin size={12} />
              <span>{meeting.place}</span>
            </span>
          )}
          {missionTitle && meeting.missionId && (
            <a href={href(routes.mission(meeting.missionId))} class="meeting-mission">
              {missionTitle}
            </a>
          )}
        </div>
        {(meeting.persons.length > 0 || meeting.contacts.length > 0) && (
          <div class="meeting-attendees">
            <span class="meeting-label">{t("mission.attendees")}:</span>{" "}
            {meeting.persons.map((p, i) => (
              <span key={"p" + p.id} class="attendee attendee-person">
                {p.name}
                {i < meeting.persons.length - 1 || meeting.contacts.length > 0 ? ", " : ""}
              </span>
            ))}
            {meeting.contacts.map((c, i) => (
              <span key={"c" + c.id} class="attendee attendee-contact">
                <a href={href(routes.contact(c.id))}>{c.name}</a>
                {i < meeting.contacts.length - 1 ? ", " : ""}
              </span>
            ))}
          </div>
        )}
        {meeting.outcome && (
          <p class="meeting-outcome">
            <span class="meeting-label">{t("mission.outcome")}:</span> {meeting.outcome}
          </p>
        )}
        {meeting.notes && <p class="meeting-notes">{meeting.notes}</p>}
      </div>
    </li>
  );
}

/** Meetings outside a mission's context (e.g. a contact's), each in its own zone. */
export function MeetingList({
  meetings,
  home,
  missionTitles,
}: {
  meetings: Meeting[];
  home: string;
  missionTitles?: Record<string, string>;
}) {
  const sorted = [...meetings].sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  return (
    <ul class="meetings meetings-flat">
      {sorted.map((m) => (
        <MeetingItem
          key={m.id}
          meeting={m}
          local={zoneFor(m)}
          home={home}
          showDay
          missionTitle={m.missionId ? (missionTitles?.[m.missionId] ?? t("contact.mission")) : undefined}
        />
      ))}
    </ul>
  );
}
