import "server-only";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import type { WebhookAttempt, WebhookTarget } from "@/db/propagation";
import { clipResponseBody, DELIVERY_TIMEOUT_MS, RESPONSE_BODY_LIMIT_BYTES } from "@/lib/propagation/delivery-schedule";
import { signWebhook, webhookTimestamp } from "@/lib/propagation/webhook-signature";
import { checkEndpoint, type EndpointCheck } from "./endpoint-check";

/** Names Candor to a recipient's logs and firewall. */
export const WEBHOOK_USER_AGENT = "Candor-Webhooks/1 (+https://standardwebhooks.com)";

export type SendWebhookOptions = {
  /** The SSRF guard with the server's resolver and setting (lib/server/endpoint-check.ts); tests pass their own. */
  check?: (url: string) => Promise<EndpointCheck>;
  /** The whole attempt, the endpoint check included; 10 s. */
  timeoutMs?: number;
  /** The signing clock: real time, since receivers refuse a webhook-timestamp outside their tolerance. */
  clock?: () => number;
};

/**
 * One POST of a delivery to its webhook (issue 14, deliverables 5 and 8). The endpoint is checked again now
 * (DNS can change since it was saved), and the connection goes only to the addresses that check passed: the
 * request's `lookup` returns them, so the name cannot resolve elsewhere between check and connect, while the
 * Host header, TLS SNI and certificate check keep the URL's own host name. One attempt has 10 s in all;
 * redirects are not followed (a 3xx is an outcome like any other); at most 1 KB of the answer is read.
 * Never throws: a refused endpoint, a timeout and a network error are outcomes the dispatcher records.
 */
export async function sendWebhook(target: WebhookTarget, options: SendWebhookOptions = {}): Promise<WebhookAttempt> {
  const timeoutMs = options.timeoutMs ?? DELIVERY_TIMEOUT_MS;
  const deadline = Date.now() + timeoutMs;
  const check = await withinDeadline((options.check ?? checkEndpoint)(target.url), timeoutMs);
  if (check === "timeout") return { outcome: "timeout", body: null };
  if (!check.ok) return { outcome: "network-error", refused: check.reason, body: null };
  const headers = signWebhook({
    id: target.webhookId,
    timestamp: webhookTimestamp((options.clock ?? Date.now)()),
    body: target.body,
    secrets: target.secrets,
  });
  const attempt = () => post(target.url, target.body, { ...headers }, check.addresses, Math.max(0, deadline - Date.now()));
  // A kept-alive connection the recipient closed just as it was reused, before any answer: sent once more (the recipient
  // may have read the first; deliveries are at least once under one webhook-id, and only this answer is recorded).
  const first = await attempt();
  const answer = first === STALE_CONNECTION ? await attempt() : first;
  return answer === STALE_CONNECTION ? { outcome: "network-error", body: null } : answer;
}

/**
 * Connections kept open between attempts, one pool per endpoint and the exact set of addresses its check passed: a
 * pooled socket always leads to an address this attempt's check allowed (a changed DNS answer is a new pool), while
 * a busy recipient is not made to accept a new TCP and TLS handshake per delivery. A pool does not limit its sockets
 * (the dispatcher's lane limits what is in flight to each recipient, and two recipients on one host must not wait on
 * each other) and closes a socket idle for 4 s, before a recipient's own idle timeout would. Bounded: past MAX_POOLS,
 * the least recently used pool with nothing in flight is closed.
 */
const MAX_POOLS = 64;
const IDLE_SOCKET_MS = 4_000;
const pools = new Map<string, http.Agent>();
const inFlight = (agent: http.Agent) => Object.keys(agent.sockets).length > 0 || Object.keys(agent.requests).length > 0;
function pooledAgent(url: URL, addresses: readonly string[]): http.Agent {
  const key = `${url.protocol}//${url.host}|${[...addresses].sort().join(",")}`;
  let agent = pools.get(key);
  if (agent) pools.delete(key);
  else {
    const options = { keepAlive: true, maxFreeSockets: 8, timeout: IDLE_SOCKET_MS, lookup: pinnedLookup(addresses) };
    agent = url.protocol === "https:" ? new https.Agent(options) : new http.Agent(options);
  }
  pools.set(key, agent); // most recently used last
  if (pools.size > MAX_POOLS)
    for (const [oldKey, old] of pools) {
      if (old === agent || inFlight(old)) continue; // closing it would cut attempts off mid-request
      pools.delete(oldKey);
      old.destroy();
      break;
    }
  return agent;
}

