/** One line of an audit entry's details: a field (nested ones joined by dots) and its value as text. */
export type AuditDetail = { key: string; value: string };

function scalar(value: unknown): string {
  if (value === null || value === undefined) return "—";
  return typeof value === "string" ? value : JSON.stringify(value);
}

function flatten(value: unknown, prefix: string, out: AuditDetail[]): void {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0 && prefix) out.push({ key: prefix, value: "{}" });
    for (const [k, v] of entries) flatten(v, prefix ? `${prefix}.${k}` : k, out);
    return;
  }
  if (Array.isArray(value)) {
    const plain = value.every((v) => v === null || typeof v !== "object");
    out.push({ key: prefix, value: plain ? value.map(scalar).join(", ") : JSON.stringify(value) });
    return;
  }
  out.push({ key: prefix, value: scalar(value) });
}

/**
 * An audit entry's details (stored as a JSON object) as lines to read: one per field, nested objects flattened to
 * dotted keys, lists of plain values joined with commas. Anything that is not a JSON object is one unnamed line,
 * as stored, so nothing is hidden.
 */
export function auditDetailLines(details: string): AuditDetail[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(details);
  } catch {
    return details.trim() ? [{ key: "", value: details }] : [];
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return [{ key: "", value: details }];
  const out: AuditDetail[] = [];
  flatten(parsed, "", out);
  return out;
}
