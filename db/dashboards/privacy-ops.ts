import "server-only";
import type { PrivacyOps, VolumeRow } from "@/lib/metrics/dashboard-types";
import { bucketIndex, periodWindow, trendBuckets } from "@/lib/metrics/period";
import { medianDaysToClose, onTime, slaBand, slaBands, stageMedians, type SlaBand } from "@/lib/metrics/request-figures";
import type { DashboardFilter } from "./filter";
import { listOverdueRequests, listRequestFacts, listStatusChanges } from "./requests";
import { getPropagationOps } from "./propagation-ops";
import { DAY_MS } from "@/lib/time";
import { isOpen, requestStatuses, requestTypes, type RequestStatus } from "@/lib/requests/vocabulary";

export type { PrivacyOps } from "@/lib/metrics/dashboard-types";

const zeroByStatus = () => Object.fromEntries(requestStatuses.map((s) => [s, 0])) as Record<RequestStatus, number>;

/**
 * The privacy officer's operations view: requests received in the period by
 * type and status, received and closed over time, the SLA clocks of the
 * requests open now, the overdue list and the median stay in each stage;
 * and propagation to recipients as it stands now (db/dashboards/propagation-ops.ts).
 */
export function getPrivacyOps(f: Omit<DashboardFilter, "purposeId">, now: number): PrivacyOps {
  const w = periodWindow(f.period);
  const buckets = trendBuckets(f.period);
  const reqs = listRequestFacts({ start: w.start, end: Math.max(w.end, now + 1) }, f.jurisdiction);
  const volume = new Map<string, VolumeRow>(requestTypes.map((type) => [type, { type, total: 0, ...zeroByStatus() }]));
  const trend = buckets.map((b) => ({ ...b, received: 0, closed: 0 }));
  const sla = new Map<SlaBand, number>(slaBands.map((b) => [b, 0]));
  let received = 0;
  for (const r of reqs) {
    if (r.receivedAt >= w.start && r.receivedAt < w.end) {
      received++;
      const row = volume.get(r.type);
      if (row && r.status in row) {
        row[r.status as RequestStatus]++;
        row.total++;
      }
      const i = bucketIndex(buckets, new Date(r.receivedAt).toISOString().slice(0, 10));
      if (i >= 0) trend[i].received++;
    }
    if (r.closedAt !== null && r.closedAt >= w.start && r.closedAt < w.end) {
      const i = bucketIndex(buckets, new Date(r.closedAt).toISOString().slice(0, 10));
      if (i >= 0) trend[i].closed++;
    }
    if (isOpen(r.status as RequestStatus) && r.closedAt === null) {
      const band = slaBand(r.dueAt, now);
      sla.set(band, sla.get(band)! + 1);
    }
  }
  const closing = onTime(reqs, w);
  const overdue = listOverdueRequests(now, f.jurisdiction).map((r) => ({ ...r, daysOverdue: Math.ceil((now - r.dueAt) / DAY_MS) }));
  return {
    period: f.period,
    summary: {
      received,
      closed: closing.closed,
      onTimeShare: closing.share,
      medianDaysToClose: medianDaysToClose(reqs, w),
      open: [...sla.values()].reduce((a, b) => a + b, 0),
      overdue: sla.get("overdue")!,
    },
    volume: [...volume.values()],
    trend,
    sla: slaBands.map((band) => ({ band, count: sla.get(band)! })),
    overdue,
    stages: stageMedians(listStatusChanges(w, f.jurisdiction), w),
    propagation: getPropagationOps(now),
  };
}
