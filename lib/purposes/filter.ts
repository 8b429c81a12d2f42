import { z } from "zod";

export const purposeStatuses = ["draft", "in_review", "active", "retired"] as const;

/** The purposes list's query string; unknown values fall back to "all". */
export const purposeFilterSchema = z.object({
  status: z.enum(purposeStatuses).optional().catch(undefined),
});
