// Entry point: unlock the workspace if it is encrypted, read the settings, pick the language,
// render the app. Locking (by hand or when idle) unmounts the app, so nothing of the workspace
// stays on screen or in the page.
import { render } from "preact";
import { useCallback, useEffect, useState } from "preact/hooks";
import "./styles.css";
import * as api from "./api";
import { App } from "./app";
import { languageFromNavigator, rememberedLanguage, setLanguage } from "./i18n";
import { useIdleLock } from "./security/idle";
import { UnlockScreen } from "./security/UnlockScreen";

const DEFAULT_SETTINGS: api.Settings = { language: null, homeTimeZone: "Europe/Rome" };

type Phase =
  | { kind: "loading" }
  | { kind: "locked" }
  | { kind: "ready"; settings: api.Settings; startupError: api.AppError | null; security: api.SecurityStatus | null };

async function load(): Promise<Exclude<Phase, { kind: "loading" }>> {
  let security: api.SecurityStatus | null = null;
  try {
    security = await api.security.status();
  } catch {
    // the app still opens; the settings call below reports what is wrong
  }
  if (security?.locked) return { kind: "locked" };
  let settings: api.Settings = DEFAULT_SETTINGS;
  let startupError: api.AppError | null = null;
  try {
    const s = await api.settings.get();
    settings = {
      language: s.language === "it" || s.language === "en" ? s.language : null,
      homeTimeZone: s.homeTimeZone || DEFAULT_SETTINGS.homeTimeZone,
    };
  } catch (e) {
    startupError = api.toAppError(e);
  }
  return { kind: "ready", settings, startupError, security };
}

function Root() {
  const [phase, setPhase] = useState<Phase>({ kind: "loading" });

  const refresh = useCallback(() => {
    void load().then((next) => {
      if (next.kind === "locked") setLanguage(rememberedLanguage() ?? languageFromNavigator());
      else setLanguage(next.settings.language ?? rememberedLanguage() ?? languageFromNavigator());
      setPhase(next);
    });
  }, []);

  useEffect(refresh, [refresh]);

  const lock = useCallback(() => {
    api.security.lock().then(
      () => setPhase({ kind: "locked" }),
      () => {
        // a plain workspace has nothing to lock; the button is not offered then
      },
    );
  }, []);

  const security = phase.kind === "ready" ? phase.security : null;
  useIdleLock(security?.encrypted ? security.lockAfterMinutes : null, lock);

  switch (phase.kind) {
    case "loading":
      return null;
    case "locked":
      return <UnlockScreen onUnlocked={refresh} />;
    case "ready":
      return (
        <App
          initialSettings={phase.settings}
          startupError={phase.startupError}
          security={phase.security}
          onLock={lock}
          onSecurityChanged={(s) => setPhase({ ...phase, security: s })}
        />
      );
  }
}

const root = document.getElementById("app");
if (root) render(<Root />, root);
