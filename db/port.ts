import { isMainThread } from "node:worker_threads";
import { databasePath, serverWriterSettings } from "./connection";
import { describeFailure } from "./writer/group-commit";
import { rebuildError, WriterThread } from "./writer/thread";

/**
 * The app's side of the store is asynchronous (db/README.md, "The domain operations"): a writer
 * thread or a PostgreSQL store will answer later, so callers await already. Today the operation
 * runs at once, synchronously and in its own transaction; a throw becomes a rejection.
 */
export function toAsync<A extends unknown[], R>(operation: (...args: A) => R): (...args: A) => Promise<R> {
  return async (...args: A) => operation(...args);
}

// One writer per server process, kept on globalThis: Next.js bundles each route apart, each with its own copy of this module.
const globalForWriter = globalThis as unknown as { candorWriter?: WriterThread | null; candorReader?: WriterThread | null };

/** The server's writer thread when CANDOR_WRITER=thread (lib/config/writer.ts), else null: writes run on the caller's thread. */
export function serverWriter(): WriterThread | null {
  // On the writer thread itself every operation runs on its own connection: a write calling another domain's port
  // inside its transaction must not send that write to a writer of its own.
  if (!isMainThread) return null;
  if (globalForWriter.candorWriter === undefined) {
    const settings = serverWriterSettings();
    globalForWriter.candorWriter =
      settings.mode === "thread" ? new WriterThread({ file: databasePath(), maxJobs: settings.maxJobs, waitMs: settings.waitMs }) : null;
  }
  return globalForWriter.candorWriter;
}

/**
 * The server's reader thread, beside the writer (the same setting: on in the server, off in scripts and tests): the
 * dashboards' aggregates run there, so seconds of SQLite work never hold up the thread that answers every request.
 */
export function serverReader(): WriterThread | null {
  if (!isMainThread) return null;
  if (globalForWriter.candorReader === undefined) {
    const settings = serverWriterSettings();
    globalForWriter.candorReader =
      settings.mode === "thread" ? new WriterThread({ file: databasePath(), maxJobs: 1, waitMs: 0, role: "reader" }) : null;
  }
  return globalForWriter.candorReader;
}

/** Names of the operations declared as heavy reads, with the function each one is (db/reader/operations.ts carries them). */
export const declaredReads = new Map<string, unknown>();

/**
 * A heavy read of the port (issue 22, deliverable 3): with the threads on, it runs on the reader thread's own
 * connection and resolves with its result; otherwise as toAsync. Arguments and results cross a thread: plain data.
 */
export function toReader<A extends unknown[], R>(name: string, operation: (...args: A) => R): (...args: A) => Promise<R> {
  const known = declaredReads.get(name);
  if (known && known !== operation) throw new Error(`two read operations are named ${name}`);
  declaredReads.set(name, operation);
  return async (...args: A) => {
    const reader = serverReader();
    if (!reader) return operation(...args);
    try {
      return (await reader.call(name, args)) as R;
    } catch (error) {
      throw rebuildError(describeFailure(error));
    }
  };
}

/** Names of the operations declared as writes, with the function each one is (db/writer/operations.test.ts checks the writer carries each). */
export const declaredWrites = new Map<string, unknown>();

/**
 * A write operation of the port (issue 22): with the writer thread on, it runs there under `name` (the writer's table,
 * db/writer/operations.ts), committed together with other callers' writes, and resolves once committed; otherwise as
 * toAsync. Arguments and results cross a thread, so they are plain data.
 */
export function toWriter<A extends unknown[], R>(name: string, operation: (...args: A) => R): (...args: A) => Promise<R> {
  const known = declaredWrites.get(name);
  if (known && known !== operation) throw new Error(`two write operations are named ${name}`);
  declaredWrites.set(name, operation);
  return async (...args: A) => {
    const writer = serverWriter();
    if (!writer) return operation(...args);
    try {
      return (await writer.call(name, args)) as R;
    } catch (error) {
      // The writer on globalThis rebuilt the error with the classes of the bundle that started it; each Next.js route
      // has its own copy of lib/errors.ts, so the caller's `instanceof` needs it rebuilt again with this bundle's.
      throw rebuildError(describeFailure(error));
    }
  };
}
