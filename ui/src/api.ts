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
/** A member's person, for pickers (delegates, follow-up owners). */
export interface PersonSummary {
  id: string;
  name: string;
  memberId: string;
  memberName: string;
  email: string;
}
export interface MemberDetail {
  member: Member;
  persons: Person[];
  missions: { missionId: string; title: string; status: ParticipationStatus }[];
}

export type MissionStatus = "planning" | "active" | "closed";
export const MISSION_STATUSES: MissionStatus[] = ["planning", "active", "closed"];
export type ParticipationStatus = "invited" | "confirmed" | "withdrawn";
export const PARTICIPATION_STATUSES: ParticipationStatus[] = ["invited", "confirmed", "withdrawn"];

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
/** The numbers on a mission's overview. */
export interface Figures {
  /** Member organisations not withdrawn. */
  members: number;
  /** Delegates not withdrawn. */
  delegates: number;
  meetingsPlanned: number;
  meetingsHeld: number;
  /** Distinct contacts in meetings held. */
  contactsMet: number;
  openFollowUps: number;
}
/** A member's person taking part in a mission. */
export interface Delegate {
  id: string;
  participationId: string;
  memberId: string;
  memberName: string;
  personId: string;
  name: string;
  status: ParticipationStatus;
  role: string;
  arrivesOn: string | null;
  departsOn: string | null;
  needs: string;
}
export interface DelegateInput {
  status: ParticipationStatus | null;
  role: string;
  /** "" or YYYY-MM-DD */
  arrivesOn: string;
  departsOn: string;
  needs: string;
}
export interface MissionDetail {
  mission: Mission;
  participations: Participation[];
  delegates: Delegate[];
  partners: Partner[];
  meetings: Meeting[];
  figures: Figures;
}

export type MeetingKind =
  | "b2b"
  | "forum"
  | "site_visit"
  | "training"
  | "mentoring"
  | "networking"
  | "other";
export const MEETING_KINDS: MeetingKind[] = [
  "b2b",
  "forum",
  "site_visit",
  "training",
  "mentoring",
  "networking",
  "other",
];
export type MeetingStatus = "planned" | "held" | "cancelled";
export const MEETING_STATUSES: MeetingStatus[] = ["planned", "held", "cancelled"];
export type Interest = "hot" | "warm" | "cold";
export const INTERESTS: Interest[] = ["hot", "warm", "cold"];
/** The kind of an agreement a meeting started. */
export type AgreementKind = "mou" | "research" | "pilot" | "commercial" | "other";
export const AGREEMENT_KINDS: AgreementKind[] = ["mou", "research", "pilot", "commercial", "other"];
/** A delegate or a contact taking part in a meeting. */
export interface Attendee {
  id: string;
  name: string;
  email: string;
}
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
  agreementStarted: boolean;
  /** Always null when no agreement was started. */
  agreementKind: AgreementKind | null;
  persons: Attendee[];
  contacts: Attendee[];
  createdAt: string;
  updatedAt: string;
}
/** A meeting as typed: wall-clock start and end ("YYYY-MM-DDTHH:MM") in `timeZone`. */
export interface MeetingInput {
  missionId: string | null;
  title: string;
  kind: MeetingKind;
  status: MeetingStatus;
  startsLocal: string;
  endsLocal: string;
  timeZone: string;
  place: string;
  notes: string;
  outcome: string;
  interest: Interest | null;
  agreementStarted: boolean;
  /** Ignored (stored as null) unless agreementStarted. */
  agreementKind: AgreementKind | null;
  personIds: string[];
  contactIds: string[];
}
/** A contact met for the first time, created with the logged meeting. */
export interface NewContact {
  firstName: string;
  lastName: string;
  organisationId: string | null;
  /** Creates or reuses an organisation by name when organisationId is null. */
  organisationName: string;
  role: string;
  email: string;
  phone: string;
}
export interface NewFollowUp {
  what: string;
  ownerPersonId: string | null;
  /** YYYY-MM-DD */
  dueOn: string | null;
}
export interface LogInput {
  /** A planned agenda item to turn into the logged meeting. */
  meetingId: string | null;
  meeting: MeetingInput;
  newContacts: NewContact[];
  followUps: NewFollowUp[];
}

