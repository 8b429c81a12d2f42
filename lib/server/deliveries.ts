import "server-only";
import { dispatchDueWebhooks, emptyWalAfterScrub, onDeliveriesQueued, queueDueRecipientEmails, scrubDueErasures } from "@/db/propagation";
import { config } from "./config";
import { deliveryLoop, type DeliveryLoop } from "./delivery-loop";
import { log } from "./log";
import { sendWebhook } from "./webhook-sender";

// One dispatcher per process, however many bundles import this module.
const store = globalThis as unknown as { candorDeliveries?: DeliveryLoop };

/**
 * The server's delivery dispatcher (issue 14, deliverables 4–6): woken by every write that queued deliveries
 * (db/propagation/wake.ts) and polling every few seconds for retries that fell due, it writes the email path's
 * messages and sends due webhooks, at most eight at a time, and scrubs settled erasures now and then.
 * DELIVERIES_DISPATCHER=off leaves it to `npm run deliveries` in a process of its own.
 */
export function startDeliveryDispatcher(): DeliveryLoop | null {
  if (!config().deliveriesDispatcher) return null;
  if (store.candorDeliveries) return store.candorDeliveries;
  const loop = deliveryLoop(
    {
      emails: () => queueDueRecipientEmails({ candorUrl: config().candorUrl }),
      webhooks: () => dispatchDueWebhooks((target) => sendWebhook(target), { concurrency: 8 }),
      scrub: () => scrubDueErasures(),
      emptyWal: () => emptyWalAfterScrub(),
    },
    { log },
  );
  onDeliveriesQueued(loop.wake);
  loop.wake();
  store.candorDeliveries = loop;
  return loop;
}
