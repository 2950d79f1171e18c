// Form state and fields: labels bound to inputs, `name` = the camelCase input key,
// server `invalid` / `conflict` errors shown next to their field, keyboard friendly
// (first field focused, Enter submits, Ctrl+Enter submits from a textarea, Esc cancels).
import type { ComponentChildren, RefObject } from "preact";
import { useLayoutEffect, useRef, useState } from "preact/hooks";
import { toAppError } from "../api";
import { capitalise, reasonText, t } from "../i18n";
import { useApp } from "./context";

export interface FieldProblem {
  code: string;
  reason?: string;
}

export interface FormApi<T> {
  values: T;
  set: <K extends keyof T>(key: K, value: T[K]) => void;
  errors: Partial<Record<string, FieldProblem>>;
  saving: boolean;
  idPrefix: string;
  formRef: RefObject<HTMLFormElement>;
  /** Runs `action` with the values; field errors go next to the field, others to the banner. */
  submit: <R>(action: (values: T) => Promise<R>, onSuccess: (result: R) => void) => Promise<void>;
}

let formSeq = 0;

export function useForm<T extends object>(initial: T | (() => T)): FormApi<T> {
  const app = useApp();
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrors] = useState<Partial<Record<string, FieldProblem>>>({});
  const [saving, setSaving] = useState(false);
  const [idPrefix] = useState(() => `f${++formSeq}`);
  const valuesRef = useRef(values);
  valuesRef.current = values;
  const savingRef = useRef(false);
  const formRef = useRef<HTMLFormElement>(null);

  const set = <K extends keyof T>(key: K, value: T[K]) => {
    setValues((v) => {
      const next = { ...v, [key]: value };
      valuesRef.current = next;
      return next;
    });
    setErrors((errs) => {
      if (!errs[key as string]) return errs;
      const next = { ...errs };
      delete next[key as string];
      return next;
    });
  };

  const submit = async <R,>(action: (values: T) => Promise<R>, onSuccess: (result: R) => void) => {
    if (savingRef.current) return;
    savingRef.current = true;
    setSaving(true);
    setErrors({});
    app.clearError();
    let result: R;
    try {
      result = await action(valuesRef.current);
    } catch (raw) {
      const e = toAppError(raw);
      savingRef.current = false;
      setSaving(false);
      if ((e.code === "invalid" || e.code === "conflict") && e.field && e.field in valuesRef.current) {
        const field = e.field;
        setErrors({ [field]: { code: e.code, reason: e.reason } });
        requestAnimationFrame(() => {
          const el = formRef.current?.querySelector<HTMLElement>(`[name="${CSS.escape(field)}"]`);
          el?.focus();
        });
      } else {
        app.showError(e);
      }
      return;
    }
    savingRef.current = false;
    setSaving(false);
    onSuccess(result);
  };

  return { values, set, errors, saving, idPrefix, formRef, submit };
}

export function problemText(p: FieldProblem): string {
  if (p.code === "conflict") return capitalise(t("reason.conflict"));
  return capitalise(reasonText(p.reason));
}

type KeysOfType<T, V> = { [K in keyof T]-?: T[K] extends V ? K : never }[keyof T] & string;

interface FieldBase<T> {
  form: FormApi<T>;
  label: string;
  required?: boolean;
  hint?: string;
  /** Extra classes on the wrapper, e.g. "span-2". */
  wide?: boolean;
}

