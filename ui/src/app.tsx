// The shell: sidebar, top bar (global search, IT/EN switch), error banner, notice, and the screens.
import type { ComponentChildren } from "preact";
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import * as api from "./api";
import type { AppError, Language, SecurityStatus, Settings } from "./api";
import { ErrorBanner, Notice } from "./components/Banners";
import { AppContext, type AppServices, type LogRequest } from "./components/context";
import {
  IconBridge,
  IconContact,
  IconDashboard,
  IconFollowUp,
  IconLock,
  IconLog,
  IconMembers,
  IconMission,
  IconOrganisation,
  IconSettings,
  IconUpload,
} from "./components/Icons";
import { NotFound } from "./components/States";
import { ContactDetailView } from "./contacts/ContactDetail";
import { ContactForm } from "./contacts/ContactForm";
import { ContactList } from "./contacts/ContactList";
import { Dashboard } from "./dashboard/Dashboard";
import { FollowUpList } from "./follow_ups/FollowUpList";
import { ImportWizard } from "./import/ImportWizard";
import { getLanguage, setLanguage as setI18nLanguage, t, type Key } from "./i18n";
import { MemberDetailView } from "./members/MemberDetail";
import { MemberForm } from "./members/MemberForm";
import { MemberList } from "./members/MemberList";
import { MeetingDetailView } from "./meetings/MeetingDetail";
import { MeetingEdit } from "./meetings/MeetingEdit";
import { QuickLog } from "./meetings/QuickLog";
import { MissionDetailView } from "./missions/MissionDetail";
import { MissionForm } from "./missions/MissionForm";
import { MissionList } from "./missions/MissionList";
import { OrganisationDetailView } from "./organisations/OrganisationDetail";
import { OrganisationForm } from "./organisations/OrganisationForm";
import { OrganisationList } from "./organisations/OrganisationList";
import { RetentionReviewView } from "./privacy/RetentionReview";
import { ReportView } from "./report/ReportView";
import { href, routes, useRoute, type Route } from "./router";
import { GlobalSearch } from "./search/GlobalSearch";
import { SettingsView } from "./settings/Settings";

type Section =
  | "dashboard"
  | "missions"
  | "follow-ups"
  | "contacts"
  | "organisations"
  | "members"
  | "import"
  | "settings";

function sectionOf(route: Route): Section | null {
  const first = route.segments[0];
  if (first === undefined) return "dashboard";
  switch (first) {
    case "missions":
    case "follow-ups":
    case "contacts":
    case "organisations":
    case "members":
    case "import":
    case "settings":
      return first;
    case "meetings":
      return "missions";
    default:
      return null;
  }
}

function Screen({ route }: { route: Route }) {
  const [section, id, sub] = route.segments;
  const isNew = id === "new";
  switch (section) {
    case undefined:
      return <Dashboard />;
    case "missions":
      if (!id) return <MissionList />;
      if (isNew) return <MissionForm />;
      if (sub === "edit") return <MissionForm id={id} />;
      if (sub === "report" && route.segments.length === 3) return <ReportView id={id} />;
      if (!sub) return <MissionDetailView id={id} />;
      break;
    case "meetings":
      if (!id || isNew) break;
      if (sub === "edit") return <MeetingEdit id={id} />;
      if (!sub) return <MeetingDetailView id={id} />;
      break;
    case "follow-ups":
      if (!id) return <FollowUpList />;
      break;
    case "contacts":
      if (!id) return <ContactList />;
      if (isNew) return <ContactForm organisationId={route.query.get("organisation") ?? undefined} />;
      if (sub === "edit") return <ContactForm id={id} />;
      if (!sub) return <ContactDetailView id={id} />;
      break;
    case "organisations":
      if (!id) return <OrganisationList />;
      if (isNew) return <OrganisationForm />;
      if (sub === "edit") return <OrganisationForm id={id} />;
      if (!sub) return <OrganisationDetailView id={id} />;
      break;
    case "members":
      if (!id) return <MemberList />;
      if (isNew) return <MemberForm />;
      if (sub === "edit") return <MemberForm id={id} />;
      if (!sub) return <MemberDetailView id={id} highlightPerson={route.query.get("person") ?? undefined} />;
      break;
    case "settings":
      if (!id) return <SettingsView />;
      if (id === "retention" && !sub) return <RetentionReviewView />;
      break;
    case "import":
      if (!id) return <ImportWizard />;
      break;
  }
  return <NotFound backTo={routes.dashboard()} section={t("nav.dashboard")} />;
}

