// Hash routing: `#/contacts/<id>`, `#/members/<id>/edit`, `#/contacts/new?organisation=<id>`.
// The hash keeps the place across a reload of the webview.

import { useEffect, useState } from "preact/hooks";

export interface Route {
  /** Decoded path segments, e.g. ["members", "abc", "edit"]; [] for the dashboard. */
  segments: string[];
  query: URLSearchParams;
  /** The raw hash path without `#`, e.g. "/members/abc/edit". */
  path: string;
  /** Increases at every hash change: a new navigation, even to the same path. */
  seq: number;
}

let navigationSeq = 0;

export function parseHash(hash: string = window.location.hash): Route {
  let raw = hash.startsWith("#") ? hash.slice(1) : hash;
  if (!raw.startsWith("/")) raw = "/" + raw;
  const q = raw.indexOf("?");
  const pathPart = q >= 0 ? raw.slice(0, q) : raw;
  const query = new URLSearchParams(q >= 0 ? raw.slice(q + 1) : "");
  const segments = pathPart
    .split("/")
    .filter((s) => s.length > 0)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
  return { segments, query, path: pathPart, seq: navigationSeq };
}

/** Builds a hash path from segments, encoding each one: path("contacts", id) → "/contacts/<id>". */
export function path(...segments: string[]): string {
  return "/" + segments.map((s) => encodeURIComponent(s)).join("/");
}

/** The `href` for a path, e.g. href("/contacts") → "#/contacts". */
export function href(to: string): string {
  return "#" + to;
}

export function navigate(to: string): void {
  const target = "#" + to;
  if (window.location.hash !== target) {
    window.location.hash = target;
  }
}

/** The current route; re-renders the caller on every hash change. */
export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => parseHash());
  useEffect(() => {
    const onChange = () => {
      navigationSeq++;
      setRoute(parseHash());
    };
    window.addEventListener("hashchange", onChange);
    return () => window.removeEventListener("hashchange", onChange);
  }, []);
  return route;
}

// Paths of the screens, in one place.
export const routes = {
  dashboard: () => "/",
  missions: () => "/missions",
  mission: (id: string) => path("missions", id),
  missionEdit: (id: string) => path("missions", id, "edit"),
  missionNew: () => "/missions/new",
  /** A section of the mission page: overview, delegation or agenda. */
  missionSection: (id: string, section: "overview" | "delegation" | "agenda") =>
    path("missions", id) + "?section=" + section,
  meeting: (id: string) => path("meetings", id),
  meetingEdit: (id: string) => path("meetings", id, "edit"),
  followUps: (filter?: { mission?: string; member?: string; owner?: string }) => {
    const q = new URLSearchParams();
    if (filter?.mission) q.set("mission", filter.mission);
    if (filter?.member) q.set("member", filter.member);
    if (filter?.owner) q.set("owner", filter.owner);
    const qs = q.toString();
    return "/follow-ups" + (qs ? "?" + qs : "");
  },
  contacts: () => "/contacts",
  contact: (id: string) => path("contacts", id),
  contactEdit: (id: string) => path("contacts", id, "edit"),
  contactNew: (organisationId?: string) =>
    organisationId
      ? "/contacts/new?organisation=" + encodeURIComponent(organisationId)
      : "/contacts/new",
  organisations: () => "/organisations",
  organisation: (id: string) => path("organisations", id),
  organisationEdit: (id: string) => path("organisations", id, "edit"),
  organisationNew: () => "/organisations/new",
  members: () => "/members",
  member: (id: string, personId?: string) =>
    personId ? path("members", id) + "?person=" + encodeURIComponent(personId) : path("members", id),
  memberEdit: (id: string) => path("members", id, "edit"),
  memberNew: () => "/members/new",
  settings: () => "/settings",
  /** Contacts not met for the retention period, to keep or erase. */
  retention: () => "/settings/retention",
  missionReport: (id: string) => path("missions", id, "report"),
  /** The import wizard, optionally opened for a kind (and the participants' mission). */
  importWizard: (kind?: "contacts" | "members" | "participants", missionId?: string) => {
    const q = new URLSearchParams();
    if (kind) q.set("kind", kind);
    if (missionId) q.set("mission", missionId);
    const qs = q.toString();
    return "/import" + (qs ? "?" + qs : "");
  },
};
