import "server-only";
import { db } from "../client";
import { migrationStatus, type MigrationStatus } from "./migration-status";

/** Reads the store once (the migration table) and compares its migrations with the code's. */
export function storeHealth(): { migrations: MigrationStatus } {
  return { migrations: migrationStatus(db.$client) };
}
