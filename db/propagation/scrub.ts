import { DAY_MS } from "@/lib/time";
import type { Db } from "../connection";
import { truncateWalNow } from "../ops/wal";

/** After an erasure, identifiers stay in the deliveries until every recipient confirmed, or this long (issue 14, deliverable 3). */
export const SCRUB_AFTER_MS = 30 * DAY_MS;

/** What a recipient message's body becomes once the erasure it named is settled. */
export const SCRUBBED_BODY = "[body removed: it named a person whose erasure every recipient confirmed, or 30 days have passed]";

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

// Connections whose WAL could not be emptied after a scrub (a reader held an older snapshot): nothing else would
// empty it of the old page images, so each scrub and each dispatcher run tries again until it is emptied.
const walPending = new WeakSet<Db["$client"]>();

function emptyWal(sql: Db["$client"], attempts: number): boolean {
  const emptied = truncateWalNow(sql, attempts);
  if (emptied) walPending.delete(sql);
  else walPending.add(sql);
  return emptied;
}

/** Tries once more to empty the WAL a scrub on this connection could not: null when none is pending, else whether it is empty now. */
export function emptyWalIfPending(db: Db): boolean | null {
  return walPending.has(db.$client) ? emptyWal(db.$client, 1) : null;
}

/**
 * Scrubs what deliveries still hold about erased people once their erasure is settled: every delivery of the
 * subject.erased event is confirmed (or superseded), or 30 days have passed since it. Then, for that person,
 * every delivery loses its identifiers, the last response body (recipients echo payloads) and the officer's
 * confirmation note (who confirmed and when stay), each
 * subject.rectified event loses its data (the new values), and the recipient messages that carried the
 * deliveries lose their bodies; the deliveries get scrubbed_at (nothing is replayed after it). The erasure
 * event's own data (always empty) is nulled as the mark that it was done. Then the WAL is truncated so the
 * raw file keeps no old page image of what was removed (secure_delete zeroes the freed space); when a reader
 * keeps it from being emptied, the next scrub or dispatcher run (emptyWalIfPending) tries again.
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
      const carriers = sql
        .prepare("SELECT DISTINCT outbox_id FROM deliveries WHERE subject_id = ? AND outbox_id IS NOT NULL AND scrubbed_at IS NULL")
        .pluck();
      const scrubDeliveries = sql.prepare(
        // The officer's confirmation note is free text about the person; who confirmed and when stay.
        "UPDATE deliveries SET identifiers = NULL, last_response = NULL, confirm_note = NULL, scrubbed_at = ? WHERE subject_id = ? AND scrubbed_at IS NULL",
      );
      const scrubRectifications = sql.prepare(
        "UPDATE propagation_events SET data = NULL WHERE subject_id = ? AND type = 'subject.rectified' AND data IS NOT NULL",
      );
      const markDone = sql.prepare("UPDATE propagation_events SET data = NULL WHERE id = ?");
      const blankMessage = sql.prepare(
        "UPDATE outbox SET body = ? WHERE id = ? AND kind IN ('recipient-notice', 'recipient-digest') AND body <> ?",
      );
      // A message not sent yet would now go out blank: it is withdrawn, and what it carried for other people
      // goes back to the email path (outbox_id cleared) to be written into a new message.
      const withdraw = sql.prepare(
        "UPDATE outbox SET status = 'failed', error = ?, next_attempt_at = NULL WHERE id = ? AND status = 'pending'",
      );
      const requeueOthers = sql.prepare("UPDATE deliveries SET outbox_id = NULL WHERE outbox_id = ? AND scrubbed_at IS NULL");

      for (const e of erasures) {
        if (at - e.occurredAt < SCRUB_AFTER_MS && (unsettled.get(e.id) as number) > 0) continue;
        const messages = carriers.all(e.subjectId) as number[];
        result.deliveries += scrubDeliveries.run(at, e.subjectId).changes;
        result.events += scrubRectifications.run(e.subjectId).changes;
        markDone.run(e.id);
        for (const id of messages) {
          if (!blankMessage.run(SCRUBBED_BODY, id, SCRUBBED_BODY).changes) continue;
          result.messages++;
          if (withdraw.run("withdrawn: it named a person whose erasure was settled before it was sent", id).changes) requeueOthers.run(id);
        }
        result.people++;
      }
    })
    .immediate();
  if (result.people > 0) result.walEmptied = emptyWal(sql, 3);
  else if (walPending.has(sql)) result.walEmptied = emptyWal(sql, 1);
  return result;
}
