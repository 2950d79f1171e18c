// The import wizard (`#/import?kind=participants&mission=<id>`): choose a file and what it holds,
// check how it was read and map its columns, preview the rows as they will be stored (problems,
// duplicates with a decision each), import with a progress bar, then the summary. Below: the
// history of imports, each undoable. The core re-reads the file at every step; the UI keeps the
// options only.
import type { ComponentChildren } from "preact";
import { useRef, useState } from "preact/hooks";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import * as api from "../api";
import type {
  ImportBatch,
  ImportDecision,
  ImportField,
  ImportKind,
  ImportMapping,
  ImportOptions,
  ImportPreview,
  ImportProgress,
  ImportSummary,
  Inspection,
  PreviewRow,
  ReadOptions,
  TextEncoding,
} from "../api";
import { IMPORT_DECISIONS, IMPORT_FIELDS, IMPORT_KINDS, TEXT_ENCODINGS } from "../api";
import { Badge } from "../components/Badge";
import { useApp } from "../components/context";
import { Dl, DlRow, Panel } from "../components/DetailList";
import { IconCheck, IconDownload, IconUndo, IconUpload } from "../components/Icons";
import { useConfirmDelete } from "../components/Modal";
import { PageHeader } from "../components/PageHeader";
import { Empty, LoadError, Loading } from "../components/States";
import { dash } from "../components/Table";
import { useLoad } from "../components/useLoad";
import { formatNumber, formatTimestamp, t, tDynamic } from "../i18n";
import { parseHash } from "../router";

type Step = "file" | "mapping" | "preview" | "done";
const STEPS: { id: Step; label: "import.step.file" | "import.step.mapping" | "import.step.preview" | "import.step.done" }[] =
  [
    { id: "file", label: "import.step.file" },
    { id: "mapping", label: "import.step.mapping" },
    { id: "preview", label: "import.step.preview" },
    { id: "done", label: "import.step.done" },
  ];

const SEPARATORS: { value: string; label: "import.separator.comma" | "import.separator.semicolon" | "import.separator.tab" | "import.separator.pipe" }[] =
  [
    { value: ",", label: "import.separator.comma" },
    { value: ";", label: "import.separator.semicolon" },
    { value: "\t", label: "import.separator.tab" },
    { value: "|", label: "import.separator.pipe" },
  ];

const kindLabel = (k: ImportKind) => tDynamic(`import.kind.${k}`, k);
const kindShort = (k: ImportKind) => tDynamic(`import.kindShort.${k}`, k);
const fieldLabel = (f: ImportField) => tDynamic(`import.field.${f}`, f);
const encodingLabel = (e: TextEncoding) => tDynamic(`import.encoding.${e}`, e);
const decisionLabel = (d: ImportDecision) => tDynamic(`import.decision.${d}`, d);

/** The fields offered for a kind (plus whatever is already chosen). */
function fieldsFor(kind: ImportKind, current: ImportField | null): ImportField[] {
  return IMPORT_FIELDS.filter((f) => {
    if (f === current) return true;
    if ((f === "arrivesOn" || f === "departsOn") && kind !== "participants") return false;
    if ((f === "lawfulBasis" || f === "lawfulBasisOn") && kind !== "contacts") return false;
    return true;
  });
}

function separatorLabel(sep: string | null): string {
  const s = SEPARATORS.find((x) => x.value === sep);
  return s ? t(s.label) : (sep ?? "—");
}

function isKind(v: string | null): v is ImportKind {
  return v !== null && (IMPORT_KINDS as string[]).includes(v);
}

