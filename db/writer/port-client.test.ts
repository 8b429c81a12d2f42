import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWriter } from "@/scripts/build-writer";
import { openDatabase, type Db } from "../connection";
import { loadTestCatalog } from "../testing/catalog";
import { createTempDatabase } from "../testing/temp-db";
import { WriterPort } from "./port-client";
import { WriterThread } from "./thread";

// Another thread of the server (the consent endpoints') writes through a port to the request thread's one writer
// (issue 22): its jobs join the same groups, each caller gets its own answer, and a stopped writer refuses its waiting
// callers and is started again for the next.
const temp = createTempDatabase("writer-port");
const bundle = path.join(process.cwd(), ".generated", `writer-port-test-${process.pid}.cjs`);
let db: Db;
let writer: WriterThread;
let asked = 0;
let port: WriterPort;

beforeAll(async () => {
  db = openDatabase(temp.file);
  loadTestCatalog(db);
  await buildWriter(bundle);
  writer = new WriterThread({ file: temp.file, bundle, maxJobs: 64, waitMs: 0 });
  port = new WriterPort(async () => {
    asked++;
    return writer.connect();
  });
}, 60_000);
afterAll(async () => {
  await writer.stop();
  db.$client.close();
  temp.cleanup();
  fs.rmSync(bundle, { force: true });
});

type Recorded = { results: { status: string; code?: string; eventId?: number }[] };
const decision = (id: string, over: Record<string, unknown> = {}) => [
  { subject: { externalId: id, jurisdiction: "EU" }, purpose: "newsletter", event: "granted", source: "banner", idempotencyKey: id, ...over },
];
const through = (channel: WriterThread | WriterPort, id: string, over: Record<string, unknown> = {}) =>
  channel.call("consent.recordConsent", [decision(id, over), { gpc: false, source: "banner" }]) as Promise<Recorded>;
const stored = (id: string) => db.$client.prepare("SELECT count(*) FROM consent_events WHERE idempotency_key = ?").pluck().get(id);

describe("WriterPort", () => {
  it("commits a port's jobs in the same groups as the request thread's, each caller answered with its own result", async () => {
    const before = await writer.stats();
    const sent = Array.from({ length: 200 }, (_, n) => (n % 2 ? through(port, `P-${n}`) : through(writer, `R-${n}`)));
    const bad = through(port, "P-bad", { purpose: "nonexistent" });
    const answers = await Promise.all(sent);
    expect((await bad).results[0]).toMatchObject({ status: "rejected", code: "unknown-purpose" });
    expect(answers.every((a) => a.results[0].status === "stored")).toBe(true);
    // Both sides number their jobs from 1: the answers still reached their own callers, each event stored once.
    expect(new Set(answers.map((a) => a.results[0].eventId)).size).toBe(200);
    for (const n of [1, 2, 199]) expect(stored(n % 2 ? `P-${n}` : `R-${n}`)).toBe(1);
    const after = await writer.stats();
    expect(after.jobs - before.jobs).toBe(201);
    expect(after.groups - before.groups).toBeLessThan(201);
    expect(asked).toBe(1);
  }, 30_000);

  it("refuses the callers waiting when the writer stops, and writes again through a new port", async () => {
    const refused = expect(through(port, "P-lost")).rejects.toThrow("the writer thread stopped before the write was committed");
    await writer.stop();
    await refused;
    const again = await through(port, "P-after");
    expect(again.results[0].status).toBe("stored");
    expect(stored("P-after")).toBe(1);
    expect(asked).toBe(2);
  }, 30_000);
});
