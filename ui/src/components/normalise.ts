// Small clean-ups applied to form values before they are sent.

/** Trims every string value except the listed keys (multi-line text keeps its inner layout). */
export function trimStrings<T extends object>(values: T, keepInner: (keyof T)[] = []): T {
  const out = { ...values } as Record<string, unknown>;
  for (const [k, v] of Object.entries(out)) {
    if (typeof v === "string") {
      out[k] = keepInner.includes(k as keyof T) ? v.replace(/\s+$/, "").replace(/^\s*\n/, "") : v.trim();
    }
  }
  return out as T;
}

/** "jp" → "JP" for two-letter country codes; other text is left alone. */
export function countryCode(v: string): string {
  const s = v.trim();
  return /^[a-z]{2}$/i.test(s) ? s.toUpperCase() : s;
}
