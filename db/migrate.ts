import path from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { openDatabase, databasePath } from "./connection";

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

/** Applies every committed migration that the store has not seen yet. */
export function migrateDatabase(file = databasePath()): void {
  const db = openDatabase(file);
  try {
    migrate(db, { migrationsFolder });
  } finally {
    db.$client.close();
  }
}
