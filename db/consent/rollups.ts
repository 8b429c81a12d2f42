import "server-only";
import { and, gte, lte, sql } from "drizzle-orm";
import type { Period } from "@/lib/metrics/period";
import { db } from "../client";
import { consentDailyRollups } from "../schema";

/** Event totals over a period (inclusive UTC days), read from the daily rollups, never the ledger. */
export function getConsentTotals(period: Period): Record<"granted" | "denied" | "withdrawn" | "expired", number> & { gpc: number } {
  const totals = { granted: 0, denied: 0, withdrawn: 0, expired: 0, gpc: 0 };
  const rows = db
    .select({ event: consentDailyRollups.event, gpc: consentDailyRollups.gpc, n: sql<number>`sum(${consentDailyRollups.count})` })
    .from(consentDailyRollups)
    .where(and(gte(consentDailyRollups.day, period.from), lte(consentDailyRollups.day, period.to)))
    .groupBy(consentDailyRollups.event, consentDailyRollups.gpc)
    .all();
  for (const r of rows) {
    if (r.event in totals) totals[r.event as keyof typeof totals] += r.n;
    if (r.gpc) totals.gpc += r.n;
  }
  return totals;
}
