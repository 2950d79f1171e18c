// The one thin wrapper around the Tauri commands listed in docs/commands.md.
// Every function returns the command's JSON as typed here and rejects with an
// `AppError` (never anything else).

import { invoke } from "@tauri-apps/api/core";

// ---------------------------------------------------------------- types

export type MemberKind =
  | "startup"
  | "sme"
  | "large_company"
  | "research_lab"
  | "university"
  | "hospital"
  | "foundation"
  | "association"
  | "other";
export const MEMBER_KINDS: MemberKind[] = [
  "startup",
  "sme",
  "large_company",
  "research_lab",
  "university",
  "hospital",
  "foundation",
  "association",
  "other",
];

export interface Member {
  id: string;
  name: string;
  kind: MemberKind;
  city: string;
  region: string;
  website: string;
  email: string;
  phone: string;
  notes: string;
  createdAt: string;
  updatedAt: string;
}
export interface MemberInput {
  name: string;
  kind: MemberKind;
  city: string;
  region: string;
  website: string;
  email: string;
  phone: string;
  notes: string;
}
export interface MemberSummary {
  id: string;
  name: string;
  kind: MemberKind;
  city: string;
  personsCount: number;
  missionsCount: number;
}
export interface Person {
  id: string;
  memberId: string;
  firstName: string;
  lastName: string;
  role: string;
  email: string;
  phone: string;
  notes: string;
  createdAt: string;
  updatedAt: string;
}
export interface PersonInput {
  firstName: string;
  lastName: string;
  role: string;
  email: string;
  phone: string;
  notes: string;
}
export interface MemberDetail {
  member: Member;
  persons: Person[];
  missions: { missionId: string; title: string; status: ParticipationStatus }[];
}

export type MissionStatus = "planning" | "active" | "closed";
export const MISSION_STATUSES: MissionStatus[] = ["planning", "active", "closed"];
export type ParticipationStatus = "invited" | "confirmed" | "withdrawn";

export interface Mission {
  id: string;
  title: string;
  destination: string;
  country: string;
  timeZone: string;
  startsOn: string;
  endsOn: string;
  status: MissionStatus;
  online: boolean;
  objectives: string;
  notes: string;
  createdAt: string;
  updatedAt: string;
}
export interface MissionInput {
  title: string;
  destination: string;
  country: string;
  timeZone: string;
  startsOn: string;
  endsOn: string;
  status: MissionStatus;
  online: boolean;
  objectives: string;
  notes: string;
}
export interface MissionSummary {
  id: string;
  title: string;
  destination: string;
  startsOn: string;
  endsOn: string;
  status: MissionStatus;
  timeZone: string;
  membersCount: number;
  meetingsCount: number;
}
export interface Participation {
  id: string;
  memberId: string;
  memberName: string;
  status: ParticipationStatus;
  notes: string;
}
export interface Partner {
  id: string;
  organisationId: string;
  organisationName: string;
  role: string;
}
export interface MissionDetail {
  mission: Mission;
  participations: Participation[];
  partners: Partner[];
  meetings: Meeting[];
}

export type MeetingKind =
  | "b2b"
  | "forum"
  | "site_visit"
  | "training"
  | "mentoring"
  | "networking"
  | "other";
export type MeetingStatus = "planned" | "held" | "cancelled";
export type Interest = "hot" | "warm" | "cold";
export interface Meeting {
  id: string;
  missionId: string | null;
  title: string;
  kind: MeetingKind;
  status: MeetingStatus;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  place: string;
  notes: string;
  outcome: string;
  interest: Interest | null;
  persons: { id: string; name: string }[];
  contacts: { id: string; name: string }[];
}

export type OrganisationKind =
  | "university"
  | "hospital"
  | "research_centre"
  | "company"
  | "startup"
  | "incubator"
  | "investor"
  | "public_body"
  | "chamber"
  | "association"
  | "other";
export const ORGANISATION_KINDS: OrganisationKind[] = [
  "university",
  "hospital",
  "research_centre",
  "company",
  "startup",
  "incubator",
  "investor",
  "public_body",
  "chamber",
  "association",
  "other",
];
export interface Organisation {
  id: string;
  name: string;
  kind: OrganisationKind;
  country: string;
  city: string;
  website: string;
  notes: string;
  createdAt: string;
  updatedAt: string;
}
export interface OrganisationInput {
  name: string;
  kind: OrganisationKind;
  country: string;
  city: string;
  website: string;
  notes: string;
}
export interface OrganisationSummary {
  id: string;
  name: string;
  kind: OrganisationKind;
  country: string;
  city: string;
  contactsCount: number;
}
export interface OrganisationDetail {
  organisation: Organisation;
  contacts: ContactSummary[];
}

export type LawfulBasis =
  | "consent"
  | "legitimate_interest"
  | "contract"
  | "legal_obligation"
  | "public_task"
  | "vital_interest";
export const LAWFUL_BASES: LawfulBasis[] = [
  "consent",
  "legitimate_interest",
  "contract",
  "legal_obligation",
  "public_task",
  "vital_interest",
];
export interface Contact {
  id: string;
  organisationId: string | null;
  organisationName: string | null;
  /** The name as shown: family name first for a Japanese family name. */
  displayName: string;
  firstName: string;
  lastName: string;
  nameReading: string;
  role: string;
  email: string;
  phone: string;
  country: string;
  language: string;
  city: string;
  notes: string;
  source: string;
  lawfulBasis: LawfulBasis;
  lawfulBasisOn: string;
  createdAt: string;
  updatedAt: string;
}
export interface ContactInput {
  organisationId: string | null;
  firstName: string;
  lastName: string;
  nameReading: string;
  role: string;
  email: string;
  phone: string;
  country: string;
  language: string;
  city: string;
  notes: string;
  source: string;
  lawfulBasis: LawfulBasis;
  lawfulBasisOn: string;
}
export interface ContactSummary {
  id: string;
  displayName: string;
  firstName: string;
  lastName: string;
  organisationId: string | null;
  organisationName: string | null;
  role: string;
  email: string;
  country: string;
}
export interface ContactDetail {
  contact: Contact;
  meetings: Meeting[];
}