/** What post() answers when a reused connection was closed before any answer: the caller tries once more. */
const STALE_CONNECTION = Symbol("stale connection");

function withinDeadline<T>(work: Promise<T>, ms: number): Promise<T | "timeout"> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), ms);
  });
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}

/** A resolver that answers with the checked addresses only, whatever name it is asked for. */
function pinnedLookup(addresses: readonly string[]): LookupFunction {
  return (_hostname, options, callback) => {
    const family = options.family === "IPv4" ? 4 : options.family === "IPv6" ? 6 : (options.family ?? 0);
    const usable = addresses.filter((a) => family === 0 || isIP(a) === family);
    if (usable.length === 0) {
      callback(Object.assign(new Error("no checked address of the requested family"), { code: "ENOTFOUND" }), "");
      return;
    }
    // Node asks for every address when it races IPv4 and IPv6 (autoSelectFamily), for one otherwise.
    if (options.all)
      callback(
        null,
        usable.map((address) => ({ address, family: isIP(address) })),
      );
    else callback(null, usable[0], isIP(usable[0]));
  };
}

function post(
  raw: string,
  body: string,
  signed: Record<string, string>,
  addresses: string[],
  timeoutMs: number,
): Promise<WebhookAttempt | typeof STALE_CONNECTION> {
  const url = new URL(raw);
  const payload = Buffer.from(body, "utf8");
  return new Promise<WebhookAttempt | typeof STALE_CONNECTION>((resolve) => {
    let settled = false;
    let timedOut = false;
    let status: number | null = null;
    const chunks: Buffer[] = [];
    let kept = 0;
    // `keep`: the answer was read to its end, so the connection can serve the next attempt; otherwise it is closed.
    const finish = (attempt: WebhookAttempt | typeof STALE_CONNECTION, keep = false) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(attempt);
      if (!keep) request.destroy();
    };
    // Read slightly past the limit so clipResponseBody can tell whether a character straddles the cut.
    const keep = RESPONSE_BODY_LIMIT_BYTES + 4;
    const answered = () => ({ outcome: status as number, body: clipResponseBody(Buffer.concat(chunks)) });

    const request = (url.protocol === "https:" ? https : http).request(
      {
        method: "POST",
        protocol: url.protocol,
        hostname: url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname,
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        headers: {
          ...signed,
          "content-type": "application/json",
          "content-length": String(payload.length),
          "user-agent": WEBHOOK_USER_AGENT,
        },
        agent: pooledAgent(url, addresses),
      },
      (response) => {
        status = response.statusCode ?? 0;
        response.on("data", (chunk: Buffer) => {
          if (kept < keep) {
            chunks.push(chunk.subarray(0, keep - kept));
            kept += Math.min(chunk.length, keep - kept);
          }
          if (kept >= keep) finish(answered());
        });
        response.on("end", () => finish(answered(), true));
        // The status arrived: a body cut short does not change what the recipient answered.
        response.on("error", () => finish(answered()));
        response.on("aborted", () => finish(answered()));
      },
    );
    // Declared after the request: finish() only ever runs from its events and this timer, never synchronously.
    const timer = setTimeout(() => {
      timedOut = true;
      // An answer whose status came in time counts as that answer; a body still streaming is cut.
      finish(status !== null ? answered() : { outcome: "timeout", body: null });
    }, timeoutMs);
    request.on("error", (error: NodeJS.ErrnoException) => {
      if (status === null && !timedOut && request.reusedSocket && error.code === "ECONNRESET") return finish(STALE_CONNECTION);
      finish(status !== null ? answered() : { outcome: timedOut ? "timeout" : "network-error", body: null });
    });
    request.end(payload);
  });
}
