// Settings → Security: protect the workspace with a passphrase, change or remove it, lock it,
// and choose when it locks itself.
import { useState } from "preact/hooks";
import * as api from "../api";
import { useApp } from "../components/context";
import { Panel } from "../components/DetailList";
import { Modal } from "../components/Modal";
import { errorMessage, t, tn, type Key } from "../i18n";

type Mode = "set" | "change" | "remove";

const IDLE_CHOICES = [0, 1, 5, 10, 15, 30, 60, 120];

function PassphraseForm({ mode, minChars, onDone }: { mode: Mode; minChars: number; onDone: (mode: Mode) => void }) {
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [again, setAgain] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const needsCurrent = mode !== "set";
  const needsNew = mode !== "remove";

  const submit = (e: Event) => {
    e.preventDefault();
    if (busy) return;
    if (needsNew && [...next].length < minChars) return setProblem(t("security.tooShort", { n: minChars }));
    if (needsNew && next !== again) return setProblem(t("security.mismatch"));
    if (needsCurrent && !current) return setProblem(t("unlock.empty"));
    if (mode === "remove") return setConfirming(true);
    void apply();
  };

  const apply = async () => {
    setConfirming(false);
    setBusy(true);
    setProblem(null);
    try {
      await api.security.setPassphrase(needsCurrent ? current : null, needsNew ? next : null);
      setCurrent("");
      setNext("");
      setAgain("");
      onDone(mode);
    } catch (err) {
      setProblem(errorMessage(api.toAppError(err)));
    } finally {
      setBusy(false);
    }
  };

  const field = (name: string, label: Key, value: string, set: (v: string) => void, auto: string) => (
    <div class={"field" + (problem ? " has-error" : "")}>
      <label for={`security-${mode}-${name}`}>{t(label)}</label>
      <input
        id={`security-${mode}-${name}`}
        data-testid={`security-${mode}-${name}`}
        class="input"
        type="password"
        autoComplete={auto}
        value={value}
        onInput={(e) => set(e.currentTarget.value)}
      />
    </div>
  );

  const title: Key = mode === "set" ? "security.set" : mode === "change" ? "security.change" : "security.remove";
  return (
    <form class="security-form" onSubmit={submit} noValidate data-testid={`security-${mode}`}>
      <h3>{t(title)}</h3>
      {needsCurrent && field("current", "security.current", current, setCurrent, "current-password")}
      {needsNew && field("new", "security.new", next, setNext, "new-password")}
      {needsNew && field("again", "security.confirm", again, setAgain, "new-password")}
      {needsNew && <p class="field-hint">{t("security.warning")}</p>}
      {problem && (
        <p class="field-error" role="alert" data-testid={`security-${mode}-error`}>
          {problem}
        </p>
      )}
      <div>
        <button
          type="submit"
          class={"btn " + (mode === "remove" ? "btn-danger-ghost" : "btn-primary")}
          data-testid={`security-${mode}-submit`}
          disabled={busy}
        >
          {busy ? t("security.working") : t(title)}
        </button>
      </div>
      {confirming && (
        <Modal
          title={t("security.removeTitle")}
          testid="security-remove-confirm"
          onClose={() => setConfirming(false)}
          actions={
            <>
              <button type="button" class="btn" onClick={() => setConfirming(false)}>
                {t("action.cancel")}
              </button>
              <button type="button" class="btn btn-danger" data-testid="security-remove-confirm-ok" onClick={() => void apply()}>
                {t("security.remove")}
              </button>
            </>
          }
        >
          <p>{t("security.removeBody")}</p>
        </Modal>
      )}
    </form>
  );
}

export function SecurityPanel() {
  const app = useApp();
  const status = app.security;
  const [savingIdle, setSavingIdle] = useState(false);

  const refresh = async (notice?: Key) => {
    try {
      app.securityChanged(await api.security.status());
      if (notice) app.notify(notice);
    } catch (e) {
      app.showError(e);
    }
  };

  if (!status) return null;
  const done = (mode: Mode) =>
    void refresh(mode === "set" ? "security.setDone" : mode === "change" ? "security.changeDone" : "security.removeDone");

  return (
    <Panel
      title={t("security.title")}
      testid="settings-security"
      actions={
        status.encrypted ? (
          <button type="button" class="btn btn-small" data-testid="security-lock" onClick={app.lock}>
            {t("security.lockNow")}
          </button>
        ) : undefined
      }
    >
      <div class="security-forms">
        <p data-testid="security-state">{status.encrypted ? t("security.encrypted") : t("security.plain")}</p>
        {status.encrypted && (
          <div class="field">
            <label for="security-lock-after">{t("security.lockAfter")}</label>
            <select
              id="security-lock-after"
              name="lockAfterMinutes"
              class="input select"
              data-testid="security-lock-after"
              disabled={savingIdle}
              value={String(status.lockAfterMinutes ?? 0)}
              onChange={(e) => {
                const minutes = Number(e.currentTarget.value);
                setSavingIdle(true);
                api.security
                  .setLockAfter(minutes)
                  .then(() => refresh("notice.saved"), app.showError)
                  .finally(() => setSavingIdle(false));
              }}
            >
              {[...new Set([...IDLE_CHOICES, status.lockAfterMinutes ?? 0])]
                .sort((a, b) => a - b)
                .map((m) => (
                  <option key={m} value={String(m)}>
                    {m === 0 ? t("security.never") : tn("security.minutes", m)}
                  </option>
                ))}
            </select>
          </div>
        )}
        {status.encrypted ? (
          <>
            <PassphraseForm mode="change" minChars={status.minPassphraseChars} onDone={done} />
            <PassphraseForm mode="remove" minChars={status.minPassphraseChars} onDone={done} />
          </>
        ) : (
          <PassphraseForm mode="set" minChars={status.minPassphraseChars} onDone={done} />
        )}
      </div>
    </Panel>
  );
}
