// The delegation of a mission: member organisations (invited / confirmed / withdrawn) and their
// people taking part, with role, dates of stay and needs (interpreter, visa…). Statuses change
// inline; removals ask first.
import { useEffect, useState } from "preact/hooks";
import * as api from "../api";
import {
  PARTICIPATION_STATUSES,
  type Delegate,
  type DelegateInput,
  type MemberSummary,
  type MissionDetail,
  type Participation,
  type ParticipationStatus,
  type PersonSummary,
} from "../api";
import { useApp } from "../components/context";
import { Panel } from "../components/DetailList";
import { DataList, FormSection, FormShell, SelectField, TextField, useForm } from "../components/form";
import { IconCalendar, IconEdit, IconPlus, IconTrash } from "../components/Icons";
import { useConfirmDelete } from "../components/Modal";
import { trimStrings } from "../components/normalise";
import { LoadError, Loading } from "../components/States";
import { dash } from "../components/Table";
import { useLoad } from "../components/useLoad";
import { formatDate, formatDateRange, participationStatusLabel, t, tn } from "../i18n";
import { href, routes } from "../router";

type StatusFilter = "all" | ParticipationStatus;

/** A status <select> coloured like the status badge. */
export function StatusSelect({
  value,
  label,
  testid,
  disabled,
  onChange,
}: {
  value: ParticipationStatus;
  label: string;
  testid: string;
  disabled?: boolean;
  onChange: (s: ParticipationStatus) => void;
}) {
  return (
    <select
      class={`input select status-select status-${value}`}
      data-testid={testid}
      data-status={value}
      aria-label={label}
      title={label}
      value={value}
      disabled={disabled}
      onChange={(e) => onChange(e.currentTarget.value as ParticipationStatus)}
    >
      {PARTICIPATION_STATUSES.map((s) => (
        <option key={s} value={s} selected={s === value}>
          {participationStatusLabel(s)}
        </option>
      ))}
    </select>
  );
}

function delegateInput(d: Delegate, patch: Partial<DelegateInput> = {}): DelegateInput {
  return {
    status: d.status,
    role: d.role,
    arrivesOn: d.arrivesOn ?? "",
    departsOn: d.departsOn ?? "",
    needs: d.needs,
    ...patch,
  };
}

function stay(d: Delegate): string {
  if (d.arrivesOn && d.departsOn) return formatDateRange(d.arrivesOn, d.departsOn);
  if (d.arrivesOn) return t("delegation.from", { date: formatDate(d.arrivesOn) });
  if (d.departsOn) return t("delegation.until", { date: formatDate(d.departsOn) });
  return "";
}

type DelegateEditing = { memberId: string; delegate?: Delegate } | null;

