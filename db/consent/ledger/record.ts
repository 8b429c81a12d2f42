import { randomUUID } from "node:crypto";
import type { ConsentEventInput } from "@/lib/consent/events";
import type { ConsentEventType, ConsentSource, EffectiveState } from "@/lib/consent/vocabulary";
import { effectiveState, nextState, type ConsentStateValue } from "@/lib/consent/state";
import { opensOptOut } from "@/lib/consent/sale-opt-out";
import { identifierHash } from "@/lib/subjects/identifiers";
import type { Db } from "../../connection";
import { recordSubjectEvent } from "../../propagation/record";
import { tellRecipients } from "./propagation";
import { loadReference, type LedgerPurpose, type LedgerReference } from "./reference";
import { prepareLedgerStatements, type LedgerStatements } from "./statements";
import { RollupBuffer } from "./rollup-buffer";

export type RejectCode =
  | "unknown-subject"
  | "subject-erased"
  | "jurisdiction-required"
  | "unknown-purpose"
  | "not-a-choice"
  | "unknown-channel"
  | "unknown-notice-version"
  | "no-published-notice"
  | "gpc-opt-out"
  | "guardian-required"
  | "subject-conflict";

export type RecordResult =
  | { index: number; status: "stored" | "duplicate"; eventId: number; subjectId: string; purpose: string; state: EffectiveState }
  | { index: number; status: "rejected"; code: RejectCode; field: string; detail: string };

/**
 * Who writes: a caller names one of its sources; Candor itself writes as "system" (the callers' schema refuses it).
 * `toldByRequest`: the events carry out a request whose completion tells the recipients itself (subject.objected,
 * restricted or opted_out naming the request), so a refusal here queues no objection or opt-out of its own.
 */
export type RecordContext = { gpc: boolean; source?: ConsentSource; now?: number; toldByRequest?: boolean };

/** An event as the ledger takes it: a caller's validated input, or one Candor writes itself, whose source the context names. */
export type LedgerEventInput = Omit<ConsentEventInput, "source"> & { source?: ConsentSource };

type SubjectRow = {
  id: number;
  uid: string;
  email: string | null;
  externalId: string | null;
  jurisdiction: string;
  locale: string;
  isMinor: number;
};

class Rejection extends Error {
  constructor(
    public code: RejectCode,
    public field: string,
    public detail: string,
  ) {
    super(detail);
  }
}

/** The event's idempotency key was stored before: stop, write nothing, answer with the original. */
class Replayed extends Error {}

/**
 * The one write path of the consent ledger: every event is appended, and the
 * subject's current state, the state totals and the daily rollups change in
 * the same transaction. A batch is one transaction that accepts in part:
 * each event is stored or rejected on its own (a rejected event writes
 * nothing, and the API answers 207 listing it by index), and an unexpected
 * error rolls the whole batch back.
 */
export class ConsentLedger {
  private readonly s: LedgerStatements;
  constructor(private readonly db: Db) {
    this.s = prepareLedgerStatements(db);
  }

  record(inputs: LedgerEventInput[], ctx: RecordContext): { results: RecordResult[]; gpcApplied: number } {
    const run = this.db.$client.transaction(() => {
      const now = ctx.now ?? Date.now();
      const ref = loadReference(this.s);
      const buffer = new RollupBuffer();
      const touched = new Map<number, SubjectRow>();
      const results = inputs.map((input, index) => {
        try {
          return this.recordOne(input, index, ref, buffer, touched, ctx, now);
        } catch (error) {
          if (!(error instanceof Rejection || error instanceof Replayed)) throw error;
          // A replay answers with the original event even if it would not be accepted today.
          const replay = input.idempotencyKey ? this.replay(index, input.idempotencyKey, now) : null;
          if (replay) return replay;
          if (error instanceof Replayed) throw new Error(`idempotency key ${input.idempotencyKey} conflicted but names no event`);
          return { index, status: "rejected" as const, code: error.code, field: error.field, detail: error.detail };
        }
      });
      const gpcApplied = ctx.gpc ? this.applyGpc([...touched.values()], ref, buffer, ctx, now) : 0;
      buffer.flush(this.s, this.db.$client);
      return { results, gpcApplied };
    });
    return run.immediate();
  }

