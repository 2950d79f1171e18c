// Coloured labels for statuses and kinds.
import type {
  AgreementKind,
  Interest,
  MeetingStatus,
  MissionStatus,
  ParticipationStatus,
} from "../api";
import {
  agreementKindLabel,
  interestLabel,
  meetingStatusLabel,
  missionStatusLabel,
  participationStatusLabel,
  t,
} from "../i18n";

type Tone = "neutral" | "accent" | "positive" | "warning" | "muted" | "danger";

export function Badge({ tone = "neutral", children }: { tone?: Tone; children: string }) {
  return <span class={`badge badge-${tone}`}>{children}</span>;
}

const missionTone: Record<MissionStatus, Tone> = { planning: "warning", active: "accent", closed: "muted" };
export const MissionStatusBadge = ({ status }: { status: MissionStatus }) => (
  <Badge tone={missionTone[status] ?? "neutral"}>{missionStatusLabel(status)}</Badge>
);

const participationTone: Record<ParticipationStatus, Tone> = {
  invited: "warning",
  confirmed: "positive",
  withdrawn: "muted",
};
export const ParticipationBadge = ({ status }: { status: ParticipationStatus }) => (
  <Badge tone={participationTone[status] ?? "neutral"}>{participationStatusLabel(status)}</Badge>
);

const meetingTone: Record<MeetingStatus, Tone> = { planned: "neutral", held: "positive", cancelled: "danger" };
export const MeetingStatusBadge = ({ status }: { status: MeetingStatus }) => (
  <Badge tone={meetingTone[status] ?? "neutral"}>{meetingStatusLabel(status)}</Badge>
);

const interestTone: Record<Interest, Tone> = { hot: "danger", warm: "warning", cold: "muted" };
export const InterestBadge = ({ interest }: { interest: Interest }) => (
  <Badge tone={interestTone[interest] ?? "neutral"}>{interestLabel(interest)}</Badge>
);

/** "Agreement started · Pilot" on a meeting that started one. */
export const AgreementBadge = ({ kind }: { kind: AgreementKind | null }) => (
  <Badge tone="accent">{kind ? `${t("report.agreementStarted")} · ${agreementKindLabel(kind)}` : t("report.agreementStarted")}</Badge>
);
