// Adding or editing a meeting (an agenda item): title, kind, date and times as wall-clock times
// in the mission's zone, place, delegates present, contacts, notes. Inline on the mission's
// agenda, or as a page (#/meetings/<id>/edit).
import { useEffect, useRef, useState } from "preact/hooks";
import * as api from "../api";
import {
  AGREEMENT_KINDS,
  INTERESTS,
  MEETING_KINDS,
  MEETING_STATUSES,
  type AgreementKind,
  type AppError,
  type Delegate,
  type Interest,
  type Meeting,
  type MeetingInput,
  type MeetingKind,
  type MeetingStatus,
  type MissionSummary,
  type PersonSummary,
} from "../api";
import { COMMON_TIME_ZONES } from "../components/choices";
import { useApp } from "../components/context";
import {
  DataList,
  FormSection,
  FormShell,
  SelectField,
  TextArea,
  TextField,
  useForm,
  type FormApi,
} from "../components/form";
import { trimStrings } from "../components/normalise";
import {
  addMinutesLocal,
  agreementKindLabel,
  durationText,
  formatTime,
  instantOf,
  interestLabel,
  isValidTimeZone,
  localDate,
  localTime,
  meetingKindLabel,
  meetingStatusLabel,
  minutesBetweenLocal,
  normaliseTime,
  t,
  wallClock,
  zoneCity,
  zoneOffset,
} from "../i18n";
import { ContactPicker, type PickedContact } from "./ContactPicker";

export interface MeetingFormValues {
  missionId: string;
  title: string;
  kind: MeetingKind;
  status: MeetingStatus;
  startsDate: string;
  startsTime: string;
  endsDate: string;
  endsTime: string;
  timeZone: string;
  place: string;
  notes: string;
  outcome: string;
  interest: "" | Interest;
  agreementStarted: boolean;
  agreementKind: "" | AgreementKind;
  personIds: string[];
  contacts: PickedContact[];
}

function fromMeeting(m: Meeting): MeetingFormValues {
  const zone = m.timeZone;
  const start = wallClock(m.startsAt, zone);
  const end = wallClock(m.endsAt, zone);
  return {
    missionId: m.missionId ?? "",
    title: m.title,
    kind: m.kind,
    status: m.status,
    startsDate: localDate(start),
    startsTime: localTime(start),
    endsDate: localDate(end),
    endsTime: localTime(end),
    timeZone: zone,
    place: m.place,
    notes: m.notes,
    outcome: m.outcome,
    interest: m.interest ?? "",
    agreementStarted: m.agreementStarted,
    agreementKind: m.agreementKind ?? "",
    personIds: m.persons.map((p) => p.id),
    contacts: m.contacts.map((c) => ({ id: c.id, name: c.name, organisation: "" })),
  };
}

function blank(missionId: string, zone: string, day: string): MeetingFormValues {
  return {
    missionId,
    title: "",
    kind: "b2b",
    status: "planned",
    startsDate: day,
    startsTime: "09:00",
    endsDate: day,
    endsTime: "10:00",
    timeZone: zone,
    place: "",
    notes: "",
    outcome: "",
    interest: "",
    agreementStarted: false,
    agreementKind: "",
    personIds: [],
    contacts: [],
  };
}

function invalid(field: string, reason: string): AppError {
  return { code: "invalid", field, reason, message: "" };
}

/** The form's values as the command wants them; a missing date or time is refused here. */
export function toMeetingInput(v: MeetingFormValues): MeetingInput {
  const startsTime = normaliseTime(v.startsTime);
  const endsTime = normaliseTime(v.endsTime);
  if (!v.startsDate) throw invalid("startsDate", "required");
  if (!startsTime) throw invalid("startsTime", "required");
  if (!endsTime) throw invalid("endsTime", "required");
  const values = trimStrings(v, ["notes", "outcome"]);
  return {
    missionId: v.missionId || null,
    title: values.title,
    kind: v.kind,
    status: v.status,
    startsLocal: `${v.startsDate}T${startsTime}`,
    endsLocal: `${v.endsDate || v.startsDate}T${endsTime}`,
    timeZone: values.timeZone,
    place: values.place,
    notes: values.notes,
    outcome: values.outcome,
    interest: v.interest || null,
    agreementStarted: v.agreementStarted,
    agreementKind: (v.agreementStarted && v.agreementKind) || null,
    personIds: v.personIds,
    contactIds: v.contacts.map((c) => c.id),
  };
}

