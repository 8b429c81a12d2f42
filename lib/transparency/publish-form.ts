import { z } from "zod";
import { reportScopes } from "./kinds";

/** The longest reason a correction may give: it is shown on the public page beside the version. */
export const REASON_MAX = 1000;

/**
 * The publish form: a year, whom the main table covers, and for a correction (intent "correct") the reason it
 * corrects the published figures, which is required. Error messages are keys in the "transparency" catalog (errors.*).
 */
export const publishReportSchema = z
  .object({
    year: z.coerce.number({ error: "invalid" }).int({ error: "invalid" }).min(2000, { error: "invalid" }).max(2100, { error: "invalid" }),
    scope: z.enum(reportScopes, { error: "invalid" }),
    intent: z.enum(["publish", "correct"], { error: "invalid" }),
    reason: z
      .string()
      .trim()
      .max(REASON_MAX, { error: "too_big" })
      .optional()
      .transform((v) => v || null),
  })
  .superRefine((v, ctx) => {
    if (v.intent === "correct" && !v.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "reason-required" });
  })
  .transform((v) => ({ year: v.year, scope: v.scope, reason: v.intent === "correct" ? v.reason : null }));
export type PublishReportInput = z.infer<typeof publishReportSchema>;
