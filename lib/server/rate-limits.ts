import "server-only";
import { headers } from "next/headers";
import { problemResponse } from "@/lib/api/problem";
import { problemFor } from "@/lib/error-contract";
import { RateLimitedError } from "@/lib/errors";
import { clientAddress, perWindow, RateLimiter } from "@/lib/security/rate-limit";
import { config } from "./config";

/**
 * The limits on everything a stranger can call. Per API key for the brand's
 * servers (API_RATE_LIMIT requests per second, default 200, burst twice that; "off"
 * for capacity benchmarks), per client address for the browser-facing endpoints. Codes and
 * sign-in are also limited per email address elsewhere (lib/preferences/rate-limit.ts,
 * the sign-in throttle), so a spoofed address does not open those.
 */
function apiRule() {
  const perSecond = config().apiRateLimit;
  return perSecond === null ? null : { perSecond, burst: Math.max(1, perSecond * 2) };
}

const rules = {
  widget: perWindow(120, 60),
  "preferences-code": perWindow(30, 15 * 60),
  "preferences-link": perWindow(60, 60),
  "request-code": perWindow(30, 15 * 60),
  export: perWindow(60, 60),
  "sign-in": perWindow(300, 15 * 60),
} as const;
export type AddressLimit = keyof typeof rules;

// One set of buckets per server process, kept across hot reloads in development.
const store = globalThis as unknown as { candorLimiters?: Map<string, RateLimiter | null> };
const limiters = (store.candorLimiters ??= new Map());

function limiter(name: string, make: () => RateLimiter | null): RateLimiter | null {
  if (!limiters.has(name)) limiters.set(name, make());
  return limiters.get(name)!;
}

export type LimitOutcome = { ok: true } | { ok: false; retryAfterSeconds: number };

/** One request by an API key, counted here; null rule means limits are off. */
export function takeApiKeyHere(keyId: number): LimitOutcome {
  return (
    limiter("api", () => {
      const rule = apiRule();
      return rule ? new RateLimiter(rule) : null;
    })?.take(String(keyId)) ?? { ok: true }
  );
}

const apiKeyLimits = globalThis as unknown as { candorApiKeyLimits?: (keyId: number) => Promise<LimitOutcome> };

/**
 * Where the API keys' buckets are kept when not here: the consent endpoints' thread keeps them for the whole server
 * (lib/server/lane-thread.ts), so a key has one budget whichever thread answers it.
 */
export function answerApiKeyLimitsOn(elsewhere: (keyId: number) => Promise<LimitOutcome>): void {
  apiKeyLimits.candorApiKeyLimits = elsewhere;
}

/** One request by an API key, against the server's one bucket for it. */
export function takeApiKey(keyId: number): Promise<LimitOutcome> {
  const elsewhere = apiKeyLimits.candorApiKeyLimits;
  return elsewhere ? elsewhere(keyId) : Promise.resolve(takeApiKeyHere(keyId));
}

/** One request from the client address of a route handler's request. */
export function takeAddress(kind: AddressLimit, request: Request, extraKey = ""): LimitOutcome {
  return limiter(kind, () => new RateLimiter(rules[kind]))!.take(`${clientAddress(request.headers.get("x-forwarded-for"))}|${extraKey}`);
}

/** The same, for a server action (which has no Request object). */
export async function takeActionAddress(kind: AddressLimit): Promise<LimitOutcome> {
  const h = await headers();
  return limiter(kind, () => new RateLimiter(rules[kind]))!.take(`${clientAddress(h.get("x-forwarded-for"))}|`);
}

/** The 429 problem document, with Retry-After, as the one error map words it. */
export function tooManyRequests(retryAfterSeconds: number, extraHeaders: Record<string, string> = {}): Response {
  const { problem, headers } = problemFor(new RateLimitedError(retryAfterSeconds))!;
  return problemResponse(problem, { ...headers, ...extraHeaders });
}
