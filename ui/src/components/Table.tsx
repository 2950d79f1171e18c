// Helpers for the list screens: sortable headers, the filter box (kept in the URL), row links.
import type { ComponentChildren } from "preact";
import { useMemo, useState } from "preact/hooks";
import { compareText, fold, t, tn } from "../i18n";
import { parseHash } from "../router";

export type SortDir = "asc" | "desc";
export interface SortState {
  key: string;
  dir: SortDir;
}

export type SortValue = string | number | null | undefined;

export function useSort<R>(
  rows: R[] | undefined,
  accessors: Record<string, (r: R) => SortValue>,
  initial: SortState | null,
) {
  const [sort, setSort] = useState<SortState | null>(initial);
  const sorted = useMemo(() => {
    if (!rows) return [];
    if (!sort || !accessors[sort.key]) return rows;
    const get = accessors[sort.key];
    const factor = sort.dir === "asc" ? 1 : -1;
    return rows
      .map((r, i) => ({ r, i, v: get(r) }))
      .sort((a, b) => {
        const av = a.v;
        const bv = b.v;
        let c: number;
        if (av === bv) c = 0;
        else if (av === null || av === undefined || av === "") c = 1;
        else if (bv === null || bv === undefined || bv === "") c = -1;
        else if (typeof av === "number" && typeof bv === "number") c = (av - bv) * factor;
        else c = compareText(String(av), String(bv)) * factor;
        return c || a.i - b.i;
      })
      .map((x) => x.r);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rows, sort]);

  const toggle = (key: string) => {
    setSort((s) => (s && s.key === key ? { key, dir: s.dir === "asc" ? "desc" : "asc" } : { key, dir: "asc" }));
  };
  return { sorted, sort, toggle };
}

export function SortTh({
  label,
  sortKey,
  sort,
  onSort,
  numeric,
  class: cls,
}: {
  label: string;
  sortKey: string;
  sort: SortState | null;
  onSort: (key: string) => void;
  numeric?: boolean;
  class?: string;
}) {
  const active = sort?.key === sortKey;
  const ariaSort = active ? (sort!.dir === "asc" ? "ascending" : "descending") : undefined;
  return (
    <th
      scope="col"
      class={[numeric ? "num" : "", cls ?? ""].filter(Boolean).join(" ") || undefined}
      aria-sort={ariaSort}
    >
      <button
        type="button"
        class={"th-sort" + (active ? " active" : "")}
        onClick={() => onSort(sortKey)}
        title={t("common.sortBy", { column: label })}
      >
        <span>{label}</span>
        <span class="sort-ind" aria-hidden="true">
          {active ? (sort!.dir === "asc" ? "▲" : "▼") : "↕"}
        </span>
      </button>
    </th>
  );
}

/** Every whitespace-separated word of `filter` occurs in one of `fields` (accent- and case-insensitive). */
export function matchesFilter(filter: string, fields: (string | null | undefined)[]): boolean {
  const words = fold(filter).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const hay = fold(fields.filter(Boolean).join(" \u0001 "));
  return words.every((w) => hay.includes(w));
}

/** The list filter, remembered in the URL (`?q=`) so that a reload or Back keeps it. */
export function useListFilter(): [string, (v: string) => void] {
  const [filter, setFilterState] = useState(() => parseHash().query.get("q") ?? "");
  const setFilter = (v: string) => {
    setFilterState(v);
    // Only `q` changes: other parameters of the screen (e.g. filters) stay.
    const { path, query } = parseHash();
    const parts = v ? ["q=" + encodeURIComponent(v)] : [];
    query.forEach((value, key) => {
      if (key !== "q") parts.push(encodeURIComponent(key) + "=" + encodeURIComponent(value));
    });
    const qs = parts.join("&");
    try {
      history.replaceState(history.state, "", "#" + path + (qs ? "?" + qs : ""));
    } catch {
      /* not important */
    }
  };
  return [filter, setFilter];
}

export function ListToolbar({
  filter,
  onFilter,
  shown,
  total,
  children,
}: {
  filter: string;
  onFilter: (v: string) => void;
  shown: number;
  total: number | undefined;
  children?: ComponentChildren;
}) {
  return (
    <div class="list-toolbar">
      <div class="filter-box">
        <input
          type="search"
          class="input filter-input"
          data-testid="list-filter"
          name="filter"
          value={filter}
          placeholder={t("common.filter")}
          aria-label={t("common.filterLabel")}
          autoComplete="off"
          spellcheck={false}
          onInput={(e) => onFilter(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === "Escape" && filter) {
              e.preventDefault();
              onFilter("");
            }
          }}
        />
      </div>
      {total !== undefined && (
        <span class="list-count" aria-live="polite">
          {filter ? t("common.filterCount", { shown, total }) : tn("common.count", total)}
        </span>
      )}
      {children}
    </div>
  );
}

/** "—" for empty cells. */
export function dash(v: string | null | undefined): string {
  return v && v.trim() ? v : "—";
}
