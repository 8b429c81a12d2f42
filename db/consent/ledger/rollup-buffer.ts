import { grantFlows, utcDayOf } from "@/lib/consent/grant-flows";
import { splitRowsOf, type RollupCell } from "@/lib/metrics/daily-splits";
import type { ConsentStateValue } from "@/lib/consent/state";
import type { LedgerStatements } from "./statements";

const SEP = "\u0000";

/** Sums rollup, split, state-total and grant-flow changes over a batch so each key is written once. */
export class RollupBuffer {
  private readonly events = new Map<string, number>();
  private readonly totals = new Map<string, number>();
  private readonly versions = new Map<string, number>();
  private readonly expiries = new Map<string, number>();
  private readonly net = new Map<string, number>();
  private readonly moves = new Map<string, number>();
  private readonly endings = new Map<string, number>();

  countEvent(
    at: number,
    purposeId: number,
    jurisdiction: string,
    source: string,
    locale: string,
    channel: string,
    event: string,
    gpc: boolean,
  ): void {
    const key = [utcDayOf(at), purposeId, jurisdiction, source, locale, channel, event, gpc ? 1 : 0].join(SEP);
    bump(this.events, key, 1);
  }

  moveState(purposeId: number, jurisdiction: string, from: string | null, to: string): void {
    if (from) bump(this.totals, `${purposeId}${SEP}${jurisdiction}${SEP}${from}`, -1);
    bump(this.totals, `${purposeId}${SEP}${jurisdiction}${SEP}${to}`, 1);
  }

  /** A subject's state for a purpose changed from `prev` to `next`: live grants, daily moves and grant endings follow. */
  moveGrant(purposeId: number, jurisdiction: string, prev: ConsentStateValue | null, next: ConsentStateValue): void {
    const f = grantFlows(prev, next);
    const pj = `${purposeId}${SEP}${jurisdiction}`;
    for (const [k, by] of [
      [f.leave, -1],
      [f.join, 1],
    ] as const) {
      if (!k) continue;
      bump(this.versions, `${pj}${SEP}${k.noticeVersionId}`, by);
      if (k.expiresDay) bump(this.expiries, `${k.expiresDay}${SEP}${pj}`, by);
    }
    if (f.move) bump(this.moves, [pj, f.move.day, f.move.from, f.move.to, f.move.noticeVersionId].join(SEP), 1);
    if (f.move && f.net) bump(this.net, `${f.move.day}${SEP}${pj}`, f.net);
    if (f.ending) bump(this.endings, [pj, f.ending.day, f.ending.noticeVersionId, f.ending.endedAs, f.ending.lifetime].join(SEP), 1);
  }

  flush(s: LedgerStatements): void {
    const cells: RollupCell[] = [];
    for (const [key, count] of this.events) {
      const [day, purposeId, jurisdiction, source, locale, channel, event, gpc] = key.split(SEP);
      s.bumpRollup.run(day, Number(purposeId), jurisdiction, source, locale, channel, event, Number(gpc), count);
      cells.push({ day, purposeId: Number(purposeId), jurisdiction, source, locale, channel, event, gpc: gpc === "1", count });
    }
    for (const r of splitRowsOf(cells))
      s.bumpSplit.run(
        r.dimension,
        r.day,
        r.purposeId,
        r.jurisdiction,
        r.value,
        r.granted,
        r.denied,
        r.withdrawn,
        r.expired,
        r.gpc,
        r.gpcGranted,
      );
    const nonZero = (map: Map<string, number>) => [...map].filter(([, n]) => n !== 0).map(([key, n]) => [...key.split(SEP), n] as const);
    for (const [purposeId, jurisdiction, state, n] of nonZero(this.totals)) s.bumpTotal.run(Number(purposeId), jurisdiction, state, n);
    for (const [purposeId, jurisdiction, version, n] of nonZero(this.versions))
      s.bumpGrantVersion.run(Number(purposeId), jurisdiction, Number(version), n);
    for (const [day, purposeId, jurisdiction, n] of nonZero(this.expiries)) s.bumpGrantExpiry.run(day, Number(purposeId), jurisdiction, n);
    for (const [day, purposeId, jurisdiction, n] of nonZero(this.net)) s.bumpGrantNet.run(day, Number(purposeId), jurisdiction, n);
    for (const [purposeId, jurisdiction, day, from, to, version, n] of nonZero(this.moves))
      s.bumpMove.run(Number(purposeId), day, jurisdiction, from, to, Number(version), n);
    for (const [purposeId, jurisdiction, day, version, endedAs, lifetime, n] of nonZero(this.endings))
      s.bumpEnding.run(Number(purposeId), day, jurisdiction, Number(version), endedAs, Number(lifetime), n);
    for (const map of [this.events, this.totals, this.versions, this.expiries, this.net, this.moves, this.endings]) map.clear();
  }
}

function bump(map: Map<string, number>, key: string, by: number): void {
  map.set(key, (map.get(key) ?? 0) + by);
}
