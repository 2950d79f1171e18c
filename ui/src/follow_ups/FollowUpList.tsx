// Follow-ups across missions: filter by mission, member, owner, overdue only, with done ones.
// The filters live in the URL (`?mission=…&member=…&owner=…&overdue=1&done=1`).
import { useState } from "preact/hooks";
import * as api from "../api";
import type { FollowUpFilter, MemberSummary, MissionSummary, PersonSummary } from "../api";
import { useApp } from "../components/context";
import { PageHeader } from "../components/PageHeader";
import { Empty, LoadError, Loading } from "../components/States";
import { ListToolbar, matchesFilter, useListFilter } from "../components/Table";
import { useLoad } from "../components/useLoad";
import { t } from "../i18n";
import { parseHash } from "../router";
import { FollowUpTable, useFollowUpToggle } from "./FollowUpTable";

interface Filters {
  mission: string;
  member: string;
  owner: string;
  overdue: boolean;
  done: boolean;
}

function readFilters(): Filters {
  const q = parseHash().query;
  return {
    mission: q.get("mission") ?? "",
    member: q.get("member") ?? "",
    owner: q.get("owner") ?? "",
    overdue: q.get("overdue") === "1",
    done: q.get("done") === "1",
  };
}

function writeFilters(f: Filters) {
  const { path, query } = parseHash();
  const q = new URLSearchParams();
  const text = query.get("q");
  if (text) q.set("q", text);
  if (f.mission) q.set("mission", f.mission);
  if (f.member) q.set("member", f.member);
  if (f.owner) q.set("owner", f.owner);
  if (f.overdue) q.set("overdue", "1");
  if (f.done) q.set("done", "1");
  const qs = q.toString();
  try {
    history.replaceState(history.state, "", "#" + path + (qs ? "?" + qs : ""));
  } catch {
    /* not important */
  }
}

function toApiFilter(f: Filters): FollowUpFilter {
  return {
    missionId: f.mission || null,
    memberId: f.member || null,
    ownerPersonId: f.owner || null,
    overdueOnly: f.overdue,
    includeDone: f.done,
  };
}

export function FollowUpList() {
  const app = useApp();
  const [filters, setFiltersState] = useState<Filters>(readFilters);
  const [text, setText] = useListFilter();
  const setFilters = (patch: Partial<Filters>) => {
    const next = { ...filters, ...patch };
    setFiltersState(next);
    writeFilters(next);
  };
  const options = useLoad(async () => {
    const [missions, members, persons] = await Promise.all([
      api.missions.list().catch((): MissionSummary[] => []),
      api.members.list().catch((): MemberSummary[] => []),
      api.members.listPersons().catch((): PersonSummary[] => []),
    ]);
    return { missions, members, persons };
  });
  const key = JSON.stringify(filters);
  const loaded = useLoad(() => api.followUps.list(toApiFilter(filters)), [key, app.dataVersion]);
  const { rows, toggle } = useFollowUpToggle(loaded.data);
  const shown = (rows ?? []).filter((f) =>
    matchesFilter(text, [f.what, f.ownerName, f.ownerMemberName, f.contactName, f.missionTitle, f.meetingTitle]),
  );
  const persons = (options.data?.persons ?? []).filter((p) => !filters.member || p.memberId === filters.member);
  const anyFilter = filters.mission || filters.member || filters.owner || filters.overdue;

  return (
    <div class="screen">
      <PageHeader title={t("followUps.title")} subtitle={t("followUps.subtitle")} />
      <div class="filter-bar" role="group" aria-label={t("followUps.filters")}>
        <label class="filter-item">
          <span>{t("col.mission")}</span>
          <select
            class="input select"
            name="missionId"
            data-testid="follow-ups-mission"
            value={filters.mission}
            onChange={(e) => setFilters({ mission: e.currentTarget.value })}
          >
            <option value="">{t("followUps.allMissions")}</option>
            {(options.data?.missions ?? []).map((m) => (
              <option key={m.id} value={m.id}>
                {m.title}
              </option>
            ))}
          </select>
        </label>
        <label class="filter-item">
          <span>{t("col.member")}</span>
          <select
            class="input select"
            name="memberId"
            data-testid="follow-ups-member"
            value={filters.member}
            onChange={(e) => {
              const member = e.currentTarget.value;
              const owner = options.data?.persons.find((p) => p.id === filters.owner);
              setFilters({ member, owner: owner && member && owner.memberId !== member ? "" : filters.owner });
            }}
          >
            <option value="">{t("followUps.allMembers")}</option>
            {(options.data?.members ?? []).map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
        <label class="filter-item">
          <span>{t("col.owner")}</span>
          <select
            class="input select"
            name="ownerPersonId"
            data-testid="follow-ups-owner"
            value={filters.owner}
            onChange={(e) => setFilters({ owner: e.currentTarget.value })}
          >
            <option value="">{t("followUps.allOwners")}</option>
            {persons.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} · {p.memberName}
              </option>
            ))}
          </select>
        </label>
        <label class="filter-check">
          <input
            type="checkbox"
            class="checkbox"
            name="overdueOnly"
            data-testid="follow-ups-overdue"
            checked={filters.overdue}
            onChange={(e) => setFilters({ overdue: e.currentTarget.checked })}
          />
          <span>{t("followUps.overdueOnly")}</span>
        </label>
        <label class="filter-check">
          <input
            type="checkbox"
            class="checkbox"
            name="includeDone"
            data-testid="follow-ups-include-done"
            checked={filters.done}
            onChange={(e) => setFilters({ done: e.currentTarget.checked })}
          />
          <span>{t("followUps.includeDone")}</span>
        </label>
      </div>
      <ListToolbar filter={text} onFilter={setText} shown={shown.length} total={rows?.length} />
      {loaded.error && !loaded.data ? (
        <LoadError error={loaded.error} onRetry={loaded.reload} />
      ) : !rows ? (
        <Loading />
      ) : rows.length === 0 ? (
        <Empty>{anyFilter ? t("followUps.emptyFiltered") : t("followUps.empty")}</Empty>
      ) : (
        <div class="table-wrap">
          <FollowUpTable rows={shown} onToggle={toggle} />
          {shown.length === 0 && <p class="no-match">{t("common.noMatch", { text })}</p>}
        </div>
      )}
    </div>
  );
}