/** "An agreement was started" and, once ticked, its kind (of the quick log and the meeting form). */
export function AgreementFields({
  idPrefix,
  started,
  kind,
  onStarted,
  onKind,
  testid,
}: {
  idPrefix: string;
  started: boolean;
  kind: "" | AgreementKind;
  onStarted: (on: boolean) => void;
  onKind: (kind: "" | AgreementKind) => void;
  testid: string;
}) {
  const id = `${idPrefix}-agreementStarted`;
  return (
    <div class="field span-2 agreement-fields" data-testid={testid}>
      <div class="check-row">
        <input
          id={id}
          type="checkbox"
          class="checkbox"
          name="agreementStarted"
          data-testid={`${testid}-started`}
          checked={started}
          onChange={(e) => onStarted(e.currentTarget.checked)}
        />
        <label for={id}>{t("field.agreementStarted")}</label>
      </div>
      {started && (
        <div class="field">
          <label for={`${idPrefix}-agreementKind`}>{t("field.agreementKind")}</label>
          <select
            id={`${idPrefix}-agreementKind`}
            name="agreementKind"
            class="input select"
            data-testid={`${testid}-kind`}
            value={kind}
            onChange={(e) => onKind(e.currentTarget.value as "" | AgreementKind)}
          >
            {(["", ...AGREEMENT_KINDS] as ("" | AgreementKind)[]).map((k) => (
              <option key={k || "none"} value={k} selected={k === kind}>
                {agreementKindLabel(k || null)}
              </option>
            ))}
          </select>
        </div>
      )}
    </div>
  );
}

/** Server errors on `startsLocal` / `endsLocal` belong to the time inputs. */
export function remapTimeError(e: unknown): unknown {
  const err = api.toAppError(e);
  if (err.field === "startsLocal") return { ...err, field: err.reason === "date" ? "startsDate" : "startsTime" };
  if (err.field === "endsLocal") return { ...err, field: err.reason === "date" ? "endsDate" : "endsTime" };
  return err;
}

/** "= 03:00 Roma" for a wall-clock time in a zone, or a warning when that time does not exist. */
export function ZoneHint({
  local,
  zone,
  home,
  label,
}: {
  local: string;
  zone: string;
  home: string;
  /** How to name the zone (the mission's destination), else its city. */
  label?: string;
}) {
  if (!isValidTimeZone(zone)) return null;
  const at = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local) ? instantOf(local, zone) : null;
  const zoneText = `${label || zoneCity(zone)} (${zone}${zoneOffset(zone, at ?? new Date()) ? ", " + zoneOffset(zone, at ?? new Date()) : ""})`;
  return (
    <p class="zone-hint" data-testid="zone-hint">
      <span>{t("meetingForm.timesIn", { zone: zoneText })}</span>
      {at && isValidTimeZone(home) && home !== zone && (
        <span class="zone-hint-home">
          {" · "}
          {t("meetingForm.homeEquivalent", { time: formatTime(at.toISOString(), home), city: zoneCity(home) })}
        </span>
      )}
      {!at && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local) && (
        <span class="zone-hint-warning"> · {t("meetingForm.noSuchTime")}</span>
      )}
    </p>
  );
}

/** Keeps the duration when the start moves: the end follows (unless the end was changed too). */
export function useEndFollowsStart<
  T extends { startsDate: string; startsTime: string; endsDate: string; endsTime: string },
