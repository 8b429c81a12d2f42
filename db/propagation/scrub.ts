import { DAY_MS } from "@/lib/time";
import type { Db } from "../connection";
import { truncatePendingWal, truncateWalOrNote } from "../ops/wal";
import { perConnection } from "../prepared";

/** After an erasure, identifiers stay in the deliveries until every recipient confirmed, or this long (issue 14, deliverable 3). */
export const SCRUB_AFTER_MS = 30 * DAY_MS;

/** What a recipient message's body becomes once what the deliveries held about the erased person it named is removed. */
export const SCRUBBED_BODY = "[body removed: it named an erased person]";

export type ScrubResult = {
  /** Erased people whose traces were scrubbed in this run. */
  people: number;
  deliveries: number;
  /** Rectification events whose new values were removed. */
  events: number;
  /** Recipient messages (outbox) whose bodies were removed. */
  messages: number;
  /** Set when anything was scrubbed, or an earlier scrub's WAL was still to empty: whether the WAL holding the old page images is empty now. */
  walEmptied?: boolean;
};

export type ScrubOptions = {
  /** Only this person's erasure (a confirmation just came in for one of their deliveries): an index lookup, not a scan. */
  subjectId?: number;
};

type Erasure = { id: number; subjectId: number; occurredAt: number };

/** Tries once more to empty a WAL a scrub or erasure could not, in this process or another: null when none is pending. */
export function emptyWalIfPending(db: Db): boolean | null {
  return truncatePendingWal(db.$client);
}

/** What removing one erased person's traces from the deliveries changed (the erasure's own counts use these names). */
export type PersonScrub = { deliveriesScrubbed: number; rectificationsScrubbed: number; recipientMessagesScrubbed: number };

// Statements prepared once per connection. A person's deliveries are found through their events
// (propagation_events_subject_idx, then deliveries_event_idx): deliveries has no index led by subject_id.
function prepare(sql: Db["$client"]) {
  const theirs = "event_id IN (SELECT id FROM propagation_events WHERE subject_id = ?)";
  return {
    carriers: sql
      .prepare(`SELECT DISTINCT outbox_id FROM deliveries WHERE ${theirs} AND outbox_id IS NOT NULL AND scrubbed_at IS NULL`)
      .pluck(),
    // The officer's confirmation note is free text about the person; who confirmed and when stay.
    deliveries: sql.prepare(
      `UPDATE deliveries SET identifiers = NULL, last_response = NULL, confirm_note = NULL, scrubbed_at = ? WHERE ${theirs} AND scrubbed_at IS NULL`,
    ),
    rectifications: sql.prepare(
      "UPDATE propagation_events SET data = NULL WHERE subject_id = ? AND type = 'subject.rectified' AND data IS NOT NULL",
    ),
    blankMessage: sql.prepare("UPDATE outbox SET body = ? WHERE id = ? AND kind IN ('recipient-notice', 'recipient-digest') AND body <> ?"),
    // A message not sent yet would now go out blank: it is withdrawn, and what it carried for other people
    // goes back to the email path (outbox_id cleared) to be written into a new message.
    withdraw: sql.prepare("UPDATE outbox SET status = 'failed', error = ?, next_attempt_at = NULL WHERE id = ? AND status = 'pending'"),
    requeueOthers: sql.prepare("UPDATE deliveries SET outbox_id = NULL WHERE outbox_id = ? AND scrubbed_at IS NULL"),
  };
}
const statements = perConnection((db) => prepare(db.$client));

/**
 * Removes what the deliveries still hold about one erased person, in the caller's transaction: every delivery
 * loses its identifiers, the last response body (recipients echo payloads) and the officer's confirmation note
 * (who confirmed and when stay) and gets scrubbed_at (nothing is replayed after it); each subject.rectified event
 * loses its data (the new values); the recipient messages that carried the deliveries lose their bodies, and one
 * not sent yet is withdrawn, what it carried for others going back to the email path. The settled-erasure scrub
 * below uses it, and so does the erasure itself when it queued nothing (db/subjects/erasure.ts).
 */
export function scrubPersonDeliveries(db: Db, subjectId: number, at: number): PersonScrub {
  const s = statements(db);
  const messages = s.carriers.all(subjectId) as number[];
  const result: PersonScrub = {
    deliveriesScrubbed: s.deliveries.run(at, subjectId).changes,
    rectificationsScrubbed: s.rectifications.run(subjectId).changes,
    recipientMessagesScrubbed: 0,
  };
  for (const id of messages) {
    if (!s.blankMessage.run(SCRUBBED_BODY, id, SCRUBBED_BODY).changes) continue;
    result.recipientMessagesScrubbed++;
    if (s.withdraw.run("withdrawn: it named an erased person whose traces were removed before it was sent", id).changes)
      s.requeueOthers.run(id);
  }
  return result;
}

/**
 * Scrubs what deliveries still hold about erased people once their erasure is settled: every delivery of the
 * subject.erased event is confirmed (or superseded), or 30 days have passed since it (scrubPersonDeliveries).
 * The erasure event's own data (always empty) is nulled as the mark that it was done. Then the WAL is truncated
 * so the raw file keeps no old page image of what was removed (secure_delete zeroes the freed space); when a
 * reader keeps it from being emptied, the next scrub or dispatcher run (emptyWalIfPending) tries again.
 *
 * Confirmations (db/propagation/confirm.ts) call it for the person just confirmed; the dispatcher calls it
 * now and then for the 30-day limit.
 */
export function scrubSettledErasures(db: Db, now: Date | number = Date.now(), options: ScrubOptions = {}): ScrubResult {
  const at = typeof now === "number" ? now : now.getTime();
  const sql = db.$client;
  const result: ScrubResult = { people: 0, deliveries: 0, events: 0, messages: 0 };
  sql
    .transaction(() => {
      // The partial index propagation_events_unscrubbed_erasure_idx holds exactly these rows.
      const erasures = (
        options.subjectId === undefined
          ? sql.prepare(
              "SELECT id, subject_id AS subjectId, occurred_at AS occurredAt FROM propagation_events WHERE type = 'subject.erased' AND data IS NOT NULL ORDER BY id",
            )
          : sql.prepare(
              "SELECT id, subject_id AS subjectId, occurred_at AS occurredAt FROM propagation_events WHERE subject_id = ? AND type = 'subject.erased' AND data IS NOT NULL ORDER BY id",
            )
      ).all(...(options.subjectId === undefined ? [] : [options.subjectId])) as Erasure[];
      if (erasures.length === 0) return;

      const unsettled = sql
        .prepare("SELECT COUNT(*) FROM deliveries WHERE event_id = ? AND state NOT IN ('confirmed', 'superseded')")
        .pluck();
      const markDone = sql.prepare("UPDATE propagation_events SET data = NULL WHERE id = ?");
      for (const e of erasures) {
        if (at - e.occurredAt < SCRUB_AFTER_MS && (unsettled.get(e.id) as number) > 0) continue;
        const scrubbed = scrubPersonDeliveries(db, e.subjectId, at);
        result.deliveries += scrubbed.deliveriesScrubbed;
        result.events += scrubbed.rectificationsScrubbed;
        result.messages += scrubbed.recipientMessagesScrubbed;
        markDone.run(e.id);
        result.people++;
      }
    })
    .immediate();
  if (result.people > 0) result.walEmptied = truncateWalOrNote(sql, 3);
  else result.walEmptied = truncatePendingWal(sql) ?? undefined;
  return result;
}
