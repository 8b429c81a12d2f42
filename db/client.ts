import "server-only";
import { isMainThread } from "node:worker_threads";
import { startCheckpointer } from "./ops/checkpointer";
import { databasePath, openDatabase, openReadOnlyDatabase, serverPragmas, serverWriterSettings, type Db } from "./connection";

const globalForDb = globalThis as unknown as { candorDb?: Db; candorReadDb?: Db };

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

/**
 * The connection pages read through where a write elsewhere must never hold them up (issue 22, deliverable 3): the
 * dashboards' aggregates and the preference center's choices. With the writer thread on (CANDOR_WRITER=thread), a
 * read-only connection of its own in WAL mode: it never waits for the writer, and since a caller is answered only once
 * its write committed, its next request reads it. Otherwise the server's one connection, as before.
 */
export const readDb: Db =
  globalForDb.candorReadDb ?? (isMainThread && serverWriterSettings().mode === "thread" ? openReadOnlyDatabase(databasePath()) : db);
globalForDb.candorReadDb = readDb;
