import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";
import {
  denialReasons,
  requestEventKinds,
  requestIntakes,
  requestOutcomes,
  requestStatuses,
  requestTypes,
} from "../../lib/requests/vocabulary";
import { verificationLevels } from "../../lib/requests/verification";
import { outboxKinds, outboxStatuses } from "../../lib/outbox/vocabulary";
import { timestamp, createdAt } from "./columns";
import { staffUsers } from "./staff";
import { subjects } from "./consent";

/** Subject requests; kept at least 24 months, so they outlive an erased subject. */
export const subjectRequests = sqliteTable(
  "subject_requests",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ref: text("ref").notNull().unique(),
    subjectId: integer("subject_id").references(() => subjects.id, { onDelete: "set null" }),
    type: text("type", { enum: requestTypes }).notNull(),
    status: text("status", { enum: requestStatuses }).notNull(),
    jurisdiction: text("jurisdiction").notNull(),
    intake: text("intake", { enum: requestIntakes }).notNull(),
    /** The identity check this request needs, fixed at intake (lib/requests/verification.ts). */
    verification: text("verification", { enum: verificationLevels }).notNull().default("code"),
    details: text("details"),
    receivedAt: timestamp("received_at").notNull(),
    dueAt: timestamp("due_at").notNull(),
    confirmBy: timestamp("confirm_by"),
    extendedAt: timestamp("extended_at"),
    extensionReason: text("extension_reason"),
    verifiedAt: timestamp("verified_at"),
    closedAt: timestamp("closed_at"),
    rejectionReason: text("rejection_reason"),
    /** How the request ended (set when it closes; null while open): lib/requests/vocabulary.ts requestOutcomes. */
    outcome: text("outcome", { enum: requestOutcomes }),
    /** Why it, or its withheld part, was denied: set for "denied" and "complied_in_part". */
    denialReason: text("denial_reason", { enum: denialReasons }),
    /** What was withheld and why, the exemption named, or the other reason stated. */
    outcomeNote: text("outcome_note"),
    assigneeId: integer("assignee_id").references(() => staffUsers.id),
    createdById: integer("created_by_id").references(() => staffUsers.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("subject_requests_status_due_idx").on(t.status, t.dueAt),
    index("subject_requests_subject_idx").on(t.subjectId),
    // Dashboards count requests received and closed in a period.
    index("subject_requests_received_idx").on(t.receivedAt),
    index("subject_requests_closed_idx").on(t.closedAt),
  ],
);

export const requestEvents = sqliteTable(
  "request_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    requestId: integer("request_id")
      .notNull()
      .references(() => subjectRequests.id),
    at: timestamp("at").notNull(),
    actorId: integer("actor_id").references(() => staffUsers.id),
    kind: text("kind", { enum: requestEventKinds }).notNull(),
    fromStatus: text("from_status"),
    toStatus: text("to_status"),
    note: text("note"),
  },
  (t) => [index("request_events_request_idx").on(t.requestId)],
);

/** Messages to subjects; sent by SMTP when configured, otherwise read in the outbox viewer. */
export const outbox = sqliteTable(
  "outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    subjectId: integer("subject_id").references(() => subjects.id, { onDelete: "set null" }),
    requestId: integer("request_id").references(() => subjectRequests.id),
    toAddress: text("to_address").notNull(),
    kind: text("kind", { enum: outboxKinds }).notNull(),
    locale: text("locale").notNull(),
    subjectLine: text("subject_line").notNull(),
    body: text("body").notNull(),
    status: text("status", { enum: outboxStatuses }).notNull().default("pending"),
    error: text("error"),
    /** Send attempts so far; a failed attempt waits until next_attempt_at, the last one marks the message failed. */
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at"),
    /** When a dispatcher claimed it (status 'sending'); a claim older than the send timeout was lost to a crash. */
    claimedAt: timestamp("claimed_at"),
    /** The address belongs to an erased person: it is scrubbed once the message is sent or has failed for good. */
    scrubAddress: integer("scrub_address", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
    sentAt: timestamp("sent_at"),
  },
  (t) => [
    index("outbox_status_idx").on(t.status, t.createdAt),
    index("outbox_subject_idx").on(t.subjectId),
    // An erasure removes the messages to the person's address too (db/subjects/erasure.ts): found by index, not by
    // reading every message the outbox ever held.
    index("outbox_to_address_idx").on(t.toAddress),
  ],
);

export type SubjectRequest = typeof subjectRequests.$inferSelect;
export type RequestEvent = typeof requestEvents.$inferSelect;
export type OutboxMessage = typeof outbox.$inferSelect;
