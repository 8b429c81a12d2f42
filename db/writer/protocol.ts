import type { GroupStats, WriteJob, WriteOutcome } from "./group-commit";

/** What the request thread tells the writer thread: the jobs callers sent during one turn of its event loop, in order. */
export type ToWriter = { type: "jobs"; jobs: WriteJob[] } | { type: "stats" };

/** What the writer thread answers: outcomes after their group committed, wake-ups for the dispatcher, its counts. */
export type FromWriter =
  { type: "ready" } | { type: "done"; outcomes: WriteOutcome[] } | { type: "wake" } | { type: "stats"; stats: GroupStats };

/** The writer thread's start-up data: the store it opens comes from DATABASE_PATH, as every connection's does. */
export type WriterData = { maxJobs: number; waitMs: number };