/** The label, the control and its error or hint, as every field of the forms has them. */
export function FieldWrap({
  id,
  name,
  label,
  required,
  hint,
  problem,
  wide,
  children,
  inline,
}: {
  id: string;
  name: string;
  label: string;
  required?: boolean;
  hint?: string;
  problem?: FieldProblem;
  wide?: boolean;
  children: ComponentChildren;
  inline?: boolean;
}) {
  const cls = ["field", wide ? "span-2" : "", problem ? "has-error" : "", inline ? "field-inline" : ""]
    .filter(Boolean)
    .join(" ");
  const labelEl = (
    <label for={id}>
      {label}
      {required && (
        <span class="req" title={t("common.required")}>
          {" *"}
        </span>
      )}
    </label>
  );
  return (
    <div class={cls}>
      {inline ? (
        <div class="check-row">
          {children}
          {labelEl}
        </div>
      ) : (
        <>
          {labelEl}
          {children}
        </>
      )}
      {problem ? (
        <p class="field-error" id={`${id}-error`} data-testid="field-error" data-field={name}>
          {problemText(problem)}
        </p>
      ) : hint ? (
        <p class="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export function describedBy(id: string, problem?: FieldProblem, hint?: string): string | undefined {
  if (problem) return `${id}-error`;
  if (hint) return `${id}-hint`;
  return undefined;
}

export function TextField<T>({
  form,
  name,
  label,
  required,
  hint,
  wide,
  type = "text",
  list,
  maxLength,
  placeholder,
  autoComplete = "off",
  lang,
  spellcheck,
  class: cls,
  step,
}: FieldBase<T> & {
  name: KeysOfType<T, string>;
  type?: "text" | "email" | "url" | "tel" | "date" | "time";
  list?: string;
  /** For time inputs: the step in seconds (300 = five minutes). */
  step?: number;
  maxLength?: number;
  placeholder?: string;
  autoComplete?: string;
  lang?: string;
  spellcheck?: boolean;
  class?: string;
}) {
  const id = `${form.idPrefix}-${name}`;
  const problem = form.errors[name];
  return (
    <FieldWrap id={id} name={name} label={label} required={required} hint={hint} problem={problem} wide={wide}>
      <input
        id={id}
        name={name}
        type={type}
        class={"input" + (cls ? " " + cls : "")}
        value={(form.values[name] as unknown as string) ?? ""}
        onInput={(e) => form.set(name, e.currentTarget.value as T[typeof name])}
        list={list}
        step={step}
        maxLength={maxLength}
        placeholder={placeholder}
        autoComplete={autoComplete}
        lang={lang}
        spellcheck={spellcheck}
        aria-required={required ? "true" : undefined}
        aria-invalid={problem ? "true" : undefined}
        aria-describedby={describedBy(id, problem, hint)}
      />
    </FieldWrap>
  );
}

export function TextArea<T>({
  form,
  name,
  label,
  required,
  hint,
  wide = true,
  rows = 4,
}: FieldBase<T> & { name: KeysOfType<T, string>; rows?: number }) {
  const id = `${form.idPrefix}-${name}`;
  const problem = form.errors[name];
  return (
    <FieldWrap id={id} name={name} label={label} required={required} hint={hint} problem={problem} wide={wide}>
      <textarea
        id={id}
        name={name}
        class="input textarea"
        rows={rows}
        value={(form.values[name] as unknown as string) ?? ""}
        onInput={(e) => form.set(name, e.currentTarget.value as T[typeof name])}
        aria-required={required ? "true" : undefined}
        aria-invalid={problem ? "true" : undefined}
        aria-describedby={describedBy(id, problem, hint)}
      />
    </FieldWrap>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField<T>({
  form,
  name,
  label,
  required,
  hint,
  wide,
  options,
}: FieldBase<T> & { name: KeysOfType<T, string>; options: Option[] }) {
  const id = `${form.idPrefix}-${name}`;
  const problem = form.errors[name];
  const value = (form.values[name] as unknown as string) ?? "";
  return (
    <FieldWrap id={id} name={name} label={label} required={required} hint={hint} problem={problem} wide={wide}>
      <select
        id={id}
        name={name}
        class="input select"
        value={value}
        onChange={(e) => form.set(name, e.currentTarget.value as T[typeof name])}
        aria-required={required ? "true" : undefined}
        aria-invalid={problem ? "true" : undefined}
        aria-describedby={describedBy(id, problem, hint)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldWrap>
  );
}

export function CheckboxField<T>({
  form,
  name,
  label,
  hint,
  wide,
}: FieldBase<T> & { name: KeysOfType<T, boolean> }) {
  const id = `${form.idPrefix}-${name}`;
  const problem = form.errors[name];
  return (
    <FieldWrap id={id} name={name} label={label} hint={hint} problem={problem} wide={wide} inline>
      <input
        id={id}
        name={name}
        type="checkbox"
        class="checkbox"
        checked={Boolean(form.values[name])}
        onChange={(e) => form.set(name, e.currentTarget.checked as T[typeof name])}
        aria-invalid={problem ? "true" : undefined}
        aria-describedby={describedBy(id, problem, hint)}
      />
    </FieldWrap>
  );
}

/** A <form> with Save / Cancel and the keyboard behaviour. */
export function FormShell<T>({
  form,
  onSubmit,
  onCancel,
  children,
  class: cls,
  testid,
  autoFocus = true,
}: {
  form: FormApi<T>;
  onSubmit: () => void;
  onCancel: () => void;
  children: ComponentChildren;
  class?: string;
  testid?: string;
  /** Focus the first field when the form appears (default). */
  autoFocus?: boolean;
}) {
  useLayoutEffect(() => {
    if (!autoFocus) return;
    const el = form.formRef.current?.querySelector<HTMLElement>(
      "input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled])",
    );
    el?.focus();
    // Only when the form appears.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Escape" && !e.defaultPrevented) {
      e.preventDefault();
      onCancel();
    } else if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      onSubmit();
    }
  };

  return (
    <form
      class={"form" + (cls ? " " + cls : "")}
      ref={form.formRef}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
      onKeyDown={onKeyDown}
      data-testid={testid}
      aria-busy={form.saving ? "true" : undefined}
    >
      {children}
      <div class="form-actions">
        <button type="submit" class="btn btn-primary" data-testid="save" disabled={form.saving}>
          {form.saving ? t("action.saving") : t("action.save")}
        </button>
        <button type="button" class="btn" data-testid="cancel" onClick={onCancel}>
          {t("action.cancel")}
        </button>
        <span class="form-hint">
          {t("common.requiredLegend")} {t("common.shortcutCtrlEnter")}
        </span>
      </div>
    </form>
  );
}

/** A titled group of fields on a two-column grid. */
export function FormSection({ title, children }: { title?: string; children: ComponentChildren }) {
  return (
    <fieldset class="form-section">
      {title && <legend>{title}</legend>}
      <div class="form-grid">{children}</div>
    </fieldset>
  );
}

/** A <datalist> of suggestions with optional labels. */
export function DataList({ id, values, label }: { id: string; values: string[]; label?: (v: string) => string }) {
  return (
    <datalist id={id}>
      {values.map((v) => (
        <option key={v} value={v}>
          {label ? label(v) : v}
        </option>
      ))}
    </datalist>
  );
}
