import { utcDay } from "@/lib/metrics/period";
import type { Db } from "../connection";
import { endedLifetime, replayLedger, rowsOf } from "./dashboard-reference";

type Table =
  | "consent_state_totals"
  | "consent_grant_versions"
  | "consent_grant_expiries"
  | "consent_grant_net"
  | "consent_state_moves"
  | "consent_grant_endings";

/** Each state aggregate table as counts by key ("purpose|day|…", in the table's column order). */
export type AggregateTables = Record<Table, Map<string, number>>;

const columns: Record<Table, string> = {
  consent_state_totals: "purpose_id, jurisdiction, state, count",
  consent_grant_versions: "purpose_id, jurisdiction, notice_version_id, count",
  consent_grant_expiries: "expires_day, purpose_id, jurisdiction, count",
  consent_grant_net: "day, purpose_id, jurisdiction, delta",
  consent_state_moves: "purpose_id, day, jurisdiction, from_state, to_state, notice_version_id, count",
  consent_grant_endings: "purpose_id, day, jurisdiction, notice_version_id, ended_as, lifetime, count",
};

/** The tables as sorted "key|count" lines with zero rows left out, for comparing. */
export function aggregateLines(tables: AggregateTables): Record<Table, string[]> {
  const lines = (counts: Map<string, number>) =>
    [...counts]
      .filter(([, n]) => n !== 0)
      .map(([k, n]) => `${k}|${n}`)
      .sort();
  return Object.fromEntries(Object.entries(tables).map(([t, counts]) => [t, lines(counts)])) as Record<Table, string[]>;
}

/** Adds `by` to a key's count. */
export function count(counts: Map<string, number>, key: (string | number)[], by = 1): void {
  const k = key.join("|");
  counts.set(k, (counts.get(k) ?? 0) + by);
}

/** The state aggregate tables as stored. */
export function storedAggregates(db: Db): AggregateTables {
  const out = {} as AggregateTables;
  for (const [table, cols] of Object.entries(columns) as [Table, string][]) {
    const counts = new Map<string, number>();
    for (const row of db.$client.prepare(`SELECT ${cols} FROM ${table}`).raw().all() as (string | number)[][])
      count(counts, row.slice(0, -1), row.at(-1) as number);
    out[table] = counts;
  }
  return out;
}

/**
 * The same tables computed from scratch, without the ledger's bookkeeping: totals and live grants
 * from consent_state, moves, net deltas and endings from a replay of consent_events.
 */
export function expectedAggregates(db: Db): AggregateTables {
  const states = rowsOf<{ p: number; j: string; state: string; v: number; expiresAt: number | null }>(
    db,
    `SELECT cs.purpose_id AS p, s.jurisdiction AS j, cs.state, cs.notice_version_id AS v, cs.expires_at AS expiresAt
     FROM consent_state cs JOIN subjects s ON s.id = cs.subject_id`,
  );
  const totals = new Map<string, number>();
  const versions = new Map<string, number>();
  const expiries = new Map<string, number>();
  for (const s of states) {
    count(totals, [s.p, s.j, s.state]);
    if (s.state !== "granted") continue;
    count(versions, [s.p, s.j, s.v]);
    if (s.expiresAt !== null) count(expiries, [utcDay(s.expiresAt), s.p, s.j]);
  }
  const net = new Map<string, number>();
  const moves = new Map<string, number>();
  const endings = new Map<string, number>();
  for (const t of replayLedger(db)) {
    if (t.from === t.to) continue;
    const version = t.to === "granted" ? t.next.noticeVersionId : t.from === "granted" ? t.prev!.noticeVersionId : 0;
    count(moves, [t.purposeId, t.day, t.jurisdiction, t.from, t.to, version]);
    if (t.to === "granted") count(net, [t.day, t.purposeId, t.jurisdiction], 1);
    if (t.from === "granted") {
      count(net, [t.day, t.purposeId, t.jurisdiction], -1);
      count(endings, [t.purposeId, t.day, t.jurisdiction, t.prev!.noticeVersionId, t.to, endedLifetime(t)]);
    }
  }
  return {
    consent_state_totals: totals,
    consent_grant_versions: versions,
    consent_grant_expiries: expiries,
    consent_grant_net: net,
    consent_state_moves: moves,
    consent_grant_endings: endings,
  };
}
