import * as errors from "@/lib/errors";
import { deliveriesQueued } from "../propagation/wake";
import type { GroupStats, WriteFailure, WriteJob } from "./group-commit";
import type { FromWriter, ToWriter } from "./protocol";

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

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
 * A caller's side of the writer (or the reader): `call` sends an operation and resolves once the writer answers it,
 * a write once the transaction holding it has committed. The request thread's side starts the thread itself
 * (./thread.ts); another thread of the server talks to the same writer through a port (./port-client.ts).
 */
export abstract class WriteChannel {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private statsWaiters: ((stats: GroupStats) => void)[] = [];
  private outgoing: WriteJob[] = [];
  private flushing = false;

  /** Sends one message to the writer (starting or reaching it first when needed); throws when it cannot. */
  protected abstract post(message: ToWriter): void;
  /** Called once no caller waits any more (the request thread lets its worker stop holding the process up). */
  protected idle(): void {}

  protected receive(message: FromWriter): void {
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
    if (this.pending.size === 0) this.idle();
  }

  /**
   * Refuses every caller still waiting: the writer stopped before answering them, so nothing of theirs was acknowledged.
   * Jobs of this turn not yet sent are dropped with them: sent later to a new writer, a refused caller's write would
   * commit after all (and be written twice if it is sent again without an idempotency key).
   */
  protected failAll(reason: string): void {
    const lost = [...this.pending.values()];
    this.pending.clear();
    this.outgoing = [];
    for (const p of lost) p.reject(new Error(reason));
  }

  /**
   * Sends the jobs of this turn of the event loop in one message: under load several requests reach their write in
   * one turn, and one message (one structured clone, one wake-up of the thread) costs less than one each.
   */
  private flush = (): void => {
    const jobs = this.outgoing;
    this.outgoing = [];
    this.flushing = false;
    if (jobs.length === 0) return;
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
}
