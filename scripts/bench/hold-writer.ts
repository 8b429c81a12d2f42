// The busy writer's other connection, run by ./busy-writer.ts in a child process so its writes never
// stall the bench's own load generator: BEGIN IMMEDIATE on the server's store, then a paced stream of
// ledger inserts inside that one transaction until told to stop, then ROLLBACK, so the store is unchanged.
// Usage (forked, with an IPC channel): hold-writer.ts <store> <max seconds>. Sends { holding: true } once it holds the
// write lock; on "stop" (or when the bench goes away) rolls back and sends { rows, heldMs }.
import { openDatabase } from "@/db/connection";

const [file, maxSeconds] = process.argv.slice(2);
if (!file || !(Number(maxSeconds) > 0) || !process.send)
  throw new Error("usage: fork hold-writer.ts <store> <max seconds> (with an IPC channel)");

/** Rows per tick and the pause between ticks: the lock is held all along, while the CPU stays mostly free for the server. */
const ROWS_PER_TICK = 100;
const TICK_MS = 5;

const sqlite = openDatabase(file).$client;
const pick = <T>(list: T[]): T => list[Math.floor(Math.random() * list.length)];
const subjectIds = sqlite.prepare("SELECT id FROM subjects ORDER BY random() LIMIT 1000").pluck().all() as number[];
const versions = sqlite
  .prepare(
    `SELECT n.purpose_id AS purposeId, max(v.id) AS versionId FROM notice_versions v JOIN notices n ON n.id = v.notice_id
     WHERE v.status = 'published' GROUP BY n.purpose_id`,
  )
  .all() as { purposeId: number; versionId: number }[];
if (subjectIds.length === 0 || versions.length === 0) throw new Error(`${file} has no subjects or no published notice`);
const insert = sqlite.prepare(
  `INSERT INTO consent_events (subject_id, purpose_id, notice_version_id, event, jurisdiction, source, locale, occurred_at, recorded_at)
   VALUES (?, ?, ?, 'granted', 'EU', 'import', 'en', ?, ?)`,
);

sqlite.exec("BEGIN IMMEDIATE");
const started = performance.now();
let rows = 0;
let stopped = false;
process.send({ holding: true });

function tick() {
  if (stopped) return;
  const now = Date.now();
  for (let i = 0; i < ROWS_PER_TICK; i++) {
    const version = pick(versions);
    rows += insert.run(pick(subjectIds), version.purposeId, version.versionId, now, now).changes;
  }
  setTimeout(tick, TICK_MS);
}

function stop() {
  if (stopped) return;
  stopped = true;
  sqlite.exec("ROLLBACK");
  const heldMs = performance.now() - started;
  sqlite.close();
  if (process.connected) process.send!({ rows, heldMs }, () => process.exit(0));
  else process.exit(0);
}

process.on("message", (message) => message === "stop" && stop());
process.on("disconnect", stop);
// Never holds the store longer than asked, whatever happens to the bench.
setTimeout(stop, Number(maxSeconds) * 1000).unref();
tick();
