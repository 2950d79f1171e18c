// A mission's agenda, day by day: every item in the mission's zone and at home side by side
// ("10:00 Osaka · 03:00 Roma"), with clashes (someone booked twice), actions (held, cancelled,
// log it, edit), calendar export (.ics) and a printable layout (one day per page).
import { useState } from "preact/hooks";
import * as api from "../api";
import type { Agenda, AgendaItem, Delegate, MeetingStatus, MissionDetail } from "../api";
import { AgreementBadge, Badge, InterestBadge, MeetingStatusBadge } from "../components/Badge";
import { useApp } from "../components/context";
import { Panel } from "../components/DetailList";
import { IconAlert, IconCalendar, IconCheck, IconClock, IconClose, IconEdit, IconLog, IconPin, IconPlus, IconPrint, IconUndo } from "../components/Icons";
import { LoadError, Loading } from "../components/States";
import type { Loaded } from "../components/useLoad";
import {
  addDays,
  dayShift,
  durationText,
  formatDateRange,
  formatLongDay,
  isValidTimeZone,
  localDate,
  localTime,
  meetingKindLabel,
  minutesBetweenLocal,
  t,
  wallClock,
  zoneCity,
} from "../i18n";
import { MeetingForm } from "../meetings/MeetingForm";
import { href, routes } from "../router";

/** How the mission's zone is named next to times: its destination ("Osaka"), else the zone's city. */
export function missionZoneLabel(m: { destination: string; timeZone: string }): string {
  return m.destination.trim() || zoneCity(m.timeZone);
}

/** "10:00 Osaka · 03:00 Roma" for an agenda item's start (one time when both zones are the same). */
export function itemStartText(item: AgendaItem, label: string, sameZone: boolean, home: string): string {
  const local = `${localTime(item.localStart)} ${label}`;
  if (sameZone) return local;
  const shift = dayShift(localDate(item.localStart), localDate(item.homeStart));
  return `${local} · ${localTime(item.homeStart)} ${zoneCity(home)}${shift ? " " + shift : ""}`;
}

/** "→ 11:00 · 04:00 · 1 h" for an agenda item's end, in the same order as the start. */
export function itemEndText(item: AgendaItem, sameZone: boolean): string {
  const mins = minutesBetweenLocal(item.localStart, item.localEnd);
  const parts = [localTime(item.localEnd)];
  if (!sameZone) {
    const shift = dayShift(localDate(item.localStart), localDate(item.homeEnd));
    parts.push(localTime(item.homeEnd) + (shift ? " " + shift : ""));
  }
  if (mins !== null && mins > 0) parts.push(durationText(mins));
  return "→ " + parts.join(" · ");
}

/** Days of the mission (at most 31), with the days of items outside them. */
function timeline(agenda: Agenda): { date: string; items: AgendaItem[] }[] {
  const byDay = new Map(agenda.days.map((d) => [d.date, d.items]));
  const dates = new Set(agenda.days.map((d) => d.date));
  const { startsOn, endsOn } = agenda.mission;
  if (startsOn && endsOn && startsOn <= endsOn) {
    let d = startsOn;
    for (let i = 0; i < 31 && d <= endsOn; i++) {
      dates.add(d);
      d = addDays(d, 1);
    }
  }
  return [...dates].sort().map((date) => ({ date, items: byDay.get(date) ?? [] }));
}

type Editing = { kind: "new"; day: string } | { kind: "edit"; id: string } | null;