/** Who is double-booked, and in which other item. */
export interface Clash {
  withMeetingId: string;
  withTitle: string;
  kind: "person" | "contact";
  id: string;
  name: string;
}
export interface AgendaItem {
  meeting: Meeting;
  /** YYYY-MM-DDTHH:MM in the mission's zone. */
  localStart: string;
  localEnd: string;
  /** The same instants in the home zone. */
  homeStart: string;
  homeEnd: string;
  clashes: Clash[];
}
export interface AgendaDay {
  /** The mission's local day, YYYY-MM-DD. */
  date: string;
  items: AgendaItem[];
}
export interface Agenda {
  mission: Mission;
  homeTimeZone: string;
  days: AgendaDay[];
}

export interface FollowUp {
  id: string;
  meetingId: string | null;
  missionId: string | null;
  what: string;
  ownerPersonId: string | null;
  contactId: string | null;
  dueOn: string | null;
  doneAt: string | null;
}
export interface FollowUpView extends FollowUp {
  meetingTitle: string | null;
  missionTitle: string | null;
  ownerName: string | null;
  ownerMemberId: string | null;
  ownerMemberName: string | null;
  contactName: string | null;
  overdue: boolean;
}
export interface FollowUpFilter {
  missionId?: string | null;
  memberId?: string | null;
  ownerPersonId?: string | null;
  contactId?: string | null;
  overdueOnly?: boolean;
  includeDone?: boolean;
}

export interface Dashboard {
  upcomingMissions: MissionSummary[];
  activeMission: Mission | null;
  /** The active mission's items of today. */
  today: AgendaItem[];
  overdueFollowUps: FollowUpView[];
  recentMeetings: Meeting[];
}

