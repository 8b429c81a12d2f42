/** Where a message stands: waiting, claimed by a dispatcher, sent, or failed for good; labels live in the "outbox" catalog (statuses.*). */
export const outboxStatuses = ["pending", "sending", "sent", "failed"] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

/** The messages Candor sends a subject about their request (wording in lib/messages/templates, rendered by lib/requests/subject-messages.ts). */
export const requestMessageKinds = [
  "request-code",
  "request-extended",
  "request-rejected",
  "request-export",
  "request-completed",
  "request-erased",
] as const;
export type RequestMessageKind = (typeof requestMessageKinds)[number];

/**
 * Every kind of message the outbox holds, spelled with hyphens; labels live in the
 * "outbox" catalog (kinds.*). "request-received" is the acknowledgement a new request's
 * person is sent with the link to its status page (db/requests/intake.ts). The wording of
 * the messages to people is the brand's: lib/messages/templates. A stored kind outside
 * this list is a bug: db/migrations/0009 rewrote the older underscore spellings.
 */
export const outboxKinds = [
  "request-received",
  ...requestMessageKinds,
  // lib/messages/preferences-code.ts: the code that opens the preference center.
  "preferences-code",
  // lib/messages/notice-change.ts: a notice changed; a material change asks for consent again.
  "notice-update",
  "notice-reconsent",
  // lib/messages/policy-change.ts: the privacy policy changed materially (issue 19); it asks nothing again.
  "policy-change",
  // lib/incidents/people-notice.ts: a breach notice to an affected person (issue 21), in batches the officer starts.
  "incident-notice",
  // lib/propagation: an event for a recipient reached by email (one per event, or one a day), sent to its privacy contact.
  "recipient-notice",
  "recipient-digest",
  // lib/messages/staff-invite.ts: an invitation to join the staff, with a one-time link.
  "staff-invite",
  // lib/notifications/messages.ts: a staff member told at once of a request, a review or a failing path, or once a day of all of them.
  "staff-notice",
  "staff-digest",
] as const;
export type OutboxKind = (typeof outboxKinds)[number];

/**
 * Announcements to many people at once (a changed notice or privacy policy, a breach notice batch). They are sent
 * after every other due message, so a thousand of them never hold back a verification code or an answer to a request.
 */
export const announcementKinds = [
  "notice-update",
  "notice-reconsent",
  "policy-change",
  "incident-notice",
] as const satisfies readonly OutboxKind[];

/**
 * Messages a person is waiting for at a screen: a code that verifies a request or opens the preference center, or the
 * link that lets a new member in. They leave before every other due message, so a backlog of answers and staff
 * notices (a server that ran without SMTP for a while, say) never keeps someone at a form.
 */
export const urgentKinds = ["request-code", "preferences-code", "staff-invite"] as const satisfies readonly OutboxKind[];

/** Whether a stored or requested kind is one of the vocabulary's. */
export function isOutboxKind(value: string): value is OutboxKind {
  return (outboxKinds as readonly string[]).includes(value);
}
