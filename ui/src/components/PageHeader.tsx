// The header of each screen: the page <h1> (data-testid="page-title") and its actions.
import type { ComponentChildren } from "preact";
import { href } from "../router";
import { IconChevronRight } from "./Icons";

export function PageHeader({
  title,
  subtitle,
  actions,
}: {
  title: string;
  subtitle?: string;
  actions?: ComponentChildren;
}) {
  return (
    <header class="page-head">
      <div class="page-head-text">
        <h1 class="page-title" data-testid="page-title">
          {title}
        </h1>
        {subtitle && <p class="page-subtitle">{subtitle}</p>}
      </div>
      {actions && <div class="page-actions">{actions}</div>}
    </header>
  );
}

/** Header of a detail view: breadcrumb to the section, the record's name as the page <h1>. */
export function DetailHeader({
  section,
  sectionPath,
  title,
  kicker,
  meta,
  actions,
}: {
  section: string;
  sectionPath: string;
  title: string;
  kicker?: ComponentChildren;
  meta?: ComponentChildren;
  actions?: ComponentChildren;
}) {
  return (
    <header class="page-head detail-head">
      <div class="page-head-text">
        <nav class="crumbs" aria-label={section}>
          <a href={href(sectionPath)}>{section}</a>
          <IconChevronRight size={12} />
        </nav>
        <h1 class="page-title" data-testid="page-title">
          <span data-testid="detail-title">{title}</span>
          {kicker && <span class="title-kicker">{kicker}</span>}
        </h1>
        {meta && <div class="detail-meta">{meta}</div>}
      </div>
      {actions && <div class="page-actions">{actions}</div>}
    </header>
  );
}

/** Breadcrumb-style header for forms. */
export function FormHeader({
  section,
  sectionPath,
  title,
}: {
  section: string;
  sectionPath: string;
  title: string;
}) {
  return (
    <header class="page-head">
      <div class="page-head-text">
        <nav class="crumbs" aria-label={section}>
          <a href={href(sectionPath)}>{section}</a>
          <IconChevronRight size={12} />
        </nav>
        <h1 class="page-title" data-testid="page-title">
          {title}
        </h1>
      </div>
    </header>
  );
}