/** Brings the focus back into the open quick log. */
function focusLogForm() {
  document.querySelector<HTMLElement>('[data-testid="log-contact-search"]')?.focus();
}

function NavLink({
  to,
  testid,
  active,
  icon,
  children,
}: {
  to: string;
  testid: string;
  active: boolean;
  icon: ComponentChildren;
  children: string;
}) {
  return (
    <a
      href={href(to)}
      class={"nav-link" + (active ? " active" : "")}
      data-testid={testid}
      aria-current={active ? "page" : undefined}
    >
      {icon}
      <span>{children}</span>
    </a>
  );
}

function LanguageSwitch({ lang, onChange }: { lang: Language; onChange: (l: Language) => void }) {
  return (
    <div class="lang-switch" role="group" aria-label={t("lang.label")}>
      <button
        type="button"
        data-testid="lang-it"
        lang="it"
        title="Italiano"
        aria-pressed={lang === "it" ? "true" : "false"}
        onClick={() => onChange("it")}
      >
        IT
      </button>
      <button
        type="button"
        data-testid="lang-en"
        lang="en"
        title="English"
        aria-pressed={lang === "en" ? "true" : "false"}
        onClick={() => onChange("en")}
      >
        EN
      </button>
    </div>
  );
}

export function App({
  initialSettings,
  startupError,
  security,
  onLock,
  onSecurityChanged,
}: {
  initialSettings: Settings;
  startupError: AppError | null;
  security: SecurityStatus | null;
  onLock: () => void;
  onSecurityChanged: (status: SecurityStatus) => void;
}) {
  const [settings, setSettings] = useState<Settings>(initialSettings);
  const [lang, setLang] = useState<Language>(getLanguage());
  const [error, setError] = useState<AppError | null>(startupError);
  const [notice, setNotice] = useState<{ key: Key; params?: Record<string, string | number>; n: number } | null>(
    null,
  );
  const [logRequest, setLogRequest] = useState<(LogRequest & { n: number }) | null>(null);
  const [dataVersion, setDataVersion] = useState(0);
  const logOpen = useRef(false);
  logOpen.current = logRequest !== null;
  const route = useRoute();
  const settingsRef = useRef(settings);
  settingsRef.current = settings;
  const mainRef = useRef<HTMLElement>(null);

  // A new screen starts without the previous screen's error, at the top.
  const firstRoute = useRef(true);
  useEffect(() => {
    if (firstRoute.current) {
      firstRoute.current = false;
      return;
    }
    setError(null);
    mainRef.current?.scrollTo(0, 0);
  }, [route.seq]);

  useEffect(() => {
    if (!notice) return;
    const h = window.setTimeout(() => setNotice(null), 3500);
    return () => window.clearTimeout(h);
  }, [notice]);

  const services = useMemo<AppServices>(() => {
    const showError = (e: unknown) => setError(api.toAppError(e));
    return {
      lang,
      settings,
      setLanguage: (l: Language) => {
        setI18nLanguage(l);
        setLang(l);
        const next: Settings = { ...settingsRef.current, language: l };
        setSettings(next);
        api.settings.set(next).then(
          (saved) => setSettings((cur) => ({ ...cur, homeTimeZone: saved.homeTimeZone || cur.homeTimeZone })),
          showError,
        );
      },
      saveSettings: async (s: Settings) => {
        const saved = await api.settings.set(s);
        const merged: Settings = {
          language: saved.language ?? s.language,
          homeTimeZone: saved.homeTimeZone || s.homeTimeZone,
        };
        setSettings(merged);
        return merged;
      },
      showError,
      clearError: () => setError(null),
      notify: (key: Key, params?: Record<string, string | number>) => setNotice({ key, params, n: Date.now() }),
      openLog: (request: LogRequest = {}) => {
        if (logOpen.current) {
          focusLogForm();
          return;
        }
        setLogRequest({ ...request, n: Date.now() });
      },
      dataVersion,
      dataChanged: () => setDataVersion((v) => v + 1),
      security,
      lock: onLock,
      securityChanged: onSecurityChanged,
    };
  }, [lang, settings, dataVersion, security, onLock, onSecurityChanged]);

  // Ctrl+L (or Ctrl+Shift+L) anywhere opens the quick meeting log.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const isL = e.key === "l" || e.key === "L" || e.code === "KeyL";
      if (!(e.ctrlKey || e.metaKey) || e.altKey || !isL) return;
      // Not over a confirmation dialog.
      if (document.querySelector(".modal-backdrop:not(.drawer-backdrop)")) return;
      e.preventDefault();
      if (logOpen.current) focusLogForm();
      else setLogRequest({ n: Date.now() });
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  // The mission whose page is open is the one a meeting is logged for.
  const [first, second] = route.segments;
  const contextMissionId = first === "missions" && second && second !== "new" ? second : null;

  const section = sectionOf(route);

  return (
    <AppContext.Provider value={services}>
      <div class="app" data-lang={lang}>
        <a class="skip-link" href="#main" onClick={(e) => {
          e.preventDefault();
          mainRef.current?.focus();
        }}>
          {lang === "it" ? "Vai al contenuto" : "Skip to content"}
        </a>
        <aside class="sidebar">
          <a class="brand" href={href(routes.dashboard())}>
            <span class="brand-mark">
              <IconBridge size={20} />
            </span>
            <span class="brand-text">
              <span class="brand-name">{t("app.name")}</span>
              <span class="brand-tagline">{t("app.tagline")}</span>
            </span>
          </a>
          <nav class="nav" aria-label={t("nav.main")}>
            <NavLink to={routes.dashboard()} testid="nav-dashboard" active={section === "dashboard"} icon={<IconDashboard />}>
              {t("nav.dashboard")}
            </NavLink>
            <NavLink to={routes.missions()} testid="nav-missions" active={section === "missions"} icon={<IconMission />}>
              {t("nav.missions")}
            </NavLink>
            <NavLink
              to={routes.followUps()}
              testid="nav-follow-ups"
              active={section === "follow-ups"}
              icon={<IconFollowUp />}
            >
              {t("nav.followUps")}
            </NavLink>
            <p class="nav-group">{t("nav.group.network")}</p>
            <NavLink to={routes.contacts()} testid="nav-contacts" active={section === "contacts"} icon={<IconContact />}>
              {t("nav.contacts")}
            </NavLink>
            <NavLink
              to={routes.organisations()}
              testid="nav-organisations"
              active={section === "organisations"}
              icon={<IconOrganisation />}
            >
              {t("nav.organisations")}
            </NavLink>
            <p class="nav-group">{t("nav.group.cluster")}</p>
            <NavLink to={routes.members()} testid="nav-members" active={section === "members"} icon={<IconMembers />}>
              {t("nav.members")}
            </NavLink>
            <NavLink to={routes.importWizard()} testid="nav-import" active={section === "import"} icon={<IconUpload />}>
              {t("nav.import")}
            </NavLink>
          </nav>
          <div class="sidebar-foot">
            <NavLink to={routes.settings()} testid="nav-settings" active={section === "settings"} icon={<IconSettings />}>
              {t("nav.settings")}
            </NavLink>
          </div>
        </aside>
        <div class="main-col">
          <header class="topbar">
            <GlobalSearch />
            <button
              type="button"
              class="btn btn-primary log-button"
              data-testid="log-meeting"
              title={t("log.shortcut")}
              aria-keyshortcuts="Control+L"
              onClick={() => services.openLog()}
            >
              <IconLog />
              <span>{t("log.open")}</span>
              <kbd class="btn-kbd" aria-hidden="true">
                Ctrl L
              </kbd>
            </button>
            {security?.encrypted && (
              <button
                type="button"
                class="btn lock-button"
                data-testid="lock-now"
                title={t("security.lockNow")}
                aria-label={t("security.lockNow")}
                onClick={onLock}
              >
                <IconLock />
              </button>
            )}
            <LanguageSwitch lang={lang} onChange={services.setLanguage} />
          </header>
          {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
          <main class="main" id="main" ref={mainRef} tabIndex={-1}>
            <div class="page" key={route.seq}>
              <Screen route={route} />
            </div>
          </main>
        </div>
        {logRequest && (
          <QuickLog
            key={logRequest.n}
            request={logRequest}
            contextMissionId={contextMissionId}
            onClose={() => setLogRequest(null)}
          />
        )}
        {notice && <Notice key={notice.n} messageKey={notice.key} params={notice.params} />}
      </div>
    </AppContext.Provider>
  );
}
