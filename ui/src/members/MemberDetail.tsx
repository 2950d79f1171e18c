import { useEffect, useRef, useState } from "preact/hooks";
import * as api from "../api";
import type { MemberDetail, Person, PersonInput } from "../api";
import { Badge, ParticipationBadge } from "../components/Badge";
import { useApp } from "../components/context";
import { Dl, DlRow, Panel, withBreaks } from "../components/DetailList";
import { FormSection, FormShell, TextArea, TextField, useForm } from "../components/form";
import { IconEdit, IconPin, IconPlus, IconTrash } from "../components/Icons";
import { useConfirmDelete } from "../components/Modal";
import { ExportButton } from "../export/ExportDialog";
import { trimStrings } from "../components/normalise";
import { DetailHeader } from "../components/PageHeader";
import { LoadGate } from "../components/States";
import { dash } from "../components/Table";
import { useLoad } from "../components/useLoad";
import { fullName } from "../contacts/names";
import { formatTimestamp, memberKindLabel, t } from "../i18n";
import { href, navigate, routes } from "../router";

export function MemberDetailView({ id, highlightPerson }: { id: string; highlightPerson?: string }) {
  const loaded = useLoad(() => api.members.get(id), [id]);
  const del = useConfirmDelete();
  return (
    <div class="screen">
      <LoadGate loaded={loaded} backTo={routes.members()} section={t("nav.members")}>
        {(d) => (
          <MemberBody
            detail={d}
            reload={loaded.reload}
            highlightPerson={highlightPerson}
            askDelete={del.ask}
          />
        )}
      </LoadGate>
      {del.modal}
    </div>
  );
}

type PersonEditing = { mode: "new" } | { mode: "edit"; person: Person } | null;

