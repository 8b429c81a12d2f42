import { describe, expect, it } from "vitest";
import { batchRequestSchema, batchResponseSchema, consentResponseSchema, problemSchema, subjectConsentsSchema } from "./schemas";
import { consentEventInputSchema } from "../consent/events";
import { requestInputSchema, requestStatusSchema } from "./request-schemas";
import { buildOpenApiDocument } from "./openapi";
import { problemExamples, requestExamples, responseExamples } from "./openapi-examples";
import { validateEvent } from "./consents";
import { confirmationSchema, decodeFeedCursor, feedPageSchema } from "./feed-schemas";
import { eventExamples, recipientResponseExamples } from "./openapi-recipient-examples";
import { eventJsonSchemas, eventSchemas, propagationEventTypes, versionedType } from "../propagation/events";

type Json = Record<string, unknown>;
const doc = buildOpenApiDocument() as Json & {
  paths: Record<string, Record<string, Json>>;
  webhooks: Record<string, Record<string, Json>>;
  components: { schemas: Record<string, Json>; securitySchemes: Json };
};

/** Every "$ref" anywhere in the document. */
function refs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => refs(n, out));
  else if (node && typeof node === "object")
    for (const [k, v] of Object.entries(node)) {
      if (k === "$ref" && typeof v === "string") out.push(v);
      else refs(v, out);
    }
  return out;
}

