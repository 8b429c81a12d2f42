import { MAX_BATCH } from "../consent/events";
import { authProblems, componentSchemas, json, problemResponse, type JsonObject } from "./openapi-parts";
import { dashboardPaths, staffSessionScheme, suppressionSchemas } from "./openapi-dashboards";
import { recipientPaths, recipientSecurityScheme, webhooks } from "./openapi-recipients";
import { receiptPaths } from "./openapi-receipts";
import { requestExamples, responseExamples } from "./openapi-examples";

const gpcHeader = {
  name: "Sec-GPC",
  in: "header",
  required: false,
  description:
    "Global Privacy Control. `1` opts the subjects of this request out of every sale/sharing purpose (CCPA 11 CCR §7025); any other value is ignored. A later request without it is not an opt-in.",
  schema: { type: "string", enum: ["1"] },
};

/** The OpenAPI 3.1 document served at /api/v1/openapi.json. */
export function buildOpenApiDocument(serverUrl = "/"): JsonObject {
  return {
    openapi: "3.1.0",
    info: {
      title: "Candor API",
      version: "1.0.0",
      description:
        "Record consent events, read a subject's current consent, and file subject requests (access, deletion, …) and follow them. Authenticate with a secret API key (`Authorization: Bearer ck_live_…`). Errors are RFC 9457 problem documents (`application/problem+json`). Give each event an `idempotencyKey` so a retry never stores it twice.\n\nRecipients of the brand's data (an email platform, a CRM, an ad partner) hear of withdrawals, opt-outs, erasures and corrections about the people they hold data on: as signed webhooks (the `webhooks` section), or by reading `GET /api/v1/changes` with their own recipient key (`rk_live_…`); they confirm what they acted on with `POST /api/v1/deliveries/{id}/confirm`.",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearerAuth: [] }],
    paths: {
      "/api/v1/consents": {
        post: {
          operationId: "recordConsent",
          summary: "Record one consent event",
          parameters: [gpcHeader],
          requestBody: { required: true, content: json("ConsentEvent", requestExamples.single) },
          responses: {
            "201": { description: "Stored.", content: json("ConsentResponse", { stored: { value: responseExamples.stored } }) },
            "200": {
              description: "An event with this idempotencyKey was stored before; nothing new was written.",
              content: json("ConsentResponse", { duplicate: { value: responseExamples.duplicate } }),
            },
            "400": problemResponse("The body is not JSON.", "malformedJson"),
            ...authProblems,
            "413": problemResponse("The body is over 16 KB.", "tooLarge"),
            "415": problemResponse("The body is not sent as application/json.", "unsupportedMediaType"),
            "422": problemResponse(
              "The event is invalid (say, `occurredAt` before 2000-01-01 or in the future), or the ledger refused it (unknown purpose, channel or notice version, a grant under GPC, …).",
              "validation",
              "tooEarly",
              "rejected",
            ),
          },
        },
      },
      "/api/v1/consents/batch": {
        post: {
          operationId: "recordConsentBatch",
          summary: `Record up to ${MAX_BATCH.toLocaleString("en")} consent events`,
          description:
            "Valid events are stored together; invalid ones (schema errors or ledger refusals) are reported by index and stored nowhere. A batch over the limit is refused whole.",
          parameters: [gpcHeader],
          requestBody: { required: true, content: json("BatchRequest", requestExamples.batch) },
          responses: {
            "200": {
              description: "Every event was stored or was a replay.",
              content: json("BatchResponse", { allStored: { value: responseExamples.batchOk } }),
            },
            "207": {
              description:
                "Some events were rejected (say, one dated before 2000-01-01); the rest were stored. Each result names its index.",
              content: json("BatchResponse", { mixed: { value: responseExamples.batchMixed } }),
            },
            "400": problemResponse("The body is not JSON.", "malformedJson"),
            ...authProblems,
            "413": problemResponse("The body is over 2 MB.", "tooLarge"),
            "415": problemResponse("The body is not sent as application/json.", "unsupportedMediaType"),
            "422": problemResponse(
              `Not a { "events": [...] } object, or more than ${MAX_BATCH.toLocaleString("en")} events: nothing was stored.`,
              "batchTooLarge",
              "validation",
            ),
          },
        },
      },
      "/api/v1/subjects/{subjectId}/consents": {
        get: {
          operationId: "getSubjectConsents",
          summary: "A subject's current consent, per purpose",
          parameters: [
            {
              name: "subjectId",
              in: "path",
              required: true,
              description: "The subjectId a consent response returned.",
              schema: { type: "string", maxLength: 64 },
            },
          ],
          responses: {
            "200": {
              description: "Every active purpose with the subject's state.",
              content: json("SubjectConsents", { subject: { value: responseExamples.subject } }),
            },
            ...authProblems,
            "404": problemResponse("No subject has this id.", "notFound"),
          },
        },
      },
      "/api/v1/requests": {
        post: {
          operationId: "fileSubjectRequest",
          summary: "File a subject request",
          description:
            "Files an access, portability, deletion, rectification, restriction, objection, opt-out or limit request. The deadline follows the subject's jurisdiction. A limit on the use of sensitive personal information (`limit_sensitive`, CCPA §7027) is for California people only (jurisdiction `US-CA`), needs no identity check, is due 15 business days from receipt, and takes effect at once for a known subject: every purpose using sensitive data beyond §7027(m) is stopped for them (`limited: true` in their consents) and the recipients holding the data are sent `subject.limited`. When the brand's policy asks for a one-time code for this type, Candor emails it to the subject at once; the request then waits in `verifying`. An open request of the same type from the same subject is not merged: it is flagged in `duplicateOf`.",
          requestBody: { required: true, content: json("SubjectRequestInput", requestExamples.subjectRequest) },
          responses: {
            "201": {
              description: "Filed. `Location` names the request.",
              headers: { Location: { schema: { type: "string" } } },
              content: json("SubjectRequest", { filed: { value: responseExamples.subjectRequest } }),
            },
            "400": problemResponse("The body is not JSON.", "malformedJson"),
            ...authProblems,
            "413": problemResponse("The body is over 16 KB.", "tooLarge"),
            "415": problemResponse("The body is not sent as application/json.", "unsupportedMediaType"),
            "422": problemResponse(
              "The body is invalid, the subject id is unknown, a limit request is for someone outside California, or Candor cannot reach an unknown person (no email) or tell whose law applies (type `validation`); or the identities given belong to different people, say one person's email and another's externalId (type `subject-conflict`, one error per field). Nothing is filed. An identity that matches nobody is no conflict: the request goes to the person the other identity names.",
              "requestRefused",
              "subjectConflict",
            ),
          },
        },
      },
      "/api/v1/requests/{ref}": {
        get: {
          operationId: "getSubjectRequest",
          summary: "Where a subject request stands",
          parameters: [
            {
              name: "ref",
              in: "path",
              required: true,
              description: "The ref POST /api/v1/requests returned.",
              schema: { type: "string", pattern: "^REQ-\\d{4}-\\d{5,}$" },
            },
          ],
          responses: {
            "200": {
              description: "The request's status and due date.",
              content: json("SubjectRequest", { filed: { value: responseExamples.subjectRequest } }),
            },
            ...authProblems,
            "404": problemResponse("No request has this reference.", "requestNotFound"),
          },
        },
      },
      ...recipientPaths(),
      ...receiptPaths(),
      ...dashboardPaths(),
    },
    webhooks: webhooks(),
    components: {
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          description: "A secret API key (ck_live_…), created by an administrator under Admin → API keys.",
        },
        recipientKey: recipientSecurityScheme,
        staffSession: staffSessionScheme,
      },
      schemas: { ...componentSchemas(), ...suppressionSchemas },
    },
  };
}
