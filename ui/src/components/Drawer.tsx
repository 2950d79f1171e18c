// A panel sliding in from the right, over the screen (the quick meeting log). Like the modal it
// keeps the focus inside and gives it back when it closes; Esc is left to the content, which may
// want to ask before closing.
import type { ComponentChildren } from "preact";
import { useLayoutEffect, useRef, useState } from "preact/hooks";
import { t } from "../i18n";
import { IconClose } from "./Icons";

let drawerSeq = 0;

const FOCUSABLE =
  "button:not([disabled]), a[href], input:not([disabled]):not([type=hidden]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex='-1'])";

export function Drawer({
  title,
  children,
  onClose,
  testid,
  closeTestid,
}: {
  title: string;
  children: ComponentChildren;
  /** The × button and a click outside (the content decides about Esc). */
  onClose: () => void;
  testid?: string;
  closeTestid?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [titleId] = useState(() => `drawer-title-${++drawerSeq}`);

  useLayoutEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    return () => {
      if (previous && document.contains(previous)) previous.focus();
    };
  }, []);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== "Tab" || e.defaultPrevented || !ref.current) return;
    const items = Array.from(ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
      (el) => el.offsetParent !== null || el === document.activeElement,
    );
    if (items.length === 0) return;
    const first = items[0];
    const last = items[items.length - 1];
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <div
      class="modal-backdrop drawer-backdrop"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <div
        class="drawer"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        ref={ref}
        onKeyDown={onKeyDown}
        data-testid={testid}
      >
        <header class="drawer-head">
          <h2 class="drawer-title" id={titleId}>
            {title}
          </h2>
          <button
            type="button"
            class="icon-btn"
            data-testid={closeTestid}
            aria-label={t("action.close")}
            title={t("action.close")}
            onClick={onClose}
          >
            <IconClose />
          </button>
        </header>
        {children}
      </div>
    </div>
  );
}
