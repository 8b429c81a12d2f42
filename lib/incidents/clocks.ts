/**
 * The breach clocks (issue 21; reference/standards.md §9). Two kinds of count, as the laws write them:
 * - hours (GDPR Art. 33(1), PIPA Art. 34 with Decree Arts. 39–40): 72 elapsed hours from awareness, so a clock
 *   change in between moves the wall-clock time of the deadline, not the length of the period;
 * - calendar days (APPI Rules Art. 8, Cal. Civ. Code §1798.82): whole days on the brand's calendar, the day of
 *   awareness not counted (APPI: from the day after; California: "within 30 calendar days of discovery"), due at the
 *   end of the last day in the brand's time zone, like the request deadlines beside them (lib/requests/deadlines.ts).
 */

import { z } from "zod";
import { formInt } from "../forms";
import { addDays } from "../time";
import { endOfLocalDay, localDate } from "../requests/deadlines";
import type { DutyKind } from "./vocabulary";

const HOUR_MS = 3_600_000;

/** The periods of the breach laws; the APPI preliminary target is the brand's (see DEFAULT_APPI_PRELIMINARY_DAYS). */
export const breachPeriods = {
  /** GDPR Art. 33(1): the supervisory authority "not later than 72 hours after having become aware". */
  gdprAuthorityHours: 72,
  /** PIPA Art. 34(1), (3) with Decree Arts. 39(1), 40(1) as amended in 2023: people and PIPC/KISA within 72 hours. */
  pipaHours: 72,
  /** PPC Rules Art. 8(2): the final report within 30 days, 60 when the breach was for an unlawful purpose. */
  appiFinalDays: 30,
  appiFinalUnlawfulDays: 60,
  /** Cal. Civ. Code §1798.82(a)(1) as amended by SB 446: residents within 30 calendar days of discovery. */
  caPeopleDays: 30,
  /** §1798.82(f): a sample copy to the Attorney General within 15 calendar days of notifying the residents. */
  caAttorneyGeneralDays: 15,
} as const;

/**
 * The brand's target for APPI's preliminary report, which the Rules ask "promptly" (速やかに, Rules Art. 8(1)); the PPC's
 * guidelines read that as about 3–5 days, so Candor aims at the short end unless the brand sets another target.
 */
export const DEFAULT_APPI_PRELIMINARY_DAYS = 3;
/** The range a brand may set for that target: the same day at the earliest, never past the 30-day final report. */
export const APPI_PRELIMINARY_DAYS_RANGE = { min: 0, max: 29 } as const;

/** An instant a number of elapsed hours later: 72 hours are 72 hours even when the clocks go forward or back between. */
export function hoursAfter(start: Date, hours: number): Date {
  return new Date(start.getTime() + hours * HOUR_MS);
}

/**
 * The end of the brand's calendar day that is `days` days after the day an instant falls on: the day itself is not
 * counted (APPI "from the day after awareness"), so awareness on 1 May and 30 days end at 23:59:59.999 on 31 May.
 */
export function endOfDaysAfter(start: Date, days: number, timeZone: string): Date {
  return endOfLocalDay(addDays(localDate(start, timeZone), days), timeZone);
}

/**
 * When a duty is due: a hard deadline ("by"), or the brand's target for a law that says "promptly" (APPI) or
 * "without undue delay" (GDPR Art. 34), or a period that starts only when another duty is done (California's sample
 * to the Attorney General runs from the notice to residents).
 */
export type DutyDue =
  | { kind: "by"; at: Date }
  | { kind: "promptly"; at: Date }
  | { kind: "without_undue_delay"; at: Date }
  | { kind: "after"; duty: DutyKind; days: number };

/** The instant a due date is judged against, or null when it waits on another duty. */
export function dueInstant(due: DutyDue | null): Date | null {
  return due && due.kind !== "after" ? due.at : null;
}

/** How long until a clock runs out (negative once it has), in whole minutes rounded toward the deadline. */
export function minutesLeft(at: Date, now: Date): number {
  const ms = at.getTime() - now.getTime();
  return ms >= 0 ? Math.floor(ms / 60_000) : -Math.ceil(-ms / 60_000);
}

/** A clock's remaining time split for display: days, hours and minutes (message arguments), and whether it has run out. */
export function clockParts(at: Date, now: Date): { overdue: boolean; span: { days: number; hours: number; minutes: number } } {
  const left = minutesLeft(at, now);
  const m = Math.abs(left);
  return { overdue: left < 0, span: { days: Math.floor(m / 1440), hours: Math.floor((m % 1440) / 60), minutes: m % 60 } };
}

/** The form that sets the brand's APPI preliminary target (days after the day of awareness). */
export const appiBreachTargetSchema = z.object({
  appiBreachPreliminaryDays: formInt(APPI_PRELIMINARY_DAYS_RANGE.min, APPI_PRELIMINARY_DAYS_RANGE.max),
});

/** An open incident as privacy operations and the trust dashboard list it: its nearest clock in the reader's words, counts, never a person. */
export type OpenIncidentClockRow = {
  id: number;
  reference: string;
  /** Null for readers who see counts and clocks only (a title is typed by staff and may name a person). */
  title: string | null;
  drill: boolean;
  nearest: string | null;
  due: string | null;
  left: string | null;
  late: boolean;
  overdue: number;
  affected: number;
};