function resolve(pointer: string): unknown {
  expect(pointer.startsWith("#/")).toBe(true);
  return pointer
    .slice(2)
    .split("/")
    .reduce<unknown>((node, key) => (node as Json | undefined)?.[key.replaceAll("~1", "/").replaceAll("~0", "~")], doc);
}

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 with bearer auth required by default", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.components.securitySchemes).toEqual({
      bearerAuth: expect.objectContaining({ type: "http", scheme: "bearer" }),
      recipientKey: expect.objectContaining({ type: "http", scheme: "bearer" }),
      staffSession: expect.objectContaining({ type: "apiKey", in: "cookie" }),
    });
    expect(doc.security).toEqual([{ bearerAuth: [] }]);
  });

  it("describes the nine endpoints", () => {
    expect(Object.keys(doc.paths).sort()).toEqual([
      "/.well-known/jwks.json",
      "/api/admin/consent-analytics",
      "/api/admin/consent-analytics/purpose",
      "/api/v1/changes",
      "/api/v1/consents",
      "/api/v1/consents/batch",
      "/api/v1/deliveries/{id}/confirm",
      "/api/v1/requests",
      "/api/v1/requests/{ref}",
      "/api/v1/subjects/{subjectId}/consents",
      "/api/v1/subjects/{subjectId}/receipts/{eventId}",
    ]);
    expect(Object.keys(doc.paths["/api/v1/changes"])).toEqual(["get"]);
    expect(Object.keys(doc.paths["/api/v1/deliveries/{id}/confirm"])).toEqual(["post"]);
    expect(Object.keys(doc.paths["/api/v1/requests"])).toEqual(["post"]);
    expect(Object.keys(doc.paths["/api/v1/requests/{ref}"])).toEqual(["get"]);
    expect(Object.keys(doc.paths["/api/v1/consents"])).toEqual(["post"]);
    expect(Object.keys(doc.paths["/api/v1/consents/batch"])).toEqual(["post"]);
    expect(Object.keys(doc.paths["/api/v1/subjects/{subjectId}/consents"])).toEqual(["get"]);
  });

  it("resolves every $ref inside the document", () => {
    const all = refs(doc);
    expect(all.length).toBeGreaterThan(10);
    for (const pointer of all) expect(resolve(pointer), pointer).toBeTypeOf("object");
  });

  it("generates the event schema from the zod schema the routes use", () => {
    const event = doc.components.schemas.ConsentEvent as { properties: Json; required: string[]; additionalProperties: boolean };
    expect(event.required.sort()).toEqual(["event", "purpose", "subject"]);
    expect(event.additionalProperties).toBe(false);
    expect(event.properties.event).toMatchObject({ enum: ["granted", "denied", "withdrawn"] });
    expect((doc.components.schemas.BatchRequest as { properties: { events: Json } }).properties.events).toMatchObject({
      maxItems: 1000,
      items: { $ref: "#/components/schemas/ConsentEvent" },
    });
    for (const schema of Object.values(doc.components.schemas)) expect(schema).not.toHaveProperty("$id");
  });

  it("answers every error as application/problem+json", () => {
    for (const [path, operations] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(operations))
        for (const [status, response] of Object.entries(op.responses as Record<string, { content: Json }>))
          if (Number(status) >= 400)
            expect(Object.keys(response.content), `${method} ${path} ${status}`).toEqual(["application/problem+json"]);
  });

  it("has examples that pass the schemas they illustrate", () => {
    for (const { value } of Object.values(requestExamples.single)) expect(consentEventInputSchema.safeParse(value).success).toBe(true);
    for (const { value } of Object.values(requestExamples.batch)) expect(batchRequestSchema.safeParse(value).success).toBe(true);
    expect(consentResponseSchema.safeParse(responseExamples.stored).success).toBe(true);
    expect(consentResponseSchema.safeParse(responseExamples.duplicate).success).toBe(true);
    expect(batchResponseSchema.safeParse(responseExamples.batchOk).success).toBe(true);
    expect(batchResponseSchema.safeParse(responseExamples.batchMixed).success).toBe(true);
    expect(subjectConsentsSchema.safeParse(responseExamples.subject).success).toBe(true);
    for (const { value } of Object.values(requestExamples.subjectRequest)) expect(requestInputSchema.safeParse(value).success).toBe(true);
    expect(requestStatusSchema.safeParse(responseExamples.subjectRequest).success).toBe(true);
    for (const p of Object.values(problemExamples)) expect(problemSchema.safeParse(p).success).toBe(true);
  });

  it("documents the 2000-01-01 floor with the very problem a 1969 event gets", () => {
    const event = doc.components.schemas.ConsentEvent as { properties: { occurredAt: { description: string } } };
    expect(event.properties.occurredAt.description).toContain("2000-01-01");
    const answer = validateEvent({ ...requestExamples.single.grant.value, occurredAt: "1969-07-20T20:17:40Z" });
    expect(answer.ok ? null : answer.problem).toEqual(problemExamples.tooEarly);
  });

  it("has a webhook for every event type, its body the event's own JSON Schema, with the Standard Webhooks headers", () => {
    const events = eventJsonSchemas();
    expect(Object.keys(doc.webhooks).sort()).toEqual(propagationEventTypes.map(versionedType).sort());
    for (const type of propagationEventTypes) {
      const name = versionedType(type);
      const post = doc.webhooks[name].post as {
        parameters: { name: string; in: string; required: boolean }[];
        requestBody: { content: { "application/json": { schema: { $ref: string } } } };
        responses: Json;
      };
      expect(post.parameters.map((p) => [p.name, p.in, p.required])).toEqual([
        ["webhook-id", "header", true],
        ["webhook-timestamp", "header", true],
        ["webhook-signature", "header", true],
      ]);
      const schema = resolve(post.requestBody.content["application/json"].schema.$ref);
      expect(schema, name).toEqual(events[name]);
      expect(Object.keys(post.responses).sort()).toEqual(["2XX", "410", "default"]);
    }
  });

  it("puts the recipients' endpoints behind a recipient key and documents every refusal", () => {
    for (const [path, method, statuses] of [
      ["/api/v1/changes", "get", ["200", "400", "401", "403", "429"]],
      ["/api/v1/deliveries/{id}/confirm", "post", ["200", "401", "403", "404", "409", "429"]],
    ] as const) {
      const op = doc.paths[path][method] as { security: unknown; responses: Json };
      expect(op.security).toEqual([{ recipientKey: [] }]);
      expect(Object.keys(op.responses).sort()).toEqual([...statuses]);
    }
    const { event } = (doc.components.schemas.FeedEntry as { properties: { event: Record<string, { $ref: string }[]> } }).properties;
    expect((event.oneOf ?? event.anyOf).map((o) => o.$ref).sort()).toEqual(
      propagationEventTypes.map((t) => `#/components/schemas/${versionedType(t)}`).sort(),
    );
  });

  it("has recipient examples that pass their schemas", () => {
    expect(feedPageSchema.safeParse(recipientResponseExamples.feedPage).success).toBe(true);
    expect(decodeFeedCursor(recipientResponseExamples.feedPage.nextCursor)).toEqual({ recipientId: 7, deliveryId: 15233 });
    expect(confirmationSchema.safeParse(recipientResponseExamples.confirmation).success).toBe(true);
    for (const [type, example] of Object.entries(eventExamples))
      expect(eventSchemas[type as keyof typeof eventSchemas].safeParse(example).success, type).toBe(true);
  });

  it("serializes to JSON unchanged", () => {
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });
});