export function Delegation({
  detail,
  onChanged,
  onExport,
}: {
  detail: MissionDetail;
  onChanged: () => void;
  /** Exports one delegate's calendar. */
  onExport: (d: Delegate) => void;
}) {
  const app = useApp();
  const del = useConfirmDelete();
  const missionId = detail.mission.id;
  const [filter, setFilter] = useState<StatusFilter>("all");
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<DelegateEditing>(null);
  // Statuses chosen inline, shown until the reload confirms them (participation or delegate id).
  const [pending, setPending] = useState<Record<string, ParticipationStatus>>({});

  // A new load of the mission carries the saved statuses.
  useEffect(() => setPending({}), [detail]);

  const statusOfP = (p: Participation) => pending[p.id] ?? p.status;
  const statusOfD = (d: Delegate) => pending[d.id] ?? d.status;

  const change = (key: string, status: ParticipationStatus, run: () => Promise<unknown>) => {
    app.clearError();
    setPending((s) => ({ ...s, [key]: status }));
    run().then(
      () => {
        onChanged();
        app.notify("notice.saved");
      },
      (e: unknown) => {
        setPending((s) => {
          const next = { ...s };
          delete next[key];
          return next;
        });
        app.showError(e);
      },
    );
  };

  const setParticipationStatus = (p: Participation, status: ParticipationStatus) =>
    change(p.id, status, () => api.missions.setParticipation(missionId, p.memberId, status, p.notes));

  const setDelegateStatus = (d: Delegate, status: ParticipationStatus) =>
    change(d.id, status, () => api.missions.setDelegate(missionId, d.personId, delegateInput(d, { status })));

  const removeParticipation = (p: Participation) => {
    const n = detail.delegates.filter((d) => d.participationId === p.id).length;
    setEditing(null);
    del.ask({
      name: p.memberName,
      title: t("delegation.removeMemberTitle", { name: p.memberName }),
      body: n > 0 ? tn("delegation.removeMemberBody", n, { name: p.memberName }) : undefined,
      confirmLabel: t("action.remove"),
      busyLabel: t("action.removing"),
      doneNotice: "notice.removed",
      run: () => api.missions.removeParticipation(p.id),
      onDone: onChanged,
    });
  };

  const removeDelegate = (d: Delegate) => {
    setEditing(null);
    del.ask({
      name: d.name,
      title: t("delegation.removeDelegateTitle", { name: d.name }),
      confirmLabel: t("action.remove"),
      busyLabel: t("action.removing"),
      doneNotice: "notice.removed",
      run: () => api.missions.removeDelegate(d.id),
      onDone: onChanged,
    });
  };

  // Counts by status (delegates; members in brackets).
  const counts: Record<StatusFilter, number> = { all: 0, invited: 0, confirmed: 0, withdrawn: 0 };
  for (const d of detail.delegates) {
    counts.all++;
    counts[statusOfD(d)]++;
  }
  const memberCounts: Record<StatusFilter, number> = { all: 0, invited: 0, confirmed: 0, withdrawn: 0 };
  for (const p of detail.participations) {
    memberCounts.all++;
    memberCounts[statusOfP(p)]++;
  }

  const groups = detail.participations
    .map((p) => {
      const all = detail.delegates.filter((d) => d.participationId === p.id);
      const shown = filter === "all" ? all : all.filter((d) => statusOfD(d) === filter);
      const visible = filter === "all" || statusOfP(p) === filter || shown.length > 0;
      return { p, all, shown, visible };
    })
    .filter((g) => g.visible);

  const filters: StatusFilter[] = ["all", ...PARTICIPATION_STATUSES];

  return (
    <Panel
      title={t("mission.delegation")}
      count={detail.participations.length}
      testid="mission-delegation"
      actions={
        <button
          type="button"
          class="btn btn-small"
          data-testid="add-participation"
          onClick={() => {
            setEditing(null);
            setAdding(true);
          }}
          disabled={adding}
        >
          <IconPlus />
          {t("delegation.addMember")}
        </button>
      }
    >
      <div class="delegation-toolbar">
        <div class="segmented" role="group" aria-label={t("delegation.filterLabel")}>
          {filters.map((f) => (
            <button
              key={f}
              type="button"
              class="segment"
              data-testid="delegation-filter"
              data-status={f}
              aria-pressed={filter === f ? "true" : "false"}
              onClick={() => setFilter(f)}
            >
              <span>{f === "all" ? t("delegation.all") : participationStatusLabel(f)}</span>
              <span class="segment-count" data-testid="delegation-count">
                {counts[f]}
              </span>
            </button>
          ))}
        </div>
        <span class="list-count" data-testid="delegation-summary">
          {tn("delegation.membersCount", memberCounts.all)} · {tn("delegation.delegatesCount", counts.all)}
          {filter !== "all" && <> · {tn("delegation.membersWithStatus", memberCounts[filter], { status: participationStatusLabel(filter).toLowerCase() })}</>}
        </span>
      </div>

      {adding && (
        <AddMemberForm
          missionId={missionId}
          taken={detail.participations.map((p) => p.memberId)}
          onDone={(memberId) => {
            setAdding(false);
            setEditing({ memberId });
            onChanged();
          }}
          onCancel={() => setAdding(false)}
        />
      )}

      {detail.participations.length === 0 ? (
        !adding && <p class="empty-inline">{t("mission.noDelegation")}</p>
      ) : groups.length === 0 ? (
        <p class="empty-inline">{t("delegation.noneWithStatus")}</p>
      ) : (
        <div class="table-wrap table-wrap-flush">
          <table class="table table-compact delegation-table" data-testid="delegation-table">
            <thead>
              <tr>
                <th scope="col">{t("col.name")}</th>
                <th scope="col">{t("col.role")}</th>
                <th scope="col">{t("col.stay")}</th>
                <th scope="col">{t("col.needs")}</th>
                <th scope="col">{t("col.status")}</th>
                <th scope="col" class="actions-col actions-col-3">
                  <span class="sr-only">{t("col.actions")}</span>
                </th>
              </tr>
            </thead>
            {groups.map(({ p, all, shown }) => (
              <tbody key={p.id} class="delegation-group">
                <tr class="group-row" data-testid="participation" data-id={p.id} data-member-id={p.memberId}>
                  <td colSpan={4} class="cell-primary">
                    <a href={href(routes.member(p.memberId))}>{p.memberName}</a>
                    <span class="cell-sub">
                      {tn("delegation.delegatesCount", all.length)}
                      {p.notes ? ` · ${p.notes}` : ""}
                    </span>
                  </td>
                  <td>
                    <StatusSelect
                      value={statusOfP(p)}
                      label={t("delegation.memberStatus", { name: p.memberName })}
                      testid="participation-status"
                      onChange={(s) => setParticipationStatus(p, s)}
                    />
                  </td>
                  <td class="actions-col">
                    <button
                      type="button"
                      class="icon-btn"
                      data-testid="add-delegate"
                      aria-label={t("delegation.addDelegateTo", { name: p.memberName })}
                      title={t("delegation.addDelegateTo", { name: p.memberName })}
                      onClick={() => {
                        setAdding(false);
                        setEditing({ memberId: p.memberId });
                      }}
                    >
                      <IconPlus />
                    </button>
                    <button
                      type="button"
                      class="icon-btn icon-btn-danger"
                      data-testid="remove-participation"
                      aria-label={t("delegation.removeMemberTitle", { name: p.memberName })}
                      title={t("delegation.removeMemberTitle", { name: p.memberName })}
                      onClick={() => removeParticipation(p)}
                    >
                      <IconTrash />
                    </button>
                  </td>
                </tr>
                {editing && editing.memberId === p.memberId && !editing.delegate && (
                  <tr class="form-row">
                    <td colSpan={6}>
                      <DelegateForm
                        missionId={missionId}
                        memberId={p.memberId}
                        memberName={p.memberName}
                        taken={all.map((d) => d.personId)}
                        onDone={() => {
                          setEditing(null);
                          onChanged();
                        }}
                        onCancel={() => setEditing(null)}
                      />
                    </td>
                  </tr>
                )}
                {shown.map((d) =>
                  editing?.delegate?.id === d.id ? (
                    <tr key={d.id} class="form-row">
                      <td colSpan={6}>
                        <DelegateForm
                          missionId={missionId}
                          memberId={p.memberId}
                          memberName={p.memberName}
                          delegate={d}
                          taken={[]}
                          onDone={() => {
                            setEditing(null);
                            onChanged();
                          }}
                          onCancel={() => setEditing(null)}
                        />
                      </td>
                    </tr>
                  ) : (
                    <tr key={d.id} class="delegate-row" data-testid="delegate-row" data-id={d.id} data-person-id={d.personId}>
                      <td class="cell-primary cell-indent">
                        <a href={href(routes.member(d.memberId, d.personId))}>{d.name}</a>
                      </td>
                      <td>{dash(d.role)}</td>
                      <td class="nowrap tabular">{dash(stay(d))}</td>
                      <td class="cell-needs">{dash(d.needs)}</td>
                      <td>
                        <StatusSelect
                          value={statusOfD(d)}
                          label={t("delegation.delegateStatus", { name: d.name })}
                          testid="delegate-status"
                          onChange={(s) => setDelegateStatus(d, s)}
                        />
                      </td>
                      <td class="actions-col">
                        <button
                          type="button"
                          class="icon-btn"
                          data-testid="delegate-export-ics"
                          aria-label={t("agenda.exportFor", { name: d.name })}
                          title={t("agenda.exportFor", { name: d.name })}
                          onClick={() => onExport(d)}
                        >
                          <IconCalendar />
                        </button>
                        <button
                          type="button"
                          class="icon-btn"
                          data-testid="delegate-edit"
                          aria-label={t("person.editNamed", { name: d.name })}
                          title={t("person.editNamed", { name: d.name })}
                          onClick={() => {
                            setAdding(false);
                            setEditing({ memberId: p.memberId, delegate: d });
                          }}
                        >
                          <IconEdit />
                        </button>
                        <button
                          type="button"
                          class="icon-btn icon-btn-danger"
                          data-testid="delegate-remove"
                          aria-label={t("delegation.removeDelegateTitle", { name: d.name })}
                          title={t("delegation.removeDelegateTitle", { name: d.name })}
                          onClick={() => removeDelegate(d)}
                        >
                          <IconTrash />
                        </button>
                      </td>
                    </tr>
                  ),
                )}
              </tbody>
            ))}
          </table>
        </div>
      )}
      {del.modal}
    </Panel>
  );
}

