// Label/value lists for detail views. Values are always rendered as text.
import type { ComponentChildren } from "preact";

export function Dl({ children, class: cls }: { children: ComponentChildren; class?: string }) {
  return <dl class={"dl" + (cls ? " " + cls : "")}>{children}</dl>;
}

function isBlank(v: ComponentChildren): boolean {
  return v === null || v === undefined || v === false || (typeof v === "string" && v.trim() === "");
}

export function DlRow({
  label,
  children,
  testid,
  wide,
  pre,
}: {
  label: string;
  children?: ComponentChildren;
  testid?: string;
  wide?: boolean;
  /** Keep line breaks (notes, objectives). */
  pre?: boolean;
}) {
  const blank = isBlank(children);
  return (
    <div class={"dl-row" + (wide ? " wide" : "")}>
      <dt>{label}</dt>
      <dd data-testid={testid} class={(blank ? "blank" : "") + (pre ? " pre" : "")}>
        {blank ? "—" : children}
      </dd>
    </div>
  );
}

export function Panel({
  title,
  count,
  actions,
  children,
  testid,
  class: cls,
}: {
  title: string;
  count?: number;
  actions?: ComponentChildren;
  children: ComponentChildren;
  testid?: string;
  class?: string;
}) {
  return (
    <section class={"panel" + (cls ? " " + cls : "")} data-testid={testid}>
      <header class="panel-head">
        <h2 class="panel-title">
          {title}
          {count !== undefined && <span class="panel-count">{count}</span>}
        </h2>
        {actions && <div class="panel-actions">{actions}</div>}
      </header>
      <div class="panel-body">{children}</div>
    </section>
  );
}
