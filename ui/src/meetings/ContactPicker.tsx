// Picks contacts by typing: a type-ahead over the contacts (search_query), ↑/↓ to move, Enter to
// pick, Backspace on an empty box removes the last one, Esc closes the suggestions. Optionally
// offers "create a new contact" for what was typed when nothing fits.
import type { Ref } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import * as api from "../api";
import type { SearchHit } from "../api";
import { useApp } from "../components/context";
import { IconClose, IconContact, IconPlus } from "../components/Icons";
import { t } from "../i18n";

export interface PickedContact {
  id: string;
  name: string;
  /** The organisation's name, or "". */
  organisation: string;
}

const DEBOUNCE_MS = 120;
const LIMIT = 20;

type Option = { kind: "hit"; hit: SearchHit } | { kind: "create"; text: string };

export function ContactPicker({
  id,
  picked,
  onPick,
  onRemove,
  onCreate,
  inputRef,
  inputTestid = "contact-search",
  optionTestid = "contact-option",
  createTestid = "new-contact-inline",
  placeholder,
  describedBy,
}: {
  id: string;
  picked: PickedContact[];
  onPick: (c: PickedContact) => void;
  onRemove: (id: string) => void;
  /** Offers "create new contact" for the typed text. */
  onCreate?: (text: string) => void;
  inputRef?: Ref<HTMLInputElement>;
  inputTestid?: string;
  optionTestid?: string;
  createTestid?: string;
  placeholder?: string;
  describedBy?: string;
}) {
  const app = useApp();
  const [text, setText] = useState("");
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [status, setStatus] = useState<"idle" | "loading" | "done">("idle");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const seq = useRef(0);
  const timer = useRef<number | undefined>(undefined);
  const pickOnArrival = useRef(false);
  const pickedRef = useRef(picked);
  pickedRef.current = picked;
  const listId = `${id}-options`;

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const visibleHits = hits.filter((h) => !picked.some((p) => p.id === h.id));
  const options: Option[] = visibleHits.map((hit) => ({ kind: "hit", hit }));
  const query = text.trim();
  if (onCreate && query && status === "done") options.push({ kind: "create", text: query });

  const reset = () => {
    seq.current++;
    window.clearTimeout(timer.current);
    pickOnArrival.current = false;
    setText("");
    setHits([]);
    setStatus("idle");
    setActive(0);
    setOpen(false);
  };

  const choose = (o: Option) => {
    if (o.kind === "hit") {
      onPick({ id: o.hit.id, name: o.hit.title, organisation: o.hit.subtitle });
      reset();
    } else if (onCreate) {
      reset();
      onCreate(o.text);
    }
  };

  const runSearch = (value: string) => {
    const n = ++seq.current;
    window.clearTimeout(timer.current);
    const q = value.trim();
    if (!q) {
      pickOnArrival.current = false;
      setHits([]);
      setStatus("idle");
      return;
    }
    setStatus("loading");
    timer.current = window.setTimeout(() => {
      api.search.query(q, LIMIT).then(
        (result) => {
          if (n !== seq.current) return;
          const contacts = result.filter((h) => h.kind === "contact");
          setHits(contacts);
          setActive(0);
          setStatus("done");
          if (pickOnArrival.current) {
            pickOnArrival.current = false;
            const first = contacts.find((h) => !pickedRef.current.some((p) => p.id === h.id));
            if (first) choose({ kind: "hit", hit: first });
            else if (onCreate) choose({ kind: "create", text: q });
          }
        },
        (e: unknown) => {
          if (n !== seq.current) return;
          pickOnArrival.current = false;
          setHits([]);
          setStatus("done");
          app.showError(e);
        },
      );
    }, DEBOUNCE_MS);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const count = options.length;
    switch (e.key) {
      case "ArrowDown":
        if (!query) return;
        e.preventDefault();
        setOpen(true);
        if (count) setActive((a) => (a + 1) % count);
        break;
      case "ArrowUp":
        if (!query) return;
        e.preventDefault();
        setOpen(true);
        if (count) setActive((a) => (a - 1 + count) % count);
        break;
      case "Enter":
        if (e.ctrlKey || e.metaKey) return; // Ctrl+Enter saves the form
        if (!query) return; // an empty box: Enter submits as in any field
        e.preventDefault();
        if (status === "loading") {
          pickOnArrival.current = true;
          return;
        }
        {
          const o = options[active] ?? options[0];
          if (o) choose(o);
        }
        break;
      case "Escape":
        if (open && query) {
          e.preventDefault();
          e.stopPropagation();
          setOpen(false);
        } else if (query) {
          e.preventDefault();
          e.stopPropagation();
          reset();
        }
        break;
      case "Backspace":
        if (!text && pickedRef.current.length > 0) {
          e.preventDefault();
          onRemove(pickedRef.current[pickedRef.current.length - 1].id);
        }
        break;
    }
  };

  const showDropdown = open && query.length > 0;
  const activeId = showDropdown && options[active] ? `${id}-option-${active}` : undefined;

  return (
    <div class="picker">
      {picked.length > 0 && (
        <ul class="chips" aria-label={t("picker.picked")}>
          {picked.map((c) => (
            <li key={c.id} class="chip" data-testid="picked-contact" data-id={c.id}>
              <IconContact size={13} />
              <span class="chip-name">{c.name}</span>
              {c.organisation && <span class="chip-sub">{c.organisation}</span>}
              <button
                type="button"
                class="chip-remove"
                aria-label={t("picker.remove", { name: c.name })}
                title={t("picker.remove", { name: c.name })}
                onClick={() => onRemove(c.id)}
              >
                <IconClose size={12} />
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="picker-box">
        <input
          id={id}
          ref={inputRef}
          type="text"
          class="input"
          data-testid={inputTestid}
          name="contactSearch"
          role="combobox"
          aria-expanded={showDropdown ? "true" : "false"}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeId}
          aria-describedby={describedBy}
          autoComplete="off"
          spellcheck={false}
          placeholder={placeholder ?? t("picker.placeholder")}
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
        {showDropdown && (
          <div class="picker-dropdown" onMouseDown={(e) => e.preventDefault()}>
            {options.length > 0 ? (
              <ul class="picker-options" id={listId} role="listbox" aria-label={t("picker.options")}>
                {options.map((o, i) =>
                  o.kind === "hit" ? (
                    <li
                      key={o.hit.id}
                      id={`${id}-option-${i}`}
                      role="option"
                      aria-selected={i === active ? "true" : "false"}
                      class={"picker-option" + (i === active ? " active" : "")}
                      data-testid={optionTestid}
                      data-id={o.hit.id}
                      onMouseEnter={() => setActive(i)}
                      onClick={() => choose(o)}
                    >
                      <span class="picker-option-name">{o.hit.title}</span>
                      {o.hit.subtitle && <span class="picker-option-sub">{o.hit.subtitle}</span>}
                    </li>
                  ) : (
                    <li
                      key="create"
                      id={`${id}-option-${i}`}
                      role="option"
                      aria-selected={i === active ? "true" : "false"}
                      class={"picker-option picker-create" + (i === active ? " active" : "")}
                      data-testid={createTestid}
                      onMouseEnter={() => setActive(i)}
                      onClick={() => choose(o)}
                    >
                      <IconPlus size={14} />
                      <span>{t("picker.create", { text: o.text })}</span>
                    </li>
                  ),
                )}
              </ul>
            ) : (
              <p class="picker-empty" id={listId}>
                {status === "done" ? t("picker.noMatch") : t("search.searching")}
              </p>
            )}
            <p class="search-hint">{t(onCreate ? "picker.hintCreate" : "picker.hint")}</p>
          </div>
        )}
      </div>
    </div>
  );
}
