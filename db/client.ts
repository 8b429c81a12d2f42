import "server-only";
import { startCheckpointer } from "./ops/checkpointer";
import { databasePath, openDatabase, serverPragmas, type Db } from "./connection";

const globalForDb = globalThis as unknown as { candorDb?: Db };

function openServerDatabase(): Db {
  const file = databasePath();
  const db = openDatabase(file);
  for (const pragma of serverPragmas) db.$client.pragma(pragma);
  startCheckpointer(file);
  return db;
}

/** The one connection of this server process (kept across hot reloads in development). */
export const db: Db = globalForDb.candorDb ?? openServerDatabase();
globalForDb.candorDb = db;
