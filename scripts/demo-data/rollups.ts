import type { ConsentEventRow, RollupRow } from "@/db/seed/rows";
import { consentEventTypes as events, consentSources as sources } from "@/lib/consent/vocabulary";
import { DAY_MS } from "@/lib/time";

const jurisdictions = ["EU", "US-CA", "KR", "JP"];
const locales = ["en", "ko", "ja"];
const channels = ["", "email", "sms", "push", "post", "phone", "in_app"];
const MAX_PURPOSES = 64;

function indexer(values: readonly string[]): Map<string, number> {
  return new Map(values.map((v, i) => [v, i]));
}

/**
 * Counts events per rollup key (UTC day, purpose, jurisdiction, source, locale,
 * channel, event, GPC) exactly as a GROUP BY over the ledger would. The key is
 * packed into one small integer (days counted from `since`), so ten million
 * events build neither strings nor heap numbers.
 */
export class RollupCounter {
  private readonly firstDay: number;

  constructor(since: number) {
    this.firstDay = Math.floor(since / DAY_MS);
  }

  private readonly counts = new Map<number, number>();
  private readonly jIdx = indexer(jurisdictions);
  private readonly sIdx = indexer(sources);
  private readonly lIdx = indexer(locales);
  private readonly cIdx = indexer(channels);
  private readonly eIdx = indexer(events);

  add(e: ConsentEventRow): void {
    const day = Math.floor(e.occurredAt / DAY_MS) - this.firstDay;
    const j = this.jIdx.get(e.jurisdiction);
    const s = this.sIdx.get(e.source);
    const l = this.lIdx.get(e.locale);
    const c = this.cIdx.get(e.channel ?? "");
    const ev = this.eIdx.get(e.event);
    if (
      day < 0 ||
      j === undefined ||
      s === undefined ||
      l === undefined ||
      c === undefined ||
      ev === undefined ||
      e.purposeId >= MAX_PURPOSES
    ) {
      throw new Error(`Event ${e.id} has a dimension the rollup key cannot hold`);
    }
    const key = ((((((day * MAX_PURPOSES + e.purposeId) * 4 + j) * sources.length + s) * 3 + l) * 7 + c) * events.length + ev) * 2 + e.gpc;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  get size(): number {
    return this.counts.size;
  }

  /** The rollup rows, in key order. */
  *rows(): Generator<RollupRow> {
    const keys = [...this.counts.keys()].sort((a, b) => a - b);
    for (const key of keys) {
      let k = key;
      const gpc = (k % 2) as 0 | 1;
      k = Math.floor(k / 2);
      const ev = k % events.length;
      k = Math.floor(k / events.length);
      const c = k % 7;
      k = Math.floor(k / 7);
      const l = k % 3;
      k = Math.floor(k / 3);
      const s = k % sources.length;
      k = Math.floor(k / sources.length);
      const j = k % 4;
      k = Math.floor(k / 4);
      const purposeId = k % MAX_PURPOSES;
      const day = this.firstDay + Math.floor(k / MAX_PURPOSES);
      yield {
        day: new Date(day * DAY_MS).toISOString().slice(0, 10),
        purposeId,
        jurisdiction: jurisdictions[j],
        source: sources[s],
        locale: locales[l],
        channel: channels[c],
        event: events[ev],
        gpc,
        count: this.counts.get(key)!,
      };
    }
  }
}