>(form: FormApi<T>) {
  const v = form.values;
  const span = () => ({
    start: `${v.startsDate}T${normaliseTime(v.startsTime)}`,
    end: `${v.endsDate || v.startsDate}T${normaliseTime(v.endsTime)}`,
  });
  const previous = useRef(span());
  useEffect(() => {
    const { start, end } = span();
    // While a start is half typed (a date field passes through years like 0002), keep following
    // from the last complete one instead of dragging the end through impossible dates.
    if (minutesBetweenLocal(start, start) === null) return;
    const prev = previous.current;
    previous.current = { start, end };
    if (start === prev.start || end !== prev.end) return;
    const mins = minutesBetweenLocal(prev.start, prev.end);
    if (mins === null || mins < 0) return;
    const next = addMinutesLocal(start, mins);
    previous.current = { start, end: next };
    form.set("endsDate" as keyof T, localDate(next) as T[keyof T]);
    form.set("endsTime" as keyof T, localTime(next) as T[keyof T]);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [v.startsDate, v.startsTime, v.endsDate, v.endsTime]);
}

/** The checkboxes of the delegates present (the delegation, or every member's people). */
export function PersonChecklist({
  idPrefix,
  delegates,
  persons,
  selected,
  extra,
  onChange,
  showAll,
  onShowAll,
  testid = "attendee-person",
}: {
  idPrefix: string;
  /** The mission's delegation (withdrawn ones are left out), or null without a mission. */
  delegates: Delegate[] | null;
  /** Every member's people, once loaded (for "show all"). */
  persons: PersonSummary[] | null;
  selected: string[];
  /** People already chosen who are in neither list (id → name). */
  extra?: { id: string; name: string }[];
  onChange: (ids: string[]) => void;
  showAll: boolean;
  onShowAll: (all: boolean) => void;
  testid?: string;
}) {
  const active = (delegates ?? []).filter((d) => d.status !== "withdrawn");
  const useAll = showAll || active.length === 0;
  const list: { id: string; name: string; sub: string }[] = useAll
    ? (persons ?? []).map((p) => ({ id: p.id, name: p.name, sub: p.memberName }))
    : active.map((d) => ({ id: d.personId, name: d.name, sub: d.memberName }));
  for (const x of extra ?? []) {
    if (!list.some((p) => p.id === x.id)) list.push({ id: x.id, name: x.name, sub: "" });
  }
  for (const id of selected) {
    if (!list.some((p) => p.id === id)) {
      const p = persons?.find((q) => q.id === id);
      const d = delegates?.find((q) => q.personId === id);
      list.push({ id, name: p?.name ?? d?.name ?? id, sub: p?.memberName ?? d?.memberName ?? "" });
    }
  }
  const toggle = (id: string, on: boolean) =>
    onChange(on ? [...selected.filter((x) => x !== id), id] : selected.filter((x) => x !== id));

  return (
    <div class="checklist-wrap">
      {list.length === 0 ? (
        <p class="empty-inline">{persons === null && useAll ? t("common.loading") : t("meetingForm.noPeople")}</p>
      ) : (
        <ul class={"checklist" + (list.length > 8 ? " checklist-scroll" : "")}>
          {list.map((p) => {
            const id = `${idPrefix}-person-${p.id}`;
            return (
              <li key={p.id} class="check-row">
                <input
                  id={id}
                  type="checkbox"
                  class="checkbox"
                  name="personIds"
                  value={p.id}
                  data-testid={testid}
                  data-id={p.id}
                  checked={selected.includes(p.id)}
                  onChange={(e) => toggle(p.id, e.currentTarget.checked)}
                />
                <label for={id}>
                  {p.name}
                  {p.sub && <span class="check-sub"> · {p.sub}</span>}
                </label>
              </li>
            );
          })}
        </ul>
      )}
      {active.length > 0 && (
        <button type="button" class="link-btn" data-testid="show-all-people" onClick={() => onShowAll(!showAll)}>
          {showAll ? t("meetingForm.onlyDelegation") : t("meetingForm.showAllPeople")}
        </button>
      )}
    </div>
  );
}

export function MeetingForm({
  meeting,
  missionId,
  zone,
  day,
  delegates,
  missions,
  page,
  zoneLabel,
  onDone,
  onCancel,
}: {
  /** How to name the mission's zone next to times ("Osaka"). */
  zoneLabel?: string;
  /** The meeting to edit; none for a new agenda item. */
  meeting?: Meeting;
  /** The mission of a new item. */
  missionId?: string;
  /** The zone a new item is typed in (the mission's). */
  zone: string;
  /** The day a new item is on (YYYY-MM-DD). */
  day?: string;
  /** The mission's delegation, for "delegates present". */
  delegates: Delegate[] | null;
  /** Offer a mission select (the page form). */
  missions?: MissionSummary[];
  page?: boolean;
  onDone: (saved: Meeting) => void;
  onCancel: () => void;
}) {
  const app = useApp();
  const form = useForm<MeetingFormValues>(() =>
    meeting ? fromMeeting(meeting) : blank(missionId ?? "", zone, day ?? ""),
  );
  const v = form.values;
  const [persons, setPersons] = useState<PersonSummary[] | null>(null);
  const [showAll, setShowAll] = useState(false);
  useEndFollowsStart(form);

  const needPersons = showAll || !(delegates ?? []).some((d) => d.status !== "withdrawn");
  useEffect(() => {
    if (!needPersons || persons !== null) return;
    let live = true;
    api.members.listPersons().then(
      (list) => live && setPersons(list),
      (e: unknown) => {
        if (!live) return;
        setPersons([]);
        app.showError(e);
      },
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [needPersons]);

  const onSubmit = () =>
    form.submit(
      async (values) => {
        const input = toMeetingInput(values);
        try {
          return meeting ? await api.meetings.update(meeting.id, input) : await api.meetings.create(input);
        } catch (e) {
          throw remapTimeError(e);
        }
      },
      (saved) => {
        app.notify("notice.saved");
        onDone(saved);
      },
    );

  const startLocal = `${v.startsDate}T${normaliseTime(v.startsTime)}`;
  const mins = minutesBetweenLocal(startLocal, `${v.endsDate || v.startsDate}T${normaliseTime(v.endsTime)}`);

  const body = (
    <FormShell
      form={form}
      onSubmit={onSubmit}
      onCancel={onCancel}
      class={page ? undefined : "form-compact"}
      testid="meeting-form"
    >
      <FormSection>
        <TextField form={form} name="title" label={t("field.title")} required wide maxLength={200} />
        <SelectField
          form={form}
          name="kind"
          label={t("field.kind")}
          options={MEETING_KINDS.map((k) => ({ value: k, label: meetingKindLabel(k) }))}
        />
        <SelectField
          form={form}
          name="status"
          label={t("field.status")}
          options={MEETING_STATUSES.map((s) => ({ value: s, label: meetingStatusLabel(s) }))}
        />
        {page && missions && (
          <SelectField
            form={form}
            name="missionId"
            label={t("col.mission")}
            options={[
              { value: "", label: t("common.none") },
              ...missions.map((m) => ({ value: m.id, label: m.title })),
            ]}
          />
        )}
        <TextField form={form} name="place" label={t("mission.place")} maxLength={200} />
      </FormSection>
      <fieldset class="form-section">
        <legend>{t("meetingForm.when")}</legend>
        <div class="form-grid when-grid">
          <TextField form={form} name="startsDate" label={t("field.date")} type="date" required />
          <TextField form={form} name="startsTime" label={t("field.startsTime")} type="time" step={300} required />
          <TextField form={form} name="endsTime" label={t("field.endsTime")} type="time" step={300} required />
          <TextField form={form} name="endsDate" label={t("field.endsDate")} type="date" />
          <TextField
            form={form}
            name="timeZone"
            label={t("field.timeZone")}
            required
            list="meeting-time-zones"
            spellcheck={false}
          />
          <div class="when-hints">
            <ZoneHint
              local={startLocal}
              zone={v.timeZone.trim()}
              home={app.settings.homeTimeZone}
              label={v.timeZone.trim() === zone ? zoneLabel : undefined}
            />
            {mins !== null && mins > 0 && (
              <p class="field-hint">{t("meetingForm.duration", { duration: durationText(mins) })}</p>
            )}
          </div>
        </div>
      </fieldset>
      <FormSection title={t("meetingForm.who")}>
        <div class="field span-2">
          <span class="label-like" id={`${form.idPrefix}-persons-label`}>
            {t("meetingForm.delegatesPresent")}
          </span>
          <div role="group" aria-labelledby={`${form.idPrefix}-persons-label`}>
            <PersonChecklist
              idPrefix={form.idPrefix}
              delegates={delegates}
              persons={persons}
              selected={v.personIds}
              extra={meeting?.persons}
              onChange={(ids) => form.set("personIds", ids)}
              showAll={showAll}
              onShowAll={setShowAll}
            />
          </div>
        </div>
        <div class="field span-2">
          <label for={`${form.idPrefix}-contacts`}>{t("meetingForm.contacts")}</label>
          <ContactPicker
            id={`${form.idPrefix}-contacts`}
            picked={v.contacts}
            onPick={(c) => form.set("contacts", [...form.values.contacts.filter((x) => x.id !== c.id), c])}
            onRemove={(id) => form.set("contacts", form.values.contacts.filter((x) => x.id !== id))}
            inputTestid="meeting-contact-search"
            optionTestid="meeting-contact-option"
          />
        </div>
      </FormSection>
      <FormSection>
        <TextArea form={form} name="notes" label={t("field.notes")} rows={3} />
        {meeting && (
          <>
            <TextArea form={form} name="outcome" label={t("mission.outcome")} rows={2} />
            <SelectField
              form={form}
              name="interest"
              label={t("field.interest")}
              options={[
                { value: "", label: t("interest.none") },
                ...INTERESTS.map((i) => ({ value: i, label: interestLabel(i) })),
              ]}
            />
            <AgreementFields
              idPrefix={form.idPrefix}
              started={v.agreementStarted}
              kind={v.agreementKind}
              onStarted={(on) => form.set("agreementStarted", on)}
              onKind={(k) => form.set("agreementKind", k)}
              testid="meeting-agreement"
            />
          </>
        )}
      </FormSection>
      <DataList id="meeting-time-zones" values={COMMON_TIME_ZONES} />
    </FormShell>
  );

  if (page) return body;
  return (
    <div class="inline-form" data-testid="agenda-item-form">
      <h3 class="inline-form-title">{meeting ? t("agenda.editItem") : t("agenda.newItem")}</h3>
      {body}
    </div>
  );
}

