import { z } from "zod";
import { requestTypes } from "./vocabulary";

/** A request the subject makes from their preference center; what to correct must be said. */
export const subjectRequestSchema = z
  .object({
    type: z.enum(requestTypes, { error: "choose-type" }),
    details: z.string().trim().max(4000, { error: "too-long" }).optional().default(""),
  })
  .refine((v) => v.type !== "rectification" || v.details.length >= 3, { error: "say-what-to-correct", path: ["details"] });

/** The code the subject was sent for one of their requests. */
export const subjectRequestCodeSchema = z.object({
  requestId: z.coerce.number({ error: "invalid" }).int().positive({ error: "invalid" }),
  code: z
    .string()
    .transform((s) => s.replace(/\s+/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, { error: "code-format" })),
});

/** Where a subject's request stands, in the few words the status page uses. */
export function subjectStatus(status: string, verification: string): "waiting-for-code" | "received" | "in-progress" | "done" | "refused" {
  if (status === "completed") return "done";
  if (status === "rejected") return "refused";
  if (status === "in_progress") return "in-progress";
  if (status === "verifying" && verification !== "none") return "waiting-for-code";
  return "received";
}

/** The code as staff type it in when the person reads it back. */
export const staffCodeSchema = subjectRequestCodeSchema;
