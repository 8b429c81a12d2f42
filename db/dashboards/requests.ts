import "server-only";
import type { RequestFact, StatusChange } from "@/lib/metrics/request-figures";
import { openRequestStatuses } from "@/lib/requests/vocabulary";
import { all } from "./filter";

/** "?, ?, ?": one bound parameter per open status. */
const openParams = openRequestStatuses.map(() => "?").join(", ");

/**
 * Requests that matter to a span of time: received before its end and not
 * closed before its start (subject_requests is small and indexed by both).
 * No subject, no free text.
 */
export function listRequestFacts(span: { start: number; end: number }, jurisdiction?: string): RequestFact[] {
  return all<RequestFact>(
    `SELECT type, status, jurisdiction, received_at AS receivedAt, due_at AS dueAt, closed_at AS closedAt FROM subject_requests
     WHERE received_at < ? AND (closed_at IS NULL OR closed_at >= ?)${jurisdiction ? " AND jurisdiction = ?" : ""}`,
    [span.end, span.start, ...(jurisdiction ? [jurisdiction] : [])],
  );
}

/** Status changes of the requests that changed status in a span, with each one's earlier changes (to measure stays). */
export function listStatusChanges(span: { start: number; end: number }, jurisdiction?: string): StatusChange[] {
  return all<StatusChange>(
    `SELECT e.request_id AS requestId, e.at, e.from_status AS "from", e.to_status AS "to" FROM request_events e
     WHERE e.kind = 'status' AND e.request_id IN (
       SELECT DISTINCT x.request_id FROM request_events x JOIN subject_requests r ON r.id = x.request_id
       WHERE x.kind = 'status' AND x.at >= ? AND x.at < ?${jurisdiction ? " AND r.jurisdiction = ?" : ""})`,
    [span.start, span.end, ...(jurisdiction ? [jurisdiction] : [])],
  );
}

export type OverdueRequest = {
  id: number;
  ref: string;
  type: string;
  status: string;
  jurisdiction: string;
  receivedAt: number;
  dueAt: number;
  assignee: string | null;
};

/** Open requests past their due date, most overdue first: reference, type and clock only, no subject. */
export function listOverdueRequests(now: number, jurisdiction?: string, limit = 50): OverdueRequest[] {
  return all<OverdueRequest>(
    `SELECT r.id, r.ref, r.type, r.status, r.jurisdiction, r.received_at AS receivedAt, r.due_at AS dueAt, s.name AS assignee
     FROM subject_requests r LEFT JOIN staff_users s ON s.id = r.assignee_id
     WHERE r.status IN (${openParams}) AND r.due_at < ?${jurisdiction ? " AND r.jurisdiction = ?" : ""}
     ORDER BY r.due_at, r.id LIMIT ?`,
    [...openRequestStatuses, now, ...(jurisdiction ? [jurisdiction] : []), limit],
  );
}
