// Our own confirmation dialog (window.confirm is unreliable in the WebKitGTK webview).
import type { ComponentChildren } from "preact";
import { useLayoutEffect, useRef, useState } from "preact/hooks";
import { t, type Key } from "../i18n";
import { useApp } from "./context";
import { IconTrash } from "./Icons";

let dialogSeq = 0;

export function Modal({
  title,
  children,
  actions,
  onClose,
  testid,
  class: cls,
}: {
  title: string;
  children: ComponentChildren;
  actions: ComponentChildren;
  onClose: () => void;
  testid?: string;
  /** Extra classes on the dialog box, e.g. "modal-wide". */
  class?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [titleId] = useState(() => `dialog-title-${++dialogSeq}`);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useLayoutEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const box = ref.current;
    // Focus the safe action (marked data-autofocus), else the first button.
    const first = box?.querySelector<HTMLElement>("[data-autofocus]") ?? box?.querySelector<HTMLElement>("button");
    first?.focus();
    return () => {
      if (previous && document.contains(previous)) previous.focus();
    };
  }, []);

  // Esc closes the dialog wherever the focus is (attached before the first paint).
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        e.preventDefault();
        e.stopPropagation();
        onCloseRef.current();
      }
    };
    document.addEventListener("keydown", onKey, true);
    return () => document.removeEventListener("keydown", onKey, true);
  }, []);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Tab" && ref.current) {
      const items = Array.from(
        ref.current.querySelectorAll<HTMLElement>("button:not([disabled]), a[href], input, select, textarea"),
      );
      if (items.length === 0) return;
      const firstEl = items[0];
      const lastEl = items[items.length - 1];
      if (e.shiftKey && document.activeElement === firstEl) {
        e.preventDefault();
        lastEl.focus();
      } else if (!e.shiftKey && document.activeElement === lastEl) {
        e.preventDefault();
        firstEl.focus();
      }
    }
  };

  return (
    <div
      class="modal-backdrop"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) onCloseRef.current();
      }}
    >
      <div
        class={"modal" + (cls ? " " + cls : "")}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        ref={ref}
        onKeyDown={onKeyDown}
        data-testid={testid}
      >
        <h2 class="modal-title" id={titleId}>
          {title}
        </h2>
        <div class="modal-body">{children}</div>
        <div class="modal-actions">{actions}</div>
      </div>
    </div>
  );
}

export function ConfirmDeleteDialog({
  name,
  body,
  busy,
  onConfirm,
  onCancel,
  title,
  confirmLabel,
  busyLabel,
  note = true,
}: {
  name: string;
  body?: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  /** Replaces "Delete «name»?" (e.g. for a removal that deletes nothing else). */
  title?: string;
  confirmLabel?: string;
  busyLabel?: string;
  /** Show "Deleting is permanent…" (default). */
  note?: boolean;
}) {
  return (
    <Modal
      title={title ?? t("confirm.title", { name })}
      onClose={() => {
        if (!busy) onCancel();
      }}
      testid="confirm-dialog"
      actions={
        <>
          <button type="button" class="btn" data-testid="cancel" data-autofocus onClick={onCancel} disabled={busy}>
            {t("action.cancel")}
          </button>
          <button type="button" class="btn btn-danger" data-testid="confirm-delete" onClick={onConfirm} disabled={busy}>
            <IconTrash />
            {busy ? (busyLabel ?? t("action.deleting")) : (confirmLabel ?? t("action.delete"))}
          </button>
        </>
      }
    >
      {body && <p>{body}</p>}
      {note && <p class="muted">{t("confirm.body")}</p>}
    </Modal>
  );
}

export interface DeleteRequest {
  /** The record's name, shown in the question. */
  name: string;
  /** An extra sentence about what will be deleted. */
  body?: string;
  run: () => Promise<unknown>;
  /** After a successful delete (e.g. navigate to the list, or reload). */
  onDone: () => void;
  /** Wording for a removal rather than a deletion. */
  title?: string;
  confirmLabel?: string;
  busyLabel?: string;
  /** The notice shown afterwards (default "Deleted"). */
  doneNotice?: Key;
  /** Hide "Deleting is permanent…" (e.g. for undoing an import). */
  noNote?: boolean;
}

/** A delete flow: `ask(request)` opens the confirmation; render `modal` somewhere in the page. */
export function useConfirmDelete() {
  const app = useApp();
  const [request, setRequest] = useState<DeleteRequest | null>(null);
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    if (!request || busy) return;
    setBusy(true);
    try {
      await request.run();
      setBusy(false);
      setRequest(null);
      app.notify(request.doneNotice ?? "notice.deleted");
      request.onDone();
    } catch (e) {
      setBusy(false);
      setRequest(null);
      // e.g. `referenced`: the banner lists what still refers to the record.
      app.showError(e);
    }
  };

  const modal = request ? (
    <ConfirmDeleteDialog
      name={request.name}
      body={request.body}
      busy={busy}
      onConfirm={confirm}
      onCancel={() => setRequest(null)}
      title={request.title}
      confirmLabel={request.confirmLabel}
      busyLabel={request.busyLabel}
      note={!request.noNote}
    />
  ) : null;

  return {
    ask: (r: DeleteRequest) => {
      app.clearError();
      setRequest(r);
    },
    modal,
  };
}
