// Entry point: read the settings, pick the language, render the app.
import { render } from "preact";
import "./styles.css";
import * as api from "./api";
import { App } from "./app";
import { languageFromNavigator, setLanguage } from "./i18n";

const DEFAULT_SETTINGS: api.Settings = { language: null, homeTimeZone: "Europe/Rome" };

async function start() {
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
  setLanguage(settings.language ?? languageFromNavigator());
  const root = document.getElementById("app");
  if (root) render(<App initialSettings={settings} startupError={startupError} />, root);
}

void start();
