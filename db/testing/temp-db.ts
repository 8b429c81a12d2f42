import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrateDatabase } from "../migrate";

/** A freshly migrated database file in a temp folder, for tests. */
export function createTempDatabase(name = "candor-test"): { file: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${name}-`));
  const file = path.join(dir, "candor.db");
  migrateDatabase(file);
  // Retried: a server connection's background checkpointer (db/ops/checkpointer.ts) may touch the store's files as it goes.
  return { file, cleanup: () => fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 }) };
}