  private recordOne(
    input: LedgerEventInput,
    index: number,
    ref: LedgerReference,
    buffer: RollupBuffer,
    touched: Map<number, SubjectRow>,
    ctx: RecordContext,
    now: number,
  ): RecordResult {
    // Idempotency keys are checked by the insert itself (its unique index), not by a lookup first:
    // the lookup would cost a random index read on every event for the rare replay.
    const purpose = ref.purposes.get(input.purpose);
    if (!purpose) throw new Rejection("unknown-purpose", "purpose", `No active purpose has the key "${input.purpose}".`);
    if (purpose.legalBasis !== "consent" && !(purpose.legalBasis === "legitimate_interests" && input.event !== "granted"))
      throw new Rejection(
        "not-a-choice",
        "event",
        `"${input.purpose}" is based on ${purpose.legalBasis}: it can only be ${purpose.legalBasis === "legitimate_interests" ? "objected to" : "shown, not chosen"}.`,
      );
    if (input.channel && !purpose.channels.includes(input.channel))
      throw new Rejection("unknown-channel", "channel", `"${input.purpose}" does not use the channel "${input.channel}".`);
    if (ctx.gpc && purpose.saleOrSharing && input.event === "granted")
      throw new Rejection(
        "gpc-opt-out",
        "event",
        "A Global Privacy Control signal opts this subject out of sale and sharing; the grant was not recorded.",
      );
    const subject = this.resolveSubject(input, now);
    if (subject.isMinor && input.event === "granted" && !input.guardianName)
      throw new Rejection("guardian-required", "guardianName", "This subject is a minor: a grant must name the guardian who gave it.");
    const locale = input.locale ?? subject.locale;
    const version = ref.noticeVersion(purpose.id, locale, input.noticeVersion);
    if (version === "unknown-version")
      throw new Rejection(
        "unknown-notice-version",
        "noticeVersion",
        `"${input.purpose}" has no published notice version ${input.noticeVersion} in ${locale}.`,
      );
    if (version === "none") throw new Rejection("no-published-notice", "purpose", `"${input.purpose}" has no published notice to show.`);
    const occurredAt = input.occurredAt ? Date.parse(input.occurredAt) : now;
    const appended = this.append(
      subject,
      purpose,
      {
        event: input.event,
        channel: input.channel ?? null,
        jurisdiction: input.jurisdiction ?? subject.jurisdiction,
        source: input.source ?? ctx.source ?? "api",
        locale,
        gpc: ctx.gpc,
        toldByRequest: ctx.toldByRequest ?? false,
        guardianName: input.guardianName ?? null,
        idempotencyKey: input.idempotencyKey ?? null,
        occurredAt,
        noticeVersionId: version,
      },
      ref,
      buffer,
      now,
    );
    if (!appended) throw new Replayed();
    touched.set(subject.id, subject);
    return {
      index,
      status: "stored",
      eventId: appended.id,
      subjectId: subject.uid,
      purpose: purpose.key,
      state: effectiveState(appended.state, now),
    };
  }

  private replay(index: number, key: string, now: number): RecordResult | null {
    const row = this.s.replayOf.get(key) as
      { eventId: number; subjectId: string; purpose: string; state: ConsentEventType | null; expiresAt: number | null } | undefined;
    if (!row) return null;
    const state = effectiveState(row.state ? { state: row.state, expiresAt: row.expiresAt } : null, now);
    return { index, status: "duplicate", eventId: row.eventId, subjectId: row.subjectId, purpose: row.purpose, state };
  }

  private resolveSubject(input: LedgerEventInput, now: number): SubjectRow {
    const ref = input.subject;
    for (const [kind, value] of [
      ["email", ref.email],
      ["external_id", ref.externalId],
    ] as const)
      if (value && this.s.tombstone.get(identifierHash(kind, value)))
        throw new Rejection(
          "subject-erased",
          `subject.${kind === "email" ? "email" : "externalId"}`,
          "This subject's data was erased on their request; Candor will not record anything about them again.",
        );
    const found = (
      ref.id
        ? this.s.subjectByUid.get(ref.id)
        : ref.externalId
          ? this.s.subjectByExternalId.get(ref.externalId)
          : this.s.subjectByEmail.get(ref.email)
    ) as SubjectRow | undefined;
    if (found) return found;
    if (ref.id) throw new Rejection("unknown-subject", "subject.id", `No subject has the id "${ref.id}".`);
    // A replay must not create the subject its original event already created (or named otherwise).
    if (input.idempotencyKey && this.s.eventByKey.get(input.idempotencyKey)) throw new Replayed();
    // A new externalId with an email another subject already has would break the email's
    // uniqueness (and abort the whole batch); refuse this one event instead.
    if (ref.externalId && ref.email && this.s.subjectByEmail.get(ref.email))
      throw new Rejection(
        "subject-conflict",
        "subject.email",
        `This email belongs to a subject with another externalId than "${ref.externalId}"; name the subject by one of them.`,
      );
    const jurisdiction = ref.jurisdiction ?? input.jurisdiction;
    if (!jurisdiction)
      throw new Rejection("jurisdiction-required", "subject.jurisdiction", "A new subject needs a jurisdiction (EU, UK, US-CA, KR or JP).");
    const locale = ref.locale ?? input.locale ?? "en";
    const uid = randomUUID();
    const id = Number(
      this.s.insertSubject.run(uid, ref.externalId ?? null, ref.email ?? null, jurisdiction, locale, ref.isMinor ? 1 : 0, now)
        .lastInsertRowid,
    );
    return { id, uid, email: ref.email ?? null, externalId: ref.externalId ?? null, jurisdiction, locale, isMinor: ref.isMinor ? 1 : 0 };
  }

