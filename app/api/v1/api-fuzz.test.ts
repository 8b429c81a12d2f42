// Property tests for every public API endpoint: thousands of random and
// malformed bodies, headers and query strings get a 4xx problem document or a
// success, never a 5xx, and a refused request changes no row.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "@/db/testing/temp-db";

const temp = createTempDatabase("api-fuzz");
process.env.DATABASE_PATH = temp.file;
// The per-key limit is a policy, not what is under test here.
process.env.API_RATE_LIMIT = "off";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
let routes: Record<string, { handler: Handler; method: string; path: string; params?: (s: string) => Record<string, string> }>;
let secret = "";
let publishable = "";
let recipientKey = "";
let count: () => string;
// The recipient's own deliveries and feed cursors, so the recipients' endpoints also get inputs they accept.
const recipientIds: string[] = [];
const cursors: string[] = [];

beforeAll(async () => {
  const client = await import("@/db/client");
  const { seedApiStore } = await import("@/db/testing/api-store");
  const { insertApiKey } = await import("@/db/staff/api-keys");
  ({ secret, publishable } = seedApiStore(client.db, "fuzz"));
  const actor = { id: null, email: "test" };
  const recipient = insertApiKey(client.db, { name: "fuzz recipient", kind: "recipient", allowedOrigins: [] }, actor);
  recipientKey = recipient.plaintext;
  const { insertTestRecipient, insertTestEvent, insertTestDelivery } = await import("@/db/testing/propagation-rows");
  const { encodeFeedCursor } = await import("@/lib/api/feed-schemas");
  const r = insertTestRecipient(client.db, "Fuzz recipient", { apiKeyId: recipient.key.id });
  const other = insertTestRecipient(client.db, "Someone else");
  for (const [recipientId, subjectId] of [
    [r.id, 1],
    [r.id, 2],
    [other.id, 3],
  ]) {
    const event = insertTestEvent(client.db, { type: "subject.erased", subjectId });
    const d = insertTestDelivery(client.db, { eventId: event.id, recipientId, subjectId });
    recipientIds.push(d.uid);
    cursors.push(encodeFeedCursor({ recipientId: r.id, deliveryId: d.id }), encodeFeedCursor({ recipientId, deliveryId: d.id + 1 }));
  }
  // Rows a refusal must leave alone; a delivery's state counts too (the feed acknowledges, a confirmation confirms).
  count = () =>
    Object.values(
      client.db.$client
        .prepare(
          "SELECT (SELECT count(*) FROM consent_events) + (SELECT count(*) FROM subjects) + (SELECT count(*) FROM subject_requests) + (SELECT count(*) FROM outbox) AS n, (SELECT group_concat(state) FROM deliveries) AS states, (SELECT group_concat(coalesce(feed_cursor, '-')) FROM recipient_paths) AS cursors",
        )
        .get() as Record<string, unknown>,
    ).join("|");
  const consents = await import("./consents/route");
  const batch = await import("./consents/batch/route");
  const requests = await import("./requests/route");
  const requestByRef = await import("./requests/[ref]/route");
  const subjectConsents = await import("./subjects/[subjectId]/consents/route");
  const widgetConfig = await import("./widget/config/route");
  const widgetConsents = await import("./widget/consents/route");
  const changes = await import("./changes/route");
  const confirm = await import("./deliveries/[id]/confirm/route");
  routes = {
    consents: { handler: consents.POST as Handler, method: "POST", path: "/api/v1/consents" },
    batch: { handler: batch.POST as Handler, method: "POST", path: "/api/v1/consents/batch" },
    requests: { handler: requests.POST as Handler, method: "POST", path: "/api/v1/requests" },
    requestByRef: { handler: requestByRef.GET as Handler, method: "GET", path: "/api/v1/requests/x", params: (s) => ({ ref: s }) },
    subjectConsents: {
      handler: subjectConsents.GET as Handler,
      method: "GET",
      path: "/api/v1/subjects/x/consents",
      params: (s) => ({ subjectId: s }),
    },
    widgetConfig: { handler: widgetConfig.GET as Handler, method: "GET", path: "/api/v1/widget/config" },
    widgetConsents: { handler: widgetConsents.POST as Handler, method: "POST", path: "/api/v1/widget/consents" },
    changes: { handler: changes.GET as Handler, method: "GET", path: "/api/v1/changes" },
    confirm: { handler: confirm.POST as Handler, method: "POST", path: "/api/v1/deliveries/x/confirm", params: (s) => ({ id: s }) },
  };
});
afterAll(() => temp.cleanup());

