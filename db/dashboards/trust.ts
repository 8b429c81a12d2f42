import "server-only";
import { countsByBucket, figures, type DayCounts } from "@/lib/metrics/consent-figures";
import { noticeQuality } from "@/lib/metrics/notice-quality";
import { periodWindow, previousPeriod, trendBuckets, type Bucket, type Period } from "@/lib/metrics/period";
import { medianDaysToClose, onTime, openAt, type RequestFact } from "@/lib/metrics/request-figures";
import { trustMovement } from "@/lib/metrics/trust-contributions";
import { trustReport, type TrustInputs } from "@/lib/metrics/trust-score";
import { onTimeShare } from "@/lib/incidents/on-time";
import { dutyJurisdictions } from "@/lib/incidents/vocabulary";
import type { Duty } from "@/lib/incidents/duties";
import { db } from "../client";
import { listRecordedDuties } from "../incident-duties/reads";
import type { NoticeVersionFact } from "@/lib/metrics/notice-quality";
import type { TrustDashboard } from "@/lib/metrics/dashboard-types";
import { dayCounts } from "./consent-analytics";
import type { DashboardFilter } from "./filter";
import { isPlainVersion, listPublishedNotices } from "./notices";
import { listRequestFacts } from "./requests";

type Sources = {
  days: DayCounts[];
  requests: RequestFact[];
  notices: NoticeVersionFact[];
  /** Every recorded incident's duties (drills apart), as they stand now. */
  breaches: { drill: boolean; duties: Duty[] }[];
  now: number;
};

/** The indicators for one span of days: consent from the daily splits, requests and notices as they stood at its end (or now). */
function inputsFor(span: Bucket, s: Sources): TrustInputs & { answers: number; closed: number; notices: number } {
  const w = periodWindow(span);
  const at = Math.min(s.now, w.end);
  const consent = figures(countsByBucket(s.days, [span])[0]);
  const closing = onTime(s.requests, w);
  const open = openAt(s.requests, at);
  const notices = noticeQuality(s.notices, at, isPlainVersion);
  return {
    optInRate: consent.optInRate,
    withdrawalRate: consent.withdrawalRate,
    gpcHonoured: consent.gpcHonoured,
    onTime: closing.share,
    medianDaysToClose: medianDaysToClose(s.requests, w),
    overdue: open.overdue,
    open: open.open,
    plainNotices: notices.plainShare,
    freshNotices: notices.freshShare,
    breachDutiesOnTime: onTimeShare(s.breaches, new Date(w.start), new Date(w.end), new Date(s.now)).percent,
    answers: consent.granted + consent.denied,
    closed: closing.closed,
    notices: notices.notices,
  };
}

/** The duties of every incident, narrowed to the duties about people of one jurisdiction when the filter names one. */
function breachDuties(now: number, jurisdiction: string | undefined) {
  const all = listRecordedDuties(db, new Date(now));
  if (!jurisdiction) return all;
  return all.map((b) => ({
    ...b,
    duties: b.duties.filter((d) => (dutyJurisdictions[d.kind] as readonly string[]).includes(jurisdiction)),
  }));
}

/**
 * The executive's trust dashboard: each indicator for the period and the one
 * before it, a trend over the period, the score and what moved it. Requests are not about a
 * purpose, so the purpose filter narrows consent and notices only.
 */
export function getTrustDashboard(f: DashboardFilter, now: number): TrustDashboard {
  const previous = previousPeriod(f.period);
  const buckets = trendBuckets(f.period);
  const sources: Sources = {
    days: dayCounts(f, { from: previous.from, to: f.period.to }),
    // +1: the span's end is exclusive, and a request received at the very instant measured is open then (openAt counts receivedAt <= at).
    requests: listRequestFacts({ start: periodWindow(previous).start, end: Math.min(now, periodWindow(f.period).end) + 1 }, f.jurisdiction),
    notices: listPublishedNotices(f.purposeId),
    breaches: breachDuties(now, f.jurisdiction),
    now,
  };
  const toSpan = (p: Period): Bucket => ({ start: p.from, end: p.to });
  const current = inputsFor(toSpan(f.period), sources);
  const before = inputsFor(toSpan(previous), sources);
  const trend = buckets.map((b) => inputsFor(b, sources));
  return {
    period: f.period,
    previousPeriod: previous,
    buckets,
    ...trustReport(current, before, trend),
    movement: trustMovement(current, before),
    context: { answers: current.answers, closed: current.closed, open: current.open, notices: current.notices },
  };
}
