import { DAY_MS } from "../time";

/** Whole days until a due date, rounded up; negative (at least -1) once it has passed. */
export function daysLeft(dueAt: Date, now: Date): number {
  const diff = dueAt.getTime() - now.getTime();
  return diff >= 0 ? Math.ceil(diff / DAY_MS) : -Math.ceil(-diff / DAY_MS);
}

export type SlaTone = "ok" | "warn" | "danger";

/** How urgent an open request is: overdue, due within three days, or comfortable. */
export function slaTone(days: number): SlaTone {
  if (days < 0) return "danger";
  if (days <= 3) return "warn";
  return "ok";
}
