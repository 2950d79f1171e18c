// Everything about one meeting (#/meetings/<id>): when (in its zone, the mission's and at home),
// who, notes, outcome, interest, follow-ups; edit, delete, mark held / cancelled, log it.
import { useState } from "preact/hooks";
import * as api from "../api";
import type { FollowUpView, Meeting, MeetingStatus, MissionDetail } from "../api";
import { AgreementBadge, Badge, InterestBadge, MeetingStatusBadge } from "../components/Badge";
import { useApp } from "../components/context";
import { Dl, DlRow, Panel } from "../components/DetailList";
import { IconCheck, IconClose, IconEdit, IconLog, IconPin, IconTrash, IconUndo } from "../components/Icons";
import { useConfirmDelete } from "../components/Modal";
import { DetailHeader } from "../components/PageHeader";
import { LoadGate } from "../components/States";
import { useLoad } from "../components/useLoad";
import { FollowUpTable, useFollowUpToggle } from "../follow_ups/FollowUpTable";
import {
  agreementKindLabel,
  dayShift,
  durationText,
  formatLongDay,
  formatTimestamp,
  interestLabel,
  isValidTimeZone,
  localDate,
  localTime,
  meetingKindLabel,
  meetingStatusLabel,
  minutesBetweenLocal,
  t,
  wallClock,
  zoneCity,
  zoneOffset,
} from "../i18n";
import { href, navigate, routes } from "../router";

interface Loaded {
  meeting: Meeting;
  mission: MissionDetail | null;
  followUps: FollowUpView[];
}

export function MeetingDetailView({ id }: { id: string }) {
  const app = useApp();
  const loaded = useLoad<Loaded>(async () => {
    const meeting = await api.meetings.get(id);
    const [mission, followUps] = await Promise.all([
      meeting.missionId ? api.missions.get(meeting.missionId).catch(() => null) : Promise.resolve(null),
      api.followUps
        .list({ missionId: meeting.missionId, includeDone: true })
        .then((list) => list.filter((f) => f.meetingId === id))
        .catch((): FollowUpView[] => []),
    ]);
    return { meeting, mission, followUps };
  }, [id, app.dataVersion]);
  const del = useConfirmDelete();
  return (
    <div class="screen">
      <LoadGate loaded={loaded} backTo={routes.dashboard()} section={t("nav.dashboard")}>
        {(d) => (
          <MeetingBody
            data={d}
            reload={loaded.reload}
            onDelete={() =>
              del.ask({
                name: d.meeting.title,
                body: t("confirm.bodyMeeting", { name: d.meeting.title }),
                run: () => api.meetings.delete(d.meeting.id),
                onDone: () =>
                  navigate(
                    d.meeting.missionId ? routes.missionSection(d.meeting.missionId, "agenda") : routes.dashboard(),
                  ),
              })
            }
          />
        )}
      </LoadGate>
      {del.modal}
    </div>
  );
}

/** "10:00–11:00" of an instant pair in a zone, with "(+1)" when the end is on the next day. */
function timeRange(startIso: string, endIso: string, zone: string): string {
  const a = wallClock(startIso, zone);
  const b = wallClock(endIso, zone);
  const shift = dayShift(localDate(a), localDate(b));
  return `${localTime(a)}–${localTime(b)}${shift ? " " + shift : ""}`;
}

