/** How repeated failed sign-ins are slowed, then refused for a while. */
export const throttlePolicy = {
  windowMs: 15 * 60_000,
  slowAfter: 3,
  delayStepMs: 1_000,
  maxDelayMs: 3_000,
  lockAfter: 5,
  lockMs: 15 * 60_000,
} as const;

export type ThrottleState = { failures: number; firstFailureAt: number; lockedUntil: number | null };

export type ThrottleVerdict = { locked: true; retryAfterMs: number } | { locked: false };

/** Whether a sign-in may be tried now. */
export function checkThrottle(state: ThrottleState | null, now: number): ThrottleVerdict {
  if (state?.lockedUntil && state.lockedUntil > now) return { locked: true, retryAfterMs: state.lockedUntil - now };
  return { locked: false };
}

/** The state after one more failure, and how long to hold the answer back. */
export function recordFailure(state: ThrottleState | null, now: number, policy = throttlePolicy): { next: ThrottleState; delayMs: number } {
  const fresh = !state || now - state.firstFailureAt > policy.windowMs || (state.lockedUntil !== null && state.lockedUntil <= now);
  const failures = fresh ? 1 : state.failures + 1;
  const firstFailureAt = fresh ? now : state.firstFailureAt;
  const lockedUntil = failures >= policy.lockAfter ? now + policy.lockMs : null;
  const delayMs = failures >= policy.slowAfter ? Math.min(policy.maxDelayMs, (failures - policy.slowAfter + 1) * policy.delayStepMs) : 0;
  return { next: { failures, firstFailureAt, lockedUntil }, delayMs };
}
