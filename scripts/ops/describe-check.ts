import type { StoreCheck } from "@/db/ops/store-check";

/** A store check as lines for a terminal: each verdict, then the row counts. */
export function describeCheck(check: StoreCheck): string[] {
  const { migrations: m, audit } = check;
  const lines = [
    `  integrity_check      ${check.integrity ? "ok" : `FAILED: ${check.integrityErrors.join("; ")}`}`,
    `  audit chain          ${audit.broken ? `BROKEN at entry #${audit.broken.id} (${audit.broken.reason})` : `intact (${audit.checked.toLocaleString("en")} entries)`}`,
    `  consent totals       ${check.totalsMatch ? "match consent_state" : "DISAGREE with consent_state"}`,
    `  migrations           ${m.applied} of ${m.expected} applied${m.current ? " (current)" : m.unknown ? `, ${m.unknown} unknown to this code` : " (behind: applied on restore)"}`,
  ];
  for (const [table, n] of Object.entries(check.rows)) lines.push(`  ${table.padEnd(21)}${n.toLocaleString("en").padStart(12)} rows`);
  return lines;
}
