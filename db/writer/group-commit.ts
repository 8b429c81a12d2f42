import type Database from "better-sqlite3";
import { closeScope, enterJob } from "./group-scope";

/** A write operation as the writer runs it: synchronous, on the writer's connection, its own transactions nesting as savepoints. */
export type WriteOperation = (...args: never[]) => unknown;

/** One caller's request: the operation's name in the writer's table (db/writer/operations.ts) and its arguments. */
export type WriteJob = { id: number; name: string; args: unknown[] };

/** What went wrong, carried back across the thread: enough to rebuild the typed error the caller catches. */
export type WriteFailure = { name: string; message: string; props: Record<string, unknown>; stack?: string };

export type WriteOutcome = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: WriteFailure };

export type GroupStats = { groups: number; jobs: number; largest: number; fallbacks: number };

export function describeFailure(error: unknown): WriteFailure {
  if (!(error instanceof Error)) return { name: "Error", message: String(error), props: {} };
  const props: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) {
    try {
      structuredClone(value);
      props[key] = value;
    } catch {
      // A field the thread boundary cannot carry (a function, a connection) is left behind.
    }
  }
  return { name: error.name, message: error.message, props, stack: error.stack };
}

/** Runs one caller's job from a thread's table (`kind` names the table in a refusal): its result, or its failure described. */
export function runJob(job: WriteJob, operations: Record<string, WriteOperation>, kind: "write" | "read"): WriteOutcome {
  const operation = operations[job.name];
  if (!operation) return { id: job.id, ok: false, error: { name: "Error", message: `no ${kind} operation ${job.name}`, props: {} } };
  try {
    return { id: job.id, ok: true, value: operation(...(job.args as never[])) };
  } catch (error) {
    return { id: job.id, ok: false, error: describeFailure(error) };
  }
}

/**
 * Group commit (issue 22, deliverable 2): runs `jobs` in one transaction, each inside a savepoint of its own, so
 * one caller's failure rolls back only that caller's writes and every caller gets its own result. Operations keep
 * their own transactions: better-sqlite3 turns a transaction begun inside another into a savepoint, so a ledger
 * batch accepts in part exactly as it does alone. BEGIN IMMEDIATE takes the write lock first (a command-line job
 * holding it makes the busy timeout wait). When the group's COMMIT itself fails, nothing of it stayed: each job is
 * then run alone, in a transaction of its own, so no caller fails because of another.
 */
export function runGroup(
  sqlite: Database.Database,
  jobs: WriteJob[],
  operations: Record<string, WriteOperation>,
  stats?: GroupStats,
): WriteOutcome[] {
  const outcomes: WriteOutcome[] = [];
  const runOne = (job: WriteJob) => runJob(job, operations, "write");
  if (stats) {
    stats.groups++;
    stats.jobs += jobs.length;
    stats.largest = Math.max(stats.largest, jobs.length);
  }
  // A lone job takes the same path: what it wrote before failing is undone even outside its own transaction.
  begin(sqlite);
  try {
    for (const job of jobs) {
      // Consent records in a row share what they read of the purposes and the data map (./group-scope.ts).
      enterJob(job.name);
      sqlite.exec("SAVEPOINT candor_job");
      const outcome = runOne(job);
      // A failed job's writes are undone (its own transaction undid most already); the group goes on.
      if (!outcome.ok) sqlite.exec("ROLLBACK TO candor_job");
      sqlite.exec("RELEASE candor_job");
      outcomes.push(outcome);
    }
    closeScope();
    sqlite.exec("COMMIT");
    return outcomes;
  } catch {
    if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
    closeScope();
    if (stats) stats.fallbacks++;
    if (jobs.length === 1) return [runOne(jobs[0])];
    return jobs.map((job): WriteOutcome => runGroup(sqlite, [job], operations)[0]);
  }
}

/** BEGIN IMMEDIATE, waiting past the busy timeout while another process (a command-line job) holds the write lock. */
function begin(sqlite: Database.Database, attempts = 20): void {
  for (let i = 1; ; i++) {
    try {
      sqlite.exec("BEGIN IMMEDIATE");
      return;
    } catch (error) {
      if (i >= attempts || (error as { code?: string }).code !== "SQLITE_BUSY") throw error;
    }
  }
}

export type GroupCommitOptions = {
  /** At most this many jobs in one transaction. */
  maxJobs: number;
  /** How long a lone job waits for company before its transaction begins (0: never waits; jobs that arrive while one runs still share the next). */
  waitMs: number;
};

/**
 * The writer's queue: jobs that arrive while a transaction runs wait, and go together in the next one (up to
 * `maxJobs`; an idle writer starts at once, or after `waitMs` to gather more). `deliver` gets each outcome.
 */
export class GroupCommitter {
  private queue: WriteJob[] = [];
  private scheduled = false;
  readonly stats: GroupStats = { groups: 0, jobs: 0, largest: 0, fallbacks: 0 };

  constructor(
    private readonly sqlite: Database.Database,
    private readonly operations: Record<string, WriteOperation>,
    private readonly options: GroupCommitOptions,
    private readonly deliver: (outcomes: WriteOutcome[]) => void,
  ) {}

  submit(job: WriteJob): void {
    this.queue.push(job);
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // setImmediate lets the messages already waiting on the thread join this group; waitMs gathers a little longer.
    const go = () => {
      this.scheduled = false;
      this.drain();
    };
    if (this.options.waitMs > 0 && this.queue.length < this.options.maxJobs) setTimeout(go, this.options.waitMs);
    else setImmediate(go);
  }

  private drain(): void {
    if (this.queue.length === 0) return;
    const group = this.queue.splice(0, this.options.maxJobs);
    this.deliver(runGroup(this.sqlite, group, this.operations, this.stats));
    if (this.queue.length) this.schedule();
  }
}
