// The mission report (`#/missions/<id>/report`), rendered natively from `report_get`: figures,
// delegation, programme (with its timeline), meetings, stakeholders, interest, outcomes,
// agreements started, follow-ups, with the charts drawn as inline SVG. Printable (print CSS) and saved as HTML or PDF by the core (`report_save`).
import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import * as api from "../api";
import { MEETING_KINDS, type MeetingKind, type Report, type ReportCount, type ReportFormat, type ReportTimeline } from "../api";
import { AgreementBadge, Badge, InterestBadge, MeetingStatusBadge, ParticipationBadge } from "../components/Badge";
import { useApp } from "../components/context";
import { Panel } from "../components/DetailList";
import { IconDownload, IconPrint } from "../components/Icons";
import { DetailHeader } from "../components/PageHeader";
import { LoadGate } from "../components/States";
import { dash } from "../components/Table";
import { useLoad } from "../components/useLoad";
import {
  agreementKindLabel,
  countryName,
  formatDate,
  formatDateRange,
  formatLongDay,
  formatNumber,
  meetingKindLabel,
  memberKindLabel,
  organisationKindLabel,
  t,
  type Key,
} from "../i18n";
import { routes } from "../router";

export function ReportView({ id }: { id: string }) {
  const app = useApp();
  const loaded = useLoad(() => api.report.get(id, app.lang), [id, app.lang, app.dataVersion]);
  return (
    <div class="screen report-screen">
      <LoadGate loaded={loaded} backTo={routes.missions()} section={t("nav.missions")}>
        {(r) => <ReportBody report={r} missionId={id} />}
      </LoadGate>
    </div>
  );
}

let chartSeq = 0;

/** A titled figure around an SVG chart of `width` × `height`, with `desc` read to screen readers. */
function ChartFrame({
  title,
  width,
  height,
  desc,
  testid,
  class: cls,
  children,
  footer,
}: {
  title: string;
  width: number;
  height: number;
  desc?: string;
  testid?: string;
  class?: string;
  children: ComponentChildren;
  footer?: ComponentChildren;
}) {
  const [titleId] = useState(() => `chart-title-${++chartSeq}`);
  return (
    <figure class={cls ? `chart ${cls}` : "chart"} data-testid={testid}>
      <figcaption class="chart-title" id={titleId}>
        {title}
      </figcaption>
      <svg
        class="chart-svg"
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        role="img"
        aria-labelledby={titleId}
        aria-describedby={desc ? `${titleId}-desc` : undefined}
        preserveAspectRatio="xMinYMin meet"
      >
        {desc && <desc id={`${titleId}-desc`}>{desc}</desc>}
        {children}
      </svg>
      {footer}
    </figure>
  );
}

/** Horizontal bars, one per count, as inline SVG (labels and values as SVG text). */
export function BarChart({ title, data, testid }: { title: string; data: ReportCount[]; testid?: string }) {
  const rows = data.filter((d) => d.count > 0 || data.length <= 8);
  if (rows.length === 0) {
    return (
      <figure class="chart" data-testid={testid}>
        <figcaption class="chart-title">{title}</figcaption>
        <p class="empty-inline">{t("report.none")}</p>
      </figure>
    );
  }
  const max = Math.max(1, ...rows.map((d) => d.count));
  const rowH = 24;
  const labelW = 170;
  const valueW = 44;
  const width = 520;
  const barMax = width - labelW - valueW;
  const height = rows.length * rowH + 4;
  const summary = rows.map((d) => `${d.label}: ${formatNumber(d.count)}`).join("; ");
  return (
    <ChartFrame title={title} width={width} height={height} desc={summary} testid={testid}>
      {rows.map((d, i) => {
        const y = i * rowH + 2;
        const w = d.count > 0 ? Math.max(2, Math.round((d.count / max) * barMax)) : 0;
        const label = d.label.length > 26 ? d.label.slice(0, 25) + "…" : d.label;
        return (
          <g key={d.key} class="chart-row" data-key={d.key} data-count={d.count}>
            <title>{`${d.label}: ${formatNumber(d.count)}`}</title>
            <text class="chart-label" x={labelW - 8} y={y + rowH / 2} text-anchor="end" dominant-baseline="middle">
              {label}
            </text>
            <rect class="chart-track" x={labelW} y={y + 4} width={barMax} height={rowH - 8} rx="3" />
            <rect class="chart-bar" x={labelW} y={y + 4} width={w} height={rowH - 8} rx="3" />
            <text class="chart-value" x={labelW + w + 6} y={y + rowH / 2} dominant-baseline="middle">
              {formatNumber(d.count)}
            </text>
          </g>
        );
      })}
    </ChartFrame>
  );
}

