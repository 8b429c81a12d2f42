import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { BATCH_BODY_LIMIT, SINGLE_BODY_LIMIT } from "@/lib/api/schemas";
import { problemResponse } from "@/lib/api/problem";
import { apiResponseHeaders } from "@/lib/security/headers";
import { getWidgetConfig, postConsent, postConsentBatch, postWidgetConsents, WIDGET_BODY_LIMIT, widgetOptions } from "./consent-endpoints";
import { internalFailure } from "./api";
import { log } from "./log";

/**
 * The fast lane (issue 22): the endpoints that take consent, served by the server's own `node:http` listener before
 * Next.js sees the request. Measured on the 10M store, Next.js spends ~1.25 ms on a POST with a JSON body before and
 * after the handler, more than Candor's own work on a single event, so the ingest targets cannot be met inside it
 * (README, "One writer: before and after"). The lane calls the same handlers the app/api routes export
 * (lib/server/consent-endpoints.ts): same schemas, keys, rate limits, problem documents, request ids and logs; the
 * OpenAPI document is unchanged. It adds what Next.js would: the x-forwarded-* headers it sets when absent, and the
 * static headers next.config.js gives /api/* (lib/security/response-headers.json). Any other path, or another method
 * on these, goes to Next.js (which answers 405, trailing-slash redirects and the rest as before).
 */

type Handler = (request: Request, context: undefined) => Promise<Response> | Response;
type Lane = { limit: number; methods: Partial<Record<string, Handler>> };

const lanes = new Map<string, Lane>([
  ["/api/v1/consents", { limit: SINGLE_BODY_LIMIT, methods: { POST: postConsent } }],
  ["/api/v1/consents/batch", { limit: BATCH_BODY_LIMIT, methods: { POST: postConsentBatch } }],
  ["/api/v1/widget/consents", { limit: WIDGET_BODY_LIMIT, methods: { POST: postWidgetConsents, OPTIONS: widgetOptions } }],
  ["/api/v1/widget/config", { limit: 0, methods: { GET: getWidgetConfig, OPTIONS: widgetOptions } }],
]);

/** The paths the lane serves (for tests and the README). */
export const fastLanePaths = [...lanes.keys()];

/** The handler and body limit for a request the lane serves, or null for Next.js. */
function laneFor(req: IncomingMessage): { handler: Handler; limit: number } | null {
  const url = req.url ?? "";
  const query = url.indexOf("?");
  const lane = lanes.get(query < 0 ? url : url.slice(0, query));
  const handler = lane?.methods[req.method ?? ""];
  return lane && handler ? { handler, limit: lane.limit } : null;
}

/**
 * The body, read until it passes `limit` bytes. A declared or actual body over the limit is cut there: the handler
 * still answers in order (a missing key is a 401 before a 413) and sees more than its limit, so it refuses it.
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const declared = Number(req.headers["content-length"] ?? NaN);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      if (size > limit) return;
      size += chunk.byteLength;
      chunks.push(chunk);
      if (size > limit) {
        req.pause();
        resolve(Buffer.concat(chunks));
      }
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** The web Request the handlers take: headers as sent plus the x-forwarded-* Next.js would add, the body as read. */
function toRequest(req: IncomingMessage, body: Buffer | null): Request {
  const headers = new Headers();
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i], raw[i + 1]);
  const host = req.headers.host ?? `${req.socket.localAddress}:${req.socket.localPort}`;
  if (!headers.has("x-forwarded-host")) headers.set("x-forwarded-host", host);
  if (!headers.has("x-forwarded-port")) headers.set("x-forwarded-port", String(req.socket.localPort ?? ""));
  if (!headers.has("x-forwarded-proto")) headers.set("x-forwarded-proto", "http");
  if (!headers.has("x-forwarded-for") && req.socket.remoteAddress) headers.set("x-forwarded-for", req.socket.remoteAddress);
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(requestUrl(host, req.url ?? "/"), {
    method: req.method,
    headers,
    body: hasBody ? (body ? new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength) : new Uint8Array(0)) : undefined,
  });
}

/** The request's address; a Host header no URL can hold is not routed on (the handlers read the forwarded host). */
function requestUrl(host: string, path: string): string {
  try {
    return new URL(path, `http://${host}`).href;
  } catch {
    return new URL(path, "http://localhost").href;
  }
}

async function send(res: ServerResponse, response: Response, forwardedProto: string | null, close: boolean): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  res.statusCode = response.status;
  for (const [name, value] of Object.entries(apiResponseHeaders(forwardedProto))) res.setHeader(name, value);
  response.headers.forEach((value, name) => res.setHeader(name, value));
  res.setHeader("Content-Length", body.byteLength);
  // A body left unread (over the limit) is not drained: the connection closes after the answer.
  if (close) res.setHeader("Connection", "close");
  res.end(body);
}

async function serve(req: IncomingMessage, res: ServerResponse, lane: { handler: Handler; limit: number }): Promise<void> {
  const body = req.method === "POST" ? await readBody(req, lane.limit) : null;
  const cut = body === null ? req.method === "POST" : body.byteLength > lane.limit;
  const request = toRequest(req, body);
  const response = await lane.handler(request, undefined);
  await send(res, response, request.headers.get("x-forwarded-proto"), cut);
}

/**
 * The server's request listener: the fast lane's requests are answered here, every other one by `next` (Next.js's
 * request handler). A failure of the lane itself (the handlers catch their own) is logged and answered as a 500
 * problem document, as apiRoute would.
 */
export function fastLaneListener(next: (req: IncomingMessage, res: ServerResponse) => unknown) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const lane = laneFor(req);
    if (!lane) {
      void next(req, res);
      return;
    }
    serve(req, res, lane).catch((error: unknown) => {
      log.error({ err: error, method: req.method, path: (req.url ?? "").split("?")[0] }, "fast lane failed");
      if (res.headersSent) return void res.destroy();
      const response = problemResponse(internalFailure());
      void send(res, response, null, true);
    });
  };
}
