/**
 * Token buckets per key (an API key, a client address, an email): each key
 * holds up to `burst` tokens, refilled at `perSecond`. A request spends one;
 * with none left it is refused, with the seconds until one is back. Keys are
 * forgotten oldest-first past `maxKeys`, so memory stays bounded whatever
 * callers send.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    readonly rule: { perSecond: number; burst: number; maxKeys?: number },
    private readonly now: () => number = Date.now,
  ) {
    if (!(rule.perSecond > 0) || !(rule.burst >= 1)) throw new Error("a rate limit needs perSecond > 0 and burst ≥ 1");
  }

  take(key: string): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const now = this.now();
    const b = this.buckets.get(key);
    const tokens = b ? Math.min(this.rule.burst, b.tokens + ((now - b.at) / 1000) * this.rule.perSecond) : this.rule.burst;
    // Re-inserting moves the key to the end: the map's order is least recently used first.
    this.buckets.delete(key);
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: now });
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / this.rule.perSecond)) };
    }
    this.buckets.set(key, { tokens: tokens - 1, at: now });
    const max = this.rule.maxKeys ?? 50_000;
    while (this.buckets.size > max) this.buckets.delete(this.buckets.keys().next().value!);
    return { ok: true };
  }

  get size(): number {
    return this.buckets.size;
  }
}

/** A rule written for people: `count` requests per `seconds`, all of them allowed at once. */
export function perWindow(count: number, seconds: number) {
  return { perSecond: count / seconds, burst: count };
}

/**
 * The client's address as the nearest proxy saw it: the last entry of
 * X-Forwarded-For (entries to its left are whatever the client claimed).
 */
export function clientAddress(forwardedFor: string | null): string {
  const last = forwardedFor?.split(",").at(-1)?.trim();
  return last && last.length <= 64 ? last : "unknown";
}
