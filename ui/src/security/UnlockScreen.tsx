// The screen of a locked workspace: nothing of the workspace is shown until the passphrase opens it.
import { useEffect, useRef, useState } from "preact/hooks";
import * as api from "../api";
import type { Language } from "../api";
import { IconBridge } from "../components/Icons";
import { errorMessage, getLanguage, setLanguage, t } from "../i18n";

export function UnlockScreen({ onUnlocked }: { onUnlocked: () => void }) {
  const [lang, setLang] = useState<Language>(getLanguage());
  const [passphrase, setPassphrase] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => input.current?.focus(), []);

  const switchLanguage = (l: Language) => {
    setLanguage(l);
    setLang(l);
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    if (!passphrase) {
      setProblem(t("unlock.empty"));
      input.current?.focus();
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await api.security.unlock(passphrase);
      setPassphrase("");
      onUnlocked();
    } catch (err) {
      setProblem(errorMessage(api.toAppError(err)));
      setBusy(false);
      input.current?.select();
    }
  };

  return (
    <div class="unlock" data-lang={lang} data-testid="unlock-screen">
      <form class="unlock-card" onSubmit={submit} noValidate>
        <div class="unlock-brand">
          <span class="brand-mark">
            <IconBridge size={22} />
          </span>
          <span class="brand-name">{t("app.name")}</span>
          <span class="unlock-lang" role="group" aria-label={t("lang.label")}>
            {(["it", "en"] as Language[]).map((l) => (
              <button
                key={l}
                type="button"
                class="btn btn-small"
                lang={l}
                aria-pressed={lang === l ? "true" : "false"}
                onClick={() => switchLanguage(l)}
              >
                {l.toUpperCase()}
              </button>
            ))}
          </span>
        </div>
        <h1 class="unlock-title">{t("unlock.title")}</h1>
        <p class="unlock-body">{t("unlock.body")}</p>
        <div class={"field" + (problem ? " has-error" : "")}>
          <label for="unlock-passphrase">{t("unlock.passphrase")}</label>
          <input
            ref={input}
            id="unlock-passphrase"
            data-testid="unlock-passphrase"
            class="input"
            type="password"
            autoComplete="current-password"
            value={passphrase}
            aria-invalid={problem ? "true" : undefined}
            aria-describedby={problem ? "unlock-problem" : undefined}
            onInput={(e) => setPassphrase(e.currentTarget.value)}
          />
          {problem && (
            <p class="field-error" id="unlock-problem" role="alert" data-testid="unlock-error">
              {problem}
            </p>
          )}
        </div>
        <button type="submit" class="btn btn-primary unlock-submit" data-testid="unlock-submit" disabled={busy}>
          {busy ? t("unlock.busy") : t("unlock.submit")}
        </button>
      </form>
    </div>
  );
}
