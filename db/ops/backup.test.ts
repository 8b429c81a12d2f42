import fs from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendAuditEntry } from "../staff/audit-chain";
import { backupStore, restoreStore, storeInUse, RestoreRefused } from "./backup";
import { openDatabase, type Db } from "../connection";
import { ConsentLedger } from "../consent/ledger/record";
import { isSound } from "./store-check";
import { eraseSubject } from "../subjects/erasure";
import { loadTestCatalog } from "../testing/catalog";
import { linkTestRecipients } from "../testing/recipients";
import { createTempDatabase } from "../testing/temp-db";

const temp = createTempDatabase("backup");
const dir = path.dirname(temp.file);
let db: Db;

// A second writer in its own thread and connection: each transaction stores three outbox
// rows of one batch, so a copy that caught half a transaction would show a batch of 1 or 2.
const writerSource = `
const { workerData, parentPort } = require("node:worker_threads");
const Database = require("better-sqlite3");
const db = new Database(workerData.file);
db.pragma("busy_timeout = 5000");
const insert = db.prepare("INSERT INTO outbox (to_address, kind, locale, subject_line, body, status, created_at) VALUES ('w@example.com', ?, 'en', 's', 'b', 'pending', 0)");
const batch = db.transaction((n) => { for (let i = 0; i < 3; i++) insert.run("batch-" + n); });
let n = 0;
const stopAt = Date.now() + workerData.ms;
while (Date.now() < stopAt) batch(n++);
db.close();
parentPort.postMessage(n);
`;

function rows(file: string, table: string): string[] {
  const sqlite = new Database(file, { readonly: true });
  try {
    return (sqlite.prepare(`SELECT * FROM "${table}"`).all() as unknown[]).map((r) => JSON.stringify(r)).sort();
  } finally {
    sqlite.close();
  }
}

function tables(file: string): string[] {
  const sqlite = new Database(file, { readonly: true });
  try {
    return (
      sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as {
        name: string;
      }[]
    ).map((t) => t.name);
  } finally {
    sqlite.close();
  }
}

beforeAll(() => {
  db = openDatabase(temp.file);
  loadTestCatalog(db);
  const ledger = new ConsentLedger(db);
  for (let s = 0; s < 50; s++)
    ledger.record(
      ["newsletter", "ad_sharing"].map((purpose) => ({
        subject: { email: `p${s}@example.com`, externalId: `C-${s}`, jurisdiction: "EU" as const },
        purpose,
        event: "granted" as const,
        source: "api" as const,
      })),
      { gpc: false },
    );
  for (let i = 0; i < 20; i++) appendAuditEntry(db, { actorId: null, actorLabel: "test", action: "test.entry", details: { i } });
});
afterAll(() => {
  db.$client.close();
  temp.cleanup();
});

