import { Worker } from "node:worker_threads";

/**
 * A reader in a thread of its own (as a page's read connection or `npm run deliveries` would be) that opens a WAL
 * snapshot and keeps it `holdMs`: resolves once it holds it, with a promise of its letting go.
 */
export function holdSnapshot(file: string, holdMs: number): Promise<{ released: Promise<void> }> {
  const worker = new Worker(
    `const { parentPort, workerData } = require("node:worker_threads");
     const Database = require("better-sqlite3");
     const db = new Database(workerData.file, { readonly: true });
     db.exec("BEGIN");
     db.prepare("SELECT count(*) FROM subjects").get();
     parentPort.postMessage("holding");
     setTimeout(() => { db.exec("COMMIT"); db.close(); parentPort.postMessage("released"); }, workerData.holdMs);`,
    { eval: true, workerData: { file, holdMs } },
  );
  const released = new Promise<void>((resolve) => worker.on("message", (m) => m === "released" && resolve()));
  return new Promise((resolve, reject) => {
    worker.on("error", reject);
    worker.on("message", (m) => m === "holding" && resolve({ released }));
  });
}