export function AgendaView({
  detail,
  agenda,
  onChanged,
  onExport,
  exporting,
}: {
  detail: MissionDetail;
  agenda: Loaded<Agenda>;
  onChanged: () => void;
  onExport: (personId?: string) => void;
  exporting: boolean;
}) {
  const app = useApp();
  const m = detail.mission;
  const [editing, setEditing] = useState<Editing>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [exportPerson, setExportPerson] = useState("");
  const home = agenda.data?.homeTimeZone ?? app.settings.homeTimeZone;
  const zone = isValidTimeZone(m.timeZone) ? m.timeZone : home;
  const label = missionZoneLabel(m);
  const sameZone = !isValidTimeZone(home) || home === zone;
  const delegates: Delegate[] = detail.delegates.filter((d) => d.status !== "withdrawn");
  const todayThere = wallClock(new Date(), zone).slice(0, 10);
  const days = agenda.data ? timeline(agenda.data) : [];
  const itemCount = agenda.data?.days.reduce((n, d) => n + d.items.length, 0) ?? detail.meetings.length;

  const firstDay = () => {
    if (m.startsOn && m.endsOn && todayThere >= m.startsOn && todayThere <= m.endsOn) return todayThere;
    return m.startsOn || todayThere;
  };

  const setStatus = (item: AgendaItem, status: MeetingStatus) => {
    setBusy(item.meeting.id);
    app.clearError();
    api.meetings.setStatus(item.meeting.id, status).then(
      () => {
        setBusy(null);
        app.notify("notice.saved");
        onChanged();
      },
      (e: unknown) => {
        setBusy(null);
        app.showError(e);
      },
    );
  };

  const focusItem = (id: string) => {
    const el = document.querySelector<HTMLElement>(`.agenda-item[data-id="${CSS.escape(id)}"]`);
    if (el) {
      el.scrollIntoView({ block: "center" });
      el.focus();
    }
  };

  const form = (day?: string, item?: AgendaItem) => (
    <MeetingForm
      key={item ? item.meeting.id : "new-" + day}
      meeting={item?.meeting}
      missionId={m.id}
      zone={zone}
      day={day}
      delegates={detail.delegates}
      zoneLabel={label}
      onDone={() => {
        setEditing(null);
        onChanged();
      }}
      onCancel={() => setEditing(null)}
    />
  );

  return (
    <Panel
      title={t("mission.agenda")}
      count={itemCount}
      testid="mission-agenda"
      class="agenda-panel"
      actions={
        <span class="panel-note">
          {sameZone ? t("mission.sameZone") : t("mission.timesIn", { zone: label, home: zoneCity(home) })}
        </span>
      }
    >
      <div class="agenda-toolbar no-print">
        <button
          type="button"
          class="btn btn-small btn-primary"
          data-testid="agenda-add"
          onClick={() => setEditing({ kind: "new", day: firstDay() })}
          disabled={editing?.kind === "new"}
        >
          <IconPlus />
          {t("agenda.addItem")}
        </button>
        <span class="toolbar-sep" />
        <button
          type="button"
          class="btn btn-small"
          data-testid="export-ics"
          onClick={() => onExport()}
          disabled={exporting}
        >
          <IconCalendar />
          {t("agenda.exportIcs")}
        </button>
        {delegates.length > 0 && (
          <span class="export-person">
            <select
              class="input select input-small"
              data-testid="export-ics-person"
              aria-label={t("agenda.exportForLabel")}
              value={exportPerson}
              onChange={(e) => setExportPerson(e.currentTarget.value)}
            >
              <option value="">{t("agenda.chooseDelegate")}</option>
              {delegates.map((d) => (
                <option key={d.id} value={d.personId}>
                  {d.name} · {d.memberName}
                </option>
              ))}
            </select>
            <button
              type="button"
              class="btn btn-small"
              data-testid="export-ics-delegate"
              onClick={() => exportPerson && onExport(exportPerson)}
              disabled={exporting || !exportPerson}
            >
              <IconCalendar />
              {t("agenda.exportDelegate")}
            </button>
          </span>
        )}
        <button type="button" class="btn btn-small" data-testid="print-agenda" onClick={() => window.print()}>
          <IconPrint />
          {t("agenda.print")}
        </button>
      </div>
      <p class="print-only print-note">
        {formatDateRange(m.startsOn, m.endsOn)} ·{" "}
        {sameZone ? t("mission.sameZone") : t("mission.timesIn", { zone: label, home: zoneCity(home) })}
      </p>

      {editing?.kind === "new" && form(editing.day)}

      {agenda.error && !agenda.data ? (
        <LoadError error={agenda.error} onRetry={agenda.reload} />
      ) : !agenda.data ? (
        <Loading />
      ) : days.length === 0 ? (
        <p class="empty-inline">{t("mission.noMeetings")}</p>
      ) : (
        <div class="agenda" data-testid="agenda">
          {days.map((day) =>
            day.items.length === 0 ? (
              <section class="agenda-day agenda-day-empty" key={day.date} data-testid="agenda-day-empty" data-day={day.date}>
                <h3 class="agenda-day-title">
                  <span>{formatLongDay(day.date)}</span>
                  {day.date === todayThere && <Badge tone="accent">{t("agenda.today")}</Badge>}
                </h3>
                <div class="agenda-empty-day">
                  <span class="muted">{t("agenda.nothingPlanned")}</span>
                  <button
                    type="button"
                    class="link-btn no-print"
                    data-testid="agenda-add-day"
                    onClick={() => setEditing({ kind: "new", day: day.date })}
                  >
                    {t("agenda.addOnDay")}
                  </button>
                </div>
              </section>
            ) : (
              <section class="agenda-day" key={day.date} data-testid="agenda-day" data-day={day.date}>
                <h3 class="agenda-day-title">
                  <span>{formatLongDay(day.date)}</span>
                  {day.date === todayThere && <Badge tone="accent">{t("agenda.today")}</Badge>}
                  <button
                    type="button"
                    class="link-btn no-print agenda-day-add"
                    data-testid="agenda-add-day"
                    onClick={() => setEditing({ kind: "new", day: day.date })}
                  >
                    <IconPlus size={12} />
                    {t("agenda.addOnDay")}
                  </button>
                </h3>
                <ul class="meetings">
                  {day.items.map((item) =>
                    editing?.kind === "edit" && editing.id === item.meeting.id ? (
                      <li key={item.meeting.id} class="agenda-item-editing">
                        {form(undefined, item)}
                      </li>
                    ) : (
                      <AgendaEntry
                        key={item.meeting.id}
                        item={item}
                        startText={itemStartText(item, label, sameZone, home)}
                        endText={itemEndText(item, sameZone)}
                        busy={busy === item.meeting.id}
                        onStatus={(s) => setStatus(item, s)}
                        onEdit={() => setEditing({ kind: "edit", id: item.meeting.id })}
                        onLog={() => app.openLog({ meeting: item.meeting, missionId: m.id })}
                        onFocusItem={focusItem}
                      />
                    ),
                  )}
                </ul>
              </section>
            ),
          )}
        </div>
      )}
    </Panel>
  );
}

