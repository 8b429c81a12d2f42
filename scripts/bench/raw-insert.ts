// The one file outside db/ allowed to import better-sqlite3: it measures the
// ceiling the driver itself sets, so it must not go through Candor's layers.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { connectionPragmas, databasePath, serverPragmas } from "@/db/connection";
import { startCheckpointer } from "@/db/ops/checkpointer";
import { migrateDatabase } from "@/db/migrate";
import { callerConsentSources } from "@/lib/consent/vocabulary";
import { DAY_MS } from "@/lib/time";

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
const SOURCES = callerConsentSources;
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

// Every connection's pragmas plus the server's own (db/connection.ts): the limit is measured under
// the settings Candor writes with, its background checkpointer included.
function openRaw(file: string): Database.Database {
  const db = new Database(file);
  for (const pragma of [...connectionPragmas, ...serverPragmas]) db.pragma(pragma);
  return db;
}

/** Who and what the generated rows point at: existing subjects, and each purpose's notice version. */
type RowTargets = { subjectIds: number[]; purposes: { id: number; noticeVersionId: number }[] };

/** Inserts the purposes, notice versions and subjects the ledger's foreign keys point at. */
function insertParents(db: Database.Database, subjects: number): RowTargets {
  const now = Date.now();
  const targets: RowTargets = { subjectIds: [], purposes: [] };
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
      targets.purposes.push({ id: purposeId, noticeVersionId: Number(version.run(noticeId, now).lastInsertRowid) });
    }
    const subject = db.prepare("INSERT INTO subjects (uid, jurisdiction, locale, created_at) VALUES (?, ?, ?, ?)");
    for (let i = 0; i < subjects; i++)
      targets.subjectIds.push(Number(subject.run(randomUUID(), JURISDICTIONS[i % 4], LOCALES[i % 3], now).lastInsertRowid));
  })();
  return targets;
}

const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)];

// Rows are built before the clock starts: the limit is what SQLite can store, not how fast we make up data.
function buildRows(options: RawInsertOptions, targets: RowTargets): Row[] {
  const now = Date.now();
  const rows: Row[] = new Array(options.rows);
  for (let i = 0; i < options.rows; i++) {
    const purpose = pick(targets.purposes);
    rows[i] = [
      pick(targets.subjectIds),
      purpose.id,
      purpose.noticeVersionId,
      pick(EVENTS),
      pick(CHANNELS),
      pick(JURISDICTIONS),
      pick(SOURCES),
      pick(LOCALES),
      Math.random() < 0.1 ? 1 : 0,
      null,
      options.idempotencyKeys ? randomUUID() : null,
      now - Math.floor(Math.random() * DAY_MS),
      now,
    ];
  }
  return rows;
}

/** Inserts `rows` in batches, one transaction each, with the server's checkpointer running; returns events per second. */
async function timeInserts(db: Database.Database, file: string, options: RawInsertOptions, targets: RowTargets): Promise<number> {
  const rows = buildRows(options, targets);
  const insert = db.prepare(
    `INSERT INTO consent_events (subject_id, purpose_id, notice_version_id, event, channel, jurisdiction, source,
       locale, gpc, guardian_name, idempotency_key, occurred_at, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let stored = 0;
  const insertBatch = db.transaction((start: number) => {
    const end = Math.min(start + options.batchSize, rows.length);
    for (let i = start; i < end; i++) stored += insert.run(rows[i]).changes;
  });
  const checkpointer = startCheckpointer(file, { optimizeEveryMs: null });
  try {
    const started = process.hrtime.bigint();
    for (let start = 0; start < rows.length; start += options.batchSize) insertBatch(start);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (stored !== rows.length) throw new Error(`raw insert stored ${stored} of ${rows.length} rows`);
    return rows.length / seconds;
  } finally {
    await checkpointer.terminate();
  }
}

/** One run on a fresh, migrated database. */
async function runOnce(dir: string, run: number, options: RawInsertOptions): Promise<number> {
  const file = path.join(dir, `raw-insert-${run}.db`);
  migrateDatabase(file);
  const db = openRaw(file);
  try {
    return await timeInserts(db, file, options, insertParents(db, options.subjects));
  } finally {
    db.close();
  }
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** A scratch folder beside the real store, not in the OS temp dir, which is often tmpfs and would flatter the limit. */
function scratchDir(): string {
  const parent = path.dirname(databasePath());
  fs.mkdirSync(parent, { recursive: true });
  return fs.mkdtempSync(path.join(parent, ".bench-raw-insert-"));
}

/** Batched consent_events inserts straight through better-sqlite3 into fresh databases: the median of several runs. */
export async function measureRawInsert(overrides: Partial<RawInsertOptions> = {}): Promise<RawInsertResult> {
  const options = { ...defaultRawInsertOptions, ...overrides };
  const dir = scratchDir();
  try {
    const runEventsPerSecond: number[] = [];
    for (let run = 0; run < options.runs; run++) runEventsPerSecond.push(await runOnce(dir, run, options));
    return { eventsPerSecond: median(runEventsPerSecond), runEventsPerSecond, options };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The same inserts into a copy of the store being measured (DATABASE_PATH), over a pool of its own
 * subjects: at 10M events every insert lands on index pages no other row in its batch shares, which
 * a fresh database never shows. The copy is taken after a full checkpoint and deleted afterwards.
 */
export async function measureRawInsertIntoStore(
  overrides: Partial<RawInsertOptions> = {},
): Promise<RawInsertResult & { storeEvents: number }> {
  const options = { ...defaultRawInsertOptions, ...overrides };
  const source = databasePath();
  const live = openRaw(source);
  live.pragma("wal_checkpoint(TRUNCATE)");
  live.close();
  const dir = scratchDir();
  const file = path.join(dir, "store-copy.db");
  try {
    fs.copyFileSync(source, file);
    const db = openRaw(file);
    try {
      const storeEvents = (db.prepare("select coalesce(max(id), 0) as n from consent_events").get() as { n: number }).n;
      const subjectIds = (db.prepare("SELECT id FROM subjects ORDER BY random() LIMIT ?").all(options.subjects) as { id: number }[]).map(
        (r) => r.id,
      );
      const purposes = db
        .prepare(
          `SELECT n.purpose_id AS id, max(v.id) AS noticeVersionId FROM notice_versions v JOIN notices n ON n.id = v.notice_id
           WHERE v.status = 'published' GROUP BY n.purpose_id`,
        )
        .all() as RowTargets["purposes"];
      if (subjectIds.length === 0 || purposes.length === 0)
        throw new Error(`${source} has no subjects or no published notice to write events for`);
      const runEventsPerSecond: number[] = [];
      for (let run = 0; run < options.runs; run++) runEventsPerSecond.push(await timeInserts(db, file, options, { subjectIds, purposes }));
      return { eventsPerSecond: median(runEventsPerSecond), runEventsPerSecond, options, storeEvents };
    } finally {
      db.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
