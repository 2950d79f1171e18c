// A mission in three sections — Overview (figures, objectives, details, partners) · Delegation ·
// Agenda — with a section bar that jumps between them (`?section=agenda` opens at the agenda).
import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import * as api from "../api";
import type { Delegate, Figures, MissionDetail } from "../api";
import { Badge, MissionStatusBadge } from "../components/Badge";
import { useApp } from "../components/context";
import { Dl, DlRow, Panel } from "../components/DetailList";
import { IconCalendar, IconChart, IconCheck, IconContact, IconDownload, IconEdit, IconFollowUp, IconLog, IconMembers, IconPerson, IconPin, IconTrash, IconUpload } from "../components/Icons";
import { ExportButton } from "../export/ExportDialog";
import { useConfirmDelete } from "../components/Modal";
import { DetailHeader } from "../components/PageHeader";
import { LoadGate } from "../components/States";
import { useLoad, type Loaded } from "../components/useLoad";
import {
  countryName,
  daysInRange,
  formatDate,
  formatDateRange,
  formatNumber,
  formatTimestamp,
  missionStatusLabel,
  t,
  tn,
  zoneOffset,
  type Key,
} from "../i18n";
import { href, navigate, parseHash, routes } from "../router";
import { AgendaView } from "./AgendaView";
import { Delegation } from "./Delegation";

type SectionId = "overview" | "delegation" | "agenda";
const SECTIONS: { id: SectionId; label: Key }[] = [
  { id: "overview", label: "mission.overview" },
  { id: "delegation", label: "mission.delegation" },
  { id: "agenda", label: "mission.agenda" },
];

