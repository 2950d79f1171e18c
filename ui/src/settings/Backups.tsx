// Settings › Backups: the rolling backups beside the workspace, "Back up now", and "Restore…"
// with a preview of the backup and a confirmation that the current state is backed up first.
import { useEffect, useState } from "preact/hooks";
import * as api from "../api";
import type { AppError, BackupInfo, BackupPreview } from "../api";
import { Badge } from "../components/Badge";
import { useApp } from "../components/context";
import { Panel } from "../components/DetailList";
import { Modal } from "../components/Modal";
import { Empty, LoadError, Loading } from "../components/States";
import { useLoad } from "../components/useLoad";
import { errorMessage, formatNumber, formatTimestamp, t, tDynamic, type Key } from "../i18n";

const KEEP_CHOICES = [3, 5, 10, 20, 30, 50];

const COLUMNS: { label: Key; class?: string }[] = [
  { label: "backup.col.date" },
  { label: "backup.col.reason" },
  { label: "backup.col.size", class: "num" },
  { label: "backup.col.flags" },
  { label: "col.actions", class: "actions-col" },
];

export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${formatNumber(Math.round((bytes / (1024 * 1024)) * 10) / 10)} MB`;
  return `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} kB`;
}

function reasonLabel(reason: string | null): string {
  return reason ? tDynamic(`backup.reason.${reason}`, reason) : "—";
}

export function BackupsPanel() {
  const app = useApp();
  const list = useLoad(() => api.backups.list());
  const [busy, setBusy] = useState(false);
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);

  const backUpNow = async () => {
    setBusy(true);
    try {
      await api.backups.now();
      app.notify("backup.done");
      list.reload();
    } catch (e) {
      app.showError(e);
    } finally {
      setBusy(false);
    }
  };

  const setKeep = async (keep: number) => {
    try {
      await api.backups.setKeep(keep);
      app.notify("notice.saved");
      list.reload();
    } catch (e) {
      app.showError(e);
    }
  };

  const data = list.data;
  return (
    <Panel
      title={t("backup.title")}
      count={data?.backups.length}
      testid="settings-backups"
      actions={
        <button type="button" class="btn btn-small" data-testid="backup-now" onClick={backUpNow} disabled={busy}>
          {busy ? t("backup.running") : t("backup.now")}
        </button>
      }
    >
      {list.error && !data ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : !data ? (
        <Loading />
      ) : (
        <>
          <p class="muted">{t("backup.explain", { folder: data.folder })}</p>
          <div class="settings-row">
            <div class="field">
              <label for="backup-keep">{t("backup.keep")}</label>
              <select
                id="backup-keep"
                class="input select"
                value={String(data.keep)}
                onChange={(e) => setKeep(Number(e.currentTarget.value))}
              >
                {[...new Set([...KEEP_CHOICES, data.keep])]
                  .sort((a, b) => a - b)
                  .map((n) => (
                    <option key={n} value={String(n)} selected={n === data.keep}>
                      {formatNumber(n)}
                    </option>
                  ))}
              </select>
            </div>
          </div>
          {data.backups.length === 0 ? (
            <Empty>{t("backup.none")}</Empty>
          ) : (
            <div class="table-wrap table-wrap-inner">
              <table class="table table-compact" data-testid="backup-list">
                <thead>
                  <tr>
                    {COLUMNS.map((c) => (
                      <th key={c.label} scope="col" class={c.class}>
                        {c.label === "col.actions" ? <span class="sr-only">{t(c.label)}</span> : t(c.label)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {data.backups.map((b) => (
                    <tr key={b.file} data-testid="backup-row" data-file={b.file}>
                      <td class="tabular">{formatTimestamp(b.takenAt)}</td>
                      <td>{reasonLabel(b.reason)}</td>
                      <td class="num">{formatSize(b.size)}</td>
                      <td>
                        {b.encrypted && <Badge tone="muted">{t("backup.encrypted")}</Badge>}{" "}
                        {b.beforeErasure && <Badge tone="warning">{t("backup.beforeErasure")}</Badge>}
                      </td>
                      <td class="actions-col">
                        <button
                          type="button"
                          class="btn btn-small"
                          data-testid="backup-restore"
                          aria-label={t("backup.restoreLabel", { date: formatTimestamp(b.takenAt) })}
                          onClick={() => setRestoring(b)}
                        >
                          {t("backup.restore")}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
      {restoring && <RestoreDialog backup={restoring} onClose={() => setRestoring(null)} />}
    </Panel>
  );
}

/** Shows what the backup holds, asks for its passphrase if needed, and restores on confirmation. */
function RestoreDialog({ backup, onClose }: { backup: BackupInfo; onClose: () => void }) {
  const app = useApp();
  const [passphrase, setPassphrase] = useState("");
  const [needsPassphrase, setNeedsPassphrase] = useState(false);
  const [preview, setPreview] = useState<BackupPreview | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  const load = async (given?: string) => {
    setError(null);
    try {
      setPreview(await api.backups.preview(backup.file, given || undefined));
      setNeedsPassphrase(false);
    } catch (e) {
      const err = api.toAppError(e);
      if (err.code === "locked" || err.code === "wrong_passphrase") setNeedsPassphrase(true);
      setError(err);
    }
  };
  useEffect(() => {
    void load();
  }, []);

  const restore = async () => {
    setBusy(true);
    try {
      await api.backups.restore(backup.file, passphrase || undefined);
      app.notify("backup.restored");
      // Every screen's data changed: start again from the restored workspace.
      window.location.reload();
    } catch (e) {
      setBusy(false);
      setError(api.toAppError(e));
    }
  };

  const counts = preview?.counts;
  return (
    <Modal
      title={t("backup.restoreTitle", { date: formatTimestamp(backup.takenAt) })}
      onClose={() => {
        if (!busy) onClose();
      }}
      testid="restore-dialog"
      class="modal-wide"
      actions={
        <>
          <button type="button" class="btn" data-autofocus onClick={onClose} disabled={busy}>
            {t("action.cancel")}
          </button>
          <button
            type="button"
            class="btn btn-danger"
            data-testid="confirm-restore"
            onClick={restore}
            disabled={busy || !preview || preview.tooNew}
          >
            {busy ? t("backup.restoring") : t("backup.restoreConfirm")}
          </button>
        </>
      }
    >
      {error && (
        <p class="field-error" role="alert">
          {errorMessage(error)}
        </p>
      )}
      {needsPassphrase && (
        <div class="field">
          <label for="backup-passphrase">{t("backup.passphrase")}</label>
          <input
            id="backup-passphrase"
            type="password"
            class="input"
            value={passphrase}
            onInput={(e) => setPassphrase(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") void load(passphrase);
            }}
          />
          <button type="button" class="btn btn-small" onClick={() => load(passphrase)}>
            {t("backup.open")}
          </button>
        </div>
      )}
      {!preview && !error && <Loading />}
      {preview && (
        <>
          <p>
            {t("backup.previewIntro", {
              reason: reasonLabel(preview.reason),
              size: formatSize(preview.size),
              newest: preview.newestRecordAt ? formatTimestamp(preview.newestRecordAt) : "—",
            })}
          </p>
          {counts && (
            <ul class="backup-counts" data-testid="restore-counts">
              <li>{t("backup.holds.contacts", { n: formatNumber(counts.contacts) })}</li>
              <li>{t("backup.holds.organisations", { n: formatNumber(counts.organisations) })}</li>
              <li>{t("backup.holds.members", { n: formatNumber(counts.members) })}</li>
              <li>{t("backup.holds.missions", { n: formatNumber(counts.missions) })}</li>
              <li>{t("backup.holds.meetings", { n: formatNumber(counts.meetings) })}</li>
            </ul>
          )}
          {preview.tooNew && <p class="field-error">{t("backup.tooNew")}</p>}
          {backup.beforeErasure && <p class="field-error">{t("backup.erasureWarning")}</p>}
          <p class="muted">{t("backup.restoreNote")}</p>
        </>
      )}
    </Modal>
  );
}
