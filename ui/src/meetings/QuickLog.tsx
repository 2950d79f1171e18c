// The quick meeting log: one keyboard-driven form, reachable from anywhere (Ctrl+L, or "Log
// meeting" in the top bar), to note a meeting right after it happened — who, which delegates,
// when, notes, interest, outcome, next steps. Every change is kept as a draft (drafts_save), so
// nothing typed is lost if the window closes; saving (meetings_log) discards the draft.
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import * as api from "../api";
import {
  INTERESTS,
  MEETING_KINDS,
  type AgendaItem,
  type AgreementKind,
  type AppError,
  type Draft,
  type Interest,
  type LogInput,
  type Meeting,
  type MeetingKind,
  type MissionDetail,
  type MissionSummary,
  type OrganisationSummary,
  type PersonSummary,
} from "../api";
import { ErrorBanner } from "../components/Banners";
import { useApp, type LogRequest } from "../components/context";
import { Drawer } from "../components/Drawer";
import { describedBy, FieldWrap, type FieldProblem } from "../components/form";
import { IconLog, IconPlus, IconTrash } from "../components/Icons";
import { Modal } from "../components/Modal";
import { Loading } from "../components/States";
import {
  addDays,
  addMinutesLocal,
  durationText,
  formatTimestamp,
  interestLabel,
  isValidTimeZone,
  localDate,
  localTime,
  meetingKindLabel,
  minutesBetweenLocal,
  normaliseTime,
  nowInZone,
  t,
  wallClock,
} from "../i18n";
import { ContactPicker, type PickedContact } from "./ContactPicker";
import { AgreementFields, PersonChecklist, ZoneHint } from "./MeetingForm";

export const DRAFT_KEY = "meeting-log";
const DRAFT_DEBOUNCE_MS = 400;
const DURATIONS = [15, 30, 45, 60, 90, 120, 180, 240];
const DEFAULT_DURATION = 30;

// Draft writes run one after the other (a save must not land after the log discarded it).
let draftQueue: Promise<unknown> = Promise.resolve();
function queueDraft<T>(op: () => Promise<T>): Promise<T> {
  const next = draftQueue.then(op, op);
  draftQueue = next.catch(() => undefined);
  return next;
}

interface NewContactRow {
  key: number;
  firstName: string;
  lastName: string;
  organisationName: string;
  email: string;
}

interface FollowUpRow {
  key: number;
  what: string;
  ownerPersonId: string;
  dueOn: string;
}

interface LogState {
  missionId: string;
  /** The planned agenda item being logged, if any. */
  meetingId: string | null;
  linkedTitle: string;
  contacts: PickedContact[];
  newContacts: NewContactRow[];
  personIds: string[];
  title: string;
  kind: MeetingKind;
  startsDate: string;
  startsTime: string;
  endsTime: string;
  notes: string;
  interest: "" | Interest;
  outcome: string;
  agreementStarted: boolean;
  agreementKind: "" | AgreementKind;
  followUps: FollowUpRow[];
  /** Carried over from the agenda item. */
  place: string;
  /** The times were set by hand (or from an item): a change of mission leaves them. */
  timeEdited: boolean;
}

interface DraftBody {
  version: 1;
  state: LogState;
}

let rowSeq = 1;
const nextKey = () => ++rowSeq;

function emptyFollowUp(): FollowUpRow {
  return { key: nextKey(), what: "", ownerPersonId: "", dueOn: "" };
}

function freshState(missionId: string, zone: string): LogState {
  const now = nowInZone(zone);
  const end = addMinutesLocal(now, DEFAULT_DURATION);
  return {
    missionId,
    meetingId: null,
    linkedTitle: "",
    contacts: [],
    newContacts: [],
    personIds: [],
    title: "",
    kind: "b2b",
    startsDate: localDate(now),
    startsTime: localTime(now),
    endsTime: localTime(end),
    notes: "",
    interest: "",
    outcome: "",
    agreementStarted: false,
    agreementKind: "",
    followUps: [emptyFollowUp()],
    place: "",
    timeEdited: false,
  };
}

/** The agenda item becomes what is logged: its times, people, place. */
function applyItem(s: LogState, m: Meeting, zone: string): LogState {
  const start = wallClock(m.startsAt, zone);
  const end = wallClock(m.endsAt, zone);
  const contacts = [...s.contacts];
  for (const c of m.contacts) {
    if (!contacts.some((x) => x.id === c.id)) contacts.push({ id: c.id, name: c.name, organisation: "" });
  }
  return {
    ...s,
    missionId: m.missionId ?? s.missionId,
    meetingId: m.id,
    linkedTitle: m.title,
    title: s.title || m.title,
    kind: m.kind,
    startsDate: localDate(start),
    startsTime: localTime(start),
    endsTime: localTime(end),
    place: m.place,
    personIds: [...new Set([...s.personIds, ...m.persons.map((p) => p.id)])],
    contacts,
    notes: s.notes || m.notes,
    outcome: s.outcome || m.outcome,
    interest: s.interest || m.interest || "",
    agreementStarted: s.agreementStarted || m.agreementStarted,
    agreementKind: s.agreementKind || m.agreementKind || "",
    timeEdited: true,
  };
}

function newContactFilled(c: NewContactRow): boolean {
  return !!(c.firstName.trim() || c.lastName.trim() || c.organisationName.trim() || c.email.trim());
}

