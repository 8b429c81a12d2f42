import type { MessagePort } from "node:worker_threads";
import type { GroupStats, WriteJob, WriteOutcome } from "./group-commit";

/**
 * What a caller's side tells the writer thread: the jobs callers sent during one turn of its event loop, in order; a
 * request for its counts; and, from the request thread only, a port another thread of the server writes through.
 */
export type ToWriter = { type: "jobs"; jobs: WriteJob[] } | { type: "stats" } | { type: "client"; port: MessagePort };

/** What the writer thread answers: outcomes after their group committed, wake-ups for the dispatcher, its counts. */
export type FromWriter =
  { type: "ready" } | { type: "done"; outcomes: WriteOutcome[] } | { type: "wake" } | { type: "stats"; stats: GroupStats };

/** The writer thread's grouping settings; its start-up data also names the store (`file`, read by db/connection.ts databasePath) and the bundle. */
export type WriterData = { maxJobs: number; waitMs: number };
