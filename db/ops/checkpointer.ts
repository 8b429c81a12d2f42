import { Worker } from "node:worker_threads";

// Runs in its own thread with its own connection: PASSIVE checkpoints never
// block writers or readers, and their disk writes and fsyncs happen off the
// thread that answers requests.
const source = `
const { workerData } = require("node:worker_threads");
const Database = require("better-sqlite3");
let db;
// The store must be there already: a thread that starts after its store was removed (a test's cleanup) would
// otherwise create an empty one where it stood.
try { db = new Database(workerData.file, { fileMustExist: true }); } catch { process.exit(0); }
db.pragma("busy_timeout = 1000");
setInterval(() => {
  try { db.pragma("wal_checkpoint(PASSIVE)"); } catch { /* busy: try again next tick */ }
}, workerData.intervalMs);
// The planner's statistics, kept current as SQLite advises for long-lived connections: at start every table whose size
// moved a lot since it was last analysed is analysed again, then every few hours. Each ANALYZE reads a bounded sample
// and holds the write lock meanwhile (writers wait, as for a command-line job). The server's other
// connections keep the statistics they loaded until the schema changes: when anything was analysed, ANALYZE
// sqlite_schema makes them load the new ones.
const optimize = (mask) => {
  try {
    if (db.pragma("optimize = " + (mask | 1)).length === 0) return; // the 1 bit lists what it would do, doing nothing
    db.pragma("optimize = " + mask);
    db.exec("ANALYZE sqlite_schema");
  } catch { /* busy: next time */ }
};
if (workerData.optimizeEveryMs) {
  // Every table is looked at each time (0x10000: this connection runs no query of its own for the default to go by),
  // and each ANALYZE samples under SQLite's own limit (0x10): ~0.2 s for 17.8M events, ~1.6 s without it.
  optimize(0x10012);
  setInterval(() => optimize(0x10012), workerData.optimizeEveryMs);
}
`;

/** How often the planner's statistics are looked at again (the first time is at start). */
export const OPTIMIZE_EVERY_MS = 6 * 60 * 60 * 1000;

/**
 * Moves WAL checkpointing out of the write path, and keeps the planner's statistics current: stale ones once made the
 * privacy-ops dashboard take 650 ms on a grown store (its deliveries counted 427 rows in the seed's statistics, 4M
 * later). Writers keep a large autocheckpoint as a safety net in case this thread ever stops. `optimizeEveryMs: null`
 * leaves the statistics alone (the bench's limit probes, which measure SQLite's own inserts and nothing else).
 */
export function startCheckpointer(
  file: string,
  { intervalMs = 1000, optimizeEveryMs = OPTIMIZE_EVERY_MS }: { intervalMs?: number; optimizeEveryMs?: number | null } = {},
): Worker {
  const worker = new Worker(source, { eval: true, workerData: { file, intervalMs, optimizeEveryMs } });
  worker.on("error", (error) => console.error(`[checkpointer] ${error.message}`));
  worker.unref();
  return worker;
}