function AddMemberForm({
  missionId,
  taken,
  onDone,
  onCancel,
}: {
  missionId: string;
  taken: string[];
  onDone: (memberId: string) => void;
  onCancel: () => void;
}) {
  const app = useApp();
  const members = useLoad(() => api.members.list());
  const available = (members.data ?? []).filter((m: MemberSummary) => !taken.includes(m.id));
  const form = useForm<{ memberId: string; status: ParticipationStatus; notes: string }>({
    memberId: "",
    status: "invited",
    notes: "",
  });
  const onSubmit = () =>
    form.submit(
      (v) => {
        if (!v.memberId) {
          const err: api.AppError = { code: "invalid", field: "memberId", reason: "required", message: "" };
          throw err;
        }
        return api.missions.setParticipation(missionId, v.memberId, v.status, v.notes.trim());
      },
      () => {
        app.notify("notice.saved");
        onDone(form.values.memberId);
      },
    );
  return (
    <div class="inline-form" data-testid="participation-form">
      <h3 class="inline-form-title">{t("delegation.addMember")}</h3>
      {members.error && !members.data ? (
        <LoadError error={members.error} onRetry={members.reload} />
      ) : !members.data ? (
        <Loading />
      ) : (
        <FormShell form={form} onSubmit={onSubmit} onCancel={onCancel} class="form-compact">
          <FormSection>
            <SelectField
              form={form}
              name="memberId"
              label={t("field.memberId")}
              required
              hint={available.length === 0 ? t("delegation.noMoreMembers") : undefined}
              options={[
                { value: "", label: t("delegation.chooseMember") },
                ...available.map((m) => ({ value: m.id, label: m.name })),
              ]}
            />
            <SelectField
              form={form}
              name="status"
              label={t("field.status")}
              options={PARTICIPATION_STATUSES.map((s) => ({ value: s, label: participationStatusLabel(s) }))}
            />
            <TextField form={form} name="notes" label={t("field.notes")} maxLength={500} />
          </FormSection>
        </FormShell>
      )}
    </div>
  );
}

