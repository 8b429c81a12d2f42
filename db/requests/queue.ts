import "server-only";
import { and, asc, eq, inArray, isNull, lt, sql, type SQL } from "drizzle-orm";
import { db } from "../client";
import { staffUsers, subjectRequests, subjects, type SubjectRequest } from "../schema";
import { DAY_MS } from "@/lib/time";
import { openRequestStatuses } from "@/lib/requests/vocabulary";
import { DUE_SOON_DAYS } from "@/lib/requests/filter";
import { unlinkedContact, type UnlinkedContact } from "@/lib/requests/unlinked-contact";
import { textCondition } from "./queue-text";

/** The request is still open (its clock runs); bound parameters built from the one list. */
const statusIsOpen = inArray(subjectRequests.status, [...openRequestStatuses]);

export type RequestFilter = {
  /** A reference (whole or its start) or part of the person's email, external id or name (queue-text.ts). */
  text?: string;
  /** The text also searches people (email, name, external id, an unlinked contact): only for subject:read-pii. */
  textPeople?: boolean;
  status?: SubjectRequest["status"] | "open";
  type?: SubjectRequest["type"];
  jurisdiction?: string;
  overdue?: boolean;
  assigneeId?: number;
  unassigned?: boolean;
  /** Open and due before this instant. */
  dueBefore?: Date;
  now: Date;
  page: number;
  pageSize: number;
  /** Add each row's customer (personal data): only for callers holding subject:read-pii. */
  withCustomer?: boolean;
};

/** Who a request is from, for the queue's customer column: the linked person, or the contact staff took down. */
export type QueueCustomer = { uid: string; email: string | null; externalId: string | null } | { contact: UnlinkedContact };

export type RequestQueueRow = Pick<
  SubjectRequest,
  "id" | "ref" | "type" | "status" | "jurisdiction" | "intake" | "receivedAt" | "dueAt" | "extendedAt"
> & { assigneeName: string | null; customer?: QueueCustomer | null };

/** The request queue, soonest due first. Rows carry the subject's personal data only when `withCustomer` is asked. */
export function listRequestQueue(f: RequestFilter): { rows: RequestQueueRow[]; hasMore: boolean } {
  const where: SQL[] = [];
  if (f.status === "open") where.push(statusIsOpen);
  else if (f.status) where.push(eq(subjectRequests.status, f.status));
  if (f.type) where.push(eq(subjectRequests.type, f.type));
  if (f.jurisdiction) where.push(eq(subjectRequests.jurisdiction, f.jurisdiction));
  if (f.overdue) where.push(statusIsOpen, lt(subjectRequests.dueAt, f.now));
  if (f.assigneeId) where.push(eq(subjectRequests.assigneeId, f.assigneeId));
  if (f.unassigned) where.push(isNull(subjectRequests.assigneeId));
  if (f.dueBefore) where.push(statusIsOpen, lt(subjectRequests.dueAt, f.dueBefore));
  if (f.text) where.push(textCondition(f.text, { people: f.textPeople === true }));
  const rows = db
    .select({
      subjectUid: subjects.uid,
      subjectEmail: subjects.email,
      subjectExternalId: subjects.externalId,
      // A linked request's details are the person's own words, never shown here; an unlinked one's are the contact.
      contactDetails: sql<string | null>`CASE WHEN ${subjectRequests.subjectId} IS NULL THEN ${subjectRequests.details} END`,
      id: subjectRequests.id,
      ref: subjectRequests.ref,
      type: subjectRequests.type,
      status: subjectRequests.status,
      outcome: subjectRequests.outcome,
      denialReason: subjectRequests.denialReason,
      jurisdiction: subjectRequests.jurisdiction,
      intake: subjectRequests.intake,
      receivedAt: subjectRequests.receivedAt,
      dueAt: subjectRequests.dueAt,
      extendedAt: subjectRequests.extendedAt,
      assigneeName: staffUsers.name,
    })
    .from(subjectRequests)
    .leftJoin(staffUsers, eq(staffUsers.id, subjectRequests.assigneeId))
    .leftJoin(subjects, eq(subjects.id, subjectRequests.subjectId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(subjectRequests.dueAt), asc(subjectRequests.id))
    .limit(f.pageSize + 1)
    .offset((f.page - 1) * f.pageSize)
    .all();
  return {
    rows: rows.slice(0, f.pageSize).map(({ subjectUid, subjectEmail, subjectExternalId, contactDetails, ...row }) => {
      if (!f.withCustomer) return row;
      const contact = unlinkedContact(contactDetails);
      const customer = subjectUid ? { uid: subjectUid, email: subjectEmail, externalId: subjectExternalId } : contact ? { contact } : null;
      return { ...row, customer };
    }),
    hasMore: rows.length > f.pageSize,
  };
}

/** Counts for the queue header and overview: open, overdue, and closed in the last 90 days on time. */
export function getRequestCounts(now: Date) {
  const since = new Date(now.getTime() - 90 * DAY_MS);
  const r = db
    .select({
      open: sql<number>`sum(case when ${statusIsOpen} then 1 else 0 end)`,
      overdue: sql<number>`sum(case when ${statusIsOpen} and ${subjectRequests.dueAt} < ${now.getTime()} then 1 else 0 end)`,
      closed: sql<number>`sum(case when ${subjectRequests.closedAt} >= ${since.getTime()} then 1 else 0 end)`,
      closedOnTime: sql<number>`sum(case when ${subjectRequests.closedAt} >= ${since.getTime()} and ${subjectRequests.closedAt} <= ${subjectRequests.dueAt} then 1 else 0 end)`,
    })
    .from(subjectRequests)
    .get();
  return { open: r?.open ?? 0, overdue: r?.overdue ?? 0, closed: r?.closed ?? 0, closedOnTime: r?.closedOnTime ?? 0 };
}

/**
 * The built-in views' counts (the queue's "Assigned to me", "Due in 3 days", "Overdue" and the menu's badges):
 * open requests assigned to `me`; open ones due within DUE_SOON_DAYS, overdue included, as the queue's dueSoon
 * filter reads; open ones past due. Each reads only open requests, through the (status, due_at) index.
 */
export function getMyQueueCounts(me: number, now: Date): { assigned: number; dueSoon: number; overdue: number } {
  const soon = now.getTime() + DUE_SOON_DAYS * DAY_MS;
  const count = (where: SQL) =>
    db
      .select({ n: sql<number>`count(*)` })
      .from(subjectRequests)
      .where(where)
      .get()?.n ?? 0;
  return {
    assigned: count(and(eq(subjectRequests.assigneeId, me), statusIsOpen)!),
    dueSoon: count(and(statusIsOpen, lt(subjectRequests.dueAt, new Date(soon)))!),
    overdue: count(and(statusIsOpen, lt(subjectRequests.dueAt, now))!),
  };
}

/** The jurisdictions that appear in the queue, for its filter. */
export function listRequestJurisdictions(): string[] {
  return db
    .selectDistinct({ j: subjectRequests.jurisdiction })
    .from(subjectRequests)
    .orderBy(subjectRequests.jurisdiction)
    .all()
    .map((r) => r.j);
}
