import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { db } from "../client";
import { outbox, requestEvents, staffUsers, subjectRequests, subjects } from "../schema";

/** A request with its assignee and, for callers allowed to see it, the subject's identity. */
export function getRequestDetail(id: number) {
  const row = db
    .select({
      r: subjectRequests,
      assigneeName: staffUsers.name,
      subject: {
        uid: subjects.uid,
        email: subjects.email,
        name: subjects.name,
        phone: subjects.phone,
        externalId: subjects.externalId,
        locale: subjects.locale,
      },
    })
    .from(subjectRequests)
    .leftJoin(staffUsers, eq(staffUsers.id, subjectRequests.assigneeId))
    .leftJoin(subjects, eq(subjects.id, subjectRequests.subjectId))
    .where(eq(subjectRequests.id, id))
    .get();
  return row ? { ...row.r, assigneeName: row.assigneeName, subject: row.subject?.uid ? row.subject : null } : undefined;
}

/** The request's timeline, oldest first, with who acted. */
export function listRequestTimeline(id: number) {
  return db
    .select({ e: requestEvents, actorName: staffUsers.name })
    .from(requestEvents)
    .leftJoin(staffUsers, eq(staffUsers.id, requestEvents.actorId))
    .where(eq(requestEvents.requestId, id))
    .orderBy(asc(requestEvents.id))
    .all()
    .map((x) => ({ ...x.e, actorName: x.actorName }));
}

export function listRequestMessages(id: number) {
  return db.select().from(outbox).where(eq(outbox.requestId, id)).orderBy(asc(outbox.id)).all();
}

/** Staff who may be given a request: active privacy officers. */
export function listRequestAssignees() {
  return db
    .select({ id: staffUsers.id, name: staffUsers.name })
    .from(staffUsers)
    .where(and(eq(staffUsers.active, true), eq(staffUsers.role, "privacy_officer")))
    .orderBy(asc(staffUsers.name))
    .all();
}
