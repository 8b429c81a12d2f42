import "server-only";
import { desc, eq, like, or, sql } from "drizzle-orm";
import { db } from "../client";
import { perConnection } from "../prepared";
import { appendAuditEntry } from "../staff/audit-chain";
import { subjectRequests, subjects, type Subject, type SubjectRequest } from "../schema";
import type { Actor } from "../staff/staff";

/** Subjects matching an email, customer id or subject id (exact, or an email prefix), at most 20. */
export function searchSubjects(q: string): Subject[] {
  const term = q.trim();
  if (!term) return [];
  return db
    .select()
    .from(subjects)
    .where(or(eq(subjects.uid, term), eq(subjects.externalId, term), like(subjects.email, `${term.toLowerCase().replace(/[%_]/g, "")}%`)))
    .orderBy(subjects.email)
    .limit(20)
    .all();
}

/**
 * Opening a subject's record is itself recorded: who looked at whose personal
 * data, and when. The entry names the subject by row number only: the audit
 * log is permanent, and after an erasure no identifier of theirs may remain.
 */
export function recordSubjectView(subject: Subject, actor: Actor): void {
  appendAuditEntry(db, { actorId: actor.id, actorLabel: actor.email, action: "subject.view", targetType: "subject", targetId: subject.id });
}

// The preference center counts them on every request: built once per connection (db/prepared.ts).
const requestsOfSubject = perConnection((d) =>
  d
    .select()
    .from(subjectRequests)
    .where(eq(subjectRequests.subjectId, sql.placeholder("subjectId")))
    .orderBy(desc(subjectRequests.receivedAt))
    .prepare(),
);

export function listSubjectRequests(subjectId: number): SubjectRequest[] {
  return requestsOfSubject(db).all({ subjectId });
}
