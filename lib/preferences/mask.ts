/** "ha******@example.kr": enough for the subject to recognise, little for someone looking over their shoulder. */
export function maskEmail(email: string | null): string | null {
  if (!email) return null;
  const at = email.lastIndexOf("@");
  if (at < 1) return "***";
  const local = email.slice(0, at);
  const shown = local.length <= 2 ? local.slice(0, 1) : local.slice(0, 2);
  return `${shown}${"*".repeat(Math.max(3, Math.min(6, local.length - shown.length)))}${email.slice(at)}`;
}
