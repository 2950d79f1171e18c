// App-wide services: settings, language, the error banner, the "Saved" notice and the quick log.
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { Language, Meeting, SecurityStatus, Settings } from "../api";
import type { Key } from "../i18n";

/** What the quick meeting log opens with. */
export interface LogRequest {
  /** A planned agenda item to log (it becomes the logged meeting). */
  meeting?: Meeting;
  /** The mission to log for (else the mission whose page is open, else the active mission). */
  missionId?: string;
}

export interface AppServices {
  /** The language in use (never null, unlike settings.language). */
  lang: Language;
  settings: Settings;
  /** Switches the language at once and remembers it with settings_set. */
  setLanguage: (lang: Language) => void;
  /** Saves the settings; rejects with an AppError. */
  saveSettings: (settings: Settings) => Promise<Settings>;
  /** Shows an error in the banner (any rejection; normalised to AppError). */
  showError: (e: unknown) => void;
  clearError: () => void;
  /** Shows a short notice such as "Saved" (with optional parameters, e.g. a file path). */
  notify: (key: Key, params?: Record<string, string | number>) => void;
  /** Opens the quick meeting log (Ctrl+L). */
  openLog: (request?: LogRequest) => void;
  /** Increases whenever data changed outside the screen (e.g. a meeting logged): screens reload. */
  dataVersion: number;
  /** Tells the screens that data changed. */
  dataChanged: () => void;
  /** Encryption and idle-lock state; null when it could not be read. */
  security: SecurityStatus | null;
  /** Locks an encrypted workspace: the app gives way to the unlock screen. */
  lock: () => void;
  /** Tells the shell the passphrase or the idle time changed. */
  securityChanged: (status: SecurityStatus) => void;
}

export const AppContext = createContext<AppServices | null>(null);

export function useApp(): AppServices {
  const ctx = useContext(AppContext);
  if (!ctx) throw new Error("AppContext missing");
  return ctx;
}
