import * as api from "../api";
import type { MissionSummary, WorkspaceCounts } from "../api";
import { MissionStatusBadge } from "../components/Badge";
import { Panel } from "../components/DetailList";
import {
  IconContact,
  IconMembers,
  IconMission,
  IconOrganisation,
  IconPerson,
  IconPlus,
  IconClock,
} from "../components/Icons";
import { PageHeader } from "../components/PageHeader";
import { Empty, LoadError, Loading } from "../components/States";
import { useLoad } from "../components/useLoad";
import { formatDateRange, formatNumber, t, type Key } from "../i18n";
import { href, navigate, routes } from "../router";
import type { ComponentChildren } from "preact";

const STATUS_RANK: Record<string, number> = { active: 0, planning: 1, closed: 2 };

/** Active missions first, then the ones in preparation (soonest first), then closed ones (latest first). */
function dashboardOrder(list: MissionSummary[]): MissionSummary[] {
  return [...list].sort((a, b) => {
    const r = (STATUS_RANK[a.status] ?? 3) - (STATUS_RANK[b.status] ?? 3);
    if (r) return r;
    if (a.status === "closed") return b.startsOn.localeCompare(a.startsOn);
    return a.startsOn.localeCompare(b.startsOn);
  });
}

const COUNT_CARDS: { key: keyof WorkspaceCounts; label: Key; to?: string; icon: ComponentChildren }[] = [
  { key: "missions", label: "count.missions", to: routes.missions(), icon: <IconMission size={18} /> },
  { key: "members", label: "count.members", to: routes.members(), icon: <IconMembers size={18} /> },
  { key: "persons", label: "count.persons", to: routes.members(), icon: <IconPerson size={18} /> },
  { key: "organisations", label: "count.organisations", to: routes.organisations(), icon: <IconOrganisation size={18} /> },
  { key: "contacts", label: "count.contacts", to: routes.contacts(), icon: <IconContact size={18} /> },
  { key: "meetings", label: "count.meetings", icon: <IconClock size={18} /> },
];

const MAX_MISSIONS = 10;

export function Dashboard() {
  const info = useLoad(() => api.workspace.info());
  const missions = useLoad(() => api.missions.list());

  return (
    <div class="screen">
      <PageHeader title={t("dashboard.title")} subtitle={info.data?.path} />

      <section class="quick-actions" aria-label={t("dashboard.quick")}>
        <h2 class="section-label">{t("dashboard.quick")}</h2>
        <div class="quick-grid">
          <a class="quick-action" href={href(routes.contactNew())} data-testid="new-contact">
            <span class="quick-icon">
              <IconContact size={16} />
            </span>
            <span>{t("action.newContact")}</span>
            <IconPlus size={14} class="quick-plus" />
          </a>
          <a class="quick-action" href={href(routes.memberNew())} data-testid="new-member">
            <span class="quick-icon">
              <IconMembers size={16} />
            </span>
            <span>{t("action.newMember")}</span>
            <IconPlus size={14} class="quick-plus" />
          </a>
          <a class="quick-action" href={href(routes.missionNew())} data-testid="new-mission">
            <span class="quick-icon">
              <IconMission size={16} />
            </span>
            <span>{t("action.newMission")}</span>
            <IconPlus size={14} class="quick-plus" />
          </a>
        </div>
      </section>

      <section class="stats" aria-label={t("dashboard.workspace")} data-testid="workspace-counts">
        {info.error && !info.data ? (
          <LoadError error={info.error} onRetry={info.reload} />
        ) : (
          COUNT_CARDS.map((c) => {
            const value = info.data ? formatNumber(info.data.counts[c.key]) : "…";
            const body = (
              <>
                <span class="stat-icon">{c.icon}</span>
                <span class="stat-value" data-testid={`count-${c.key}`}>
                  {value}
                </span>
                <span class="stat-label">{t(c.label)}</span>
              </>
            );
            return c.to ? (
              <a key={c.key} class="stat" href={href(c.to)}>
                {body}
              </a>
            ) : (
              <div key={c.key} class="stat">
                {body}
              </div>
            );
          })
        )}
      </section>

      <Panel
        title={t("dashboard.missions")}
        count={missions.data?.length}
        actions={
          <a class="link-more" href={href(routes.missions())}>
            {t("dashboard.allMissions")} →
          </a>
        }
      >
        {missions.error && !missions.data ? (
          <LoadError error={missions.error} onRetry={missions.reload} />
        ) : !missions.data ? (
          <Loading />
        ) : missions.data.length === 0 ? (
          <Empty>{t("dashboard.noMissions")}</Empty>
        ) : (
          <div class="table-wrap table-wrap-inner">
            <table class="table table-compact" data-testid="dashboard-missions">
              <thead>
                <tr>
                  <th scope="col">{t("col.title")}</th>
                  <th scope="col">{t("col.destination")}</th>
                  <th scope="col">{t("col.dates")}</th>
                  <th scope="col">{t("col.status")}</th>
                  <th scope="col" class="num">
                    {t("col.members")}
                  </th>
                  <th scope="col" class="num">
                    {t("col.meetings")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {dashboardOrder(missions.data)
                  .slice(0, MAX_MISSIONS)
                  .map((m) => (
                    <tr
                      key={m.id}
                      class="row-link"
                      data-testid="mission-row"
                      data-id={m.id}
                      onClick={() => navigate(routes.mission(m.id))}
                    >
                      <td class="cell-primary">
                        <a href={href(routes.mission(m.id))} onClick={(e) => e.stopPropagation()}>
                          {m.title}
                        </a>
                      </td>
                      <td>{m.destination || "—"}</td>
                      <td class="nowrap tabular">{formatDateRange(m.startsOn, m.endsOn)}</td>
                      <td>
                        <MissionStatusBadge status={m.status} />
                      </td>
                      <td class="num">{formatNumber(m.membersCount)}</td>
                      <td class="num">{formatNumber(m.meetingsCount)}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        )}
      </Panel>
    </div>
  );
}
