// The export dialog: how many contacts, which format, the spreadsheet columns (ticked and
// ordered, remembered with export_set_columns), the CSV separator, one vCard per contact.
import { useEffect, useState } from "preact/hooks";
import * as api from "../api";
import type { AppError, ExportColumns, ExportFormat, ExportSelection, ExportSeparator, Written } from "../api";
import { EXPORT_FORMATS, toAppError } from "../api";
import { useApp } from "../components/context";
import { IconDownload } from "../components/Icons";
import { Modal } from "../components/Modal";
import { useLoad } from "../components/useLoad";
import { errorMessage, t, tDynamic, tn } from "../i18n";

/** Formats whose columns can be chosen. */
const SPREADSHEET: ExportFormat[] = ["csv", "csv-raw", "xlsx"];
const VCARD: ExportFormat[] = ["vcf", "vcf4"];

export const formatLabel = (f: ExportFormat) => tDynamic(`export.format.${f}`, f);

interface ColumnRow {
  key: string;
  checked: boolean;
}

function initialColumns(c: ExportColumns): ColumnRow[] {
  const known = new Set(c.available.map((a) => a.key));
  const chosen = c.chosen.filter((k) => known.has(k));
  const rest = c.available.map((a) => a.key).filter((k) => !chosen.includes(k));
  return [...chosen.map((key) => ({ key, checked: true })), ...rest.map((key) => ({ key, checked: false }))];
}

/** The folder of a file path (either separator). */
function folderOf(path: string): string {
  const i = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"));
  return i > 0 ? path.slice(0, i) : path;
}

/** Tells the user where an export went. */
export function notifyWritten(app: ReturnType<typeof useApp>, w: Written) {
  if (w.files.length === 1) app.notify("notice.exportedContacts", { n: w.contacts, path: w.files[0] });
  else if (w.files.length > 1)
    app.notify("notice.exportedFiles", { n: w.contacts, count: w.files.length, path: folderOf(w.files[0]) });
}

