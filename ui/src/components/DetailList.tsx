// Label/value lists for detail views. Values are always rendered as text.
import type { ComponentChildren } from "preact";

export function Dl({ children, class: cls }: { children: ComponentChildren; class?: string }) {
  return <dl class={"dl" + (cls ? " " + cls : "")}>{children}</dl>;
}

function isBlank(v: ComponentChildren): boolean {
  return v === null || v === undefined || v === false || (typeof v === "string" && v.trim() === "");
}

/** An address with places to wrap: after "@" and "/", before each dot. A narrow column
 *  otherwise wraps it at any letter ("michael.rossi@exa" / "mple.com"). Adds no characters. */
export function withBreaks(text: string): ComponentChildren {
  const parts: ComponentChildren[] = [];
  let start = 0;
  for (let i = 1; i < text.length; i++) {
    if (text[i] === "." || text[i - 1] === "@" || text[i - 1] === "/") {
      parts.push(text.slice(start, i), <wbr />);
      start = i;
    }
  }
  parts.push(text.slice(start));
  return parts;
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
