import * as api from "../api";
import type { MissionDetail } from "../api";
import { Badge, MissionStatusBadge, ParticipationBadge } from "../components/Badge";
import { useApp } from "../components/context";
import { Dl, DlRow, Panel } from "../components/DetailList";
import { IconEdit, IconPin, IconTrash } from "../components/Icons";
import { useConfirmDelete } from "../components/Modal";
import { DetailHeader } from "../components/PageHeader";
import { LoadGate } from "../components/States";
import { useLoad } from "../components/useLoad";
import {
  countryName,
  daysInRange,
  formatDate,
  formatDateRange,
  formatTimestamp,
  isValidTimeZone,
  missionStatusLabel,
  t,
  tn,
  zoneCity,
  zoneOffset,
} from "../i18n";
import { href, navigate, routes } from "../router";
import { Agenda, type ZoneInfo } from "./Agenda";

export function MissionDetailView({ id }: { id: string }) {
  const loaded = useLoad(() => api.missions.get(id), [id]);
  const del = useConfirmDelete();
  return (
    <div class="screen">
      <LoadGate loaded={loaded} backTo={routes.missions()} section={t("nav.missions")}>
        {(d) => (
          <MissionBody
            detail={d}
            onDelete={() =>
              del.ask({
                name: d.mission.title,
                body: t("confirm.bodyMission", { name: d.mission.title }),
                run: () => api.missions.delete(d.mission.id),
                onDone: () => navigate(routes.missions()),
              })
            }
          />
        )}
      </LoadGate>
      {del.modal}
    </div>
  );
}

function MissionBody({ detail, onDelete }: { detail: MissionDetail; onDelete: () => void }) {
  const { settings } = useApp();
  const m = detail.mission;
  const home = settings.homeTimeZone;
  const days = daysInRange(m.startsOn, m.endsOn);
  const local: ZoneInfo = {
    zone: isValidTimeZone(m.timeZone) ? m.timeZone : home,
    label: m.destination.trim() || zoneCity(m.timeZone),
  };
  const place = [m.destination, countryName(m.country)].filter(Boolean).join(", ");

  return (
    <>
      <DetailHeader
        section={t("nav.missions")}
        sectionPath={routes.missions()}
        title={m.title}
        kicker={<MissionStatusBadge status={m.status} />}
        meta={
          <>
            {place && (
              <span class="meta-item">
                <IconPin size={13} />
                {place}
              </span>
            )}
            <span class="meta-item tabular">
              {formatDateRange(m.startsOn, m.endsOn)}
              {days !== null && days > 0 && <span class="muted"> · {tn("mission.days", days)}</span>}
            </span>
            {m.online && <Badge tone="accent">{t("mission.online")}</Badge>}
          </>
        }
        actions={
          <>
            <a class="btn" href={href(routes.missionEdit(m.id))} data-testid="edit">
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
          {(m.objectives || m.notes) && (
            <Panel title={t("field.objectives")}>
              {m.objectives ? <p class="prose pre" data-testid="mission-objectives">{m.objectives}</p> : <p class="muted">—</p>}
              {m.notes && (
                <>
                  <h3 class="subhead">{t("field.notes")}</h3>
                  <p class="prose pre">{m.notes}</p>
                </>
              )}
            </Panel>
          )}
          <Panel
            title={t("mission.agenda")}
            count={detail.meetings.length}
            testid="mission-agenda"
            actions={
              <span class="panel-note">
                {home && home !== local.zone
                  ? t("mission.timesIn", { zone: local.label, home: zoneCity(home) })
                  : t("mission.sameZone")}
              </span>
            }
          >
            {detail.meetings.length === 0 ? (
              <p class="empty-inline">{t("mission.noMeetings")}</p>
            ) : (
              <Agenda meetings={detail.meetings} local={local} home={home} />
            )}
          </Panel>
        </div>
        <div class="detail-side">
          <Panel title={t("common.details")}>
            <Dl>
              <DlRow label={t("field.destination")}>{m.destination}</DlRow>
              <DlRow label={t("field.country")}>{countryName(m.country)}</DlRow>
              <DlRow label={t("field.timeZone")}>
                {m.timeZone && (
                  <>
                    {m.timeZone}
                    {zoneOffset(m.timeZone) && <span class="muted"> ({zoneOffset(m.timeZone)})</span>}
                  </>
                )}
              </DlRow>
              <DlRow label={t("field.startsOn")}>{formatDate(m.startsOn)}</DlRow>
              <DlRow label={t("field.endsOn")}>{formatDate(m.endsOn)}</DlRow>
              <DlRow label={t("field.status")}>{missionStatusLabel(m.status)}</DlRow>
              <DlRow label={t("field.online")}>{m.online ? t("common.yes") : t("common.no")}</DlRow>
              <DlRow label={t("common.createdAt")}>{formatTimestamp(m.createdAt)}</DlRow>
              <DlRow label={t("common.updatedAt")}>{formatTimestamp(m.updatedAt)}</DlRow>
            </Dl>
          </Panel>
          <Panel title={t("mission.delegation")} count={detail.participations.length} testid="mission-delegation">
            {detail.participations.length === 0 ? (
              <p class="empty-inline">{t("mission.noDelegation")}</p>
            ) : (
              <ul class="item-list">
                {detail.participations.map((p) => (
                  <li key={p.id} class="item" data-testid="participation" data-id={p.id}>
                    <div class="item-main">
                      <a href={href(routes.member(p.memberId))}>{p.memberName}</a>
                      {p.notes && <span class="item-sub">{p.notes}</span>}
                    </div>
                    <ParticipationBadge status={p.status} />
                  </li>
                ))}
              </ul>
            )}
          </Panel>
          <Panel title={t("mission.partners")} count={detail.partners.length} testid="mission-partners">
            {detail.partners.length === 0 ? (
              <p class="empty-inline">{t("mission.noPartners")}</p>
            ) : (
              <ul class="item-list">
                {detail.partners.map((p) => (
                  <li key={p.id} class="item" data-testid="partner" data-id={p.id}>
                    <div class="item-main">
                      <a href={href(routes.organisation(p.organisationId))}>{p.organisationName}</a>
                      {p.role && <span class="item-sub">{p.role}</span>}
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
