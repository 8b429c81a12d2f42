import "server-only";
import { and, eq, inArray, ne } from "drizzle-orm";
import { confirmReceiptBy, dueDate } from "@/lib/requests/deadlines";
import { intakeVerification, type IntakeProof } from "@/lib/requests/verification";
import { db } from "../client";
import { subjectRequests, subjects, type Subject, type SubjectRequest } from "../schema";
import { logRequestEvent, markVerified, requestPolicy, startVerification, type RequestActor } from "./request-workflow";
import { openStatuses } from "./requests";

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
};

export type IntakeOptions = {
  /** What the subject already proved; staff intake proves nothing by itself. */
  proof?: IntakeProof;
  /** Self-service intake sends the code at once; staff send it from the request page. */
  sendCode?: boolean;
  codeKey?: string;
  receivedAt?: Date;
};

export type IntakeResult = { request: SubjectRequest; duplicateOf: string | null; verification: ReturnType<typeof intakeVerification> };

const proofNotes: Record<IntakeProof, string> = {
  none: "",
  session: "identity verified by the subject's preference-center session",
  "brand-login": "identity verified by the brand's own sign-in (reported through the API)",
};

function findSubject(input: NewRequest, email: string | undefined): Subject | undefined {
  if (input.subjectId) return db.select().from(subjects).where(eq(subjects.id, input.subjectId)).get();
  return (
    (input.externalId && db.select().from(subjects).where(eq(subjects.externalId, input.externalId)).get()) ||
    (email && db.select().from(subjects).where(eq(subjects.email, email)).get()) ||
    undefined
  );
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
 * customer id or email; otherwise the request stays unlinked with the contact
 * details kept in `details`. The identity check is fixed now from the brand's
 * policy; proof that came with the request verifies it at once, and
 * self-service intake sends a code when one is needed. An open request of the
 * same type from the same subject is flagged on the timeline, not merged.
 */
export function createRequest(input: NewRequest, actor: RequestActor, opts: IntakeOptions = {}): IntakeResult {
  const policy = requestPolicy();
  const receivedAt = opts.receivedAt ?? new Date();
  return db.$client.transaction((): IntakeResult => {
    const email = input.email?.trim().toLowerCase() || undefined;
    const subject = findSubject(input, email);
    const clock = { jurisdiction: input.jurisdiction, type: input.type, receivedAt, timeZone: policy.timeZone, appiTargetDays: policy.appiTargetDays };
    const details = subject ? input.details || null : JSON.stringify({ email: email ?? null, externalId: input.externalId ?? null, name: input.name ?? null, note: input.details ?? null });
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
    logRequestEvent(created, actor, { kind: "status", action: "request.status", from: "new", to: "received", details: { intake: input.intake, linked: Boolean(subject), verification: level } });
    const dup = subject
      ? db
          .select({ ref: subjectRequests.ref })
          .from(subjectRequests)
          .where(and(eq(subjectRequests.subjectId, subject.id), eq(subjectRequests.type, input.type), ne(subjectRequests.id, created.id), inArray(subjectRequests.status, [...openStatuses])))
          .get()
      : undefined;
    if (dup) logRequestEvent(created, actor, { kind: "note", action: "request.note", note: `possible duplicate of ${dup.ref}`, details: { duplicateOf: dup.ref } });
    const proof = subject ? (opts.proof ?? "none") : "none";
    const verification = intakeVerification(level, proof);
    let request = created;
    if (verification === "verified") request = markVerified(created.id, proofNotes[proof], actor);
    else if (verification === "send-code" && opts.sendCode && opts.codeKey) request = startVerification(created.id, actor, opts.codeKey);
    return { request, duplicateOf: dup?.ref ?? null, verification };
  }).immediate();
}

/** The subject an API caller names, by Candor id, customer id or email (in that order); undefined when nobody matches. */
export function resolveRequestSubject(ref: { id?: string; externalId?: string; email?: string }): Subject | undefined {
  if (ref.id) return db.select().from(subjects).where(eq(subjects.uid, ref.id)).get();
  return findSubject({ type: "access", jurisdiction: "", intake: "api", externalId: ref.externalId }, ref.email);
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

