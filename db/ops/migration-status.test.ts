import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { expectedMigrations, migrationStatus } from "./migration-status";
import { createTempDatabase } from "../testing/temp-db";

const temp = createTempDatabase("migrations");
const sqlite = new Database(temp.file);
afterAll(() => {
  sqlite.close();
  temp.cleanup();
});

describe("migrationStatus", () => {
  it("is current when every shipped migration is applied", () => {
    expect(expectedMigrations.length).toBeGreaterThanOrEqual(7);
    expect(migrationStatus(sqlite)).toEqual({
      applied: expectedMigrations.length,
      expected: expectedMigrations.length,
      current: true,
      unknown: 0,
    });
  });

  it("is behind when a shipped migration is missing", () => {
    const last = expectedMigrations.at(-1)!;
    sqlite.prepare("UPDATE __drizzle_migrations SET created_at = -1 WHERE created_at = ?").run(last);
    expect(migrationStatus(sqlite)).toMatchObject({ current: false, unknown: 1 });
    sqlite.prepare("DELETE FROM __drizzle_migrations WHERE created_at = -1").run();
    expect(migrationStatus(sqlite)).toEqual({
      applied: expectedMigrations.length - 1,
      expected: expectedMigrations.length,
      current: false,
      unknown: 0,
    });
    sqlite.prepare("INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('restored', ?)").run(last);
  });

  it("is not current when the store has a migration this code does not ship", () => {
    sqlite.prepare("INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('future', ?)").run(expectedMigrations.at(-1)! + 1);
    expect(migrationStatus(sqlite)).toMatchObject({ applied: expectedMigrations.length + 1, current: false, unknown: 1 });
  });

  it("reads a store that was never migrated as nothing applied", () => {
    const empty = new Database(":memory:");
    expect(migrationStatus(empty)).toEqual({ applied: 0, expected: expectedMigrations.length, current: false, unknown: 0 });
    empty.close();
  });
});
