import "server-only";
import type { Statement } from "better-sqlite3";
import type { Period } from "@/lib/metrics/period";
// The dashboards read on the read connection (issue 22): a burst of ingest in the writer thread never holds them up.
import { readDb as db } from "../client";

/** What every dashboard query is narrowed by: a period, and optionally a jurisdiction and a purpose (by id). */
export type DashboardFilter = { period: Period; jurisdiction?: string; purposeId?: number };

const statements = new Map<string, Statement>();

/** Runs a read with a statement prepared once per SQL text (dashboards build a few shapes of WHERE clause). */
export function all<T>(sql: string, params: unknown[]): T[] {
  let s = statements.get(sql);
  if (!s) {
    s = db.$client.prepare(sql);
    statements.set(sql, s);
  }
  return s.all(...params) as T[];
}

/** " AND jurisdiction = ? AND purpose_id = ?" for the filters that are set, with their parameters. */
export function narrow(
  f: Pick<DashboardFilter, "jurisdiction" | "purposeId">,
  columns = { jurisdiction: "jurisdiction", purpose: "purpose_id" },
) {
  let sql = "";
  const params: unknown[] = [];
  if (f.jurisdiction) {
    sql += ` AND ${columns.jurisdiction} = ?`;
    params.push(f.jurisdiction);
  }
  if (f.purposeId !== undefined) {
    sql += ` AND ${columns.purpose} = ?`;
    params.push(f.purposeId);
  }
  return { sql, params };
}

export type DashboardPurpose = { id: number; key: string; name: string };

/** Purposes people choose about (consent or objection), active or retired: the ones consent figures are about. */
export function listChoicePurposes(): DashboardPurpose[] {
  return all<DashboardPurpose>(
    `SELECT id, key, name FROM purposes WHERE legal_basis IN ('consent', 'legitimate_interests') AND status IN ('active', 'retired')
     ORDER BY status = 'retired', id`,
    [],
  );
}

/** The purpose a key names (the active one if there are several), or undefined. */
export function findPurposeByKey(key: string): DashboardPurpose | undefined {
  return all<DashboardPurpose>("SELECT id, key, name FROM purposes WHERE key = ? ORDER BY status = 'active' DESC, id DESC LIMIT 1", [
    key,
  ])[0];
}
