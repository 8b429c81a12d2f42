import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** Where the SQLite store lives: DATABASE_PATH, or ./data/candor.db. */
export function databasePath(): string {
  // The path comes from the environment at run time, so the bundler must not trace it.
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATABASE_PATH ?? path.join(process.cwd(), "data", "candor.db"));
}

/** Opens the store with the pragmas every connection needs. */
export function openDatabase(file = databasePath()): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  // Erasure must be unrecoverable (PIPA Art. 36(3)): deleted content is overwritten, not left in free pages.
  sqlite.pragma("secure_delete = ON");
  return drizzle(sqlite, { schema }) as Db;
}
