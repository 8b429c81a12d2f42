import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { ConsentEventInput } from "@/lib/consent/events";
import { effectiveState, isStale } from "@/lib/consent/state";
import type { EffectiveState } from "@/lib/consent/vocabulary";
import { db, readDb } from "../client";
import type { Db } from "../connection";
import { perConnection } from "../prepared";
import { ConsentLedger, type RecordContext, type RecordResult } from "./ledger/record";
import { stoppedByLimit } from "@/lib/requests/limit";
import {
  consentEvents,
  consentState,
  noticeVersions,
  notices,
  purposes,
  sensitiveLimits,
  subjects,
  type ConsentEvent,
  type Subject,
} from "../schema";
import { activePurposes } from "../purposes/active";

export type { RecordResult, RecordContext };

const globalForLedger = globalThis as unknown as { candorLedger?: ConsentLedger };

/** Records consent events through the ledger (one transaction per call). */
export function recordConsent(inputs: ConsentEventInput[], ctx: RecordContext) {
  globalForLedger.candorLedger ??= new ConsentLedger(db);
  return globalForLedger.candorLedger.record(inputs, ctx);
}

// The preference center reads these on every request: built and compiled once per connection (db/prepared.ts).
const subjectByUid = perConnection((d) =>
  d
    .select()
    .from(subjects)
    .where(eq(subjects.uid, sql.placeholder("uid")))
    .prepare(),
);

export function getSubjectByUid(uid: string): Subject | undefined {
  return subjectByUid(db).get({ uid });
}

export function getSubjectByEmail(email: string): Subject | undefined {
  return db.select().from(subjects).where(eq(subjects.email, email.trim().toLowerCase())).get();
}

export type PurposeConsent = {
  purposeId: number;
  purpose: string;
  name: string;
  legalBasis: string;
  saleOrSharing: boolean;
  channels: string[];
  state: EffectiveState;
  grantedChannels: string[];
  decidedAt: Date | null;
  expiresAt: Date | null;
  stale: boolean;
  gpc: boolean;
  noticeVersionId: number | null;
  /** Stopped by the person's standing limit on their sensitive personal information (CCPA §7027), whatever `state` says. */
  limited: boolean;
};

const consentReads = perConnection((d: Db) => ({
  states: d
    .select()
    .from(consentState)
    .where(eq(consentState.subjectId, sql.placeholder("subjectId")))
    .prepare(),
  limit: d
    .select()
    .from(sensitiveLimits)
    .where(eq(sensitiveLimits.subjectId, sql.placeholder("subjectId")))
    .prepare(),
}));

/** The subject's current state for every active purpose, with expiry and staleness applied as of `now`. */
export function getSubjectConsents(subjectId: number, now = Date.now()): PurposeConsent[] {
  // On the read connection (never waiting for the writer thread), the three reads in one snapshot.
  const q = consentReads(readDb);
  const { active, states, limit } = readDb.$client.transaction(() => ({
    active: activePurposes(readDb).all(),
    states: q.states.all({ subjectId }),
    limit: Boolean(q.limit.get({ subjectId })),
  }))();
  return active.map((p) => {
    const s = states.find((x) => x.purposeId === p.id);
    const value = s ? { state: s.state, expiresAt: s.expiresAt?.getTime() ?? null, decidedAt: s.decidedAt.getTime() } : null;
    const state = effectiveState(value, now);
    return {
      purposeId: p.id,
      purpose: p.key,
      name: p.name,
      legalBasis: p.legalBasis,
      saleOrSharing: p.saleOrSharing,
      channels: p.channels,
      state,
      grantedChannels: state === "granted" ? (s?.channels ?? []) : [],
      decidedAt: s?.decidedAt ?? null,
      expiresAt: s?.expiresAt ?? null,
      stale: isStale(value, p.materialChangeAt?.getTime() ?? null),
      gpc: s?.gpc ?? false,
      noticeVersionId: s?.noticeVersionId ?? null,
      limited: stoppedByLimit(p, limit),
    };
  });
}

export type SubjectEventRow = ConsentEvent & { purposeKey: string; purposeName: string; noticeVersion: number; noticeLocale: string };

function selectEvents(d: Db, where: ReturnType<typeof and>) {
  return d
    .select({
      e: consentEvents,
      purposeKey: purposes.key,
      purposeName: purposes.name,
      noticeVersion: noticeVersions.version,
      noticeLocale: notices.locale,
    })
    .from(consentEvents)
    .innerJoin(purposes, eq(purposes.id, consentEvents.purposeId))
    .innerJoin(noticeVersions, eq(noticeVersions.id, consentEvents.noticeVersionId))
    .innerJoin(notices, eq(notices.id, noticeVersions.noticeId))
    .where(where)
    .orderBy(desc(consentEvents.occurredAt), desc(consentEvents.id))
    .limit(sql.placeholder("limit"));
}

const subjectParam = sql.placeholder("subjectId");
const eventReads = perConnection((d) => ({
  bySubject: selectEvents(d, eq(consentEvents.subjectId, subjectParam)).prepare(),
  one: selectEvents(d, and(eq(consentEvents.subjectId, subjectParam), eq(consentEvents.id, sql.placeholder("eventId")))).prepare(),
}));

type EventRead = ReturnType<ReturnType<typeof eventReads>["bySubject"]["all"]>[number];
const eventRow = (r: EventRead): SubjectEventRow => ({
  ...r.e,
  purposeKey: r.purposeKey,
  purposeName: r.purposeName,
  noticeVersion: r.noticeVersion,
  noticeLocale: r.noticeLocale,
});

/** The subject's ledger, newest first, with the notice version each event was given under. */
export function listSubjectEvents(subjectId: number, limit = 500): SubjectEventRow[] {
  return eventReads(db).bySubject.all({ subjectId, limit }).map(eventRow);
}

/** One event of one subject (for receipts), or undefined when it is not theirs. */
export function getSubjectEvent(subjectId: number, eventId: number): SubjectEventRow | undefined {
  return eventReads(db).one.all({ subjectId, eventId, limit: 1 }).map(eventRow)[0];
}