export type HitKind = "contact" | "organisation" | "member" | "person";
export interface SearchHit {
  kind: HitKind;
  id: string;
  title: string;
  subtitle: string;
  /** For a person, the member it belongs to; for a contact, its organisation or null. */
  parentId: string | null;
}

export type Language = "it" | "en";
export interface Settings {
  language: Language | null;
  homeTimeZone: string;
}
export interface WorkspaceCounts {
  members: number;
  persons: number;
  missions: number;
  organisations: number;
  contacts: number;
  meetings: number;
}
export interface WorkspaceInfo {
  path: string;
  counts: WorkspaceCounts;
}

// ---------------------------------------------------------------- errors

export type ErrorCode =
  | "not_found"
  | "invalid"
  | "referenced"
  | "conflict"
  | "storage"
  | "io"
  | "schema_too_new";

export type EntityName =
  | "member"
  | "person"
  | "mission"
  | "participation"
  | "organisation"
  | "contact"
  | "meeting"
  | "follow_up"
  // Also sent by the core in `references`, though not in the documented list:
  | "delegate"
  | "partner";

export interface Reference {
  entity: string;
  count: number;
}

/** The rejection of every command, normalised. `code` may be a code this UI does not know. */
export interface AppError {
  code: ErrorCode | (string & {});
  message: string;
  field?: string;
  reason?: string;
  entity?: string;
  references?: Reference[];
}

function str(v: unknown): string | undefined {
  return typeof v === "string" ? v : undefined;
}

/** Turns whatever a command rejected with into an AppError. */
export function toAppError(e: unknown): AppError {
  if (e !== null && typeof e === "object") {
    const o = e as Record<string, unknown>;
    const code = str(o.code);
    const message = str(o.message) ?? (code ? "" : String(e));
    if (!code) {
      // An object that is not our error shape (e.g. a JS Error from the IPC layer).
      return { code: "storage", message };
    }
    const err: AppError = { code, message };
    const field = str(o.field);
    const reason = str(o.reason);
    const entity = str(o.entity);
    if (field) err.field = field;
    if (reason) err.reason = reason;
    if (entity) err.entity = entity;
    if (Array.isArray(o.references)) {
      err.references = o.references
        .filter((r): r is Record<string, unknown> => r !== null && typeof r === "object")
        .map((r) => ({ entity: String(r.entity ?? ""), count: Number(r.count ?? 0) }));
    }
    return err;
  }
  return { code: "storage", message: String(e) };
}

export function isAppError(e: unknown): e is AppError {
  return (
    e !== null &&
    typeof e === "object" &&
    typeof (e as AppError).code === "string" &&
    typeof (e as AppError).message === "string"
  );
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    throw toAppError(e);
  }
}

// ---------------------------------------------------------------- commands

export const workspace = {
  info: () => call<WorkspaceInfo>("workspace_info"),
};

export const settings = {
  get: () => call<Settings>("settings_get"),
  set: (value: Settings) => call<Settings>("settings_set", { settings: value }),
};

export const search = {
  query: (text: string, limit?: number) =>
    call<SearchHit[]>("search_query", limit === undefined ? { text } : { text, limit }),
};

export const members = {
  list: () => call<MemberSummary[]>("members_list"),
  get: (id: string) => call<MemberDetail>("members_get", { id }),
  create: (input: MemberInput) => call<Member>("members_create", { input }),
  update: (id: string, input: MemberInput) => call<Member>("members_update", { id, input }),
  delete: (id: string) => call<null>("members_delete", { id }),
  addPerson: (memberId: string, input: PersonInput) =>
    call<Person>("members_add_person", { memberId, input }),
  updatePerson: (id: string, input: PersonInput) =>
    call<Person>("members_update_person", { id, input }),
  deletePerson: (id: string) => call<null>("members_delete_person", { id }),
};

export const organisations = {
  list: () => call<OrganisationSummary[]>("organisations_list"),
  get: (id: string) => call<OrganisationDetail>("organisations_get", { id }),
  create: (input: OrganisationInput) => call<Organisation>("organisations_create", { input }),
  update: (id: string, input: OrganisationInput) =>
    call<Organisation>("organisations_update", { id, input }),
  delete: (id: string) => call<null>("organisations_delete", { id }),
};

export const contacts = {
  list: () => call<ContactSummary[]>("contacts_list"),
  get: (id: string) => call<ContactDetail>("contacts_get", { id }),
  create: (input: ContactInput) => call<Contact>("contacts_create", { input }),
  update: (id: string, input: ContactInput) => call<Contact>("contacts_update", { id, input }),
  delete: (id: string) => call<null>("contacts_delete", { id }),
};

export const missions = {
  list: () => call<MissionSummary[]>("missions_list"),
  get: (id: string) => call<MissionDetail>("missions_get", { id }),
  create: (input: MissionInput) => call<Mission>("missions_create", { input }),
  update: (id: string, input: MissionInput) => call<Mission>("missions_update", { id, input }),
  delete: (id: string) => call<null>("missions_delete", { id }),
};
