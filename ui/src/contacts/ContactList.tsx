import * as api from "../api";
import type { ContactSummary } from "../api";
import { IconPlus, IconUpload } from "../components/Icons";
import { ExportButton } from "../export/ExportDialog";
import { PageHeader } from "../components/PageHeader";
import { Empty, LoadError, Loading } from "../components/States";
import { ListToolbar, SortTh, dash, matchesFilter, useListFilter, useSort } from "../components/Table";
import { useLoad } from "../components/useLoad";
import { countryName, t } from "../i18n";
import { href, navigate, routes } from "../router";
import { fullName } from "./names";

export function NewContactButton({
  organisationId,
  label,
  small,
}: {
  organisationId?: string;
  label?: string;
  small?: boolean;
}) {
  return (
    <a class={"btn btn-primary" + (small ? " btn-small" : "")} href={href(routes.contactNew(organisationId))} data-testid="new-contact">
      <IconPlus />
      {label ?? t("action.newContact")}
    </a>
  );
}

export function ContactList() {
  const loaded = useLoad(() => api.contacts.list());
  const [filter, setFilter] = useListFilter();
  const rows = (loaded.data ?? []).filter((c) =>
    matchesFilter(filter, [
      c.firstName,
      c.lastName,
      c.organisationName,
      c.role,
      c.email,
      c.country,
      countryName(c.country),
    ]),
  );
  const { sorted, sort, toggle } = useSort<ContactSummary>(
    rows,
    {
      name: (c) => `${c.lastName} ${c.firstName}`,
      organisation: (c) => c.organisationName,
      role: (c) => c.role,
      country: (c) => countryName(c.country),
      email: (c) => c.email,
    },
    null,
  );

  return (
    <div class="screen">
      <PageHeader
        title={t("contacts.title")}
        subtitle={t("contacts.subtitle")}
        actions={
          <>
            <a class="btn" href={href(routes.importWizard("contacts"))} data-testid="import-contacts">
              <IconUpload />
              {t("action.import")}
            </a>
            <ExportButton
              testid="export-contacts"
              selection={() => (filter.trim() && loaded.data ? { ids: rows.map((c) => c.id) } : {})}
            />
            <NewContactButton />
          </>
        }
      />
      <ListToolbar filter={filter} onFilter={setFilter} shown={rows.length} total={loaded.data?.length} />
      {loaded.error && !loaded.data ? (
        <LoadError error={loaded.error} onRetry={loaded.reload} />
      ) : !loaded.data ? (
        <Loading />
      ) : loaded.data.length === 0 ? (
        <Empty>{t("contacts.empty")}</Empty>
      ) : (
        <div class="table-wrap">
          <table class="table" data-testid="contacts-table">
            <thead>
              <tr>
                <SortTh label={t("col.name")} sortKey="name" sort={sort} onSort={toggle} />
                <SortTh label={t("col.organisation")} sortKey="organisation" sort={sort} onSort={toggle} />
                <SortTh label={t("col.role")} sortKey="role" sort={sort} onSort={toggle} />
                <SortTh label={t("col.country")} sortKey="country" sort={sort} onSort={toggle} />
                <SortTh label={t("col.email")} sortKey="email" sort={sort} onSort={toggle} />
              </tr>
            </thead>
            <tbody>
              {sorted.map((c) => (
                <tr
                  key={c.id}
                  class="row-link"
                  data-testid="contact-row"
                  data-id={c.id}
                  onClick={() => navigate(routes.contact(c.id))}
                >
                  <td class="cell-primary">
                    <a href={href(routes.contact(c.id))} onClick={(e) => e.stopPropagation()}>
                      {fullName(c) || "—"}
                    </a>
                  </td>
                  <td>{dash(c.organisationName)}</td>
                  <td>{dash(c.role)}</td>
                  <td>{dash(countryName(c.country))}</td>
                  <td class="cell-mono">{dash(c.email)}</td>
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
