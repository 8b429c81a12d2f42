import { consentEventTypes } from "../consent/vocabulary";

/** The event types a split row counts, in column order. */
export const splitEvents = consentEventTypes;

export type SplitCounts = { granted: number; denied: number; withdrawn: number; expired: number; gpc: number; gpcGranted: number };

export type SplitRow = SplitCounts & {
  dimension: "source" | "locale" | "channel";
  day: string;
  purposeId: number;
  jurisdiction: string;
  value: string;
};

/** One rollup cell: a count of events with these dimensions (consent_daily_rollups' key). */
export type RollupCell = {
  day: string;
  purposeId: number;
  jurisdiction: string;
  source: string;
  locale: string;
  channel: string;
  event: string;
  gpc: boolean | number;
  count: number;
};

/**
 * The split rows a set of rollup cells adds up to: per dimension (source,
 * locale, channel), day, purpose, jurisdiction and value, every event type in
 * its own column plus the GPC count and, of those, the grants.
 */
export function splitRowsOf(cells: Iterable<RollupCell>): SplitRow[] {
  const rows = new Map<string, SplitRow>();
  for (const c of cells) {
    for (const dimension of ["source", "locale", "channel"] as const) {
      const value = c[dimension];
      const key = `${dimension}\u0000${c.day}\u0000${c.purposeId}\u0000${c.jurisdiction}\u0000${value}`;
      let row = rows.get(key);
      if (!row) {
        row = {
          dimension,
          day: c.day,
          purposeId: c.purposeId,
          jurisdiction: c.jurisdiction,
          value,
          granted: 0,
          denied: 0,
          withdrawn: 0,
          expired: 0,
          gpc: 0,
          gpcGranted: 0,
        };
        rows.set(key, row);
      }
      if ((splitEvents as readonly string[]).includes(c.event)) row[c.event as (typeof splitEvents)[number]] += c.count;
      if (c.gpc) row.gpc += c.count;
      if (c.gpc && c.event === "granted") row.gpcGranted += c.count;
    }
  }
  return [...rows.values()];
}
