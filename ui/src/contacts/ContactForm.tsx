import * as api from "../api";
import { LAWFUL_BASES, type Contact, type ContactInput, type OrganisationSummary } from "../api";
import { COMMON_COUNTRIES, COMMON_LANGUAGES } from "../components/choices";
import { useApp } from "../components/context";
import { DataList, FormSection, FormShell, SelectField, TextArea, TextField, useForm } from "../components/form";
import { countryCode, trimStrings } from "../components/normalise";
import { FormHeader } from "../components/PageHeader";
import { LoadGate } from "../components/States";
import { useLoad } from "../components/useLoad";
import { compareText, countryName, languageName, lawfulBasisLabel, t, todayYmd } from "../i18n";
import { navigate, routes } from "../router";

/** The form's values: like ContactInput, with "" standing for "no organisation". */
type ContactValues = Omit<ContactInput, "organisationId"> & { organisationId: string };

function emptyContact(organisationId?: string): ContactValues {
  return {
    organisationId: organisationId ?? "",
    firstName: "",
    lastName: "",
    nameReading: "",
    role: "",
    email: "",
    phone: "",
    country: "",
    language: "",
    city: "",
    notes: "",
    source: "",
    lawfulBasis: "legitimate_interest",
    lawfulBasisOn: todayYmd(),
  };
}

function toValues(c: Contact): ContactValues {
  return {
    organisationId: c.organisationId ?? "",
    firstName: c.firstName,
    lastName: c.lastName,
    nameReading: c.nameReading,
    role: c.role,
    email: c.email,
    phone: c.phone,
    country: c.country,
    language: c.language,
    city: c.city,
    notes: c.notes,
    source: c.source,
    lawfulBasis: c.lawfulBasis,
    lawfulBasisOn: c.lawfulBasisOn || todayYmd(),
  };
}

export function ContactForm({ id, organisationId }: { id?: string; organisationId?: string }) {
  const loaded = useLoad(async () => {
    const [organisations, contact] = await Promise.all([
      api.organisations.list(),
      id ? api.contacts.get(id).then((d) => d.contact) : Promise.resolve(null),
    ]);
    return { organisations, contact };
  }, [id]);
  return (
    <LoadGate loaded={loaded} backTo={routes.contacts()} section={t("nav.contacts")}>
      {({ organisations, contact }) => (
        <ContactFormBody
          id={id}
          organisations={organisations}
          initial={contact ? toValues(contact) : emptyContact(organisationId)}
          backTo={
            id ? routes.contact(id) : organisationId ? routes.organisation(organisationId) : routes.contacts()
          }
        />
      )}
    </LoadGate>
  );
}

function ContactFormBody({
  id,
  initial,
  organisations,
  backTo,
}: {
  id?: string;
  initial: ContactValues;
  organisations: OrganisationSummary[];
  backTo: string;
}) {
  const app = useApp();
  const form = useForm<ContactValues>(initial);
  const v = form.values;

  const orgOptions = [...organisations]
    .sort((a, b) => compareText(a.name, b.name))
    .map((o) => ({ value: o.id, label: o.name }));
  // Keep a current organisation that is not in the list (should not happen, but never lose it).
  if (v.organisationId && !orgOptions.some((o) => o.value === v.organisationId)) {
    orgOptions.unshift({ value: v.organisationId, label: v.organisationId });
  }

  const onSubmit = () =>
    form.submit(
      (values) => {
        const cleaned = trimStrings(
          { ...values, country: countryCode(values.country) },
          ["notes"],
        );
        const input: ContactInput = { ...cleaned, organisationId: cleaned.organisationId || null };
        return id ? api.contacts.update(id, input) : api.contacts.create(input);
      },
      (saved) => {
        navigate(routes.contact(saved.id));
        app.notify("notice.saved");
      },
    );

  return (
    <div class="screen screen-form">
      <FormHeader
        section={t("nav.contacts")}
        sectionPath={routes.contacts()}
        title={id ? t("contact.edit") : t("contact.new")}
      />
      <FormShell form={form} onSubmit={onSubmit} onCancel={() => navigate(backTo)} testid="contact-form">
        <FormSection title={t("contact.profile")}>
          <TextField form={form} name="firstName" label={t("field.firstName")} required autoComplete="off" />
          <TextField form={form} name="lastName" label={t("field.lastName")} required autoComplete="off" />
          <TextField
            form={form}
            name="nameReading"
            label={t("field.nameReading")}
            hint={t("field.nameReadingHint")}
            wide
          />
          <SelectField
            form={form}
            name="organisationId"
            label={t("field.organisationId")}
            options={[{ value: "", label: t("common.none") }, ...orgOptions]}
          />
          <TextField form={form} name="role" label={t("field.role")} />
          <TextField form={form} name="email" label={t("field.email")} type="email" spellcheck={false} />
          <TextField form={form} name="phone" label={t("field.phone")} type="tel" />
          <TextField
            form={form}
            name="country"
            label={t("field.country")}
            list="contact-countries"
            hint={v.country && countryName(v.country) !== v.country ? countryName(v.country) : t("field.countryHint")}
          />
          <TextField form={form} name="city" label={t("field.city")} />
          <TextField
            form={form}
            name="language"
            label={t("field.language")}
            list="contact-languages"
            hint={v.language && languageName(v.language) !== v.language ? languageName(v.language) : t("field.languageHint")}
            spellcheck={false}
          />
          <TextField form={form} name="source" label={t("field.source")} hint={t("field.sourceHint")} />
        </FormSection>
        <FormSection title={t("contact.privacy")}>
          <SelectField
            form={form}
            name="lawfulBasis"
            label={t("field.lawfulBasis")}
            required
            options={LAWFUL_BASES.map((b) => ({ value: b, label: lawfulBasisLabel(b) }))}
          />
          <TextField form={form} name="lawfulBasisOn" label={t("field.lawfulBasisOn")} type="date" required />
          <TextArea form={form} name="notes" label={t("field.notes")} rows={4} />
        </FormSection>
        <DataList id="contact-countries" values={COMMON_COUNTRIES} label={countryName} />
        <DataList id="contact-languages" values={COMMON_LANGUAGES} label={languageName} />
      </FormShell>
    </div>
  );
}
