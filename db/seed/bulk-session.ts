import fs from "node:fs";
import { openDatabase, type Db } from "../connection";
import { migrateDatabase } from "../migrate";

/** Deletes a store file together with its WAL and shared-memory companions. */
export function deleteDatabaseFiles(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(f, { force: true });
}

/** Replaces whatever is at `file` with an empty, fully migrated store. */
export function recreateDatabase(file: string): void {
  deleteDatabaseFiles(file);
  migrateDatabase(file);
}

/**
 * Opens a connection tuned for one writer filling a fresh store: no fsync, an
 * in-memory rollback journal instead of the WAL (which would write every page
 * twice) and a larger page cache. Only safe because a failed load is thrown
 * away and re-run; closeBulkConnection puts the normal settings back.
 */
export function openBulkConnection(file: string): Db {
  const db = openDatabase(file);
  const sqlite = db.$client;
  sqlite.pragma("journal_mode = MEMORY");
  sqlite.pragma("synchronous = OFF");
  sqlite.pragma("cache_size = -131072");
  sqlite.pragma("temp_store = MEMORY");
  return db;
}

/** Restores the pragmas every connection expects, refreshes planner statistics, and closes. */
export function closeBulkConnection(db: Db): void {
  const sqlite = db.$client;
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("journal_mode = WAL");
  // A sampled ANALYZE: enough for the planner to pick the right index on the ledger, in well under a second.
  sqlite.pragma("analysis_limit = 1000");
  sqlite.exec("ANALYZE");
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.close();
}

/**
 * Runs `load` with the table's secondary indexes dropped, then builds them again
 * from their own definitions: one sort beats a million random B-tree inserts.
 * Unique indexes are rebuilt too, so a duplicate still fails the load.
 */
export function withoutIndexes<T>(db: Db, table: string, load: () => T): T {
  const indexes = db.$client
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL")
    .all(table) as { name: string; sql: string }[];
  for (const i of indexes) db.$client.exec(`DROP INDEX "${i.name}"`);
  const result = load();
  for (const i of indexes) db.$client.exec(i.sql);
  return result;
}
