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

/**
 * truncateWalNow for work that removed personal data (an erasure, a scrub, retention): when a reader keeps the WAL
 * from being emptied, it is noted in the store (maintenance_pending), so whichever process runs next
 * (truncatePendingWal: the dispatcher, in the server or in `npm run deliveries`) tries again until it is emptied.
 */
export function truncateWalOrNote(sqlite: Database.Database, attempts = 3): boolean {
  // Cleared before the truncation, so the WAL it empties holds this write too; put back below if it fails. A failure
  // another process noted after this attempt began still stands.
  sqlite.prepare("DELETE FROM maintenance_pending WHERE task = 'wal-truncate' AND noted_at <= ?").run(Date.now());
  if (truncateWalNow(sqlite, attempts)) return true;
  sqlite
    .prepare(
      "INSERT INTO maintenance_pending (task, noted_at) VALUES ('wal-truncate', ?) ON CONFLICT(task) DO UPDATE SET noted_at = excluded.noted_at",
    )
    .run(Date.now());
  return false;
}

/** Tries once to empty a WAL some process could not: null when none is pending, else whether it is empty now. */
export function truncatePendingWal(sqlite: Database.Database): boolean | null {
  const pending = sqlite.prepare("SELECT 1 FROM maintenance_pending WHERE task = 'wal-truncate'").get();
  return pending ? truncateWalOrNote(sqlite, 1) : null;
}
