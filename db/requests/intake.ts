import "server-only";
import { and, eq, inArray, ne } from "drizzle-orm";
import { confirmReceiptBy, dueDate, localDay } from "@/lib/requests/deadlines";
import { intakeVerification, type IntakeProof } from "@/lib/requests/verification";
import { db } from "../client";
import { tellNewRequest } from "../notifications/run";
import { applySensitiveLimit } from "./limit";
import { SubjectConflictError } from "@/lib/errors";
import { requestAgents, subjectRequests, subjects, type Subject, type SubjectRequest } from "../schema";
import type { RequestAgent } from "@/lib/requests/agent";
import { logRequestEvent, markVerified, notifySubject, requestPolicy, startVerification, type RequestActor } from "./workflow";
import { openRequestStatuses } from "@/lib/requests/vocabulary";
import { systemNote } from "@/lib/requests/system-notes";

export type NewRequest = {
  type: SubjectRequest["type"];
  jurisdiction: string;
  intake: SubjectRequest["intake"];
  /** The subject when the caller already knows them (preference center, API). */
  subjectId?: number;
  email?: string;
  externalId?: string;
  name?: string;
  details?: string;
  /** The authorised agent making the request for the person (§7063), with the proof asked for so far. */
  agent?: RequestAgent | null;
};

export type IntakeOptions = {
  /** What the subject already proved; staff intake proves nothing by itself. */
  proof?: IntakeProof;
  /** Self-service intake sends the code at once; staff send it from the request page. */
  sendCode?: boolean;
  codeKey?: string;
  /** When the request reached the brand (staff intake of a letter or call); every clock counts from it. Defaults to now. */
  receivedAt?: Date;
  /** Why staff enter it long after receipt; kept on the intake's timeline row and in the audit log. */
  lateEntryReason?: string;
  /**
   * The signed link to the request's status page (lib/server/request-status.ts); given, the person is
   * sent an acknowledgement carrying it, after any code, so they can follow the request in one click.
   * It is written into the message as given: the server's linker gives it sealed (a marker the mailer
   * opens on the way out), so the outbox and its viewer never hold a link to the person's request.
   */
  statusLink?: (ref: string) => string;
  /** Candor's public address: staff who asked to hear of new requests at once are told in this transaction (else by the job). */
  staffLinks?: { baseUrl: string };
};

export type IntakeResult = { request: SubjectRequest; duplicateOf: string | null; verification: ReturnType<typeof intakeVerification> };

const proofNotes: Record<IntakeProof, string> = {
  none: "",
  session: systemNote("verified-by-session"),
  "brand-login": systemNote("verified-by-brand-login"),
};

type SubjectNames = { subjectId?: number; uid?: string; externalId?: string; email?: string };

/**
 * The one subject every given identity names, or undefined when none matches anyone.
 * Identities that name two different existing subjects are refused with
 * SubjectConflictError naming them: a request is never filed for a guess.
 * An identity that matches nobody is no conflict: an unknown email beside a known
 * customer id is a contact address the store does not have yet (as for consent events),
 * and an unknown customer id beside a known email is an id the brand uses but Candor
 * was never told. The request goes to the one subject found; codes and exports still
 * go to the address on file, never to the new one.
 */
function matchSubject(names: SubjectNames): Subject | undefined {
  const byId =
    names.subjectId !== undefined
      ? db.select().from(subjects).where(eq(subjects.id, names.subjectId)).get()
      : names.uid
        ? db.select().from(subjects).where(eq(subjects.uid, names.uid)).get()
        : undefined;
  const byExternalId = names.externalId ? db.select().from(subjects).where(eq(subjects.externalId, names.externalId)).get() : undefined;
  const byEmail = names.email ? db.select().from(subjects).where(eq(subjects.email, names.email)).get() : undefined;
  const found = [
    ["subjectId", byId],
    ["externalId", byExternalId],
    ["email", byEmail],
  ].filter((f): f is ["subjectId" | "externalId" | "email", Subject] => f[1] !== undefined);
  if (new Set(found.map(([, s]) => s.id)).size > 1) throw new SubjectConflictError(found.map(([field]) => field));
  return found[0]?.[1];
}

/** The next free reference of the receipt year: REQ-2026-00042. */
function nextRef(receivedAt: Date): string {
  const year = receivedAt.getUTCFullYear();
  const seq = db.$client.prepare("SELECT count(*) AS n FROM subject_requests WHERE ref LIKE ?").get(`REQ-${year}-%`) as { n: number };
  let n = seq.n + 1;
  const ref = () => `REQ-${year}-${String(n).padStart(5, "0")}`;
  while (db.select({ id: subjectRequests.id }).from(subjectRequests).where(eq(subjectRequests.ref, ref())).get()) n++;
  return ref();
}

/**
 * A new request from any intake. The subject is the one given, or found by
 * customer id or email (refused when these name different people, see
 * matchSubject); otherwise the request stays unlinked with the contact
 * details kept in `details`. The identity check is fixed now from the brand's
 * policy; proof that came with the request verifies it at once, and
 * self-service intake sends a code when one is needed. An open request of the
 * same type from the same subject is flagged on the timeline, not merged.
 */
