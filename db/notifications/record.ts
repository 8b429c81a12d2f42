import { and, eq } from "drizzle-orm";
import { can } from "@/lib/auth/permissions";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { immediateMessage, type MessageContext, type NotificationItem } from "@/lib/notifications/messages";
import { mayHear, type StaffDelivery, type StaffEvent } from "@/lib/notifications/vocabulary";
import type { Permission } from "@/lib/auth/permissions";
import { outbox, staffNotificationChoices, staffNotifications, staffUsers } from "../schema";
import type { Db } from "../connection";

/** A member who asked to hear of an event, and how. */
export type Listener = { staffId: number; email: string; locale: Locale; delivery: Exclude<StaffDelivery, "off">; role: string };

/**
 * The active members who chose to hear of an event and whose role may see it now (a role changed since the
 * choice was made reads as off); `also` narrows to those holding one more permission (a notice review needs notice:publish).
 */
export function listenersOf(db: Db, event: StaffEvent, also?: Permission): Listener[] {
  return db
    .select({
      staffId: staffUsers.id,
      email: staffUsers.email,
      locale: staffUsers.locale,
      role: staffUsers.role,
      delivery: staffNotificationChoices.delivery,
    })
    .from(staffNotificationChoices)
    .innerJoin(staffUsers, eq(staffUsers.id, staffNotificationChoices.staffId))
    .where(and(eq(staffNotificationChoices.event, event), eq(staffUsers.active, true)))
    .all()
    .filter((l) => l.delivery !== "off" && mayHear(l.role, event) && (!also || can(l.role, also)))
    .map((l) => ({ ...l, locale: isLocale(l.locale) ? l.locale : "en", delivery: l.delivery as Listener["delivery"] }));
}

/**
 * Tells one member of one item, once: the row's unique key (member, event, item) makes a second call a no-op.
 * Immediately means an outbox message now, in the caller's transaction; digest means a row the next digest
 * carries. Returns whether anything new was recorded.
 */
export function notify(
  db: Db,
  listener: Listener,
  event: StaffEvent,
  itemKey: string,
  item: NotificationItem,
  ctx: MessageContext,
): boolean {
  const row = db
    .insert(staffNotifications)
    .values({ staffId: listener.staffId, event, itemKey, delivery: listener.delivery, item: item as unknown as Record<string, unknown> })
    .onConflictDoNothing()
    .returning({ id: staffNotifications.id })
    .get();
  if (!row) return false;
  if (listener.delivery === "immediate") {
    const m = immediateMessage(event, item, listener.locale, ctx);
    const sent = db
      .insert(outbox)
      .values({ toAddress: listener.email, kind: "staff-notice", locale: listener.locale, ...m, status: "pending" })
      .returning({ id: outbox.id })
      .get();
    db.update(staffNotifications).set({ outboxId: sent.id }).where(eq(staffNotifications.id, row.id)).run();
  }
  return true;
}