// Near-valid values are where the bugs live: real field names with wrong types, sizes and shapes.
const nearEvent = fc.record(
  {
    subject: fc.oneof(
      fc.record(
        {
          id: fc.string(),
          externalId: fc.string(),
          email: fc.string(),
          jurisdiction: fc.constantFrom("EU", "KR", "XX", 3),
          locale: fc.constantFrom("en", "ko", "zz"),
        },
        { requiredKeys: [] },
      ),
      fc.anything(),
    ),
    purpose: fc.oneof(fc.constantFrom("newsletter", "ad_sharing", "fraud_checks", "orders", "nope"), fc.string()),
    event: fc.oneof(fc.constantFrom("granted", "denied", "withdrawn", "expired"), fc.anything()),
    channel: fc.constantFrom("email", "sms", "fax", ""),
    noticeVersion: fc.oneof(fc.integer(), fc.double(), fc.string()),
    occurredAt: fc.oneof(
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      fc.string(),
    ),
    idempotencyKey: fc.oneof(fc.string({ maxLength: 300 }), fc.integer()),
    guardianName: fc.string(),
    source: fc.constantFrom("api", "banner", "system", "import"),
    extra: fc.anything(),
  },
  { requiredKeys: [] },
);
const nearRequest = fc.record(
  {
    type: fc.constantFrom("access", "deletion", "opt_out_sale", "bogus"),
    subject: fc.oneof(
      fc.record({ id: fc.string(), email: fc.emailAddress(), externalId: fc.string() }, { requiredKeys: [] }),
      fc.anything(),
    ),
    jurisdiction: fc.constantFrom("EU", "KR", "US", 1),
    details: fc.string({ maxLength: 5000 }),
    identityVerified: fc.anything(),
  },
  { requiredKeys: [] },
);
const validEvent = fc.record({
  subject: fc.record({ externalId: fc.stringMatching(/^[a-z0-9]{1,12}$/), jurisdiction: fc.constantFrom("EU", "KR") }),
  purpose: fc.constantFrom("newsletter", "ad_sharing"),
  event: fc.constantFrom("granted", "denied", "withdrawn"),
  idempotencyKey: fc.option(fc.stringMatching(/^[a-z0-9]{1,8}$/), { nil: undefined }),
});
// Valid bodies weigh more: a valid event must still meet a JSON content type and the secret key (about one call in
// fifteen), and each route has to succeed at least once per run (afterAll) for the run to prove anything.
const body = fc.oneof(
  { weight: 4, arbitrary: validEvent.map((e) => JSON.stringify(e)) },
  { weight: 3, arbitrary: fc.array(validEvent, { minLength: 1, maxLength: 5 }).map((events) => JSON.stringify({ events })) },
  {
    weight: 3,
    arbitrary: fc
      .record({
        type: fc.constantFrom("access", "opt_out_sale"),
        subject: fc.record({ email: fc.stringMatching(/^[a-z]{1,8}@[a-z]{1,8}\.com$/) }),
        jurisdiction: fc.constant("EU"),
      })
      .map((r) => JSON.stringify(r)),
  },
  fc.json().map((s) => s),
  fc.string({ maxLength: 2000 }),
  fc.anything().map((v) => JSON.stringify(v) ?? "null"),
  nearEvent.map((e) => JSON.stringify(e)),
  fc.array(nearEvent, { maxLength: 20 }).map((events) => JSON.stringify({ events })),
  nearRequest.map((r) => JSON.stringify(r)),
  fc.uint8Array({ maxLength: 512 }).map((b) => Buffer.from(b).toString("latin1")),
);
const contentType = fc.constantFrom(
  "application/json",
  "application/json; charset=utf-8",
  "text/plain",
  "",
  "multipart/form-data",
  "application/merge-patch+json",
);
const segment = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.constantFrom("REQ-2026-00001", "..%2F..", "%00", "x".repeat(500), "msg_", "msg_x"),
  fc.nat({ max: 2 }).map((i) => recipientIds[i]),
);
const query = fc.oneof(
  fc.constant(""),
  fc.string({ maxLength: 100 }).map((s) => `?key=${encodeURIComponent(s)}&locale=${encodeURIComponent(s)}`),
  fc
    .record({
      cursor: fc.oneof(
        fc.nat({ max: 5 }).map((i) => cursors[i]),
        fc.string({ maxLength: 120 }),
        fc.constantFrom("", "c1_", "c1_MS4x", "c1_MS4xMDAwMDAwMDAwMDAwMDAwMDAwMDA"),
      ),
      limit: fc.oneof(fc.integer({ min: -5, max: 600 }).map(String), fc.string({ maxLength: 10 }), fc.constant("")),
    })
    .map(({ cursor, limit }) => `?cursor=${encodeURIComponent(cursor)}&limit=${encodeURIComponent(limit)}`),
);

