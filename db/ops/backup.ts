import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { identifierHash } from "@/lib/subjects/identifiers";
import { openDatabase } from "../connection";
import { migrateDatabase } from "../migrate";
import { eraseSubject } from "../subjects/erasure";
import { checkStore, isSound, type StoreCheck } from "./store-check";

/** `data/backups/candor-20260501-031500.db` beside the store, stamped in UTC. */
export function defaultBackupFile(storeFile: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  return path.join(path.dirname(storeFile), "backups", `candor-${stamp}.db`);
}

export type BackupResult = { file: string; bytes: number; ms: number; check: StoreCheck };

/**
 * Copies a live store with SQLite's online backup API, then checks the copy. The first
 * step sizes the copy; the progress callback then asks for every remaining page in one
 * step, which reads one consistent snapshot: in WAL mode that never blocks the server's
 * writers, and their commits cannot make the copy start over. The copy is written beside
 * its final name and renamed only once it is complete, in rollback-journal mode so that it
 * is one self-contained file.
 */
export async function backupStore(storeFile: string, outFile: string): Promise<BackupResult> {
  const started = Date.now();
  if (!fs.existsSync(storeFile)) throw new Error(`no store at ${storeFile}`);
  if (fs.existsSync(outFile)) throw new Error(`${outFile} already exists; choose another --out`);
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  const partial = `${outFile}.partial`;
  fs.rmSync(partial, { force: true });
  const source = new Database(storeFile, { fileMustExist: true });
  try {
    source.pragma("busy_timeout = 5000");
    await source.backup(partial, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  try {
    const copy = new Database(partial);
    copy.pragma("journal_mode = DELETE");
    copy.close();
    fs.renameSync(partial, outFile);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
  const check = checkStore(outFile);
  return { file: outFile, bytes: fs.statSync(outFile).size, ms: Date.now() - started, check };
}

/**
 * Whether another connection has the store open. In WAL mode every open connection holds a
 * shared lock on the file, so an exclusive lock is refused at once while the server runs
 * (it opens the store when it starts, for its background jobs).
 */
export function storeInUse(storeFile: string): boolean {
  if (!fs.existsSync(storeFile)) return false;
  const probe = new Database(storeFile, { fileMustExist: true });
  try {
    probe.pragma("busy_timeout = 0");
    probe.pragma("locking_mode = EXCLUSIVE");
    probe.exec("BEGIN EXCLUSIVE");
    probe.exec("COMMIT");
    return false;
  } catch (error) {
    if ((error as { code?: string }).code === "SQLITE_BUSY") return true;
    throw error;
  } finally {
    probe.close();
  }
}

export class RestoreRefused extends Error {}

export type RestoreResult = { target: string; check: StoreCheck; migrated: boolean; erasuresReapplied: number | null };

type Tombstone = { hash: string; ref: string | null };
/** What the store being replaced knew that the backup may not: its later erasures, and the last event sequence it gave recipients. */
type Replaced = { tombstones: Tombstone[]; lastSequence: number };

/**
 * Tombstones in the store being replaced that the backup lacks (erasures made after it was
 * taken), and its last propagation event id. Null when that store cannot be read (often the
 * reason for restoring).
 */
function replacedStore(storeFile: string, backupFile: string): Replaced | null {
  if (!fs.existsSync(storeFile)) return { tombstones: [], lastSequence: 0 };
  let current: Database.Database | undefined;
  try {
    // Not read-only: a read-only connection cannot open a WAL store whose -shm is missing.
    current = new Database(storeFile, { fileMustExist: true });
    const all = current.prepare("SELECT identifier_hash AS hash, request_ref AS ref FROM suppression_tombstones").all() as Tombstone[];
    const lastSequence =
      (current.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'propagation_events'").pluck().get() as number | undefined) ?? 0;
    const backup = new Database(backupFile, { readonly: true, fileMustExist: true });
    const known = new Set(
      (backup.prepare("SELECT identifier_hash AS hash FROM suppression_tombstones").all() as Tombstone[]).map((t) => t.hash),
    );
    backup.close();
    return { tombstones: all.filter((t) => !known.has(t.hash)), lastSequence };
  } catch {
    return null;
  } finally {
    current?.close();
  }
}

/**
 * Erases again, in the restored store, everyone erased after the backup was taken: a restore
 * must not bring back a person whose data the brand deleted on request (PIPA Art. 36(3)).
 * The restore threw away what the replaced store had queued for recipients, so each erasure
 * tells the recipients holding the data again (subject.erased, naming the request when the
 * backup has it). Sequences first continue above the last one the replaced store gave: a
 * recipient that already applied that store's erasure drops this one as not newer, one it
 * never reached applies it, and nothing later the restored store sends looks stale.
 */
function reapplyErasures(storeFile: string, replaced: Replaced | null): number | null {
  if (!replaced) return null;
  const { tombstones, lastSequence } = replaced;
  if (tombstones.length === 0) return 0;
  const byHash = new Map(tombstones.map((t) => [t.hash, t.ref]));
  const db = openDatabase(storeFile);
  try {
    const sequence = db.$client.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'propagation_events'").pluck().get() as
      number | undefined;
    if (sequence === undefined)
      db.$client.prepare("INSERT INTO sqlite_sequence (name, seq) VALUES ('propagation_events', ?)").run(lastSequence);
    else if (sequence < lastSequence)
      db.$client.prepare("UPDATE sqlite_sequence SET seq = ? WHERE name = 'propagation_events'").run(lastSequence);
    const requestByRef = db.$client.prepare("SELECT id FROM subject_requests WHERE ref = ?").pluck();
    const subjects = db.$client.prepare("SELECT id, email, external_id AS externalId FROM subjects").all() as {
      id: number;
      email: string | null;
      externalId: string | null;
    }[];
    let erased = 0;
    for (const s of subjects) {
      const hashes = [s.email && identifierHash("email", s.email), s.externalId && identifierHash("external_id", s.externalId)];
      const hit = hashes.find((h) => h && byHash.has(h));
      if (!hit) continue;
      const ref = byHash.get(hit) ?? null;
      const requestId = ref === null ? null : ((requestByRef.get(ref) as number | undefined) ?? null);
      eraseSubject(db, s.id, ref, { requestId });
      erased++;
    }
    const keep = db.$client.prepare(
      "INSERT INTO suppression_tombstones (identifier_hash, request_ref, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
    );
    for (const t of tombstones) keep.run(t.hash, t.ref, Date.now());
    return erased;
  } finally {
    db.$client.close();
  }
}

function fsyncPath(file: string): void {
  const fd = fs.openSync(file, "r");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Replaces the store with a backup. Refuses a backup that fails its check or carries
 * migrations this code does not know, and refuses while the store is open elsewhere unless
 * `force`. The backup is copied beside the store, synced, and renamed over it; the old
 * store's -wal and -shm go first, since a stale WAL would be replayed onto the new file.
 * A backup behind on migrations is migrated after the swap; erasures made since the backup
 * are made again, and their recipients told again.
 */
export function restoreStore(backupFile: string, storeFile: string, options: { force?: boolean } = {}): RestoreResult {
  if (!fs.existsSync(backupFile)) throw new RestoreRefused(`no backup at ${backupFile}`);
  const check = checkStore(backupFile);
  if (!isSound(check)) {
    const why = !check.integrity
      ? `integrity check failed: ${check.integrityErrors[0]}`
      : check.audit.broken
        ? `its audit chain breaks at entry #${check.audit.broken.id}`
        : !check.totalsMatch
          ? "its consent totals disagree with consent_state"
          : `it has ${check.migrations.unknown} migration(s) this version of Candor does not ship`;
    throw new RestoreRefused(`the backup is not sound: ${why}`);
  }
  if (!options.force && storeInUse(storeFile))
    throw new RestoreRefused(`${storeFile} is open in another process (is the server running?); stop it first, or pass --force`);
  fs.mkdirSync(path.dirname(storeFile), { recursive: true });
  const replaced = replacedStore(storeFile, backupFile);
  const temp = `${storeFile}.restoring`;
  fs.copyFileSync(backupFile, temp);
  fsyncPath(temp);
  for (const side of ["-wal", "-shm", "-journal"]) fs.rmSync(`${storeFile}${side}`, { force: true });
  fs.renameSync(temp, storeFile);
  fsyncPath(path.dirname(storeFile));
  const migrated = !check.migrations.current;
  if (migrated) migrateDatabase(storeFile);
  return { target: storeFile, check, migrated, erasuresReapplied: reapplyErasures(storeFile, replaced) };
}
