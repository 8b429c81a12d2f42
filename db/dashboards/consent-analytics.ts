import "server-only";
import {
  countsBy,
  countsByBucket,
  figures,
  zeroCounts,
  liveAtBucketEnds,
  type DayCounts,
  type EventCounts,
} from "@/lib/metrics/consent-figures";
import type { ConsentAnalytics, SplitFigures } from "@/lib/metrics/dashboard-types";
import { trendBuckets } from "@/lib/metrics/period";
import { addDays } from "@/lib/time";
import { rate } from "@/lib/metrics/stats";
import { all, listChoicePurposes, narrow, type DashboardFilter } from "./filter";

/** Days ahead in which a live grant counts as expiring soon. */
export const EXPIRING_WITHIN_DAYS = 30;

export type { ConsentAnalytics } from "@/lib/metrics/dashboard-types";

/**
 * The sums every consent query reads. A GPC signal is about sale and sharing
 * (CCPA 11 CCR §7025): events of other purposes that came in the same request
 * carry the flag but are no opt-out, so GPC counts only sale/sharing purposes.
 */
function sums(): string {
  const sale = all<{ id: number }>("SELECT id FROM purposes WHERE sale_or_sharing = 1", []).map((p) => Number(p.id));
  const only = (col: string) => (sale.length ? `SUM(CASE WHEN purpose_id IN (${sale.join(", ")}) THEN ${col} ELSE 0 END)` : "0");
  return `SUM(granted) AS granted, SUM(denied) AS denied, SUM(withdrawn) AS withdrawn, SUM(expired) AS expired, ${only("gpc")} AS gpc, ${only("gpc_granted")} AS gpcGranted`;
}

/** Event counts per day, purpose and jurisdiction in the period (the locale split summed: each event is in it once). */
export function dayCounts(f: DashboardFilter, period = f.period): DayCounts[] {
  const n = narrow(f);
  return all<DayCounts>(
    `SELECT day, purpose_id AS purposeId, jurisdiction, ${sums()} FROM consent_daily_splits
     WHERE dimension = 'locale' AND day BETWEEN ? AND ?${n.sql} GROUP BY day, purpose_id, jurisdiction`,
    [period.from, period.to, ...n.params],
  );
}

function dimensionSplits(f: DashboardFilter): Record<"source" | "locale" | "channel", SplitFigures[]> {
  const n = narrow(f);
  const rows = all<EventCounts & { dimension: "source" | "locale" | "channel"; value: string }>(
    `SELECT dimension, value, ${sums()} FROM consent_daily_splits
     WHERE dimension IN ('source', 'locale', 'channel') AND day BETWEEN ? AND ?${n.sql} GROUP BY dimension, value`,
    [f.period.from, f.period.to, ...n.params],
  );
  const out = { source: [] as SplitFigures[], locale: [] as SplitFigures[], channel: [] as SplitFigures[] };
  for (const r of rows) out[r.dimension].push({ value: r.value, ...figures(r) });
  for (const list of Object.values(out))
    list.sort((a, b) => b.granted + b.denied - (a.granted + a.denied) || a.value.localeCompare(b.value));
  return out;
}

type PerPurpose = { purposeId: number; n: number };

