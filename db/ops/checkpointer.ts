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
`;

/**
 * Moves WAL checkpointing out of the write path. Writers keep a large
 * autocheckpoint as a safety net in case this thread ever stops.
 */
export function startCheckpointer(file: string, intervalMs = 1000): Worker {
  const worker = new Worker(source, { eval: true, workerData: { file, intervalMs } });
  worker.on("error", (error) => console.error(`[checkpointer] ${error.message}`));
  worker.unref();
  return worker;
}
