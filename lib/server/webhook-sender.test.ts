import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { startReceiver, type Receiver } from "@/db/testing/webhook-receiver";
import { RESPONSE_BODY_LIMIT_BYTES } from "@/lib/propagation/delivery-schedule";
import { checkEndpoint } from "@/lib/propagation/endpoint-guard";
import { generateWebhookSecret } from "@/lib/propagation/webhook-signature";
import { sendWebhook, WEBHOOK_USER_AGENT } from "./webhook-sender";

// The sender against a real HTTP server on 127.0.0.1. The endpoint check is the pure guard with a resolver
// the test controls, so "which address did it connect to" is the test's to decide.

const secret = generateWebhookSecret();
const body = JSON.stringify({ id: "evt_1", type: "subject.erased.v1", sequence: 1, subject: { externalId: "c-1" }, data: {} });
const target = (url: string, secrets = [secret]) => ({ deliveryId: 1, webhookId: "msg_same", url, secrets, body });
const allowLocal = (url: string) => checkEndpoint(url, async () => ["127.0.0.1"], { allowInsecure: true });

let receiver: Receiver | null = null;
afterEach(async () => {
  await receiver?.close();
  receiver = null;
});

describe("sendWebhook", () => {
  it("posts signed JSON to the checked address only, keeping the URL's host name for Host", async () => {
    receiver = await startReceiver({ secrets: [secret], answer: () => ({ status: 204 }) });
    // The name does not resolve anywhere: only the pinned lookup can lead the connection to 127.0.0.1.
    const url = `http://receiver.invalid:${receiver.port}/hooks/candor?v=1`;
    const result = await sendWebhook(target(url), { check: (u) => checkEndpoint(u, async () => ["127.0.0.1"], { allowInsecure: true }) });
    expect(result).toEqual({ outcome: 204, body: "" });
    const [seen] = receiver.attempts;
    expect(seen).toMatchObject({
      path: "/hooks/candor?v=1",
      webhookId: "msg_same",
      host: `receiver.invalid:${receiver.port}`,
      userAgent: WEBHOOK_USER_AGENT,
      contentType: "application/json",
      body,
      verified: [true],
    });
    expect(Math.abs(Number(seen.timestamp) - Date.now() / 1000)).toBeLessThan(5);
  });

  it("signs with both secrets during a rotation, each verifying alone", async () => {
    const previous = generateWebhookSecret();
    receiver = await startReceiver({ secrets: [secret, previous], answer: () => ({ status: 200 }) });
    await sendWebhook(target(receiver.url(), [secret, previous]), { check: allowLocal });
    expect(receiver.attempts[0].verified).toEqual([true, true]);
  });

  it("sends nothing to a refused endpoint and reports the refusal", async () => {
    receiver = await startReceiver({ secrets: [secret], answer: () => ({ status: 200 }) });
    const strict = (u: string) => checkEndpoint(u, async () => ["127.0.0.1"], { allowInsecure: false });
    expect(await sendWebhook(target(`https://hooks.example.com:${receiver.port}/`), { check: strict })).toEqual({
      outcome: "network-error",
      refused: "not-public",
      body: null,
    });
    expect(await sendWebhook(target(receiver.url()), { check: strict })).toMatchObject({ refused: "not-https" });
    expect(receiver.attempts).toHaveLength(0);
  });

  it("does not follow a redirect: the 3xx is the outcome", async () => {
    receiver = await startReceiver({
      secrets: [secret],
      answer: (a) => (a.path === "/moved" ? { status: 200 } : { status: 307, headers: { location: "/moved" }, body: "see /moved" }),
    });
    expect(await sendWebhook(target(receiver.url()), { check: allowLocal })).toEqual({ outcome: 307, body: "see /moved" });
    expect(receiver.attempts.map((a) => a.path)).toEqual(["/hook"]);
  });

  it("keeps at most 1 KB of the answer and stops reading a body that never ends", async () => {
    receiver = await startReceiver({ secrets: [secret], answer: () => ({ status: 500, body: "é".repeat(100_000) }) });
    const long = await sendWebhook(target(receiver.url()), { check: allowLocal });
    expect(long.outcome).toBe(500);
    expect(Buffer.byteLength(long.body ?? "")).toBeLessThanOrEqual(RESPONSE_BODY_LIMIT_BYTES);
    expect(long.body).toBe("é".repeat(512));

    const endless = http.createServer((_req, res) => {
      res.writeHead(200);
      res.write("x".repeat(4096)); // and never end
    });
    await new Promise<void>((resolve) => endless.listen(0, "127.0.0.1", resolve));
    try {
      const started = Date.now();
      const port = (endless.address() as AddressInfo).port;
      const result = await sendWebhook(target(`http://127.0.0.1:${port}/`), { check: allowLocal, timeoutMs: 5_000 });
      expect(result).toEqual({ outcome: 200, body: "x".repeat(RESPONSE_BODY_LIMIT_BYTES) });
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      endless.closeAllConnections();
      endless.close();
    }
  });

  it("gives up at the timeout when no answer comes, and when the endpoint check itself hangs", async () => {
    receiver = await startReceiver({ secrets: [secret], answer: () => "hang" });
    let started = Date.now();
    expect(await sendWebhook(target(receiver.url()), { check: allowLocal, timeoutMs: 300 })).toEqual({ outcome: "timeout", body: null });
    expect(Date.now() - started).toBeLessThan(2_000);

    started = Date.now();
    const never = () => new Promise<never>(() => {});
    expect(await sendWebhook(target(receiver.url()), { check: never, timeoutMs: 300 })).toEqual({ outcome: "timeout", body: null });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("keeps a connection for the next attempt to the same checked address, and opens another for a different one", async () => {
    let connections = 0;
    const server = http.createServer((req, res) => {
      req.resume();
      req.on("end", () => res.writeHead(200).end("ok"));
    });
    server.on("connection", () => connections++);
    await new Promise<void>((resolve) => server.listen(0, "0.0.0.0", resolve));
    const port = (server.address() as AddressInfo).port;
    const pinned = (address: string) => (u: string) => checkEndpoint(u, async () => [address], { allowInsecure: true });
    try {
      const url = `http://hooks.invalid:${port}/`;
      for (let i = 0; i < 3; i++)
        expect(await sendWebhook(target(url), { check: pinned("127.0.0.1") })).toEqual({ outcome: 200, body: "ok" });
      expect(connections).toBe(1);
      // The name now resolves elsewhere: the kept connection leads to the old address, so it is not used.
      expect(await sendWebhook(target(url), { check: pinned("127.0.0.2") })).toEqual({ outcome: 200, body: "ok" });
      expect(connections).toBe(2);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it("does not make one recipient wait for another's hanging attempts on the same host", async () => {
    const server = http.createServer((req, res) => {
      req.resume();
      if (req.url === "/ok") req.on("end", () => res.writeHead(200).end("ok")); // "/hang" never answers
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const hanging = Array.from({ length: 8 }, () => sendWebhook(target(`${base}/hang`), { check: allowLocal, timeoutMs: 1_500 }));
      const started = Date.now();
      expect(await sendWebhook(target(`${base}/ok`), { check: allowLocal, timeoutMs: 1_500 })).toEqual({ outcome: 200, body: "ok" });
      expect(Date.now() - started).toBeLessThan(1_000);
      expect((await Promise.all(hanging)).map((a) => a.outcome)).toEqual(Array(8).fill("timeout"));
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it("sends once more on a new connection when the recipient closed a kept one as it was reused", async () => {
    const served = new WeakMap<object, number>();
    let requests = 0;
    const server = http.createServer((req, res) => {
      requests++;
      const n = (served.get(req.socket) ?? 0) + 1;
      served.set(req.socket, n);
      // The second request on a connection finds it closed without an answer, as after an idle timeout.
      if (n > 1) return void req.socket.destroy();
      req.resume();
      req.on("end", () => res.writeHead(202).end());
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/kept`;
    try {
      expect(await sendWebhook(target(url), { check: allowLocal })).toEqual({ outcome: 202, body: "" });
      expect(await sendWebhook(target(url), { check: allowLocal })).toEqual({ outcome: 202, body: "" });
      expect(requests).toBe(3);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it("reports a network error when nothing listens", async () => {
    const closed = await startReceiver({ secrets: [secret], answer: () => ({ status: 200 }) });
    const url = closed.url();
    await closed.close();
    expect(await sendWebhook(target(url), { check: allowLocal })).toEqual({ outcome: "network-error", body: null });
  });
});
