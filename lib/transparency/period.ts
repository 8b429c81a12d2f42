import { wallClockAsUtc } from "@/lib/time";

/** The instant a calendar day begins in an IANA zone (the zone's offset at that moment, clock changes included). */
export function startOfZonedDay(year: number, month: number, day: number, timeZone: string): number {
  const wall = Date.UTC(year, month - 1, day);
  // Two passes: the offset at the first guess may differ from the offset at the answer across a clock change.
  let at = wall - (wallClockAsUtc(wall, timeZone) - wall);
  at = wall - (wallClockAsUtc(at, timeZone) - at);
  return at;
}

/** A calendar year in the brand's zone as a half-open range of instants: [1 January 00:00, next 1 January 00:00). */
export function yearPeriod(year: number, timeZone: string): { start: number; end: number } {
  return { start: startOfZonedDay(year, 1, 1, timeZone), end: startOfZonedDay(year + 1, 1, 1, timeZone) };
}

/** The year an instant falls in, in the brand's zone. */
export function zonedYearOf(at: number, timeZone: string): number {
  return new Date(wallClockAsUtc(at, timeZone)).getUTCFullYear();
}

/** The latest year that has ended in the brand's zone: the newest year a report may be published for. */
export function lastEndedYear(now: number, timeZone: string): number {
  return zonedYearOf(now, timeZone) - 1;
}
