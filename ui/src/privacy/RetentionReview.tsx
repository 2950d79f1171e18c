// The retention review (GDPR): contacts nobody has met for the retention period, to keep or erase.
// The period is a workspace setting, editable here. Text from the database is rendered as text.
import { useState } from "preact/hooks";
import * as api from "../api";
import type { RetentionItem } from "../api";
import { useApp } from "../components/context";
import { Panel } from "../components/DetailList";
import { IconCheck, IconTrash } from "../components/Icons";
import { useConfirmDelete } from "../components/Modal";
import { DetailHeader } from "../components/PageHeader";
import { Empty, LoadGate } from "../components/States";
import { useLoad } from "../components/useLoad";
import { fieldLabel, formatDate, t } from "../i18n";
import { href, routes } from "../router";

export function RetentionReviewView() {
  const app = useApp();
  const [months, setMonths] = useState<number | undefined>(undefined);
  const loaded = useLoad(() => api.privacy.retentionReview(months), [months, app.dataVersion]);
  const [typed, setTyped] = useState("");
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const erase = useConfirmDelete();

  const applyMonths = (e: Event) => {
    e.preventDefault();
    const n = Number(typed);
    app.clearError();
    api.privacy.setRetentionMonths(Number.isInteger(n) ? n : 0).then(
      (saved) => {
        setMonths(saved);
        app.notify("notice.saved");
      },
      app.showError,
    );
  };

  const keep = (ids: string[]) => {
    if (busy || ids.length === 0) return;
    setBusy(true);
    app.clearError();
    api.privacy.confirmRetention(ids).then(
      () => {
        setBusy(false);
        setSelected(new Set());
        app.notify("notice.retentionConfirmed");
        loaded.reload();
      },
      (e: unknown) => {
        setBusy(false);
        app.showError(e);
      },
    );
  };

  const askErase = (item: RetentionItem) =>
    erase.ask({
      name: item.displayName,
      title: t("privacy.eraseTitle", { name: item.displayName }),
      body: t("privacy.eraseBody", { name: item.displayName }),
      confirmLabel: t("privacy.eraseConfirm"),
      busyLabel: t("privacy.erasing"),
      doneNotice: "notice.erased",
      run: () => api.privacy.erase(item.id),
      onDone: () => loaded.reload(),
    });

  const toggle = (id: string) =>
    setSelected((cur) => {
      const next = new Set(cur);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <div class="screen" data-testid="retention-review">
      <DetailHeader section={t("nav.settings")} sectionPath={routes.settings()} title={t("retention.title")} />
      <LoadGate loaded={loaded} backTo={routes.settings()} section={t("nav.settings")}>
        {(review) => (
          <>
            <Panel title={fieldLabel("retentionMonths")}>
              <form class="settings-row" onSubmit={applyMonths} data-testid="retention-months-form">
                <div class="field">
                  <label for="retention-months">{fieldLabel("retentionMonths")}</label>
                  <input
                    id="retention-months"
                    name="retentionMonths"
                    class="input"
                    type="number"
                    min={1}
                    max={120}
                    step={1}
                    value={typed || String(review.months)}
                    onInput={(e) => setTyped(e.currentTarget.value)}
                  />
                </div>
                <button type="submit" class="btn">
                  {t("retention.apply")}
                </button>
              </form>
              <p class="muted">{t("retention.intro", { months: review.months })}</p>
            </Panel>
            <Panel
              title={t("retention.title")}
              count={review.items.length}
              testid="retention-list"
              actions={
                review.items.length > 0 ? (
                  <button
                    type="button"
                    class="btn btn-small"
                    data-testid="retention-keep-selected"
                    disabled={busy || selected.size === 0}
                    onClick={() => keep([...selected])}
                  >
                    <IconCheck />
                    {t("retention.keepSelected", { n: selected.size })}
                  </button>
                ) : undefined
              }
            >
              {review.items.length === 0 ? (
                <Empty>{t("retention.empty")}</Empty>
              ) : (
                <div class="table-wrap table-wrap-inner">
                  <table class="table table-compact">
                    <thead>
                      <tr>
                        <th scope="col">
                          <input
                            type="checkbox"
                            aria-label={t("retention.selectAll")}
                            checked={selected.size === review.items.length}
                            onChange={(e) =>
                              setSelected(e.currentTarget.checked ? new Set(review.items.map((i) => i.id)) : new Set())
                            }
                          />
                        </th>
                        <th scope="col">{t("retention.col.contact")}</th>
                        <th scope="col">{t("retention.col.organisation")}</th>
                        <th scope="col">{t("retention.col.since")}</th>
                        <th scope="col" class="actions-col">
                          <span class="sr-only">{t("col.actions")}</span>
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {review.items.map((item) => (
                        <tr key={item.id} data-testid="retention-row">
                          <td>
                            <input
                              type="checkbox"
                              aria-label={t("retention.select", { name: item.displayName })}
                              checked={selected.has(item.id)}
                              onChange={() => toggle(item.id)}
                            />
                          </td>
                          <td>
                            <a href={href(routes.contact(item.id))}>{item.displayName}</a>
                          </td>
                          <td>{item.organisationName ?? ""}</td>
                          <td class="tabular">
                            {item.lastMetAt
                              ? formatDate(item.lastMetAt.slice(0, 10))
                              : t("retention.added", { date: formatDate(item.createdAt.slice(0, 10)) })}
                          </td>
                          <td class="actions-col">
                            <button
                              type="button"
                              class="btn btn-small"
                              data-testid="retention-keep"
                              aria-label={t("retention.keepLabel", { name: item.displayName })}
                              disabled={busy}
                              onClick={() => keep([item.id])}
                            >
                              <IconCheck />
                              {t("retention.keep")}
                            </button>
                            <button
                              type="button"
                              class="btn btn-small btn-danger-ghost"
                              data-testid="retention-erase"
                              aria-label={t("retention.eraseLabel", { name: item.displayName })}
                              onClick={() => askErase(item)}
                            >
                              <IconTrash />
                              {t("retention.erase")}
                            </button>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </Panel>
          </>
        )}
      </LoadGate>
      {erase.modal}
    </div>
  );
}
