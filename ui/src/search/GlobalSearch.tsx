// The global search in the top bar: search as you type, ↑/↓, Enter, Esc; Ctrl+K or "/" focuses it.
import { useEffect, useRef, useState } from "preact/hooks";
import * as api from "../api";
import type { HitKind, SearchHit } from "../api";
import { useApp } from "../components/context";
import { IconContact, IconMembers, IconOrganisation, IconSearch } from "../components/Icons";
import { fold, hitKindLabel, t } from "../i18n";
import { navigate, routes } from "../router";

const DEBOUNCE_MS = 100;
const LIMIT = 20;

/** Where a hit leads. A person opens its member (highlighting the person). */
export function hitPath(hit: SearchHit): string {
  switch (hit.kind) {
    case "contact":
      return routes.contact(hit.id);
    case "organisation":
      return routes.organisation(hit.id);
    case "member":
      return routes.member(hit.id);
    case "person":
      return hit.parentId ? routes.member(hit.parentId, hit.id) : routes.members();
    default:
      return routes.dashboard();
  }
}

function KindIcon({ kind }: { kind: HitKind }) {
  switch (kind) {
    case "organisation":
      return <IconOrganisation size={14} />;
    case "member":
      return <IconMembers size={14} />;
    default:
      return <IconContact size={14} />;
  }
}

/** Shows `text` with the first occurrence of `query` marked (as text nodes, never HTML). */
function Highlight({ text, query }: { text: string; query: string }) {
  const q = fold(query.trim());
  const folded = fold(text);
  if (!q || folded.length !== text.length) return <>{text}</>;
  const at = folded.indexOf(q);
  if (at < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <mark>{text.slice(at, at + q.length)}</mark>
      {text.slice(at + q.length)}
    </>
  );
}

function isEditable(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable) return true;
  const tag = el.tagName;
  return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT";
}

export function GlobalSearch() {
  const app = useApp();
  const [text, setText] = useState("");
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [status, setStatus] = useState<"idle" | "loading" | "done">("idle");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const seq = useRef(0);
  const timer = useRef<number | undefined>(undefined);
  const openOnArrival = useRef(false);
  const hitsRef = useRef(hits);
  hitsRef.current = hits;

  // Ctrl+K (or Cmd+K) anywhere, or "/" outside a text field, focuses the search.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (document.querySelector(".modal-backdrop")) return;
      const isCtrlK = (e.ctrlKey || e.metaKey) && !e.altKey && (e.key === "k" || e.key === "K");
      const isSlash = e.key === "/" && !e.ctrlKey && !e.metaKey && !e.altKey && !isEditable(e.target);
      if (isCtrlK || isSlash) {
        e.preventDefault();
        inputRef.current?.focus();
        inputRef.current?.select();
        if (inputRef.current?.value.trim()) setOpen(true);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => {
      window.removeEventListener("keydown", onKey);
      window.clearTimeout(timer.current);
    };
  }, []);

  // Keep the active hit in view.
  useEffect(() => {
    const el = listRef.current?.querySelector<HTMLElement>(`[data-index="${active}"]`);
    el?.scrollIntoView({ block: "nearest" });
  }, [active, open]);

  const openHit = (hit: SearchHit) => {
    openOnArrival.current = false;
    seq.current++;
    window.clearTimeout(timer.current);
    setOpen(false);
    setText("");
    setHits([]);
    setStatus("idle");
    inputRef.current?.blur();
    navigate(hitPath(hit));
  };

  const runSearch = (value: string) => {
    const n = ++seq.current; // any older request or timer is now stale
    window.clearTimeout(timer.current);
    const query = value.trim();
    if (!query) {
      openOnArrival.current = false;
      setHits([]);
      setStatus("idle");
      return;
    }
    setStatus("loading");
    timer.current = window.setTimeout(() => {
      api.search.query(query, LIMIT).then(
        (result) => {
          if (n !== seq.current) return;
          setHits(result);
          setActive(0);
          setStatus("done");
          if (openOnArrival.current) {
            openOnArrival.current = false;
            if (result.length > 0) openHit(result[0]);
          }
        },
        (e: unknown) => {
          if (n !== seq.current) return;
          openOnArrival.current = false;
          setHits([]);
          setStatus("done");
          app.showError(e);
        },
      );
    }, DEBOUNCE_MS);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const count = hitsRef.current.length;
    switch (e.key) {
      case "ArrowDown":
        e.preventDefault();
        setOpen(true);
        if (count) setActive((a) => (a + 1) % count);
        break;
      case "ArrowUp":
        e.preventDefault();
        setOpen(true);
        if (count) setActive((a) => (a - 1 + count) % count);
        break;
      case "Enter": {
        e.preventDefault();
        if (status === "loading") {
          // Results for what was just typed are on their way: open the best one when they arrive.
          openOnArrival.current = true;
          return;
        }
        const hit = hitsRef.current[active] ?? hitsRef.current[0];
        if (hit) openHit(hit);
        break;
      }
      case "Escape":
        e.preventDefault();
        if (open && text) {
          setOpen(false);
        } else {
          setText("");
          runSearch("");
          setOpen(false);
          inputRef.current?.blur();
        }
        break;
    }
  };

  const showDropdown = open && text.trim().length > 0;
  const listId = "global-search-results";
  const activeId = showDropdown && hits[active] ? `search-hit-${active}` : undefined;

  return (
    <div class="search" role="search">
      <IconSearch size={16} class="search-icon" />
      <input
        ref={inputRef}
        type="text"
        class="search-input"
        data-testid="global-search"
        name="globalSearch"
        placeholder={t("search.placeholder")}
        aria-label={t("search.label")}
        role="combobox"
        aria-expanded={showDropdown ? "true" : "false"}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeId}
        autoComplete="off"
        spellcheck={false}
        value={text}
        onInput={(e) => {
          const v = e.currentTarget.value;
          setText(v);
          setOpen(true);
          runSearch(v);
        }}
        onFocus={() => {
          if (text.trim()) setOpen(true);
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <kbd class="search-kbd" aria-hidden="true">
        Ctrl K
      </kbd>
      {showDropdown && (
        <div class="search-dropdown" onMouseDown={(e) => e.preventDefault()}>
          {hits.length > 0 ? (
            <ul class="search-hits" id={listId} role="listbox" aria-label={t("search.results")} ref={listRef}>
              {hits.map((hit, i) => (
                <li
                  key={`${hit.kind}:${hit.id}`}
                  id={`search-hit-${i}`}
                  role="option"
                  aria-selected={i === active ? "true" : "false"}
                  class={"search-hit" + (i === active ? " active" : "")}
                  data-testid="search-hit"
                  data-kind={hit.kind}
                  data-id={hit.id}
                  data-index={i}
                  onMouseEnter={() => setActive(i)}
                  onClick={() => openHit(hit)}
                >
                  <span class={`hit-kind hit-kind-${hit.kind}`}>
                    <KindIcon kind={hit.kind} />
                    <span>{hitKindLabel(hit.kind)}</span>
                  </span>
                  <span class="hit-text">
                    <span class="hit-title">
                      <Highlight text={hit.title} query={text} />
                    </span>
                    {hit.subtitle && <span class="hit-subtitle">{hit.subtitle}</span>}
                  </span>
                </li>
              ))}
            </ul>
          ) : status === "done" ? (
            <p class="search-empty" id={listId} data-testid="search-empty">
              {t("search.noResults")}
            </p>
          ) : (
            <p class="search-empty" id={listId}>
              {t("search.searching")}
            </p>
          )}
          <p class="search-hint">{t("search.hint")}</p>
        </div>
      )}
    </div>
  );
}
