import type { Database } from "better-sqlite3";
import { utcDayOf } from "@/lib/consent/grant-flows";
import { splitRowsOf, type RollupCell } from "@/lib/metrics/daily-splits";
import type { ConsentStateValue } from "@/lib/consent/state";
import { StateAggregates } from "./aggregates";
import type { LedgerStatements } from "./statements";

const SEP = "\u0000";

/**
 * Sums a batch's daily rollups and splits (one count per event) and its state
 * changes (through StateAggregates, the state aggregates' one writer) so each key is written once.
 */
export class RollupBuffer {
  private readonly events = new Map<string, number>();
  private readonly states = new StateAggregates();

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
    const key = `${utcDayOf(at)}${SEP}${purposeId}${SEP}${jurisdiction}${SEP}${source}${SEP}${locale}${SEP}${channel}${SEP}${event}${SEP}${gpc ? 1 : 0}`;
    bump(this.events, key, 1);
  }

  /** A subject's state for a purpose changed from `prev` to `next`: totals, live grants, daily moves and grant endings follow. */
  changeState(purposeId: number, jurisdiction: string, prev: ConsentStateValue | null, next: ConsentStateValue): void {
    this.states.change(purposeId, jurisdiction, prev, next);
  }

  /** The person opted out of sale/sharing (ConsentLedger decides from their other purposes' states). */
  countOptOut(at: number, jurisdiction: string, source: string, gpc: boolean): void {
    this.states.optOut(at, jurisdiction, source, gpc);
  }

  flush(s: LedgerStatements, sqlite: Database): void {
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
    this.events.clear();
    this.states.flush(sqlite);
  }
}

function bump(map: Map<string, number>, key: string, by: number): void {
  map.set(key, (map.get(key) ?? 0) + by);
}
