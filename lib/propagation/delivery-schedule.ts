/**
 * What happens after each webhook attempt (issue 14, deliverable 5). The law gives Candor a duty to reach
 * recipients (GDPR Art. 19; CCPA 11 CCR §7022(b)(2)–(3) for deletion, §7026(f) for opt-outs), so a recipient
 * that is down over a weekend must still be reached: failures are retried with growing, jittered waits for at
 * least 72 hours, and only then parked for an officer to replay. The schedule is pure; the dispatcher stores
 * what it returns.
 */

/** How long one attempt may take, connection to last byte; beyond it the attempt is a failure. */
export const DELIVERY_TIMEOUT_MS = 10_000;

/** How much of a recipient's answer is kept: enough to read an error, too little to store what it echoes back. */
export const RESPONSE_BODY_LIMIT_BYTES = 1024;

/** Retries go on at least this long after the first attempt before a delivery is parked. */
export const RETRY_WINDOW_MS = 72 * 3_600_000;

/** Attempts made before parking even when the window has passed (a dispatcher down for days still tries a few times). */
export const MIN_ATTEMPTS_BEFORE_PARKING = 5;

/** The first wait, and the longest: waits double from the first up to the longest. */
export const BASE_DELAY_MS = 30_000;
export const MAX_DELAY_MS = 4 * 3_600_000;

/** What one attempt came to: the HTTP status, or no answer in time, or no connection at all. */
export type AttemptOutcome = number | "timeout" | "network-error";

export type DeliveryStep =
  | { next: "delivered" }
  | { next: "disabled" } // 410 Gone: the recipient says the endpoint is gone; the path is switched off and the officer told.
  | { next: "retry"; delayMs: number; nextAttemptAt: number }
  | { next: "parked" };

/** The ceiling of the wait after `attempts` failed attempts: 30 s doubling, at most 4 h. */
export function delayCeiling(attempts: number): number {
  if (!Number.isInteger(attempts) || attempts < 1) throw new RangeError(`attempts must be a positive integer, got ${attempts}`);
  // 2 ** 30 is far past the cap; clamping the exponent keeps the arithmetic finite for any count.
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.min(attempts - 1, 30));
}

/**
 * The wait after `attempts` failed attempts, jittered so recipients that come back at once are not all hit
 * at the same instant. The jitter is drawn from the upper half of the ceiling (AWS's "equal jitter") rather
 * than from zero to the ceiling ("full jitter"): a wait near zero on every draw would let the number of
 * attempts in 72 hours grow without bound, while half the ceiling keeps it small and the total bounded.
 * `random` returns a number in [0, 1) and is injected so tests can pin it.
 */
export function retryDelay(attempts: number, random: () => number): number {
  const ceiling = delayCeiling(attempts);
  const r = random();
  if (!(r >= 0 && r < 1)) throw new RangeError(`random() must be in [0, 1), got ${r}`);
  return Math.floor(ceiling / 2 + r * (ceiling / 2));
}

/** Whether an outcome delivered: a 2xx answer. A 3xx is not; redirects are never followed (the SSRF guard checked only this URL). */
export function isDelivered(outcome: AttemptOutcome): boolean {
  return typeof outcome === "number" && outcome >= 200 && outcome < 300;
}

/**
 * What follows an attempt: delivered on 2xx; the path disabled on 410; otherwise (any other status,
 * a timeout, a network error) another attempt after a jittered wait, until 72 hours have passed since
 * the first attempt and at least five were made, then parked.
 * `attempts` counts every attempt made so far, this one included.
 */
export function nextDeliveryStep(
  attempts: number,
  firstAttemptAt: number,
  now: number,
  outcome: AttemptOutcome,
  random: () => number,
): DeliveryStep {
  if (isDelivered(outcome)) return { next: "delivered" };
  if (outcome === 410) return { next: "disabled" };
  if (now - firstAttemptAt >= RETRY_WINDOW_MS && attempts >= MIN_ATTEMPTS_BEFORE_PARKING) return { next: "parked" };
  const delayMs = retryDelay(attempts, random);
  return { next: "retry", delayMs, nextAttemptAt: now + delayMs };
}

/**
 * A response body cut to 1 KB for storage, never in the middle of a UTF-8 character. The cut body still
 * names the person sometimes (recipients echo payloads), which is why it is scrubbed with the identifiers.
 */
export function clipResponseBody(body: string | Uint8Array): string {
  const bytes = typeof body === "string" ? Buffer.from(body, "utf8") : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (bytes.length <= RESPONSE_BODY_LIMIT_BYTES) return bytes.toString("utf8");
  let end = RESPONSE_BODY_LIMIT_BYTES;
  // A continuation byte (10xxxxxx) at the cut means a character straddles it: cut before that character's first byte.
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end).toString("utf8");
}
