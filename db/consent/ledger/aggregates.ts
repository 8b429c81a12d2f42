import type { Database, Statement } from "better-sqlite3";
import { grantFlows, grantKey, utcDayOf } from "@/lib/consent/grant-flows";
import { quarterOf } from "@/lib/consent/sale-opt-out";
import type { ConsentStateValue } from "@/lib/consent/state";

type StateLike = Pick<ConsentStateValue, "state" | "decidedAt" | "expiresAt" | "noticeVersionId">;

const SEP = "\u0000";

/** The upserts that move the state aggregates by a delta; each key is one row (schema/consent-aggregates.ts). */
function prepareAggregateStatements(sqlite: Database) {
  const q = (sql: string): Statement => sqlite.prepare(sql);
  return {
    bumpTotal: q(
      `INSERT INTO consent_state_totals (purpose_id, jurisdiction, state, count) VALUES (?, ?, ?, ?)
       ON CONFLICT (purpose_id, jurisdiction, state) DO UPDATE SET count = count + excluded.count`,
    ),
    bumpGrantVersion: q(
      `INSERT INTO consent_grant_versions (purpose_id, jurisdiction, notice_version_id, count) VALUES (?, ?, ?, ?)
       ON CONFLICT (purpose_id, jurisdiction, notice_version_id) DO UPDATE SET count = count + excluded.count`,
    ),
    bumpGrantExpiry: q(
      `INSERT INTO consent_grant_expiries (expires_day, purpose_id, jurisdiction, count) VALUES (?, ?, ?, ?)
       ON CONFLICT (expires_day, purpose_id, jurisdiction) DO UPDATE SET count = count + excluded.count`,
    ),
    bumpGrantNet: q(
      `INSERT INTO consent_grant_net (day, purpose_id, jurisdiction, delta) VALUES (?, ?, ?, ?)
       ON CONFLICT (day, purpose_id, jurisdiction) DO UPDATE SET delta = delta + excluded.delta`,
    ),
    bumpMove: q(
      `INSERT INTO consent_state_moves (purpose_id, day, jurisdiction, from_state, to_state, notice_version_id, count) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (purpose_id, day, jurisdiction, from_state, to_state, notice_version_id) DO UPDATE SET count = count + excluded.count`,
    ),
    bumpEnding: q(
      `INSERT INTO consent_grant_endings (purpose_id, day, jurisdiction, notice_version_id, ended_as, lifetime, count) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (purpose_id, day, jurisdiction, notice_version_id, ended_as, lifetime) DO UPDATE SET count = count + excluded.count`,
    ),
    bumpOptOut: q(
      `INSERT INTO consent_opt_outs (quarter, jurisdiction, source, gpc, count) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (quarter, jurisdiction, source, gpc) DO UPDATE SET count = count + excluded.count`,
    ),
  };
}

export type AggregateStatements = ReturnType<typeof prepareAggregateStatements>;

const prepared = new WeakMap<Database, AggregateStatements>();

/** The aggregate upserts of a connection, prepared on first use and kept for the connection's life. */
export function aggregateStatements(sqlite: Database): AggregateStatements {
  let s = prepared.get(sqlite);
  if (!s) {
    s = prepareAggregateStatements(sqlite);
    prepared.set(sqlite, s);
  }
  return s;
}

/**
 * The one writer of the state aggregates: consent_state_totals, the live grants
 * by notice version and by expiry day, daily grant deltas, daily state moves,
 * grant endings and opt-outs of sale/sharing. The ledger (record, expire), erasure and the seeder all
 * describe what happened to a subject's state here; the deltas are summed per
 * row in memory and written once per row by `flush`, inside the caller's transaction.
 */
export class StateAggregates {
  private readonly totals = new Map<string, number>();
  private readonly versions = new Map<string, number>();
  private readonly expiries = new Map<string, number>();
  private readonly net = new Map<string, number>();
  private readonly moves = new Map<string, number>();
  private readonly endings = new Map<string, number>();
  private readonly optOuts = new Map<string, number>();

