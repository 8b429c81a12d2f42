import { DIGEST_HOUR } from "./vocabulary";

/** The brand's local date (YYYY-MM-DD) and hour at an instant. */
export function brandClock(now: Date, timeZone: string): { day: string; hour: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", hourCycle: "h23" })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  return { day: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) };
}

/**
 * Whether a member's daily digest goes out now: from DIGEST_HOUR of the brand's day, once that day
 * (a job that was down at 08:00 sends it when it comes back, not twice); `force` (npm run notify --digest)
 * sends what is waiting now, for operators and tests.
 */
export function digestDue(now: Date, timeZone: string, lastDigestDay: string | null, force = false): boolean {
  if (force) return true;
  const { day, hour } = brandClock(now, timeZone);
  return hour >= DIGEST_HOUR && lastDigestDay !== day;
}
