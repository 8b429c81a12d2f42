/**
 * Due dates for subject requests, per the regime of the subject's jurisdiction
 * (SPEC.md §4; reference/standards.md §1). Clocks run on the brand's local
 * calendar: a receipt instant becomes a local date, the period is counted in
 * whole days or months, and the deadline is the end of that local day.
 * Business days skip Saturdays and Sundays only; public holidays are not known here.
 */

import { addDays, addMonths, wallClockAsUtc, weekday, type CalendarDate } from "../time";
import { clockRule, type ClockInput, type ClockPeriod } from "./clock-rules";

export { DEFAULT_APPI_TARGET_DAYS, STRICTEST_DAYS, clockRule, regimeFor, type ClockRule, type Regime } from "./clock-rules";

export type DeadlineInput = ClockInput & {
  receivedAt: Date;
  /** The brand's IANA time zone, e.g. "Europe/Dublin". */
  timeZone: string;
};

/** The calendar date an instant falls on in a time zone. */
export function localDate(instant: Date, timeZone: string): CalendarDate {
  const wall = new Date(wallClockAsUtc(instant.getTime(), timeZone));
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
}

/**
 * The brand's calendar day (YYYY-MM-DD) an instant falls on: how a date is named to a
 * subject. A deadline is 23:59:59 on the brand's day, which west of UTC is already the
 * next UTC day, so never name it with toISOString().
 */
export function localDay(instant: Date, timeZone: string): string {
  const d = localDate(instant, timeZone);
  return `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
}

/** The last millisecond of a local calendar day, as an instant. */
export function endOfLocalDay(date: CalendarDate, timeZone: string): Date {
  const wall = Date.UTC(date.year, date.month - 1, date.day, 23, 59, 59, 999);
  const offsetAt = (ms: number) => wallClockAsUtc(ms, timeZone) - Math.floor(ms / 1000) * 1000;
  let instant = wall - offsetAt(wall);
  // Near a DST change the first guess uses the wrong offset; one correction settles it.
  const corrected = wall - offsetAt(instant);
  if (corrected !== instant) instant = corrected;
  return new Date(instant);
}

/** True on Saturday or Sunday. */
export function isWeekend(date: CalendarDate): boolean {
  const day = weekday(date);
  return day === 0 || day === 6;
}

/** The date n business days (Monday–Friday) after a date; the start day itself never counts. */
export function addBusinessDays(date: CalendarDate, n: number): CalendarDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`addBusinessDays: n must be a whole number ≥ 0, got ${n}`);
  let d = date;
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (!isWeekend(d)) left--;
  }
  return d;
}

/** A calendar date a period later, counted as the law states it (days, business days or months). */
export function addPeriod(date: CalendarDate, period: ClockPeriod): CalendarDate {
  switch (period.unit) {
    case "days":
      return addDays(date, period.count);
    case "business-days":
      return addBusinessDays(date, period.count);
    case "months":
      return addMonths(date, period.count);
  }
}

/** The local due date (before it is turned into an instant) of a request. */
export function dueCalendarDate(input: DeadlineInput): CalendarDate {
  return addPeriod(localDate(input.receivedAt, input.timeZone), clockRule(input).period);
}

/** When a request is due: the end of the brand's local day on which its period ends. */
export function dueDate(input: DeadlineInput): Date {
  return endOfLocalDay(dueCalendarDate(input), input.timeZone);
}

/**
 * The due date after the one extension a regime allows, added to the original
 * due date, or null when it allows none (see clockRule). GDPR's two further
 * months end no later than three months from receipt; CCPA's 45 days make 90.
 */
export function extendedDueDate(input: DeadlineInput): Date | null {
  const extension = clockRule(input).extension;
  return extension ? endOfLocalDay(addPeriod(dueCalendarDate(input), extension), input.timeZone) : null;
}

/**
 * By when receipt must be confirmed: 10 business days for CCPA requests to
 * know, delete or correct (§7021(a)); null where no such clock applies.
 */
export function confirmReceiptBy(input: DeadlineInput): Date | null {
  const confirm = clockRule(input).confirmReceipt;
  return confirm ? endOfLocalDay(addPeriod(localDate(input.receivedAt, input.timeZone), confirm), input.timeZone) : null;
}
