// Locks an encrypted workspace after a stretch without keyboard, mouse or touch.
import { useEffect } from "preact/hooks";

const ACTIVITY = ["keydown", "mousedown", "mousemove", "wheel", "touchstart", "focus"] as const;

/** Calls `onIdle` once `minutes` pass with no activity; 0 or null turns it off. */
export function useIdleLock(minutes: number | null, onIdle: () => void) {
  useEffect(() => {
    if (!minutes || minutes <= 0) return;
    let last = Date.now();
    const touch = () => {
      last = Date.now();
    };
    for (const kind of ACTIVITY) window.addEventListener(kind, touch, { passive: true, capture: true });
    // A laptop that slept past the limit locks at once on waking: the check is on wall time.
    const timer = window.setInterval(() => {
      if (Date.now() - last >= minutes * 60_000) onIdle();
    }, 5_000);
    return () => {
      window.clearInterval(timer);
      for (const kind of ACTIVITY) window.removeEventListener(kind, touch, { capture: true });
    };
  }, [minutes, onIdle]);
}