  /** A subject's state for a purpose changed from `prev` to `next` (the subject's jurisdiction). */
  change(purposeId: number, jurisdiction: string, prev: StateLike | null, next: StateLike): void {
    const pj = `${purposeId}${SEP}${jurisdiction}`;
    if (prev?.state !== next.state) {
      if (prev) bump(this.totals, `${pj}${SEP}${prev.state}`, -1);
      bump(this.totals, `${pj}${SEP}${next.state}`, 1);
    }
    const f = grantFlows(prev, next);
    if (f.leave) this.live(pj, f.leave, -1);
    if (f.join) this.live(pj, f.join, 1);
    if (f.move) bump(this.moves, `${pj}${SEP}${f.move.day}${SEP}${f.move.from}${SEP}${f.move.to}${SEP}${f.move.noticeVersionId}`, 1);
    if (f.move && f.net) bump(this.net, `${f.move.day}${SEP}${pj}`, f.net);
    if (f.ending)
      bump(
        this.endings,
        `${pj}${SEP}${f.ending.day}${SEP}${f.ending.noticeVersionId}${SEP}${f.ending.endedAs}${SEP}${f.ending.lifetime}`,
        1,
      );
  }

  /**
   * The subject was erased: the state stops being counted (no "erased" total), a grant stops
   * counting as live and as today's net, and the state moves to "erased" today. No grant
   * ending is recorded: erasure is not a choice the person made about the purpose.
   */
  erase(purposeId: number, jurisdiction: string, prev: StateLike, at: number): void {
    const pj = `${purposeId}${SEP}${jurisdiction}`;
    const today = utcDayOf(at);
    const granted = prev.state === "granted";
    bump(this.totals, `${pj}${SEP}${prev.state}`, -1);
    if (granted) {
      this.live(pj, grantKey(prev), -1);
      bump(this.net, `${today}${SEP}${pj}`, -1);
    }
    bump(this.moves, `${pj}${SEP}${today}${SEP}${prev.state}${SEP}erased${SEP}${granted ? prev.noticeVersionId : 0}`, 1);
  }

  /**
   * A person moved from refusing no sale/sharing purpose to refusing one (lib/consent/sale-opt-out.ts decides; the
   * caller knows the person): one opt-out, by the quarter hour it happened in, their jurisdiction, the source and GPC.
   */
  optOut(at: number, jurisdiction: string, source: string, gpc: boolean): void {
    bump(this.optOuts, `${quarterOf(at)}${SEP}${jurisdiction}${SEP}${source}${SEP}${gpc ? 1 : 0}`, 1);
  }

  private live(pj: string, k: { noticeVersionId: number; expiresDay: string }, by: number): void {
    bump(this.versions, `${pj}${SEP}${k.noticeVersionId}`, by);
    if (k.expiresDay) bump(this.expiries, `${k.expiresDay}${SEP}${pj}`, by);
  }

  /** Writes every non-zero delta through the connection's prepared upserts and empties the buffer. */
  flush(sqlite: Database): void {
    const s = aggregateStatements(sqlite);
    const rows = (map: Map<string, number>, write: (key: string[], n: number) => void) => {
      for (const [key, n] of map) if (n !== 0) write(key.split(SEP), n);
    };
    rows(this.totals, ([purposeId, jurisdiction, state], n) => s.bumpTotal.run(Number(purposeId), jurisdiction, state, n));
    rows(this.versions, ([purposeId, jurisdiction, version], n) =>
      s.bumpGrantVersion.run(Number(purposeId), jurisdiction, Number(version), n),
    );
    rows(this.expiries, ([day, purposeId, jurisdiction], n) => s.bumpGrantExpiry.run(day, Number(purposeId), jurisdiction, n));
    rows(this.net, ([day, purposeId, jurisdiction], n) => s.bumpGrantNet.run(day, Number(purposeId), jurisdiction, n));
    rows(this.moves, ([purposeId, jurisdiction, day, from, to, version], n) =>
      s.bumpMove.run(Number(purposeId), day, jurisdiction, from, to, Number(version), n),
    );
    rows(this.endings, ([purposeId, jurisdiction, day, version, endedAs, lifetime], n) =>
      s.bumpEnding.run(Number(purposeId), day, jurisdiction, Number(version), endedAs, Number(lifetime), n),
    );
    rows(this.optOuts, ([quarter, jurisdiction, source, gpc], n) =>
      s.bumpOptOut.run(Number(quarter), jurisdiction, source, Number(gpc), n),
    );
    for (const map of [this.totals, this.versions, this.expiries, this.net, this.moves, this.endings, this.optOuts]) map.clear();
  }
}

function bump(map: Map<string, number>, key: string, by: number): void {
  map.set(key, (map.get(key) ?? 0) + by);
}
