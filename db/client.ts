import "server-only";
import { isMainThread } from "node:worker_threads";
import { startCheckpointer } from "./ops/checkpointer";
import { databasePath, openDatabase, serverPragmas, type Db } from "./connection";

const globalForDb = globalThis as unknown as { candorDb?: Db };

function openServerDatabase(): Db {
  const file = databasePath();
  const db = openDatabase(file);
  for (const pragma of serverPragmas) db.$client.pragma(pragma);
  // The writer thread (db/writer/worker.ts) opens its own connection through this module; one checkpointer per server.
  if (isMainThread) startCheckpointer(file);
  return db;
}

/** The one connection of this server process (kept across hot reloads in development). */
export const db: Db = globalForDb.candorDb ?? openServerDatabase();
globalForDb.candorDb = db;
