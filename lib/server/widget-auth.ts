import "server-only";
import { hashApiKey, kindOfKey } from "@/lib/api-keys/keys";
import { problem, problemResponse } from "@/lib/api/problem";
import { originAllowed } from "@/lib/widget/origins";
import { findApiKey, getBrandSettings, touchApiKey } from "@/db/staff";
import { getPublishableKeyByHash } from "@/db/consent";
import { takeAddress, tooManyRequests } from "./rate-limits";
import { wrongKind } from "./api";

export type WidgetCaller = { keyId: number; origin: string; cors: Record<string, string> };

const PREFLIGHT = {
  "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
  "Access-Control-Allow-Headers": "Content-Type",
  "Access-Control-Max-Age": "600",
};

/** The origin Candor is reached at for this request (behind a proxy, as the proxy says). */
export function selfOrigin(request: Request): string {
  const url = new URL(request.url);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? url.host;
  const proto = request.headers.get("x-forwarded-proto")?.split(",")[0].trim() ?? url.protocol.replace(":", "");
  return `${proto}://${host}`;
}

/**
 * Checks a widget request: a live publishable key, asked for from one of its
 * allowed origins (the key's own list, or the brand's when the key lists
 * none; Candor's own origin always). CORS can only stop a browser from
 * reading an answer, not from sending, so a refused origin is refused here,
 * before anything is read or written, and gets no CORS headers.
 */
export async function authorizeWidget(
  request: Request,
  key: string,
): Promise<{ ok: true; caller: WidgetCaller } | { ok: false; response: Response }> {
  const found = await getPublishableKeyByHash(hashApiKey(key));
  if (!found)
    return { ok: false, response: problemResponse(problem("unauthorized", "This publishable key is unknown or has been revoked.")) };
  const origin = request.headers.get("origin");
  const self = selfOrigin(request);
  const allowed = found.allowedOrigins.length > 0 ? found.allowedOrigins : ((await getBrandSettings())?.allowedOrigins ?? []);
  if (!originAllowed({ origin, selfOrigin: self, allowed, fetchSite: request.headers.get("sec-fetch-site") })) {
    const detail = origin
      ? `The origin ${origin} is not allowed to use this publishable key. An administrator can add it to the key's allowed origins.`
      : "Send this request from a browser page in one of the key's allowed origins.";
    return { ok: false, response: problemResponse(problem("forbidden", detail)) };
  }
  await touchApiKey(found.id);
  const cors: Record<string, string> = origin ? { "Access-Control-Allow-Origin": origin, Vary: "Origin" } : { Vary: "Origin" };
  const limit = takeAddress("widget", request, String(found.id));
  if (!limit.ok)
    return { ok: false, response: tooManyRequests(limit.retryAfterSeconds, { ...cors, "Access-Control-Expose-Headers": "Retry-After" }) };
  return { ok: true, caller: { keyId: found.id, origin: origin ?? self, cors } };
}

/**
 * When ?key= holds no publishable key: a live key of another kind (a secret or recipient key pasted into a
 * page) is refused with 403 saying what the widget needs; anything else is for the caller's 401 (null).
 */
export async function otherKeyKindRefused(key: string | null): Promise<Response | null> {
  const kind = key ? kindOfKey(key) : null;
  if (!key || !kind || kind === "publishable") return null;
  const found = await findApiKey(key);
  if (!found || found.revokedAt || found.kind !== kind) return null;
  return problemResponse(problem("forbidden", wrongKind("publishable", found.kind)));
}

/** The answer to a CORS preflight: the same checks, then which methods and headers the widget may use. */
export async function widgetPreflight(request: Request, key: string | null): Promise<Response> {
  if (!key)
    return (
      (await otherKeyKindRefused(new URL(request.url).searchParams.get("key"))) ??
      problemResponse(problem("unauthorized", "Give the publishable key as ?key=."))
    );
  const auth = await authorizeWidget(request, key);
  if (!auth.ok) return auth.response;
  return new Response(null, { status: 204, headers: { ...auth.caller.cors, ...PREFLIGHT } });
}