  /** Appends one event and moves the subject's state, totals and rollups with it. */
  private append(
    subject: SubjectRow,
    purpose: LedgerPurpose,
    e: {
      event: ConsentEventType;
      channel: string | null;
      jurisdiction: string;
      source: string;
      locale: string;
      gpc: boolean;
      toldByRequest?: boolean;
      guardianName: string | null;
      idempotencyKey: string | null;
      occurredAt: number;
      noticeVersionId: number;
    },
    ref: LedgerReference,
    buffer: RollupBuffer,
    now: number,
  ): { id: number; state: ConsentStateValue } | null {
    const inserted = this.s.insertEvent.run(
      subject.id,
      purpose.id,
      e.noticeVersionId,
      e.event,
      e.channel,
      e.jurisdiction,
      e.source,
      e.locale,
      e.gpc ? 1 : 0,
      e.guardianName,
      e.idempotencyKey,
      e.occurredAt,
      now,
    );
    if (inserted.changes === 0) return null; // the idempotency key is taken: nothing was written
    const id = Number(inserted.lastInsertRowid);
    let prev = this.stateOf(subject.id, purpose.id);
    // A grant that lapsed since the last expiry run (npm run consent:expire) ends first, at its expiry, as that run would
    // have ended it: the new choice then moves the person from "expired", and the grant's ending is counted on its day.
    if (e.event !== "expired" && prev?.state === "granted" && prev.expiresAt !== null && prev.expiresAt <= e.occurredAt) {
      this.append(
        subject,
        purpose,
        {
          event: "expired",
          channel: null,
          jurisdiction: subject.jurisdiction,
          source: "system",
          locale: subject.locale,
          gpc: false,
          guardianName: null,
          idempotencyKey: null,
          occurredAt: prev.expiresAt,
          noticeVersionId: prev.noticeVersionId,
        },
        ref,
        buffer,
        now,
      );
      prev = this.stateOf(subject.id, purpose.id);
    }
    const next = nextState(
      prev,
      { id, event: e.event, channel: e.channel, occurredAt: e.occurredAt, noticeVersionId: e.noticeVersionId, gpc: e.gpc },
      purpose,
    );
    if (next !== prev) {
      this.s.upsertState.run(
        subject.id,
        purpose.id,
        next.state,
        JSON.stringify(next.channels),
        next.noticeVersionId,
        next.lastEventId,
        next.gpc ? 1 : 0,
        next.decidedAt,
        next.expiresAt,
      );
      buffer.changeState(purpose.id, subject.jurisdiction, prev, next);
      // One opt-out per person and change of state (lib/consent/sale-opt-out.ts): a refusal of a sale/sharing purpose
      // begins while the person refuses no other. The store is asked only then, so other changes cost nothing here.
      if (purpose.saleOrSharing && opensOptOut(prev?.state, next.state, () => !!this.s.refusesOtherSale.get(subject.id, purpose.id)))
        buffer.countOptOut(e.occurredAt, subject.jurisdiction, e.source, e.gpc);
      // The transactional outbox (issue 14): only a change to a purpose that sends data to recipients can tell
      // anyone, so every other change costs this one set lookup.
      if (ref.hasRecipients(purpose.id))
        tellRecipients(this.db, ref, { subjectId: subject.id, purpose, prev, next, event: e, eventId: id }, now);
    }
    buffer.countEvent(e.occurredAt, purpose.id, e.jurisdiction, e.source, e.locale, e.channel ?? "", e.event, e.gpc);
    return { id, state: next };
  }

  private stateOf(subjectId: number, purposeId: number): ConsentStateValue | null {
    const raw = this.s.stateOf.get(subjectId, purposeId) as
      (Omit<ConsentStateValue, "channels" | "gpc"> & { channels: string; gpc: number }) | undefined;
    return raw ? { ...raw, channels: JSON.parse(raw.channels) as string[], gpc: Boolean(raw.gpc) } : null;
  }

