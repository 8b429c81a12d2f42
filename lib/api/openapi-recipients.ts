import { DELIVERY_TIMEOUT_MS } from "../propagation/delivery-schedule";
import { propagationEventTypes, versionedType, type PropagationEventType } from "../propagation/events";
import { DEFAULT_FEED_LIMIT, MAX_CURSOR_LENGTH, MAX_FEED_LIMIT } from "./feed-schemas";
import { json, problemResponse, ref, unauthorizedProblem, type JsonObject } from "./openapi-parts";
import { eventExamples, recipientResponseExamples } from "./openapi-recipient-examples";

// The recipients' side of the OpenAPI document (issue 14): the events Candor sends them (the webhooks
// section), the pull feed that carries the same events, and confirmations.

export const recipientSecurityScheme = {
  type: "http",
  scheme: "bearer",
  description:
    "A recipient key (rk_live_…): the brand creates it with a recipient's feed and hands it to that recipient. It reads that recipient's changes and confirms its deliveries, nothing else; every other endpoint refuses it with 403.",
};

const security = [{ recipientKey: [] }];

const recipientAuthProblems = (forbidden: string, ...examples: ("recipientKeyOnly" | "feedSwitchedOff")[]) => ({
  "401": unauthorizedProblem,
  "403": problemResponse(forbidden, ...examples),
  "429": {
    ...problemResponse("Too many requests with this key; wait as `Retry-After` says.", "tooManyRequests"),
    headers: { "Retry-After": { schema: { type: "integer" } } },
  },
});

/** What each event tells the recipient, and what it asks of it, for the webhooks section. */
const eventAsks: Record<PropagationEventType, [summary: string, asks: string]> = {
  "consent.changed": [
    "A person's consent to a purpose changed",
    "The person's consent to a purpose that sends you their data changed between granted and not granted: stop (or resume) processing for that purpose. `sequence` increases per person and purpose.",
  ],
  "subject.erased": [
    "A person was erased",
    "Erase everything you hold about the person (GDPR Art. 17 and 19, CCPA 11 CCR §7022(b)), then confirm.",
  ],
  "subject.rectified": [
    "A person's data was corrected",
    "Correct the fields in `data.changes` to their new values (GDPR Art. 16 and 19), then confirm.",
  ],
  "subject.restricted": [
    "A person restricted processing",
    "Keep the person's data but stop processing it otherwise (GDPR Art. 18 and 19), then confirm.",
  ],
  "subject.objected": ["A person objected", "Stop processing the person's data for the purposes named (GDPR Art. 21), then confirm."],
  "subject.opted_out": [
    "A person opted out of sale or sharing",
    "Stop selling or sharing the person's personal information (CCPA 11 CCR §7026(f)), then confirm.",
  ],
  "subject.limited": [
    "A person limited the use of sensitive data",
    "Use the person's sensitive personal information only as CCPA 11 CCR §7027(m) permits, then confirm (§7027(g)(2)–(3)). Sent to every recipient (service providers and contractors as well as third parties) that received the person's data for a purpose the brand flags as using sensitive data beyond §7027(m), when the person's limit request is received.",
  ],
};

const camel = (s: string) => s.replace(/[._](\w)/g, (_, c: string) => c.toUpperCase());

const header = (name: string, description: string, schema: JsonObject) => ({ name, in: "header", required: true, description, schema });

/** The Standard Webhooks headers every delivery attempt carries. */
export const webhookHeaders = [
  header(
    "webhook-id",
    "The delivery's id (msg_…): the same on every retry of this delivery, and the `deliveryId` of the same change in GET /api/v1/changes. Drop a repeat you already applied; confirm with POST /api/v1/deliveries/{webhook-id}/confirm.",
    { type: "string", pattern: "^msg_[A-Za-z0-9_-]+$" },
  ),
  header(
    "webhook-timestamp",
    "Unix seconds when this attempt was signed. Refuse one far from your clock (the Standard Webhooks libraries allow five minutes).",
    { type: "string", pattern: "^[0-9]+$" },
  ),
  header(
    "webhook-signature",
    "Space-separated `v1,<base64>` signatures: HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}`, keyed with the base64 part of your `whsec_` secret (the Standard Webhooks specification; its libraries verify it). For 24 hours after the brand rotates the secret two are sent, one per secret: accept the request when any one verifies.",
    { type: "string" },
  ),
];

