// The fast lane answers the consent endpoints itself, exactly as the app/api routes would (the same handlers, plus the
// headers Next.js adds), and hands every other request to Next.js untouched.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "@/db/testing/temp-db";

const temp = createTempDatabase("fast-lane");
process.env.DATABASE_PATH = temp.file;
process.env.API_RATE_LIMIT = "off";

let base = "";
let server: http.Server;
let secret = "";
let publishable = "";
const toNext: string[] = [];

beforeAll(async () => {
  const client = await import("@/db/client");
  const { seedApiStore } = await import("@/db/testing/api-store");
  ({ secret, publishable } = seedApiStore(client.db, "lane"));
  const { fastLaneListener } = await import("./fast-lane");
  // Next.js stands in as a handler that says it was asked.
  server = http.createServer(
    fastLaneListener((req, res) => {
      toNext.push(`${req.method} ${req.url}`);
      res.writeHead(418, { "Content-Type": "text/plain" }).end("next");
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  temp.cleanup();
});

const event = (n: string, over: Record<string, unknown> = {}) => ({
  subject: { externalId: `lane-${n}`, jurisdiction: "EU" },
  purpose: "newsletter",
  event: "granted",
  channel: "email",
  idempotencyKey: `lane-${n}`,
  ...over,
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${secret}`, "Content-Type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

describe("the fast lane", () => {
  it("stores an event with 201 and answers its replay with 200, with the API's static headers and a request id", async () => {
    const first = await post("/api/v1/consents", event("one"), { "X-Request-Id": "lane-request-0001" });
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ status: "stored", purpose: "newsletter", state: "granted" });
    expect(first.headers.get("x-request-id")).toBe("lane-request-0001");
    expect(first.headers.get("content-security-policy")).toBe(
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    );
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    expect(first.headers.get("x-frame-options")).toBe("DENY");
    expect(first.headers.get("strict-transport-security")).toBeNull();
    const replay = await post("/api/v1/consents", event("one"), { "X-Forwarded-Proto": "https" });
    expect(replay.status).toBe(200);
    expect(await replay.json()).toMatchObject({ status: "duplicate" });
    expect(replay.headers.get("strict-transport-security")).toContain("max-age=");
    expect(toNext).toEqual([]);
  });

  it("answers bad input with the handlers' own problem documents: 401 before 413, 413 over the limit, 400, 422", async () => {
    const noKey = await fetch(`${base}/api/v1/consents`, { method: "POST", body: "x".repeat(20_000) });
    expect(noKey.status).toBe(401);
    expect(noKey.headers.get("www-authenticate")).toBe('Bearer realm="candor"');
    const tooBig = await post("/api/v1/consents", JSON.stringify({ pad: "x".repeat(20_000) }));
    expect(tooBig.status).toBe(413);
    expect(tooBig.headers.get("content-type")).toContain("application/problem+json");
    expect(tooBig.headers.get("connection")).toBe("close");
    const notJson = await post("/api/v1/consents", "{not json");
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).type).toBe("https://candor.dev/problems/malformed-json");
    const invalid = await post("/api/v1/consents/batch", { events: [event("b1"), event("b2", { event: "maybe" })] });
    expect(invalid.status).toBe(207);
    expect(await invalid.json()).toMatchObject({ stored: 1, rejected: 1 });
  });

  it("answers the banner: its configuration, its preflight and its choices, with CORS for an allowed origin only", async () => {
    const origin = { Origin: "https://shop.example" };
    const config = await fetch(`${base}/api/v1/widget/config?key=${publishable}&locale=en`, { headers: origin });
    expect(config.status).toBe(200);
    expect(config.headers.get("access-control-allow-origin")).toBe("https://shop.example");
    const preflight = await fetch(`${base}/api/v1/widget/consents?key=${publishable}`, { method: "OPTIONS", headers: origin });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-methods")).toContain("POST");
    const refused = await fetch(`${base}/api/v1/widget/config?key=${publishable}&locale=en`, {
      headers: { Origin: "https://evil.example" },
    });
    expect(refused.status).toBe(403);
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
    const choices = await fetch(`${base}/api/v1/widget/consents?key=${publishable}`, {
      method: "POST",
      headers: { ...origin, "Content-Type": "application/json" },
      body: JSON.stringify({
        subject: { anonymousId: "anon-3f2b9c1e-7d4a-4b6e-9f10-2a3b4c5d6e7f" },
        jurisdiction: "EU",
        locale: "en",
        choices: [{ purpose: "newsletter", event: "granted" }],
      }),
    });
    expect(choices.status).toBe(200);
    expect((await choices.json()).results).toEqual([expect.objectContaining({ purpose: "newsletter", status: "stored" })]);
    expect(toNext).toEqual([]);
  });

  it("hands every other path and method to Next.js: another route, a trailing slash, GET on an ingest endpoint", async () => {
    for (const [method, path] of [
      ["GET", "/api/v1/consents"],
      ["POST", "/api/v1/consents/"],
      ["GET", "/api/v1/openapi.json"],
      ["POST", "/api/v1/requests"],
      ["GET", "/"],
    ]) {
      const response = await fetch(`${base}${path}`, { method });
      expect(response.status, `${method} ${path}`).toBe(418);
    }
    expect(toNext).toEqual([
      "GET /api/v1/consents",
      "POST /api/v1/consents/",
      "GET /api/v1/openapi.json",
      "POST /api/v1/requests",
      "GET /",
    ]);
  });
});
