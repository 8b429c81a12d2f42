import { z } from "zod";
import { consentEventInputSchema } from "../consent/events";
import { eventSchemas, propagationEventTypes, versionedType } from "../propagation/events";
import { confirmationSchema, feedEntrySchema, feedPageSchema } from "./feed-schemas";
import { PROBLEM_CONTENT_TYPE } from "./problem";
import {
  batchRequestSchema,
  batchResponseSchema,
  consentResponseSchema,
  fieldErrorSchema,
  problemSchema,
  purposeConsentSchema,
  recordedEventSchema,
  rejectedEventSchema,
  subjectConsentsSchema,
} from "./schemas";
import { requestInputSchema, requestStatusSchema } from "./request-schemas";
import { jwksSchema, signedReceiptSchema } from "./receipt-schemas";
import { problemExamples } from "./openapi-examples";

// The OpenAPI document's building blocks: its named schemas and the responses its operations share.

export type JsonObject = Record<string, unknown>;

// Named once here; the generator turns every reuse of these schemas into a $ref.
const named = {
  ConsentEvent: consentEventInputSchema,
  BatchRequest: batchRequestSchema,
  RecordedEvent: recordedEventSchema,
  RejectedEvent: rejectedEventSchema,
  FieldError: fieldErrorSchema,
  ConsentResponse: consentResponseSchema,
  BatchResponse: batchResponseSchema,
  PurposeConsent: purposeConsentSchema,
  SubjectConsents: subjectConsentsSchema,
  SubjectRequestInput: requestInputSchema,
  SubjectRequest: requestStatusSchema,
  SignedReceipt: signedReceiptSchema,
  Jwks: jwksSchema,
  Problem: problemSchema,
} as const;

// What Candor sends recipients, described as it is sent: each event type (named by its versioned type, so a
// webhook and a feed entry refer to the same schema), the feed's page and a confirmation.
const sent = {
  FeedPage: feedPageSchema,
  FeedEntry: feedEntrySchema,
  Confirmation: confirmationSchema,
} as const;

/** A component name: a named schema, or an event's versioned type (consent.changed.v1). */
export type SchemaName = keyof typeof named | keyof typeof sent | ReturnType<typeof versionedType>;

function generate(entries: [string, z.ZodType][], io: "input" | "output"): Record<string, JsonObject> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of entries) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { io, target: "draft-2020-12", uri: (id) => `#/components/schemas/${id}` });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const { $schema, $id, ...rest } = schema as JsonObject;
      void $schema;
      void $id;
      return [id, rest];
    }),
  );
}

/** The component schemas, generated from the zod schemas the routes validate with and the events are built with. */
export function componentSchemas(): Record<string, JsonObject> {
  return {
    // "input" describes what a client may send (defaults make fields optional).
    ...generate(Object.entries(named), "input"),
    ...generate(
      [...Object.entries(sent), ...propagationEventTypes.map((t): [string, z.ZodType] => [versionedType(t), eventSchemas[t]])],
      "output",
    ),
  };
}

export const ref = (id: SchemaName) => ({ $ref: `#/components/schemas/${id}` });
export const json = (id: SchemaName, examples?: JsonObject) => ({
  "application/json": { schema: ref(id), ...(examples ? { examples } : {}) },
});
const problemContent = (...which: (keyof typeof problemExamples)[]) => ({
  [PROBLEM_CONTENT_TYPE]: { schema: ref("Problem"), examples: Object.fromEntries(which.map((k) => [k, { value: problemExamples[k] }])) },
});
export const problemResponse = (description: string, ...which: (keyof typeof problemExamples)[]) => ({
  description,
  content: problemContent(...which),
});

export const unauthorizedProblem = {
  ...problemResponse("No API key, or an unknown or revoked one.", "unauthorized"),
  headers: { "WWW-Authenticate": { schema: { type: "string" } } },
};

/** The brand's endpoints: a secret key. */
export const authProblems = {
  "401": unauthorizedProblem,
  "403": problemResponse("A publishable or recipient key was used; these endpoints need a secret key.", "forbidden"),
};
