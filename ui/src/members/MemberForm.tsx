import * as api from "../api";
import { MEMBER_KINDS, type Member, type MemberInput } from "../api";
import { useApp } from "../components/context";
import { FormSection, FormShell, SelectField, TextArea, TextField, useForm } from "../components/form";
import { trimStrings } from "../components/normalise";
import { FormHeader } from "../components/PageHeader";
import { LoadGate } from "../components/States";
import { useLoad } from "../components/useLoad";
import { memberKindLabel, t } from "../i18n";
import { navigate, routes } from "../router";

function emptyMember(): MemberInput {
  return { name: "", kind: "startup", city: "", region: "", website: "", email: "", phone: "", notes: "" };
}

function toInput(m: Member): MemberInput {
  return {
    name: m.name,
    kind: m.kind,
    city: m.city,
    region: m.region,
    website: m.website,
    email: m.email,
    phone: m.phone,
    notes: m.notes,
  };
}

export function MemberForm({ id }: { id?: string }) {
  if (!id) return <MemberFormBody initial={emptyMember()} />;
  return <MemberEdit id={id} />;
}

function MemberEdit({ id }: { id: string }) {
  const loaded = useLoad(() => api.members.get(id), [id]);
  return (
    <LoadGate loaded={loaded} backTo={routes.members()} section={t("nav.members")}>
      {(d) => <MemberFormBody id={id} initial={toInput(d.member)} />}
    </LoadGate>
  );
}

function MemberFormBody({ id, initial }: { id?: string; initial: MemberInput }) {
  const app = useApp();
  const form = useForm<MemberInput>(initial);

  const onSubmit = () =>
    form.submit(
      (values) => {
        const input = trimStrings(values, ["notes"]);
        return id ? api.members.update(id, input) : api.members.create(input);
      },
      (saved) => {
        navigate(routes.member(saved.id));
        app.notify("notice.saved");
      },
    );

  return (
    <div class="screen screen-form">
      <FormHeader
        section={t("nav.members")}
        sectionPath={routes.members()}
        title={id ? t("member.edit") : t("member.new")}
      />
      <FormShell
        form={form}
        onSubmit={onSubmit}
        onCancel={() => navigate(id ? routes.member(id) : routes.members())}
        testid="member-form"
      >
        <FormSection>
          <TextField form={form} name="name" label={t("field.name")} required wide />
          <SelectField
            form={form}
            name="kind"
            label={t("field.kind")}
            required
            options={MEMBER_KINDS.map((k) => ({ value: k, label: memberKindLabel(k) }))}
          />
          <TextField form={form} name="city" label={t("field.city")} />
          <TextField form={form} name="region" label={t("field.region")} />
          <TextField form={form} name="website" label={t("field.website")} type="url" placeholder="https://" spellcheck={false} />
          <TextField form={form} name="email" label={t("field.email")} type="email" spellcheck={false} />
          <TextField form={form} name="phone" label={t("field.phone")} type="tel" />
          <TextArea form={form} name="notes" label={t("field.notes")} rows={4} />
        </FormSection>
      </FormShell>
    </div>
  );
}