export function ExportDialog({ selection, onClose }: { selection: ExportSelection; onClose: () => void }) {
  const app = useApp();
  const count = useLoad(() => api.exports.count(selection), []);
  const columns = useLoad(() => api.exports.columns(), []);
  const [format, setFormat] = useState<ExportFormat>("xlsx");
  const [rows, setRows] = useState<ColumnRow[] | null>(null);
  const [separator, setSeparator] = useState<ExportSeparator>(app.lang === "it" ? ";" : ",");
  const [onePerContact, setOnePerContact] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<AppError | "noColumns" | null>(null);

  useEffect(() => {
    if (columns.data && rows === null) setRows(initialColumns(columns.data));
  }, [columns.data]);

  const labelOf = (key: string) => {
    const a = columns.data?.available.find((c) => c.key === key);
    if (!a) return key;
    return app.lang === "it" ? a.labelIt : a.labelEn;
  };

  const move = (i: number, by: -1 | 1) => {
    if (!rows) return;
    const j = i + by;
    if (j < 0 || j >= rows.length) return;
    const next = rows.slice();
    [next[i], next[j]] = [next[j], next[i]];
    setRows(next);
    // Keep the focus on the same arrow of the moved column.
    requestAnimationFrame(() => {
      const dir = by < 0 ? "up" : "down";
      document
        .querySelector<HTMLElement>(`[data-testid="export-column"][data-key="${CSS.escape(next[j].key)}"] [data-move="${dir}"]`)
        ?.focus();
    });
  };

  const spreadsheet = SPREADSHEET.includes(format);
  const vcard = VCARD.includes(format);

  const run = async () => {
    if (busy) return;
    setProblem(null);
    app.clearError();
    let chosen: string[] | null = null;
    if (spreadsheet) {
      chosen = (rows ?? []).filter((r) => r.checked).map((r) => r.key);
      if (rows && chosen.length === 0) {
        setProblem("noColumns");
        return;
      }
      if (!rows) chosen = null;
    }
    setBusy(true);
    try {
      if (chosen) await api.exports.setColumns(chosen);
      const written = await api.exports.contacts(selection, format, {
        columns: chosen,
        separator: format === "csv" ? separator : null,
        oneFilePerContact: vcard && onePerContact,
      });
      setBusy(false);
      if (written) {
        notifyWritten(app, written);
        onClose();
      }
    } catch (e) {
      setBusy(false);
      setProblem(toAppError(e));
    }
  };

  return (
    <Modal
      title={t("export.title")}
      onClose={() => {
        if (!busy) onClose();
      }}
      testid="export-dialog"
      class="modal-wide"
      actions={
        <>
          <button type="button" class="btn" data-testid="cancel" onClick={onClose} disabled={busy}>
            {t("action.cancel")}
          </button>
          <button
            type="button"
            class="btn btn-primary"
            data-testid="export-run"
            onClick={run}
            disabled={busy || count.data === 0}
          >
            <IconDownload />
            {busy ? t("export.running") : t("export.run")}
          </button>
        </>
      }
    >
      <form
        class="export-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          run();
        }}
      >
        <p class="export-count" data-testid="export-count" aria-live="polite">
          {count.data !== undefined
            ? tn("export.count", count.data)
            : count.error
              ? errorMessage(count.error)
              : t("export.counting")}
        </p>

        <fieldset class="form-section export-formats">
          <legend>{t("export.format")}</legend>
          {EXPORT_FORMATS.map((f) => (
            <div class="check-row" key={f}>
              <input
                type="radio"
                class="radio"
                id={`export-format-${f}`}
                name="format"
                value={f}
                checked={format === f}
                data-autofocus={format === f ? "" : undefined}
                onChange={() => setFormat(f)}
                aria-describedby={f === "csv-raw" ? "export-format-raw-hint" : undefined}
              />
              <label for={`export-format-${f}`}>{formatLabel(f)}</label>
            </div>
          ))}
          {format === "csv-raw" && (
            <p class="field-hint" id="export-format-raw-hint" data-testid="export-raw-hint">
              {t("export.formatHint.csv-raw")}
            </p>
          )}
        </fieldset>

        {format === "csv" && (
          <fieldset class="form-section">
            <legend>{t("export.separator")}</legend>
            {([";", ","] as ExportSeparator[]).map((s) => (
              <div class="check-row" key={s}>
                <input
                  type="radio"
                  class="radio"
                  id={`export-sep-${s === ";" ? "semicolon" : "comma"}`}
                  name="separator"
                  value={s}
                  checked={separator === s}
                  onChange={() => setSeparator(s)}
                />
                <label for={`export-sep-${s === ";" ? "semicolon" : "comma"}`}>
                  {s === ";" ? t("export.separator.semicolon") : t("export.separator.comma")}
                </label>
              </div>
            ))}
          </fieldset>
        )}

        {vcard && (
          <div class="check-row">
            <input
              type="checkbox"
              class="checkbox"
              id="export-one-file"
              name="oneFilePerContact"
              checked={onePerContact}
              onChange={(e) => setOnePerContact(e.currentTarget.checked)}
            />
            <label for="export-one-file">{t("export.oneFilePerContact")}</label>
          </div>
        )}

        {spreadsheet && (
          <fieldset class="form-section export-columns" data-testid="export-columns">
            <legend>{t("export.columns")}</legend>
            <p class="field-hint">{t("export.columnsHint")}</p>
            {rows === null ? (
              columns.error ? (
                <p class="field-error">{errorMessage(columns.error)}</p>
              ) : (
                <p class="muted">{t("common.loading")}</p>
              )
            ) : (
              <ol class="column-list">
                {rows.map((r, i) => {
                  const label = labelOf(r.key);
                  const id = `export-col-${r.key}`;
                  return (
                    <li key={r.key} class="column-item" data-testid="export-column" data-key={r.key}>
                      <input
                        type="checkbox"
                        class="checkbox"
                        id={id}
                        name="columns"
                        value={r.key}
                        checked={r.checked}
                        onChange={(e) => {
                          const checked = e.currentTarget.checked;
                          setRows(rows.map((x) => (x.key === r.key ? { ...x, checked } : x)));
                          if (problem === "noColumns") setProblem(null);
                        }}
                      />
                      <label for={id}>{label}</label>
                      <span class="column-move">
                        <button
                          type="button"
                          class="icon-btn"
                          data-move="up"
                          aria-label={t("export.moveUp", { name: label })}
                          title={t("export.moveUp", { name: label })}
                          disabled={i === 0}
                          onClick={() => move(i, -1)}
                        >
                          ↑
                        </button>
                        <button
                          type="button"
                          class="icon-btn"
                          data-move="down"
                          aria-label={t("export.moveDown", { name: label })}
                          title={t("export.moveDown", { name: label })}
                          disabled={i === rows.length - 1}
                          onClick={() => move(i, 1)}
                        >
                          ↓
                        </button>
                      </span>
                    </li>
                  );
                })}
              </ol>
            )}
          </fieldset>
        )}

        {problem && (
          <p class="field-error" role="alert" data-testid="export-error">
            {problem === "noColumns" ? t("export.noColumns") : errorMessage(problem)}
          </p>
        )}
      </form>
    </Modal>
  );
}

/** A button that opens the export dialog for `selection` (computed when clicked). */
export function ExportButton({
  selection,
  testid,
  label,
}: {
  selection: () => ExportSelection;
  testid: string;
  label?: string;
}) {
  const [open, setOpen] = useState<ExportSelection | null>(null);
  return (
    <>
      <button type="button" class="btn" data-testid={testid} onClick={() => setOpen(selection())}>
        <IconDownload />
        {label ?? t("action.export")}
      </button>
      {open && <ExportDialog selection={open} onClose={() => setOpen(null)} />}
    </>
  );
}
