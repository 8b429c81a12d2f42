import { can, type Permission } from "../auth/permissions";

/**
 * What a staff member can be told of (issue 16, deliverable 3), each defined once; labels live in the
 * "profile" catalog (events.*) and the messages in lib/notifications/messages.ts.
 */
export const staffEvents = ["new-request", "due-soon", "overdue", "review", "path-failing"] as const;
export type StaffEvent = (typeof staffEvents)[number];

/** How a member hears of an event: not at all (the default), in its own email at once, or in one email a day. */
export const staffDeliveries = ["off", "immediate", "digest"] as const;
export type StaffDelivery = (typeof staffDeliveries)[number];

/**
 * Which permission lets a member see what an event is about: requests for those who read the queue,
 * review items for those who review purposes or publish notices, failing paths for those who fix paths.
 * An event a role may not see is neither offered nor accepted (deny by default).
 */
const eventPermissions: Record<StaffEvent, readonly Permission[]> = {
  "new-request": ["request:read"],
  "due-soon": ["request:read"],
  overdue: ["request:read"],
  review: ["purpose:review", "notice:publish"],
  "path-failing": ["recipient-path:manage"],
};

/** Whether a role may be told of an event: it holds any of the event's permissions. */
export function mayHear(role: unknown, event: StaffEvent): boolean {
  return eventPermissions[event].some((p) => can(role, p));
}

/** The events a role is offered on its profile, in catalogue order. */
export function eventsFor(role: unknown): StaffEvent[] {
  return staffEvents.filter((e) => mayHear(role, e));
}

export function isStaffEvent(value: unknown): value is StaffEvent {
  return typeof value === "string" && (staffEvents as readonly string[]).includes(value);
}

/** The hour of the brand's day at which the daily digest goes out. */
export const DIGEST_HOUR = 8;

/** What a role reviews, for the review inbox: purposes (and their revisions), notice versions, both or neither. */
export function reviewScopeFor(role: unknown): { purposes: boolean; notices: boolean } {
  return { purposes: can(role, "purpose:review"), notices: can(role, "notice:publish") };
}
