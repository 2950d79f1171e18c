import * as api from "../api";
import { MISSION_STATUSES, type Mission, type MissionInput } from "../api";
import { COMMON_COUNTRIES, COMMON_TIME_ZONES } from "../components/choices";
import { useApp } from "../components/context";
import {
  CheckboxField,
  DataList,
  FormSection,
  FormShell,
  SelectField,
  TextArea,
  TextField,
  useForm,
} from "../components/form";
import { countryCode, trimStrings } from "../components/normalise";
import { FormHeader } from "../components/PageHeader";
import { LoadGate } from "../components/States";
import { useLoad } from "../components/useLoad";
import { countryName, missionStatusLabel, t, zoneOffset } from "../i18n";
import { navigate, routes } from "../router";

function emptyMission(): MissionInput {
  return {
    title: "",
    destination: "",
    country: "",
    timeZone: "",
    startsOn: "",
    endsOn: "",
    status: "planning",
    online: false,
    objectives: "",
    notes: "",
  };
}

function toInput(m: Mission): MissionInput {
  return {
    title: m.title,
    destination: m.destination,
    country: m.country,
    timeZone: m.timeZone,
    startsOn: m.startsOn,
    endsOn: m.endsOn,
    status: m.status,
    online: m.online,
    objectives: m.objectives,
    notes: m.notes,
  };
}

export function MissionForm({ id }: { id?: string }) {
  if (!id) return <MissionFormBody initial={emptyMission()} />;
  return <MissionEdit id={id} />;
}

function MissionEdit({ id }: { id: string }) {
  const loaded = useLoad(() => api.missions.get(id), [id]);
  return (
    <LoadGate loaded={loaded} backTo={routes.missions()} section={t("nav.missions")}>
      {(d) => <MissionFormBody id={id} initial={toInput(d.mission)} />}
    </LoadGate>
  );
}

function MissionFormBody({ id, initial }: { id?: string; initial: MissionInput }) {
  const app = useApp();
  const form = useForm<MissionInput>(initial);
  const v = form.values;

  const onSubmit = () =>
    form.submit(
      (values) => {
        const input = trimStrings({ ...values, country: countryCode(values.country) }, ["objectives", "notes"]);
        return id ? api.missions.update(id, input) : api.missions.create(input);
      },
      (saved) => {
        navigate(routes.mission(saved.id));
        app.notify("notice.saved");
      },
    );
  const onCancel = () => navigate(id ? routes.mission(id) : routes.missions());

  const offset = zoneOffset(v.timeZone);

  return (
    <div class="screen screen-form">
      <FormHeader
        section={t("nav.missions")}
        sectionPath={routes.missions()}
        title={id ? t("mission.edit") : t("mission.new")}
      />
      <FormShell form={form} onSubmit={onSubmit} onCancel={onCancel} testid="mission-form">
        <FormSection>
          <TextField form={form} name="title" label={t("field.title")} required wide maxLength={200} />
          <TextField form={form} name="destination" label={t("field.destination")} />
          <TextField
            form={form}
            name="country"
            label={t("field.country")}
            hint={v.country && countryName(v.country) !== v.country ? countryName(v.country) : t("field.countryHint")}
            list="mission-countries"
            maxLength={56}
          />
          <TextField
            form={form}
            name="timeZone"
            label={t("field.timeZone")}
            required
            list="mission-time-zones"
            placeholder="Asia/Tokyo"
            hint={offset ? `${v.timeZone} · ${offset}` : t("field.timeZoneHint")}
            spellcheck={false}
          />
          <SelectField
            form={form}
            name="status"
            label={t("field.status")}
            required
            options={MISSION_STATUSES.map((s) => ({ value: s, label: missionStatusLabel(s) }))}
          />
          <TextField
            form={form}
            name="startsOn"
            label={t("field.startsOn")}
            type="date"
            required
          />
          <TextField form={form} name="endsOn" label={t("field.endsOn")} type="date" required />
          <CheckboxField form={form} name="online" label={t("field.online")} wide />
          <TextArea form={form} name="objectives" label={t("field.objectives")} rows={4} />
          <TextArea form={form} name="notes" label={t("field.notes")} rows={3} />
        </FormSection>
        <DataList id="mission-time-zones" values={COMMON_TIME_ZONES} />
        <DataList id="mission-countries" values={COMMON_COUNTRIES} label={countryName} />
      </FormShell>
    </div>
  );
}
