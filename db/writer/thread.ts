import fs from "node:fs";
import { Worker } from "node:worker_threads";
import * as errors from "@/lib/errors";
import { deliveriesQueued } from "../propagation/wake";
import { serverReaderBundle, serverWriterBundle } from "../connection";
import type { GroupStats, WriteFailure, WriteJob } from "./group-commit";
import type { FromWriter, ToWriter, WriterData } from "./protocol";

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

export type WriterThreadOptions = WriterData & {
  /** The store the writer opens (DATABASE_PATH of the thread). */
  file: string;
  /** The bundle to run (scripts/build-writer.ts); the one for this server's build folder unless said (db/writer/bundle-path.ts). */
  bundle?: string;
  /** The writer (default), or the reader thread that runs the heavy reads (db/reader/worker.ts) through the same protocol. */
  role?: "writer" | "reader";
};

// The typed errors callers catch (lib/errors.ts) keep their class across the thread, so `instanceof` still holds. Keyed
// by the name each is exported under, which is the `name` each instance sets: a minified server build leaves the
// classes themselves anonymous (`class extends Error`), so a class's own name would find nothing.
const errorClasses = new Map<string, new (...args: never[]) => Error>(
  Object.entries(errors).filter(
    (entry): entry is [string, typeof Error] => typeof entry[1] === "function" && entry[1].prototype instanceof Error,
  ),
);

/** Rebuilds a failure from the writer as the error the operation threw (its class when it is one of lib/errors.ts). */
export function rebuildError(failure: WriteFailure): Error {
  const Class = errorClasses.get(failure.name);
  const error = Class ? (Object.create(Class.prototype) as Error) : new Error(failure.message);
  Object.assign(error, failure.props, { message: failure.message, name: failure.name });
  if (failure.stack) error.stack = failure.stack;
  return error;
}

/**
 * The request thread's side of the writer (issue 22, deliverable 1): one worker thread with the write connection;
 * `call` sends it an operation and resolves once the transaction holding it has committed. If the thread dies,
 * every caller still waiting is refused (nothing of theirs was acknowledged) and the next call starts a new one.
 */
export class WriterThread {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private statsWaiters: ((stats: GroupStats) => void)[] = [];

  constructor(private readonly options: WriterThreadOptions) {}

  private start(): Worker {
    const role = this.options.role ?? "writer";
    const bundle = this.options.bundle ?? (role === "reader" ? serverReaderBundle() : serverWriterBundle());
    if (!fs.existsSync(bundle)) throw new Error(`the ${role} thread's bundle ${bundle} is missing: run npm run build:writer`);
    // An evaluated stub requires the bundle by its path, so the server's bundler never tries to follow it; the thread's
    // connection opens the store `file` names (db/connection.ts databasePath reads it from workerData).
    const stub = `require(require("node:worker_threads").workerData.bundle);`;
    const worker = new Worker(stub, {
      eval: true,
      workerData: { bundle, file: this.options.file, maxJobs: this.options.maxJobs, waitMs: this.options.waitMs },
    });
    worker.on("message", (message: FromWriter) => this.receive(message));
    worker.on("error", (error) => console.error(`[${role}] ${error.message}`));
    worker.on("exit", (code) => {
      if (this.worker === worker) this.worker = null;
      const lost = [...this.pending.values()];
      this.pending.clear();
      for (const p of lost)
        p.reject(
          new Error(
            `the ${role} thread stopped (exit code ${code}) before ${role === "writer" ? "the write was committed" : "the read was answered"}`,
          ),
        );
    });
    worker.unref();
    console.info(
      role === "reader"
        ? `[reader] thread started: ${bundle}`
        : `[writer] thread started: ${bundle}, up to ${this.options.maxJobs} writes per transaction, waiting ${this.options.waitMs} ms`,
    );
    return worker;
  }

  private receive(message: FromWriter): void {
    if (message.type === "done")
      for (const outcome of message.outcomes) {
        const p = this.pending.get(outcome.id);
        if (!p) continue;
        this.pending.delete(outcome.id);
        if (outcome.ok) p.resolve(outcome.value);
        else p.reject(rebuildError(outcome.error));
      }
    else if (message.type === "wake") deliveriesQueued();
    else if (message.type === "stats") for (const w of this.statsWaiters.splice(0)) w(message.stats);
    if (this.pending.size === 0) this.worker?.unref();
  }

  private post(message: ToWriter): void {
    this.worker ??= this.start();
    // Referenced while a caller waits, so a script's process stays up until its writes are answered.
    this.worker.ref();
    this.worker.postMessage(message);
  }

  /**
   * Sends the jobs of this turn of the event loop in one message: under load several requests reach their write in
   * one turn, and one message (one structured clone, one wake-up of the thread) costs less than one each.
   */
  private flush = (): void => {
    const jobs = this.outgoing;
    this.outgoing = [];
    this.flushing = false;
    try {
      this.post({ type: "jobs", jobs });
    } catch {
      // One caller's arguments the thread boundary cannot carry (or a thread that cannot start) fail that caller only.
      for (const job of jobs)
        try {
          this.post({ type: "jobs", jobs: [job] });
        } catch (error) {
          this.pending.get(job.id)?.reject(error as Error);
          this.pending.delete(job.id);
        }
    }
  };
  private outgoing: WriteJob[] = [];
  private flushing = false;

  call(name: string, args: unknown[]): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.outgoing.push({ id, name, args });
      if (!this.flushing) {
        this.flushing = true;
        setImmediate(this.flush);
      }
    });
  }

  /** How many groups and jobs the writer committed, and its largest group (for the bench and tests). */
  stats(): Promise<GroupStats> {
    return new Promise((resolve) => {
      this.statsWaiters.push(resolve);
      this.post({ type: "stats" });
    });
  }

  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }
}