function MemberBody({
  detail,
  reload,
  highlightPerson,
  askDelete,
}: {
  detail: MemberDetail;
  reload: () => void;
  highlightPerson?: string;
  askDelete: ReturnType<typeof useConfirmDelete>["ask"];
}) {
  const m = detail.member;
  const [editing, setEditing] = useState<PersonEditing>(null);
  const peopleRef = useRef<HTMLDivElement>(null);

  // A person opened from the search: bring its row into view.
  useEffect(() => {
    if (!highlightPerson) return;
    const row = peopleRef.current?.querySelector<HTMLElement>(`[data-id="${CSS.escape(highlightPerson)}"]`);
    row?.scrollIntoView({ block: "center" });
  }, [highlightPerson]);

  const place = [m.city, m.region].filter(Boolean).join(", ");

  const deleteMember = () =>
    askDelete({
      name: m.name,
      body: t("confirm.bodyMember", { name: m.name }),
      run: () => api.members.delete(m.id),
      onDone: () => navigate(routes.members()),
    });

  const deletePerson = (p: Person) => {
    setEditing(null);
    askDelete({
      name: fullName(p),
      body: t("confirm.bodyPerson", { name: fullName(p) }),
      run: () => api.members.deletePerson(p.id),
      onDone: reload,
    });
  };

  return (
    <>
      <DetailHeader
        section={t("nav.members")}
        sectionPath={routes.members()}
        title={m.name}
        kicker={<Badge tone="neutral">{memberKindLabel(m.kind)}</Badge>}
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
            <ExportButton
              testid="export-member-contacts"
              label={t("export.missionContacts")}
              selection={() => ({ memberId: m.id })}
            />
            <a class="btn" href={href(routes.memberEdit(m.id))} data-testid="edit">
              <IconEdit />
              {t("action.edit")}
            </a>
            <button type="button" class="btn btn-danger-ghost" data-testid="delete" onClick={deleteMember}>
              <IconTrash />
              {t("action.delete")}
            </button>
          </>
        }
      />
      <div class="detail-grid">
        <div class="detail-main">
          <Panel
            title={t("member.people")}
            count={detail.persons.length}
            testid="member-people"
            actions={
              <button
                type="button"
                class="btn btn-small"
                data-testid="new-person"
                onClick={() => setEditing({ mode: "new" })}
                disabled={editing?.mode === "new"}
              >
                <IconPlus />
                {t("action.newPerson")}
              </button>
            }
          >
            {editing && (
              <PersonForm
                key={editing.mode === "edit" ? editing.person.id : "new"}
                memberId={m.id}
                person={editing.mode === "edit" ? editing.person : undefined}
                onDone={() => {
                  setEditing(null);
                  reload();
                }}
                onCancel={() => setEditing(null)}
              />
            )}
            <div ref={peopleRef}>
              {detail.persons.length === 0 ? (
                !editing && <p class="empty-inline">{t("member.noPeople")}</p>
              ) : (
                <div class="table-wrap table-wrap-inner">
                  <table class="table table-compact" data-testid="persons-table">
                    <thead>
                      <tr>
                        <th scope="col">{t("col.name")}</th>
                        <th scope="col">{t("col.role")}</th>
                        <th scope="col">{t("col.email")}</th>
                        <th scope="col">{t("col.phone")}</th>
                        <th scope="col" class="actions-col">
                          <span class="sr-only">{t("col.actions")}</span>
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {detail.persons.map((p) => {
                        const name = fullName(p);
                        const isEditing = editing?.mode === "edit" && editing.person.id === p.id;
                        return (
                          <tr
                            key={p.id}
                            data-testid="person-row"
                            data-id={p.id}
                            class={
                              (p.id === highlightPerson ? "highlight " : "") + (isEditing ? "editing" : "")
                            }
                          >
                            <td class="cell-primary">
                              <span>{name || "—"}</span>
                              {p.notes && <span class="cell-sub">{p.notes}</span>}
                            </td>
                            <td>{dash(p.role)}</td>
                            <td class="cell-mono">{dash(p.email)}</td>
                            <td class="nowrap">{dash(p.phone)}</td>
                            <td class="actions-col">
                              <button
                                type="button"
                                class="icon-btn"
                                data-testid="person-edit"
                                aria-label={t("person.editNamed", { name })}
                                title={t("person.editNamed", { name })}
                                onClick={() => setEditing({ mode: "edit", person: p })}
                              >
                                <IconEdit />
                              </button>
                              <button
                                type="button"
                                class="icon-btn icon-btn-danger"
                                data-testid="person-delete"
                                aria-label={t("person.deleteNamed", { name })}
                                title={t("person.deleteNamed", { name })}
                                onClick={() => deletePerson(p)}
                              >
                                <IconTrash />
                              </button>
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
              )}
            </div>
          </Panel>
          <Panel title={t("member.missions")} count={detail.missions.length} testid="member-missions">
            {detail.missions.length === 0 ? (
              <p class="empty-inline">{t("member.noMissions")}</p>
            ) : (
              <ul class="item-list">
                {detail.missions.map((mi) => (
                  <li key={mi.missionId} class="item" data-testid="member-mission" data-id={mi.missionId}>
                    <div class="item-main">
                      <a href={href(routes.mission(mi.missionId))}>{mi.title}</a>
                    </div>
                    <ParticipationBadge status={mi.status} />
                  </li>
                ))}
              </ul>
            )}
          </Panel>
        </div>
        <div class="detail-side">
          <Panel title={t("common.details")}>
            <Dl>
              <DlRow label={t("field.kind")}>{memberKindLabel(m.kind)}</DlRow>
              <DlRow label={t("field.city")}>{m.city}</DlRow>
              <DlRow label={t("field.region")}>{m.region}</DlRow>
              <DlRow label={t("field.website")}>{m.website && <span class="selectable">{withBreaks(m.website)}</span>}</DlRow>
              <DlRow label={t("field.email")} testid="member-email">
                {m.email && withBreaks(m.email)}
              </DlRow>
              <DlRow label={t("field.phone")}>{m.phone}</DlRow>
              <DlRow label={t("field.notes")} pre>
                {m.notes}
              </DlRow>
              <DlRow label={t("common.createdAt")}>{formatTimestamp(m.createdAt)}</DlRow>
              <DlRow label={t("common.updatedAt")}>{formatTimestamp(m.updatedAt)}</DlRow>
            </Dl>
          </Panel>
        </div>
      </div>
    </>
  );
}

function emptyPerson(): PersonInput {
  return { firstName: "", lastName: "", role: "", email: "", phone: "", notes: "" };
}

function PersonForm({
  memberId,
  person,
  onDone,
  onCancel,
}: {
  memberId: string;
  person?: Person;
  onDone: () => void;
  onCancel: () => void;
}) {
  const app = useApp();
  const form = useForm<PersonInput>(() =>
    person
      ? {
          firstName: person.firstName,
          lastName: person.lastName,
          role: person.role,
          email: person.email,
          phone: person.phone,
          notes: person.notes,
        }
      : emptyPerson(),
  );
  const onSubmit = () =>
    form.submit(
      (values) => {
        const input = trimStrings(values, ["notes"]);
        return person ? api.members.updatePerson(person.id, input) : api.members.addPerson(memberId, input);
      },
      () => {
        app.notify("notice.saved");
        onDone();
      },
    );
  return (
    <div class="inline-form" data-testid="person-form">
      <h3 class="inline-form-title">{person ? t("person.edit") : t("person.new")}</h3>
      <FormShell form={form} onSubmit={onSubmit} onCancel={onCancel} class="form-compact">
        <FormSection>
          <TextField form={form} name="firstName" label={t("field.firstName")} required />
          <TextField form={form} name="lastName" label={t("field.lastName")} required />
          <TextField form={form} name="role" label={t("field.role")} />
          <TextField form={form} name="email" label={t("field.email")} type="email" spellcheck={false} />
          <TextField form={form} name="phone" label={t("field.phone")} type="tel" />
          <TextArea form={form} name="notes" label={t("field.notes")} rows={2} wide={false} />
        </FormSection>
      </FormShell>
    </div>
  );
}
