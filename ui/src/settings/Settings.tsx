import * as api from "../api";
import type { AppError, Language, WorkspaceCounts } from "../api";
import { COMMON_TIME_ZONES } from "../components/choices";
import { useApp } from "../components/context";
import { Dl, DlRow, Panel } from "../components/DetailList";
import { DataList, FormShell, TextField, useForm } from "../components/form";
import { PageHeader } from "../components/PageHeader";
import { LoadError, Loading } from "../components/States";
import { SecurityPanel } from "../security/SecurityPanel";
import { useLoad } from "../components/useLoad";
import { BackupsPanel } from "./Backups";
import { formatNumber, formatTime, isValidTimeZone, t, zoneOffset, type Key } from "../i18n";
import { href, routes } from "../router";

const COUNT_LABELS: { key: keyof WorkspaceCounts; label: Key }[] = [
  { key: "members", label: "count.members" },
  { key: "persons", label: "count.persons" },
  { key: "missions", label: "count.missions" },
  { key: "organisations", label: "count.organisations" },
  { key: "contacts", label: "count.contacts" },
  { key: "meetings", label: "count.meetings" },
];

export function SettingsView() {
  const app = useApp();
  const info = useLoad(() => api.workspace.info());
  const erasures = useLoad(() => api.privacy.erasures());
  const form = useForm<{ homeTimeZone: string }>({ homeTimeZone: app.settings.homeTimeZone });
  const zone = form.values.homeTimeZone.trim();

  const onSubmit = () =>
    form.submit(
      async (values) => {
        const homeTimeZone = values.homeTimeZone.trim();
        if (!isValidTimeZone(homeTimeZone)) {
          const err: AppError = {
            code: "invalid",
            field: "homeTimeZone",
            reason: homeTimeZone ? "time_zone" : "required",
            message: "",
          };
          throw err;
        }
        return app.saveSettings({ language: app.lang, homeTimeZone });
      },
      (saved) => {
        form.set("homeTimeZone", saved.homeTimeZone);
        app.notify("notice.saved");
      },
    );

  const zoneHint = isValidTimeZone(zone)
    ? `${zoneOffset(zone)} · ${t("settings.zoneNow", { time: formatTime(new Date().toISOString(), zone) })}`
    : t("settings.homeTimeZoneHint");

  return (
    <div class="screen screen-narrow">
      <PageHeader title={t("settings.title")} />
      <Panel title={t("settings.preferences")}>
        <div class="settings-row">
          <div class="field">
            <label for="settings-language">{t("lang.label")}</label>
            <select
              id="settings-language"
              name="language"
              class="input select"
              value={app.lang}
              onChange={(e) => {
                app.setLanguage(e.currentTarget.value as Language);
                app.notify("notice.saved");
              }}
            >
              <option value="it" lang="it" selected={app.lang === "it"}>
                Italiano
              </option>
              <option value="en" lang="en" selected={app.lang === "en"}>
                English
              </option>
            </select>
          </div>
        </div>
        <FormShell
          form={form}
          onSubmit={onSubmit}
          onCancel={() => form.set("homeTimeZone", app.settings.homeTimeZone)}
          autoFocus={false}
          class="settings-form"
          testid="settings-form"
        >
          <div class="form-grid">
            <TextField
              form={form}
              name="homeTimeZone"
              label={t("field.homeTimeZone")}
              required
              list="settings-time-zones"
              hint={zoneHint}
              spellcheck={false}
              placeholder="Europe/Rome"
            />
            <p class="field-aside">{t("settings.homeTimeZoneHint")}</p>
          </div>
          <DataList id="settings-time-zones" values={COMMON_TIME_ZONES} />
        </FormShell>
      </Panel>

      <SecurityPanel />

      <Panel title={t("settings.privacy")} testid="settings-privacy">
        <p class="muted">{t("settings.privacyHint")}</p>
        <Dl>
          <DlRow label={t("settings.erasures")}>
            <span class="tabular">{erasures.data ? formatNumber(erasures.data.length) : ""}</span>
          </DlRow>
        </Dl>
        <p>
          <a class="btn" href={href(routes.retention())} data-testid="open-retention">
            {t("retention.open")}
          </a>
        </p>
      </Panel>

      <Panel title={t("settings.workspace")} testid="settings-workspace">
        {info.error && !info.data ? (
          <LoadError error={info.error} onRetry={info.reload} />
        ) : !info.data ? (
          <Loading />
        ) : (
          <Dl>
            <DlRow label={t("settings.path")} testid="workspace-path">
              <code class="path selectable">{info.data.path}</code>
            </DlRow>
            {COUNT_LABELS.map((c) => (
              <DlRow key={c.key} label={t(c.label)}>
                <span class="tabular">{formatNumber(info.data!.counts[c.key])}</span>
              </DlRow>
            ))}
          </Dl>
        )}
      </Panel>

      <BackupsPanel />
    </div>
  );
}