interface DelegateValues {
  personId: string;
  status: ParticipationStatus;
  role: string;
  arrivesOn: string;
  departsOn: string;
  needs: string;
}

const NEEDS_KEYS = ["needs.interpreter", "needs.visa", "needs.hotel", "needs.diet", "needs.access"] as const;

function DelegateForm({
  missionId,
  memberId,
  memberName,
  delegate,
  taken,
  onDone,
  onCancel,
}: {
  missionId: string;
  memberId: string;
  memberName: string;
  delegate?: Delegate;
  taken: string[];
  onDone: () => void;
  onCancel: () => void;
}) {
  const app = useApp();
  const persons = useLoad(() => api.members.listPersons());
  const people = (persons.data ?? []).filter(
    (p: PersonSummary) => p.memberId === memberId && !taken.includes(p.id),
  );
  const form = useForm<DelegateValues>(() =>
    delegate
      ? {
          personId: delegate.personId,
          status: delegate.status,
          role: delegate.role,
          arrivesOn: delegate.arrivesOn ?? "",
          departsOn: delegate.departsOn ?? "",
          needs: delegate.needs,
        }
      : { personId: "", status: "invited", role: "", arrivesOn: "", departsOn: "", needs: "" },
  );
  const onSubmit = () =>
    form.submit(
      (v) => {
        const personId = delegate ? delegate.personId : v.personId;
        if (!personId) {
          const err: api.AppError = { code: "invalid", field: "personId", reason: "required", message: "" };
          throw err;
        }
        const values = trimStrings(v, ["needs"]);
        return api.missions.setDelegate(missionId, personId, {
          status: v.status,
          role: values.role,
          arrivesOn: v.arrivesOn,
          departsOn: v.departsOn,
          needs: values.needs,
        });
      },
      () => {
        app.notify("notice.saved");
        onDone();
      },
    );
  const title = delegate
    ? t("person.editNamed", { name: delegate.name })
    : t("delegation.addDelegateTo", { name: memberName });
  const listId = `${form.idPrefix}-needs`;
  return (
    <div class="inline-form inline-form-flat" data-testid="delegate-form">
      <h3 class="inline-form-title">{title}</h3>
      {persons.error && !persons.data ? (
        <LoadError error={persons.error} onRetry={persons.reload} />
      ) : !persons.data ? (
        <Loading />
      ) : !delegate && people.length === 0 ? (
        <div class="inline-empty">
          <p class="empty-inline">{t("delegation.noPeopleLeft", { name: memberName })}</p>
          <a class="btn btn-small" href={href(routes.member(memberId))}>
            {t("delegation.openMember")}
          </a>
          <button type="button" class="btn btn-small" data-testid="cancel" onClick={onCancel}>
            {t("action.close")}
          </button>
        </div>
      ) : (
        <FormShell form={form} onSubmit={onSubmit} onCancel={onCancel} class="form-compact">
          <FormSection>
            {!delegate && (
              <SelectField
                form={form}
                name="personId"
                label={t("field.personId")}
                required
                options={[
                  { value: "", label: t("delegation.choosePerson") },
                  ...people.map((p) => ({ value: p.id, label: p.name })),
                ]}
              />
            )}
            <SelectField
              form={form}
              name="status"
              label={t("field.status")}
              options={PARTICIPATION_STATUSES.map((s) => ({ value: s, label: participationStatusLabel(s) }))}
            />
            <TextField form={form} name="role" label={t("field.delegateRole")} maxLength={200} />
            <TextField form={form} name="arrivesOn" label={t("field.arrivesOn")} type="date" />
            <TextField form={form} name="departsOn" label={t("field.departsOn")} type="date" />
            <TextField
              form={form}
              name="needs"
              label={t("field.needs")}
              hint={t("field.needsHint")}
              list={listId}
              maxLength={500}
            />
          </FormSection>
          <DataList id={listId} values={NEEDS_KEYS.map((k) => t(k))} />
        </FormShell>
      )}
    </div>
  );
}
