import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import type { ChainBreak } from "@/lib/audit/chain";
import { verifyAuditChain } from "../staff/audit-chain";
import type { Db } from "../connection";
import { migrationStatus, type MigrationStatus } from "./migration-status";
import * as schema from "../schema";

/** The tables whose row counts a backup reports: what a brand would miss first. */
export const keyTables = [
  "subjects",
  "consent_events",
  "consent_state",
  "purposes",
  "notice_versions",
  "subject_requests",
  "request_events",
  "suppression_tombstones",
  "staff_users",
  "api_keys",
  "audit_log",
] as const;

export type StoreCheck = {
  /** PRAGMA integrity_check said "ok". */
  integrity: boolean;
  integrityErrors: string[];
  rows: Record<(typeof keyTables)[number], number>;
  /** consent_state_totals agrees with a direct count over consent_state. */
  totalsMatch: boolean;
  audit: { checked: number; broken: ChainBreak | null };
  migrations: MigrationStatus;
};

/** Whether a check found nothing wrong (a store behind on migrations is still sound). */
export function isSound(check: StoreCheck): boolean {
  return check.integrity && check.totalsMatch && check.audit.broken === null && check.migrations.unknown === 0;
}

/**
 * Checks a store file without changing it: page-level integrity, row counts of the key
 * tables, the materialized totals against consent_state, the audit log's hash chain and
 * the migration level (`unknown` when it has migrations this code does not ship).
 */
export function checkStore(file: string): StoreCheck {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrityErrors = (sqlite.pragma("integrity_check") as { integrity_check: string }[])
      .map((r) => r.integrity_check)
      .filter((line) => line !== "ok");
    const count = (table: string) => (sqlite.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
    const rows = Object.fromEntries(keyTables.map((t) => [t, count(t)])) as StoreCheck["rows"];
    const totals = (sqlite.prepare("SELECT coalesce(sum(count), 0) AS n FROM consent_state_totals").get() as { n: number }).n;
    const audit = verifyAuditChain(drizzle(sqlite, { schema }) as Db);
    return {
      integrity: integrityErrors.length === 0,
      integrityErrors: integrityErrors.slice(0, 20),
      rows,
      totalsMatch: totals === rows.consent_state,
      audit,
      migrations: migrationStatus(sqlite),
    };
  } finally {
    sqlite.close();
  }
}
