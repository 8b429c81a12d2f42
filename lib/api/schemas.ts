import { z } from "zod";
import { consentEventInputSchema, MAX_BATCH } from "../consent/events";
import { effectiveStates } from "../consent/vocabulary";

// The API's request and response shapes. The route handlers validate with the request
// schemas and the OpenAPI document is generated from all of them, so the two cannot drift.

/** Largest body accepted for one event, and for a batch of up to MAX_BATCH events (~1 KB each at most). */
export const SINGLE_BODY_LIMIT = 16 * 1024;
export const BATCH_BODY_LIMIT = 2 * 1024 * 1024;

/** The batch envelope; events are validated one by one afterwards, so one bad event spoils nothing else. */
export const batchEnvelopeSchema = z.object({ events: z.array(z.unknown()).min(1, { error: "Send at least one event." }) }).strict();

/** The batch as documented: the envelope with every event described. */
export const batchRequestSchema = z.object({ events: z.array(consentEventInputSchema).min(1).max(MAX_BATCH) }).strict();

export const subjectIdSchema = z.string().trim().min(1).max(64);

export const recordedEventSchema = z.object({
  index: z.number().int().min(0).meta({ description: "Position of the event in the request (0 for a single event)." }),
  status: z
    .enum(["stored", "duplicate"])
    .meta({ description: '"duplicate": an event with this idempotencyKey was stored before; nothing new was written.' }),
  eventId: z.number().int(),
  subjectId: z.string().meta({ description: "Candor's id of the subject, for GET /api/v1/subjects/{subjectId}/consents." }),
  purpose: z.string(),
  state: z.enum(effectiveStates).meta({ description: "The subject's state for this purpose after the event." }),
});

export const fieldErrorSchema = z.object({
  pointer: z.string().optional().meta({ description: "RFC 6901 JSON Pointer into the request body (absent for a query parameter)." }),
  parameter: z.string().optional().meta({ description: "The query parameter at fault, when the error is about one (`cursor`, `limit`)." }),
  field: z.string().meta({ description: "The field, relative to the event; for a query parameter, its name." }),
  index: z.number().int().optional().meta({ description: "The event's position in a batch." }),
  code: z.string().meta({
    description:
      "A zod issue code (invalid_type, invalid_value, unrecognized_keys, …) or a ledger refusal (unknown-purpose, gpc-opt-out, …).",
  }),
  detail: z.string(),
});

export const rejectedEventSchema = z.object({
  index: z.number().int().min(0),
  status: z.literal("rejected"),
  errors: z.array(fieldErrorSchema).min(1),
});

const gpcFields = {
  gpc: z.boolean().meta({ description: "Whether the request carried Sec-GPC: 1." }),
  gpcOptOuts: z.number().int().min(0).meta({ description: "Sale/sharing purposes this request opted subjects out of because of GPC." }),
};

export const consentResponseSchema = recordedEventSchema.extend(gpcFields);

export const batchResponseSchema = z.object({
  stored: z.number().int().min(0),
  duplicates: z.number().int().min(0),
  rejected: z.number().int().min(0),
  ...gpcFields,
  results: z.array(z.union([recordedEventSchema, rejectedEventSchema])).meta({ description: "One entry per event, in request order." }),
});

export const purposeConsentSchema = z.object({
  purpose: z.string(),
  name: z.string(),
  legalBasis: z.string(),
  saleOrSharing: z.boolean(),
  state: z.enum(effectiveStates),
  channels: z.array(z.string()).meta({ description: "Channels granted (empty unless the state is granted)." }),
  decidedAt: z.string().nullable().meta({ format: "date-time" }),
  expiresAt: z.string().nullable().meta({ format: "date-time" }),
  stale: z.boolean().meta({ description: "Granted before the purpose last changed materially: ask again." }),
  gpc: z.boolean().meta({ description: "The current state was set by a Global Privacy Control signal." }),
  limited: z.boolean().meta({
    description:
      "Stopped by the person's limit on the use of their sensitive personal information (CCPA §7027): do not process for this purpose, whatever `state` says.",
  }),
});

export const subjectConsentsSchema = z.object({
  subjectId: z.string(),
  externalId: z.string().nullable(),
  jurisdiction: z.string(),
  locale: z.string(),
  isMinor: z.boolean(),
  sensitiveLimited: z.boolean().meta({
    description:
      "The person limited the use of their sensitive personal information (CCPA §7027); the purposes it stops have `limited: true`.",
  }),
  consents: z.array(purposeConsentSchema),
});

export const problemSchema = z.object({
  type: z.string().meta({ format: "uri", examples: ["https://candor.dev/problems/validation"] }),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string().optional(),
  errors: z.array(fieldErrorSchema).optional(),
});

export type RecordedEvent = z.infer<typeof recordedEventSchema>;
export type RejectedEvent = z.infer<typeof rejectedEventSchema>;
export type ConsentResponse = z.infer<typeof consentResponseSchema>;
export type BatchResponse = z.infer<typeof batchResponseSchema>;
export type SubjectConsents = z.infer<typeof subjectConsentsSchema>;
