/**
 * A person's name as shown: the server's `displayName` when it sent one (it puts a Japanese family
 * name first, "田中 浩"), else "Taro Yamada" from first and last name.
 */
export function fullName(p: { firstName: string; lastName: string; displayName?: string }): string {
  if (p.displayName) return p.displayName;
  return [p.firstName, p.lastName].map((s) => s.trim()).filter(Boolean).join(" ");
}
