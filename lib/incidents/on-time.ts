/**
 * The share of breach duties met on time over a period (issue 21, deliverable 6): the trust dashboard's incident
 * indicator. It counts duties, not incidents, so recording a breach never lowers it; only a missed clock does.
 * Drills are left out: they run every step but no law's clock runs for them.
 */

import { dueInstant } from "./clocks";
import type { Duty } from "./duties";

export type OnTimeShare = {
  /** Applicable duties whose due time fell in the period and has passed, or that were done in it. */
  due: number;
  /** Of them, done by their due time. */
  onTime: number;
  /** onTime ÷ due as a percentage, or null when no duty fell due. */
  percent: number | null;
};

/**
 * Duties count in the period their due time falls in (from inclusive, to exclusive), once that time has passed or
 * the duty is done; a duty still open before its deadline is not judged yet. Met on time counts, late and overdue
 * do not. Duties that wait on another duty (California's sample to the Attorney General before residents are told)
 * are not judged until their own clock starts.
 */
export function onTimeShare(incidents: { drill: boolean; duties: Duty[] }[], from: Date, to: Date, now: Date): OnTimeShare {
  let due = 0;
  let onTime = 0;
  for (const incident of incidents) {
    if (incident.drill) continue;
    for (const d of incident.duties) {
      const at = dueInstant(d.due);
      if (!d.applies || !at || at.getTime() < from.getTime() || at.getTime() >= to.getTime()) continue;
      if (d.status === "open" || d.status === "undetermined") continue;
      if (d.status !== "met" && at.getTime() > now.getTime()) continue;
      due++;
      if (d.status === "met") onTime++;
    }
  }
  return { due, onTime, percent: due > 0 ? (100 * onTime) / due : null };
}