function AgendaEntry({
  item,
  startText,
  endText,
  busy,
  onStatus,
  onEdit,
  onLog,
  onFocusItem,
}: {
  item: AgendaItem;
  startText: string;
  endText: string;
  busy: boolean;
  onStatus: (s: MeetingStatus) => void;
  onEdit: () => void;
  onLog: () => void;
  onFocusItem: (id: string) => void;
}) {
  const mt = item.meeting;
  const cancelled = mt.status === "cancelled";
  // One line per other item: who is booked in both.
  const clashes = new Map<string, { title: string; names: string[] }>();
  for (const c of item.clashes) {
    const entry = clashes.get(c.withMeetingId) ?? { title: c.withTitle, names: [] };
    if (!entry.names.includes(c.name)) entry.names.push(c.name);
    clashes.set(c.withMeetingId, entry);
  }
  return (
    <li
      class={
        "meeting agenda-item" +
        (cancelled ? " meeting-cancelled" : "") +
        (mt.status === "held" ? " meeting-held" : "") +
        (clashes.size ? " has-clash" : "")
      }
      data-testid="meeting"
      data-id={mt.id}
      data-status={mt.status}
      tabIndex={-1}
    >
      <div class="meeting-when">
        <div class="meeting-time" data-testid="meeting-time">
          {startText}
        </div>
        <div class="meeting-end" data-testid="meeting-end">
          <IconClock size={12} />
          <span>{endText}</span>
        </div>
      </div>
      <div class="meeting-body">
        <div class="meeting-head">
          <a class="meeting-title" href={href(routes.meeting(mt.id))} data-testid="meeting-title">
            {mt.title}
          </a>
          <Badge tone="neutral">{meetingKindLabel(mt.kind)}</Badge>
          <MeetingStatusBadge status={mt.status} />
          {mt.interest && <InterestBadge interest={mt.interest} />}
          {mt.agreementStarted && <AgreementBadge kind={mt.agreementKind} />}
        </div>
        {mt.place && (
          <div class="meeting-meta">
            <span class="meeting-place">
              <IconPin size={12} />
              <span>{mt.place}</span>
            </span>
          </div>
        )}
        {(mt.persons.length > 0 || mt.contacts.length > 0) && (
          <div class="meeting-attendees">
            <span class="meeting-label">{t("mission.attendees")}:</span>{" "}
            {mt.persons.map((p, i) => (
              <span key={"p" + p.id} class="attendee attendee-person">
                {p.name}
                {i < mt.persons.length - 1 || mt.contacts.length > 0 ? ", " : ""}
              </span>
            ))}
            {mt.contacts.map((c, i) => (
              <span key={"c" + c.id} class="attendee attendee-contact">
                <a href={href(routes.contact(c.id))}>{c.name}</a>
                {i < mt.contacts.length - 1 ? ", " : ""}
              </span>
            ))}
          </div>
        )}
        {clashes.size > 0 && (
          <ul class="clash-list" data-testid="clash-warning" role="note">
            {[...clashes].map(([withId, c]) => (
              <li key={withId} class="clash" data-with={withId}>
                <IconAlert size={14} />
                <span>
                  {t("agenda.clash", { names: c.names.join(", ") })}{" "}
                  <button type="button" class="link-btn clash-link" onClick={() => onFocusItem(withId)}>
                    «{c.title}»
                  </button>
                </span>
              </li>
            ))}
          </ul>
        )}
        {mt.outcome && (
          <p class="meeting-outcome">
            <span class="meeting-label">{t("mission.outcome")}:</span> {mt.outcome}
          </p>
        )}
        {mt.notes && <p class="meeting-notes">{mt.notes}</p>}
        <div class="item-actions no-print">
          {mt.status === "planned" && (
            <button type="button" class="btn btn-small btn-primary" data-testid="log-this-meeting" onClick={onLog}>
              <IconLog />
              {t("agenda.logThis")}
            </button>
          )}
          {mt.status !== "held" && (
            <button type="button" class="btn btn-small" data-testid="mark-held" disabled={busy} onClick={() => onStatus("held")}>
              <IconCheck />
              {t("agenda.markHeld")}
            </button>
          )}
          {mt.status !== "cancelled" && (
            <button
              type="button"
              class="btn btn-small"
              data-testid="mark-cancelled"
              disabled={busy}
              onClick={() => onStatus("cancelled")}
            >
              <IconClose />
              {t("agenda.markCancelled")}
            </button>
          )}
          {mt.status !== "planned" && (
            <button
              type="button"
              class="btn btn-small"
              data-testid="mark-planned"
              disabled={busy}
              onClick={() => onStatus("planned")}
            >
              <IconUndo />
              {t("agenda.markPlanned")}
            </button>
          )}
          <button type="button" class="btn btn-small" data-testid="agenda-item-edit" onClick={onEdit}>
            <IconEdit />
            {t("action.edit")}
          </button>
        </div>
      </div>
    </li>
  );
}