/** Something worth keeping as a draft. */
function hasContent(s: LogState): boolean {
  return !!(
    s.meetingId ||
    s.contacts.length ||
    s.newContacts.some(newContactFilled) ||
    s.personIds.length ||
    s.title.trim() ||
    s.notes.trim() ||
    s.outcome.trim() ||
    s.interest ||
    s.agreementStarted ||
    s.followUps.some((f) => f.what.trim())
  );
}

/** Text typed by the user (closing asks first). */
function hasText(s: LogState): boolean {
  return !!(
    s.title.trim() ||
    s.notes.trim() ||
    s.outcome.trim() ||
    s.newContacts.some(newContactFilled) ||
    s.followUps.some((f) => f.what.trim())
  );
}

function parseDraft(d: Draft | null): LogState | null {
  if (!d) return null;
  try {
    const body = JSON.parse(d.body) as Partial<DraftBody>;
    const s = body?.state;
    if (body?.version !== 1 || !s || typeof s !== "object" || !Array.isArray(s.followUps)) return null;
    for (const r of [...s.followUps, ...(s.newContacts ?? [])]) rowSeq = Math.max(rowSeq, Number(r.key) || 0);
    return {
      ...freshState("", "UTC"),
      ...s,
      contacts: Array.isArray(s.contacts) ? s.contacts : [],
      newContacts: Array.isArray(s.newContacts) ? s.newContacts : [],
      personIds: Array.isArray(s.personIds) ? s.personIds : [],
      followUps: s.followUps.length ? s.followUps : [emptyFollowUp()],
    };
  } catch {
    return null;
  }
}

/** "Meeting with Takeda" from the first stakeholder (organisation, else name). */
function defaultTitle(s: LogState): string {
  const c = s.contacts[0];
  let who = c ? c.organisation || c.name : "";
  if (!who) {
    const n = s.newContacts.find(newContactFilled);
    if (n) who = n.organisationName.trim() || [n.firstName, n.lastName].map((x) => x.trim()).filter(Boolean).join(" ");
  }
  return who ? t("log.defaultTitle", { who }) : "";
}

/** Start and end as wall-clock times; an end before the start is on the next day. */
function span(s: LogState): { start: string; end: string } {
  const st = normaliseTime(s.startsTime);
  const et = normaliseTime(s.endsTime);
  const start = `${s.startsDate}T${st}`;
  const endDate = et && st && et < st ? addDays(s.startsDate, 1) : s.startsDate;
  return { start, end: `${endDate}T${et}` };
}

function durationOf(s: LogState): number | null {
  const { start, end } = span(s);
  return minutesBetweenLocal(start, end);
}

/** The items of the agenda happening about now (from 30 minutes before to an hour after). */
function currentItem(detailZone: string, agenda: AgendaItem[]): AgendaItem | null {
  const now = wallClock(new Date(), detailZone);
  let best: AgendaItem | null = null;
  let bestDistance = Infinity;
  for (const item of agenda) {
    if (item.meeting.status !== "planned") continue;
    const from = addMinutesLocal(item.localStart, -30);
    const to = addMinutesLocal(item.localEnd, 60);
    if (now < from || now > to) continue;
    const d = Math.abs(minutesBetweenLocal(item.localStart, now) ?? Infinity);
    if (d < bestDistance) {
      best = item;
      bestDistance = d;
    }
  }
  return best;
}

interface Context {
  missions: MissionSummary[];
  persons: PersonSummary[];
  organisations: OrganisationSummary[];
  draft: Draft | null;
  missionId: string;
}

