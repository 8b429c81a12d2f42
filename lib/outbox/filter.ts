import { z } from "zod";
import { outboxKinds, outboxStatuses } from "./vocabulary";

/** The outbox viewer's query string; malformed values fall back to "all". */
export const outboxFilterSchema = z.object({
  to: z.string().trim().toLowerCase().max(200).optional().catch(undefined),
  kind: z.enum(outboxKinds).optional().catch(undefined),
  status: z.enum(outboxStatuses).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
