import { z } from "zod";
import { recipientRoles } from "../purposes/vocabulary";
import { webhookEndpointUrlSchema, type EndpointSettings } from "./endpoint-guard";
import { emailBatchings } from "./vocabulary";

/**
 * The forms of the recipient registry (issue 14, deliverable 1), validated the same in the form and in the
 * action: a recipient's facts, and the paths that reach it.
 */

const id = z.coerce.number({ error: "invalid" }).int({ error: "invalid" }).positive({ error: "invalid" }).max(Number.MAX_SAFE_INTEGER);
const required = (max: number) => z.string({ error: "required" }).trim().min(1, { error: "required" }).max(max, { error: "too-long" });
/** A blank optional field is null, so a cleared contact is stored as none rather than as "". */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? null : v), schema.nullable());

/** Where a recipient processes the data: an ISO 3166-1 alpha-2 code, upper case. */
export const countryCodeSchema = z
  .string({ error: "required" })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, { error: "invalid-country" });

/** A recipient's facts: who it is, its role, where it processes the data, and whom to write to about privacy. */
export const recipientFieldsSchema = z.object({
  name: required(120),
  role: z.enum(recipientRoles, { error: "invalid" }),
  country: countryCodeSchema,
  privacyContactName: optional(z.string().trim().max(120, { error: "too-long" })),
  privacyContactEmail: optional(
    z
      .string()
      .trim()
      .toLowerCase()
      .max(254, { error: "too-long" })
      .pipe(z.email({ error: "invalid-email" })),
  ),
});
export type RecipientFields = z.output<typeof recipientFieldsSchema>;

export const recipientIdSchema = z.object({ recipientId: id });
export const updateRecipientSchema = recipientFieldsSchema.extend({ recipientId: id });

/** One of a recipient's paths, named by both ids so a path id from another recipient's page is refused. */
export const pathRefSchema = z.object({ recipientId: id, pathId: id });

/** A webhook endpoint: its form here; its addresses are checked by the SSRF guard when it is saved. */
export function addWebhookPathSchema(settings: EndpointSettings) {
  // A blank field is only "required", not also "not a URL".
  const url = z.string({ error: "required" }).trim().min(1, { error: "required" }).pipe(webhookEndpointUrlSchema(settings));
  return z.object({ recipientId: id, url });
}

/** An email path to the recipient's privacy contact: one message per event, or one a day. */
export const addEmailPathSchema = z.object({
  recipientId: id,
  emailBatching: z.enum(emailBatchings, { error: "invalid" }),
});
