import fs from "node:fs";
import path from "node:path";
import { isMainThread, workerData } from "node:worker_threads";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { databaseFile } from "@/lib/config/database-file";
import { writerSettings, type WriterSettings } from "@/lib/config/writer";
import { bundleFile, writerBundleFile } from "./writer/bundle-path";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/**
 * Where the SQLite store lives: DATABASE_PATH, or ./data/candor.db. db/ keeps this one reader of its
 * own because scripts (migrate, seed, backup, bench) and store tests open the store without the
 * server, and db/ must not import lib/server; it resolves the path by the same rule as the server's
 * configuration (lib/config/database-file.ts), which also rejects a bad value at start.
 */
export function databasePath(): string {
  // The writer and reader threads open the store their server names (db/writer/thread.ts passes it), whatever their environment says.
  const writerFile = isMainThread ? undefined : (workerData as { file?: unknown } | null)?.file;
  if (typeof writerFile === "string") return writerFile;
  return databaseFile(process.env.DATABASE_PATH, process.cwd());
}

/** Where the server's writes run, and how they are grouped (CANDOR_WRITER*, lib/config/writer.ts), read by the same rule. */
export function serverWriterSettings(): WriterSettings {
  // The thread is the server's default: Next.js's own NEXT_RUNTIME says this is the server, not a script or a test.
  return writerSettings(process.env, process.env.NEXT_RUNTIME === "nodejs");
}

/** The writer thread's bundle for this server's build folder (NEXT_DIST_DIR, as next.config.js reads it). */
export function serverWriterBundle(): string {
  return writerBundleFile(process.cwd(), process.env.NEXT_DIST_DIR);
}

/** The reader thread's bundle for this server's build folder (db/reader, built with the writer's). */
export function serverReaderBundle(): string {
  return bundleFile("reader", process.cwd(), process.env.NEXT_DIST_DIR);
}

/** The consent endpoints' thread's bundle for this server's build folder (scripts/build-server.ts, lib/server/lane-thread.ts). */
export function serverLaneBundle(): string {
  return bundleFile("lane", process.cwd(), process.env.NEXT_DIST_DIR);
}

/** The pragmas every connection needs. */
export const connectionPragmas = [
  "journal_mode = WAL",
  "foreign_keys = ON",
  "busy_timeout = 5000",
  "synchronous = NORMAL",
  // Erasure must be unrecoverable (PIPA Art. 36(3)): deleted content is overwritten, not left in free pages.
  "secure_delete = ON",
] as const;

/**
 * The serving process's own, on top: checkpoints run in a background thread (db/ops/checkpointer.ts),
 * so the autocheckpoint is only the ceiling if it stalls (~80 MB of WAL); a 64 MB page cache and
 * a 1 GB memory map for the ledger's indexes.
 */
export const serverPragmas = ["wal_autocheckpoint = 20000", "cache_size = -65536", "mmap_size = 1073741824"] as const;

/**
 * The writer thread's own, on top of those (db/writer/worker.ts). Each job of a group runs in a savepoint, so one
 * caller's failure never undoes another's, and SQLite keeps the original of every page a savepoint changes in a
 * statement journal: a temporary file by default, written page by page, in memory here. It holds one group's pages at
 * most (up to maxJobs jobs; a batch is up to 1,000 events). Batch ingest on the 10M bench store: 5,788 → 6,333 events/s
 * (median of three runs each, alternated).
 */
export const writerPragmas = ["temp_store = MEMORY"] as const;

/**
 * A read-only connection to the store (issue 22, deliverable 3): in WAL mode its reads never wait for the writer, each
 * statement outside a transaction reads the newest committed snapshot, and a write through it is refused.
 */
export function openReadOnlyDatabase(file = databasePath()): Db {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  for (const pragma of ["busy_timeout = 5000", ...serverPragmas.filter((p) => !p.startsWith("wal_"))]) sqlite.pragma(pragma);
  return drizzle(sqlite, { schema }) as Db;
}

/** Opens the store with the pragmas every connection needs. */
export function openDatabase(file = databasePath()): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  for (const pragma of connectionPragmas) sqlite.pragma(pragma);
  return drizzle(sqlite, { schema }) as Db;
}