/** Colours of meeting kinds on the timeline: the Okabe–Ito palette, as in the saved report. */
const KIND_COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];
const kindColour = (k: MeetingKind) => KIND_COLOURS[Math.max(0, MEETING_KINDS.indexOf(k)) % KIND_COLOURS.length];

/** The mission's days as rows, a block per meeting over the hours, a diamond per agreement. */
export function TimelineChart({ timeline: tl }: { timeline: ReportTimeline }) {
  if (tl.days.length === 0) return null;
  const labelW = 96;
  const chartW = 560;
  const rowH = 30;
  const span = Math.max(60, tl.lastMinute - tl.firstMinute);
  const xOf = (minute: number) => labelW + ((minute - tl.firstMinute) / span) * chartW;
  const width = labelW + chartW + 10;
  const height = tl.days.length * rowH + 28;
  const hours: number[] = [];
  for (let h = tl.firstMinute; h <= tl.lastMinute; h += 120) hours.push(h);
  const hhmmOf = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  const legend = (
    <p class="timeline-legend">
      {MEETING_KINDS.map((k) => (
        <span key={k}>
          <i style={{ background: kindColour(k) }} />
          {meetingKindLabel(k)}
        </span>
      ))}
      <span>
        <i class="timeline-legend-agreement" />
        {t("report.agreementStarted")}
      </span>
    </p>
  );
  return (
    <ChartFrame
      title={t("report.timeline")}
      width={width}
      height={height}
      testid="chart-timeline"
      class="timeline-chart"
      footer={legend}
    >
      {hours.map((h) => (
        <g key={h}>
          <line class="timeline-hour" x1={xOf(h)} y1={18} x2={xOf(h)} y2={height} />
          <text class="chart-value" x={xOf(h)} y={12} text-anchor="middle">
            {String(h / 60).padStart(2, "0")}
          </text>
        </g>
      ))}
      {tl.days.map((day, d) => {
        const y = 20 + d * rowH;
        return (
          <g key={day.date} data-testid="timeline-day" data-date={day.date} data-count={day.blocks.length}>
            <text class="chart-label" x={0} y={y + rowH / 2} dominant-baseline="middle">
              {day.label}
            </text>
            {day.blocks.map((b) => {
              const x = xOf(b.startMinute);
              const w = Math.max(3, (Math.max(15, b.endMinute - b.startMinute) / span) * chartW);
              return (
                <g key={b.meetingId} data-id={b.meetingId}>
                  <rect
                    x={x}
                    y={y + 4}
                    width={w}
                    height={rowH - 8}
                    rx="3"
                    fill={kindColour(b.kind)}
                    fill-opacity={b.status === "cancelled" ? 0.3 : 0.9}
                  >
                    <title>{`${hhmmOf(b.startMinute)}–${hhmmOf(b.endMinute)} ${b.title} · ${meetingKindLabel(b.kind)}`}</title>
                  </rect>
                  {b.agreementStarted && (
                    <polygon
                      class="timeline-agreement"
                      data-testid="timeline-agreement"
                      points={`${x + w - 6},${y + rowH / 2} ${x + w},${y + rowH / 2 - 6} ${x + w + 6},${y + rowH / 2} ${x + w},${y + rowH / 2 + 6}`}
                    >
                      <title>{`${b.title}: ${t("report.agreementStarted")}`}</title>
                    </polygon>
                  )}
                </g>
              );
            })}
          </g>
        );
      })}
    </ChartFrame>
  );
}

