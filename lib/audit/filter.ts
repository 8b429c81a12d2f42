import { z } from "zod";
import { DAY_MS } from "../time";

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)));

/** The audit page's query string; anything malformed is dropped, never an error page. */
export const auditFilterSchema = z.object({
  action: z
    .string()
    .max(60)
    .regex(/^[\w.\-]*$/)
    .optional()
    .catch(undefined),
  outcome: z.enum(["ok", "denied", "failed"]).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export type AuditFilterInput = z.infer<typeof auditFilterSchema>;

/** Turns the parsed query into date bounds: `to` includes the whole day. */
export function auditDateBounds(f: Pick<AuditFilterInput, "from" | "to">): { from?: Date; to?: Date } {
  return {
    from: f.from ? new Date(`${f.from}T00:00:00Z`) : undefined,
    to: f.to ? new Date(Date.parse(`${f.to}T00:00:00Z`) + DAY_MS) : undefined,
  };
}
