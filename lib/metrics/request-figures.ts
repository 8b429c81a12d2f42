import { median, rate, round1 } from "./stats";
import { DAY_MS } from "../time";
import { openRequestStatuses } from "../requests/vocabulary";

/** What the dashboards know of a request: no subject, no free text. */
export type RequestFact = {
  type: string;
  status: string;
  jurisdiction: string;
  receivedAt: number;
  dueAt: number;
  closedAt: number | null;
};

/** A half-open span of time [start, end) in epoch milliseconds. */
export type Window = { start: number; end: number };

const closedIn = (r: RequestFact, w: Window) => r.closedAt !== null && r.closedAt >= w.start && r.closedAt < w.end;

/** Requests closed in the window, and how many of them by their due date. */
export function onTime(reqs: readonly RequestFact[], w: Window): { closed: number; onTime: number; share: number | null } {
  let closed = 0;
  let ok = 0;
  for (const r of reqs) {
    if (!closedIn(r, w)) continue;
    closed++;
    if (r.closedAt! <= r.dueAt) ok++;
  }
  return { closed, onTime: ok, share: rate(ok, closed) };
}

/** Median days from receipt to closing, over requests closed in the window (one decimal), or null. */
export function medianDaysToClose(reqs: readonly RequestFact[], w: Window): number | null {
  const m = median(reqs.filter((r) => closedIn(r, w)).map((r) => (r.closedAt! - r.receivedAt) / DAY_MS));
  return m === null ? null : round1(m);
}

/** Requests open at an instant, and those of them past their due date. */
export function openAt(reqs: readonly RequestFact[], at: number): { open: number; overdue: number } {
  let open = 0;
  let overdue = 0;
  for (const r of reqs) {
    if (r.receivedAt > at || (r.closedAt !== null && r.closedAt <= at)) continue;
    open++;
    if (r.dueAt < at) overdue++;
  }
  return { open, overdue };
}

export const slaBands = ["overdue", "due-3d", "due-7d", "due-14d", "later"] as const;
export type SlaBand = (typeof slaBands)[number];

/** The SLA band of an open request: overdue, or due within 3, 7 or 14 days, or later. */
export function slaBand(dueAt: number, now: number): SlaBand {
  const days = (dueAt - now) / DAY_MS;
  if (days < 0) return "overdue";
  if (days <= 3) return "due-3d";
  if (days <= 7) return "due-7d";
  if (days <= 14) return "due-14d";
  return "later";
}

/** The stages a request waits in: its open statuses. */
export const stages = openRequestStatuses;
export type Stage = (typeof stages)[number];

export type StatusChange = { requestId: number; at: number; from: string | null; to: string | null };

/**
 * Median days a request spent in each stage, over stays that ended in the
 * window: a stay starts when a status change enters the stage and ends at the
 * next status change of the same request. Not rounded: a chart may show the
 * medians in hours (durationAxis), where a tenth of a day would be 2.4 hours.
 */
export function stageMedians(changes: readonly StatusChange[], w: Window): { stage: Stage; median: number | null; count: number }[] {
  const byRequest = new Map<number, StatusChange[]>();
  for (const c of changes) byRequest.set(c.requestId, [...(byRequest.get(c.requestId) ?? []), c]);
  const stays = new Map<Stage, number[]>(stages.map((s) => [s, []]));
  for (const list of byRequest.values()) {
    list.sort((a, b) => a.at - b.at);
    for (let i = 1; i < list.length; i++) {
      const stage = list[i - 1].to as Stage;
      if (!stays.has(stage) || list[i].at < w.start || list[i].at >= w.end) continue;
      stays.get(stage)!.push((list[i].at - list[i - 1].at) / DAY_MS);
    }
  }
  return stages.map((stage) => {
    const m = median(stays.get(stage)!);
    return { stage, median: m, count: stays.get(stage)!.length };
  });
}
