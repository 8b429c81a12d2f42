/**
 * When a message that could not be sent is tried again. The waits grow so a mail server that is
 * down for a night still gets the message, and stop after a fixed number of attempts (about 21
 * hours in all) because an erased person's address is kept only until the last one.
 */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 6 * 3_600_000, 12 * 3_600_000] as const;

/** Every attempt a message gets: the first and one after each wait. */
export const MAX_SEND_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/**
 * A claim older than this was lost (the dispatcher crashed or was killed mid-send). It is well
 * above the mailer's own timeouts, so a send still under way is never taken for a lost one.
 */
export const SEND_TIMEOUT_MS = 10 * 60_000;

/** The wait after `attempts` attempts have failed, before the next one; null when that was the last. */
export function retryDelay(attempts: number): number | null {
  if (!Number.isInteger(attempts) || attempts < 1) throw new RangeError(`attempts must be a positive integer, got ${attempts}`);
  return attempts < MAX_SEND_ATTEMPTS ? RETRY_DELAYS_MS[attempts - 1] : null;
}

export type AfterFailure = { status: "pending"; nextAttemptAt: number } | { status: "failed" };

/** What a failed attempt leads to: another try once the wait counted from `failedAt` is over, or failure for good. */
export function afterFailedAttempt(attempts: number, failedAt: number): AfterFailure {
  const delay = retryDelay(attempts);
  return delay === null ? { status: "failed" } : { status: "pending", nextAttemptAt: failedAt + delay };
}

/** Whether a message claimed at `claimedAt` was lost to a crash by `now`. */
export function claimExpired(claimedAt: number, now: number): boolean {
  return now - claimedAt > SEND_TIMEOUT_MS;
}
