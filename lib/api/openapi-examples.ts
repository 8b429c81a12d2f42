import { problem } from "./problem";
import { subjectConflictProblem } from "./request-schemas";
import { recipientProblemExamples } from "./openapi-recipient-examples";

// Examples for the OpenAPI document, using the demo brand's purposes.
const subjectId = "5b0f3a8e-6a3c-4c55-9a1e-2f0d2c7e9b41";

export const requestExamples = {
  single: {
    grant: {
      summary: "A customer opts in to marketing email",
      value: {
        subject: { externalId: "cust-1042", email: "mina@example.com", jurisdiction: "KR", locale: "ko" },
        purpose: "marketing_messages",
        event: "granted",
        channel: "email",
        idempotencyKey: "order-98231-marketing-email",
      },
    },
    withdraw: {
      summary: "Withdrawal by Candor's subject id",
      value: { subject: { id: subjectId }, purpose: "personalised_recommendations", event: "withdrawn" },
    },
  },
  subjectRequest: {
    limit: {
      summary: "A Californian limits the use of their sensitive personal information (no identity check)",
      value: { type: "limit_sensitive", subject: { externalId: "cust-1042" } },
    },
    access: {
      summary: "A signed-in customer asks for a copy of their data",
      value: { type: "access", subject: { externalId: "cust-1042" }, identityVerified: true },
    },
    deletion: {
      summary: "Someone not known by id asks for deletion",
      value: { type: "deletion", subject: { email: "mina@example.com" }, jurisdiction: "KR", details: "Please close my account." },
    },
  },
  batch: {
    import: {
      summary: "Two events from a nightly import",
      value: {
        events: [
          {
            subject: { externalId: "cust-1", jurisdiction: "EU" },
            purpose: "marketing_messages",
            event: "granted",
            channel: "email",
            source: "import",
            idempotencyKey: "import-2026-05-01-1",
          },
          {
            subject: { externalId: "cust-2", jurisdiction: "US-CA" },
            purpose: "ad_partner_sharing",
            event: "denied",
            source: "import",
            idempotencyKey: "import-2026-05-01-2",
          },
        ],
      },
    },
  },
};

const recorded = { index: 0, status: "stored", eventId: 200413, subjectId, purpose: "marketing_messages", state: "granted" };

export const responseExamples = {
  stored: { ...recorded, gpc: false, gpcOptOuts: 0 },
  duplicate: { ...recorded, status: "duplicate", gpc: false, gpcOptOuts: 0 },
  batchOk: { stored: 1, duplicates: 0, rejected: 0, gpc: false, gpcOptOuts: 0, results: [recorded] },
  batchMixed: {
    stored: 1,
    duplicates: 0,
    rejected: 1,
    gpc: false,
    gpcOptOuts: 0,
    results: [
      recorded,
      {
        index: 1,
        status: "rejected",
        errors: [
          {
            pointer: "/events/1/purpose",
            field: "purpose",
            index: 1,
            code: "unknown-purpose",
            detail: 'No active purpose has the key "newsletter".',
          },
        ],
      },
    ],
  },
  subjectRequest: {
    ref: "REQ-2026-00042",
    type: "access",
    status: "verifying",
    jurisdiction: "KR",
    subjectId,
    verification: "code",
    verified: false,
    receivedAt: "2026-05-01T09:30:00.000Z",
    dueAt: "2026-05-11T14:59:59.999Z",
    extended: false,
    closedAt: null,
    duplicateOf: null,
  },
  subject: {
    subjectId,
    externalId: "cust-1042",
    jurisdiction: "US-CA",
    locale: "en",
    isMinor: false,
    sensitiveLimited: true,
    consents: [
      {
        purpose: "ad_partner_sharing",
        name: "Sharing with advertising partners",
        legalBasis: "consent",
        saleOrSharing: true,
        state: "denied",
        channels: [],
        decidedAt: "2026-05-01T09:30:00.000Z",
        expiresAt: null,
        stale: false,
        gpc: true,
        limited: false,
      },
      {
        purpose: "precise_location",
        name: "Nearby store offers using precise location",
        legalBasis: "consent",
        saleOrSharing: false,
        state: "withdrawn",
        channels: [],
        decidedAt: "2026-05-03T16:12:00.000Z",
        expiresAt: null,
        stale: false,
        gpc: false,
        limited: true,
      },
    ],
  },
};

export const problemExamples = {
  ...recipientProblemExamples,
  unauthorized: problem("unauthorized", "This API key is unknown or has been revoked."),
  forbidden: problem(
    "forbidden",
    "This endpoint needs a secret key (ck_live_…). Publishable keys (pk_live_…) are for the consent widget in browsers.",
  ),
  notFound: problem("not-found", "No subject has this id. Use the subjectId a consent response returned."),
  malformedJson: problem("malformed-json", "The body is not valid JSON: Unexpected token 'o', \"{not json}\" is not valid JSON."),
  tooLarge: problem("payload-too-large", "The body is larger than 16 KB."),
  unsupportedMediaType: problem("unsupported-media-type", 'Content-Type is "text/plain"; send application/json.'),
  validation: problem("validation", 'event: One of "granted", "denied" or "withdrawn".', {
    errors: [{ pointer: "/event", field: "event", code: "invalid_value", detail: 'One of "granted", "denied" or "withdrawn".' }],
  }),
  tooEarly: problem("validation", "occurredAt: occurredAt is before 2000-01-01; Candor does not record consent dated earlier.", {
    errors: [
      {
        pointer: "/occurredAt",
        field: "occurredAt",
        code: "custom",
        detail: "occurredAt is before 2000-01-01; Candor does not record consent dated earlier.",
      },
    ],
  }),
  rejected: problem("rejected", 'purpose: No active purpose has the key "newsletter".', {
    errors: [{ pointer: "/purpose", field: "purpose", code: "unknown-purpose", detail: 'No active purpose has the key "newsletter".' }],
  }),
  requestRefused: problem("validation", "subject.email: Nobody matches; give the person's email so Candor can verify them and reply.", {
    errors: [
      {
        pointer: "/subject/email",
        field: "subject.email",
        code: "contact-required",
        detail: "Nobody matches; give the person's email so Candor can verify them and reply.",
      },
    ],
  }),
  subjectConflict: subjectConflictProblem(["subject.externalId", "subject.email"]),
  requestNotFound: problem("not-found", "No request has this reference. Use the ref that POST /api/v1/requests returned."),
  batchTooLarge: problem(
    "batch-too-large",
    "A batch holds at most 1,000 events; this one has 1,001. Nothing was stored: split it and send each part again.",
  ),
};
