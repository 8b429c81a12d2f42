/**
 * Due dates for subject requests, per the regime of the subject's jurisdiction
 * (SPEC.md §4; reference/standards.md §1). Clocks run on the brand's local
 * calendar: a receipt instant becomes a local date, the period is counted in
 * whole days or months, and the deadline is the end of that local day.
 * Business days skip Saturdays and Sundays only; public holidays are not known here.
 */

/** A date on a calendar, without a time or zone; month is 1–12. */
export type CalendarDate = { year: number; month: number; day: number };
/** The law whose clock a request runs on; "strictest" when the jurisdiction is unknown. */
export type Regime = "gdpr" | "ccpa" | "pipa" | "appi" | "strictest";

export type DeadlineInput = {
  jurisdiction: string;
  /** A subject request type, e.g. "access", "deletion", "opt_out_sale". */
  type: string;
  receivedAt: Date;
  /** The brand's IANA time zone, e.g. "Europe/Dublin". */
  timeZone: string;
  /** The brand's APPI "without delay" target in days; 14 when not set. */
  appiTargetDays?: number;
};

const DAY_MS = 86_400_000;
/** The APPI "without delay" target when the brand has not set one. */
export const DEFAULT_APPI_TARGET_DAYS = 14;
/** The shortest period among the regimes we know (PIPA), used when the jurisdiction is unknown. */
export const STRICTEST_DAYS = 10;
const GDPR_JURISDICTIONS = new Set(["EU", "EEA", "UK"]);
/** CCPA §7021(a) names requests to delete, correct and know; portability is part of knowing. */
const CCPA_CONFIRMED_TYPES = new Set(["access", "portability", "deletion", "rectification"]);

/**
 * The regime whose clock applies. An unknown jurisdiction gets "strictest":
 * the shortest deadline we know (10 days, as PIPA), so a gap in our table never
 * makes the brand late.
 */
export function regimeFor(jurisdiction: string): Regime {
  const j = jurisdiction.trim().toUpperCase();
  if (GDPR_JURISDICTIONS.has(j)) return "gdpr";
  if (j === "US-CA") return "ccpa";
  if (j === "KR") return "pipa";
  if (j === "JP") return "appi";
  return "strictest";
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      calendar: "gregory",
      numberingSystem: "latn",
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Wall-clock fields of an instant in a zone, as if that wall time were UTC. */
function wallClockAsUtc(instantMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
}

/** The calendar date an instant falls on in a time zone. */
export function localDate(instant: Date, timeZone: string): CalendarDate {
  const wall = new Date(wallClockAsUtc(instant.getTime(), timeZone));
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
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

function toUtcMs(d: CalendarDate): number {
  return Date.UTC(d.year, d.month - 1, d.day);
}

function fromUtcMs(ms: number): CalendarDate {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** A calendar date n days later (n may be negative). */
export function addDays(date: CalendarDate, n: number): CalendarDate {
  return fromUtcMs(toUtcMs(date) + n * DAY_MS);
}

/**
 * The same day n months later, or that month's last day when it has no such
 * day (Regulation 1182/71 Art. 3(2)(c)): 31 January + 1 month = 28 or 29 February.
 */
export function addMonths(date: CalendarDate, n: number): CalendarDate {
  const monthIndex = date.month - 1 + n;
  const year = date.year + Math.floor(monthIndex / 12);
  const month = (((monthIndex % 12) + 12) % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { year, month, day: Math.min(date.day, lastDay) };
}

/** True on Saturday or Sunday. */
export function isWeekend(date: CalendarDate): boolean {
  const weekday = new Date(toUtcMs(date)).getUTCDay();
  return weekday === 0 || weekday === 6;
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

function appiDays(input: DeadlineInput): number {
  const days = input.appiTargetDays ?? DEFAULT_APPI_TARGET_DAYS;
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`appiTargetDays must be a whole number ≥ 1, got ${days}`);
  return days;
}

/** The local due date (before it is turned into an instant) of a request. */
export function dueCalendarDate(input: DeadlineInput): CalendarDate {
  const received = localDate(input.receivedAt, input.timeZone);
  switch (regimeFor(input.jurisdiction)) {
    case "gdpr":
      return addMonths(received, 1);
    case "ccpa":
      return input.type === "opt_out_sale" ? addBusinessDays(received, 15) : addDays(received, 45);
    case "pipa":
      return addDays(received, 10);
    case "appi":
      return addDays(received, appiDays(input));
    case "strictest":
      return addDays(received, STRICTEST_DAYS);
  }
}

/** When a request is due: the end of the brand's local day on which its period ends. */
export function dueDate(input: DeadlineInput): Date {
  return endOfLocalDay(dueCalendarDate(input), input.timeZone);
}

/**
 * The due date after the one extension a regime allows, or null when it allows
 * none (PIPA only has a postponement notice, APPI says "without delay", and a
 * CCPA opt-out of sale/sharing cannot be extended). GDPR adds two months to
 * the original due date, which is never later than three months from receipt.
 */
export function extendedDueDate(input: DeadlineInput): Date | null {
  const received = localDate(input.receivedAt, input.timeZone);
  switch (regimeFor(input.jurisdiction)) {
    case "gdpr":
      return endOfLocalDay(addMonths(addMonths(received, 1), 2), input.timeZone);
    case "ccpa":
      return input.type === "opt_out_sale" ? null : endOfLocalDay(addDays(received, 90), input.timeZone);
    default:
      return null;
  }
}

/**
 * By when receipt must be confirmed: 10 business days for CCPA requests to
 * know, delete or correct (§7021(a)); null where no such clock applies.
 */
export function confirmReceiptBy(input: DeadlineInput): Date | null {
  if (regimeFor(input.jurisdiction) !== "ccpa" || !CCPA_CONFIRMED_TYPES.has(input.type)) return null;
  return endOfLocalDay(addBusinessDays(localDate(input.receivedAt, input.timeZone), 10), input.timeZone);
}
