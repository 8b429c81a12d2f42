import { sql } from "drizzle-orm";
import { sqliteTable, text, integer, index, uniqueIndex } from "drizzle-orm/sqlite-core";
import { recipientRoles } from "../../lib/purposes/vocabulary";
import { propagationEventTypes } from "../../lib/propagation/events";
import { confirmers, deliveryStates, emailBatchings, pathKinds, pathStatuses } from "../../lib/propagation/vocabulary";
import { timestamp, createdAt } from "./columns";
import { apiKeys, staffUsers } from "./staff";
import { subjectRequests } from "./requests";
import { purposes } from "./purposes";

/** A company that receives personal data from the brand: one row per vendor, linked to every purpose that sends it data. */
export const recipients = sqliteTable(
  "recipients",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    role: text("role", { enum: recipientRoles }).notNull(),
    /** ISO 3166-1 alpha-2 code of where it processes the data. */
    country: text("country").notNull(),
    privacyContactName: text("privacy_contact_name"),
    privacyContactEmail: text("privacy_contact_email"),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at"),
  },
  (t) => [uniqueIndex("recipients_name_idx").on(t.name)],
);

/** How a recipient is reached (lib/propagation/vocabulary.ts): a webhook, the pull feed, or an email to its privacy contact. */
export const recipientPaths = sqliteTable(
  "recipient_paths",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    recipientId: integer("recipient_id")
      .notNull()
      .references(() => recipients.id),
    kind: text("kind", { enum: pathKinds }).notNull(),
    status: text("status", { enum: pathStatuses }).notNull().default("active"),
    /** Webhook: the endpoint, checked by lib/propagation/endpoint-guard.ts at save and at each send. */
    url: text("url"),
    /** Webhook: the signing secret (whsec_…), shown to the officer once; the previous one signs too for 24 h after a rotation. */
    secret: text("secret"),
    previousSecret: text("previous_secret"),
    rotatedAt: timestamp("rotated_at"),
    /** Feed: the recipient's own API key (kind "recipient"), which reads its changes and confirms its deliveries. */
    apiKeyId: integer("api_key_id").references(() => apiKeys.id),
    /** Email: to the recipient's privacy contact, one message per event or one a day. */
    emailBatching: text("email_batching", { enum: emailBatchings }),
    /** Feed: the last delivery id the recipient read past (its cursor); everything up to it is delivered. */
    feedCursor: integer("feed_cursor"),
    disabledAt: timestamp("disabled_at"),
    /** Why it stopped: "gone" (the endpoint answered 410) or "officer". */
    disabledReason: text("disabled_reason"),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at"),
  },
  (t) => [index("recipient_paths_recipient_idx").on(t.recipientId, t.kind)],
);

/**
 * A change recipients must hear about (lib/propagation/events.ts), written in the transaction of the change
 * itself. Its id is the sequence number recipients see: it only grows, so it orders a person's events for
 * each purpose and each recipient. `subject_id` is not a foreign key: the events outlive an erased person.
 */
export const propagationEvents = sqliteTable(
  "propagation_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    uid: text("uid").notNull().unique(),
    type: text("type", { enum: propagationEventTypes }).notNull(),
    subjectId: integer("subject_id").notNull(),
    purposeId: integer("purpose_id").references(() => purposes.id),
    requestId: integer("request_id").references(() => subjectRequests.id),
    occurredAt: timestamp("occurred_at").notNull(),
    /** The event's data (its type's schema); null once scrubbed (a rectification's data holds new values). */
    data: text("data", { mode: "json" }).$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [
    index("propagation_events_subject_idx").on(t.subjectId),
    index("propagation_events_request_idx").on(t.requestId),
    // The erasures whose deliveries are not scrubbed yet (db/propagation/scrub.ts): a handful of rows, read by every scrub run.
    index("propagation_events_unscrubbed_erasure_idx")
      .on(t.subjectId)
      .where(sql`type = 'subject.erased' AND data IS NOT NULL`),
  ],
);

/** One event for one recipient: what its paths carry, and how far it got (queued → delivered → confirmed). */
export const deliveries = sqliteTable(
  "deliveries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** The webhook-id: the same on every retry, in the feed and in the email. */
    uid: text("uid").notNull().unique(),
    eventId: integer("event_id")
      .notNull()
      .references(() => propagationEvents.id),
    recipientId: integer("recipient_id")
      .notNull()
      .references(() => recipients.id),
    /** A copy of the event's subject (not indexed: a person's deliveries are found through their events, a handful). */
    subjectId: integer("subject_id").notNull(),
    /** The identifiers this recipient already holds (lib/propagation/events.ts); null once scrubbed. */
    identifiers: text("identifiers", { mode: "json" }).$type<{ externalId?: string; email?: string }>(),
    state: text("state", { enum: deliveryStates }).notNull().default("queued"),
    /** Webhook attempts so far, when the first was made, and when the next is due. */
    attempts: integer("attempts").notNull().default(0),
    firstAttemptAt: timestamp("first_attempt_at"),
    nextAttemptAt: timestamp("next_attempt_at").notNull(),
    /** When a dispatcher claimed it for an attempt; a claim older than the attempt's timeout was lost to a crash. */
    claimedAt: timestamp("claimed_at"),
    /** The last attempt's outcome: an HTTP status, "timeout", "network-error" or a refusal of the endpoint guard. */
    lastOutcome: text("last_outcome"),
    /** The last answer's body, cut to 1 KB; scrubbed with the identifiers. */
    lastResponse: text("last_response"),
    deliveredAt: timestamp("delivered_at"),
    deliveredVia: text("delivered_via", { enum: pathKinds }),
    /** Email path: the message that carried it (outbox), scrubbed with the identifiers. */
    outboxId: integer("outbox_id"),
    confirmedAt: timestamp("confirmed_at"),
    confirmedVia: text("confirmed_via", { enum: confirmers }),
    confirmedById: integer("confirmed_by_id").references(() => staffUsers.id),
    confirmNote: text("confirm_note"),
    scrubbedAt: timestamp("scrubbed_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("deliveries_due_idx").on(t.state, t.nextAttemptAt),
    // Privacy operations' unconfirmed changes: the deliveries still awaiting their recipient written before the brand's
    // limit, found by state and age without reading a feed's recent backlog (db/dashboards/propagation-ops.ts).
    index("deliveries_state_age_idx").on(t.state, t.createdAt),
    // What a path can still carry (queued, naming someone, in no message yet), per recipient by due time: the dispatcher
    // reads only its webhook and email recipients' rows, never a feed's backlog or the deliveries that name nobody.
    index("deliveries_waiting_idx")
      .on(t.recipientId, t.nextAttemptAt)
      .where(sql`state = 'queued' AND identifiers IS NOT NULL AND outbox_id IS NULL`),
    index("deliveries_recipient_idx").on(t.recipientId, t.id),
    index("deliveries_event_idx").on(t.eventId),
    // The email path marks what a sent message carried (db/propagation/email.ts); the scrub finds the messages. Only the
    // rows in a message are indexed: a delivery is written without one, and the writer need not index every such row.
    index("deliveries_outbox_idx")
      .on(t.outboxId)
      .where(sql`outbox_id IS NOT NULL`),
  ],
);

export type Recipient = typeof recipients.$inferSelect;
export type RecipientPath = typeof recipientPaths.$inferSelect;
export type PropagationEventRow = typeof propagationEvents.$inferSelect;
export type Delivery = typeof deliveries.$inferSelect;
