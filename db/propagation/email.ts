import { locales, type Locale } from "@/lib/i18n/config";
import type { PropagationEventType } from "@/lib/propagation/events";
import { deliveryPayload } from "@/lib/propagation/payload";
import { recipientDigestMessage, recipientNoticeMessage, type RecipientMessageItem } from "@/lib/propagation/recipient-messages";
import { wallClockAsUtc } from "@/lib/time";
import { localDay } from "@/lib/requests/deadlines";
import type { Db } from "../connection";
import { perConnection } from "../prepared";

/**
 * The most waiting deliveries one run reads for a recipient, so the most events a digest lists: a run's reading and
 * wording stay a few milliseconds however large the backlog (a busy day's digest once read and worded every delivery
 * of the day, hundreds of thousands, on every run). A recipient with more waiting is taken up again by the next run.
 */
export const EMAIL_RUN_LIMIT = 200;

export type EmailQueueOptions = { now?: number; candorUrl: string; limit?: number };
/** `more`: a recipient had more waiting than one run reads (the dispatcher runs again soon). */
export type EmailQueueResult = { notices: number; digests: number; deliveries: number; more: boolean };

type Brand = { name: string; replyTo: string; timeZone: string; locale: string };
type EmailRecipient = { id: number; name: string; contact: string; batching: "each" | "daily" | null };
type Row = {
  id: number;
  uid: string;
  identifiers: string;
  eventId: number;
  eventUid: string;
  type: PropagationEventType;
  occurredAt: number;
  data: string | null;
};

/** The calendar day (YYYY-MM-DD) an instant falls on in the brand's zone. */
const dayIn = (ms: number, timeZone: string): string => localDay(new Date(ms), timeZone);

/** The instant the day holding `ms` began in the zone (its midnight; corrected once, for a change of offset that day). */
function dayStartIn(ms: number, timeZone: string): number {
  const midnight = Date.parse(`${dayIn(ms, timeZone)}T00:00:00Z`);
  const guess = midnight - (wallClockAsUtc(ms, timeZone) - ms);
  return midnight - (wallClockAsUtc(guess, timeZone) - guess);
}

// Statements prepared once per connection (the dispatcher runs every few seconds).
function prepare(sql: Db["$client"]) {
  // What a recipient's email path can still carry, through deliveries_waiting_idx (queued, naming someone, in no message),
  // oldest first in the index's own order (when due, then id): ordered by id alone, a run sorted the whole backlog first.
  const waiting = (bound: string) =>
    sql.prepare(
      `SELECT d.id, d.uid, d.identifiers, e.id AS eventId, e.uid AS eventUid, e.type, e.occurred_at AS occurredAt, e.data
       FROM deliveries d INDEXED BY deliveries_waiting_idx JOIN propagation_events e ON e.id = d.event_id
       WHERE d.recipient_id = ? AND d.state = 'queued' AND d.identifiers IS NOT NULL AND d.outbox_id IS NULL ${bound}
       ORDER BY d.next_attempt_at, d.id LIMIT ?`,
    );
  return {
    recipients: sql.prepare(
      `SELECT r.id, r.name, lower(trim(r.privacy_contact_email)) AS contact, p.email_batching AS batching
       FROM recipients r JOIN recipient_paths p ON p.recipient_id = r.id AND p.kind = 'email' AND p.status = 'active'
       WHERE r.privacy_contact_email IS NOT NULL AND trim(r.privacy_contact_email) <> ''
         AND NOT EXISTS (SELECT 1 FROM recipient_paths w WHERE w.recipient_id = r.id AND w.kind = 'webhook' AND w.status = 'active')
       ORDER BY r.id, p.id`,
    ),
    brand: sql.prepare(
      "SELECT name, COALESCE(NULLIF(dpo_email, ''), contact_email) AS replyTo, time_zone AS timeZone, default_locale AS locale FROM brand_settings ORDER BY id LIMIT 1",
    ),
    waiting: waiting(""),
    // A delivery is queued when its event happens (next_attempt_at = then), so what is due before the day began is
    // what happened on days that have ended; one requeued later (a webhook's 410) waits for the end of that day.
    waitingBefore: waiting("AND d.next_attempt_at < ?"),
    stillWaiting: sql
      .prepare("SELECT COUNT(*) FROM deliveries WHERE id = ? AND state = 'queued' AND identifiers IS NOT NULL AND outbox_id IS NULL")
      .pluck(),
    carry: sql.prepare("UPDATE deliveries SET outbox_id = ? WHERE id = ? AND outbox_id IS NULL"),
    // Prepared once: the query builder's insert cost a share of the thread per message under ingest (one per event).
    message: sql
      .prepare(
        `INSERT INTO outbox (to_address, kind, locale, subject_line, body, status, created_at)
         VALUES (?, ?, ?, ?, ?, 'pending', ?) RETURNING id`,
      )
      .pluck(),
  };
}
const statements = perConnection((db) => prepare(db.$client));

type Planned = { to: string; kind: "recipient-notice" | "recipient-digest"; message: { subjectLine: string; body: string }; ids: number[] };

/** The messages a run would write (plain data, so the write can run on the writer thread), in the brand's language. */
export type EmailPlan = { locale: Locale; planned: Planned[]; more: boolean };

