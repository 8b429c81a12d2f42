import { z } from "zod";

export const requestTypes = ["access", "portability", "deletion", "rectification", "restriction", "objection", "opt_out_sale"] as const;
export const requestStatuses = ["received", "verifying", "in_progress", "completed", "rejected"] as const;

/** The queue's query string; anything malformed falls back to the default view (open requests). */
export const requestQueueFilterSchema = z.object({
  status: z.enum([...requestStatuses, "open", "all"]).catch("open"),
  type: z.enum(requestTypes).optional().catch(undefined),
  jurisdiction: z.string().regex(/^[A-Z]{2}(-[A-Z]{2})?$/).optional().catch(undefined),
  overdue: z.enum(["1"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export type RequestQueueFilter = z.infer<typeof requestQueueFilterSchema>;
