import * as api from "../api";
import type { AccessFormat, ConsentRecord, ContactDetail, FollowUpView, MissionSummary } from "../api";
import { useApp } from "../components/context";
import { Dl, DlRow, Panel, withBreaks } from "../components/DetailList";
import { IconDownload, IconEdit, IconTrash } from "../components/Icons";
import { useConfirmDelete } from "../components/Modal";
import { DetailHeader } from "../components/PageHeader";
import { LoadGate } from "../components/States";
import { useLoad } from "../components/useLoad";
import { useState } from "preact/hooks";
import { FollowUpTable, useFollowUpToggle } from "../follow_ups/FollowUpTable";
import { countryName, formatDate, formatTimestamp, languageName, lawfulBasisLabel, t, tDynamic, tn } from "../i18n";
import { MeetingList } from "../missions/Agenda";
import { href, navigate, routes } from "../router";
import { fullName } from "./names";

export function ContactDetailView({ id }: { id: string }) {
  const app = useApp();
  const loaded = useLoad(async () => {
    const [detail, missions, followUps, consent] = await Promise.all([
      api.contacts.get(id),
      api.missions.list().catch((): MissionSummary[] => []),
      api.followUps.list({ contactId: id, includeDone: true }).catch((): FollowUpView[] => []),
      // A stand-in of an erased contact has no history: not_found, shown as none.
      api.privacy.consentHistory(id).catch((): ConsentRecord[] => []),
    ]);
    return { detail, missions, followUps, consent };
  }, [id, app.dataVersion]);
  const del = useConfirmDelete();
  return (
    <div class="screen">
      <LoadGate loaded={loaded} backTo={routes.contacts()} section={t("nav.contacts")}>
        {({ detail, missions, followUps, consent }) => (
          <ContactBody
            detail={detail}
            missions={missions}
            followUps={followUps}
            consent={consent}
            onErase={() =>
              del.ask({
                name: fullName(detail.contact),
                title: t("privacy.eraseTitle", { name: fullName(detail.contact) }),
                body: t("privacy.eraseBody", { name: fullName(detail.contact) }),
                confirmLabel: t("privacy.eraseConfirm"),
                busyLabel: t("privacy.erasing"),
                doneNotice: "notice.erased",
                run: () => api.privacy.erase(detail.contact.id),
                onDone: () => navigate(routes.contacts()),
              })
            }
            onDelete={() =>
              del.ask({
                name: fullName(detail.contact),
                body: t("confirm.bodyContact", { name: fullName(detail.contact) }),
                run: () => api.contacts.delete(detail.contact.id),
                onDone: () => navigate(routes.contacts()),
              })
            }
          />
        )}
      </LoadGate>
      {del.modal}
    </div>
  );
}