export function MissionDetailView({ id }: { id: string }) {
  const app = useApp();
  const loaded = useLoad(() => api.missions.get(id), [id, app.dataVersion]);
  const agenda = useLoad(() => api.agenda.get(id), [id, app.dataVersion]);
  const del = useConfirmDelete();
  const reload = () => {
    loaded.reload();
    agenda.reload();
  };
  return (
    <div class="screen mission-screen">
      <LoadGate loaded={loaded} backTo={routes.missions()} section={t("nav.missions")}>
        {(d) => (
          <MissionBody
            detail={d}
            agenda={agenda}
            reload={reload}
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

function MissionBody({
  detail,
  agenda,
  reload,
  onDelete,
}: {
  detail: MissionDetail;
  agenda: Loaded<api.Agenda>;
  reload: () => void;
  onDelete: () => void;
}) {
  const app = useApp();
  const m = detail.mission;
  const days = daysInRange(m.startsOn, m.endsOn);
  const place = [m.destination, countryName(m.country)].filter(Boolean).join(", ");
  const [current, setCurrent] = useState<SectionId>("overview");
  const [exporting, setExporting] = useState(false);
  const refs = {
    overview: useRef<HTMLElement>(null),
    delegation: useRef<HTMLElement>(null),
    agenda: useRef<HTMLElement>(null),
  };

  const goTo = (s: SectionId, focus = true) => {
    setCurrent(s);
    const el = refs[s].current;
    if (!el) return;
    el.scrollIntoView({ block: "start" });
    if (focus) el.focus({ preventScroll: true });
    try {
      const { path } = parseHash();
      history.replaceState(history.state, "", "#" + path + (s === "overview" ? "" : "?section=" + s));
    } catch {
      /* not important */
    }
  };

  // Opened at a section (#/missions/<id>?section=agenda).
  useEffect(() => {
    const s = parseHash().query.get("section");
    if (s === "delegation" || s === "agenda") requestAnimationFrame(() => goTo(s, false));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // The section bar follows the scrolling.
  useEffect(() => {
    const root = document.getElementById("main");
    if (!root || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver(
      (entries) => {
        const visible = entries.filter((e) => e.isIntersecting).sort((a, b) => a.boundingClientRect.top - b.boundingClientRect.top);
        const first = visible[0]?.target.getAttribute("data-section") as SectionId | null;
        if (first) setCurrent(first);
      },
      { root, rootMargin: "-45% 0px -50% 0px" },
    );
    for (const r of Object.values(refs)) if (r.current) observer.observe(r.current);
    return () => observer.disconnect();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const [packing, setPacking] = useState(false);
  const exportPack = () => {
    if (packing) return;
    setPacking(true);
    app.clearError();
    api.exports.pack(m.id).then(
      (folder) => {
        setPacking(false);
        if (folder) app.notify("notice.packWritten", { path: folder });
      },
      (e: unknown) => {
        setPacking(false);
        app.showError(e);
      },
    );
  };

  const exportIcs = (personId?: string) => {
    if (exporting) return;
    setExporting(true);
    app.clearError();
    api.agenda.exportIcs(m.id, personId).then(
      (path) => {
        setExporting(false);
        if (path) app.notify("notice.exported", { path });
      },
      (e: unknown) => {
        setExporting(false);
        app.showError(e);
      },
    );
  };

  const counts: Record<SectionId, number | undefined> = {
    overview: undefined,
    delegation: detail.participations.length,
    agenda: detail.meetings.length,
  };

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
            {m.timeZone && (
              <span class="meta-item">
                {m.timeZone}
                {zoneOffset(m.timeZone) && <span class="muted"> ({zoneOffset(m.timeZone)})</span>}
              </span>
            )}
            {m.online && <Badge tone="accent">{t("mission.online")}</Badge>}
          </>
        }
        actions={
          <>
            <button
              type="button"
              class="btn"
              data-testid="mission-log-meeting"
              onClick={() => app.openLog({ missionId: m.id })}
            >
              <IconLog />
              {t("log.open")}
            </button>
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

      <div class="page-tools no-print" data-testid="mission-tools">
        <a class="btn" href={href(routes.missionReport(m.id))} data-testid="mission-report">
          <IconChart />
          {t("report.open")}
        </a>
        <ExportButton
          testid="export-mission-contacts"
          label={t("export.missionContacts")}
          selection={() => ({ missionId: m.id })}
        />
        <button
          type="button"
          class="btn"
          data-testid="export-pack"
          title={t("export.packHint")}
          onClick={exportPack}
          disabled={packing}
          aria-busy={packing ? "true" : undefined}
        >
          <IconDownload />
          {t("export.pack")}
        </button>
        <a
          class="btn"
          href={href(routes.importWizard("participants", m.id))}
          data-testid="import-participants"
        >
          <IconUpload />
          {t("import.participantsOf")}
        </a>
      </div>

      <nav class="section-nav no-print" aria-label={t("mission.sections")}>
        {SECTIONS.map((s) => (
          <button
            key={s.id}
            type="button"
            class={"section-tab" + (current === s.id ? " active" : "")}
            data-testid={`mission-tab-${s.id}`}
            aria-current={current === s.id ? "true" : undefined}
            onClick={() => goTo(s.id)}
          >
            {t(s.label)}
            {counts[s.id] !== undefined && <span class="panel-count">{counts[s.id]}</span>}
          </button>
        ))}
      </nav>

      <section
        class="mission-section no-print"
        ref={refs.overview}
        data-section="overview"
        tabIndex={-1}
        aria-label={t("mission.overview")}
      >
        <FiguresRow figures={detail.figures} missionId={m.id} onAgenda={() => goTo("agenda")} onDelegation={() => goTo("delegation")} />
        <div class="detail-grid">
          <div class="detail-main">
            <Panel title={t("field.objectives")}>
              {m.objectives ? (
                <p class="prose pre" data-testid="mission-objectives">
                  {m.objectives}
                </p>
              ) : (
                <p class="muted">—</p>
              )}
              {m.notes && (
                <>
                  <h3 class="subhead">{t("field.notes")}</h3>
                  <p class="prose pre">{m.notes}</p>
                </>
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
          <div class="detail-side">
            <Panel title={t("common.details")}>
              <Dl>
                <DlRow label={t("field.destination")}>{m.destination}</DlRow>
                <DlRow label={t("field.country")}>{countryName(m.country)}</DlRow>
                <DlRow label={t("field.timeZone")} testid="mission-time-zone">
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
          </div>
        </div>
      </section>

      <section
        class="mission-section no-print"
        ref={refs.delegation}
        data-section="delegation"
        tabIndex={-1}
        aria-label={t("mission.delegation")}
      >
        <Delegation detail={detail} onChanged={reload} onExport={(d: Delegate) => exportIcs(d.personId)} />
      </section>

      <section
        class="mission-section mission-section-agenda"
        ref={refs.agenda}
        data-section="agenda"
        tabIndex={-1}
        aria-label={t("mission.agenda")}
      >
        <AgendaView detail={detail} agenda={agenda} onChanged={reload} onExport={exportIcs} exporting={exporting} />
      </section>
    </>
  );
}

function Figure({
  value,
  label,
  icon,
  testid,
  onClick,
  to,
}: {
  value: number;
  label: string;
  icon: ComponentChildren;
  testid: string;
  onClick?: () => void;
  to?: string;
}) {
  const body = (
    <>
      <span class="stat-icon">{icon}</span>
      <span class="stat-value" data-testid={testid}>
        {formatNumber(value)}
      </span>
      <span class="stat-label">{label}</span>
    </>
  );
  if (to)
    return (
      <a class="stat" href={href(to)}>
        {body}
      </a>
    );
  if (onClick)
    return (
      <button type="button" class="stat stat-button" onClick={onClick}>
        {body}
      </button>
    );
  return <div class="stat">{body}</div>;
}

function FiguresRow({
  figures,
  missionId,
  onAgenda,
  onDelegation,
}: {
  figures: Figures;
  missionId: string;
  onAgenda: () => void;
  onDelegation: () => void;
}) {
  return (
    <section class="stats mission-figures" aria-label={t("mission.figures")} data-testid="mission-figures">
      <Figure value={figures.members} label={t("figure.members")} icon={<IconMembers size={18} />} testid="figure-members" onClick={onDelegation} />
      <Figure value={figures.delegates} label={t("figure.delegates")} icon={<IconPerson size={18} />} testid="figure-delegates" onClick={onDelegation} />
      <Figure value={figures.meetingsPlanned} label={t("figure.meetingsPlanned")} icon={<IconCalendar size={18} />} testid="figure-meetings-planned" onClick={onAgenda} />
      <Figure value={figures.meetingsHeld} label={t("figure.meetingsHeld")} icon={<IconCheck size={18} />} testid="figure-meetings-held" onClick={onAgenda} />
      <Figure value={figures.contactsMet} label={t("figure.contactsMet")} icon={<IconContact size={18} />} testid="figure-contacts-met" />
      <Figure
        value={figures.openFollowUps}
        label={t("figure.openFollowUps")}
        icon={<IconFollowUp size={18} />}
        testid="figure-open-follow-ups"
        to={routes.followUps({ mission: missionId })}
      />
    </section>
  );
}
