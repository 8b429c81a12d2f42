import { randomFillSync } from "node:crypto";
import type { Statement } from "better-sqlite3";
import type { ConsentEventType, ConsentSource, EffectiveState } from "@/lib/consent/vocabulary";
import type { DataCategory } from "@/lib/purposes/vocabulary";
import { eventDataSchemas, recipientIdentifiers, type EventData, type PropagationEventType } from "@/lib/propagation/events";
import {
  consentChangeMayTell,
  consentChangeRecipients,
  subjectEventRecipients,
  type SubjectEventType,
} from "@/lib/propagation/eligibility";
import { correctionsFor } from "@/lib/propagation/held-data";
import { NO_IDENTIFIER_OUTCOME } from "@/lib/propagation/payload";
import type { Db } from "../connection";
import { heldCategories, loadHolderPerson, loadHoldersContext, receivedEmail, type HolderPerson, type HoldersContext } from "./holders";
import { deliveriesQueued } from "./wake";
import { perConnection } from "../prepared";
import { scoped } from "../writer/group-scope";

/**
 * The transactional outbox's one writer (issue 14, deliverable 4). Each function runs on the caller's
 * connection inside the caller's transaction, beside the change it reports: the change and its deliveries
 * commit together or not at all. It decides who is told ("only what they already hold", lib/propagation/
 * eligibility.ts), writes one propagation_events row and one deliveries row per recipient, and wakes the
 * dispatcher. Nobody to tell writes nothing.
 */

export type ConsentChange = {
  subjectId: number;
  purposeId: number;
  previousState: EffectiveState;
  newState: ConsentEventType;
  /** The notice version number the person saw, null when none applied. */
  noticeVersion: number | null;
  source: ConsentSource;
  gpc: boolean;
  occurredAt: Date | number;
  /** The ledger entry that made the change, left out of the history (what was known before); omit when recording before appending it. */
  consentEventId?: number;
};

export type SubjectEvent<T extends SubjectEventType = SubjectEventType> = {
  subjectId: number;
  type: T;
  data: EventData<T>;
  requestId: number | null;
  /**
   * The purpose keys the event is about. subject.objected: those objected to, whose recipients are told.
   * subject.opted_out: only these sale/sharing purposes' third parties are told (default all). subject.limited: the
   * purposes the limit stops, whose recipients are told (none named, nobody told).
   */
  purposes?: readonly string[];
  occurredAt: Date | number;
};

/** What was written: the event's row id (the sequence recipients see) and uid, and how many deliveries. */
export type RecordedEvent = { eventId: number; uid: string; deliveries: number };

