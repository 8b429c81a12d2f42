import { isMainThread } from "node:worker_threads";
import { databasePath, serverWriterSettings } from "./connection";
import { describeFailure } from "./writer/group-commit";
import type { WriteChannel } from "./writer/channel";
import { rebuildError, WriterThread } from "./writer/thread";

/**
 * The app's side of the store is asynchronous (db/README.md, "The domain operations"): a writer
 * thread or a PostgreSQL store will answer later, so callers await already. Today the operation
 * runs at once, synchronously and in its own transaction; a throw becomes a rejection.
 */
export function toAsync<A extends unknown[], R>(operation: (...args: A) => R): (...args: A) => Promise<R> {
  return async (...args: A) => operation(...args);
}

// One writer (and one reader) per server process, kept on globalThis: Next.js bundles each route apart, each with its
// own copy of this module, and the fast lane's bundle has another.
const threads = globalThis as unknown as { candorWriter?: WriteChannel | null; candorReader?: WriteChannel | null };

/**
 * The server's writer or reader thread when CANDOR_WRITER=thread (lib/config/writer.ts; the server's default), else
 * null: the operation runs on the caller's thread. The reader runs the heavy reads (the dashboards' aggregates), so
 * seconds of SQLite work never hold up the thread that answers every request.
 */
function serverThread(role: "writer" | "reader"): WriteChannel | null {
  const key = role === "writer" ? "candorWriter" : "candorReader";
  // A thread the request thread started for the consent endpoints was given its channel (writeThrough). On the writer's
  // or the reader's own thread every operation runs on that thread's connection: a write calling another domain's port
  // inside its transaction must not send that write to a writer of its own.
  if (threads[key] !== undefined) return threads[key];
  if (!isMainThread) return null;
  const settings = serverWriterSettings();
  const grouping = role === "writer" ? { maxJobs: settings.maxJobs, waitMs: settings.waitMs } : { maxJobs: 1, waitMs: 0 };
  threads[key] = settings.mode === "thread" ? new WriterThread({ file: databasePath(), ...grouping, role }) : null;
  return threads[key];
}

/** The server's writer thread, or null (writes run on the caller's thread). */
export const serverWriter = () => serverThread("writer");

/** The request thread's own writer thread, which can hand ports to the server's other threads; null when writes run inline. */
export function serverWriterThread(): WriterThread | null {
  const writer = isMainThread ? serverThread("writer") : null;
  return writer instanceof WriterThread ? writer : null;
}

/**
 * On a thread of the server other than the request thread (the consent endpoints', lib/server/lane-worker.ts): writes
 * go to the server's one writer through `writer`; heavy reads run on this thread's own read connection.
 */
export function writeThrough(writer: WriteChannel): void {
  threads.candorWriter = writer;
  threads.candorReader = null;
}
/** The server's reader thread, or null (heavy reads run on the caller's thread). */
export const serverReader = () => serverThread("reader");

/**
 * Declares operations a thread carries, in `table` under their names: each call runs on the server's `role` thread and
 * resolves with its result (a write once committed, together with other callers' writes); without the thread, as
 * toAsync. Arguments and results cross a thread, so they are plain data.
 */
function threadOperations(table: Map<string, unknown>, role: "writer" | "reader") {
  return <A extends unknown[], R>(name: string, operation: (...args: A) => R): ((...args: A) => Promise<R>) => {
    const known = table.get(name);
    if (known && known !== operation) throw new Error(`two ${role === "writer" ? "write" : "read"} operations are named ${name}`);
    table.set(name, operation);
    return async (...args: A) => {
      const thread = serverThread(role);
      if (!thread) return operation(...args);
      try {
        return (await thread.call(name, args)) as R;
      } catch (error) {
        // The thread on globalThis rebuilt the error with the classes of the bundle that started it; each Next.js route
        // has its own copy of lib/errors.ts, so the caller's `instanceof` needs it rebuilt again with this bundle's.
        throw rebuildError(describeFailure(error));
      }
    };
  };
}

/** Names of the operations declared as writes, with the function each one is (db/writer/operations.test.ts checks the writer carries each). */
export const declaredWrites = new Map<string, unknown>();
/** Names of the operations declared as heavy reads, with the function each one is (db/reader/operations.ts carries them). */
export const declaredReads = new Map<string, unknown>();

/** A write operation of the port (issue 22): on the writer thread under `name` (db/writer/operations.ts). */
export const toWriter = threadOperations(declaredWrites, "writer");
/** A heavy read of the port (issue 22, deliverable 3): on the reader thread's own connection (db/reader/operations.ts). */
export const toReader = threadOperations(declaredReads, "reader");
