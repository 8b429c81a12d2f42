// The one file outside db/ allowed to import better-sqlite3: it measures the
// ceiling the driver itself sets, so it must not go through Candor's layers.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databasePath } from "@/db/connection";
import { migrateDatabase } from "@/db/migrate";

export type RawInsertOptions = {
  rows: number;
  runs: number;
  batchSize: number;
  subjects: number;
  /** Give every row a random idempotency key, so the partial unique index is part of the work. */
  idempotencyKeys: boolean;
};

export type RawInsertResult = {
  eventsPerSecond: number;
  runEventsPerSecond: number[];
  options: RawInsertOptions;
};

export const defaultRawInsertOptions: RawInsertOptions = {
  rows: 200_000,
  runs: 3,
  batchSize: 1_000,
  subjects: 10_000,
  idempotencyKeys: false,
};

type Row = [number, number, number, string, string | null, string, string, string, number, string | null, string | null, number, number];

const PURPOSES = ["marketing", "analytics", "personalization", "sale_sharing"];
const LOCALES = ["en", "ko", "ja"];
const JURISDICTIONS = ["EU", "US-CA", "KR", "JP"];
const EVENTS = ["granted", "granted", "denied", "withdrawn"];
const SOURCES = ["banner", "preference_center", "api", "import", "call_center"];
const CHANNELS = [null, "email", "sms", "push"];

/** The SQLite library version the driver was built with, for the machine info. */
export function sqliteVersion(): string {
  const db = new Database(":memory:");
  try {
    return (db.prepare("select sqlite_version() as v").get() as { v: string }).v;
  } finally {
    db.close();
  }
}

// Same pragmas as db/connection.ts, so the limit is measured under the same durability settings.
function openRaw(file: string): Database.Database {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  db.pragma("synchronous = NORMAL");
  return db;
}

/** Inserts the purposes, notice versions and subjects the ledger's foreign keys point at. */
function insertParents(db: Database.Database, subjects: number): { noticeVersionByPurpose: number[] } {
  const now = Date.now();
  const noticeVersionByPurpose: number[] = [];
  db.transaction(() => {
    const purpose = db.prepare(
      `INSERT INTO purposes (key, name, description, legal_basis, data_categories, retention_days, channels, benefit, status, created_at)
       VALUES (?, ?, 'bench', 'consent', '["contact"]', 730, '["email","sms","push"]', 'bench', 'active', ?)`,
    );
    const notice = db.prepare("INSERT INTO notices (purpose_id, locale, created_at) VALUES (?, 'en', ?)");
    const version = db.prepare(
      `INSERT INTO notice_versions (notice_id, version, status, title, short_layer, full_text, created_at)
       VALUES (?, 1, 'published', 'bench', '{}', 'bench', ?)`,
    );
    for (const key of PURPOSES) {
      const purposeId = Number(purpose.run(key, key, now).lastInsertRowid);
      const noticeId = Number(notice.run(purposeId, now).lastInsertRowid);
      noticeVersionByPurpose[purposeId] = Number(version.run(noticeId, now).lastInsertRowid);
    }
    const subject = db.prepare("INSERT INTO subjects (uid, jurisdiction, locale, created_at) VALUES (?, ?, ?, ?)");
    for (let i = 0; i < subjects; i++) subject.run(randomUUID(), JURISDICTIONS[i % 4], LOCALES[i % 3], now);
  })();
  return { noticeVersionByPurpose };
}

const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)];

// Rows are built before the clock starts: the limit is what SQLite can store, not how fast we make up data.
function buildRows(options: RawInsertOptions, noticeVersionByPurpose: number[]): Row[] {
  const now = Date.now();
  const rows: Row[] = new Array(options.rows);
  for (let i = 0; i < options.rows; i++) {
    const purposeId = 1 + Math.floor(Math.random() * PURPOSES.length);
    rows[i] = [
      1 + Math.floor(Math.random() * options.subjects),
      purposeId,
      noticeVersionByPurpose[purposeId],
      pick(EVENTS),
      pick(CHANNELS),
      pick(JURISDICTIONS),
      pick(SOURCES),
      pick(LOCALES),
      Math.random() < 0.1 ? 1 : 0,
      null,
      options.idempotencyKeys ? randomUUID() : null,
      now - Math.floor(Math.random() * 86_400_000),
      now,
    ];
  }
  return rows;
}

/** One run on a fresh, migrated database; returns events per second. */
function runOnce(dir: string, run: number, options: RawInsertOptions): number {
  const file = path.join(dir, `raw-insert-${run}.db`);
  migrateDatabase(file);
  const db = openRaw(file);
  try {
    const { noticeVersionByPurpose } = insertParents(db, options.subjects);
    const rows = buildRows(options, noticeVersionByPurpose);
    const insert = db.prepare(
      `INSERT INTO consent_events (subject_id, purpose_id, notice_version_id, event, channel, jurisdiction, source,
         locale, gpc, guardian_name, idempotency_key, occurred_at, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertBatch = db.transaction((start: number) => {
      const end = Math.min(start + options.batchSize, rows.length);
      for (let i = start; i < end; i++) insert.run(rows[i]);
    });
    const started = process.hrtime.bigint();
    for (let start = 0; start < rows.length; start += options.batchSize) insertBatch(start);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const stored = (db.prepare("select count(*) as n from consent_events").get() as { n: number }).n;
    if (stored !== rows.length) throw new Error(`raw insert stored ${stored} of ${rows.length} rows`);
    return rows.length / seconds;
  } finally {
    db.close();
  }
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * Batched consent_events inserts straight through better-sqlite3: the median of several runs.
 * The scratch databases sit beside the real store, not in the OS temp dir, which is often
 * tmpfs and would flatter the limit.
 */
export function measureRawInsert(overrides: Partial<RawInsertOptions> = {}): RawInsertResult {
  const options = { ...defaultRawInsertOptions, ...overrides };
  const parent = path.dirname(databasePath());
  fs.mkdirSync(parent, { recursive: true });
  const dir = fs.mkdtempSync(path.join(parent, ".bench-raw-insert-"));
  try {
    const runEventsPerSecond: number[] = [];
    for (let run = 0; run < options.runs; run++) runEventsPerSecond.push(runOnce(dir, run, options));
    return { eventsPerSecond: median(runEventsPerSecond), runEventsPerSecond, options };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
