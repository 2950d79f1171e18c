import * as api from "../api";
import type { MemberSummary } from "../api";
import { IconPlus } from "../components/Icons";
import { PageHeader } from "../components/PageHeader";
import { Empty, LoadError, Loading } from "../components/States";
import { ListToolbar, SortTh, dash, matchesFilter, useListFilter, useSort } from "../components/Table";
import { useLoad } from "../components/useLoad";
import { formatNumber, memberKindLabel, t } from "../i18n";
import { href, navigate, routes } from "../router";

export function NewMemberButton() {
  return (
    <a class="btn btn-primary" href={href(routes.memberNew())} data-testid="new-member">
      <IconPlus />
      {t("action.newMember")}
    </a>
  );
}

export function MemberList() {
  const loaded = useLoad(() => api.members.list());
  const [filter, setFilter] = useListFilter();
  const rows = (loaded.data ?? []).filter((m) => matchesFilter(filter, [m.name, memberKindLabel(m.kind), m.city]));
  const { sorted, sort, toggle } = useSort<MemberSummary>(
    rows,
    {
      name: (m) => m.name,
      kind: (m) => memberKindLabel(m.kind),
      city: (m) => m.city,
      people: (m) => m.personsCount,
      missions: (m) => m.missionsCount,
    },
    null,
  );

  return (
    <div class="screen">
      <PageHeader title={t("members.title")} subtitle={t("members.subtitle")} actions={<NewMemberButton />} />
      <ListToolbar filter={filter} onFilter={setFilter} shown={rows.length} total={loaded.data?.length} />
      {loaded.error && !loaded.data ? (
        <LoadError error={loaded.error} onRetry={loaded.reload} />
      ) : !loaded.data ? (
        <Loading />
      ) : loaded.data.length === 0 ? (
        <Empty>{t("members.empty")}</Empty>
      ) : (
        <div class="table-wrap">
          <table class="table" data-testid="members-table">
            <thead>
              <tr>
                <SortTh label={t("col.name")} sortKey="name" sort={sort} onSort={toggle} />
                <SortTh label={t("col.kind")} sortKey="kind" sort={sort} onSort={toggle} />
                <SortTh label={t("col.city")} sortKey="city" sort={sort} onSort={toggle} />
                <SortTh label={t("col.people")} sortKey="people" sort={sort} onSort={toggle} numeric />
                <SortTh label={t("col.missions")} sortKey="missions" sort={sort} onSort={toggle} numeric />
              </tr>
            </thead>
            <tbody>
              {sorted.map((m) => (
                <tr
                  key={m.id}
                  class="row-link"
                  data-testid="member-row"
                  data-id={m.id}
                  onClick={() => navigate(routes.member(m.id))}
                >
                  <td class="cell-primary">
                    <a href={href(routes.member(m.id))} onClick={(e) => e.stopPropagation()}>
                      {m.name}
                    </a>
                  </td>
                  <td>{memberKindLabel(m.kind)}</td>
                  <td>{dash(m.city)}</td>
                  <td class="num">{formatNumber(m.personsCount)}</td>
                  <td class="num">{formatNumber(m.missionsCount)}</td>
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
