import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./openapi";
import { problemSchema } from "./schemas";
import { jwksSchema, signedReceiptSchema } from "./receipt-schemas";
import { receiptExamples } from "./openapi-receipt-examples";

type Json = Record<string, unknown>;
const doc = buildOpenApiDocument() as { paths: Record<string, Record<string, Json>>; components: { schemas: Record<string, Json> } };

describe("the OpenAPI document's signed receipts", () => {
  it("documents the signed receipt behind a secret key and the JWKS open to anyone", () => {
    const receipt = doc.paths["/api/v1/subjects/{subjectId}/receipts/{eventId}"].get;
    expect(receipt.security).toBeUndefined();
    expect(Object.keys(receipt.responses as Json).sort()).toEqual(["200", "401", "403", "404"]);
    const jwks = doc.paths["/.well-known/jwks.json"].get;
    expect(jwks.security).toEqual([]);
    expect(Object.keys((jwks.responses as Record<string, { content: Json }>)["200"].content)).toEqual(["application/jwk-set+json"]);
    expect(doc.components.schemas.SignedReceipt).toMatchObject({ required: expect.arrayContaining(["jws", "kid", "receipt"]) });
  });

  it("has examples that pass their schemas, and a key set that refuses a private member", () => {
    expect(signedReceiptSchema.safeParse(receiptExamples.signed).success).toBe(true);
    expect(jwksSchema.safeParse(receiptExamples.jwks).success).toBe(true);
    expect(problemSchema.safeParse(receiptExamples.receiptNotFound).success).toBe(true);
    const withPrivate = { keys: [{ ...receiptExamples.jwks.keys[0], d: "secret" }] };
    expect(jwksSchema.safeParse(withPrivate).success).toBe(false);
  });
});