  /**
   * Expires every grant whose validity ran out by `now`: an "expired" event
   * per grant, written by Candor itself, in batches so writers are not blocked long.
   */
  expire(now = Date.now(), batchSize = 5_000): number {
    const due = this.db.$client.prepare(
      `SELECT cs.subject_id AS subjectId, cs.purpose_id AS purposeId, cs.notice_version_id AS noticeVersionId, cs.expires_at AS expiresAt,
              s.uid, s.email, s.external_id AS externalId, s.jurisdiction, s.locale, s.is_minor AS isMinor
       FROM consent_state cs JOIN subjects s ON s.id = cs.subject_id
       WHERE cs.state = 'granted' AND cs.expires_at IS NOT NULL AND cs.expires_at <= ? LIMIT ?`,
    );
    let total = 0;
    for (;;) {
      const expired = this.db.$client
        .transaction(() => {
          const rows = due.all(now, batchSize) as (SubjectRow & {
            subjectId: number;
            purposeId: number;
            noticeVersionId: number;
            expiresAt: number;
          })[];
          const ref = loadReference(this.s);
          const byId = new Map([...ref.purposes.values()].map((p) => [p.id, p]));
          const buffer = new RollupBuffer();
          for (const r of rows) {
            const purpose = byId.get(r.purposeId) ?? this.inactivePurpose(r.purposeId);
            this.append(
              { ...r, id: r.subjectId },
              purpose,
              {
                event: "expired",
                channel: null,
                jurisdiction: r.jurisdiction,
                source: "system",
                locale: r.locale,
                gpc: false,
                guardianName: null,
                idempotencyKey: null,
                occurredAt: r.expiresAt,
                noticeVersionId: r.noticeVersionId,
              },
              ref,
              buffer,
              now,
            );
          }
          buffer.flush(this.s, this.db.$client);
          return rows.length;
        })
        .immediate();
      total += expired;
      if (expired < batchSize) return total;
    }
  }

  private inactivePurpose(id: number): LedgerPurpose {
    const p = this.db.$client
      .prepare(
        "SELECT id, key, legal_basis AS legalBasis, channels, validity_days AS validityDays, sale_or_sharing AS saleOrSharing, material_change_at AS materialChangeAt FROM purposes WHERE id = ?",
      )
      .get(id) as LedgerPurpose & { channels: string };
    return { ...p, channels: JSON.parse(p.channels), saleOrSharing: Boolean(p.saleOrSharing) };
  }

  /**
   * Honours a GPC signal: every sale/sharing purpose not already refused is refused, once, marked as from GPC.
   * A person whose grant it withdraws (or a choice sent with it withdrew), or whose data went out by default
   * under a sale/sharing purpose on legitimate interests it refuses (./propagation.ts), is also opted out at the third parties of those purposes
   * the data was sold or shared to (CCPA §7026(f)): one subject.opted_out per person per signal, beside each
   * consent purpose's consent.changed.
   */
  private applyGpc(subjects: SubjectRow[], ref: LedgerReference, buffer: RollupBuffer, ctx: RecordContext, now: number): number {
    let applied = 0;
    for (const subject of subjects) {
      for (const purpose of ref.purposes.values()) {
        if (!purpose.saleOrSharing) continue;
        const state = this.s.stateOf.get(subject.id, purpose.id) as { state: string } | undefined;
        if (state && state.state !== "granted") continue;
        const version = ref.noticeVersion(purpose.id, subject.locale);
        if (typeof version !== "number") continue;
        this.append(
          subject,
          purpose,
          {
            event: state ? "withdrawn" : "denied",
            channel: null,
            jurisdiction: subject.jurisdiction,
            source: ctx.source ?? "api",
            locale: subject.locale,
            gpc: true,
            guardianName: null,
            idempotencyKey: null,
            occurredAt: now,
            noticeVersionId: version,
          },
          ref,
          buffer,
          now,
        );
        applied++;
      }
      // Its own withdrawals and the choices sent with it noted who it opted out, and of which purposes (./propagation.ts).
      const optedOut = ref.gpcOptOuts.get(subject.id);
      if (optedOut)
        recordSubjectEvent(
          this.db,
          {
            subjectId: subject.id,
            type: "subject.opted_out",
            data: { optOut: ["sale", "sharing"], gpc: true },
            purposes: [...optedOut],
            requestId: null,
            occurredAt: now,
          },
          now,
          ref.propagation,
        );
    }
    return applied;
  }
}