export function ImportWizard() {
  const app = useApp();
  const [initial] = useState(() => parseHash().query);
  const [step, setStep] = useState<Step>("file");
  const [path, setPath] = useState<string | null>(null);
  const [kind, setKind] = useState<ImportKind>(() => {
    const k = initial.get("kind");
    return isKind(k) ? k : "contacts";
  });
  const [missionId, setMissionId] = useState<string>(() => initial.get("mission") ?? "");
  const [missionProblem, setMissionProblem] = useState(false);
  const [read, setRead] = useState<ReadOptions>({});
  const [inspection, setInspection] = useState<Inspection | null>(null);
  const [mapping, setMapping] = useState<ImportMapping | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [decisions, setDecisions] = useState<Record<number, ImportDecision>>({});
  const [busy, setBusy] = useState<"pick" | "inspect" | "preview" | "commit" | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [savingRejected, setSavingRejected] = useState(false);
  const missions = useLoad(() => api.missions.list(), []);
  const history = useLoad(() => api.imports.history(), [app.dataVersion]);
  const undo = useConfirmDelete();
  const stepRefs = useRef<Record<Step, HTMLElement | null>>({ file: null, mapping: null, preview: null, done: null });

  // Focus the heading of a step when it is reached.
  const focusStep = (s: Step) =>
    requestAnimationFrame(() => {
      const el = stepRefs.current[s];
      el?.scrollIntoView({ block: "start" });
      el?.focus({ preventScroll: true });
    });

  const checkMission = (): boolean => {
    if (kind === "participants" && !missionId) {
      setMissionProblem(true);
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[name="missionId"]')?.focus());
      return false;
    }
    return true;
  };

  const inspect = async (p: string, k: ImportKind, r: ReadOptions, keepMapping = true) => {
    setBusy("inspect");
    app.clearError();
    try {
      const ins = await api.imports.inspect(p, k, r);
      setInspection(ins);
      // Re-reading the same file (another separator, sheet…): keep the choices made for its headers.
      const previous = keepMapping ? mapping : null;
      setMapping(
        previous
          ? {
              columns: ins.mapping.columns.map((c) => {
                const before = previous.columns.find((x) => x.header === c.header);
                return before ? { header: c.header, field: before.field } : c;
              }),
            }
          : ins.mapping,
      );
      setPreview(null);
      setDecisions({});
      setSummary(null);
      setBusy(null);
      setStep("mapping");
      if (step === "file") focusStep("mapping");
    } catch (e) {
      setBusy(null);
      app.showError(e);
    }
  };

  const pick = async () => {
    if (busy) return;
    setBusy("pick");
    app.clearError();
    try {
      const p = await api.imports.pickFile();
      setBusy(null);
      if (!p) return;
      setPath(p);
      setRead({});
      setInspection(null);
      setMapping(null);
      setPreview(null);
      setSummary(null);
      setStep("file");
      await inspect(p, kind, {}, false);
    } catch (e) {
      setBusy(null);
      app.showError(e);
    }
  };

  const changeKind = (k: ImportKind) => {
    setKind(k);
    setMissionProblem(false);
    // The saved mapping depends on the kind: take the new suggestion.
    if (path && inspection && !busy) void inspect(path, k, read, false);
  };

  const changeRead = (r: ReadOptions) => {
    setRead(r);
    if (path) void inspect(path, kind, r);
  };

  const options = (d: Record<number, ImportDecision> = decisions): ImportOptions => ({
    kind,
    missionId: kind === "participants" ? missionId || null : null,
    read,
    mapping,
    decisions: Object.entries(d).map(([row, decision]) => ({ row: Number(row), decision })),
  });

  const runPreview = async (d: Record<number, ImportDecision> = decisions) => {
    if (!path || busy) return;
    if (!checkMission()) return;
    setBusy("preview");
    app.clearError();
    try {
      const pv = await api.imports.preview(path, options(d));
      setPreview(pv);
      setBusy(null);
      if (step !== "preview") {
        setStep("preview");
        focusStep("preview");
      }
    } catch (e) {
      setBusy(null);
      app.showError(e);
    }
  };

  const decide = (row: number, decision: ImportDecision) => {
    const next = { ...decisions, [row]: decision };
    setDecisions(next);
    void runPreview(next);
  };

  const commit = async () => {
    if (!path || busy) return;
    if (!checkMission()) return;
    setBusy("commit");
    setProgress({ done: 0, total: preview?.counts.rows ?? 0 });
    app.clearError();
    let unlisten: UnlistenFn | null = null;
    try {
      unlisten = await listen<ImportProgress>("import-progress", (ev) => setProgress(ev.payload));
    } catch {
      // No event bridge (e.g. a test page): the bar stays indeterminate.
    }
    try {
      const s = await api.imports.commit(path, options());
      setSummary(s);
      setProgress((p) => (p ? { done: p.total, total: p.total } : p));
      setStep("done");
      focusStep("done");
      app.dataChanged();
    } catch (e) {
      app.showError(e);
    } finally {
      unlisten?.();
      setBusy(null);
    }
  };

  const saveRejected = async () => {
    if (!summary || savingRejected) return;
    setSavingRejected(true);
    app.clearError();
    try {
      const p = await api.imports.saveRejected(summary.batchId);
      if (p) app.notify("notice.rejectedSaved", { path: p });
    } catch (e) {
      app.showError(e);
    } finally {
      setSavingRejected(false);
    }
  };

  const restart = () => {
    setPath(null);
    setRead({});
    setInspection(null);
    setMapping(null);
    setPreview(null);
    setDecisions({});
    setSummary(null);
    setProgress(null);
    setStep("file");
    focusStep("file");
  };

  const askUndo = (b: ImportBatch) =>
    undo.ask({
      name: b.fileName,
      title: t("import.undoTitle", { file: b.fileName }),
      body: t("import.undoBody", { created: b.created, updated: b.updated }),
      confirmLabel: t("import.undoConfirm"),
      busyLabel: t("import.undoing"),
      doneNotice: "notice.importUndone",
      noNote: true,
      run: () => api.imports.undo(b.id),
      onDone: () => app.dataChanged(),
    });

  const stepIndex = STEPS.findIndex((s) => s.id === step);
  const missionTitle = missions.data?.find((m) => m.id === missionId)?.title;

  return (
    <div class="screen import-screen">
      <PageHeader title={t("import.title")} subtitle={t("import.subtitle")} />

      <ol class="steps" aria-label={t("import.steps")} data-testid="import-steps">
        {STEPS.map((s, i) => (
          <li
            key={s.id}
            class={"step" + (i < stepIndex ? " step-done" : "") + (i === stepIndex ? " step-current" : "")}
            aria-current={i === stepIndex ? "step" : undefined}
            data-step={s.id}
          >
            <span class="step-n" aria-hidden="true">
              {i < stepIndex ? <IconCheck size={12} /> : i + 1}
            </span>
            {t(s.label)}
          </li>
        ))}
      </ol>

      {/* (a) the file, the kind, the mission */}
      <Section title={t("import.step.file")} n={1} refCb={(el) => (stepRefs.current.file = el)} testid="import-step-file">
        <div class="import-file">
          <button
            type="button"
            class="btn btn-primary"
            data-testid="import-pick"
            onClick={pick}
            disabled={busy !== null}
          >
            <IconUpload />
            {busy === "pick" ? t("import.reading") : t("import.pick")}
          </button>
          <span class={"import-path" + (path ? "" : " muted")} data-testid="import-path">
            {path ?? t("import.noFile")}
          </span>
        </div>
        <fieldset class="form-section import-kinds">
          <legend>{t("import.kind")}</legend>
          {IMPORT_KINDS.map((k) => (
            <div class="check-row" key={k}>
              <input
                type="radio"
                class="radio"
                id={`import-kind-${k}`}
                name="kind"
                value={k}
                checked={kind === k}
                disabled={busy !== null}
                onChange={() => changeKind(k)}
              />
              <label for={`import-kind-${k}`}>{kindLabel(k)}</label>
            </div>
          ))}
        </fieldset>
        {kind === "participants" && (
          <div class={"field" + (missionProblem ? " has-error" : "")}>
            <label for="import-mission">
              {t("import.mission")}
              <span class="req" title={t("common.required")}>
                {" *"}
              </span>
            </label>
            <select
              id="import-mission"
              name="missionId"
              class="input select"
              value={missionId}
              aria-required="true"
              aria-invalid={missionProblem ? "true" : undefined}
              aria-describedby={missionProblem ? "import-mission-error" : undefined}
              onChange={(e) => {
                setMissionId(e.currentTarget.value);
                setMissionProblem(false);
              }}
            >
              <option value="">{t("import.chooseMission")}</option>
              {(missions.data ?? []).map((m) => (
                <option key={m.id} value={m.id} selected={m.id === missionId}>
                  {m.title}
                </option>
              ))}
              {missionId && missions.data && !missionTitle && <option value={missionId}>{missionId}</option>}
            </select>
            {missionProblem && (
              <p class="field-error" id="import-mission-error" data-testid="field-error" data-field="missionId">
                {t("import.missionRequired")}
              </p>
            )}
          </div>
        )}
        {path && (
          <div class="form-actions">
            <button
              type="button"
              class="btn"
              data-testid="import-inspect"
              disabled={busy !== null}
              onClick={() => inspect(path, kind, read, false)}
            >
              {busy === "inspect" ? t("import.reading") : t("import.read")}
            </button>
          </div>
        )}
      </Section>

      {/* (b) how the file was read, and the column mapping */}
      {inspection && mapping && (
        <Section
          title={t("import.step.mapping")}
          n={2}
          refCb={(el) => (stepRefs.current.mapping = el)}
          testid="import-step-mapping"
        >
          <ReadPanel inspection={inspection} read={read} onRead={changeRead} disabled={busy !== null} />
          <h3 class="subhead">{t("import.mapping")}</h3>
          <p class="field-hint">{t("import.mappingHint")}</p>
          {inspection.mappingSaved && (
            <p class="import-note" data-testid="mapping-saved">
              {t("import.mappingSaved")}
            </p>
          )}
          <MappingTable
            inspection={inspection}
            mapping={mapping}
            kind={kind}
            onChange={(m) => {
              setMapping(m);
              setPreview(null);
              if (step === "preview") setStep("mapping");
            }}
          />
          <div class="form-actions">
            <button
              type="button"
              class="btn btn-primary"
              data-testid="import-preview"
              disabled={busy !== null}
              onClick={() => runPreview()}
            >
              {busy === "preview" ? t("import.previewing") : t("import.toPreview")}
            </button>
          </div>
        </Section>
      )}

      {/* (c) preview, decisions, counts; (d) commit with progress */}
      {preview && (
        <Section
          title={t("import.step.preview")}
          n={3}
          refCb={(el) => (stepRefs.current.preview = el)}
          testid="import-step-preview"
        >
          <PreviewCounts preview={preview} />
          <p class="field-hint">{t("import.previewHint")}</p>
          <PreviewTable
            preview={preview}
            decisions={decisions}
            disabled={busy !== null || step === "done"}
            onDecide={decide}
          />
          {step !== "done" && (
            <div class="form-actions">
              <button
                type="button"
                class="btn btn-primary"
                data-testid="import-commit"
                disabled={busy !== null}
                onClick={commit}
              >
                <IconUpload />
                {busy === "commit" ? t("import.committing") : t("import.commit")}
              </button>
              {kind === "participants" && missionTitle && <span class="form-hint">{missionTitle}</span>}
            </div>
          )}
          {progress && (busy === "commit" || step === "done") && (
            <div class="import-progress">
              <progress
                class="progress"
                role="progressbar"
                data-testid="import-progress"
                aria-label={t("import.progressLabel")}
                max={Math.max(1, progress.total)}
                value={progress.done}
                aria-valuemin={0}
                aria-valuemax={progress.total}
                aria-valuenow={progress.done}
              />
              <span class="muted tabular" aria-live="polite">
                {t("import.progress", { done: formatNumber(progress.done), total: formatNumber(progress.total) })}
              </span>
            </div>
          )}
        </Section>
      )}

      {summary && step === "done" && (
        <Section
          title={t("import.step.done")}
          n={4}
          refCb={(el) => (stepRefs.current.done = el)}
          testid="import-step-done"
        >
          <div class="import-summary" data-testid="import-summary" data-batch={summary.batchId} role="status">
            <p>
              <strong>{t("import.summary", { file: summary.fileName })}</strong>
            </p>
            <dl class="import-counts">
              <Count label={t("import.sum.created")} value={summary.created} testid="summary-created" />
              <Count label={t("import.sum.updated")} value={summary.updated} testid="summary-updated" />
              <Count label={t("import.sum.unchanged")} value={summary.unchanged} testid="summary-unchanged" />
              <Count label={t("import.sum.skipped")} value={summary.skipped} testid="summary-skipped" />
              <Count label={t("import.sum.rejected")} value={summary.rejected} testid="summary-rejected" />
            </dl>
          </div>
          <div class="form-actions">
            {summary.rejected > 0 && (
              <button
                type="button"
                class="btn"
                data-testid="import-save-rejected"
                disabled={savingRejected}
                onClick={saveRejected}
              >
                <IconDownload />
                {t("import.saveRejected")}
              </button>
            )}
            <button type="button" class="btn" data-testid="import-another" onClick={restart}>
              {t("import.another")}
            </button>
          </div>
        </Section>
      )}

      {/* (e) history */}
      <Panel title={t("import.history")} count={history.data?.length} testid="import-history">
        {history.error && !history.data ? (
          <LoadError error={history.error} onRetry={history.reload} />
        ) : !history.data ? (
          <Loading />
        ) : history.data.length === 0 ? (
          <Empty>{t("import.historyEmpty")}</Empty>
        ) : (
          <div class="table-wrap table-wrap-inner">
            <table class="table table-compact">
              <thead>
                <tr>
                  <th scope="col">{t("import.col.file")}</th>
                  <th scope="col">{t("import.col.kind")}</th>
                  <th scope="col">{t("import.col.date")}</th>
                  <th scope="col" class="num">
                    {t("import.sum.created")}
                  </th>
                  <th scope="col" class="num">
                    {t("import.sum.updated")}
                  </th>
                  <th scope="col" class="num">
                    {t("import.sum.skipped")}
                  </th>
                  <th scope="col" class="num">
                    {t("import.sum.rejected")}
                  </th>
                  <th scope="col">{t("import.col.state")}</th>
                  <th scope="col" class="actions-col">
                    <span class="sr-only">{t("col.actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {history.data.map((b) => (
                  <tr
                    key={b.id}
                    data-testid="import-batch"
                    data-id={b.id}
                    data-undone={b.undoneAt ? "true" : "false"}
                    class={b.undoneAt ? "row-undone" : undefined}
                  >
                    <td class="cell-primary">{b.fileName}</td>
                    <td>{kindShort(b.kind)}</td>
                    <td class="tabular">{formatTimestamp(b.createdAt)}</td>
                    <td class="num">{formatNumber(b.created)}</td>
                    <td class="num">{formatNumber(b.updated)}</td>
                    <td class="num">{formatNumber(b.skipped)}</td>
                    <td class="num">{formatNumber(b.rejected)}</td>
                    <td data-testid="import-batch-state">
                      {b.undoneAt ? (
                        <Badge tone="muted">{t("import.undone", { date: formatTimestamp(b.undoneAt) })}</Badge>
                      ) : (
                        <Badge tone="positive">{t("import.active")}</Badge>
                      )}
                    </td>
                    <td class="actions-col">
                      {!b.undoneAt && (
                        <button
                          type="button"
                          class="btn btn-small btn-danger-ghost"
                          data-testid="import-undo"
                          aria-label={t("import.undoLabel", { file: b.fileName })}
                          onClick={() => askUndo(b)}
                        >
                          <IconUndo />
                          {t("import.undo")}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Panel>
      {undo.modal}
    </div>
  );
}

function Section({
  title,
  n,
  refCb,
  testid,
  children,
}: {
  title: string;
  n: number;
  refCb: (el: HTMLElement | null) => void;
  testid: string;
  children: ComponentChildren;
}) {
  return (
    <section class="panel import-step" data-testid={testid} aria-labelledby={`${testid}-title`}>
      <header class="panel-head">
        <h2 class="panel-title" id={`${testid}-title`} ref={refCb} tabIndex={-1}>
          <span class="step-n" aria-hidden="true">
            {n}
          </span>
          {title}
        </h2>
      </header>
      <div class="panel-body">{children}</div>
    </section>
  );
}

function Count({ label, value, testid }: { label: string; value: number; testid: string }) {
  return (
    <div class="import-count">
      <dt>{label}</dt>
      <dd data-testid={testid}>{formatNumber(value)}</dd>
    </div>
  );
}

function ReadPanel({
  inspection: ins,
  read,
  onRead,
  disabled,
}: {
  inspection: Inspection;
  read: ReadOptions;
  onRead: (r: ReadOptions) => void;
  disabled: boolean;
}) {
  const isText = ins.format === "csv";
  return (
    <div class="import-read" data-testid="import-inspection">
      <h3 class="subhead">{t("import.detected")}</h3>
      <Dl>
        <DlRow label={t("import.file")}>{ins.fileName}</DlRow>
        <DlRow label={t("import.format")} testid="import-format">
          {tDynamic(`import.format.${ins.format}`, ins.format)}
        </DlRow>
        {ins.layout && (
          <DlRow label={t("import.layout")} testid="import-layout">
            {tDynamic(`import.layout.${ins.layout}`, ins.layout)}
          </DlRow>
        )}
        <DlRow label={t("import.rowCount")} testid="import-row-count">
          {formatNumber(ins.rowCount)}
        </DlRow>
      </Dl>
      <div class="form-grid import-read-grid">
        {isText && (
          <div class="field">
            <label for="import-encoding">{t("import.encoding")}</label>
            <select
              id="import-encoding"
              name="encoding"
              class="input select"
              disabled={disabled}
              value={read.encoding ?? ins.encoding ?? ""}
              onChange={(e) => onRead({ ...read, encoding: (e.currentTarget.value || null) as TextEncoding | null })}
            >
              {TEXT_ENCODINGS.map((enc) => (
                <option key={enc} value={enc} selected={enc === (read.encoding ?? ins.encoding)}>
                  {encodingLabel(enc)}
                </option>
              ))}
            </select>
          </div>
        )}
        {isText && (
          <div class="field">
            <label for="import-separator">{t("import.separator")}</label>
            <select
              id="import-separator"
              name="separator"
              class="input select"
              disabled={disabled}
              value={read.separator ?? ins.separator ?? ""}
              onChange={(e) => onRead({ ...read, separator: e.currentTarget.value || null })}
            >
              {SEPARATORS.map((s) => (
                <option key={s.value} value={s.value} selected={s.value === (read.separator ?? ins.separator)}>
                  {t(s.label)}
                </option>
              ))}
              {ins.separator && !SEPARATORS.some((s) => s.value === ins.separator) && (
                <option value={ins.separator}>{separatorLabel(ins.separator)}</option>
              )}
            </select>
          </div>
        )}
        {ins.sheets.length > 1 ? (
          <div class="field">
            <label for="import-sheet">{t("import.sheet")}</label>
            <select
              id="import-sheet"
              name="sheet"
              class="input select"
              disabled={disabled}
              value={read.sheet ?? ins.sheet ?? ""}
              onChange={(e) => onRead({ ...read, sheet: e.currentTarget.value || null, headerRow: null })}
            >
              {ins.sheets.map((s) => (
                <option key={s} value={s} selected={s === (read.sheet ?? ins.sheet)}>
                  {s}
                </option>
              ))}
            </select>
          </div>
        ) : ins.sheet ? (
          <div class="field">
            <span class="field-label">{t("import.sheet")}</span>
            <span data-testid="import-sheet">{ins.sheet}</span>
          </div>
        ) : null}
        <div class="field">
          <label for="import-header-row">{t("import.headerRow")}</label>
          <input
            id="import-header-row"
            name="headerRow"
            type="number"
            min={1}
            class="input input-narrow"
            disabled={disabled}
            value={String(read.headerRow ?? ins.headerRow)}
            onChange={(e) => {
              const n = Number(e.currentTarget.value);
              if (Number.isInteger(n) && n >= 1 && n !== ins.headerRow) onRead({ ...read, headerRow: n });
            }}
          />
        </div>
      </div>
    </div>
  );
}

function MappingTable({
  inspection: ins,
  mapping,
  kind,
  onChange,
}: {
  inspection: Inspection;
  mapping: ImportMapping;
  kind: ImportKind;
  onChange: (m: ImportMapping) => void;
}) {
  const fieldOf = (header: string, i: number): ImportField | null => {
    const byIndex = mapping.columns[i];
    if (byIndex && byIndex.header === header) return byIndex.field;
    return mapping.columns.find((c) => c.header === header)?.field ?? null;
  };
  const setField = (i: number, field: ImportField | null) => {
    const columns = ins.headers.map((header, j) => ({ header, field: j === i ? field : fieldOf(header, j) }));
    onChange({ columns });
  };
  const sampleOf = (i: number) =>
    ins.sample
      .map((row) => row[i] ?? "")
      .filter((v) => v.trim())
      .slice(0, 2)
      .join(" · ");
  return (
    <div class="table-wrap">
      <table class="table table-compact" data-testid="mapping-table">
        <thead>
          <tr>
            <th scope="col">{t("import.col.header")}</th>
            <th scope="col">{t("import.col.sample")}</th>
            <th scope="col">{t("import.col.field")}</th>
          </tr>
        </thead>
        <tbody>
          {ins.headers.map((h, i) => {
            const field = fieldOf(h, i);
            const id = `mapping-${i}`;
            return (
              <tr key={i} data-testid="mapping-row" data-header={h} data-field={field ?? ""}>
                <th scope="row" class="cell-primary">
                  <label for={id}>{h || "—"}</label>
                </th>
                <td class="cell-sample">{dash(sampleOf(i))}</td>
                <td>
                  <select
                    id={id}
                    name="field"
                    class="input select"
                    value={field ?? ""}
                    onChange={(e) => setField(i, (e.currentTarget.value || null) as ImportField | null)}
                  >
                    <option value="" selected={field === null}>
                      {t("import.ignore")}
                    </option>
                    {fieldsFor(kind, field).map((f) => (
                      <option key={f} value={f} selected={f === field}>
                        {fieldLabel(f)}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function PreviewCounts({ preview }: { preview: ImportPreview }) {
  const c = preview.counts;
  return (
    <dl class="import-counts" aria-label={t("import.counts")} data-testid="import-counts">
      <Count label={t("import.count.rows")} value={c.rows} testid="count-rows" />
      <Count label={t("import.count.create")} value={c.create} testid="count-create" />
      <Count label={t("import.count.update")} value={c.update} testid="count-update" />
      {c.merge > 0 && <Count label={t("import.count.merge")} value={c.merge} testid="count-merge" />}
      <Count label={t("import.count.skip")} value={c.skip} testid="count-skip" />
      <Count label={t("import.count.reject")} value={c.reject} testid="count-reject" />
      {c.warnings > 0 && <Count label={t("import.count.warnings")} value={c.warnings} testid="count-warnings" />}
    </dl>
  );
}

const actionTone = { create: "positive", update: "accent", merge: "accent", skip: "muted", reject: "danger" } as const;

function PreviewTable({
  preview,
  decisions,
  disabled,
  onDecide,
}: {
  preview: ImportPreview;
  decisions: Record<number, ImportDecision>;
  disabled: boolean;
  onDecide: (row: number, d: ImportDecision) => void;
}) {
  return (
    // Seven columns, with role, phone and country on second lines, so that the duplicate and its
    // choice fit beside the row at the window's usual width; narrower, the table scrolls.
    <div class="table-wrap preview-wrap">
      <table class="table table-compact preview-table" data-testid="preview-table">
        <thead>
          <tr>
            <th scope="col" class="num">
              {t("import.preview.row")}
            </th>
            <th scope="col">{t("col.name")}</th>
            <th scope="col">{t("col.organisation")}</th>
            <th scope="col">{t("import.preview.reach")}</th>
            <th scope="col">{t("import.preview.action")}</th>
            <th scope="col">{t("import.preview.problems")}</th>
            <th scope="col">{t("import.preview.duplicate")}</th>
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((r) => (
            <PreviewLine key={r.row} r={r} decision={decisions[r.row]} disabled={disabled} onDecide={onDecide} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function PreviewLine({
  r,
  decision: chosen,
  disabled,
  onDecide,
}: {
  r: PreviewRow;
  decision: ImportDecision | undefined;
  disabled: boolean;
  onDecide: (row: number, d: ImportDecision) => void;
}) {
  const rec = r.record;
  const name = [rec.firstName, rec.lastName].filter(Boolean).join(" ");
  const dup = r.duplicate;
  const decision = chosen ?? dup?.decision ?? "update";
  const by = dup ? tDynamic(`import.matchedBy.${dup.matchedBy}`, dup.matchedBy) : "";
  return (
    <tr
      data-testid="preview-row"
      data-row={r.row}
      data-action={r.action}
      class={r.action === "reject" ? "row-rejected" : undefined}
    >
      <td class="num tabular">{r.row}</td>
      <td class="cell-primary">
        {name || "—"}
        {rec.nameReading && <span class="cell-sub">{rec.nameReading}</span>}
      </td>
      <td>
        {dash(rec.organisation)}
        {rec.role && <span class="cell-sub">{rec.role}</span>}
      </td>
      <td class="cell-mono">
        {dash(rec.email)}
        {(rec.phone || rec.country) && (
          <span class="cell-sub">{[rec.phone, rec.country].filter(Boolean).join(" · ")}</span>
        )}
      </td>
      <td class="nowrap">
        <Badge tone={actionTone[r.action] ?? "neutral"}>{tDynamic(`import.action.${r.action}`, r.action)}</Badge>
      </td>
      <td>
        {r.problems.length === 0 ? (
          "—"
        ) : (
          <ul class="problem-list" data-testid="row-problems">
            {r.problems.map((p, i) => (
              <li key={i} class={p.rejects ? "problem-rejects" : "problem-warning"} data-issue={p.issue}>
                {tDynamic(`import.issue.${p.issue}`, p.issue)}
                {p.column && <span class="muted"> ({p.column})</span>}
                {p.value && <span class="cell-sub">{p.value}</span>}
              </li>
            ))}
          </ul>
        )}
      </td>
      <td>
        {dup ? (
          <div class="dup" data-testid="row-duplicate">
            <span>
              {dup.sameAsRow !== null
                ? t("import.dup.sameAsRow", { row: dup.sameAsRow, by })
                : t("import.dup.existing", { name: dup.existingName ?? "—", by })}
              {!dup.sure && <span class="muted"> · {t("import.dup.likely")}</span>}
            </span>
            <select
              name="decision"
              class="input select input-small"
              aria-label={t("import.decision", { row: r.row })}
              value={decision}
              disabled={disabled}
              onChange={(e) => onDecide(r.row, e.currentTarget.value as ImportDecision)}
            >
              {IMPORT_DECISIONS.map((d) => (
                <option key={d} value={d} selected={d === decision}>
                  {decisionLabel(d)}
                </option>
              ))}
            </select>
          </div>
        ) : (
          "—"
        )}
      </td>
    </tr>
  );
}