export function QuickLog({
  request,
  contextMissionId,
  onClose,
}: {
  request: LogRequest;
  /** The mission whose page is open. */
  contextMissionId: string | null;
  onClose: () => void;
}) {
  const [ctx, setCtx] = useState<Context | null>(null);
  // The × and a click outside go through the form, which may ask first.
  const closeRef = useRef<() => void>(onClose);
  const [loadError, setLoadError] = useState<AppError | null>(null);

  useEffect(() => {
    let live = true;
    (async () => {
      await draftQueue; // a draft saved while closing must be read back
      const [draft, missions, persons, organisations] = await Promise.all([
        api.drafts.get(DRAFT_KEY).catch((e: unknown) => {
          if (live) setLoadError(api.toAppError(e));
          return null;
        }),
        api.missions.list(),
        api.members.listPersons(),
        api.organisations.list().catch((): OrganisationSummary[] => []),
      ]);
      let missionId = request.meeting?.missionId ?? request.missionId ?? contextMissionId ?? "";
      if (!missionId) {
        const dash = await api.dashboard.get().catch(() => null);
        missionId = dash?.activeMission?.id ?? "";
      }
      if (missionId && !missions.some((m) => m.id === missionId)) missionId = "";
      if (live) setCtx({ missions, persons, organisations, draft, missionId });
    })().catch((e: unknown) => {
      if (live) setLoadError(api.toAppError(e));
    });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <Drawer title={t("log.title")} onClose={() => closeRef.current()} testid="log-drawer" closeTestid="log-close">
      {ctx ? (
        <LogForm
          ctx={ctx}
          request={request}
          onClose={onClose}
          initialError={loadError}
          registerClose={(fn) => (closeRef.current = fn)}
        />
      ) : loadError ? (
        <div class="drawer-body">
          <ErrorBanner error={loadError} onDismiss={onClose} />
        </div>
      ) : (
        <div class="drawer-body">
          <Loading />
        </div>
      )}
    </Drawer>
  );
}

type Errors = Record<string, FieldProblem>;

function LogForm({
  ctx,
  request,
  onClose,
  initialError,
  registerClose,
}: {
  ctx: Context;
  request: LogRequest;
  onClose: () => void;
  initialError: AppError | null;
  registerClose: (fn: () => void) => void;
}) {
  const app = useApp();
  const home = app.settings.homeTimeZone;
  const zoneOf = (missionId: string): string => {
    const m = ctx.missions.find((x) => x.id === missionId);
    return m && isValidTimeZone(m.timeZone) ? m.timeZone : isValidTimeZone(home) ? home : "UTC";
  };

  // The starting point: defaults from the context, the agenda item asked for, or the draft.
  const [setup] = useState(() => {
    let base = freshState(ctx.missionId, zoneOf(ctx.missionId));
    if (request.meeting) base = applyItem(base, request.meeting, zoneOf(request.meeting.missionId ?? ctx.missionId));
    const parsed = parseDraft(ctx.draft);
    // A mission deleted since the draft was written is dropped from it.
    const fromDraft =
      parsed && parsed.missionId && !ctx.missions.some((m) => m.id === parsed.missionId)
        ? { ...parsed, missionId: "", meetingId: null, linkedTitle: "" }
        : parsed;
    const usable = fromDraft && hasContent(fromDraft) ? fromDraft : null;
    // A draft of another item than the one asked for is offered, not forced.
    const conflict = !!(usable && request.meeting && usable.meetingId !== request.meeting.id);
    return {
      base,
      draft: usable,
      initial: usable && !conflict ? usable : base,
      restored: !!usable && !conflict,
      offered: conflict,
    };
  });
  const [state, setState] = useState<LogState>(setup.initial);
  const [restored, setRestored] = useState(setup.restored);
  const [offered, setOffered] = useState(setup.offered);
  const [errors, setErrors] = useState<Errors>({});
  const [error, setError] = useState<AppError | null>(initialError);
  const [saving, setSaving] = useState(false);
  const [askClose, setAskClose] = useState(false);
  const [showAll, setShowAll] = useState(false);
  const [offerDismissed, setOfferDismissed] = useState(false);
  const [missionData, setMissionData] = useState<{ id: string; detail: MissionDetail; agenda: AgendaItem[] } | null>(
    null,
  );

  const stateRef = useRef(state);
  stateRef.current = state;
  const openedJson = useRef(JSON.stringify(setup.initial));
  const lastSavedJson = useRef(openedJson.current);
  const draftStored = useRef(!!ctx.draft);
  const done = useRef(false);
  const timer = useRef<number | undefined>(undefined);
  const formRef = useRef<HTMLFormElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const idp = "log";

  const zone = zoneOf(state.missionId);
  const currentMission = ctx.missions.find((m) => m.id === state.missionId);
  const zoneLabel = currentMission && currentMission.timeZone === zone ? currentMission.destination.trim() : "";

  // ---- state changes
  const update = (fn: (s: LogState) => LogState) => {
    setState((s) => {
      const next = fn(s);
      stateRef.current = next;
      return next;
    });
  };
  const clearError = (...keys: string[]) =>
    setErrors((e) => {
      if (!keys.some((k) => e[k])) return e;
      const next = { ...e };
      for (const k of keys) delete next[k];
      return next;
    });
  const set = <K extends keyof LogState>(key: K, value: LogState[K]) => {
    update((s) => ({ ...s, [key]: value }));
    clearError(key as string);
  };

  // ---- drafts
  const flushDraft = () => {
    window.clearTimeout(timer.current);
    if (done.current) return;
    const s = stateRef.current;
    const json = JSON.stringify(s);
    if (json === lastSavedJson.current) return;
    lastSavedJson.current = json;
    if (hasContent(s)) {
      const body: DraftBody = { version: 1, state: s };
      draftStored.current = true;
      queueDraft(() => api.drafts.save(DRAFT_KEY, JSON.stringify(body))).catch((e: unknown) =>
        app.showError(e),
      );
    } else if (draftStored.current) {
      draftStored.current = false;
      queueDraft(() => api.drafts.discard(DRAFT_KEY)).catch((e: unknown) => app.showError(e));
    }
  };

  useEffect(() => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(flushDraft, DRAFT_DEBOUNCE_MS);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);

  // Closing by any way (× too), or the window going away, keeps what was typed.
  useEffect(() => {
    const onHide = () => flushDraft();
    window.addEventListener("pagehide", onHide);
    return () => {
      window.removeEventListener("pagehide", onHide);
      flushDraft();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const discardDraft = () => {
    window.clearTimeout(timer.current);
    draftStored.current = false;
    queueDraft(() => api.drafts.discard(DRAFT_KEY)).catch((e: unknown) => app.showError(e));
    const fresh = request.meeting
      ? applyItem(freshState(ctx.missionId, zoneOf(ctx.missionId)), request.meeting, zoneOf(request.meeting.missionId ?? ctx.missionId))
      : freshState(ctx.missionId, zoneOf(ctx.missionId));
    const json = JSON.stringify(fresh);
    openedJson.current = json;
    lastSavedJson.current = json;
    stateRef.current = fresh;
    setState(fresh);
    setErrors({});
    setRestored(false);
    setOffered(false);
    searchRef.current?.focus();
  };

  const restoreDraft = () => {
    if (!setup.draft) return;
    const json = JSON.stringify(setup.draft);
    openedJson.current = json;
    lastSavedJson.current = json;
    stateRef.current = setup.draft;
    setState(setup.draft);
    setOffered(false);
    setRestored(true);
  };

  // ---- the mission's delegation and agenda
  useEffect(() => {
    const id = state.missionId;
    if (!id) {
      setMissionData(null);
      return;
    }
    let live = true;
    Promise.all([
      api.missions.get(id),
      api.agenda
        .get(id)
        .then((a) => a.days.flatMap((d) => d.items))
        .catch((): AgendaItem[] => []),
    ]).then(
      ([detail, agenda]) => live && setMissionData({ id, detail, agenda }),
      (e: unknown) => live && setError(api.toAppError(e)),
    );
    return () => {
      live = false;
    };
  }, [state.missionId]);

  const data = missionData && missionData.id === state.missionId ? missionData : null;
  const delegates = data ? data.detail.delegates : null;
  const activeDelegates = (delegates ?? []).filter((d) => d.status !== "withdrawn");
  const offer =
    data && !state.meetingId && !offerDismissed ? currentItem(zone, data.agenda) : null;

  // ---- focus: the stakeholders first
  useLayoutEffect(() => {
    searchRef.current?.focus();
  }, []);

  const focusKey = (key: string) =>
    requestAnimationFrame(() => {
      formRef.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`)?.focus();
    });

  // ---- actions
  const setMission = (missionId: string) => {
    update((s) => {
      let next: LogState = { ...s, missionId };
      if (s.meetingId) next = { ...next, meetingId: null, linkedTitle: "", place: "" };
      if (!s.timeEdited) {
        const now = nowInZone(zoneOf(missionId));
        const mins = durationOf(s) ?? DEFAULT_DURATION;
        next = {
          ...next,
          startsDate: localDate(now),
          startsTime: localTime(now),
          endsTime: localTime(addMinutesLocal(now, mins)),
        };
      }
      return next;
    });
    setOfferDismissed(false);
  };

  const setStart = (key: "startsDate" | "startsTime", value: string) => {
    update((s) => {
      const mins = durationOf(s);
      const next = { ...s, [key]: value, timeEdited: true };
      if (mins !== null && mins >= 0) {
        const { start } = span(next);
        if (minutesBetweenLocal(start, start) !== null) next.endsTime = localTime(addMinutesLocal(start, mins));
      }
      return next;
    });
    clearError(key, "endsTime");
  };

  const setDuration = (mins: number) => {
    update((s) => {
      const { start } = span(s);
      if (minutesBetweenLocal(start, start) === null) return s;
      return { ...s, endsTime: localTime(addMinutesLocal(start, mins)), timeEdited: true };
    });
    clearError("endsTime");
  };

  const takeItem = (item: AgendaItem) => {
    update((s) => applyItem(s, item.meeting, zone));
    setOfferDismissed(true);
  };

  const unlink = () => update((s) => ({ ...s, meetingId: null, linkedTitle: "" }));

  const addNewContact = (text: string) => {
    const words = text.trim().split(/\s+/).filter(Boolean);
    const lastName = words.length > 1 ? words[words.length - 1] : (words[0] ?? "");
    const firstName = words.length > 1 ? words.slice(0, -1).join(" ") : "";
    const row: NewContactRow = { key: nextKey(), firstName, lastName, organisationName: "", email: "" };
    update((s) => ({ ...s, newContacts: [...s.newContacts, row] }));
    focusKey(firstName ? `nc-${row.key}-organisationName` : `nc-${row.key}-firstName`);
  };

  const setNewContact = (key: number, field: keyof Omit<NewContactRow, "key">, value: string) => {
    update((s) => ({
      ...s,
      newContacts: s.newContacts.map((c) => (c.key === key ? { ...c, [field]: value } : c)),
    }));
    clearError(`nc-${key}-${field}`);
  };

  const removeNewContact = (key: number) => {
    update((s) => ({ ...s, newContacts: s.newContacts.filter((c) => c.key !== key) }));
    searchRef.current?.focus();
  };

  const setFollowUp = (key: number, field: keyof Omit<FollowUpRow, "key">, value: string) => {
    update((s) => ({
      ...s,
      followUps: s.followUps.map((f) => (f.key === key ? { ...f, [field]: value } : f)),
    }));
    clearError(`fu-${key}-${field}`);
  };

  const addFollowUp = () => {
    const row = emptyFollowUp();
    update((s) => ({ ...s, followUps: [...s.followUps, row] }));
    focusKey(`fu-${row.key}-what`);
  };

  const removeFollowUp = (key: number) => {
    update((s) => {
      const rest = s.followUps.filter((f) => f.key !== key);
      return { ...s, followUps: rest.length ? rest : [emptyFollowUp()] };
    });
  };

  const requestClose = () => {
    if (saving) return;
    if (hasText(stateRef.current) && JSON.stringify(stateRef.current) !== openedJson.current) setAskClose(true);
    else close();
  };

  const close = () => {
    flushDraft();
    onClose();
  };
  registerClose(requestClose);

  // ---- saving
  const fail = (key: string, problem: FieldProblem) => {
    setErrors({ [key]: problem });
    focusKey(key);
  };

  const mapServerError = (e: AppError, newRows: NewContactRow[], steps: FollowUpRow[]) => {
    const problem: FieldProblem = { code: e.code, reason: e.reason };
    if (e.code !== "invalid" || !e.field) return false;
    switch (e.field) {
      case "title":
      case "notes":
      case "outcome":
        fail(e.field, problem);
        return true;
      case "startsLocal":
        fail(e.reason === "date" ? "startsDate" : "startsTime", problem);
        return true;
      case "endsLocal":
        fail("endsTime", problem);
        return true;
      case "firstName":
      case "lastName":
      case "email":
      case "organisationName": {
        const field = e.field;
        const row =
          (field === "lastName" && newRows.find((c) => !c.lastName.trim())) ||
          (field === "email" && newRows.find((c) => c.email.trim() && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(c.email.trim()))) ||
          newRows.find((c) => c[field].trim()) ||
          newRows[0];
        if (!row) return false;
        fail(`nc-${row.key}-${field}`, problem);
        return true;
      }
      case "what":
      case "dueOn": {
        const field = e.field;
        const row = steps.find((f) => f[field]) ?? steps[0];
        if (!row) return false;
        fail(`fu-${row.key}-${field}`, problem);
        return true;
      }
    }
    return false;
  };

  const submit = async () => {
    if (saving) return;
    const s = stateRef.current;
    setErrors({});
    setError(null);
    const startsTime = normaliseTime(s.startsTime);
    const endsTime = normaliseTime(s.endsTime);
    if (!s.startsDate) return fail("startsDate", { code: "invalid", reason: "required" });
    if (!startsTime) return fail("startsTime", { code: "invalid", reason: "required" });
    if (!endsTime) return fail("endsTime", { code: "invalid", reason: "required" });
    const newRows = s.newContacts.filter(newContactFilled);
    const missingName = newRows.find((c) => !c.lastName.trim());
    if (missingName) return fail(`nc-${missingName.key}-lastName`, { code: "invalid", reason: "required" });
    const title = s.title.trim() || defaultTitle(s);
    if (!title) return fail("title", { code: "invalid", reason: "required" });
    const steps = s.followUps.filter((f) => f.what.trim());
    const { start, end } = span({ ...s, startsTime, endsTime });
    const input: LogInput = {
      meetingId: s.meetingId,
      meeting: {
        missionId: s.missionId || null,
        title,
        kind: s.kind,
        status: "held",
        startsLocal: start,
        endsLocal: end,
        timeZone: zone,
        place: s.place.trim(),
        notes: s.notes.replace(/\s+$/, ""),
        outcome: s.outcome.replace(/\s+$/, ""),
        interest: s.interest || null,
        agreementStarted: s.agreementStarted,
        agreementKind: (s.agreementStarted && s.agreementKind) || null,
        personIds: s.personIds,
        contactIds: s.contacts.map((c) => c.id),
      },
      newContacts: newRows.map((c) => ({
        firstName: c.firstName.trim(),
        lastName: c.lastName.trim(),
        organisationId: null,
        organisationName: c.organisationName.trim(),
        role: "",
        email: c.email.trim(),
        phone: "",
      })),
      followUps: steps.map((f) => ({
        what: f.what.trim(),
        ownerPersonId: f.ownerPersonId || null,
        dueOn: f.dueOn || null,
      })),
    };
    setSaving(true);
    window.clearTimeout(timer.current);
    try {
      await draftQueue;
      await api.meetings.log(input, DRAFT_KEY);
    } catch (raw) {
      setSaving(false);
      const e = api.toAppError(raw);
      if (!mapServerError(e, newRows, steps)) setError(e);
      return;
    }
    done.current = true;
    draftStored.current = false;
    app.notify("notice.saved");
    app.dataChanged();
    onClose();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void submit();
    } else if (e.key === "Escape" && !e.defaultPrevented) {
      e.preventDefault();
      requestClose();
    }
  };

  // ---- rendering helpers
  const problem = (key: string) => errors[key];
  const inputProps = (key: string, hint?: string) => ({
    id: `${idp}-${key}`,
    "data-key": key,
    "aria-invalid": problem(key) ? ("true" as const) : undefined,
    "aria-describedby": describedBy(`${idp}-${key}`, problem(key), hint),
  });

  const { start } = span(state);
  const mins = durationOf(state);
  const ownerOptions: { id: string; name: string; sub: string }[] =
    activeDelegates.length > 0
      ? activeDelegates.map((d) => ({ id: d.personId, name: d.name, sub: d.memberName }))
      : ctx.persons.map((p) => ({ id: p.id, name: p.name, sub: p.memberName }));
  const placeholderTitle = defaultTitle(state) || t("log.titlePlaceholder");

  return (
    <>
      <form
        class="form log-form"
        data-testid="log-form"
        ref={formRef}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        onKeyDown={onKeyDown}
        aria-busy={saving ? "true" : undefined}
      >
        <div class="drawer-body">
          {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}

          {restored && (
            <div class="log-note" data-testid="draft-restored" role="status">
              <span>
                {t("log.draftRestored", {
                  time: ctx.draft ? formatTimestamp(ctx.draft.updatedAt) : "",
                })}
              </span>
              <button type="button" class="link-btn" data-testid="draft-discard" onClick={discardDraft}>
                {t("log.discardDraft")}
              </button>
            </div>
          )}
          {offered && (
            <div class="log-note" data-testid="draft-available" role="status">
              <span>{t("log.draftAvailable")}</span>
              <button type="button" class="link-btn" data-testid="draft-restore" onClick={restoreDraft}>
                {t("log.restoreDraft")}
              </button>
              <button type="button" class="link-btn" data-testid="draft-discard" onClick={discardDraft}>
                {t("log.discardDraft")}
              </button>
            </div>
          )}

          <div class="log-context">
            <div class="field">
              <label for={`${idp}-missionId`}>{t("col.mission")}</label>
              <select
                id={`${idp}-missionId`}
                name="missionId"
                class="input select"
                data-testid="log-mission"
                value={state.missionId}
                onChange={(e) => setMission(e.currentTarget.value)}
              >
                <option value="">{t("log.noMission")}</option>
                {ctx.missions.map((m) => (
                  <option key={m.id} value={m.id} selected={m.id === state.missionId}>
                    {m.title}
                  </option>
                ))}
              </select>
            </div>
            {state.meetingId ? (
              <div class="log-linked" data-testid="log-linked-item">
                <IconLog size={14} />
                <span>{t("log.linkedItem", { title: state.linkedTitle })}</span>
                <button type="button" class="link-btn" data-testid="log-unlink" onClick={unlink}>
                  {t("log.unlink")}
                </button>
              </div>
            ) : offer ? (
              <div class="log-linked log-offer" data-testid="log-agenda-offer">
                <span>
                  {t("log.offer", {
                    title: offer.meeting.title,
                    time: `${localTime(offer.localStart)}–${localTime(offer.localEnd)}`,
                  })}
                </span>
                <button type="button" class="btn btn-small" data-testid="log-use-agenda-item" onClick={() => takeItem(offer)}>
                  {t("log.useItem")}
                </button>
                <button type="button" class="link-btn" onClick={() => setOfferDismissed(true)}>
                  {t("log.notThis")}
                </button>
              </div>
            ) : null}
          </div>

          <fieldset class="form-section">
            <legend>{t("log.who")}</legend>
            <div class="field">
              <label for={`${idp}-contacts`}>{t("log.stakeholders")}</label>
              <ContactPicker
                id={`${idp}-contacts`}
                inputRef={searchRef}
                picked={state.contacts}
                onPick={(c) => update((s) => ({ ...s, contacts: [...s.contacts.filter((x) => x.id !== c.id), c] }))}
                onRemove={(id) => update((s) => ({ ...s, contacts: s.contacts.filter((x) => x.id !== id) }))}
                onCreate={addNewContact}
                inputTestid="log-contact-search"
                optionTestid="log-contact-option"
                createTestid="log-new-contact"
                placeholder={t("log.searchPlaceholder")}
              />
            </div>
            {state.newContacts.map((c, i) => (
              <fieldset key={c.key} class="sub-card" data-testid="log-new-contact-row" data-index={i}>
                <legend class="sub-card-title">{t("log.newContact")}</legend>
                <div class="form-grid">
                  <FieldWrap id={`${idp}-nc-${c.key}-firstName`} name="newFirstName" label={t("field.firstName")} problem={problem(`nc-${c.key}-firstName`)}>
                    <input
                      {...inputProps(`nc-${c.key}-firstName`)}
                      name="newFirstName"
                      class="input"
                      autoComplete="off"
                      value={c.firstName}
                      onInput={(e) => setNewContact(c.key, "firstName", e.currentTarget.value)}
                    />
                  </FieldWrap>
                  <FieldWrap id={`${idp}-nc-${c.key}-lastName`} name="newLastName" label={t("field.lastName")} required problem={problem(`nc-${c.key}-lastName`)}>
                    <input
                      {...inputProps(`nc-${c.key}-lastName`)}
                      name="newLastName"
                      class="input"
                      autoComplete="off"
                      aria-required="true"
                      value={c.lastName}
                      onInput={(e) => setNewContact(c.key, "lastName", e.currentTarget.value)}
                    />
                  </FieldWrap>
                  <FieldWrap
                    id={`${idp}-nc-${c.key}-organisationName`}
                    name="newOrganisationName"
                    label={t("field.organisationId")}
                    problem={problem(`nc-${c.key}-organisationName`)}
                  >
                    <input
                      {...inputProps(`nc-${c.key}-organisationName`)}
                      name="newOrganisationName"
                      class="input"
                      autoComplete="off"
                      list="log-organisations"
                      value={c.organisationName}
                      onInput={(e) => setNewContact(c.key, "organisationName", e.currentTarget.value)}
                    />
                  </FieldWrap>
                  <FieldWrap id={`${idp}-nc-${c.key}-email`} name="newEmail" label={t("field.email")} problem={problem(`nc-${c.key}-email`)}>
                    <input
                      {...inputProps(`nc-${c.key}-email`)}
                      name="newEmail"
                      type="email"
                      class="input"
                      autoComplete="off"
                      spellcheck={false}
                      value={c.email}
                      onInput={(e) => setNewContact(c.key, "email", e.currentTarget.value)}
                    />
                  </FieldWrap>
                </div>
                <button
                  type="button"
                  class="icon-btn icon-btn-danger sub-card-remove"
                  data-testid="log-remove-new-contact"
                  aria-label={t("log.removeNewContact")}
                  title={t("log.removeNewContact")}
                  onClick={() => removeNewContact(c.key)}
                >
                  <IconTrash />
                </button>
              </fieldset>
            ))}
            <div class="field">
              <span class="label-like" id={`${idp}-persons-label`}>
                {t("meetingForm.delegatesPresent")}
              </span>
              <div role="group" aria-labelledby={`${idp}-persons-label`} data-testid="log-persons">
                <PersonChecklist
                  idPrefix={idp}
                  delegates={state.missionId ? delegates : []}
                  persons={ctx.persons}
                  selected={state.personIds}
                  onChange={(ids) => set("personIds", ids)}
                  showAll={showAll}
                  onShowAll={setShowAll}
                  testid="log-person"
                />
              </div>
            </div>
          </fieldset>

          <fieldset class="form-section">
            <legend>{t("log.what")}</legend>
            <div class="form-grid">
              <FieldWrap id={`${idp}-title`} name="title" label={t("field.title")} problem={problem("title")} wide
                hint={state.title.trim() ? undefined : defaultTitle(state) ? t("log.titleDefaultHint") : undefined}>
                <input
                  {...inputProps("title", state.title.trim() ? undefined : defaultTitle(state) ? t("log.titleDefaultHint") : undefined)}
                  name="title"
                  class="input"
                  autoComplete="off"
                  maxLength={200}
                  placeholder={placeholderTitle}
                  value={state.title}
                  onInput={(e) => set("title", e.currentTarget.value)}
                />
              </FieldWrap>
              <FieldWrap id={`${idp}-kind`} name="kind" label={t("field.kind")} problem={problem("kind")}>
                <select
                  {...inputProps("kind")}
                  name="kind"
                  class="input select"
                  value={state.kind}
                  onChange={(e) => set("kind", e.currentTarget.value as MeetingKind)}
                >
                  {MEETING_KINDS.map((k) => (
                    <option key={k} value={k} selected={k === state.kind}>
                      {meetingKindLabel(k)}
                    </option>
                  ))}
                </select>
              </FieldWrap>
            </div>
            <div class="form-grid time-grid">
              <FieldWrap id={`${idp}-startsDate`} name="startsDate" label={t("field.date")} required problem={problem("startsDate")}>
                <input
                  {...inputProps("startsDate")}
                  name="startsDate"
                  type="date"
                  class="input"
                  value={state.startsDate}
                  onInput={(e) => setStart("startsDate", e.currentTarget.value)}
                />
              </FieldWrap>
              <FieldWrap id={`${idp}-startsTime`} name="startsTime" label={t("field.startsTime")} required problem={problem("startsTime")}>
                <input
                  {...inputProps("startsTime")}
                  name="startsTime"
                  type="time"
                  step={300}
                  class="input"
                  value={state.startsTime}
                  onInput={(e) => setStart("startsTime", e.currentTarget.value)}
                />
              </FieldWrap>
              <FieldWrap id={`${idp}-duration`} name="duration" label={t("field.duration")}>
                <select
                  {...inputProps("duration")}
                  name="duration"
                  class="input select"
                  value={mins !== null && mins >= 0 ? String(mins) : ""}
                  onChange={(e) => e.currentTarget.value && setDuration(Number(e.currentTarget.value))}
                >
                  {(mins === null || mins < 0) && <option value="">—</option>}
                  {mins !== null && mins >= 0 && !DURATIONS.includes(mins) && (
                    <option value={String(mins)}>{durationText(mins)}</option>
                  )}
                  {DURATIONS.map((d) => (
                    <option key={d} value={String(d)} selected={d === mins}>
                      {durationText(d)}
                    </option>
                  ))}
                </select>
              </FieldWrap>
              <FieldWrap id={`${idp}-endsTime`} name="endsTime" label={t("field.endsTime")} required problem={problem("endsTime")}>
                <input
                  {...inputProps("endsTime")}
                  name="endsTime"
                  type="time"
                  step={300}
                  class="input"
                  value={state.endsTime}
                  onInput={(e) => {
                    update((s) => ({ ...s, endsTime: e.currentTarget.value, timeEdited: true }));
                    clearError("endsTime");
                  }}
                />
              </FieldWrap>
              <div class="span-2">
                <ZoneHint local={start} zone={zone} home={home} label={zoneLabel} />
              </div>
            </div>
          </fieldset>

          <fieldset class="form-section">
            <legend>{t("log.how")}</legend>
            <div class="form-grid">
              <FieldWrap id={`${idp}-notes`} name="notes" label={t("field.notes")} problem={problem("notes")} wide>
                <textarea
                  {...inputProps("notes")}
                  name="notes"
                  class="input textarea"
                  rows={4}
                  value={state.notes}
                  onInput={(e) => set("notes", e.currentTarget.value)}
                />
              </FieldWrap>
              <div class="field span-2">
                <span class="label-like" id={`${idp}-interest-label`}>
                  {t("field.interest")}
                </span>
                <div class="radio-group" role="radiogroup" aria-labelledby={`${idp}-interest-label`} data-testid="log-interest">
                  {(["", ...INTERESTS] as ("" | Interest)[]).map((i) => (
                    <label key={i || "none"} class={"radio-pill" + (i ? ` radio-${i}` : "") + (state.interest === i ? " checked" : "")}>
                      <input
                        type="radio"
                        name="interest"
                        value={i}
                        checked={state.interest === i}
                        onChange={() => set("interest", i)}
                      />
                      <span>{i ? interestLabel(i) : t("interest.none")}</span>
                    </label>
                  ))}
                </div>
              </div>
              <FieldWrap id={`${idp}-outcome`} name="outcome" label={t("mission.outcome")} problem={problem("outcome")} wide>
                <textarea
                  {...inputProps("outcome")}
                  name="outcome"
                  class="input textarea"
                  rows={2}
                  value={state.outcome}
                  onInput={(e) => set("outcome", e.currentTarget.value)}
                />
              </FieldWrap>
              <AgreementFields
                idPrefix={idp}
                started={state.agreementStarted}
                kind={state.agreementKind}
                onStarted={(on) => set("agreementStarted", on)}
                onKind={(k) => set("agreementKind", k)}
                testid="log-agreement"
              />
            </div>
          </fieldset>

          <fieldset class="form-section">
            <legend>{t("log.followUps")}</legend>
            <ul class="follow-up-rows" data-testid="log-follow-ups">
              {state.followUps.map((f, i) => (
                <li key={f.key} class="follow-up-edit" data-testid="log-follow-up-row" data-index={i}>
                  <FieldWrap id={`${idp}-fu-${f.key}-what`} name="followUpWhat" label={t("field.what")} problem={problem(`fu-${f.key}-what`)}>
                    <input
                      {...inputProps(`fu-${f.key}-what`)}
                      name="followUpWhat"
                      class="input"
                      autoComplete="off"
                      placeholder={t("log.followUpPlaceholder")}
                      value={f.what}
                      onInput={(e) => setFollowUp(f.key, "what", e.currentTarget.value)}
                    />
                  </FieldWrap>
                  <FieldWrap id={`${idp}-fu-${f.key}-owner`} name="followUpOwner" label={t("col.owner")}>
                    <select
                      {...inputProps(`fu-${f.key}-owner`)}
                      name="followUpOwner"
                      class="input select"
                      value={f.ownerPersonId}
                      onChange={(e) => setFollowUp(f.key, "ownerPersonId", e.currentTarget.value)}
                    >
                      <option value="">{t("common.none")}</option>
                      {ownerOptions.map((p) => (
                        <option key={p.id} value={p.id} selected={p.id === f.ownerPersonId}>
                          {p.name}
                          {p.sub ? ` · ${p.sub}` : ""}
                        </option>
                      ))}
                      {f.ownerPersonId && !ownerOptions.some((p) => p.id === f.ownerPersonId) && (
                        <option value={f.ownerPersonId} selected>
                          {ctx.persons.find((p) => p.id === f.ownerPersonId)?.name ?? f.ownerPersonId}
                        </option>
                      )}
                    </select>
                  </FieldWrap>
                  <FieldWrap id={`${idp}-fu-${f.key}-dueOn`} name="followUpDue" label={t("col.due")} problem={problem(`fu-${f.key}-dueOn`)}>
                    <input
                      {...inputProps(`fu-${f.key}-dueOn`)}
                      name="followUpDue"
                      type="date"
                      class="input"
                      value={f.dueOn}
                      onInput={(e) => setFollowUp(f.key, "dueOn", e.currentTarget.value)}
                    />
                  </FieldWrap>
                  <button
                    type="button"
                    class="icon-btn icon-btn-danger follow-up-remove"
                    data-testid="log-remove-follow-up"
                    aria-label={t("log.removeFollowUp")}
                    title={t("log.removeFollowUp")}
                    onClick={() => removeFollowUp(f.key)}
                  >
                    <IconTrash />
                  </button>
                </li>
              ))}
            </ul>
            <button type="button" class="btn btn-small" data-testid="log-add-follow-up" onClick={addFollowUp}>
              <IconPlus />
              {t("log.addFollowUp")}
            </button>
          </fieldset>
        </div>
        <div class="drawer-foot">
          <button type="submit" class="btn btn-primary" data-testid="log-save" disabled={saving}>
            {saving ? t("action.saving") : t("log.save")}
          </button>
          <button type="button" class="btn" data-testid="log-cancel" onClick={requestClose}>
            {t("action.close")}
          </button>
          <span class="form-hint">{t("log.keys")}</span>
        </div>
        <datalist id="log-organisations">
          {ctx.organisations.map((o) => (
            <option key={o.id} value={o.name} />
          ))}
        </datalist>
      </form>
      {askClose && (
        <Modal
          title={t("log.closeTitle")}
          onClose={() => setAskClose(false)}
          testid="log-close-dialog"
          actions={
            <>
              <button type="button" class="btn" data-testid="log-keep-editing" data-autofocus onClick={() => setAskClose(false)}>
                {t("log.keepEditing")}
              </button>
              <button type="button" class="btn btn-primary" data-testid="log-close-confirm" onClick={close}>
                {t("log.closeKeepDraft")}
              </button>
            </>
          }
        >
          <p>{t("log.closeBody")}</p>
        </Modal>
      )}
    </>
  );
}
