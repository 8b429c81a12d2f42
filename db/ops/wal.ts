import type Database from "better-sqlite3";

type CheckpointRow = { busy: number; log: number; checkpointed: number };

/**
 * Copies every WAL frame into the database file and empties the WAL, so the old images of
 * pages just rewritten (an erased person's rows, a scrubbed address) no longer exist on disk.
 * A reader still inside an older snapshot can keep it from finishing, despite the busy
 * timeout; then the old frames stay in the WAL until it is emptied, so callers try again.
 * Returns whether the WAL is now empty.
 */
export function truncateWal(sqlite: Database.Database): boolean {
  const [row] = sqlite.pragma("wal_checkpoint(TRUNCATE)") as CheckpointRow[];
  return row !== undefined && row.busy === 0;
}

/** truncateWal, tried up to `attempts` times (each waits up to the connection's busy timeout). */
export function truncateWalNow(sqlite: Database.Database, attempts = 3): boolean {
  for (let i = 0; i < attempts; i++) if (truncateWal(sqlite)) return true;
  return false;
}

/** truncateWal, tried again every `everyMs` for as long as `attempts` allow, without holding the thread in between. */
export async function truncateWalSoon(sqlite: Database.Database, attempts = 20, everyMs = 250): Promise<boolean> {
  for (let i = 0; i < attempts; i++) {
    if (truncateWal(sqlite)) return true;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return false;
}
