import { z } from "zod";

/**
 * Where the server's writes run (issue 22): "thread" sends the operations the writer carries (db/writer/operations.ts) to
 * one worker thread that owns the write connection and commits concurrent requests together; "inline" runs them on the
 * caller's thread, one transaction each. Unset, the server (the Next.js runtime) uses the thread and everything else
 * (scripts, store tests) writes inline on its own connection.
 */
export const WRITER_MODES = ["inline", "thread"] as const;
export type WriterMode = (typeof WRITER_MODES)[number];

export type WriterSettings = {
  mode: WriterMode;
  /** At most this many callers' operations in one transaction (CANDOR_WRITER_MAX_JOBS, 1–10000, default 256). */
  maxJobs: number;
  /** How long an idle writer waits for company before a lone operation's transaction begins (CANDOR_WRITER_WAIT_MS, 0–100, default 0). */
  waitMs: number;
};

const whole = (min: number, max: number, fallback: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === undefined || v === "" ? fallback : Number(v)))
    .pipe(z.number().int().min(min).max(max));

const schema = z.object({
  CANDOR_WRITER: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v.toLowerCase() : undefined))
    .pipe(z.enum(WRITER_MODES).optional()),
  CANDOR_WRITER_MAX_JOBS: whole(1, 10_000, 256),
  CANDOR_WRITER_WAIT_MS: whole(0, 100, 0),
});

/** The writer's settings from an environment (`serving`: in the server, where the thread is the default); throws naming each bad variable. */
export function writerSettings(env: Readonly<Record<string, string | undefined>>, serving = false): WriterSettings {
  const parsed = schema.safeParse(env);
  if (!parsed.success)
    throw new Error(
      `Candor cannot start: ${parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join("; ")} (CANDOR_WRITER is inline or thread; CANDOR_WRITER_MAX_JOBS 1–10000; CANDOR_WRITER_WAIT_MS 0–100)`,
    );
  const v = parsed.data;
  return { mode: v.CANDOR_WRITER ?? (serving ? "thread" : "inline"), maxJobs: v.CANDOR_WRITER_MAX_JOBS, waitMs: v.CANDOR_WRITER_WAIT_MS };
}
