// The dismissible error banner and the short "Saved" notice.
import type { AppError } from "../api";
import { errorMessage, t, type Key } from "../i18n";
import { IconAlert, IconCheck, IconClose } from "./Icons";

export function ErrorBanner({ error, onDismiss }: { error: AppError; onDismiss: () => void }) {
  return (
    <div class="banner banner-error" role="alert" data-testid="error-banner" data-code={error.code}>
      <IconAlert size={18} class="banner-icon" />
      <div class="banner-body">
        <p class="banner-message">{errorMessage(error)}</p>
        {error.message && (
          <p class="tech-detail">
            {t("error.detail")}: {error.message}
          </p>
        )}
      </div>
      <button
        type="button"
        class="icon-btn"
        data-testid="error-dismiss"
        aria-label={t("action.dismiss")}
        title={t("action.dismiss")}
        onClick={onDismiss}
      >
        <IconClose />
      </button>
    </div>
  );
}

export function Notice({
  messageKey,
  params,
}: {
  messageKey: Key;
  params?: Record<string, string | number>;
}) {
  return (
    <div class="notice" role="status" aria-live="polite" data-testid="notice">
      <IconCheck size={16} />
      <span class="notice-text">{t(messageKey, params)}</span>
    </div>
  );
}
