import { authProblems, json, ref } from "./openapi-parts";
import { PROBLEM_CONTENT_TYPE } from "./problem";
import { receiptExamples } from "./openapi-receipt-examples";

const pathParam = (name: string, description: string, schema: Record<string, unknown>) => ({
  name,
  in: "path",
  required: true,
  description,
  schema,
});

/** The signed consent receipt of one event (brand's secret key) and the public key set anyone verifies it with (issue 20). */
export function receiptPaths() {
  return {
    "/api/v1/subjects/{subjectId}/receipts/{eventId}": {
      get: {
        operationId: "getSignedReceipt",
        summary: "A consent event's receipt, signed",
        description:
          "The ISO/IEC TS 27560-shaped receipt of one of the subject's consent events, and the same receipt as a compact JWS signed with the brand's current key (ES256). Hand the `jws` to the person: anyone can verify it against /.well-known/jwks.json, also after the brand rotates its key.",
        parameters: [
          pathParam("subjectId", "The subjectId a consent response returned.", { type: "string", maxLength: 64 }),
          pathParam("eventId", "The eventId a consent response returned.", { type: "integer", minimum: 1 }),
        ],
        responses: {
          "200": {
            description: "The receipt and its signed form.",
            content: json("SignedReceipt", { signed: { value: receiptExamples.signed } }),
          },
          ...authProblems,
          "404": {
            description: "No such subject, or the event is not one of theirs.",
            content: {
              [PROBLEM_CONTENT_TYPE]: { schema: ref("Problem"), examples: { receiptNotFound: { value: receiptExamples.receiptNotFound } } },
            },
          },
        },
      },
    },
    "/.well-known/jwks.json": {
      get: {
        operationId: "getReceiptKeys",
        summary: "The brand's receipt verification keys (JWKS)",
        description:
          "Public keys only (RFC 7517): the key that signs now and every retired one, so a receipt signed before a rotation still verifies. No authentication. Cached for five minutes; on an unknown `kid`, fetch again.",
        security: [],
        responses: {
          "200": {
            description: "The key set.",
            headers: { "Cache-Control": { schema: { type: "string" }, example: "public, max-age=300, stale-while-revalidate=60" } },
            content: { "application/jwk-set+json": json("Jwks", { keys: { value: receiptExamples.jwks } })["application/json"] },
          },
        },
      },
    },
  };
}