export function createRequest(input: NewRequest, actor: RequestActor, opts: IntakeOptions = {}): IntakeResult {
  const policy = requestPolicy();
  const receivedAt = opts.receivedAt ?? new Date();
  return db.$client
    .transaction((): IntakeResult => {
      const email = input.email?.trim().toLowerCase() || undefined;
      // Checked inside the transaction, so a conflict writes nothing.
      const subject = matchSubject({ subjectId: input.subjectId, externalId: input.externalId, email });
      const clock = {
        jurisdiction: input.jurisdiction,
        type: input.type,
        receivedAt,
        timeZone: policy.timeZone,
        appiTargetDays: policy.appiTargetDays,
      };
      const details = subject
        ? input.details || null
        : JSON.stringify({
            email: email ?? null,
            externalId: input.externalId ?? null,
            name: input.name ?? null,
            note: input.details ?? null,
          });
      const level = policy.verification[input.type];
      const created = db
        .insert(subjectRequests)
        .values({
          ref: nextRef(receivedAt),
          subjectId: subject?.id ?? null,
          type: input.type,
          status: "received",
          jurisdiction: input.jurisdiction,
          intake: input.intake,
          verification: level,
          details,
          receivedAt,
          dueAt: dueDate(clock),
          confirmBy: confirmReceiptBy(clock),
          createdById: actor.id,
        })
        .returning()
        .get();
      if (input.agent)
        db.insert(requestAgents)
          .values({ requestId: created.id, ...input.agent })
          .run();
      logRequestEvent(created, actor, {
        kind: "status",
        action: "request.status",
        from: "new",
        to: "received",
        note: opts.lateEntryReason ?? null,
        details: {
          intake: input.intake,
          linked: Boolean(subject),
          verification: level,
          receivedAt: receivedAt.toISOString(),
          ...(opts.lateEntryReason ? { lateEntryReason: opts.lateEntryReason } : {}),
        },
      });
      if (input.agent)
        logRequestEvent(created, actor, {
          kind: "note",
          action: "request.agent",
          note: systemNote("agent-recorded", { name: input.agent.name }),
          details: {
            business: input.agent.business,
            signedPermission: input.agent.signedPermission,
            powerOfAttorney: input.agent.powerOfAttorney,
          },
        });
      const dup = subject
        ? db
            .select({ ref: subjectRequests.ref })
            .from(subjectRequests)
            .where(
              and(
                eq(subjectRequests.subjectId, subject.id),
                eq(subjectRequests.type, input.type),
                ne(subjectRequests.id, created.id),
                inArray(subjectRequests.status, [...openRequestStatuses]),
              ),
            )
            .get()
        : undefined;
      if (dup)
        logRequestEvent(created, actor, {
          kind: "note",
          action: "request.note",
          note: systemNote("possible-duplicate", { ref: dup.ref }),
          details: { duplicateOf: dup.ref },
        });
      const proof = subject ? (opts.proof ?? "none") : "none";
      const verification = intakeVerification(level, proof);
      let request = created;
      if (verification === "verified") request = markVerified(created.id, proofNotes[proof], actor);
      else if (verification === "send-code" && opts.sendCode && opts.codeKey) request = startVerification(created.id, actor, opts.codeKey);
      // A limit on sensitive data needs no identity check (§7027(e)): it takes effect for a known person at once.
      if (request.type === "limit_sensitive") request = applySensitiveLimit(request, actor)?.request ?? request;
      if (opts.statusLink) acknowledge(request, opts.statusLink(request.ref), policy.timeZone, actor);
      if (opts.staffLinks) tellNewRequest(db, request, opts.staffLinks);
      return { request, duplicateOf: dup?.ref ?? null, verification };
    })
    .immediate();
}

/** The "we have your request" message (dates as the brand's calendar days), noted on the timeline when there was an address. */
function acknowledge(r: SubjectRequest, link: string, timeZone: string, actor: RequestActor): void {
  if (!notifySubject(r, "request-received", { link, received: localDay(r.receivedAt, timeZone), due: localDay(r.dueAt, timeZone) })) return;
  logRequestEvent(r, actor, {
    kind: "message",
    action: "request.message",
    note: systemNote("acknowledgement-sent"),
    details: { kind: "request-received" },
  });
}

/**
 * The subject an API caller names by Candor id, customer id and/or email; undefined
 * when nobody matches. Throws SubjectConflictError when they name different people.
 */
export function resolveRequestSubject(ref: { id?: string; externalId?: string; email?: string }): Subject | undefined {
  return matchSubject({ uid: ref.id, externalId: ref.externalId, email: ref.email?.trim().toLowerCase() || undefined });
}

/** A request by its reference, with its subject's public id (null when unlinked or erased). */
export function getRequestByRef(ref: string): { request: SubjectRequest; subjectUid: string | null } | undefined {
  const row = db
    .select({ request: subjectRequests, subjectUid: subjects.uid })
    .from(subjectRequests)
    .leftJoin(subjects, eq(subjects.id, subjectRequests.subjectId))
    .where(eq(subjectRequests.ref, ref))
    .get();
  return row ? { request: row.request, subjectUid: row.subjectUid ?? null } : undefined;
}