function MeetingBody({ data, reload, onDelete }: { data: Loaded; reload: () => void; onDelete: () => void }) {
  const app = useApp();
  const m = data.meeting;
  const mission = data.mission?.mission ?? null;
  const home = app.settings.homeTimeZone;
  const zone = isValidTimeZone(m.timeZone) ? m.timeZone : home;
  const startLocal = wallClock(m.startsAt, zone);
  const endLocal = wallClock(m.endsAt, zone);
  const mins = minutesBetweenLocal(startLocal, endLocal);
  const zoneLabel =
    mission && mission.timeZone === zone && mission.destination.trim() ? mission.destination.trim() : zoneCity(zone);
  const showMissionZone = mission && isValidTimeZone(mission.timeZone) && mission.timeZone !== zone;
  const showHome = isValidTimeZone(home) && home !== zone;
  const [busy, setBusy] = useState(false);
  const { rows: followUps, toggle } = useFollowUpToggle(data.followUps);

  const setStatus = (status: MeetingStatus) => {
    setBusy(true);
    app.clearError();
    api.meetings.setStatus(m.id, status).then(
      () => {
        setBusy(false);
        app.notify("notice.saved");
        reload();
      },
      (e: unknown) => {
        setBusy(false);
        app.showError(e);
      },
    );
  };

  return (
    <>
      <DetailHeader
        section={mission ? mission.title : t("nav.dashboard")}
        sectionPath={mission ? routes.missionSection(mission.id, "agenda") : routes.dashboard()}
        title={m.title}
        kicker={<MeetingStatusBadge status={m.status} />}
        meta={
          <>
            <span class="meta-item tabular" data-testid="meeting-when">
              {formatLongDay(localDate(startLocal))} · {timeRange(m.startsAt, m.endsAt, zone)} {zoneLabel}
            </span>
            <Badge tone="neutral">{meetingKindLabel(m.kind)}</Badge>
            {m.interest && <InterestBadge interest={m.interest} />}
            {m.agreementStarted && <AgreementBadge kind={m.agreementKind} />}
            {m.place && (
              <span class="meta-item">
                <IconPin size={13} />
                {m.place}
              </span>
            )}
          </>
        }
        actions={
          <>
            {m.status === "planned" && (
              <button
                type="button"
                class="btn btn-primary"
                data-testid="log-this-meeting"
                onClick={() => app.openLog({ meeting: m, missionId: m.missionId ?? undefined })}
              >
                <IconLog />
                {t("agenda.logThis")}
              </button>
            )}
            <a class="btn" href={href(routes.meetingEdit(m.id))} data-testid="edit">
              <IconEdit />
              {t("action.edit")}
            </a>
            <button type="button" class="btn btn-danger-ghost" data-testid="delete" onClick={onDelete}>
              <IconTrash />
              {t("action.delete")}
            </button>
          </>
        }
      />
      <div class="detail-grid">
        <div class="detail-main">
          <Panel title={t("meeting.when")} testid="meeting-times">
            <Dl>
              <DlRow label={t("field.date")}>{formatLongDay(localDate(startLocal))}</DlRow>
              <DlRow label={t("meeting.localTime", { city: zoneLabel })} testid="meeting-local-time">
                <span class="tabular">{timeRange(m.startsAt, m.endsAt, zone)}</span>
                <span class="muted">
                  {" "}
                  ({zone}
                  {zoneOffset(zone, new Date(m.startsAt)) ? ", " + zoneOffset(zone, new Date(m.startsAt)) : ""})
                </span>
              </DlRow>
              {showMissionZone && mission && (
                <DlRow label={t("meeting.localTime", { city: mission.destination.trim() || zoneCity(mission.timeZone) })}>
                  <span class="tabular">{timeRange(m.startsAt, m.endsAt, mission.timeZone)}</span>
                </DlRow>
              )}
              {showHome && (
                <DlRow label={t("meeting.homeTime", { city: zoneCity(home) })} testid="meeting-home-time">
                  <span class="tabular">{timeRange(m.startsAt, m.endsAt, home)}</span>
                  {dayShift(localDate(startLocal), localDate(wallClock(m.startsAt, home))) && (
                    <span class="muted">
                      {" "}
                      · {formatLongDay(localDate(wallClock(m.startsAt, home)))}
                    </span>
                  )}
                </DlRow>
              )}
              <DlRow label={t("field.duration")}>{mins !== null && mins > 0 ? durationText(mins) : ""}</DlRow>
            </Dl>
          </Panel>
          <Panel title={t("meeting.notesOutcome")}>
            <Dl>
              <DlRow label={t("field.notes")} pre testid="meeting-notes">
                {m.notes}
              </DlRow>
              <DlRow label={t("mission.outcome")} pre testid="meeting-outcome">
                {m.outcome}
              </DlRow>
              <DlRow label={t("field.interest")}>{m.interest ? interestLabel(m.interest) : ""}</DlRow>
              <DlRow label={t("field.agreementStarted")} testid="meeting-agreement">
                {m.agreementStarted ? agreementKindLabel(m.agreementKind) : ""}
              </DlRow>
            </Dl>
          </Panel>
          <Panel title={t("log.followUps")} count={followUps?.length ?? 0} testid="meeting-follow-ups">
            {!followUps || followUps.length === 0 ? (
              <p class="empty-inline">{t("meeting.noFollowUps")}</p>
            ) : (
              <div class="table-wrap table-wrap-inner">
                <FollowUpTable rows={followUps} onToggle={toggle} showMission={false} compact testid="meeting-follow-ups-table" />
              </div>
            )}
          </Panel>
        </div>
        <div class="detail-side">
          <Panel title={t("common.details")}>
            <Dl>
              <DlRow label={t("field.kind")}>{meetingKindLabel(m.kind)}</DlRow>
              <DlRow label={t("field.status")} testid="meeting-status">
                {meetingStatusLabel(m.status)}
              </DlRow>
              <DlRow label={t("mission.place")}>{m.place}</DlRow>
              <DlRow label={t("col.mission")}>
                {mission && <a href={href(routes.missionSection(mission.id, "agenda"))}>{mission.title}</a>}
              </DlRow>
              <DlRow label={t("common.createdAt")}>{formatTimestamp(m.createdAt)}</DlRow>
              <DlRow label={t("common.updatedAt")}>{formatTimestamp(m.updatedAt)}</DlRow>
            </Dl>
            <div class="item-actions">
              {m.status !== "held" && (
                <button type="button" class="btn btn-small" data-testid="mark-held" disabled={busy} onClick={() => setStatus("held")}>
                  <IconCheck />
                  {t("agenda.markHeld")}
                </button>
              )}
              {m.status !== "cancelled" && (
                <button
                  type="button"
                  class="btn btn-small"
                  data-testid="mark-cancelled"
                  disabled={busy}
                  onClick={() => setStatus("cancelled")}
                >
                  <IconClose />
                  {t("agenda.markCancelled")}
                </button>
              )}
              {m.status !== "planned" && (
                <button
                  type="button"
                  class="btn btn-small"
                  data-testid="mark-planned"
                  disabled={busy}
                  onClick={() => setStatus("planned")}
                >
                  <IconUndo />
                  {t("agenda.markPlanned")}
                </button>
              )}
            </div>
          </Panel>
          <Panel title={t("mission.attendees")} count={m.persons.length + m.contacts.length} testid="meeting-attendees">
            <h3 class="subhead subhead-first">{t("meeting.delegates")}</h3>
            {m.persons.length === 0 ? (
              <p class="empty-inline">{t("meeting.noDelegates")}</p>
            ) : (
              <ul class="item-list">
                {m.persons.map((p) => {
                  const delegate = data.mission?.delegates.find((d) => d.personId === p.id);
                  return (
                    <li key={p.id} class="item" data-testid="meeting-person" data-id={p.id}>
                      <div class="item-main">
                        {delegate ? (
                          <a href={href(routes.member(delegate.memberId, p.id))}>{p.name}</a>
                        ) : (
                          <span class="item-name">{p.name}</span>
                        )}
                        {(delegate?.memberName || p.email) && (
                          <span class="item-sub selectable">
                            {[delegate?.memberName, p.email].filter(Boolean).join(" · ")}
                          </span>
                        )}
                      </div>
                    </li>
                  );
                })}
              </ul>
            )}
            <h3 class="subhead">{t("meeting.contacts")}</h3>
            {m.contacts.length === 0 ? (
              <p class="empty-inline">{t("meeting.noContacts")}</p>
            ) : (
              <ul class="item-list">
                {m.contacts.map((c) => (
                  <li key={c.id} class="item" data-testid="meeting-contact" data-id={c.id}>
                    <div class="item-main">
                      <a href={href(routes.contact(c.id))}>{c.name}</a>
                      {c.email && <span class="item-sub selectable">{c.email}</span>}
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </Panel>
        </div>
      </div>
    </>
  );
}
