import * as api from "../api";
import type { Dashboard as DashboardData, Meeting, MissionSummary, WorkspaceCounts } from "../api";
import { Badge, InterestBadge, MissionStatusBadge } from "../components/Badge";
import { useApp } from "../components/context";
import { Panel } from "../components/DetailList";
import {
  IconAlert,
  IconContact,
  IconLog,
  IconMembers,
  IconMission,
  IconOrganisation,
  IconPerson,
  IconPlus,
  IconClock,
  IconPin,
} from "../components/Icons";
import { PageHeader } from "../components/PageHeader";
import { Empty, LoadError, Loading } from "../components/States";
import { useLoad } from "../components/useLoad";
import { FollowUpTable, useFollowUpToggle } from "../follow_ups/FollowUpTable";
import {
  formatDateRange,
  formatLongDay,
  formatNumber,
  formatShortDay,
  formatTime,
  isValidTimeZone,
  meetingKindLabel,
  relativeDay,
  t,
  todayYmd,
  wallClock,
  zoneCity,
  type Key,
} from "../i18n";
import { itemEndText, itemStartText, missionZoneLabel } from "../missions/AgendaView";
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
  const app = useApp();
  const info = useLoad(() => api.workspace.info(), [app.dataVersion]);
  const missions = useLoad(() => api.missions.list(), [app.dataVersion]);
  const board = useLoad(() => api.dashboard.get(), [app.dataVersion]);

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
          <button type="button" class="quick-action" data-testid="quick-log-meeting" onClick={() => app.openLog()}>
            <span class="quick-icon">
              <IconLog size={16} />
            </span>
            <span>{t("log.open")}</span>
            <kbd class="quick-kbd">Ctrl L</kbd>
          </button>
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

      {board.error && !board.data ? (
        <LoadError error={board.error} onRetry={board.reload} />
      ) : !board.data ? (
        <Loading />
      ) : (
        <Board data={board.data} />
      )}

      <Panel
        class="dashboard-missions-panel"
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

const MAX_RECENT = 8;