describe("backup and restore", () => {
  it("copies a store while another connection writes, and the restored store holds the same rows", async () => {
    const writer = new Worker(writerSource, { eval: true, workerData: { file: temp.file, ms: 1_500 } });
    const batches = new Promise<number>((resolve) => writer.once("message", resolve));
    await new Promise((r) => setTimeout(r, 300)); // let the writer get going
    const out = path.join(dir, "backups", "round-trip.db");
    const result = await backupStore(temp.file, out);
    const written = await batches;
    expect(written).toBeGreaterThan(10);
    expect(isSound(result.check)).toBe(true);
    expect(result.check.rows.subjects).toBe(50);
    expect(result.check.audit).toEqual({ checked: 20, broken: null });
    expect(result.check.migrations.current).toBe(true);
    expect(fs.existsSync(`${out}.partial`)).toBe(false);
    expect(fs.existsSync(`${out}-wal`)).toBe(false); // one self-contained file

    const restored = path.join(dir, "restored", "candor.db");
    expect(restoreStore(out, restored).migrated).toBe(false);
    expect(tables(restored)).toEqual(tables(temp.file));
    for (const table of tables(temp.file).filter((t) => t !== "outbox"))
      expect(rows(restored, table), table).toEqual(rows(temp.file, table));
    // The writer's rows: a snapshot taken mid-stream holds whole transactions only.
    const copied = new Database(restored, { readonly: true });
    const sizes = copied.prepare("SELECT kind, count(*) AS n FROM outbox GROUP BY kind").all() as { kind: string; n: number }[];
    copied.close();
    expect(sizes.length).toBeGreaterThan(0);
    expect(sizes.length).toBeLessThan(written);
    expect(sizes.filter((s) => s.n !== 3)).toEqual([]);
  });

  it("refuses to restore over a store another process has open, unless forced", async () => {
    const out = path.join(dir, "backups", "busy.db");
    await backupStore(temp.file, out);
    const target = path.join(dir, "busy", "candor.db");
    restoreStore(out, target);
    const server = openDatabase(target);
    server.$client.prepare("SELECT count(*) FROM subjects").get();
    expect(storeInUse(target)).toBe(true);
    expect(() => restoreStore(out, target)).toThrow(/open in another process/);
    expect(restoreStore(out, target, { force: true }).target).toBe(target);
    server.$client.close();
    expect(storeInUse(target)).toBe(false);
  });

  it("refuses a backup whose audit chain was tampered with, or that is ahead of this code", async () => {
    for (const [name, damage] of [
      ["tampered", "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET details = '{}' WHERE id = 3"],
      ["ahead", `INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('future', ${Date.now() + 1e12})`],
    ] as const) {
      const out = path.join(dir, "backups", `${name}.db`);
      await backupStore(temp.file, out);
      const sqlite = new Database(out);
      sqlite.exec(damage);
      sqlite.close();
      const target = path.join(dir, name, "candor.db");
      expect(() => restoreStore(out, target)).toThrow(RestoreRefused);
      expect(() => restoreStore(out, target)).toThrow(name === "ahead" ? /migration\(s\) this version/ : /audit chain breaks at entry #3/);
      expect(fs.existsSync(target)).toBe(false);
    }
  });

  it("erases again the subjects erased after the backup was taken, and removes a stale WAL", async () => {
    const out = path.join(dir, "backups", "before-erasure.db");
    await backupStore(temp.file, out);
    const target = path.join(dir, "erasure", "candor.db");
    restoreStore(out, target);
    const live = openDatabase(target);
    const victim = live.$client.prepare("SELECT id FROM subjects WHERE email = 'p7@example.com'").get() as { id: number };
    eraseSubject(live, victim.id, "REQ-2026-00007");
    // A crash leaves committed pages in the WAL; they belong to the old store and must never be replayed onto the new one.
    live.$client.pragma("wal_autocheckpoint = 0");
    live.$client
      .prepare(
        "INSERT INTO outbox (to_address, kind, locale, subject_line, body, created_at) VALUES ('x', 'stale-wal-marker', 'en', 's', 'b', 0)",
      )
      .run();
    fs.copyFileSync(`${target}-wal`, `${target}.crashed-wal`);
    live.$client.close();
    fs.renameSync(`${target}.crashed-wal`, `${target}-wal`);

    const result = restoreStore(out, target);
    expect(result.erasuresReapplied).toBe(1);
    const after = new Database(target, { readonly: true });
    expect(after.prepare("SELECT count(*) AS n FROM subjects WHERE email = 'p7@example.com' OR external_id = 'C-7'").get()).toEqual({
      n: 0,
    });
    expect(after.prepare("SELECT count(*) AS n FROM subjects").get()).toEqual({ n: 49 });
    expect(after.prepare("SELECT count(*) AS n FROM outbox WHERE kind = 'stale-wal-marker'").get()).toEqual({ n: 0 });
    expect(after.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(after.prepare("SELECT count(*) AS n FROM suppression_tombstones WHERE request_ref = 'REQ-2026-00007'").get()).toEqual({ n: 2 });
    after.close();
  });

  it("tells the recipients again of an erasure made after the backup, above every sequence the replaced store gave", async () => {
    // The live store queued subject.erased when it erased; restoring the backup threw those deliveries away.
    const r = linkTestRecipients(db, [
      { name: "MailHarbor", role: "processor", purposes: ["newsletter"] },
      { name: "Meridian Ads", role: "third_party", purposes: ["ad_sharing"] },
    ]);
    const subject = db.$client.prepare("SELECT id FROM subjects WHERE email = 'p11@example.com'").pluck().get() as number;
    const requestId = db.$client
      .prepare(
        "INSERT INTO subject_requests (ref, subject_id, type, status, jurisdiction, intake, received_at, due_at, created_at) VALUES ('REQ-2026-00011', ?, 'deletion', 'in_progress', 'EU', 'api', 0, 0, 0) RETURNING id",
      )
      .pluck()
      .get(subject) as number;
    const out = path.join(dir, "backups", "before-told-erasure.db");
    await backupStore(temp.file, out);
    const target = path.join(dir, "told-erasure", "candor.db");
    restoreStore(out, target);
    const live = openDatabase(target);
    expect(eraseSubject(live, subject, "REQ-2026-00011", { requestId }).recipientsTold).toBe(2);
    const liveSequence = live.$client.prepare("SELECT max(id) FROM propagation_events").pluck().get() as number;
    live.$client.close();

    expect(restoreStore(out, target).erasuresReapplied).toBe(1);
    const after = new Database(target, { readonly: true });
    const told = after
      .prepare(
        `SELECT e.id AS sequence, e.request_id AS requestId, d.recipient_id AS recipient, d.identifiers, d.state
         FROM propagation_events e JOIN deliveries d ON d.event_id = e.id WHERE e.type = 'subject.erased' AND e.subject_id = ? ORDER BY d.id`,
      )
      .all(subject) as { sequence: number; requestId: number; recipient: number; identifiers: string; state: string }[];
    after.close();
    expect(told.map((t) => [t.recipient, JSON.parse(t.identifiers), t.requestId, t.state])).toEqual([
      [r["MailHarbor"], { externalId: "C-11", email: "p11@example.com" }, requestId, "queued"],
      [r["Meridian Ads"], { externalId: "C-11", email: "p11@example.com" }, requestId, "queued"],
    ]);
    // A recipient that got the live store's erasure drops this one by its sequence; one that did not applies it.
    expect(told[0].sequence).toBeGreaterThan(liveSequence);
  });
});
