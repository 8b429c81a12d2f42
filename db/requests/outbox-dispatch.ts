import { afterFailedAttempt, claimExpired, SEND_TIMEOUT_MS } from "@/lib/outbox/retry";
import { ERASED_ADDRESS, sendErrorText } from "@/lib/outbox/send-error";
import { announcementKinds, urgentKinds } from "@/lib/outbox/vocabulary";
import type { Db } from "../connection";
import { truncateWalSoon } from "../ops/wal";
import { markEmailDelivered } from "../propagation/email";

/** What the sender gets: never more than it needs to put the message on the wire. */
export type OutgoingMessage = { id: number; toAddress: string; subjectLine: string; body: string; locale: string };
export type Send = (m: OutgoingMessage) => Promise<void>;
/** claimed: attempts started this run; recovered: lost sends counted as failed attempts (also in retrying or failed). */
export type DispatchResult = {
  claimed: number;
  sent: number;
  retrying: number;
  failed: number;
  recovered: number;
  /** Set when an address was scrubbed: whether the WAL holding its old page images was emptied. */
  walEmptied?: boolean;
};
export type DispatchOptions = { limit?: number; now?: () => number };

type Claim = OutgoingMessage & { attempts: number; scrubAddress: number; claimedAt: number };
type Lost = { id: number; toAddress: string; attempts: number; scrubAddress: number; claimedAt: number | null };

/**
 * Sends waiting outbox messages one by one and records each outcome. A message is claimed
 * (pending → sending, one more attempt, the claim time) before it goes out, so two dispatchers
 * never send it twice. A failed attempt goes back to pending until the wait of
 * lib/outbox/retry.ts is over; after the last one the message has failed. A claim older than
 * the send timeout was lost to a crash: it counts as a failed attempt, at the start of each run.
 * An erased person's address (scrub_address) is replaced in the same UPDATE that records the
 * message sent or failed for good, then the WAL is checkpointed so no old page keeps it.
 */
export async function dispatchOutbox(db: Db, send: Send, options: DispatchOptions = {}): Promise<DispatchResult> {
  const now = options.now ?? Date.now;
  const sql = db.$client;
  const result: DispatchResult = { claimed: 0, sent: 0, retrying: 0, failed: 0, recovered: 0 };
  let scrubbed = 0;

  // The claim time is the claim's token: a late answer from a lost send changes nothing once the row moved on.
  const retry = sql.prepare(
    "UPDATE outbox SET status = 'pending', error = ?, next_attempt_at = ?, claimed_at = NULL WHERE id = ? AND status = 'sending' AND claimed_at IS ?",
  );
  const giveUp = sql.prepare(
    `UPDATE outbox SET status = 'failed', error = ?, next_attempt_at = NULL, claimed_at = NULL,
       to_address = CASE WHEN scrub_address THEN ? ELSE to_address END
     WHERE id = ? AND status = 'sending' AND claimed_at IS ?`,
  );
  const failAttempt = (m: Lost, error: unknown, failedAt: number) => {
    const text = sendErrorText(error, m.toAddress, { erased: Boolean(m.scrubAddress) });
    const next = afterFailedAttempt(m.attempts, failedAt);
    if (next.status === "pending") return retry.run(text, next.nextAttemptAt, m.id, m.claimedAt).changes ? "retrying" : null;
    if (!giveUp.run(text, ERASED_ADDRESS, m.id, m.claimedAt).changes) return null;
    if (m.scrubAddress) scrubbed++;
    return "failed";
  };

  const t0 = now();
  // Only messages in flight are 'sending', so this reads a handful of rows. One without a claim time was left by a dispatcher older than claims.
  const inFlight = sql
    .prepare(
      "SELECT id, to_address AS toAddress, attempts, scrub_address AS scrubAddress, claimed_at AS claimedAt FROM outbox WHERE status = 'sending'",
    )
    .all() as Lost[];
  for (const m of inFlight) {
    if (!claimExpired(m.claimedAt ?? 0, t0)) continue;
    // When the crash came is unknown; counting the wait from the claim retries a first loss at once.
    const outcome = failAttempt(
      { ...m, attempts: Math.max(1, m.attempts) },
      new Error(`no result within ${SEND_TIMEOUT_MS / 60_000} minutes: the sender stopped mid-send`),
      m.claimedAt ?? t0,
    );
    if (outcome) {
      result.recovered++;
      result[outcome]++;
    }
  }

  // Codes a person waits for first, then the other messages to one person or one recipient, oldest first within each;
  // announcements (lib/outbox/vocabulary.ts) fill the rest.
  const limit = options.limit ?? 50;
  const kindList = (kinds: readonly string[]) => kinds.map((k) => `'${k}'`).join(", ");
  const tiers = [
    `kind IN (${kindList(urgentKinds)})`,
    `kind NOT IN (${kindList([...urgentKinds, ...announcementKinds])})`,
    `kind IN (${kindList(announcementKinds)})`,
  ];
  const due: number[] = [];
  for (const tier of tiers) {
    if (due.length >= limit) break;
    const ids = sql
      .prepare(
        `SELECT id FROM outbox WHERE status = 'pending' AND ${tier}
         AND (next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY id LIMIT ?`,
      )
      .pluck()
      .all(t0, limit - due.length) as number[];
    due.push(...ids);
  }
  const claim = sql.prepare(
    `UPDATE outbox SET status = 'sending', claimed_at = ?, attempts = attempts + 1
     WHERE id = ? AND status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
     RETURNING id, to_address AS toAddress, subject_line AS subjectLine, body, locale, attempts, scrub_address AS scrubAddress, claimed_at AS claimedAt`,
  );
  // Sent is sent, even when the claim was meanwhile taken for lost: the record should say what happened.
  const sent = sql.prepare(
    `UPDATE outbox SET status = 'sent', error = NULL, sent_at = ?, next_attempt_at = NULL, claimed_at = NULL,
       to_address = CASE WHEN scrub_address THEN ? ELSE to_address END
     WHERE id = ? AND status <> 'sent'`,
  );
  // A recipient's message (the email path): what it carried is delivered in the same transaction.
  const recordSent = sql.transaction((id: number, at: number): boolean => {
    if (!sent.run(at, ERASED_ADDRESS, id).changes) return false;
    markEmailDelivered(db, id, at);
    return true;
  });
  for (const id of due) {
    const at = now();
    const m = claim.get(at, id, at) as Claim | undefined;
    if (!m) continue; // another dispatcher has it
    result.claimed++;
    try {
      await send({ id: m.id, toAddress: m.toAddress, subjectLine: m.subjectLine, body: m.body, locale: m.locale });
      if (recordSent(m.id, now())) {
        result.sent++;
        if (m.scrubAddress) scrubbed++;
      }
    } catch (error) {
      const outcome = failAttempt(m, error, now());
      if (outcome) result[outcome]++;
    }
  }
  // Replaced pages must not linger in the WAL (or beyond its end once it restarts): as eraseSubject does.
  // A reader in an older snapshot can hold the checkpoint back for a moment; this run waits it out.
  if (scrubbed) result.walEmptied = await truncateWalSoon(sql);
  return result;
}
