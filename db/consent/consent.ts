import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import type { ConsentEventInput } from "@/lib/consent/events";
import { effectiveState, isStale } from "@/lib/consent/state";
import type { EffectiveState } from "@/lib/consent/vocabulary";
import { db, readDb } from "../client";
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

export type { RecordResult, RecordContext };

const globalForLedger = globalThis as unknown as { candorLedger?: ConsentLedger };

/** Records consent events through the ledger (one transaction per call). */
export function recordConsent(inputs: ConsentEventInput[], ctx: RecordContext) {
  globalForLedger.candorLedger ??= new ConsentLedger(db);
  return globalForLedger.candorLedger.record(inputs, ctx);
}

export function getSubjectByUid(uid: string): Subject | undefined {
  return db.select().from(subjects).where(eq(subjects.uid, uid)).get();
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

/** The subject's current state for every active purpose, with expiry and staleness applied as of `now`. */
export function getSubjectConsents(subjectId: number, now = Date.now()): PurposeConsent[] {
  // On the read connection (never waiting for the writer thread), the three reads in one snapshot.
  const { active, states, limit } = readDb.$client.transaction(() => ({
    active: readDb.select().from(purposes).where(eq(purposes.status, "active")).orderBy(asc(purposes.id)).all(),
    states: readDb.select().from(consentState).where(eq(consentState.subjectId, subjectId)).all(),
    limit: Boolean(readDb.select().from(sensitiveLimits).where(eq(sensitiveLimits.subjectId, subjectId)).get()),
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

function eventsWhere(where: ReturnType<typeof and>, limit: number): SubjectEventRow[] {
  return db
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
    .limit(limit)
    .all()
    .map((r) => ({
      ...r.e,
      purposeKey: r.purposeKey,
      purposeName: r.purposeName,
      noticeVersion: r.noticeVersion,
      noticeLocale: r.noticeLocale,
    }));
}

/** The subject's ledger, newest first, with the notice version each event was given under. */
export function listSubjectEvents(subjectId: number, limit = 500): SubjectEventRow[] {
  return eventsWhere(and(eq(consentEvents.subjectId, subjectId)), limit);
}

/** One event of one subject (for receipts), or undefined when it is not theirs. */
export function getSubjectEvent(subjectId: number, eventId: number): SubjectEventRow | undefined {
  return eventsWhere(and(eq(consentEvents.subjectId, subjectId), eq(consentEvents.id, eventId)), 1)[0];
}
