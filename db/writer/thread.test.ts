import { spawn } from "node:child_process";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { loadTestCatalog } from "../testing/catalog";
import { writerOnTempStore } from "../testing/writer-thread";
import { describeFailure } from "./group-commit";
import { rebuildError } from "./thread";

// The writer thread (issue 22, deliverables 1 and 2) as the server runs it: the bundle scripts/build-writer.ts makes,
// its own connection, callers awaiting their own results, while another process's job writes under SQLite's lock.
const store = writerOnTempStore("writer-thread", loadTestCatalog);

type Recorded = { results: { status: string; code?: string; eventId?: number }[]; gpcApplied: number };
const decision = (n: number, over: Record<string, unknown> = {}) => [
  {
    subject: { externalId: `W-${n}`, jurisdiction: n % 2 ? "EU" : "US-CA" },
    purpose: "newsletter",
    event: "granted",
    source: "banner",
    idempotencyKey: `w-${n}`,
    ...over,
  },
];
const record = (n: number, over: Record<string, unknown> = {}) =>
  store.writer.call("consent.recordConsent", [decision(n, over), { gpc: false, source: "banner" }]) as Promise<Recorded>;

/** Another process's job (consent:expire, retention, backup) holding the write lock in bursts, on its own connection. */
function holdWriteLockInBursts(file: string, bursts: number, holdMs: number): Promise<number> {
  const job = new Worker(
    `const { parentPort, workerData } = require("node:worker_threads");
     const Database = require("better-sqlite3");
     const db = new Database(workerData.file);
     db.pragma("busy_timeout = 5000");
     const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
     let done = 0;
     for (let i = 0; i < workerData.bursts; i++) {
       db.exec("BEGIN IMMEDIATE");
       db.prepare("INSERT INTO maintenance_pending (task, noted_at) VALUES (?, ?)").run("job-" + i, Date.now());
       sleep(workerData.holdMs);
       db.exec("COMMIT");
       done++;
       sleep(5);
     }
     db.close();
     parentPort.postMessage(done);`,
    { eval: true, workerData: { file, bursts, holdMs } },
  );
  return new Promise((resolve, reject) => {
    job.on("message", resolve);
    job.on("error", reject);
  });
}

describe("WriterThread", () => {
  it("answers each caller once its event is committed, groups concurrent callers, and tolerates a job holding the lock", async () => {
    const job = holdWriteLockInBursts(store.file, 8, 40);
    const answers = await Promise.all(Array.from({ length: 300 }, (_, n) => record(n)));
    expect(await job).toBe(8);
    expect(answers.every((a) => a.results[0].status === "stored")).toBe(true);
    // Every acknowledged event is in the store once, seen from another connection.
    expect(store.db.$client.prepare("SELECT count(*) FROM consent_events WHERE source = 'banner'").pluck().get()).toBe(300);
    expect(new Set(answers.map((a) => a.results[0].eventId)).size).toBe(300);
    expect(store.db.$client.prepare("SELECT count(*) FROM maintenance_pending WHERE task LIKE 'job-%'").pluck().get()).toBe(8);
    const stats = await store.writer.stats();
    expect(stats.jobs).toBe(300);
    expect(stats.groups).toBeLessThan(300);
    expect(stats.largest).toBeGreaterThan(1);
    expect(stats.largest).toBeLessThanOrEqual(64);
  }, 60_000);

  it("keeps answering while `npm run consent:expire` writes from a process of its own", async () => {
    // Grants whose two-year validity ran out, for the job to expire.
    const longAgo = new Date(Date.now() - 800 * 86_400_000).toISOString();
    await Promise.all(Array.from({ length: 200 }, (_, n) => record(50_000 + n, { occurredAt: longAgo, idempotencyKey: `old-${n}` })));
    const job = spawn("npx", ["tsx", "--conditions=react-server", "scripts/consent-expire.ts"], {
      env: { ...process.env, DATABASE_PATH: store.file },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    job.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    job.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => job.on("exit", resolve));
    let running = true;
    void exited.then(() => (running = false));
    let sent = 0;
    const answers: Recorded[] = [];
    // Load until the job is done (at least one round after it starts writing).
    while (running || sent === 0) {
      answers.push(...(await Promise.all(Array.from({ length: 20 }, () => record(60_000 + sent++)))));
    }
    expect(await exited, output).toBe(0);
    expect(output).toMatch(/Expired 200 grants/);
    expect(answers.every((a) => a.results[0].status === "stored")).toBe(true);
    expect(store.db.$client.prepare("SELECT count(*) FROM consent_events WHERE event = 'expired'").pluck().get()).toBe(200);
  }, 120_000);

  it("answers a replayed idempotency key with the original event, and a rejected event without failing the others", async () => {
    const [again, bad, fine] = await Promise.all([record(7), record(100_001, { purpose: "nonexistent" }), record(100_002)]);
    expect(again.results[0]).toMatchObject({ status: "duplicate" });
    expect(bad.results[0]).toMatchObject({ status: "rejected", code: "unknown-purpose" });
    expect(fine.results[0]).toMatchObject({ status: "stored" });
  });

  it("sends the calls of one turn together, and fails only the caller whose arguments cannot cross the thread", async () => {
    const before = await store.writer.stats();
    const [first, unsendable, last] = await Promise.allSettled([
      record(100_010),
      store.writer.call("consent.recordConsent", [decision(100_011), { gpc: false, source: "banner", callback: () => 1 }]),
      record(100_012),
    ]);
    expect(first).toMatchObject({ status: "fulfilled", value: { results: [{ status: "stored" }] } });
    expect(unsendable).toMatchObject({ status: "rejected", reason: { name: "DataCloneError" } });
    expect(last).toMatchObject({ status: "fulfilled", value: { results: [{ status: "stored" }] } });
    const after = await store.writer.stats();
    expect(after.jobs - before.jobs).toBe(2);
    expect(store.db.$client.prepare("SELECT count(*) FROM subjects WHERE external_id = 'W-100011'").pluck().get()).toBe(0);
  });

  it("refuses an operation it does not carry, without stopping", async () => {
    await expect(store.writer.call("consent.nothing", [])).rejects.toThrow("no write operation consent.nothing");
    expect((await record(100_003)).results[0].status).toBe("stored");
  });
});

describe("rebuildError", () => {
  it("gives the caller the typed error the operation threw, with its fields", () => {
    const conflict = rebuildError(describeFailure(new ConflictError("wrong-status")));
    expect(conflict).toBeInstanceOf(ConflictError);
    expect(conflict.message).toBe(new ConflictError("wrong-status").message);
    expect(rebuildError(describeFailure(new NotFoundError("request")))).toBeInstanceOf(NotFoundError);
    const plain = rebuildError(describeFailure(new TypeError("bad")));
    expect(plain).toBeInstanceOf(Error);
    expect(plain.message).toBe("bad");
  });
});
