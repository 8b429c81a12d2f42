import { z } from "zod";

/** The outbox viewer's query string; malformed values fall back to "all". */
export const outboxFilterSchema = z.object({
  to: z.string().trim().toLowerCase().max(200).optional().catch(undefined),
  kind: z
    .string()
    .max(60)
    .regex(/^[a-z-]*$/)
    .optional()
    .catch(undefined),
  status: z.enum(["pending", "sent", "failed"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
