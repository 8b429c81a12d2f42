import { describe, expect, it } from "vitest";
import { codeRequestPolicy, takeRequest } from "./rate-limit";

const t0 = 1_800_000_000_000;

describe("code request rate limit", () => {
  it("allows three requests in fifteen minutes and refuses the fourth until the window ends", () => {
    let state = null;
    for (let i = 0; i < 3; i++) {
      const v = takeRequest(state, t0 + i * 60_000);
      expect(v.allowed).toBe(true);
      if (v.allowed) state = v.next;
    }
    const fourth = takeRequest(state, t0 + 5 * 60_000);
    expect(fourth).toEqual({ allowed: false, retryAfterMs: codeRequestPolicy.windowMs - 5 * 60_000 });
    expect(takeRequest(state, t0 + codeRequestPolicy.windowMs).allowed).toBe(true);
  });

  it("starts a fresh window after the old one ends", () => {
    const v = takeRequest({ failures: 2, firstFailureAt: t0, lockedUntil: null }, t0 + 20 * 60_000);
    expect(v).toEqual({ allowed: true, next: { failures: 1, firstFailureAt: t0 + 20 * 60_000, lockedUntil: null } });
  });

  it("marks the window full on the last allowed request", () => {
    const v = takeRequest({ failures: 2, firstFailureAt: t0, lockedUntil: null }, t0 + 1000);
    expect(v).toEqual({ allowed: true, next: { failures: 3, firstFailureAt: t0, lockedUntil: t0 + codeRequestPolicy.windowMs } });
  });
});
