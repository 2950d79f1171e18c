import * as api from "../api";
import type { OrganisationSummary } from "../api";
import { IconPlus } from "../components/Icons";
import { PageHeader } from "../components/PageHeader";
import { Empty, LoadError, Loading } from "../components/States";
import { ListToolbar, SortTh, dash, matchesFilter, useListFilter, useSort } from "../components/Table";
import { useLoad } from "../components/useLoad";
import { countryName, formatNumber, organisationKindLabel, t } from "../i18n";
import { href, navigate, routes } from "../router";

export function NewOrganisationButton() {
  return (
    <a class="btn btn-primary" href={href(routes.organisationNew())} data-testid="new-organisation">
      <IconPlus />
      {t("action.newOrganisation")}
    </a>
  );
}

export function OrganisationList() {
  const loaded = useLoad(() => api.organisations.list());
  const [filter, setFilter] = useListFilter();
  const rows = (loaded.data ?? []).filter((o) =>
    matchesFilter(filter, [o.name, organisationKindLabel(o.kind), o.country, countryName(o.country), o.city]),
  );
  const { sorted, sort, toggle } = useSort<OrganisationSummary>(
    rows,
    {
      name: (o) => o.name,
      kind: (o) => organisationKindLabel(o.kind),
      country: (o) => countryName(o.country),
      city: (o) => o.city,
      contacts: (o) => o.contactsCount,
    },
    null,
  );

  return (
    <div class="screen">
      <PageHeader
        title={t("organisations.title")}
        subtitle={t("organisations.subtitle")}
        actions={<NewOrganisationButton />}
      />
      <ListToolbar filter={filter} onFilter={setFilter} shown={rows.length} total={loaded.data?.length} />
      {loaded.error && !loaded.data ? (
        <LoadError error={loaded.error} onRetry={loaded.reload} />
      ) : !loaded.data ? (
        <Loading />
      ) : loaded.data.length === 0 ? (
        <Empty>{t("organisations.empty")}</Empty>
      ) : (
        <div class="table-wrap">
          <table class="table" data-testid="organisations-table">
            <thead>
              <tr>
                <SortTh label={t("col.name")} sortKey="name" sort={sort} onSort={toggle} />
                <SortTh label={t("col.kind")} sortKey="kind" sort={sort} onSort={toggle} />
                <SortTh label={t("col.country")} sortKey="country" sort={sort} onSort={toggle} />
                <SortTh label={t("col.city")} sortKey="city" sort={sort} onSort={toggle} />
                <SortTh label={t("col.contacts")} sortKey="contacts" sort={sort} onSort={toggle} numeric />
              </tr>
            </thead>
            <tbody>
              {sorted.map((o) => (
                <tr
                  key={o.id}
                  class="row-link"
                  data-testid="organisation-row"
                  data-id={o.id}
                  onClick={() => navigate(routes.organisation(o.id))}
                >
                  <td class="cell-primary">
                    <a href={href(routes.organisation(o.id))} onClick={(e) => e.stopPropagation()}>
                      {o.name}
                    </a>
                  </td>
                  <td>{organisationKindLabel(o.kind)}</td>
                  <td>{dash(countryName(o.country))}</td>
                  <td>{dash(o.city)}</td>
                  <td class="num">{formatNumber(o.contactsCount)}</td>
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
