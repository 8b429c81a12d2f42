import { and, eq, inArray, isNull, notInArray } from "drizzle-orm";
import { isLocale } from "@/lib/i18n/config";
import { digestMessage, type DigestEntry, type MessageContext, type NotificationItem } from "@/lib/notifications/messages";
import { brandClock, digestDue } from "@/lib/notifications/schedule";
import { mayHear, type StaffEvent } from "@/lib/notifications/vocabulary";
import { outbox, staffDigests, staffNotificationChoices, staffNotifications, staffUsers } from "../schema";
import type { Db } from "../connection";

/**
 * Drops a member's items still waiting for a digest, except those of the events they still take in one
 * (`keep`): an event switched to immediate or off, or a member made inactive, leaves nothing to come back
 * months later nor to keep them in the digest scan. Runs in the caller's transaction; returns how many went.
 */
export function closePendingDigest(db: Db, staffId: number, keep: readonly StaffEvent[] = []): number {
  return db
    .delete(staffNotifications)
    .where(
      and(
        eq(staffNotifications.staffId, staffId),
        eq(staffNotifications.delivery, "digest"),
        isNull(staffNotifications.outboxId),
        ...(keep.length ? [notInArray(staffNotifications.event, [...keep])] : []),
      ),
    )
    .run().changes;
}

/**
 * Sends each member with items waiting their daily digest, when it is due (lib/notifications/schedule.ts): one
 * outbox message with every item since their last digest that they still want in a digest, in their language;
 * the items are marked with it, so a rerun finds nothing to send. Returns how many digests were queued.
 */
export function sendDueDigests(db: Db, now: Date, ctx: MessageContext, force = false): number {
  const { day } = brandClock(now, ctx.timeZone);
  const waiting = db
    .selectDistinct({ staffId: staffNotifications.staffId })
    .from(staffNotifications)
    .where(and(eq(staffNotifications.delivery, "digest"), isNull(staffNotifications.outboxId)))
    .all();
  let sent = 0;
  for (const { staffId } of waiting) {
    const done = db.$client
      .transaction(() => {
        const member = db.select().from(staffUsers).where(eq(staffUsers.id, staffId)).get();
        if (!member) return false;
        const wanted = new Set(
          !member.active
            ? []
            : db
                .select({ event: staffNotificationChoices.event })
                .from(staffNotificationChoices)
                .where(and(eq(staffNotificationChoices.staffId, staffId), eq(staffNotificationChoices.delivery, "digest")))
                .all()
                .map((r) => r.event)
                .filter((e) => mayHear(member.role, e)),
        );
        // What the member no longer takes in a digest (made inactive, a role that may not see it) goes now, not months later.
        closePendingDigest(db, staffId, [...wanted]);
        if (wanted.size === 0) return false;
        const last = db.select({ day: staffDigests.day }).from(staffDigests).where(eq(staffDigests.staffId, staffId)).all();
        const lastDay =
          last
            .map((r) => r.day)
            .sort()
            .at(-1) ?? null;
        if (!digestDue(now, ctx.timeZone, lastDay, force)) return false;
        const rows = db
          .select()
          .from(staffNotifications)
          .where(
            and(eq(staffNotifications.staffId, staffId), eq(staffNotifications.delivery, "digest"), isNull(staffNotifications.outboxId)),
          )
          .orderBy(staffNotifications.id)
          .all()
          .filter((r) => wanted.has(r.event));
        const locale = isLocale(member.locale) ? member.locale : "en";
        const entries: DigestEntry[] = rows.map((r) => ({ event: r.event as StaffEvent, item: r.item as unknown as NotificationItem }));
        const m = digestMessage(entries, locale, ctx);
        if (!m) return false;
        const message = db
          .insert(outbox)
          .values({ toAddress: member.email, kind: "staff-digest", locale, ...m, status: "pending" })
          .returning({ id: outbox.id })
          .get();
        db.update(staffNotifications)
          .set({ outboxId: message.id })
          .where(
            inArray(
              staffNotifications.id,
              rows.map((r) => r.id),
            ),
          )
          .run();
        db.insert(staffDigests)
          .values({ staffId, day, outboxId: message.id, sentAt: now })
          .onConflictDoUpdate({ target: [staffDigests.staffId, staffDigests.day], set: { outboxId: message.id, sentAt: now } })
          .run();
        return true;
      })
      .immediate();
    if (done) sent++;
  }
  return sent;
}
