import { describe, expect, it } from "vitest";
import {
  BASE_DELAY_MS,
  MAX_DELAY_MS,
  MIN_ATTEMPTS_BEFORE_PARKING,
  RESPONSE_BODY_LIMIT_BYTES,
  RETRY_WINDOW_MS,
  clipResponseBody,
  delayCeiling,
  nextDeliveryStep,
  retryDelay,
} from "./delivery-schedule";

const HOUR = 3_600_000;
const T0 = Date.UTC(2025, 5, 1, 12);

/** Every attempt failing with a 500: the times of each attempt until the delivery is parked. */
function failUntilParked(random: () => number): { attempts: number[]; parkedAt: number } {
  const attempts = [T0];
  for (;;) {
    const now = attempts[attempts.length - 1];
    const step = nextDeliveryStep(attempts.length, T0, now, 500, random);
    if (step.next === "parked") return { attempts, parkedAt: now };
    if (step.next !== "retry") throw new Error(`unexpected ${step.next}`);
    attempts.push(step.nextAttemptAt);
  }
}

describe("the retry schedule", () => {
  it.each([
    ["the lowest draws", () => 0],
    ["the highest draws", () => 0.999999],
    ["middling draws", () => 0.5],
  ])("with %s, retries for at least 72 hours before parking, and parks within one longest wait after", (_, random) => {
    const { attempts, parkedAt } = failUntilParked(random);
    expect(parkedAt - T0).toBeGreaterThanOrEqual(RETRY_WINDOW_MS);
    expect(parkedAt - T0).toBeLessThan(RETRY_WINDOW_MS + MAX_DELAY_MS);
    expect(attempts.length).toBeGreaterThanOrEqual(MIN_ATTEMPTS_BEFORE_PARKING);
    // Bounded: even the shortest waits (half of each ceiling) make at most a few dozen attempts in 72 hours.
    expect(attempts.length).toBeLessThanOrEqual(60);
  });

  it("makes its first five attempts within ten minutes (Didomi's five in five minutes is the floor we go past)", () => {
    const { attempts } = failUntilParked(() => 0.999999);
    expect(attempts[4] - T0).toBeLessThan(10 * 60_000);
  });

  it("doubles the ceiling from 30 seconds up to 4 hours and no further", () => {
    expect([1, 2, 3, 4].map(delayCeiling)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(delayCeiling(10)).toBe(MAX_DELAY_MS);
    expect(delayCeiling(1_000)).toBe(MAX_DELAY_MS);
    expect(() => delayCeiling(0)).toThrow(RangeError);
  });

  it("keeps every jittered wait between half the ceiling and the ceiling", () => {
    for (let attempts = 1; attempts <= 40; attempts++) {
      for (const r of [0, 0.1, 0.5, 0.9, 0.999999]) {
        const delay = retryDelay(attempts, () => r);
        expect(delay).toBeGreaterThanOrEqual(delayCeiling(attempts) / 2);
        expect(delay).toBeLessThanOrEqual(delayCeiling(attempts));
        expect(delay).toBeGreaterThanOrEqual(BASE_DELAY_MS / 2);
      }
    }
  });

  it("refuses a random source outside [0, 1)", () => {
    expect(() => retryDelay(1, () => 1)).toThrow(RangeError);
    expect(() => retryDelay(1, () => Number.NaN)).toThrow(RangeError);
  });
});

describe("nextDeliveryStep", () => {
  const random = () => 0.5;

  it("calls any 2xx delivered", () => {
    for (const status of [200, 201, 202, 204, 299]) expect(nextDeliveryStep(1, T0, T0, status, random)).toEqual({ next: "delivered" });
  });

  it("disables the path on 410, even on the first attempt", () => {
    expect(nextDeliveryStep(1, T0, T0, 410, random)).toEqual({ next: "disabled" });
  });

  it("counts a 3xx as a failure, since redirects are not followed", () => {
    for (const status of [301, 302, 307, 308]) expect(nextDeliveryStep(1, T0, T0, status, random)).toMatchObject({ next: "retry" });
  });

  it("retries other statuses, timeouts and network errors after the jittered wait", () => {
    for (const outcome of [400, 404, 429, 500, 503, 100, "timeout", "network-error"] as const) {
      expect(nextDeliveryStep(2, T0, T0 + 1000, outcome, random)).toEqual({
        next: "retry",
        delayMs: 45_000,
        nextAttemptAt: T0 + 1000 + 45_000,
      });
    }
  });

  it("parks once 72 hours have passed since the first attempt and five attempts were made", () => {
    expect(nextDeliveryStep(20, T0, T0 + RETRY_WINDOW_MS - 1, 500, random)).toMatchObject({ next: "retry" });
    expect(nextDeliveryStep(20, T0, T0 + RETRY_WINDOW_MS, 500, random)).toEqual({ next: "parked" });
  });

  it("does not park after 72 hours when a dispatcher that was down made fewer than five attempts", () => {
    expect(nextDeliveryStep(2, T0, T0 + 100 * HOUR, "network-error", random)).toMatchObject({ next: "retry" });
    expect(nextDeliveryStep(MIN_ATTEMPTS_BEFORE_PARKING, T0, T0 + 100 * HOUR, "network-error", random)).toEqual({ next: "parked" });
  });
});

describe("clipResponseBody", () => {
  it("keeps a body of up to 1 KB whole", () => {
    expect(clipResponseBody("ok")).toBe("ok");
    expect(clipResponseBody("a".repeat(RESPONSE_BODY_LIMIT_BYTES))).toHaveLength(RESPONSE_BODY_LIMIT_BYTES);
  });

  it("cuts a longer body to 1 KB", () => {
    expect(clipResponseBody("a".repeat(5000))).toBe("a".repeat(RESPONSE_BODY_LIMIT_BYTES));
  });

  it("never cuts a multi-byte character in half", () => {
    // "가" is 3 bytes in UTF-8: 341 of them are 1,023 bytes, the 342nd would straddle the limit.
    const clipped = clipResponseBody("가".repeat(400));
    expect(clipped).toBe("가".repeat(341));
    expect(clipped).not.toContain("\uFFFD");
    expect(clipResponseBody("a" + "😀".repeat(300))).toBe("a" + "😀".repeat(255));
  });

  it("takes raw bytes as well as text", () => {
    expect(clipResponseBody(new TextEncoder().encode("x".repeat(2000)))).toBe("x".repeat(RESPONSE_BODY_LIMIT_BYTES));
  });
});
