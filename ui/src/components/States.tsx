// Loading, empty, not-found and load-error states shared by every screen.
import type { ComponentChildren } from "preact";
import type { AppError } from "../api";
import { errorMessage, t } from "../i18n";
import { href } from "../router";
import { IconAlert } from "./Icons";

export function Loading() {
  return (
    <div class="state state-loading" role="status" aria-live="polite" data-testid="loading">
      <span class="spinner" aria-hidden="true" />
      <span>{t("common.loading")}</span>
    </div>
  );
}

export function Empty({ children, action }: { children: ComponentChildren; action?: ComponentChildren }) {
  return (
    <div class="state state-empty" data-testid="empty">
      <p>{children}</p>
      {action}
    </div>
  );
}

export function NotFound({ backTo, section }: { backTo: string; section: string }) {
  return (
    <div class="state state-notfound" data-testid="not-found">
      <h1 class="state-title" data-testid="page-title">
        {t("common.notFoundTitle")}
      </h1>
      <p>{t("common.notFoundBody")}</p>
      <a class="btn" href={href(backTo)}>
        {t("common.backTo", { section })}
      </a>
    </div>
  );
}

export function LoadError({ error, onRetry }: { error: AppError; onRetry: () => void }) {
  return (
    <div class="state state-error" role="alert" data-testid="load-error">
      <IconAlert size={20} />
      <p>
        <strong>{t("common.loadFailed")}</strong> {errorMessage(error)}
      </p>
      {error.message && <p class="tech-detail">{error.message}</p>}
      <button type="button" class="btn" onClick={onRetry}>
        {t("action.retry")}
      </button>
    </div>
  );
}

/** Renders loading / error / not-found for a detail load, or the children once loaded. */
export function LoadGate<T>({
  loaded,
  backTo,
  section,
  children,
}: {
  loaded: { data: T | undefined; error: AppError | undefined; loading: boolean; reload: () => void };
  backTo: string;
  section: string;
  children: (data: T) => ComponentChildren;
}) {
  if (loaded.error) {
    if (loaded.error.code === "not_found") return <NotFound backTo={backTo} section={section} />;
    return <LoadError error={loaded.error} onRetry={loaded.reload} />;
  }
  if (loaded.data === undefined) return <Loading />;
  return <>{children(loaded.data)}</>;
}
