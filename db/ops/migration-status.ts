import type Database from "better-sqlite3";
import journal from "../migrations/meta/_journal.json";

export type MigrationStatus = {
  /** Migrations recorded in the store's __drizzle_migrations table. */
  applied: number;
  /** Migrations this build of the code ships (db/migrations/meta/_journal.json). */
  expected: number;
  /** Every shipped migration is applied and the store knows of none the code does not. */
  current: boolean;
  /** Migrations in the store that this code does not ship (a newer build migrated it). */
  unknown: number;
};

/** The `when` stamp of each migration the code ships; drizzle records it as created_at. */
export const expectedMigrations: readonly number[] = journal.entries.map((e) => e.when);

/**
 * Compares the store's migration table with the journal compiled into the code. A store
 * that has never been migrated has no table: nothing applied, not current. A store that
 * is ahead (a newer build migrated it) is not current either: this code may misread it.
 */
export function migrationStatus(sqlite: Database.Database): MigrationStatus {
  const table = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
  const stamps = table
    ? (sqlite.prepare("SELECT created_at AS at FROM __drizzle_migrations").all() as { at: number | string }[]).map((r) => Number(r.at))
    : [];
  const applied = new Set(stamps);
  const expected = expectedMigrations.length;
  const shipped = new Set(expectedMigrations);
  const unknown = stamps.filter((when) => !shipped.has(when)).length;
  const current = unknown === 0 && expectedMigrations.every((when) => applied.has(when));
  return { applied: stamps.length, expected, current, unknown };
}