function Board({ data }: { data: DashboardData }) {
  const app = useApp();
  const { rows: overdue, toggle } = useFollowUpToggle(data.overdueFollowUps);
  const active = data.activeMission;
  const home = app.settings.homeTimeZone;
  const zone = active && isValidTimeZone(active.timeZone) ? active.timeZone : home;
  const sameZone = !isValidTimeZone(home) || home === zone;
  const label = active ? missionZoneLabel(active) : "";
  const today = todayYmd();
  const missionTitles = Object.fromEntries(data.upcomingMissions.map((m) => [m.id, m.title]));
  if (active) missionTitles[active.id] = active.title;

  return (
    <div class="dashboard-grid">
      <Panel
        title={active ? t("dashboard.todayAt", { place: label }) : t("dashboard.today")}
        count={active ? data.today.length : undefined}
        testid="today-agenda"
        actions={
          active && (
            <a class="link-more" href={href(routes.missionSection(active.id, "agenda"))}>
              {t("dashboard.fullAgenda")} →
            </a>
          )
        }
      >
        {!active ? (
          <p class="empty-inline">{t("dashboard.noActiveMission")}</p>
        ) : (
          <>
            <p class="panel-lead">
              <a href={href(routes.mission(active.id))} data-testid="active-mission">
                {active.title}
              </a>
              <span class="muted">
                {" · "}
                {formatLongDay(wallClock(new Date(), zone).slice(0, 10))}
                {!sameZone && ` · ${t("mission.timesIn", { zone: label, home: zoneCity(home) })}`}
              </span>
            </p>
            {data.today.length === 0 ? (
              <p class="empty-inline">{t("dashboard.nothingToday")}</p>
            ) : (
              <ul class="today-list">
                {data.today.map((item) => (
                  <li
                    key={item.meeting.id}
                    class={"today-item" + (item.meeting.status === "cancelled" ? " meeting-cancelled" : "")}
                    data-testid="today-item"
                    data-id={item.meeting.id}
                  >
                    <div class="today-when">
                      <span class="meeting-time" data-testid="meeting-time">
                        {itemStartText(item, label, sameZone, home)}
                      </span>
                      <span class="meeting-end">{itemEndText(item, sameZone)}</span>
                    </div>
                    <div class="today-body">
                      <a class="meeting-title" href={href(routes.meeting(item.meeting.id))}>
                        {item.meeting.title}
                      </a>
                      <span class="today-meta">
                        <Badge tone="neutral">{meetingKindLabel(item.meeting.kind)}</Badge>
                        {item.meeting.status !== "planned" && (
                          <Badge tone={item.meeting.status === "held" ? "positive" : "danger"}>
                            {t(item.meeting.status === "held" ? "meetingStatus.held" : "meetingStatus.cancelled")}
                          </Badge>
                        )}
                        {item.meeting.place && (
                          <span class="meeting-place">
                            <IconPin size={12} />
                            {item.meeting.place}
                          </span>
                        )}
                        {item.clashes.length > 0 && (
                          <span class="clash-inline" data-testid="clash-warning">
                            <IconAlert size={12} />
                            {t("agenda.clash", {
                              names: [...new Set(item.clashes.map((c) => c.name))].join(", "),
                            })}{" "}
                            «{item.clashes[0].withTitle}»
                          </span>
                        )}
                      </span>
                    </div>
                    {item.meeting.status === "planned" && (
                      <button
                        type="button"
                        class="btn btn-small"
                        data-testid="log-this-meeting"
                        onClick={() => app.openLog({ meeting: item.meeting, missionId: active.id })}
                      >
                        <IconLog />
                        {t("agenda.logShort")}
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </Panel>

      <Panel
        title={t("dashboard.overdue")}
        count={overdue?.filter((f) => !f.doneAt).length ?? 0}
        testid="overdue-follow-ups"
        actions={
          <a class="link-more" href={href(routes.followUps())}>
            {t("dashboard.allFollowUps")} →
          </a>
        }
      >
        {!overdue || overdue.length === 0 ? (
          <p class="empty-inline">{t("dashboard.noOverdue")}</p>
        ) : (
          <div class="table-wrap table-wrap-inner">
            <FollowUpTable rows={overdue} onToggle={toggle} compact showContact={false} testid="overdue-table" />
          </div>
        )}
      </Panel>

      <Panel title={t("dashboard.recent")} count={data.recentMeetings.length} testid="recent-meetings">
        {data.recentMeetings.length === 0 ? (
          <p class="empty-inline">{t("dashboard.noRecent")}</p>
        ) : (
          <ul class="item-list">
            {data.recentMeetings.slice(0, MAX_RECENT).map((m) => (
              <RecentMeeting key={m.id} meeting={m} missionTitle={m.missionId ? missionTitles[m.missionId] : undefined} home={home} />
            ))}
          </ul>
        )}
      </Panel>

      <Panel title={t("dashboard.upcoming")} count={data.upcomingMissions.length} testid="upcoming-missions">
        {data.upcomingMissions.length === 0 ? (
          <p class="empty-inline">{t("dashboard.noUpcoming")}</p>
        ) : (
          <ul class="item-list">
            {data.upcomingMissions.map((m) => (
              <li key={m.id} class="item" data-testid="upcoming-mission" data-id={m.id}>
                <div class="item-main">
                  <a href={href(routes.mission(m.id))}>{m.title}</a>
                  <span class="item-sub">
                    {[m.destination, formatDateRange(m.startsOn, m.endsOn)].filter(Boolean).join(" · ")}
                  </span>
                </div>
                <span class="item-aside">
                  <span class="muted nowrap">
                    {m.startsOn > today
                      ? relativeDay(m.startsOn, today)
                      : t("dashboard.underWay")}
                  </span>
                  <MissionStatusBadge status={m.status} />
                </span>
              </li>
            ))}
          </ul>
        )}
      </Panel>
    </div>
  );
}

function RecentMeeting({ meeting: m, missionTitle, home }: { meeting: Meeting; missionTitle?: string; home: string }) {
  const zone = isValidTimeZone(m.timeZone) ? m.timeZone : home;
  const who = m.contacts.map((c) => c.name).join(", ");
  return (
    <li class="item" data-testid="recent-meeting" data-id={m.id}>
      <div class="item-main">
        <a href={href(routes.meeting(m.id))}>{m.title}</a>
        <span class="item-sub">
          {[
            `${formatShortDay(m.startsAt, zone)} ${formatTime(m.startsAt, zone)} ${zoneCity(zone)}`,
            missionTitle,
            who,
          ]
            .filter(Boolean)
            .join(" · ")}
        </span>
      </div>
      {m.interest && <InterestBadge interest={m.interest} />}
    </li>
  );
}
