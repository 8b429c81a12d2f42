import { z } from "zod";
import { requestStatuses, requestTypes, type RequestStatus, type RequestType } from "./vocabulary";
import { DAY_MS } from "../time";

/** The longest text filter read; a longer one (a paste gone wrong) is dropped rather than refused. */
export const QUEUE_TEXT_MAX_LENGTH = 100;

/** The queue's query string; anything malformed falls back to the default view (open requests). */
export const requestQueueFilterSchema = z.object({
  /** A reference (whole or its start) or part of the person's email, external id or name (lib/requests/queue-text.ts). */
  q: z
    .string()
    .max(QUEUE_TEXT_MAX_LENGTH * 2)
    // Control characters belong to no reference or address, and FTS5 stops reading a phrase at a NUL.
    .transform((q) => q.replace(/\p{Cc}/gu, " ").trim() || undefined)
    .pipe(z.string().max(QUEUE_TEXT_MAX_LENGTH).optional())
    .optional()
    .catch(undefined),
  status: z.enum([...requestStatuses, "open", "all"]).catch("open"),
  type: z.enum(requestTypes).optional().catch(undefined),
  jurisdiction: z
    .string()
    .regex(/^[A-Z]{2}(-[A-Z]{2})?$/)
    .optional()
    .catch(undefined),
  overdue: z.enum(["1"]).optional().catch(undefined),
  /** "me", "none" (unassigned) or a staff id. */
  assignee: z
    .union([z.enum(["me", "none"]), z.string().regex(/^[1-9]\d{0,8}$/)])
    .optional()
    .catch(undefined),
  /** Open requests due within DUE_SOON_DAYS (overdue ones included: they are the most urgent). */
  dueSoon: z.enum(["1"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

/** "Due soon" matches the queue's warning tone (lib/requests/sla.ts: three days or fewer). */
export const DUE_SOON_DAYS = 3;

/** The assignee condition for the query: a staff id, unassigned, or none. */
export function assigneeCondition(assignee: string | undefined, me: number): { assigneeId?: number; unassigned?: boolean } {
  if (assignee === "none") return { unassigned: true };
  if (assignee === "me") return { assigneeId: me };
  return assignee ? { assigneeId: Number(assignee) } : {};
}

export type RequestQueueFilter = z.infer<typeof requestQueueFilterSchema>;

/**
 * The conditions a queue filter stands for, for whoever `me` is at `now`: the page and its CSV export ask the same.
 * The text searches people (their email, name, external id, an unlinked request's contact) only for a role that may
 * see them (`seesPeople`: subject:read-pii); for any other it matches references only.
 */
export function queueConditions(filter: RequestQueueFilter, me: number, now: Date, access: { seesPeople: boolean }) {
  return {
    status: filter.status === "all" ? undefined : (filter.status as RequestStatus | "open"),
    text: filter.q,
    textPeople: access.seesPeople,
    type: filter.type as RequestType | undefined,
    jurisdiction: filter.jurisdiction,
    overdue: filter.overdue === "1",
    ...assigneeCondition(filter.assignee, me),
    dueBefore: filter.dueSoon === "1" ? new Date(now.getTime() + DUE_SOON_DAYS * DAY_MS) : undefined,
    now,
  };
}

/**
 * The filters as an audit entry records them: the text is often a person's email or name, and the hash-chained
 * audit log outlives an erasure, so only that a text filter was used is kept, never what it was.
 */
export function queueAuditFilters(filter: RequestQueueFilter): Record<string, string | boolean> {
  const kept: Record<string, string | boolean> = {};
  for (const [key, value] of Object.entries(filter)) if (key !== "q" && key !== "page" && value !== undefined) kept[key] = String(value);
  if (filter.q !== undefined) kept.text = true;
  return kept;
}

/** The filters the queue's address names, in this order; the page number is kept apart (a saved view has none). */
const queryKeys = ["q", "status", "type", "jurisdiction", "assignee", "dueSoon", "overdue"] as const;

/**
 * A filter as its canonical query string: keys in one order, defaults and blanks left out, so the same view
 * always reads the same (a saved view is recognised as the active one by equality). `page` adds the page past 1.
 */
export function queueQuery(filter: RequestQueueFilter, options: { page?: boolean } = {}): string {
  const params = new URLSearchParams();
  for (const key of queryKeys) {
    const value = filter[key];
    if (value === undefined || (key === "status" && value === "open")) continue;
    params.set(key, String(value));
  }
  if (options.page && filter.page > 1) params.set("page", String(filter.page));
  return params.toString();
}

/** A query string (as stored or carried on a link) read back through the schema, so nothing unchecked comes through. */
export function parseQueueQuery(query: string | undefined): RequestQueueFilter {
  const params = new URLSearchParams(query ?? "");
  return requestQueueFilterSchema.parse(Object.fromEntries(params));
}

/** The queue's address for a filter, with its page. */
export function queueHref(filter: RequestQueueFilter): string {
  const query = queueQuery(filter, { page: true });
  return query ? `/admin/requests?${query}` : "/admin/requests";
}
