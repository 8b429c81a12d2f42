import { describe, expect, it } from "vitest";
import { checkThrottle, recordFailure, throttlePolicy, type ThrottleState } from "./throttle";

const t0 = Date.UTC(2026, 10, 25, 9, 0, 0);

function fail(times: number, start: ThrottleState | null = null, at = t0) {
  let state = start;
  let delayMs = 0;
  for (let i = 0; i < times; i++) ({ next: state, delayMs } = recordFailure(state, at + i * 1000));
  return { state: state!, delayMs };
}

describe("sign-in throttle", () => {
  it("answers the first two failures at once", () => {
    expect(fail(1).delayMs).toBe(0);
    expect(fail(2).delayMs).toBe(0);
  });

  it("slows answers from the third failure, up to the cap", () => {
    expect(fail(3).delayMs).toBe(1000);
    expect(fail(4).delayMs).toBe(2000);
    expect(recordFailure({ failures: 9, firstFailureAt: t0, lockedUntil: null }, t0 + 1).delayMs).toBe(throttlePolicy.maxDelayMs);
  });

  it("locks after the fifth failure for the lock period", () => {
    const { state } = fail(5);
    expect(state.lockedUntil).toBe(t0 + 4000 + throttlePolicy.lockMs);
    const verdict = checkThrottle(state, t0 + 5000);
    expect(verdict.locked).toBe(true);
    if (verdict.locked) expect(verdict.retryAfterMs).toBe(throttlePolicy.lockMs - 1000);
  });

  it("lets sign-in be tried again once the lock has passed, starting a fresh count", () => {
    const { state } = fail(5);
    const after = state.lockedUntil! + 1;
    expect(checkThrottle(state, after).locked).toBe(false);
    expect(recordFailure(state, after).next.failures).toBe(1);
  });

  it("forgets failures older than the window", () => {
    const { state } = fail(4);
    const later = t0 + throttlePolicy.windowMs + 10_000;
    expect(recordFailure(state, later).next).toEqual({ failures: 1, firstFailureAt: later, lockedUntil: null });
  });

  it("does not lock an account that has never failed", () => {
    expect(checkThrottle(null, t0).locked).toBe(false);
  });
});
