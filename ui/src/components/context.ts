// App-wide services: settings, language, the error banner and the "Saved" notice.
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { Language, Settings } from "../api";
import type { Key } from "../i18n";

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
  /** Shows a short notice such as "Saved". */
  notify: (key: Key) => void;
}

export const AppContext = createContext<AppServices | null>(null);

export function useApp(): AppServices {
  const ctx = useContext(AppContext);
  if (!ctx) throw new Error("AppContext missing");
  return ctx;
}
