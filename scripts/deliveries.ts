/**
 * The delivery dispatcher in a process of its own, on a connection of its own (issue 14, deliverable 4):
 * the same loop the server runs (lib/server/delivery-loop.ts), for those who keep sending apart from serving.
 * Set DELIVERIES_DISPATCHER=off on the server then, so only this process sends. Stops on SIGINT/SIGTERM
 * after the attempts in flight; an attempt cut short by a kill is retried once its claim runs out.
 *   npm run deliveries -- [--once] [--poll-seconds N]
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { databasePath, openDatabase } from "@/db/connection";
import { dispatchWebhooks } from "@/db/propagation/dispatch";
import { queueRecipientEmails } from "@/db/propagation/email";
import { emptyWalIfPending, scrubSettledErasures } from "@/db/propagation/scrub";
import { config } from "@/lib/server/config";
import { deliveryLoop } from "@/lib/server/delivery-loop";
import { log } from "@/lib/server/log";
import { sendWebhook } from "@/lib/server/webhook-sender";

const usage = "usage: npm run deliveries -- [--once] [--poll-seconds N]   (--once: one run, then exit; default poll 2 s)";
const flagsSchema = z
  .object({
    once: z.boolean().default(false),
    "poll-seconds": z.coerce.number().min(0.1, "must be at least 0.1").max(3600, "must be at most 3600").default(2),
  })
  .strict();

let flags: z.infer<typeof flagsSchema>;
try {
  const parsed = flagsSchema.safeParse(
    parseArgs({ options: { once: { type: "boolean" }, "poll-seconds": { type: "string" } }, strict: true }).values,
  );
  if (!parsed.success) throw new Error(z.prettifyError(parsed.error));
  flags = parsed.data;
} catch (error) {
  console.error(`deliveries: ${error instanceof Error ? error.message : String(error)}\n${usage}`);
  process.exit(2);
}

const db = openDatabase(databasePath());
const loop = deliveryLoop(
  {
    emails: async () => queueRecipientEmails(db, { candorUrl: config().candorUrl }),
    webhooks: () => dispatchWebhooks(db, (target) => sendWebhook(target), { concurrency: 8 }),
    scrub: async () => scrubSettledErasures(db),
    emptyWal: async () => emptyWalIfPending(db),
  },
  { log, pollMs: flags["poll-seconds"] * 1000 },
);

async function shutdown(code: number) {
  await loop.stop();
  db.$client.close();
  process.exit(code);
}

async function main() {
  if (flags.once) {
    await loop.runOnce();
    return shutdown(0);
  }
  log.info({ job: "deliveries", pollSeconds: flags["poll-seconds"] }, "delivery dispatcher started");
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  loop.wake();
  // The loop's timer is unref'd (it must not hold a server open); this process lives for it.
  setInterval(() => {}, 1 << 30);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