export interface Draft {
  key: string;
  body: string;
  updatedAt: string;
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
  /** Set only on the stand-in an erased contact leaves in its meetings ("Erased contact"). */
  erasedAt: string | null;
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
export type BackupReason = "before_import" | "before_migration" | "daily" | "manual" | "before_restore";
export interface BackupInfo {
  file: string;
  name: string;
  /** UTC, RFC 3339. */
  takenAt: string;
  reason: BackupReason;
  size: number;
  encrypted: boolean;
  /** Taken before the last erasure of personal data. */
  beforeErasure: boolean;
}
export interface Backups {
  folder: string;
  keep: number;
  /** Newest first. */
  backups: BackupInfo[];
}
export interface BackupPreview {
  file: string;
  takenAt: string | null;
  reason: BackupReason | null;
  size: number;
  encrypted: boolean;
  schemaVersion: number;
  supportedVersion: number;
  /** Written by a newer Ponte: cannot be restored. */
  tooNew: boolean;
  counts: (WorkspaceCounts & { followUps: number }) | null;
  newestRecordAt: string | null;
}
export interface Restored {
  beforeRestore: BackupInfo | null;
  counts: WorkspaceCounts | null;
}
export interface WorkspaceInfo {
  path: string;
  counts: WorkspaceCounts;
}

/** Whether the workspace is encrypted and locked; `lockAfterMinutes` is null while locked. */
export interface SecurityStatus {
  locked: boolean;
  encrypted: boolean;
  lockAfterMinutes: number | null;
  minPassphraseChars: number;
}


// ---------------------------------------------------------------- export

export type ExportFormat = "csv" | "csv-raw" | "xlsx" | "vcf" | "vcf4" | "google-csv" | "outlook-csv";
export const EXPORT_FORMATS: ExportFormat[] = ["xlsx", "csv", "csv-raw", "vcf", "vcf4", "google-csv", "outlook-csv"];
/** A spreadsheet column key (see `export_columns`). */
export type ExportColumn = string;
export type ExportSeparator = ";" | ",";
/** Which contacts to export; the filters given combine with AND; none = every contact. */
export interface ExportSelection {
  missionId?: string | null;
  memberId?: string | null;
  tag?: string | null;
  ids?: string[] | null;
}
export interface ExportOptions {
  columns?: ExportColumn[] | null;
  separator?: ExportSeparator | null;
  oneFilePerContact: boolean;
}
export interface Written {
  format: ExportFormat;
  contacts: number;
  files: string[];
}
export interface ExportColumns {
  available: { key: ExportColumn; labelIt: string; labelEn: string }[];
  chosen: ExportColumn[];
}

// ---------------------------------------------------------------- report

export interface ReportCount {
  key: string;
  label: string;
  count: number;
}
export interface ReportFigures {
  members: number;
  delegates: number;
  meetingsHeld: number;
  meetingsPlanned: number;
  meetingsCancelled: number;
  stakeholdersMet: number;
  organisationsMet: number;
  countries: number;
  followUpsOpen: number;
  followUpsDone: number;
  /** Meetings held that started an agreement. */
  agreementsStarted: number;
}
export interface ReportDelegationMember {
  memberId: string;
  name: string;
  kind: MemberKind;
  status: ParticipationStatus;
  delegates: string[];
}
export interface ReportProgrammeItem {
  meetingId: string;
  title: string;
  kind: MeetingKind;
  status: MeetingStatus;
  localStart: string;
  localEnd: string;
  place: string;
  delegates: string[];
  contacts: string[];
  interest: Interest | null;
  outcome: string;
  agreementStarted: boolean;
  agreementKind: AgreementKind | null;
}
export interface ReportProgrammeDay {
  date: string;
  items: ReportProgrammeItem[];
}
export interface ReportStakeholder {
  organisation: string;
  kind: OrganisationKind | null;
  country: string;
  contacts: string[];
}
export interface ReportOutcome {
  meetingId: string;
  meetingTitle: string;
  date: string;
  interest: Interest | null;
  outcome: string;
}
/** An agreement started at a meeting held: by whom (delegates, their members), with whom. */
export interface ReportAgreement {
  meetingId: string;
  meetingTitle: string;
  date: string;
  kind: AgreementKind | null;
  members: string[];
  delegates: string[];
  contacts: string[];
  organisations: string[];
  outcome: string;
}
/** A meeting on the timeline, in minutes from the local midnight (end at most 1440). */
export interface ReportTimelineBlock {
  meetingId: string;
  title: string;
  kind: MeetingKind;
  status: MeetingStatus;
  startMinute: number;
  endMinute: number;
  agreementStarted: boolean;
}
export interface ReportTimelineDay {
  date: string;
  label: string;
  blocks: ReportTimelineBlock[];
}
/** Rows of the mission's days (every day of a mission up to 31 days long), whole hours. */
export interface ReportTimeline {
  firstMinute: number;
  lastMinute: number;
  days: ReportTimelineDay[];
}
export interface ReportFollowUp {
  what: string;
  owner: string | null;
  ownerMember: string | null;
  contact: string | null;
  meeting: string | null;
  dueOn: string | null;
  done: boolean;
}
export interface Report {
  mission: Mission;
  objectives: string[];
  figures: ReportFigures;
  delegation: ReportDelegationMember[];
  delegationByKind: ReportCount[];
  partners: Partner[];
  programme: ReportProgrammeDay[];
  timeline: ReportTimeline;
  meetingsByKind: ReportCount[];
  meetingsByDay: ReportCount[];
  meetingsByMember: ReportCount[];
  stakeholders: ReportStakeholder[];
  stakeholdersByCountry: ReportCount[];
  stakeholdersByOrganisationKind: ReportCount[];
  interest: ReportCount[];
  outcomes: ReportOutcome[];
  agreements: ReportAgreement[];
  agreementsByKind: ReportCount[];
  followUps: ReportFollowUp[];
  language: string;
  generatedOn: string;
}
export type ReportFormat = "html" | "pdf";

// ---------------------------------------------------------------- import

export type ImportKind = "contacts" | "members" | "participants";
export const IMPORT_KINDS: ImportKind[] = ["contacts", "members", "participants"];
export type ImportFileFormat = "csv" | "xlsx" | "xlsb" | "xls" | "ods" | "vcard";
export type TextEncoding = "utf8" | "utf8Bom" | "utf16Le" | "utf16Be" | "windows1252";
export const TEXT_ENCODINGS: TextEncoding[] = ["utf8", "utf8Bom", "utf16Le", "utf16Be", "windows1252"];
export type ImportField =
  | "firstName"
  | "lastName"
  | "fullName"
  | "firstNameReading"
  | "lastNameReading"
  | "organisation"
  | "role"
  | "email"
  | "phone"
  | "country"
  | "city"
  | "language"
  | "website"
  | "notes"
  | "lawfulBasis"
  | "lawfulBasisOn"
  | "arrivesOn"
  | "departsOn";
export const IMPORT_FIELDS: ImportField[] = [
  "firstName",
  "lastName",
  "fullName",
  "firstNameReading",
  "lastNameReading",
  "organisation",
  "role",
  "email",
  "phone",
  "country",
  "city",
  "language",
  "website",
  "notes",
  "lawfulBasis",
  "lawfulBasisOn",
  "arrivesOn",
  "departsOn",
];
export interface ImportMapping {
  columns: { header: string; field: ImportField | null }[];
}
export interface ReadOptions {
  encoding?: TextEncoding | null;
  separator?: string | null;
  sheet?: string | null;
  headerRow?: number | null;
}
export type ImportDecision = "update" | "keepBoth" | "skip";
export const IMPORT_DECISIONS: ImportDecision[] = ["update", "keepBoth", "skip"];
export interface ImportOptions {
  kind: ImportKind;
  missionId?: string | null;
  read?: ReadOptions;
  mapping?: ImportMapping | null;
  saveMapping?: boolean;
  defaultCountry?: string;
  decisions?: { row: number; decision: ImportDecision }[];
  lawfulBasis?: LawfulBasis;
}
export interface Inspection {
  fileName: string;
  format: ImportFileFormat;
  encoding: TextEncoding | null;
  separator: string | null;
  sheets: string[];
  sheet: string | null;
  headerRow: number;
  headers: string[];
  layout: "google_contacts" | "outlook" | "eventbrite" | "b2match" | null;
  fingerprint: string;
  mapping: ImportMapping;
  mappingSaved: boolean;
  sample: string[][];
  rowCount: number;
}
export interface ImportRecord {
  firstName: string;
  lastName: string;
  nameReading: string;
  organisation: string;
  role: string;
  email: string;
  phone: string;
  country: string;
  city: string;
  language: string;
  website: string;
  notes: string;
  lawfulBasis: LawfulBasis | null;
  lawfulBasisOn: string | null;
  arrivesOn: string | null;
  departsOn: string | null;
}
export type ImportIssue =
  | "missing_name"
  | "missing_organisation"
  | "bad_email"
  | "bad_phone"
  | "bad_date"
  | "unknown_country"
  | "unknown_lawful_basis"
  | "too_long"
  | "extra_cells";
export interface RowProblem {
  issue: ImportIssue;
  column: string | null;
  value: string;
  rejects: boolean;
}
export interface ImportDuplicate {
  matchedBy: "email" | "phone" | "name";
  sure: boolean;
  existingId: string | null;
  existingName: string | null;
  sameAsRow: number | null;
  decision: ImportDecision;
}
export type ImportAction = "create" | "update" | "merge" | "skip" | "reject";
export interface PreviewRow {
  row: number;
  record: ImportRecord;
  action: ImportAction;
  problems: RowProblem[];
  duplicate: ImportDuplicate | null;
}
export interface ImportPreview {
  inspection: Inspection;
  counts: { rows: number; create: number; update: number; merge: number; skip: number; reject: number; warnings: number };
  rows: PreviewRow[];
}
export interface ImportSummary {
  batchId: string;
  fileName: string;
  kind: ImportKind;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  rejected: number;
  headers: string[];
  rejectedRows: { row: number; reason: string; cells: string[] }[];
}
export interface ImportBatch {
  id: string;
  fileName: string;
  kind: ImportKind;
  missionId: string | null;
  created: number;
  updated: number;
  skipped: number;
  rejected: number;
  undoneAt: string | null;
  createdAt: string;
}
export interface ImportProgress {
  done: number;
  total: number;
}

// ---------------------------------------------------------------- errors

export type ErrorCode =
  | "not_found"
  | "invalid"
  | "referenced"
  | "conflict"
  | "storage"
  | "io"
  | "schema_too_new"
  | "import"
  | "export"
  | "no_font"
  | "disk_full"
  | "read_only"
  | "busy"
  | "cannot_open"
  | "not_a_workspace"
  | "in_use"
  | "backup_damaged";

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
  /** Code `import`: the file's name, the row (1-based) when known, and the problem. */
  file?: string;
  row?: number;
  problem?: string;
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
    const file = str(o.file);
    const problem = str(o.problem);
    if (file) err.file = file;
    if (problem) err.problem = problem;
    if (typeof o.row === "number") err.row = o.row;
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

export const security = {
  status: () => call<SecurityStatus>("security_status"),
  unlock: (passphrase: string) => call<null>("security_unlock", { passphrase }),
  lock: () => call<null>("security_lock"),
  /** Sets (`current` null), changes, or removes (`next` null) the passphrase. */
  setPassphrase: (current: string | null, next: string | null) =>
    call<null>("security_set_passphrase", { current, new: next }),
  setLockAfter: (minutes: number) => call<number>("security_set_lock_after", { minutes }),
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
  listPersons: () => call<PersonSummary[]>("members_list_persons"),
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
  /** Adds a member to the delegation, or changes its status; returns the participation id. */
  setParticipation: (missionId: string, memberId: string, status: ParticipationStatus, notes?: string) =>
    call<string>(
      "missions_set_participation",
      notes === undefined ? { missionId, memberId, status } : { missionId, memberId, status, notes },
    ),
  removeParticipation: (id: string) => call<null>("missions_remove_participation", { id }),
  /** Adds a person to the delegation (their member joins as invited if needed), or updates them. */
  setDelegate: (missionId: string, personId: string, input: DelegateInput) =>
    call<Delegate>("missions_set_delegate", { missionId, personId, input }),
  removeDelegate: (id: string) => call<null>("missions_remove_delegate", { id }),
};

export const dashboard = {
  get: () => call<Dashboard>("dashboard_get"),
};

export const agenda = {
  get: (missionId: string) => call<Agenda>("agenda_get", { missionId }),
  /** Saves the mission's (or one delegate's) calendar; the path written, or null if cancelled. */
  exportIcs: (missionId: string, personId?: string) =>
    call<string | null>("agenda_export_ics", personId ? { missionId, personId } : { missionId }),
};

export const meetings = {
  get: (id: string) => call<Meeting>("meetings_get", { id }),
  create: (input: MeetingInput) => call<Meeting>("meetings_create", { input }),
  update: (id: string, input: MeetingInput) => call<Meeting>("meetings_update", { id, input }),
  setStatus: (id: string, status: MeetingStatus) => call<Meeting>("meetings_set_status", { id, status }),
  delete: (id: string) => call<null>("meetings_delete", { id }),
  /** The quick log, all or nothing; discards the draft `draftKey` when given. */
  log: (input: LogInput, draftKey?: string) =>
    call<Meeting>("meetings_log", draftKey ? { input, draftKey } : { input }),
};

export const followUps = {
  list: (filter: FollowUpFilter = {}) => call<FollowUpView[]>("follow_ups_list", { filter }),
  setDone: (id: string, done: boolean) => call<FollowUp>("follow_ups_set_done", { id, done }),
};

export const drafts = {
  get: (key: string) => call<Draft | null>("drafts_get", { key }),
  save: (key: string, body: string) => call<Draft>("drafts_save", { key, body }),
  discard: (key: string) => call<null>("drafts_discard", { key }),
};

export const exports = {
  columns: () => call<ExportColumns>("export_columns"),
  setColumns: (columns: ExportColumn[]) => call<ExportColumn[]>("export_set_columns", { columns }),
  count: (selection: ExportSelection) => call<number>("export_count", { selection }),
  /** Asks where to save and writes the list; null when cancelled. */
  contacts: (selection: ExportSelection, format: ExportFormat, options: ExportOptions) =>
    call<Written | null>("export_contacts", { selection, format, options }),
  /** Writes the mission's per-member pack into a chosen folder; the folder, or null. */
  pack: (missionId: string) => call<string | null>("export_pack", { missionId }),
};

export const report = {
  get: (missionId: string, language?: Language) =>
    call<Report>("report_get", language ? { missionId, language } : { missionId }),
  /** Asks where to save; the path written, or null when cancelled. */
  save: (missionId: string, format: ReportFormat, language?: Language) =>
    call<string | null>("report_save", language ? { missionId, format, language } : { missionId, format }),
};

export const imports = {
  pickFile: () => call<string | null>("import_pick_file"),
  inspect: (path: string, kind: ImportKind, read?: ReadOptions) =>
    call<Inspection>("import_inspect", read ? { path, kind, read } : { path, kind }),
  preview: (path: string, options: ImportOptions) => call<ImportPreview>("import_preview", { path, options }),
  /** Emits `import-progress` {done, total} while running. */
  commit: (path: string, options: ImportOptions) => call<ImportSummary>("import_commit", { path, options }),
  history: () => call<ImportBatch[]>("import_history"),
  undo: (batchId: string) => call<ImportBatch>("import_undo", { batchId }),
  saveRejected: (batchId: string) => call<string | null>("import_save_rejected", { batchId }),
};

// ---------------------------------------------------------------- personal data (GDPR)

export interface ConsentRecord {
  id: string;
  /** `recorded`: already there when Ponte began keeping the history. */
  event: "created" | "changed" | "recorded";
  lawfulBasis: LawfulBasis;
  source: string;
  lawfulBasisOn: string;
  changedAt: string;
}
/** What an erasure did; `id` is the erasure's reference, not the contact's. */
export interface ErasureReceipt {
  id: string;
  kind: "contact";
  erasedAt: string;
  meetings: number;
  followUps: number;
  mentions: number;
  consentRecords: number;
  importRecords: number;
  tags: number;
  drafts: number;
}
export interface RetentionItem {
  id: string;
  displayName: string;
  organisationName: string | null;
  email: string;
  lawfulBasis: LawfulBasis;
  lastMetAt: string | null;
  createdAt: string;
  confirmedAt: string | null;
}
export interface RetentionReview {
  months: number;
  items: RetentionItem[];
}
export type AccessFormat = "html" | "json";

export const privacy = {
  consentHistory: (contactId: string) => call<ConsentRecord[]>("privacy_consent_history", { contactId }),
  saveAccessRequest: (contactId: string, format: AccessFormat, language?: Language) =>
    call<string | null>("privacy_save_access_request", { contactId, format, language }),
  erase: (contactId: string) => call<ErasureReceipt>("privacy_erase", { contactId }),
  erasures: () => call<ErasureReceipt[]>("privacy_erasures"),
  retentionReview: (months?: number) => call<RetentionReview>("privacy_retention_review", { months }),
  setRetentionMonths: (months: number) => call<number>("privacy_set_retention_months", { months }),
  confirmRetention: (contactIds: string[]) => call<number>("privacy_confirm_retention", { contactIds }),
};

export const backups = {
  list: () => call<Backups>("backup_list"),
  now: () => call<BackupInfo>("backup_now"),
  /** `passphrase`: the backup's, when it is not the workspace's current one. */
  preview: (file: string, passphrase?: string) =>
    call<BackupPreview>("backup_preview", passphrase ? { file, passphrase } : { file }),
  /** Backs up the current state, then replaces the workspace; reload the UI afterwards. */
  restore: (file: string, passphrase?: string) =>
    call<Restored>("backup_restore", passphrase ? { file, passphrase } : { file }),
  setKeep: (keep: number) => call<number>("backup_set_keep", { keep }),
};