const FIGURES: { key: keyof api.ReportFigures; label: Key }[] = [
  { key: "members", label: "report.fig.members" },
  { key: "delegates", label: "report.fig.delegates" },
  { key: "meetingsHeld", label: "report.fig.meetingsHeld" },
  { key: "meetingsPlanned", label: "report.fig.meetingsPlanned" },
  { key: "meetingsCancelled", label: "report.fig.meetingsCancelled" },
  { key: "stakeholdersMet", label: "report.fig.stakeholdersMet" },
  { key: "organisationsMet", label: "report.fig.organisationsMet" },
  { key: "countries", label: "report.fig.countries" },
  { key: "agreementsStarted", label: "report.fig.agreementsStarted" },
  { key: "followUpsOpen", label: "report.fig.followUpsOpen" },
  { key: "followUpsDone", label: "report.fig.followUpsDone" },
];

/** "HH:MM" of a local "YYYY-MM-DDTHH:MM". */
function hhmm(local: string): string {
  return local.length >= 16 ? local.slice(11, 16) : local;
}

function ReportBody({ report: r, missionId }: { report: Report; missionId: string }) {
  const app = useApp();
  const m = r.mission;
  const [saving, setSaving] = useState<ReportFormat | null>(null);
  const place = [m.destination, countryName(m.country)].filter(Boolean).join(", ");

  const save = (format: ReportFormat) => {
    if (saving) return;
    setSaving(format);
    app.clearError();
    api.report.save(missionId, format, app.lang).then(
      (path) => {
        setSaving(null);
        if (path) app.notify("notice.reportSaved", { path });
      },
      (e: unknown) => {
        setSaving(null);
        app.showError(e);
      },
    );
  };

  return (
    <article class="report" data-testid="report" lang={r.language || undefined}>
      <DetailHeader
        section={m.title}
        sectionPath={routes.mission(m.id)}
        title={t("report.title", { title: m.title })}
        meta={
          <>
            {place && <span class="meta-item">{place}</span>}
            <span class="meta-item tabular">{formatDateRange(m.startsOn, m.endsOn)}</span>
            {m.online && <Badge tone="accent">{t("mission.online")}</Badge>}
            <span class="meta-item muted" data-testid="report-generated">
              {t("report.generated", { date: formatDate(r.generatedOn.slice(0, 10)) })}
            </span>
          </>
        }
        actions={
          <>
            <button type="button" class="btn" data-testid="report-print" onClick={() => window.print()}>
              <IconPrint />
              {t("report.print")}
            </button>
            <button
              type="button"
              class="btn"
              data-testid="report-save-html"
              onClick={() => save("html")}
              disabled={saving !== null}
            >
              <IconDownload />
              {saving === "html" ? t("report.saving") : t("report.saveHtml")}
            </button>
            <button
              type="button"
              class="btn btn-primary"
              data-testid="report-save-pdf"
              onClick={() => save("pdf")}
              disabled={saving !== null}
            >
              <IconDownload />
              {saving === "pdf" ? t("report.saving") : t("report.savePdf")}
            </button>
          </>
        }
      />

      <Panel title={t("report.objectives")} testid="report-objectives">
        {r.objectives.length === 0 ? (
          <p class="empty-inline">{t("report.none")}</p>
        ) : (
          <ul class="report-list">
            {r.objectives.map((o, i) => (
              <li key={i}>{o}</li>
            ))}
          </ul>
        )}
      </Panel>

      <section class="stats report-figures" aria-label={t("report.keyFigures")} data-testid="report-figures">
        {FIGURES.map((f) => (
          <div class="stat" key={f.key}>
            <span class="stat-value" data-testid={`report-figure-${f.key}`}>
              {formatNumber(r.figures[f.key])}
            </span>
            <span class="stat-label">{t(f.label)}</span>
          </div>
        ))}
      </section>

      <Panel title={t("report.delegation")} count={r.delegation.length} testid="report-delegation">
        <div class="report-split">
          <BarChart title={t("report.byType")} data={r.delegationByKind} testid="chart-delegation-by-kind" />
          {r.delegation.length === 0 ? (
            <p class="empty-inline">{t("report.none")}</p>
          ) : (
            <div class="table-wrap">
              <table class="table table-compact">
                <thead>
                  <tr>
                    <th scope="col">{t("col.member")}</th>
                    <th scope="col">{t("col.kind")}</th>
                    <th scope="col">{t("col.status")}</th>
                    <th scope="col">{t("report.fig.delegates")}</th>
                  </tr>
                </thead>
                <tbody>
                  {r.delegation.map((d) => (
                    <tr key={d.memberId} data-testid="report-member" data-id={d.memberId}>
                      <td class="cell-primary">{d.name}</td>
                      <td>{memberKindLabel(d.kind)}</td>
                      <td>
                        <ParticipationBadge status={d.status} />
                      </td>
                      <td>{dash(d.delegates.join(", "))}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
        {r.partners.length > 0 && (
          <>
            <h3 class="subhead">{t("report.partners")}</h3>
            <ul class="report-list">
              {r.partners.map((p) => (
                <li key={p.id}>
                  {p.organisationName}
                  {p.role && <span class="muted"> — {p.role}</span>}
                </li>
              ))}
            </ul>
          </>
        )}
      </Panel>

      <Panel title={t("report.programme")} testid="report-programme">
        <TimelineChart timeline={r.timeline} />
        {r.programme.length === 0 ? (
          <p class="empty-inline">{t("report.none")}</p>
        ) : (
          r.programme.map((day) => (
            <section key={day.date} class="report-day" data-testid="report-day" data-date={day.date}>
              <h3 class="subhead">{formatLongDay(day.date)}</h3>
              {day.items.length === 0 ? (
                <p class="empty-inline">{t("report.none")}</p>
              ) : (
                <ul class="report-items">
                  {day.items.map((it) => (
                    <li key={it.meetingId} class="report-item" data-testid="report-item" data-id={it.meetingId}>
                      <span class="report-time tabular">
                        {hhmm(it.localStart)}–{hhmm(it.localEnd)}
                      </span>
                      <div class="report-item-main">
                        <p class="report-item-title">
                          <strong>{it.title}</strong> <span class="muted">· {meetingKindLabel(it.kind)}</span>{" "}
                          <MeetingStatusBadge status={it.status} />
                          {it.interest && <InterestBadge interest={it.interest} />}
                          {it.agreementStarted && <AgreementBadge kind={it.agreementKind} />}
                        </p>
                        {it.place && <p class="muted">{it.place}</p>}
                        {(it.delegates.length > 0 || it.contacts.length > 0) && (
                          <p>
                            {t("report.with")}: {[...it.delegates, ...it.contacts].join(", ")}
                          </p>
                        )}
                        {it.outcome && <p class="pre">{it.outcome}</p>}
                      </div>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ))
        )}
      </Panel>

      <Panel title={t("report.meetings")} testid="report-meetings">
        <div class="report-charts">
          <BarChart title={t("report.byKind")} data={r.meetingsByKind} testid="chart-meetings-by-kind" />
          <BarChart title={t("report.byDay")} data={r.meetingsByDay} testid="chart-meetings-by-day" />
          <BarChart title={t("report.byMember")} data={r.meetingsByMember} testid="chart-meetings-by-member" />
        </div>
      </Panel>

      <Panel title={t("report.stakeholders")} count={r.stakeholders.length} testid="report-stakeholders">
        <div class="report-charts">
          <BarChart title={t("report.byCountry")} data={r.stakeholdersByCountry} testid="chart-stakeholders-by-country" />
          <BarChart
            title={t("report.byOrganisationType")}
            data={r.stakeholdersByOrganisationKind}
            testid="chart-stakeholders-by-organisation-kind"
          />
        </div>
        {r.stakeholders.length > 0 && (
          <div class="table-wrap">
            <table class="table table-compact">
              <thead>
                <tr>
                  <th scope="col">{t("col.organisation")}</th>
                  <th scope="col">{t("col.kind")}</th>
                  <th scope="col">{t("col.country")}</th>
                  <th scope="col">{t("report.contacts")}</th>
                </tr>
              </thead>
              <tbody>
                {r.stakeholders.map((s, i) => (
                  <tr key={i} data-testid="report-stakeholder">
                    <td class="cell-primary">{s.organisation}</td>
                    <td>{s.kind ? organisationKindLabel(s.kind) : "—"}</td>
                    <td>{dash(countryName(s.country))}</td>
                    <td>{dash(s.contacts.join(", "))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Panel>

      <Panel title={t("report.interest")} testid="report-interest">
        <BarChart title={t("report.interest")} data={r.interest} testid="chart-interest" />
      </Panel>

      <Panel title={t("report.outcomes")} count={r.outcomes.length} testid="report-outcomes">
        {r.outcomes.length === 0 ? (
          <p class="empty-inline">{t("report.none")}</p>
        ) : (
          <ul class="report-items">
            {r.outcomes.map((o) => (
              <li key={o.meetingId} class="report-item" data-testid="report-outcome" data-id={o.meetingId}>
                <span class="report-time tabular">{formatDate(o.date)}</span>
                <div class="report-item-main">
                  <p class="report-item-title">
                    <strong>{o.meetingTitle}</strong> {o.interest && <InterestBadge interest={o.interest} />}
                  </p>
                  <p class="pre">{o.outcome}</p>
                </div>
              </li>
            ))}
          </ul>
        )}
      </Panel>

      <Panel title={t("report.agreements")} count={r.agreements.length} testid="report-agreements">
        {r.agreements.length === 0 ? (
          <p class="empty-inline">{t("report.none")}</p>
        ) : (
          <div class="report-split">
            <BarChart title={t("report.agreementsByKind")} data={r.agreementsByKind} testid="chart-agreements-by-kind" />
            <ul class="report-items">
              {r.agreements.map((a) => (
                <li key={a.meetingId} class="report-item" data-testid="report-agreement" data-id={a.meetingId}>
                  <span class="report-time tabular">{formatDate(a.date)}</span>
                  <div class="report-item-main">
                    <p class="report-item-title">
                      <strong>{a.meetingTitle}</strong> <Badge tone="accent">{agreementKindLabel(a.kind)}</Badge>
                    </p>
                    <p>
                      {t("report.by")}: {a.delegates.join(", ") || "—"}
                      {a.members.length > 0 && <span class="muted"> ({a.members.join(", ")})</span>}
                    </p>
                    <p>
                      {t("report.with")}: {a.contacts.join(", ") || "—"}
                      {a.organisations.length > 0 && <span class="muted"> ({a.organisations.join(", ")})</span>}
                    </p>
                    {a.outcome && <p class="pre muted">{a.outcome}</p>}
                  </div>
                </li>
              ))}
            </ul>
          </div>
        )}
      </Panel>

      <Panel title={t("report.followUps")} count={r.followUps.length} testid="report-follow-ups">
        {r.followUps.length === 0 ? (
          <p class="empty-inline">{t("report.none")}</p>
        ) : (
          <div class="table-wrap table-wrap-inner">
            <table class="table table-compact">
              <thead>
                <tr>
                  <th scope="col">{t("report.what")}</th>
                  <th scope="col">{t("report.owner")}</th>
                  <th scope="col">{t("report.contacts")}</th>
                  <th scope="col">{t("report.due")}</th>
                  <th scope="col">{t("col.status")}</th>
                </tr>
              </thead>
              <tbody>
                {r.followUps.map((f, i) => (
                  <tr key={i} data-testid="report-follow-up">
                    <td class="cell-primary">
                      {f.what}
                      {f.meeting && <span class="cell-sub">{f.meeting}</span>}
                    </td>
                    <td>
                      {dash(f.owner)}
                      {f.ownerMember && <span class="cell-sub">{f.ownerMember}</span>}
                    </td>
                    <td>{dash(f.contact)}</td>
                    <td class="tabular">{f.dueOn ? formatDate(f.dueOn) : "—"}</td>
                    <td>
                      <Badge tone={f.done ? "positive" : "neutral"}>
                        {f.done ? t("report.done") : t("report.statusOpen")}
                      </Badge>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Panel>
    </article>
  );
}
