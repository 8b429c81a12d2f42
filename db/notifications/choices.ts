import { and, eq, inArray } from "drizzle-orm";
import { choiceChanges, type NotificationChoices } from "@/lib/notifications/choices";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { isStaffEvent, mayHear, staffEvents } from "@/lib/notifications/vocabulary";
import { NotFoundError } from "@/lib/errors";
import { staffNotificationChoices, staffUsers } from "../schema";
import { appendAuditEntry } from "../staff/audit-chain";
import { closePendingDigest } from "./digest";
import type { Db } from "../connection";

export type StaffProfile = { id: number; name: string; email: string; role: string; locale: Locale; choices: NotificationChoices };

/** A member's profile: who they are, the language of their emails and how they hear of each event their role may see. */
export function getStaffProfile(db: Db, staffId: number): StaffProfile {
  const user = db.select().from(staffUsers).where(eq(staffUsers.id, staffId)).get();
  if (!user) throw new NotFoundError("staff user");
  const choices: NotificationChoices = {};
  for (const row of db.select().from(staffNotificationChoices).where(eq(staffNotificationChoices.staffId, staffId)).all())
    // A choice the role no longer allows (the role changed) reads, and works, as off.
    if (isStaffEvent(row.event) && row.delivery !== "off" && mayHear(user.role, row.event)) choices[row.event] = row.delivery;
  return { id: user.id, name: user.name, email: user.email, role: user.role, locale: isLocale(user.locale) ? user.locale : "en", choices };
}

/**
 * Saves a member's language and choices in one transaction, audited with what changed. Only events the
 * member's role may see are stored (the form's schema refused the rest already; this holds for any caller).
 * Items waiting for a digest under an event no longer taken in the digest are dropped with the change.
 */
export function saveStaffProfile(db: Db, staffId: number, input: { locale: Locale; choices: NotificationChoices }, now = new Date()) {
  return db.$client
    .transaction(() => {
      const before = getStaffProfile(db, staffId);
      const allowed = staffEvents.filter((e) => mayHear(before.role, e));
      const choices: NotificationChoices = {};
      for (const e of allowed) if (input.choices[e]) choices[e] = input.choices[e];
      db.delete(staffNotificationChoices)
        .where(and(eq(staffNotificationChoices.staffId, staffId), inArray(staffNotificationChoices.event, [...staffEvents])))
        .run();
      for (const [event, delivery] of Object.entries(choices))
        db.insert(staffNotificationChoices)
          .values({ staffId, event: event as (typeof staffEvents)[number], delivery, updatedAt: now })
          .run();
      closePendingDigest(
        db,
        staffId,
        staffEvents.filter((e) => choices[e] === "digest"),
      );
      if (before.locale !== input.locale)
        db.update(staffUsers).set({ locale: input.locale, updatedAt: now }).where(eq(staffUsers.id, staffId)).run();
      const changes = choiceChanges(before.choices, choices);
      const localeChanged = before.locale !== input.locale;
      if (Object.keys(changes).length || localeChanged)
        appendAuditEntry(db, {
          actorId: staffId,
          actorLabel: before.email,
          action: "staff.profile.update",
          targetType: "staff_user",
          targetId: staffId,
          details: {
            ...(Object.keys(changes).length ? { notifications: changes } : {}),
            ...(localeChanged ? { locale: [before.locale, input.locale] } : {}),
          },
          at: now,
        });
      return { changed: Object.keys(changes).length > 0 || localeChanged };
    })
    .immediate();
}
