import "server-only";
import { BATCH_BODY_LIMIT, SINGLE_BODY_LIMIT } from "@/lib/api/schemas";
import { problemResponse } from "@/lib/api/problem";
import { apiResponseHeaders } from "@/lib/security/headers";
import { getWidgetConfig, postConsent, postConsentBatch, postWidgetConsents, WIDGET_BODY_LIMIT, widgetOptions } from "./consent-endpoints";
import { internalFailure } from "./api";
import { log } from "./log";

/**
 * The consent-taking endpoints the fast lane answers (lib/server/fast-lane.ts), and how one is answered from a request
 * as plain data: the same on the request thread and on the consent endpoints' own thread (lib/server/lane-thread.ts),
 * which gets the request as a message. The handlers are the ones the app/api routes export.
 */

type Handler = (request: Request, context: undefined) => Promise<Response> | Response;
type Lane = { limit: number; methods: Partial<Record<string, Handler>> };

const lanes = new Map<string, Lane>([
  ["/api/v1/consents", { limit: SINGLE_BODY_LIMIT, methods: { POST: postConsent } }],
  ["/api/v1/consents/batch", { limit: BATCH_BODY_LIMIT, methods: { POST: postConsentBatch } }],
  ["/api/v1/widget/consents", { limit: WIDGET_BODY_LIMIT, methods: { POST: postWidgetConsents, OPTIONS: widgetOptions } }],
  ["/api/v1/widget/config", { limit: 0, methods: { GET: getWidgetConfig, OPTIONS: widgetOptions } }],
]);

const pathOf = (url: string) => {
  const query = url.indexOf("?");
  return query < 0 ? url : url.slice(0, query);
};

function handlerFor(method: string, url: string): Handler | undefined {
  return lanes.get(pathOf(url))?.methods[method];
}

/** The body limit of a request the lane serves, or null for one Next.js answers. */
export function laneLimit(method: string, url: string): number | null {
  return handlerFor(method, url) ? lanes.get(pathOf(url))!.limit : null;
}

/** A request as the lane passes it between threads: what Node's parser read, the socket's addresses, the body as read. */
export type LaneRequest = {
  method: string;
  url: string;
  rawHeaders: string[];
  localAddress?: string;
  localPort?: number;
  remoteAddress?: string;
  /** The body, cut past the limit (the handler refuses it); null when none was read (declared over the limit). */
  body: Uint8Array<ArrayBuffer> | null;
};

/** An answer as plain data: status, every header once (the API's static ones, the handler's over them), the body. */
export type LaneAnswer = { status: number; headers: [string, string][]; body: Uint8Array };

/** The web Request the handlers take: headers as sent plus the x-forwarded-* Next.js would add, the body as read. */
function toRequest(r: LaneRequest): Request {
  const headers = new Headers();
  for (let i = 0; i < r.rawHeaders.length; i += 2) headers.append(r.rawHeaders[i], r.rawHeaders[i + 1]);
  const host = headers.get("host") ?? `${r.localAddress}:${r.localPort}`;
  if (!headers.has("x-forwarded-host")) headers.set("x-forwarded-host", host);
  if (!headers.has("x-forwarded-port")) headers.set("x-forwarded-port", String(r.localPort ?? ""));
  if (!headers.has("x-forwarded-proto")) headers.set("x-forwarded-proto", "http");
  if (!headers.has("x-forwarded-for") && r.remoteAddress) headers.set("x-forwarded-for", r.remoteAddress);
  const hasBody = r.method !== "GET" && r.method !== "HEAD";
  return new Request(requestUrl(host, r.url), { method: r.method, headers, body: hasBody ? (r.body ?? new Uint8Array(0)) : undefined });
}

/** The request's address; a Host header no URL can hold is not routed on (the handlers read the forwarded host). */
function requestUrl(host: string, path: string): string {
  try {
    return new URL(path, `http://${host}`).href;
  } catch {
    return new URL(path, "http://localhost").href;
  }
}

async function toAnswer(response: Response, forwardedProto: string | null): Promise<LaneAnswer> {
  // The handler's own headers win over the static ones of the same name, as setting them one by one would.
  const headers = new Map<string, [string, string]>();
  for (const [name, value] of Object.entries(apiResponseHeaders(forwardedProto))) headers.set(name.toLowerCase(), [name, value]);
  response.headers.forEach((value, name) => headers.set(name, [name, value]));
  // The request thread states the length of what it sends, and whether the connection closes after it.
  headers.delete("content-length");
  headers.delete("connection");
  return { status: response.status, headers: [...headers.values()], body: new Uint8Array(await response.arrayBuffer()) };
}

/**
 * Answers a request the lane serves. A failure of the lane itself (the handlers catch their own) is logged and
 * answered as a 500 problem document, as apiRoute would.
 */
export async function answerLane(r: LaneRequest): Promise<LaneAnswer> {
  try {
    const handler = handlerFor(r.method, r.url);
    if (!handler) throw new Error(`no lane for ${r.method} ${pathOf(r.url)}`);
    const request = toRequest(r);
    return await toAnswer(await handler(request, undefined), request.headers.get("x-forwarded-proto"));
  } catch (error) {
    log.error({ err: error, method: r.method, path: pathOf(r.url) }, "fast lane failed");
    return failureAnswer();
  }
}

/** The 500 problem document apiRoute answers a failure of its own with. */
export const failureAnswer = (): Promise<LaneAnswer> => toAnswer(problemResponse(internalFailure()), null);