function prepare(sql: Db["$client"]) {
  const q = (s: string): Statement => sql.prepare(s);
  return {
    insertEvent: q(
      `INSERT INTO propagation_events (uid, type, subject_id, purpose_id, request_id, occurred_at, data, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    insertDelivery: q(
      `INSERT INTO deliveries (uid, event_id, recipient_id, subject_id, identifiers, state, attempts, next_attempt_at, last_outcome, created_at)
       VALUES (?, ?, ?, ?, ?, 'queued', 0, ?, ?, ?)`,
    ),
  };
}

type Statements = ReturnType<typeof prepare>;
const statements = perConnection((db) => prepare(db.$client));

// An id is the moment it was made (milliseconds, base 36: 9 characters whose ASCII order is their time order) and
// 96 random bits. Time first, each new id sorts after the last, so the unique indexes of events and deliveries (millions
// of rows) grow at their right edge instead of dirtying a page at random for every row written. The random part is drawn
// from a pool filled 256 ids at a time: one call to the system's source per id cost a tenth of the writer's time under
// batch ingest (crypto.randomUUID keeps its own cache for the same reason).
const RANDOM_BYTES = 12;
const pool = Buffer.alloc(RANDOM_BYTES * 256);
let poolOffset = pool.length;
function randomUid(prefix: "evt_" | "msg_"): string {
  if (poolOffset === pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  poolOffset += RANDOM_BYTES;
  return prefix + Date.now().toString(36).padStart(9, "0") + pool.toString("base64url", poolOffset - RANDOM_BYTES, poolOffset);
}

/** The purposes and links eligibility reads, kept on a RecordOptions object between the writes of one transaction. */
export type PropagationContext = HoldersContext;

/** How the writer runs. */
export type RecordOptions = {
  /** Event and delivery ids; the demo seeder draws them from its seeded generator, so identical seeds give identical stores. */
  uid?: (prefix: "evt_" | "msg_") => string;
  /**
   * Filled on first use and reused by later calls given the same object: a caller writing many changes in one
   * transaction (the ledger's batch) reads the purposes and the data map once. Never share it across transactions.
   */
  context?: PropagationContext;
};
const ms = (t: Date | number) => (typeof t === "number" ? t : t.getTime());

type Target = { recipientId: number; held: DataCategory[]; receivedEmail: boolean };

/** Each recipient told, with the data categories that reached it and whether it holds the email. */
function targetsFor(ctx: HoldersContext, person: HolderPerson, recipients: readonly number[]): Target[] {
  return recipients.map((recipientId) => {
    const held = heldCategories(ctx, person, recipientId);
    return { recipientId, held, receivedEmail: receivedEmail(held, person, recipientId) };
  });
}
type EventRow = {
  type: PropagationEventType;
  subjectId: number;
  purposeId: number | null;
  requestId: number | null;
  occurredAt: number;
  data: unknown;
};

/** Writes one event and a queued delivery per recipient; nothing when there is no recipient. */
function write(
  s: Statements,
  person: HolderPerson,
  targets: readonly Target[],
  event: EventRow,
  now: number,
  { uid: newUid = randomUid }: RecordOptions,
): RecordedEvent | null {
  if (targets.length === 0) return null;
  // Checked before it is stored: data that does not fit its type is Candor's bug, and rolls the change back.
  const data = eventDataSchemas[event.type].parse(event.data);
  const uid = newUid("evt_");
  // Its id is the insert's lastInsertRowid (RETURNING would cost the statement a step of its own).
  const id = Number(
    s.insertEvent.run(uid, event.type, event.subjectId, event.purposeId, event.requestId, event.occurredAt, JSON.stringify(data), now)
      .lastInsertRowid,
  );
  for (const target of targets) {
    // The external id, and the email only if contact details reached this recipient (or an earlier delivery carried it).
    const ids = recipientIdentifiers(person, { receivedEmail: target.receivedEmail });
    // None of the person's identifiers is held there: nothing can name the person to it, so an officer confirms by hand.
    s.insertDelivery.run(
      newUid("msg_"),
      id,
      target.recipientId,
      event.subjectId,
      ids && JSON.stringify(ids),
      now,
      ids ? null : NO_IDENTIFIER_OUTCOME,
      now,
    );
  }
  deliveriesQueued();
  return { eventId: id, uid, deliveries: targets.length };
}

/**
 * Queues consent.changed for a change of a person's consent to a purpose, to the purpose's recipients that
 * already hold the data, when the change crosses between "may process" and "may not" (eligibility.ts).
 */
export function recordConsentChange(db: Db, change: ConsentChange, now: number, options: RecordOptions = {}): RecordedEvent | null {
  const s = statements(db);
  const ctx = (options.context ??= scoped("propagation.holders", () => loadHoldersContext(db)));
  const purpose = ctx.byId.get(change.purposeId);
  if (!purpose) return null;
  const facts = { purposeKey: purpose.key, previousState: change.previousState, newState: change.newState };
  // Most changes tell nobody (a first grant, a purpose with no recipient): decided before the person's history is read.
  if (!consentChangeMayTell(ctx, facts)) return null;
  const person = loadHolderPerson(db, ctx, change.subjectId, change.consentEventId);
  if (!person) return null;
  const recipients = consentChangeRecipients(ctx, person, facts);
  const data: EventData<"consent.changed"> = {
    purpose: purpose.key,
    previousState: change.previousState,
    newState: change.newState,
    noticeVersion: change.noticeVersion,
    source: change.source,
    gpc: change.gpc,
  };
  const targets = targetsFor(ctx, person, recipients);
  const row = { subjectId: change.subjectId, purposeId: purpose.id, requestId: null, occurredAt: ms(change.occurredAt) };
  return write(s, person, targets, { type: "consent.changed", ...row, data }, now, options);
}

/**
 * Queues a subject event (erased, rectified, restricted, objected, opted out, limited) to the recipients
 * that hold the person's data (eligibility.ts), and returns what it wrote (nothing when nobody is told).
 * Call it before the change removes or rewrites the person's identifiers: each delivery carries what its
 * recipient holds now. A rectification is one event per distinct set of corrections: each recipient gets
 * only the corrected fields it holds (lib/propagation/held-data.ts), and one that holds none is not told.
 */
export function recordSubjectEvent<T extends SubjectEventType>(
  db: Db,
  event: SubjectEvent<T>,
  now: number,
  options: RecordOptions = {},
): RecordedEvent[] {
  const s = statements(db);
  const ctx = (options.context ??= scoped("propagation.holders", () => loadHoldersContext(db)));
  const person = loadHolderPerson(db, ctx, event.subjectId);
  if (!person) return [];
  const recipients = subjectEventRecipients(ctx, person, event.type, event.purposes);
  const targets = targetsFor(ctx, person, recipients);
  const row = {
    type: event.type,
    subjectId: event.subjectId,
    purposeId: null,
    requestId: event.requestId,
    occurredAt: ms(event.occurredAt),
  };
  if (event.type !== "subject.rectified") {
    const written = write(s, person, targets, { ...row, data: event.data }, now, options);
    return written ? [written] : [];
  }
  const { changes } = event.data as unknown as EventData<"subject.rectified">;
  const groups = new Map<string, { changes: typeof changes; targets: Target[] }>();
  for (const target of targets) {
    const held = correctionsFor(changes, target.held);
    if (held.length === 0) continue;
    const key = JSON.stringify(held);
    const group = groups.get(key) ?? { changes: held, targets: [] };
    group.targets.push(target);
    groups.set(key, group);
  }
  return [...groups.values()].flatMap((g) => write(s, person, g.targets, { ...row, data: { changes: g.changes } }, now, options) ?? []);
}