/** Live grants, subjects with any decision, stale grants and grants expiring soon, per purpose. */
export function grantStock(f: Omit<DashboardFilter, "period">, today: string) {
  const n = narrow(f);
  const nq = narrow(f, { jurisdiction: "g.jurisdiction", purpose: "g.purpose_id" });
  const totals = all<{ purposeId: number; state: string; n: number }>(
    `SELECT purpose_id AS purposeId, state, SUM(count) AS n FROM consent_state_totals WHERE 1 = 1${n.sql} GROUP BY purpose_id, state`,
    n.params,
  );
  // Stale: the grant came under a notice version published before the purpose's last material change.
  const stale = all<PerPurpose>(
    `SELECT g.purpose_id AS purposeId, SUM(g.count) AS n FROM consent_grant_versions g
     JOIN notice_versions v ON v.id = g.notice_version_id JOIN purposes p ON p.id = g.purpose_id
     WHERE p.material_change_at IS NOT NULL AND v.published_at < p.material_change_at${nq.sql} GROUP BY g.purpose_id`,
    nq.params,
  );
  const expiring = all<PerPurpose>(
    `SELECT purpose_id AS purposeId, SUM(count) AS n FROM consent_grant_expiries WHERE expires_day BETWEEN ? AND ?${n.sql} GROUP BY purpose_id`,
    [today, addDays(today, EXPIRING_WITHIN_DAYS), ...n.params],
  );
  const by = (rows: PerPurpose[]) => new Map(rows.map((r) => [r.purposeId, r.n]));
  const live = new Map<number, number>();
  const decided = new Map<number, number>();
  for (const t of totals) {
    decided.set(t.purposeId, (decided.get(t.purposeId) ?? 0) + t.n);
    if (t.state === "granted") live.set(t.purposeId, (live.get(t.purposeId) ?? 0) + t.n);
  }
  return { live, decided, stale: by(stale), expiring: by(expiring) };
}

/** Grants started minus stopped per day after `day`. */
export function grantDeltasAfter(f: Omit<DashboardFilter, "period">, day: string): { day: string; delta: number }[] {
  const n = narrow(f);
  return all(`SELECT day, SUM(delta) AS delta FROM consent_grant_net WHERE day > ?${n.sql} GROUP BY day`, [day, ...n.params]);
}

const sum = (m: Map<number, number>) => [...m.values()].reduce((a, b) => a + b, 0);

/** Everything the consent analytics page shows, from the daily splits and the grant aggregates only. */
export function getConsentAnalytics(f: DashboardFilter, today: string): ConsentAnalytics {
  const buckets = trendBuckets(f.period);
  const days = dayCounts(f);
  const stock = grantStock(f, today);
  const liveNow = sum(stock.live);
  const live = liveAtBucketEnds(liveNow, grantDeltasAfter(f, f.period.from), buckets);
  const trend = countsByBucket(days, buckets).map((c, i) => ({ ...buckets[i], ...figures(c), live: live[i] }));
  const byPurpose = countsBy(days, (r) => r.purposeId);
  const zero = zeroCounts();
  const purposes = listChoicePurposes()
    .filter((p) => f.purposeId === undefined || p.id === f.purposeId)
    .map((p) => {
      const decided = stock.decided.get(p.id) ?? 0;
      const livePurpose = stock.live.get(p.id) ?? 0;
      return {
        key: p.key,
        name: p.name,
        ...figures(byPurpose.get(p.id) ?? zero),
        live: livePurpose,
        decided,
        activeRate: rate(livePurpose, decided),
        stale: stock.stale.get(p.id) ?? 0,
        expiring: stock.expiring.get(p.id) ?? 0,
      };
    })
    .filter((p) => p.decided > 0 || p.granted + p.denied + p.withdrawn + p.expired > 0);
  const total = countsByBucket(days, [{ start: f.period.from, end: f.period.to }])[0];
  const decided = sum(stock.decided);
  const jurisdictions = [...countsBy(days, (r) => r.jurisdiction)].map(([value, c]) => ({ value, ...figures(c) }));
  jurisdictions.sort((a, b) => b.granted + b.denied - (a.granted + a.denied) || a.value.localeCompare(b.value));
  return {
    period: f.period,
    summary: {
      ...figures(total),
      answers: total.granted + total.denied,
      gpcOptOuts: total.gpc - total.gpcGranted,
      live: liveNow,
      decided,
      activeRate: rate(liveNow, decided),
      stale: sum(stock.stale),
      expiring: sum(stock.expiring),
    },
    trend,
    purposes,
    splits: { jurisdiction: jurisdictions, ...dimensionSplits(f) },
  };
}
