import * as api from "../api";
import { ORGANISATION_KINDS, type Organisation, type OrganisationInput } from "../api";
import { COMMON_COUNTRIES } from "../components/choices";
import { useApp } from "../components/context";
import { DataList, FormSection, FormShell, SelectField, TextArea, TextField, useForm } from "../components/form";
import { countryCode, trimStrings } from "../components/normalise";
import { FormHeader } from "../components/PageHeader";
import { LoadGate } from "../components/States";
import { useLoad } from "../components/useLoad";
import { countryName, organisationKindLabel, t } from "../i18n";
import { navigate, routes } from "../router";

function emptyOrganisation(): OrganisationInput {
  return { name: "", kind: "university", country: "", city: "", website: "", notes: "" };
}

function toInput(o: Organisation): OrganisationInput {
  return { name: o.name, kind: o.kind, country: o.country, city: o.city, website: o.website, notes: o.notes };
}

export function OrganisationForm({ id }: { id?: string }) {
  if (!id) return <OrganisationFormBody initial={emptyOrganisation()} />;
  return <OrganisationEdit id={id} />;
}

function OrganisationEdit({ id }: { id: string }) {
  const loaded = useLoad(() => api.organisations.get(id), [id]);
  return (
    <LoadGate loaded={loaded} backTo={routes.organisations()} section={t("nav.organisations")}>
      {(d) => <OrganisationFormBody id={id} initial={toInput(d.organisation)} />}
    </LoadGate>
  );
}

function OrganisationFormBody({ id, initial }: { id?: string; initial: OrganisationInput }) {
  const app = useApp();
  const form = useForm<OrganisationInput>(initial);
  const v = form.values;

  const onSubmit = () =>
    form.submit(
      (values) => {
        const input = trimStrings({ ...values, country: countryCode(values.country) }, ["notes"]);
        return id ? api.organisations.update(id, input) : api.organisations.create(input);
      },
      (saved) => {
        navigate(routes.organisation(saved.id));
        app.notify("notice.saved");
      },
    );

  return (
    <div class="screen screen-form">
      <FormHeader
        section={t("nav.organisations")}
        sectionPath={routes.organisations()}
        title={id ? t("organisation.edit") : t("organisation.new")}
      />
      <FormShell
        form={form}
        onSubmit={onSubmit}
        onCancel={() => navigate(id ? routes.organisation(id) : routes.organisations())}
        testid="organisation-form"
      >
        <FormSection>
          <TextField form={form} name="name" label={t("field.name")} required wide />
          <SelectField
            form={form}
            name="kind"
            label={t("field.kind")}
            required
            options={ORGANISATION_KINDS.map((k) => ({ value: k, label: organisationKindLabel(k) }))}
          />
          <TextField
            form={form}
            name="country"
            label={t("field.country")}
            list="organisation-countries"
            maxLength={2}
            hint={v.country && countryName(v.country) !== v.country ? countryName(v.country) : t("field.countryHint")}
          />
          <TextField form={form} name="city" label={t("field.city")} />
          <TextField
            form={form}
            name="website"
            label={t("field.website")}
            type="url"
            placeholder="https://"
            spellcheck={false}
          />
          <TextArea form={form} name="notes" label={t("field.notes")} rows={4} />
        </FormSection>
        <DataList id="organisation-countries" values={COMMON_COUNTRIES} label={countryName} />
      </FormShell>
    </div>
  );
}