function call(
  route: string,
  input: { body: string; contentType: string; auth: number; gpc: string; query: string; segment: string; origin: string; ip: string },
) {
  const r = routes[route];
  const keyFor = [secret, publishable, "ck_live_forged", "", recipientKey][input.auth];
  const headers: Record<string, string> = { "x-forwarded-for": input.ip };
  if (input.contentType) headers["content-type"] = input.contentType;
  if (keyFor) headers.authorization = `Bearer ${keyFor}`;
  if (input.gpc) headers["sec-gpc"] = input.gpc;
  if (input.origin) headers.origin = input.origin;
  const widget = route.startsWith("widget");
  const q = widget && input.auth === 1 && !input.query ? `?key=${publishable}&locale=en` : input.query;
  const request = new Request(`http://candor.test${r.path}${q}`, {
    method: r.method,
    headers,
    ...(r.method === "POST" ? { body: input.body } : {}),
  });
  return r.handler(request, { params: Promise.resolve(r.params ? r.params(input.segment) : {}) });
}

const inputs = fc.record({
  body,
  contentType,
  auth: fc.integer({ min: 0, max: 4 }),
  gpc: fc.constantFrom("", "1", "0", "yes"),
  query,
  segment,
  origin: fc.constantFrom("", "https://shop.example", "https://evil.example", "null"),
  ip: fc.ipV4(),
});

describe("every API endpoint under random input", () => {
  const successes = new Map<string, number>();
  afterAll(() => {
    // The generators also make valid input: a run that never got past validation proved little.
    for (const route of ["consents", "batch", "requests", "changes", "confirm"])
      expect(successes.get(route) ?? 0, `${route} never succeeded`).toBeGreaterThan(0);
  });
  for (const route of [
    "consents",
    "batch",
    "requests",
    "requestByRef",
    "subjectConsents",
    "widgetConfig",
    "widgetConsents",
    "changes",
    "confirm",
  ]) {
    it(`${route}: only 2xx or 4xx problem documents, and a refusal writes nothing`, async () => {
      await fc.assert(
        fc.asyncProperty(inputs, async (input) => {
          const before = count();
          const response = await call(route, input);
          expect(response.status, `${route} answered ${response.status}`).toBeLessThan(500);
          if (response.status < 300) successes.set(route, (successes.get(route) ?? 0) + 1);
          if (response.status >= 400) {
            expect(response.headers.get("content-type")).toContain("application/problem+json");
            const doc = (await response.json()) as { status: number; type: string; detail: string };
            expect(doc.status).toBe(response.status);
            expect(doc.type).toMatch(/^https:\/\/candor\.dev\/problems\//);
            // 207 and 4xx on a batch may store the good events; only a whole refusal must store nothing.
            expect(count(), `${route} ${response.status} changed rows`).toBe(before);
          }
        }),
        { numRuns: 400 },
      );
    });
  }
});
