import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { answerLane, failureAnswer, laneLimit, type LaneAnswer, type LaneRequest } from "./lane-routes";
import type { LaneThread } from "./lane-thread";
import { log } from "./log";

/**
 * The fast lane (issue 22): the endpoints that take consent, served by the server's own `node:http` listener before
 * Next.js sees the request. Measured on the 10M store, Next.js spends ~1.25 ms on a POST with a JSON body before and
 * after the handler, more than Candor's own work on a single event, so the ingest targets cannot be met inside it
 * (README, "One writer: before and after"). The lane calls the same handlers the app/api routes export
 * (lib/server/lane-routes.ts): same schemas, keys, rate limits, problem documents, request ids and logs; the OpenAPI
 * document is unchanged. It adds what Next.js would: the x-forwarded-* headers it sets when absent, and the static
 * headers next.config.js gives /api/* (lib/security/response-headers.json). Any other path, or another method on
 * these, goes to Next.js (which answers 405, trailing-slash redirects and the rest as before).
 *
 * Given the consent endpoints' thread (lib/server/lane-thread.ts; the server starts it when writes go to the writer
 * thread), this thread only reads each request and writes its answer: the endpoints' own work runs there.
 */

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

function send(res: ServerResponse, answer: LaneAnswer, close: boolean): void {
  // One flat list to writeHead: the cheapest way through Node's header handling, once per ingest request.
  const headers: string[] = [];
  for (const [name, value] of answer.headers) headers.push(name, value);
  headers.push("Content-Length", String(answer.body.byteLength));
  // A body left unread (over the limit) is not drained: the connection closes after the answer.
  if (close) headers.push("Connection", "close");
  res.writeHead(answer.status, headers);
  res.end(answer.body);
}

async function serve(req: IncomingMessage, res: ServerResponse, limit: number, lane: LaneThread | null): Promise<void> {
  const body = req.method === "POST" ? await readBody(req, limit) : null;
  const cut = body === null ? req.method === "POST" : body.byteLength > limit;
  const request: LaneRequest = {
    method: req.method ?? "GET",
    url: req.url ?? "/",
    rawHeaders: req.rawHeaders,
    localAddress: req.socket.localAddress,
    localPort: req.socket.localPort,
    remoteAddress: req.socket.remoteAddress,
    // Its own bytes (a short body shares Node's pool), so the thread can take them without a copy.
    body: body && new Uint8Array(body),
  };
  send(res, await (lane ? lane.answer(request) : answerLane(request)), cut);
}

/**
 * The server's request listener: the fast lane's requests are answered here (by `lane`'s thread when given), every
 * other one by `next` (Next.js's request handler). A request the lane could not answer (its thread stopped) is logged
 * and answered as a 500 problem document, as apiRoute would.
 */
export function fastLaneListener(next: (req: IncomingMessage, res: ServerResponse) => unknown, lane: LaneThread | null = null) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const limit = laneLimit(req.method ?? "", req.url ?? "");
    if (limit === null) {
      void next(req, res);
      return;
    }
    serve(req, res, limit, lane).catch((error: unknown) => {
      log.error({ err: error, method: req.method, path: (req.url ?? "").split("?")[0] }, "fast lane failed");
      if (res.headersSent) return void res.destroy();
      void failureAnswer().then((answer) => send(res, answer, true));
    });
  };
}
