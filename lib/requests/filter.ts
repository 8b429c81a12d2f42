import { z } from "zod";
import { requestStatuses, requestTypes, type RequestStatus, type RequestType } from "./vocabulary";
import { DAY_MS } from "../time";

/** The queue's query string; anything malformed falls back to the default view (open requests). */
export const requestQueueFilterSchema = z.object({
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

/** The conditions a queue filter stands for, for whoever `me` is at `now`: the page and its CSV export ask the same. */
export function queueConditions(filter: RequestQueueFilter, me: number, now: Date) {
  return {
    status: filter.status === "all" ? undefined : (filter.status as RequestStatus | "open"),
    type: filter.type as RequestType | undefined,
    jurisdiction: filter.jurisdiction,
    overdue: filter.overdue === "1",
    ...assigneeCondition(filter.assignee, me),
    dueBefore: filter.dueSoon === "1" ? new Date(now.getTime() + DUE_SOON_DAYS * DAY_MS) : undefined,
    now,
  };
}
