import "server-only";
import { bearerToken, isWellFormedApiKey, type ApiKeyKind } from "@/lib/api-keys/keys";
import { hasGpcSignal } from "@/lib/api/gpc";
import { problem, problemResponse } from "@/lib/api/problem";
import { problemFor } from "@/lib/error-contract";
import { pathForLog } from "@/lib/observability/log-redaction";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/observability/request-id";
import { stageTimer, type StageTimer } from "@/lib/observability/server-timing";
import { type ApiKey, findApiKey, touchApiKey } from "@/db/staff";
import { takeApiKey, tooManyRequests } from "./rate-limits";
import { config } from "./config";
import { log } from "./log";

export type ApiCaller = Pick<ApiKey, "id" | "name" | "kind" | "prefix" | "allowedOrigins">;

type Outcome<T> = { ok: true; value: T } | { ok: false; response: Response };

const REALM = 'Bearer realm="candor"';

// RFC 6750 §3: no error code when no credentials were sent; invalid_token when they were wrong.
function unauthorized(detail: string, presented: boolean): Response {
  const challenge = presented ? `${REALM}, error="invalid_token", error_description="The API key is unknown or revoked"` : REALM;
  return problemResponse(problem("unauthorized", detail), { "WWW-Authenticate": challenge });
}

/** Why a live key of another kind is refused: what this endpoint needs, and what the key presented is for. */
export function wrongKind(needed: ApiKeyKind, presented: ApiKeyKind): string {
  const needs = {
    secret: "This endpoint needs a secret key (ck_live_…).",
    publishable: "This endpoint needs a publishable key (pk_live_…).",
    recipient: "This endpoint is for recipients: it needs a recipient key (rk_live_…), which the brand gives a recipient with its feed.",
  }[needed];
  const isFor = {
    secret: "Keep secret keys on your servers.",
    publishable: "Publishable keys (pk_live_…) are for the consent widget in browsers.",
    recipient: "A recipient key only reads its recipient's changes (GET /api/v1/changes) and confirms its deliveries.",
  }[presented];
  return `${needs} ${isFor}`;
}

/**
 * The API key of a request (`Authorization: Bearer <key>`), checked first in every API route.
 * Missing, unknown or revoked → 401 with a WWW-Authenticate challenge; a key of the wrong
 * kind → 403 (a recipient key anywhere but the recipients' endpoints, any other key on those).
 * Unknown and revoked answer alike, so a key's history is not disclosed.
 */
export async function authenticateApiKey(request: Request, kind: ApiKeyKind, stages?: StageTimer | null): Promise<Outcome<ApiCaller>> {
  const header = request.headers.get("authorization");
  const token = bearerToken(header);
  if (!token) {
    const detail = header
      ? "Send the key as `Authorization: Bearer <key>`."
      : "Send an API key as `Authorization: Bearer <key>`. Administrators create keys under Admin → API keys.";
    return { ok: false, response: unauthorized(detail, Boolean(header)) };
  }
  const key = isWellFormedApiKey(token) ? await findApiKey(token) : undefined;
  stages?.mark("key");
  if (!key || key.revokedAt) return { ok: false, response: unauthorized("This API key is unknown or has been revoked.", true) };
  if (key.kind !== kind) return { ok: false, response: problemResponse(problem("forbidden", wrongKind(kind, key.kind))) };
  await touchApiKey(key.id);
  const limit = await takeApiKey(key.id);
  stages?.mark("limit");
  if (!limit.ok) return { ok: false, response: tooManyRequests(limit.retryAfterSeconds) };
  return { ok: true, value: { id: key.id, name: key.name, kind: key.kind, prefix: key.prefix, allowedOrigins: key.allowedOrigins } };
}

/** A timer for this request's stages when SERVER_TIMING is on (the bench, issue 22), else null: marks cost nothing then. */
export function requestStages(): StageTimer | null {
  return config().serverTiming ? stageTimer() : null;
}

