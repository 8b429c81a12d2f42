import { describe, expect, it } from "vitest";
import { afterFailedAttempt, claimExpired, MAX_SEND_ATTEMPTS, RETRY_DELAYS_MS, retryDelay, SEND_TIMEOUT_MS } from "./retry";

const MIN = 60_000;
const HOUR = 60 * MIN;

describe("retryDelay", () => {
  it("waits 1 min, 5 min, 30 min, 2 h, 6 h and 12 h after the first six failures, then gives up", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(retryDelay)).toEqual([1 * MIN, 5 * MIN, 30 * MIN, 2 * HOUR, 6 * HOUR, 12 * HOUR, null]);
    expect(MAX_SEND_ATTEMPTS).toBe(7);
    expect(retryDelay(100)).toBeNull();
  });

  it("gives an erased person's address at most about 21 hours of retries", () => {
    expect(RETRY_DELAYS_MS.reduce((a, b) => a + b, 0)).toBe(20 * HOUR + 36 * MIN);
  });

  it("refuses an attempt count that is not a positive integer", () => {
    for (const n of [0, -1, 1.5, Number.NaN]) expect(() => retryDelay(n)).toThrow(RangeError);
  });
});

describe("afterFailedAttempt", () => {
  it("schedules the next attempt from the moment of failure", () => {
    expect(afterFailedAttempt(1, 1_000)).toEqual({ status: "pending", nextAttemptAt: 1_000 + MIN });
    expect(afterFailedAttempt(6, 0)).toEqual({ status: "pending", nextAttemptAt: 12 * HOUR });
  });

  it("fails the message for good after the last attempt", () => {
    expect(afterFailedAttempt(MAX_SEND_ATTEMPTS, 0)).toEqual({ status: "failed" });
  });
});

describe("claimExpired", () => {
  it("counts a claim as lost only once the send timeout has passed", () => {
    expect(SEND_TIMEOUT_MS).toBe(10 * MIN);
    expect(claimExpired(0, SEND_TIMEOUT_MS)).toBe(false);
    expect(claimExpired(0, SEND_TIMEOUT_MS + 1)).toBe(true);
  });
});
