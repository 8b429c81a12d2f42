import "server-only";
import { startCheckpointer } from "./checkpointer";
import { databasePath, openDatabase, type Db } from "./connection";

const globalForDb = globalThis as unknown as { candorDb?: Db };

function openServerDatabase(): Db {
  const file = databasePath();
  const db = openDatabase(file);
  // Checkpoints run in a background thread; this is only the ceiling if it stalls (~80 MB of WAL).
  db.$client.pragma("wal_autocheckpoint = 20000");
  db.$client.pragma("cache_size = -65536");
  db.$client.pragma("mmap_size = 1073741824");
  startCheckpointer(file);
  return db;
}

/** The one connection of this server process (kept across hot reloads in development). */
export const db: Db = globalForDb.candorDb ?? openServerDatabase();
globalForDb.candorDb = db;
