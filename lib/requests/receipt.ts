import { z } from "zod";
import { DAY_MS, wallClockAsUtc } from "../time";

/**
 * When staff say a request was received. Every clock counts from receipt, not from
 * when someone typed the letter in (GDPR Art. 12(3) "from receipt of the request";
 * CCPA §7021(a) and §7021(b) "from receipt"; PIPA and APPI alike), so staff intake
 * takes the moment the letter arrived or the call was taken, on the brand's clock.
 */

/** Beyond this many days back, an entry must say why it is so late. */
export const LATE_ENTRY_DAYS = 60;
/** No request reached a brand through Candor before this; an earlier date is a typo. */
const EARLIEST_RECEIPT_MS = Date.UTC(2000, 0, 1);
/** Received and entered count as one moment when they are under a minute apart (the form has minutes only). */
const SAME_MOMENT_MS = 60_000;

export type ReceiptClock = { now: Date; timeZone: string };

const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?$/;

/** An instant as an `<input type="datetime-local">` value on the zone's wall clock: "2026-05-01T09:30". */
export function toLocalInput(instant: Date, timeZone: string): string {
  return new Date(wallClockAsUtc(instant.getTime(), timeZone)).toISOString().slice(0, 16);
}

/**
 * A datetime-local value read as wall time in the zone, as an instant; null when it is
 * malformed or names a time the zone skips (the hour lost when clocks go forward).
 * A time that happens twice (clocks going back) is read as the first.
 */
export function fromLocalInput(value: string, timeZone: string): Date | null {
  const m = LOCAL_RE.exec(value.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map((x) => Number(x ?? 0));
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const back = new Date(wall);
  if (back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return null;
  // The zone's offset a day either side of the wall time; the earlier reading wins when both fit.
  const candidates = [
    wall - (wallClockAsUtc(wall - DAY_MS, timeZone) - (wall - DAY_MS)),
    wall - (wallClockAsUtc(wall + DAY_MS, timeZone) - (wall + DAY_MS)),
  ].sort((a, b) => a - b);
  const instant = candidates.find((c) => wallClockAsUtc(c, timeZone) === wall);
  return instant === undefined ? null : new Date(instant);
}

/** Whether an entry needs a reason: received more than LATE_ENTRY_DAYS before it is entered. */
export function isLateEntry(receivedAt: Date, now: Date): boolean {
  return now.getTime() - receivedAt.getTime() > LATE_ENTRY_DAYS * DAY_MS;
}

/** Whether the request page should show received and entered apart. */
export function enteredLater(receivedAt: Date, enteredAt: Date): boolean {
  return Math.abs(enteredAt.getTime() - receivedAt.getTime()) >= SAME_MOMENT_MS;
}

/**
 * The receipt fields of staff intake, checked against the clock: a time on the brand's
 * wall clock, not in the future, not before 2000, and more than LATE_ENTRY_DAYS back
 * only with a reason. Error messages are catalog keys (requestDetail.errors.*).
 */
export function receiptFields(clock: ReceiptClock) {
  return {
    receivedAt: z
      .string({ error: "received-required" })
      .trim()
      .min(1, { error: "received-required" })
      .transform((value, ctx) => {
        const at = fromLocalInput(value, clock.timeZone);
        if (!at) ctx.addIssue({ code: "custom", message: "received-invalid" });
        else if (at.getTime() < EARLIEST_RECEIPT_MS) ctx.addIssue({ code: "custom", message: "received-too-early" });
        else if (at.getTime() > clock.now.getTime()) ctx.addIssue({ code: "custom", message: "received-future" });
        return at ?? z.NEVER;
      }),
    lateReason: z
      .string()
      .trim()
      .max(2000, { error: "too-long" })
      .optional()
      .transform((v) => v || undefined),
  };
}

/** The rule that ties the two fields: a late entry needs a reason of a few words. */
export function requireLateReason(v: { receivedAt: Date; lateReason?: string }, ctx: z.RefinementCtx, clock: ReceiptClock): void {
  // Zod runs this even when receivedAt itself failed; that failure is already reported.
  if (!(v.receivedAt instanceof Date)) return;
  if (isLateEntry(v.receivedAt, clock.now) && (v.lateReason?.length ?? 0) < 3)
    ctx.addIssue({ code: "custom", message: "late-reason-required", path: ["lateReason"] });
}
