import fs from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../connection";
import { ConsentLedger } from "../consent/ledger/record";
import { truncatePendingWal } from "../ops/wal";
import { loadTestCatalog } from "../testing/catalog";
import { holdSnapshot } from "../testing/hold-snapshot";
import { createTempDatabase } from "../testing/temp-db";
import { eraseSubject } from "./erasure";

// Issue 22, deliverable 4: with readers on their own connections, erasure's wal_checkpoint(TRUNCATE) can come back
// busy. A reader in another thread (as a page's read connection or `npm run deliveries` would be) holds a snapshot
// from before the erasure; the erasure must check the checkpoint and try again until the WAL is empty.
const email = "held.snapshot.person@example.org";
const externalId = "CUST-SNAPSHOT-9931";

describe("eraseSubject with a reader holding an older snapshot", () => {
  let temp: ReturnType<typeof createTempDatabase>;
  let db: Db;
  let subjectId = 0;
  beforeEach(() => {
    temp = createTempDatabase("erasure-reader");
    db = openDatabase(temp.file);
    loadTestCatalog(db);
    new ConsentLedger(db).record(
      Array.from({ length: 12 }, (_, i) => ({
        subject: { externalId, email, jurisdiction: "EU" as const },
        purpose: i % 2 ? "newsletter" : "ad_sharing",
        event: (i % 3 ? "granted" : "withdrawn") as "granted" | "withdrawn",
        source: "api" as const,
        occurredAt: new Date(Date.now() - (12 - i) * 3_600_000).toISOString(),
      })),
      { gpc: false },
    );
    subjectId = (db.$client.prepare("SELECT id FROM subjects WHERE external_id = ?").get(externalId) as { id: number }).id;
  });
  afterEach(() => {
    db.$client.close();
    temp.cleanup();
  });

  const bytesOnDisk = () =>
    Buffer.concat([fs.readFileSync(temp.file), fs.existsSync(`${temp.file}-wal`) ? fs.readFileSync(`${temp.file}-wal`) : Buffer.alloc(0)]);
  const walSize = () => (fs.existsSync(`${temp.file}-wal`) ? fs.statSync(`${temp.file}-wal`).size : 0);
  const pending = () => db.$client.prepare("SELECT COUNT(*) FROM maintenance_pending WHERE task = 'wal-truncate'").pluck().get();

  it("waits for the reader, empties the WAL, says it waited, and leaves the person's bytes nowhere in the files", async () => {
    expect(bytesOnDisk().includes(Buffer.from(email))).toBe(true);
    const reader = await holdSnapshot(temp.file, 400);
    const result = eraseSubject(db, subjectId, "REQ-HELD", { walWaitMs: 5_000 });
    await reader.released;
    expect(result.wal.emptied).toBe(true);
    expect(result.wal.attempts).toBeGreaterThan(1);
    expect(result.wal.waitedMs).toBeGreaterThanOrEqual(300);
    expect(walSize()).toBe(0);
    expect(pending()).toBe(0);
    const bytes = bytesOnDisk();
    for (const needle of [email, externalId]) expect(bytes.includes(Buffer.from(needle)), needle).toBe(false);
  });

  it("empties the WAL at the first try when no reader holds it, and says it did not wait", () => {
    const result = eraseSubject(db, subjectId, "REQ-FREE");
    expect(result.wal).toMatchObject({ emptied: true, attempts: 1 });
    expect(walSize()).toBe(0);
  });

  it("past its limit notes the WAL as pending, and the dispatcher's next try empties it once the reader lets go", async () => {
    const reader = await holdSnapshot(temp.file, 600);
    const result = eraseSubject(db, subjectId, "REQ-LONG", { walWaitMs: 150 });
    expect(result.wal.emptied).toBe(false);
    expect(result.wal.waitedMs).toBeGreaterThanOrEqual(140);
    expect(pending()).toBe(1);
    await reader.released;
    const dispatcher = openDatabase(temp.file);
    try {
      expect(truncatePendingWal(dispatcher.$client)).toBe(true);
    } finally {
      dispatcher.$client.close();
    }
    expect(pending()).toBe(0);
    for (const needle of [email, externalId]) expect(bytesOnDisk().includes(Buffer.from(needle)), needle).toBe(false);
  });
});
