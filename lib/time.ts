/** Milliseconds in a 24-hour day; arithmetic on instants and UTC days, not on a local day that crosses a clock change. */
export const DAY_MS = 86_400_000;

/** A date on a calendar, without a time or zone; month is 1–12. */
export type CalendarDate = { year: number; month: number; day: number };

function toUtcMs(d: CalendarDate): number {
  return Date.UTC(d.year, d.month - 1, d.day);
}

function fromUtcMs(ms: number): CalendarDate {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** A calendar date n days later (n may be negative); a day written YYYY-MM-DD comes back written the same way. */
export function addDays(date: CalendarDate, n: number): CalendarDate;
export function addDays(day: string, n: number): string;
export function addDays(date: CalendarDate | string, n: number): CalendarDate | string {
  if (typeof date === "string") return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
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

/** The weekday of a calendar date, 0 (Sunday) to 6 (Saturday). */
export function weekday(date: CalendarDate): number {
  return new Date(toUtcMs(date)).getUTCDay();
}

/** Whether this runtime knows an IANA time zone by that name ("America/Los_Angeles", "UTC"). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const zoneFormatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock time an instant shows in an IANA zone, as if that wall time were UTC (ms). */
export function wallClockAsUtc(instantMs: number, timeZone: string): number {
  let f = zoneFormatters.get(timeZone);
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
    zoneFormatters.set(timeZone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(new Date(instantMs))) if (part.type !== "literal") p[part.type] = Number(part.value);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
}