/** The webhooks section: one operation per event type, named by its versioned type. */
export function webhooks(): JsonObject {
  const seconds = DELIVERY_TIMEOUT_MS / 1000;
  return Object.fromEntries(
    propagationEventTypes.map((type) => {
      const name = versionedType(type);
      const example = (eventExamples as Partial<Record<PropagationEventType, unknown>>)[type];
      return [
        name,
        {
          post: {
            operationId: `${camel(type)}Webhook`,
            summary: eventAsks[type][0],
            description: `${eventAsks[type][1]} Candor POSTs this to each webhook endpoint of a recipient that already holds the person's data, with only the identifiers that recipient holds. Per recipient, events about one person arrive in the order they happened.`,
            security: [],
            parameters: webhookHeaders,
            requestBody: {
              required: true,
              content: { "application/json": { schema: ref(name), ...(example ? { examples: { [type]: { value: example } } } : {}) } },
            },
            responses: {
              "2XX": { description: "Received: the delivery counts as delivered. Confirm it once acted on." },
              "410": {
                description: "Gone: Candor stops sending to this endpoint (the path is disabled) and tells the brand's privacy officer.",
              },
              default: {
                description: `Anything else, no answer within ${seconds} s, or a redirect (never followed): retried with exponential backoff and jitter, from 30 s doubling to at most 4 h, for at least 72 hours and five attempts; then parked for the brand to replay.`,
              },
            },
          },
        },
      ];
    }),
  );
}

/** GET /api/v1/changes and POST /api/v1/deliveries/{id}/confirm. */
export function recipientPaths(): JsonObject {
  return {
    "/api/v1/changes": {
      get: {
        operationId: "readChanges",
        summary: "Read your changes (pull feed)",
        description:
          "For recipients without a webhook endpoint: the same events, in the order they happened, each under the id a webhook would carry; only those you have not confirmed yet (nor superseded or scrubbed after an erasure settled). Read without a cursor to start where your feed stands (a new feed: just before your oldest change not yet confirmed); then pass `nextCursor` each time, once you have stored what came. Passing a cursor marks every change up to it delivered; until you pass the new one, the same changes come again (at least once). Read again at once while `hasMore` is true.",
        security,
        parameters: [
          {
            name: "cursor",
            in: "query",
            required: false,
            description: "The `nextCursor` of your last read, as it came. Absent or empty: from where your feed stands.",
            schema: { type: "string", maxLength: MAX_CURSOR_LENGTH },
          },
          {
            name: "limit",
            in: "query",
            required: false,
            description: "At most this many changes.",
            schema: { type: "integer", minimum: 1, maximum: MAX_FEED_LIMIT, default: DEFAULT_FEED_LIMIT },
          },
        ],
        responses: {
          "200": {
            description: "Your changes after the cursor.",
            content: json("FeedPage", { page: { value: recipientResponseExamples.feedPage } }),
          },
          "400": problemResponse(
            "`cursor` is not one this feed gave, or `limit` is not a whole number in range; `errors` names the parameter.",
            "badCursor",
          ),
          ...recipientAuthProblems(
            "Not a recipient key (a secret or publishable one), or the brand has switched this recipient's feed off.",
            "recipientKeyOnly",
            "feedSwitchedOff",
          ),
        },
      },
    },
    "/api/v1/deliveries/{id}/confirm": {
      post: {
        operationId: "confirmDelivery",
        summary: "Confirm you acted on a change",
        description:
          "Tells the brand you applied one of your deliveries (erased, corrected, stopped): its request then shows you as confirmed. No body. Confirming again changes nothing and answers the first confirmation.",
        security,
        parameters: [
          {
            name: "id",
            in: "path",
            required: true,
            description: "The delivery's id: a webhook's `webhook-id`, or a feed entry's `deliveryId`.",
            schema: { type: "string", pattern: "^msg_[A-Za-z0-9_-]{1,100}$" },
          },
        ],
        responses: {
          "200": {
            description: "Confirmed (now, or before).",
            content: json("Confirmation", { confirmed: { value: recipientResponseExamples.confirmation } }),
          },
          ...recipientAuthProblems(
            "Not a recipient key (a secret or publishable one), or the brand has switched this recipient's feed off.",
            "recipientKeyOnly",
            "feedSwitchedOff",
          ),
          "404": problemResponse("You have no delivery with this id (another recipient's ids are not found either).", "deliveryNotFound"),
          "409": problemResponse("A later delivery about the same person and purpose replaced this one; confirm that one.", "superseded"),
        },
      },
    },
  };
}
