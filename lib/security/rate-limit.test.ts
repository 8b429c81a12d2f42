import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clientAddress, perWindow, RateLimiter } from "./rate-limit";

describe("RateLimiter", () => {
  it("allows the burst, then refuses with the wait until a token is back", () => {
    let now = 0;
    const limiter = new RateLimiter(perWindow(3, 60), () => now);
    expect([1, 2, 3].map(() => limiter.take("a").ok)).toEqual([true, true, true]);
    expect(limiter.take("a")).toEqual({ ok: false, retryAfterSeconds: 20 });
    expect(limiter.take("b").ok).toBe(true);
    now = 20_000;
    expect(limiter.take("a").ok).toBe(true);
    expect(limiter.take("a").ok).toBe(false);
  });

  it("never allows more than burst + rate × elapsed, whatever the timing", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5_000 }), { minLength: 1, maxLength: 300 }), (gaps) => {
        let now = 0;
        const limiter = new RateLimiter({ perSecond: 2, burst: 5 }, () => now);
        let allowed = 0;
        for (const gap of gaps) {
          now += gap;
          if (limiter.take("k").ok) allowed++;
        }
        return allowed <= 5 + Math.floor((now / 1000) * 2) + 1;
      }),
    );
  });

  it("forgets the least recently used keys beyond its bound", () => {
    const limiter = new RateLimiter({ perSecond: 1, burst: 1, maxKeys: 100 });
    for (let i = 0; i < 1_000; i++) limiter.take(`k${i}`);
    expect(limiter.size).toBe(100);
  });

  it("refuses a nonsense rule", () => {
    expect(() => new RateLimiter({ perSecond: 0, burst: 1 })).toThrow();
  });
});

describe("clientAddress", () => {
  it("takes the address the nearest proxy added, not what the client claimed", () => {
    expect(clientAddress("6.6.6.6, 203.0.113.7")).toBe("203.0.113.7");
    expect(clientAddress("203.0.113.7")).toBe("203.0.113.7");
    expect(clientAddress(null)).toBe("unknown");
    expect(clientAddress("x".repeat(100))).toBe("unknown");
  });
});
