// Editing a meeting on its own page (#/meetings/<id>/edit).
import * as api from "../api";
import type { MissionSummary } from "../api";
import { useApp } from "../components/context";
import { FormHeader } from "../components/PageHeader";
import { LoadGate } from "../components/States";
import { useLoad } from "../components/useLoad";
import { isValidTimeZone, t } from "../i18n";
import { navigate, routes } from "../router";
import { MeetingForm } from "./MeetingForm";

export function MeetingEdit({ id }: { id: string }) {
  const app = useApp();
  const loaded = useLoad(async () => {
    const meeting = await api.meetings.get(id);
    const [missions, mission] = await Promise.all([
      api.missions.list().catch((): MissionSummary[] => []),
      meeting.missionId ? api.missions.get(meeting.missionId).catch(() => null) : Promise.resolve(null),
    ]);
    return { meeting, missions, mission };
  }, [id]);
  return (
    <div class="screen screen-form">
      <LoadGate loaded={loaded} backTo={routes.dashboard()} section={t("nav.dashboard")}>
        {({ meeting, missions, mission }) => (
          <>
            <FormHeader
              section={meeting.title}
              sectionPath={routes.meeting(id)}
              title={t("meeting.edit")}
            />
            <MeetingForm
              page
              meeting={meeting}
              zone={isValidTimeZone(meeting.timeZone) ? meeting.timeZone : app.settings.homeTimeZone}
              delegates={mission?.delegates ?? null}
              missions={missions}
              onDone={(saved) => navigate(routes.meeting(saved.id))}
              onCancel={() => navigate(routes.meeting(id))}
            />
          </>
        )}
      </LoadGate>
    </div>
  );
}
