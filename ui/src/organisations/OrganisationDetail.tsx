import * as api from "../api";
import type { OrganisationDetail } from "../api";
import { Badge } from "../components/Badge";
import { Dl, DlRow, Panel, withBreaks } from "../components/DetailList";
import { IconEdit, IconPin, IconTrash } from "../components/Icons";
import { useConfirmDelete } from "../components/Modal";
import { DetailHeader } from "../components/PageHeader";
import { LoadGate } from "../components/States";
import { dash } from "../components/Table";
import { useLoad } from "../components/useLoad";
import { countryName, formatTimestamp, organisationKindLabel, t } from "../i18n";
import { NewContactButton } from "../contacts/ContactList";
import { fullName } from "../contacts/names";
import { href, navigate, routes } from "../router";

export function OrganisationDetailView({ id }: { id: string }) {
  const loaded = useLoad(() => api.organisations.get(id), [id]);
  const del = useConfirmDelete();
  return (
    <div class="screen">
      <LoadGate loaded={loaded} backTo={routes.organisations()} section={t("nav.organisations")}>
        {(d) => (
          <OrganisationBody
            detail={d}
            onDelete={() =>
              del.ask({
                name: d.organisation.name,
                body: t("confirm.bodyOrganisation", { name: d.organisation.name }),
                run: () => api.organisations.delete(d.organisation.id),
                onDone: () => navigate(routes.organisations()),
              })
            }
          />
        )}
      </LoadGate>
      {del.modal}
    </div>
  );
}

function OrganisationBody({ detail, onDelete }: { detail: OrganisationDetail; onDelete: () => void }) {
  const o = detail.organisation;
  const place = [o.city, countryName(o.country)].filter(Boolean).join(", ");
  return (
    <>
      <DetailHeader
        section={t("nav.organisations")}
        sectionPath={routes.organisations()}
        title={o.name}
        kicker={<Badge tone="neutral">{organisationKindLabel(o.kind)}</Badge>}
        meta={
          place ? (
            <span class="meta-item">
              <IconPin size={13} />
              {place}
            </span>
          ) : undefined
        }
        actions={
          <>
            <a class="btn" href={href(routes.organisationEdit(o.id))} data-testid="edit">
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
          <Panel
            title={t("organisation.contacts")}
            count={detail.contacts.length}
            testid="organisation-contacts"
            actions={<NewContactButton organisationId={o.id} label={t("action.newContactHere")} small />}
          >
            {detail.contacts.length === 0 ? (
              <p class="empty-inline">{t("organisation.noContacts")}</p>
            ) : (
              <div class="table-wrap table-wrap-inner">
                <table class="table table-compact" data-testid="organisation-contacts-table">
                  <thead>
                    <tr>
                      <th scope="col">{t("col.name")}</th>
                      <th scope="col">{t("col.role")}</th>
                      <th scope="col">{t("col.email")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {detail.contacts.map((c) => (
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
                        <td>{dash(c.role)}</td>
                        <td class="cell-mono">{dash(c.email)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Panel>
        </div>
        <div class="detail-side">
          <Panel title={t("common.details")}>
            <Dl>
              <DlRow label={t("field.kind")}>{organisationKindLabel(o.kind)}</DlRow>
              <DlRow label={t("field.country")}>{countryName(o.country)}</DlRow>
              <DlRow label={t("field.city")}>{o.city}</DlRow>
              <DlRow label={t("field.website")}>{o.website && <span class="selectable">{withBreaks(o.website)}</span>}</DlRow>
              <DlRow label={t("field.notes")} pre>
                {o.notes}
              </DlRow>
              <DlRow label={t("common.createdAt")}>{formatTimestamp(o.createdAt)}</DlRow>
              <DlRow label={t("common.updatedAt")}>{formatTimestamp(o.updatedAt)}</DlRow>
            </Dl>
          </Panel>
        </div>
      </div>
    </>
  );
}