/** The response with a Server-Timing header of the stages timed (none when timing is off). */
export function withStages(response: Response, stages: StageTimer | null): Response {
  if (stages) response.headers.set("Server-Timing", stages.header());
  return response;
}

/** Whether the request carries `Sec-GPC: 1`. */
export function gpcSignal(request: Request): boolean {
  return hasGpcSignal(request.headers.get("sec-gpc"));
}

const tooLarge = (limit: number) =>
  problem("payload-too-large", `The body is larger than ${Math.round(limit / 1024).toLocaleString("en")} KB.`);

/** Reads the body, stopping as soon as it exceeds `limit` bytes, whatever Content-Length claimed. */
async function readLimited(request: Request, limit: number): Promise<Outcome<string>> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > limit) return { ok: false, response: problemResponse(tooLarge(limit)) };
  if (!request.body) return { ok: true, value: "" };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return { ok: false, response: problemResponse(tooLarge(limit)) };
    }
    chunks.push(value);
  }
  return { ok: true, value: Buffer.concat(chunks).toString("utf8") };
}

/**
 * The JSON body, within `limit` bytes. A body that is not JSON is a 400; a non-JSON
 * Content-Type a 415 (no type at all is accepted, for hand-written curl calls).
 */
export async function readJsonBody(request: Request, limit: number): Promise<Outcome<unknown>> {
  const type = request.headers.get("content-type");
  if (type && !/^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type))
    return { ok: false, response: problemResponse(problem("unsupported-media-type", `Content-Type is "${type}"; send application/json.`)) };
  const text = await readLimited(request, limit);
  if (!text.ok) return text;
  if (!text.value.trim())
    return { ok: false, response: problemResponse(problem("malformed-json", "The body is empty; send a JSON object.")) };
  try {
    return { ok: true, value: JSON.parse(text.value) };
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message : "it could not be parsed";
    return { ok: false, response: problemResponse(problem("malformed-json", `The body is not valid JSON: ${reason}.`)) };
  }
}

/** A JSON response that is never cached. */
export function jsonResponse(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

type Handler<C> = (request: Request, context: C) => Promise<Response> | Response;

/** The 500 problem document for a failure no handler expected (nothing was changed: the write never committed). */
export function internalFailure() {
  return problem(
    "internal",
    "The request could not be completed and nothing was changed. Try again; if it keeps failing, contact the brand.",
  );
}

/** The response with the request id header; a response with immutable headers is copied. */
function withRequestId(response: Response, requestId: string): Response {
  try {
    response.headers.set(REQUEST_ID_HEADER, requestId);
    return response;
  } catch {
    const copy = new Response(response.body, response);
    copy.headers.set(REQUEST_ID_HEADER, requestId);
    return copy;
  }
}

/**
 * Wraps a route handler so that a domain error thrown anywhere inside it (not found, conflict,
 * forbidden…) is answered with its problem document through the one error map, and an unexpected
 * failure is logged (with the request id, never the body) and answered as a 500 problem document
 * rather than an HTML error page. Each call is logged at debug level with its status and duration.
 */
export function apiRoute<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    // The proxy has already set a sane id; a route it does not cover gets one here.
    const requestId = requestIdFrom(request.headers.get(REQUEST_ID_HEADER));
    const started = performance.now();
    let response: Response;
    try {
      response = await handler(request, context);
    } catch (error) {
      const expected = problemFor(error);
      if (expected) response = problemResponse(expected.problem, expected.headers);
      else {
        log.error({ err: error, requestId, method: request.method, path: pathForLog(request.url) }, "api route failed");
        response = problemResponse(internalFailure());
      }
    }
    if (log.isLevelEnabled("debug"))
      log.debug(
        {
          requestId,
          method: request.method,
          path: pathForLog(request.url),
          status: response.status,
          ms: Math.round(performance.now() - started),
        },
        "api request",
      );
    return withRequestId(response, requestId);
  };
}
