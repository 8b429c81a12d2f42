import "server-only";
import { liveAtBucketEnds } from "@/lib/metrics/consent-figures";
import type { GrantFlowPoint, LifetimeRow, PurposeGrants } from "@/lib/metrics/dashboard-types";
import { lifetimeBuckets } from "@/lib/metrics/grant-lifetime";
import { bucketIndex, trendBuckets } from "@/lib/metrics/period";
import { all, type DashboardFilter } from "./filter";
import { grantDeltasAfter, grantStock } from "./consent-analytics";

export type { PurposeGrants } from "@/lib/metrics/dashboard-types";

const ENDINGS = ["withdrawn", "denied", "expired"] as const;
type Ending = (typeof ENDINGS)[number];
const isEnding = (s: string): s is Ending => (ENDINGS as readonly string[]).includes(s);

/**
 * One purpose's grants over time: grants started and stopped per trend point
 * with the live grants at its end, how long the grants that stopped in the
 * period had lasted, and the notice version each grant came under.
 */
export function getPurposeGrants(f: DashboardFilter & { purposeId: number }, purpose: { key: string; name: string }): PurposeGrants {
  const buckets = trendBuckets(f.period);
  const byJurisdiction = f.jurisdiction ? " AND jurisdiction = ?" : "";
  const params = [f.purposeId, f.period.from, f.period.to, ...(f.jurisdiction ? [f.jurisdiction] : [])];
  const moves = all<{ day: string; toState: string; noticeVersionId: number; n: number }>(
    `SELECT day, to_state AS toState, notice_version_id AS noticeVersionId, SUM(count) AS n FROM consent_state_moves
     WHERE purpose_id = ? AND day BETWEEN ? AND ? AND to_state = 'granted'${byJurisdiction} GROUP BY day, notice_version_id`,
    params,
  );
  const endings = all<{ day: string; endedAs: string; lifetime: number; noticeVersionId: number; n: number }>(
    `SELECT day, ended_as AS endedAs, lifetime, notice_version_id AS noticeVersionId, SUM(count) AS n FROM consent_grant_endings
     WHERE purpose_id = ? AND day BETWEEN ? AND ?${byJurisdiction} GROUP BY day, ended_as, lifetime, notice_version_id`,
    params,
  );
  const stock = grantStock(f, f.period.to);
  const liveNow = stock.live.get(f.purposeId) ?? 0;
  const live = liveAtBucketEnds(liveNow, grantDeltasAfter(f, f.period.from), buckets);
  const flow: GrantFlowPoint[] = buckets.map((b, i) => ({ ...b, started: 0, withdrawn: 0, denied: 0, expired: 0, live: live[i] }));
  const lifetimes: LifetimeRow[] = lifetimeBuckets.map((bucket) => ({ bucket, withdrawn: 0, denied: 0, expired: 0 }));
  const started = new Map<number, number>();
  const ended = new Map<number, number>();
  for (const m of moves) {
    const i = bucketIndex(buckets, m.day);
    if (i >= 0) flow[i].started += m.n;
    started.set(m.noticeVersionId, (started.get(m.noticeVersionId) ?? 0) + m.n);
  }
  for (const e of endings) {
    if (!isEnding(e.endedAs)) continue;
    const i = bucketIndex(buckets, e.day);
    if (i >= 0) flow[i][e.endedAs] += e.n;
    if (lifetimes[e.lifetime]) lifetimes[e.lifetime][e.endedAs] += e.n;
    ended.set(e.noticeVersionId, (ended.get(e.noticeVersionId) ?? 0) + e.n);
  }
  const liveByVersion = new Map(
    all<{ id: number; n: number }>(
      `SELECT notice_version_id AS id, SUM(count) AS n FROM consent_grant_versions WHERE purpose_id = ?${byJurisdiction} GROUP BY notice_version_id`,
      [f.purposeId, ...(f.jurisdiction ? [f.jurisdiction] : [])],
    ).map((r) => [r.id, r.n]),
  );
  const versions = all<{
    id: number;
    locale: string;
    version: number;
    publishedAt: number | null;
    material: number;
    materialChangeAt: number | null;
  }>(
    `SELECT v.id, n.locale, v.version, v.published_at AS publishedAt, v.material, p.material_change_at AS materialChangeAt
     FROM notice_versions v JOIN notices n ON n.id = v.notice_id JOIN purposes p ON p.id = n.purpose_id
     WHERE n.purpose_id = ? AND v.status IN ('published', 'superseded') ORDER BY n.locale, v.version`,
    [f.purposeId],
  ).map((v) => ({
    noticeVersionId: v.id,
    locale: v.locale,
    version: v.version,
    publishedAt: v.publishedAt,
    material: Boolean(v.material),
    live: liveByVersion.get(v.id) ?? 0,
    started: started.get(v.id) ?? 0,
    ended: ended.get(v.id) ?? 0,
    stale: v.materialChangeAt !== null && v.publishedAt !== null && v.publishedAt < v.materialChangeAt,
  }));
  const total = (k: "started" | Ending) => flow.reduce((n, p) => n + p[k], 0);
  const totals = { started: total("started"), withdrawn: total("withdrawn"), denied: total("denied"), expired: total("expired"), ended: 0 };
  totals.ended = totals.withdrawn + totals.denied + totals.expired;
  return { period: f.period, purpose, live: liveNow, totals, flow, lifetimes, versions };
}
