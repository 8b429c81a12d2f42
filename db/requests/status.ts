import "server-only";
import { asc, eq } from "drizzle-orm";
import { db } from "../client";
import { requestEvents, subjectRequests } from "../schema";
import type { TimelineEvent } from "@/lib/requests/status-timeline";

/**
 * What a request's status page may show its person (issue 17): the request's own facts and its
 * timeline rows' kinds, times and statuses. Notes, actors and the assignee are not even read.
 */
export function getPublicRequestStatus(ref: string) {
  const request = db
    .select({
      ref: subjectRequests.ref,
      type: subjectRequests.type,
      status: subjectRequests.status,
      jurisdiction: subjectRequests.jurisdiction,
      verification: subjectRequests.verification,
      receivedAt: subjectRequests.receivedAt,
      dueAt: subjectRequests.dueAt,
      closedAt: subjectRequests.closedAt,
      rejectionReason: subjectRequests.rejectionReason,
      outcome: subjectRequests.outcome,
      denialReason: subjectRequests.denialReason,
      outcomeNote: subjectRequests.outcomeNote,
      extensionReason: subjectRequests.extensionReason,
    })
    .from(subjectRequests)
    .where(eq(subjectRequests.ref, ref))
    .get();
  if (!request) return undefined;
  const events: TimelineEvent[] = db
    .select({ at: requestEvents.at, kind: requestEvents.kind, toStatus: requestEvents.toStatus })
    .from(requestEvents)
    .innerJoin(subjectRequests, eq(subjectRequests.id, requestEvents.requestId))
    .where(eq(subjectRequests.ref, ref))
    .orderBy(asc(requestEvents.at), asc(requestEvents.id))
    .all();
  return { ...request, events };
}
export type PublicRequestStatus = NonNullable<ReturnType<typeof getPublicRequestStatus>>;