function ContactBody({
  detail,
  missions,
  followUps,
  consent,
  onErase,
  onDelete,
}: {
  detail: ContactDetail;
  missions: MissionSummary[];
  followUps: FollowUpView[];
  consent: ConsentRecord[];
  onErase: () => void;
  onDelete: () => void;
}) {
  const app = useApp();
  const { settings } = app;
  const [saving, setSaving] = useState<AccessFormat | null>(null);
  const saveAccess = (format: AccessFormat) => {
    if (saving) return;
    setSaving(format);
    app.clearError();
    api.privacy.saveAccessRequest(detail.contact.id, format, app.lang).then(
      (path) => {
        setSaving(null);
        if (path) app.notify("privacy.accessSaved", { path });
      },
      (e: unknown) => {
        setSaving(null);
        app.showError(e);
      },
    );
  };
  const { rows: followUpRows, toggle } = useFollowUpToggle(followUps);
  const openFollowUps = (followUpRows ?? []).filter((f) => !f.doneAt).length;
  const c = detail.contact;
  const missionTitles = Object.fromEntries(missions.map((m) => [m.id, m.title]));
  const org =
    c.organisationId && c.organisationName ? (
      <a href={href(routes.organisation(c.organisationId))} data-testid="contact-organisation">
        {c.organisationName}
      </a>
    ) : null;

  return (
    <>
      <DetailHeader
        section={t("nav.contacts")}
        sectionPath={routes.contacts()}
        title={fullName(c)}
        kicker={c.nameReading ? <span class="name-reading">{c.nameReading}</span> : undefined}
        meta={
          <>
            {c.role && <span class="meta-item">{c.role}</span>}
            {org && <span class="meta-item">{org}</span>}
            {c.country && <span class="meta-item">{countryName(c.country)}</span>}
          </>
        }
        actions={
          c.erasedAt ? undefined : (
            <>
              <a class="btn" href={href(routes.contactEdit(c.id))} data-testid="edit">
                <IconEdit />
                {t("action.edit")}
              </a>
              <button type="button" class="btn btn-danger-ghost" data-testid="delete" onClick={onDelete}>
                <IconTrash />
                {t("action.delete")}
              </button>
            </>
          )
        }
      />
      {c.erasedAt && (
        <p class="muted" data-testid="contact-erased">
          {t("privacy.erasedStandIn")}
        </p>
      )}
      <div class="detail-grid">
        <div class="detail-main">
          <Panel title={t("contact.profile")}>
            <Dl class="dl-2col">
              <DlRow label={t("field.firstName")}>{c.firstName}</DlRow>
              <DlRow label={t("field.lastName")}>{c.lastName}</DlRow>
              <DlRow label={t("field.nameReading")}>{c.nameReading}</DlRow>
              <DlRow label={t("field.organisationId")}>{org}</DlRow>
              <DlRow label={t("field.role")} testid="contact-role">
                {c.role}
              </DlRow>
              <DlRow label={t("field.email")} testid="contact-email">
                {c.email && withBreaks(c.email)}
              </DlRow>
              <DlRow label={t("field.phone")}>{c.phone}</DlRow>
              <DlRow label={t("field.city")}>{c.city}</DlRow>
              <DlRow label={t("field.country")}>{countryName(c.country)}</DlRow>
              <DlRow label={t("field.language")}>{languageName(c.language)}</DlRow>
              <DlRow label={t("field.source")} wide>
                {c.source}
              </DlRow>
              <DlRow label={t("field.notes")} wide pre>
                {c.notes}
              </DlRow>
            </Dl>
          </Panel>
          <Panel title={t("contact.meetings")} count={detail.meetings.length} testid="contact-meetings">
            {detail.meetings.length === 0 ? (
              <p class="empty-inline">{t("contact.noMeetings")}</p>
            ) : (
              <MeetingList meetings={detail.meetings} home={settings.homeTimeZone} missionTitles={missionTitles} />
            )}
          </Panel>
          <Panel
            title={t("contact.followUps")}
            count={openFollowUps}
            testid="contact-follow-ups"
            actions={
              followUps.length > 0 ? (
                <span class="panel-note">{tn("contact.followUpsTotal", followUps.length)}</span>
              ) : undefined
            }
          >
            {!followUpRows || followUpRows.length === 0 ? (
              <p class="empty-inline">{t("contact.noFollowUps")}</p>
            ) : (
              <div class="table-wrap table-wrap-inner">
                <FollowUpTable rows={followUpRows} onToggle={toggle} showContact={false} compact testid="contact-follow-ups-table" />
              </div>
            )}
          </Panel>
        </div>
        <div class="detail-side">
          <Panel title={t("contact.privacy")}>
            <Dl>
              <DlRow label={t("field.lawfulBasis")} testid="contact-lawful-basis">
                {lawfulBasisLabel(c.lawfulBasis)}
              </DlRow>
              <DlRow label={t("field.lawfulBasisOn")}>{formatDate(c.lawfulBasisOn)}</DlRow>
              <DlRow label={t("common.createdAt")}>{formatTimestamp(c.createdAt)}</DlRow>
              <DlRow label={t("common.updatedAt")}>{formatTimestamp(c.updatedAt)}</DlRow>
            </Dl>
            {!c.erasedAt && (
              <div class="panel-actions privacy-actions" data-testid="contact-privacy-actions">
                <button type="button" class="btn btn-small" data-testid="access-html" onClick={() => saveAccess("html")} disabled={saving !== null}>
                  <IconDownload />
                  {saving === "html" ? t("privacy.saving") : t("privacy.accessHtml")}
                </button>
                <button type="button" class="btn btn-small" data-testid="access-json" onClick={() => saveAccess("json")} disabled={saving !== null}>
                  <IconDownload />
                  {saving === "json" ? t("privacy.saving") : t("privacy.accessJson")}
                </button>
                <button type="button" class="btn btn-small btn-danger-ghost" data-testid="erase" onClick={onErase}>
                  <IconTrash />
                  {t("privacy.erase")}
                </button>
              </div>
            )}
          </Panel>
          {!c.erasedAt && (
            <Panel title={t("privacy.consentHistory")} count={consent.length} testid="contact-consent-history">
              {consent.length === 0 ? (
                <p class="empty-inline">{t("privacy.noHistory")}</p>
              ) : (
                <ol class="consent-history">
                  {consent.map((r) => (
                    <li key={r.id}>
                      <span class="muted tabular">{formatTimestamp(r.changedAt)}</span> ·{" "}
                      {tDynamic(`privacy.event.${r.event}`, r.event)}: {lawfulBasisLabel(r.lawfulBasis)}, {formatDate(r.lawfulBasisOn)}
                      {r.source && <span class="muted"> — {r.source}</span>}
                    </li>
                  ))}
                </ol>
              )}
            </Panel>
          )}
        </div>
      </div>
    </>
  );
}
