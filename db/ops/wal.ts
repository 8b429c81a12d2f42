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

export type WalEmptying = { emptied: boolean; attempts: number; waitedMs: number };

/** Sleeps the thread without spinning (a writer thread or a short erasure may block; nothing else is owed meanwhile). */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * truncateWalOrNote for an erasure (issue 22): the checkpoint's result is checked and the truncation tried again,
 * each try waiting up to `tryMs` for readers on older snapshots, until the WAL is empty or `limitMs` passed. Only
 * an empty WAL no longer holds the erased pages' old images (nor the file the pages they replace). Past the limit
 * the WAL is noted as pending, as truncateWalOrNote does, so the dispatcher keeps trying. Says how long it waited.
 */
export function truncateWalWithin(sqlite: Database.Database, limitMs: number, tryMs = 250): WalEmptying {
  const started = Date.now();
  sqlite.prepare("DELETE FROM maintenance_pending WHERE task = 'wal-truncate' AND noted_at <= ?").run(started);
  const timeout = sqlite.pragma("busy_timeout", { simple: true }) as number;
  sqlite.pragma(`busy_timeout = ${Math.max(1, Math.min(tryMs, limitMs))}`);
  let attempts = 0;
  try {
    for (;;) {
      attempts++;
      if (truncateWal(sqlite)) return { emptied: true, attempts, waitedMs: Date.now() - started };
      const left = limitMs - (Date.now() - started);
      if (left <= 0) break;
      pause(Math.min(25, left));
    }
  } finally {
    sqlite.pragma(`busy_timeout = ${timeout}`);
  }
  sqlite
    .prepare(
      "INSERT INTO maintenance_pending (task, noted_at) VALUES ('wal-truncate', ?) ON CONFLICT(task) DO UPDATE SET noted_at = excluded.noted_at",
    )
    .run(Date.now());
  return { emptied: false, attempts, waitedMs: Date.now() - started };
}

/** Tries once to empty a WAL some process could not: null when none is pending, else whether it is empty now. */
export function truncatePendingWal(sqlite: Database.Database): boolean | null {
  const pending = sqlite.prepare("SELECT 1 FROM maintenance_pending WHERE task = 'wal-truncate'").get();
  return pending ? truncateWalOrNote(sqlite, 1) : null;
}
