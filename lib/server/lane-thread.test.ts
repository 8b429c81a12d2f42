// The consent endpoints' own thread (issue 22) as the server runs it: the request thread reads each request and writes
// the answer, the thread answers it and writes through the request thread's one writer, and an API key has one budget
// whichever thread answers it.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "@/db/testing/temp-db";
import { buildWriter } from "@/scripts/build-writer";
import { buildLane } from "@/scripts/build-server";

const temp = createTempDatabase("lane-thread");
process.env.DATABASE_PATH = temp.file;
// Two requests at once per key, one more each second: the third in a row is refused, on either thread.
process.env.API_RATE_LIMIT = "1";
const writerBundle = path.join(process.cwd(), ".generated", `lane-test-writer-${process.pid}.cjs`);
const laneBundle = path.join(process.cwd(), ".generated", `lane-test-lane-${process.pid}.cjs`);

let base = "";
let server: http.Server;
let secret = "";
let newKey: (name: string) => { id: number; plaintext: string };
let lane: import("./lane-thread").LaneThread;
let writer: import("@/db/writer/thread").WriterThread;
let count: (sql: string) => unknown;

beforeAll(async () => {
  const client = await import("@/db/client");
  const { seedApiStore } = await import("@/db/testing/api-store");
  ({ secret } = seedApiStore(client.db, "lane-thread"));
  count = (sql) => client.db.$client.prepare(sql).pluck().get();
  const { insertApiKey } = await import("@/db/staff/api-keys");
  // A key of its own per test: each starts with a full bucket, so no test waits for a refill.
  newKey = (name) => {
    const created = insertApiKey(client.db, { name, kind: "secret", allowedOrigins: [] }, { id: null, email: "test" });
    return { id: created.key.id, plaintext: created.plaintext };
  };
  await Promise.all([buildWriter(writerBundle), buildLane(laneBundle)]);
  // The server's writer, as db/port.ts keeps it: the lane thread asks the request thread for ports to it.
  const { WriterThread } = await import("@/db/writer/thread");
  writer = new WriterThread({ file: temp.file, bundle: writerBundle, maxJobs: 64, waitMs: 0 });
  (globalThis as { candorWriter?: unknown }).candorWriter = writer;
  const { LaneThread } = await import("./lane-thread");
  lane = new LaneThread(laneBundle).warm();
  const { fastLaneListener } = await import("./fast-lane");
  server = http.createServer(fastLaneListener((_req, res) => res.writeHead(418).end("next"), lane));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await lane.stop();
  await writer.stop();
  delete (globalThis as { candorWriter?: unknown }).candorWriter;
  temp.cleanup();
  for (const file of [writerBundle, laneBundle]) fs.rmSync(file, { force: true });
});

const post = (n: number, key = secret) =>
  fetch(`${base}/api/v1/consents`, {
    method: "POST",
    headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" },
    body: JSON.stringify({
      subject: { externalId: `lane-t-${n}`, jurisdiction: "EU" },
      purpose: "newsletter",
      event: "granted",
      channel: "email",
      idempotencyKey: `lane-t-${n}`,
    }),
  });

describe("the consent endpoints' thread", () => {
  it("answers an event once the server's writer committed it, with the API's headers and a request id", async () => {
    const response = await post(1);
    expect(response.status).toBe(201);
    expect(response.headers.get("x-request-id")).toMatch(/\S/);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(count("SELECT count(*) FROM consent_events WHERE idempotency_key = 'lane-t-1'")).toBe(1);
    // Written by the request thread's writer through a port, not on the lane thread's own connection.
    expect((await writer.stats()).jobs).toBeGreaterThanOrEqual(1);
  });

  it("keeps one budget per API key for the whole server: the request thread's routes ask the lane thread", async () => {
    const key = newKey("budget");
    const { takeApiKey } = await import("./rate-limits");
    expect(await takeApiKey(key.id)).toEqual({ ok: true });
    expect((await post(2, key.plaintext)).status).toBe(201);
    // Both tokens spent, one on each thread: the next request is refused wherever it is answered.
    const third = await post(3, key.plaintext);
    expect(third.status).toBe(429);
    expect(third.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await takeApiKey(key.id)).toMatchObject({ ok: false });
  });

  it("refuses the requests it held when it stops, and starts again for the next", async () => {
    const key = newKey("restart");
    const held = post(4, key.plaintext);
    await lane.stop();
    const refused = await held;
    // Either answered before it stopped, or refused as a failure of the lane (never half-stored).
    expect([201, 500]).toContain(refused.status);
    expect(count("SELECT count(*) FROM consent_events WHERE idempotency_key = 'lane-t-4'")).toBe(refused.status === 201 ? 1 : 0);
    expect((await post(5, newKey("after").plaintext)).status).toBe(201);
  }, 20_000);
});