/**
 * The email path (issue 14, deliverable 6): for recipients reached by email (an active email path, no active
 * webhook, a privacy contact address), writes outbox messages to the privacy contact for the deliveries no
 * message carries yet, in the brand's default language: one "recipient-notice" per event, or for a "daily"
 * path one "recipient-digest" per day listing that day's events, written once the day (in the brand's zone)
 * is over. Each delivery points at its message (outbox_id); it becomes delivered when the message is sent
 * (markEmailDelivered). Without SMTP the messages wait in the outbox viewer and the deliveries stay queued:
 * the officer's task list shows them, and the officer closes each with a note once the recipient answered.
 *
 * The deliveries are read and the messages written outside the write lock (a daily path reads only the days that
 * have ended); the lock is taken only to store the messages, each checked again first (another dispatcher may
 * have written it, a scrub removed what it names). A run with nothing to write takes no lock at all. A run reads at
 * most `limit` (EMAIL_RUN_LIMIT) deliveries per recipient, oldest first, and says whether more wait; a day with more
 * events than that is told in several digests, each but the last saying more of the day follow.
 */
export function queueRecipientEmails(db: Db, options: EmailQueueOptions): EmailQueueResult {
  return writeRecipientEmails(db, planRecipientEmails(db, options));
}

/** The reading half of queueRecipientEmails: what is waiting, and the messages that carry it. Takes no lock. */
export function planRecipientEmails(db: Db, options: EmailQueueOptions): EmailPlan {
  const now = options.now ?? Date.now();
  const s = statements(db);
  const recipients = s.recipients.all() as EmailRecipient[];
  const b = recipients.length > 0 ? (s.brand.get() as Brand | undefined) : undefined;
  if (!b) return { locale: "en", planned: [], more: false };
  const limit = options.limit ?? EMAIL_RUN_LIMIT;
  const locale: Locale = (locales as readonly string[]).includes(b.locale) ? (b.locale as Locale) : "en";
  const vars = (recipient: string) => ({
    brand: b.name,
    recipient,
    replyTo: b.replyTo,
    candorUrl: options.candorUrl,
    timeZone: b.timeZone,
  });
  const today = dayIn(now, b.timeZone);
  const todayBegan = dayStartIn(now, b.timeZone);

  const planned: Planned[] = [];
  let more = false;
  const done = new Set<number>();
  for (const r of recipients) {
    if (done.has(r.id)) continue; // one active email path per recipient; a second would write twice
    done.add(r.id);
    // One row past the limit says whether more wait, and of which day (its digest then says more of the day follow).
    const rows = (r.batching === "daily" ? s.waitingBefore.all(r.id, todayBegan, limit + 1) : s.waiting.all(r.id, limit + 1)) as Row[];
    const next = rows.length > limit ? rows.pop() : undefined;
    const plannedBefore = planned.length;
    const items: (RecipientMessageItem & { rowId: number; day: string })[] = [];
    for (const row of rows) {
      let event: ReturnType<typeof deliveryPayload> = null;
      try {
        event = deliveryPayload(
          {
            id: row.eventId,
            uid: row.eventUid,
            type: row.type,
            occurredAt: new Date(row.occurredAt),
            data: row.data && JSON.parse(row.data),
          },
          { identifiers: JSON.parse(row.identifiers) },
        );
      } catch {
        // A stored event that no longer fits its schema stays queued for the officer's task list.
      }
      if (event) items.push({ deliveryId: row.uid, event, rowId: row.id, day: dayIn(row.occurredAt, b.timeZone) });
    }
    if (r.batching === "daily") {
      const byDay = new Map<string, typeof items>();
      for (const item of items) {
        if (item.day >= today) continue;
        const list = byDay.get(item.day);
        if (list) list.push(item);
        else byDay.set(item.day, [item]);
      }
      const continuing = next && dayIn(next.occurredAt, b.timeZone);
      for (const [day, list] of [...byDay].sort(([a], [c]) => a.localeCompare(c)))
        planned.push({
          to: r.contact,
          kind: "recipient-digest",
          message: recipientDigestMessage(locale, vars(r.name), day, list, { continues: day === continuing }),
          ids: list.map((i) => i.rowId),
        });
    } else
      for (const item of items)
        planned.push({
          to: r.contact,
          kind: "recipient-notice",
          message: recipientNoticeMessage(locale, vars(r.name), item),
          ids: [item.rowId],
        });
    // Rows that stay queued (no longer fitting their schema) are read again: only a run that worded something asks for another.
    if (next && planned.length > plannedBefore) more = true;
  }
  return { locale, planned, more };
}

/**
 * The writing half: stores the planned messages in one transaction, each checked again first (another dispatcher may
 * have written it, a scrub removed what it names), and points each delivery at its message.
 */
export function writeRecipientEmails(db: Db, plan: EmailPlan): EmailQueueResult {
  const result: EmailQueueResult = { notices: 0, digests: 0, deliveries: 0, more: plan.more };
  if (plan.planned.length === 0) return result;
  const s = statements(db);
  const now = Date.now();
  db.$client
    .transaction(() => {
      for (const m of plan.planned) {
        // Written only whole: a message naming a delivery that is no longer waiting is left for the next run to write anew.
        if (!m.ids.every((id) => s.stillWaiting.get(id) === 1)) continue;
        const id = s.message.get(m.to, m.kind, plan.locale, m.message.subjectLine, m.message.body, now) as number;
        for (const d of m.ids) result.deliveries += s.carry.run(id, d).changes;
        result[m.kind === "recipient-digest" ? "digests" : "notices"]++;
      }
    })
    .immediate();
  return result;
}

/** The message left (db/requests/outbox-dispatch.ts): the deliveries it carried are delivered by email. */
export function markEmailDelivered(db: Db, outboxId: number, at: number): number {
  return db.$client
    .prepare(
      "UPDATE deliveries SET state = 'delivered', delivered_at = ?, delivered_via = 'email' WHERE outbox_id = ? AND state = 'queued'",
    )
    .run(at, outboxId).changes;
}
