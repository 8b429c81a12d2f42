import { locales, type Locale } from "@/lib/i18n/config";
import type { PropagationEventType } from "@/lib/propagation/events";
import { deliveryPayload } from "@/lib/propagation/payload";
import { recipientDigestMessage, recipientNoticeMessage, type RecipientMessageItem } from "@/lib/propagation/recipient-messages";
import { wallClockAsUtc } from "@/lib/time";
import type { Db } from "../connection";
import { outbox } from "../schema";

export type EmailQueueOptions = { now?: number; candorUrl: string };
export type EmailQueueResult = { notices: number; digests: number; deliveries: number };

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
function dayIn(ms: number, timeZone: string): string {
  return new Date(wallClockAsUtc(ms, timeZone)).toISOString().slice(0, 10);
}

/**
 * The email path (issue 14, deliverable 6): for recipients reached by email (an active email path, no active
 * webhook, a privacy contact address), writes outbox messages to the privacy contact for the deliveries no
 * message carries yet, in the brand's default language: one "recipient-notice" per event, or for a "daily"
 * path one "recipient-digest" per day listing that day's events, written once the day (in the brand's zone)
 * is over. Each delivery points at its message (outbox_id); it becomes delivered when the message is sent
 * (markEmailDelivered). Without SMTP the messages wait in the outbox viewer and the deliveries stay queued:
 * the officer's task list shows them, and the officer closes each with a note once the recipient answered.
 */
export function queueRecipientEmails(db: Db, options: EmailQueueOptions): EmailQueueResult {
  const now = options.now ?? Date.now();
  const sql = db.$client;
  const result: EmailQueueResult = { notices: 0, digests: 0, deliveries: 0 };
  sql
    .transaction(() => {
      const recipients = sql
        .prepare(
          `SELECT r.id, r.name, lower(trim(r.privacy_contact_email)) AS contact, p.email_batching AS batching
           FROM recipients r JOIN recipient_paths p ON p.recipient_id = r.id AND p.kind = 'email' AND p.status = 'active'
           WHERE r.privacy_contact_email IS NOT NULL AND trim(r.privacy_contact_email) <> ''
             AND NOT EXISTS (SELECT 1 FROM recipient_paths w WHERE w.recipient_id = r.id AND w.kind = 'webhook' AND w.status = 'active')
           ORDER BY r.id, p.id`,
        )
        .all() as EmailRecipient[];
      if (recipients.length === 0) return;
      const b = sql
        .prepare(
          "SELECT name, COALESCE(NULLIF(dpo_email, ''), contact_email) AS replyTo, time_zone AS timeZone, default_locale AS locale FROM brand_settings ORDER BY id LIMIT 1",
        )
        .get() as Brand | undefined;
      if (!b) return;
      const locale: Locale = (locales as readonly string[]).includes(b.locale) ? (b.locale as Locale) : "en";
      const vars = (recipient: string) => ({
        brand: b.name,
        recipient,
        replyTo: b.replyTo,
        candorUrl: options.candorUrl,
        timeZone: b.timeZone,
      });
      const waiting = sql.prepare(
        `SELECT d.id, d.uid, d.identifiers, e.id AS eventId, e.uid AS eventUid, e.type, e.occurred_at AS occurredAt, e.data
         FROM deliveries d JOIN propagation_events e ON e.id = d.event_id
         WHERE d.recipient_id = ? AND d.state = 'queued' AND d.outbox_id IS NULL AND d.identifiers IS NOT NULL
         ORDER BY d.id`,
      );
      const carry = sql.prepare("UPDATE deliveries SET outbox_id = ? WHERE id = ? AND outbox_id IS NULL");
      const write = (
        to: string,
        kind: "recipient-notice" | "recipient-digest",
        m: { subjectLine: string; body: string },
        ids: number[],
      ) => {
        const { id } = db
          .insert(outbox)
          .values({ toAddress: to, kind, locale, subjectLine: m.subjectLine, body: m.body, status: "pending" })
          .returning({ id: outbox.id })
          .get();
        for (const d of ids) result.deliveries += carry.run(id, d).changes;
      };

      const done = new Set<number>();
      for (const r of recipients) {
        if (done.has(r.id)) continue; // one active email path per recipient; a second would write twice
        done.add(r.id);
        const items: (RecipientMessageItem & { rowId: number; day: string })[] = [];
        for (const row of waiting.all(r.id) as Row[]) {
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
          const today = dayIn(now, b.timeZone);
          const byDay = new Map<string, typeof items>();
          for (const item of items) if (item.day < today) byDay.set(item.day, [...(byDay.get(item.day) ?? []), item]);
          for (const [day, list] of [...byDay].sort(([a], [c]) => a.localeCompare(c))) {
            write(
              r.contact,
              "recipient-digest",
              recipientDigestMessage(locale, vars(r.name), day, list),
              list.map((i) => i.rowId),
            );
            result.digests++;
          }
        } else {
          for (const item of items) {
            write(r.contact, "recipient-notice", recipientNoticeMessage(locale, vars(r.name), item), [item.rowId]);
            result.notices++;
          }
        }
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
