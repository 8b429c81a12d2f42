import "server-only";
import { closeAbandonedRequests } from "@/db/requests";
import { removeExpiredData } from "@/db/ops";
import { notifyStaff } from "@/db/notifications";
import { log } from "./log";
import { config } from "./config";
import { DAY_MS } from "@/lib/time";
import { startDeliveryDispatcher } from "./deliveries";

const HOUR_MS = 60 * 60_000;

/** Runs a job now and then every `everyMs`, never two runs at once, logging failures without stopping. */
function every(name: string, everyMs: number, job: () => unknown | Promise<unknown>) {
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      await job();
    } catch (error) {
      log.error({ job: name, err: error }, "background job failed");
    } finally {
      busy = false;
    }
  };
  void tick();
  setInterval(tick, everyMs).unref();
}

/**
 * The server's housekeeping: requests left unverified past the brand's period close themselves,
 * with a notice to the person; once a day, what need not be kept is removed (db/ops/retention.ts);
 * with SMTP_URL, the outbox is sent every 15 s (failed sends retried with backoff, lost ones recovered);
 * unless DELIVERIES_DISPATCHER=off, the delivery dispatcher sends propagation deliveries (lib/server/deliveries.ts).
 */
export function startBackgroundJobs(): void {
  startDeliveryDispatcher();
  every("requests", HOUR_MS, async () => {
    const closed = await closeAbandonedRequests();
    if (closed) log.info({ job: "requests", closed }, "closed requests left unverified");
  });
  // What waits on staff (db/notifications/run.ts): each member told at once or in the daily digest, as they chose.
  every("staff-notifications", 60_000, async () => {
    const run = await notifyStaff(config().candorUrl);
    if (run.told || run.digests) log.info({ job: "staff-notifications", ...run }, "staff notifications run");
  });
  every("retention", DAY_MS, async () => {
    const counts = await removeExpiredData();
    log.info({ job: "retention", ...counts }, "retention run");
  });
  if (config().smtp)
    every("outbox", 15_000, async () => {
      const { sendPendingMail } = await import("./mailer");
      const r = await sendPendingMail();
      // Counts only: addresses and error text stay in the outbox, where staff with outbox:read see them.
      if (r && (r.sent || r.retrying || r.failed || r.recovered)) log.info({ job: "outbox", ...r }, "outbox run");
    });
}
