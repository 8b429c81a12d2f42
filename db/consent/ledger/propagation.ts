import type { ConsentSource } from "@/lib/consent/vocabulary";
import type { ConsentStateValue } from "@/lib/consent/state";
import type { Db } from "../../connection";
import { recordConsentChange, recordSubjectEvent } from "../../propagation/record";
import type { LedgerPurpose, LedgerReference } from "./reference";

/** A ledger change as the recipients of its purpose hear of it. */
export type LedgerChange = {
  subjectId: number;
  purpose: LedgerPurpose;
  prev: ConsentStateValue | null;
  next: ConsentStateValue;
  event: { source: string; gpc: boolean; toldByRequest?: boolean; occurredAt: number; noticeVersionId: number };
  /** The ledger entry that made it. */
  eventId: number;
};

/** A GPC signal in this call opted the person out of a sale/sharing purpose: the signal's one subject.opted_out covers it (applyGpc). */
export function noteGpcOptOut(ref: LedgerReference, subjectId: number, purposeKey: string): void {
  ref.gpcOptOuts.set(subjectId, (ref.gpcOptOuts.get(subjectId) ?? new Set()).add(purposeKey));
}

const refusing = (state: string | undefined) => state === "denied" || state === "withdrawn";

/**
 * Queues, in the ledger's transaction (the transactional outbox, issue 14), what a change to a purpose with
 * recipients means to them. Consent: a change across the line between "may process" and "may not" is a
 * consent.changed; a first choice (no state before) tells nobody, since nothing of this purpose reached anyone
 * yet, so a new subject's first grant or denial reads no history; a sale/sharing grant withdrawn under GPC is
 * also an opt-out. Legitimate interests (the only other basis a
 * person can refuse, ConsentLedger.recordOne): the data went out by default, so a new refusal (the person was
 * not refusing before) is an objection (GDPR Art. 21), or for a purpose that sells or shares the data an
 * opt-out (CCPA §7026(f)), told to the recipients of that purpose the person's data reached; under a GPC
 * signal the opt-out goes once per person with the signal's others.
 */
export function tellRecipients(db: Db, ref: LedgerReference, change: LedgerChange, now: number): void {
  const { subjectId, purpose, prev, next, event: e } = change;
  if (purpose.legalBasis === "consent") {
    if (prev && (prev.state === "granted") !== (next.state === "granted"))
      recordConsentChange(
        db,
        {
          subjectId,
          purposeId: purpose.id,
          previousState: prev.state,
          newState: next.state,
          noticeVersion: ref.versionNumber(e.noticeVersionId),
          source: e.source as ConsentSource,
          gpc: e.gpc,
          occurredAt: e.occurredAt,
          consentEventId: change.eventId,
        },
        now,
        ref.propagation,
      );
    // A sale/sharing grant withdrawn under a GPC signal, by the signal or by a choice sent with it, is an opt-out too.
    if (e.gpc && purpose.saleOrSharing && prev?.state === "granted" && next.state !== "granted") noteGpcOptOut(ref, subjectId, purpose.key);
    return;
  }
  if (!refusing(next.state) || refusing(prev?.state) || e.toldByRequest) return;
  if (e.gpc && purpose.saleOrSharing) return noteGpcOptOut(ref, subjectId, purpose.key);
  const base = { subjectId, purposes: [purpose.key], requestId: null, occurredAt: e.occurredAt };
  if (purpose.saleOrSharing)
    recordSubjectEvent(db, { ...base, type: "subject.opted_out", data: { optOut: ["sale", "sharing"], gpc: e.gpc } }, now, ref.propagation);
  else recordSubjectEvent(db, { ...base, type: "subject.objected", data: { purposes: [purpose.key] } }, now, ref.propagation);
}
