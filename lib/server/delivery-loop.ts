import "server-only";
import type { EmailQueueResult, ScrubResult, WebhookDispatchResult } from "@/db/propagation";

/**
 * The delivery dispatcher's loop, apart from any connection: the server runs it on its own
 * (lib/server/deliveries.ts) and `npm run deliveries` on a connection of its own (scripts/deliveries.ts).
 * Importing this module opens nothing (the imports above are types only).
 */

/** The work of one run, each on the caller's connection. */
export type DeliveryWork = {
  /** Writes outbox messages for recipients reached by email. */
  emails: () => Promise<EmailQueueResult>;
  /** Claims and sends due webhook deliveries (one batch). */
  webhooks: () => Promise<WebhookDispatchResult>;
  /** Scrubs settled erasures (30 days passed; confirmations scrub as they come in). */
  scrub: () => Promise<ScrubResult>;
  /** Tries again to empty the WAL a scrub could not: null when none is pending, else whether it is empty now. */
  emptyWal: () => Promise<boolean | null>;
};

type LogFn = (fields: Record<string, unknown>, message: string) => void;
export type DeliveryLoopOptions = {
  log: { info: LogFn; warn: LogFn; error: LogFn };
  /** How often it looks for due retries without being woken. */
  pollMs?: number;
  /** How often it scrubs settled erasures. */
  scrubEveryMs?: number;
  /**
   * The least time between the starts of two runs: under steady ingest every commit wakes it, and back-to-back runs
   * would each take a handful of deliveries (and the store's lock) where one run a little later takes them all.
   */
  minGapMs?: number;
  now?: () => number;
};

export type DeliveryLoop = {
  /** Asks for a run now; during a run, for another one right after it. */
  wake: () => void;
  /** One run, awaited (a run already going is awaited, then one more is made). */
  runOnce: () => Promise<void>;
  /** Stops polling and waits for the run in progress. */
  stop: () => Promise<void>;
};

export const DEFAULT_POLL_MS = 5_000;
export const DEFAULT_SCRUB_EVERY_MS = 10 * 60_000;
export const DEFAULT_MIN_GAP_MS = 50;
// Batches sent back to back in one run before yielding to the next tick: a backlog drains without holding on forever.
const MAX_BATCHES_PER_RUN = 50;

/**
 * Runs the work when woken (a write queued deliveries) and every `pollMs` (retries fall due with time,
 * another process may have written), never two runs at once: a wake during a run asks for one more run
 * after it. Each run writes due emails, sends webhook batches until none is due, and now and then scrubs
 * (a WAL a scrub could not empty is tried again on every run until it is).
 * Logs counts only, never identifiers or addresses.
 */
export function deliveryLoop(work: DeliveryWork, options: DeliveryLoopOptions): DeliveryLoop {
  const pollMs = options.pollMs ?? DEFAULT_POLL_MS;
  const scrubEveryMs = options.scrubEveryMs ?? DEFAULT_SCRUB_EVERY_MS;
  const minGapMs = options.minGapMs ?? DEFAULT_MIN_GAP_MS;
  // The gap is kept on the process's own clock: `now` is the brand-visible one tests move by hand.
  let lastStart = -Infinity;
  const now = options.now ?? Date.now;
  const { log } = options;
  let current: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let lastScrub = -Infinity;
  let walWarned = false;

  const run = async () => {
    const totals = { emails: 0, messages: 0, claimed: 0, delivered: 0, retrying: 0, parked: 0, disabled: 0, failed: 0 };
    const emails = await work.emails();
    totals.emails = emails.deliveries;
    totals.messages = emails.notices + emails.digests;
    // A recipient had more waiting than one run words: the next run follows at once (after the least gap).
    if (emails.more) again = true;
    for (let batch = 0; batch < MAX_BATCHES_PER_RUN && !stopped; batch++) {
      const r = await work.webhooks();
      for (const k of ["claimed", "delivered", "retrying", "parked", "disabled", "failed"] as const) totals[k] += r[k];
      if (r.claimed === 0) break;
      if (batch === MAX_BATCHES_PER_RUN - 1) again = true;
    }
    if (totals.disabled) log.warn({ job: "deliveries", disabled: totals.disabled }, "a webhook answered 410 Gone: its path is disabled");
    if (totals.failed)
      log.warn(
        { job: "deliveries", failed: totals.failed },
        "the store was busy: attempts not claimed or not recorded are tried again (an unrecorded one once its claim runs out)",
      );
    if (totals.claimed || totals.emails) log.info({ job: "deliveries", ...totals }, "deliveries run");
    // The scrub empties the WAL after it (and retries an earlier failure); on the other runs only a pending one is retried.
    let walEmptied: boolean | null | undefined;
    if (now() - lastScrub >= scrubEveryMs) {
      lastScrub = now();
      const s = await work.scrub();
      if (s.people) log.info({ job: "deliveries", scrubbedPeople: s.people, scrubbedDeliveries: s.deliveries }, "erasures scrubbed");
      walEmptied = s.walEmptied;
    } else walEmptied = await work.emptyWal();
    if (walEmptied === false && !walWarned) {
      walWarned = true;
      log.warn({ job: "deliveries" }, "erasures were scrubbed but a reader kept the WAL from being emptied; every run tries again");
    } else if (walEmptied === true && walWarned) {
      walWarned = false;
      log.info({ job: "deliveries" }, "the WAL is emptied: the file keeps no old copy of what the scrub removed");
    }
  };

  const start = (): Promise<void> => {
    if (current) {
      again = true;
      return current;
    }
    current = (async () => {
      do {
        again = false;
        const wait = lastStart + minGapMs - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        lastStart = performance.now();
        try {
          await run();
        } catch (error) {
          log.error({ job: "deliveries", err: error }, "deliveries run failed");
        }
      } while (again && !stopped);
    })().finally(() => {
      current = null;
    });
    return current;
  };

  const timer = setInterval(() => void start(), pollMs);
  timer.unref();
  return {
    wake: () => {
      if (!stopped) void start();
    },
    runOnce: async () => {
      if (current) {
        again = true;
        await current;
      }
      await start();
    },
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await current;
    },
  };
}
