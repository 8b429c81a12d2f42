import type { ThrottleState } from "../auth/throttle";

/** How many codes one email address may ask for, and in what window. */
export const codeRequestPolicy = { max: 3, windowMs: 15 * 60_000 } as const;

export type RateVerdict = { allowed: true; next: ThrottleState } | { allowed: false; retryAfterMs: number };

/**
 * One more request in a fixed window that starts with the first request.
 * Stored in the throttle shape: `failures` counts requests, `lockedUntil` is
 * set once the window is full.
 */
export function takeRequest(
  state: ThrottleState | null,
  now: number,
  policy: { max: number; windowMs: number } = codeRequestPolicy,
): RateVerdict {
  const fresh = !state || now - state.firstFailureAt >= policy.windowMs;
  if (!fresh && state.failures >= policy.max) return { allowed: false, retryAfterMs: state.firstFailureAt + policy.windowMs - now };
  const count = fresh ? 1 : state.failures + 1;
  const start = fresh ? now : state.firstFailureAt;
  return {
    allowed: true,
    next: { failures: count, firstFailureAt: start, lockedUntil: count >= policy.max ? start + policy.windowMs : null },
  };
}
