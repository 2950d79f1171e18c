import * as api from "../api";
import type { MissionSummary } from "../api";
import { MissionStatusBadge } from "../components/Badge";
import { IconPlus } from "../components/Icons";
import { PageHeader } from "../components/PageHeader";
import { Empty, LoadError, Loading } from "../components/States";
import { ListToolbar, SortTh, matchesFilter, useListFilter, useSort } from "../components/Table";
import { useLoad } from "../components/useLoad";
import { formatDateRange, formatNumber, missionStatusLabel, t } from "../i18n";
import { href, navigate, routes } from "../router";

export function NewMissionButton() {
  return (
    <a class="btn btn-primary" href={href(routes.missionNew())} data-testid="new-mission">
      <IconPlus />
      {t("action.newMission")}
    </a>
  );
}

export function MissionList() {
  const loaded = useLoad(() => api.missions.list());
  const [filter, setFilter] = useListFilter();
  const rows = (loaded.data ?? []).filter((m) =>
    matchesFilter(filter, [m.title, m.destination, missionStatusLabel(m.status), m.timeZone]),
  );
  const { sorted, sort, toggle } = useSort<MissionSummary>(
    rows,
    {
      title: (m) => m.title,
      destination: (m) => m.destination,
      dates: (m) => m.startsOn,
      status: (m) => missionStatusLabel(m.status),
      members: (m) => m.membersCount,
      meetings: (m) => m.meetingsCount,
    },
    null,
  );

  return (
    <div class="screen">
      <PageHeader title={t("missions.title")} subtitle={t("missions.subtitle")} actions={<NewMissionButton />} />
      <ListToolbar filter={filter} onFilter={setFilter} shown={rows.length} total={loaded.data?.length} />
      {loaded.error && !loaded.data ? (
        <LoadError error={loaded.error} onRetry={loaded.reload} />
      ) : !loaded.data ? (
        <Loading />
      ) : loaded.data.length === 0 ? (
        <Empty>{t("missions.empty")}</Empty>
      ) : (
        <div class="table-wrap">
          <table class="table" data-testid="missions-table">
            <thead>
              <tr>
                <SortTh label={t("col.title")} sortKey="title" sort={sort} onSort={toggle} />
                <SortTh label={t("col.destination")} sortKey="destination" sort={sort} onSort={toggle} />
                <SortTh label={t("col.dates")} sortKey="dates" sort={sort} onSort={toggle} />
                <SortTh label={t("col.status")} sortKey="status" sort={sort} onSort={toggle} />
                <SortTh label={t("col.members")} sortKey="members" sort={sort} onSort={toggle} numeric />
                <SortTh label={t("col.meetings")} sortKey="meetings" sort={sort} onSort={toggle} numeric />
              </tr>
            </thead>
            <tbody>
              {sorted.map((m) => (
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
          {sorted.length === 0 && <p class="no-match">{t("common.noMatch", { text: filter })}</p>}
        </div>
      )}
    </div>
  );
}
