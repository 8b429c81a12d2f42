import "server-only";
import nodemailer from "nodemailer";
import { sendDueMessages, type DispatchResult } from "@/db/requests";
import { getBrandSettings } from "@/db/staff";
import { replaceSealedLinks } from "@/lib/outbox/sealed-links";
import { config } from "./config";
import { log } from "./log";
import { openSecret } from "./sealing";

const BATCH = 50;
// Enough for a busy day's backlog per run without holding the job for long.
const MAX_BATCHES = 20;

/**
 * Sends the outbox by SMTP when SMTP_URL is set; without it, messages stay in the outbox viewer.
 * Each run first recovers sends lost to a crash, then drains what is due, batch by batch. The
 * transport's timeouts stay well under the dispatcher's claim timeout (10 minutes), so a slow
 * send is never mistaken for a lost one. `now` is the clock the waits between attempts are read
 * from (tests move it on instead of waiting a minute).
 */
export async function sendPendingMail(options: { now?: () => number } = {}): Promise<DispatchResult | null> {
  const smtp = config().smtp;
  if (!smtp) return null;
  const transport = nodemailer.createTransport({
    url: smtp.url,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 120_000,
  });
  const from = smtp.from ?? (await getBrandSettings())?.contactEmail ?? "no-reply@localhost";
  const total: DispatchResult = { claimed: 0, sent: 0, retrying: 0, failed: 0, recovered: 0 };
  try {
    for (let batch = 0; batch < MAX_BATCHES; batch++) {
      const r = await sendDueMessages(
        async (m) => {
          await transport.sendMail({
            from,
            to: m.toAddress,
            subject: m.subjectLine,
            // A one-time link is kept sealed in the outbox and opened only here, on its way out.
            text: replaceSealedLinks(m.body, openSecret),
            headers: { "Content-Language": m.locale },
          });
        },
        { limit: BATCH, now: options.now },
      );
      for (const k of ["claimed", "sent", "retrying", "failed", "recovered"] as const) total[k] += r[k];
      if (r.walEmptied === false)
        log.warn(
          { job: "outbox" },
          "an erased address was scrubbed but the WAL could not be emptied yet; the next scrub, erasure or retention run empties it",
        );
      if (r.claimed < BATCH) break;
    }
  } finally {
    transport.close();
  }
  return total;
}
