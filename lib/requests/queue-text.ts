/**
 * How the queue's text filter reads what was typed. A reference is matched from its start (whole or a prefix),
 * in any case: "req-2026-0004" and "2026-0004" (the part an officer reads off an email) both find
 * REQ-2026-00041. Anything else is part of the person's email, external id or name.
 */

/** References are written REQ-YYYY-NNNNN (db/requests/intake.ts); they are stored in capitals. */
const REF_PREFIX = "REQ-";
const refLike = /^[A-Za-z0-9-]+$/;

/** The reference prefixes the query can be the start of; none when it could not begin a reference. */
export function referencePrefixes(q: string): string[] {
  const term = q.trim().toUpperCase();
  if (!refLike.test(term)) return [];
  if (REF_PREFIX.startsWith(term) || term.startsWith(REF_PREFIX)) return [term];
  return /^\d/.test(term) ? [REF_PREFIX + term] : [];
}

/**
 * The exclusive upper bound of the strings starting with `prefix`, so a prefix match is a range on the
 * reference's unique index (LIKE would not use a case-sensitive index in SQLite's default case-insensitive mode).
 */
export function prefixUpperBound(prefix: string): string {
  return `${prefix}\uffff`;
}
