import { describe, expect, it } from "vitest";
import { loadTestCatalog } from "../testing/catalog";
import { writerOnTempStore } from "../testing/writer-thread";
import { WriterPort } from "./port-client";
import type { WriterThread } from "./thread";

// Another thread of the server (the consent endpoints') writes through a port to the request thread's one writer
// (issue 22): its jobs join the same groups, each caller gets its own answer, and a stopped writer refuses its waiting
// callers and is started again for the next.
const store = writerOnTempStore("writer-port", loadTestCatalog);
let asked = 0;
// Asks the request thread's side for a port, as the consent endpoints' thread does (lib/server/lane-worker.ts).
const port = new WriterPort(async () => {
  asked++;
  return store.writer.connect();
});

type Recorded = { results: { status: string; code?: string; eventId?: number }[] };
const decision = (id: string, over: Record<string, unknown> = {}) => [
  {
    subject: { externalId: id, jurisdiction: "EU" },
    purpose: "newsletter",
    event: "granted",
    source: "banner",
    idempotencyKey: id,
    ...over,
  },
];
const through = (channel: WriterThread | WriterPort, id: string, over: Record<string, unknown> = {}) =>
  channel.call("consent.recordConsent", [decision(id, over), { gpc: false, source: "banner" }]) as Promise<Recorded>;
const stored = (id: string) => store.db.$client.prepare("SELECT count(*) FROM consent_events WHERE idempotency_key = ?").pluck().get(id);

describe("WriterPort", () => {
  it("commits a port's jobs in the same groups as the request thread's, each caller answered with its own result", async () => {
    const before = await store.writer.stats();
    const sent = Array.from({ length: 200 }, (_, n) => (n % 2 ? through(port, `P-${n}`) : through(store.writer, `R-${n}`)));
    const bad = through(port, "P-bad", { purpose: "nonexistent" });
    const answers = await Promise.all(sent);
    expect((await bad).results[0]).toMatchObject({ status: "rejected", code: "unknown-purpose" });
    expect(answers.every((a) => a.results[0].status === "stored")).toBe(true);
    // Both sides number their jobs from 1: the answers still reached their own callers, each event stored once.
    expect(new Set(answers.map((a) => a.results[0].eventId)).size).toBe(200);
    for (const n of [1, 2, 199]) expect(stored(n % 2 ? `P-${n}` : `R-${n}`)).toBe(1);
    const after = await store.writer.stats();
    expect(after.jobs - before.jobs).toBe(201);
    expect(after.groups - before.groups).toBeLessThan(201);
    expect(asked).toBe(1);
  }, 30_000);

  it("refuses the callers waiting when the writer stops, and writes again through a new port", async () => {
    const refused = expect(through(port, "P-lost")).rejects.toThrow("the writer thread stopped before the write was committed");
    await store.writer.stop();
    await refused;
    const again = await through(port, "P-after");
    expect(again.results[0].status).toBe("stored");
    expect(stored("P-after")).toBe(1);
    expect(asked).toBe(2);
  }, 30_000);
});
