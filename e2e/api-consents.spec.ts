import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { pageAs } from "./support/auth";
import { createKeyInUi, revokeKeyInUi } from "./support/api-keys";

// The public API is how a brand's systems write consent: a request without a valid secret key
// must never be able to record or read anyone's consent, and nothing a client sends may leave
// the ledger half-written.

const run = Date.now().toString(36);
const keys = { secret: "", revoked: "", publishable: "" };

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  const admin = await pageAs(browser, "admin");
  keys.secret = await createKeyInUi(admin, `API e2e ${run}`);
  keys.revoked = await createKeyInUi(admin, `API e2e revoked ${run}`);
  keys.publishable = await createKeyInUi(admin, `API e2e widget ${run}`, { kind: "publishable", origins: ["https://shop.example.com"] });
  await revokeKeyInUi(admin, `API e2e revoked ${run}`);
  await admin.context().close();
});

const auth = (key = keys.secret) => ({ Authorization: `Bearer ${key}` });
const event = (n: number | string, over: Record<string, unknown> = {}) => ({
  subject: { externalId: `api-${run}-${n}`, jurisdiction: "EU" },
  purpose: "marketing_messages",
  event: "granted",
  channel: "email",
  idempotencyKey: `api-${run}-${n}`,
  ...over,
});

async function problemOf(response: APIResponse, status: number) {
  expect(response.status()).toBe(status);
  expect(response.headers()["content-type"]).toContain("application/problem+json");
  const body = await response.json();
  expect(body).toMatchObject({
    status,
    type: expect.stringMatching(/^https:\/\/candor\.dev\/problems\//),
    title: expect.any(String),
    detail: expect.any(String),
  });
  return body as {
    type: string;
    detail: string;
    errors?: { field: string; index?: number; code: string; detail: string; pointer: string }[];
  };
}

const consentsOf = async (request: APIRequestContext, subjectId: string) => {
  const response = await request.get(`/api/v1/subjects/${subjectId}/consents`, { headers: auth() });
  expect(response.status()).toBe(200);
  return (await response.json()) as { subjectId: string; consents: { purpose: string; state: string; gpc: boolean; channels: string[] }[] };
};

test("a request without a key is refused with 401 and a Bearer challenge", async ({ request }) => {
  const response = await request.post("/api/v1/consents", { data: event("nokey") });
  await problemOf(response, 401);
  expect(response.headers()["www-authenticate"]).toBe('Bearer realm="candor"');
  await problemOf(await request.get("/api/v1/subjects/anything/consents"), 401);
});

test("a revoked or unknown key is refused with 401 invalid_token", async ({ request }) => {
  for (const key of [keys.revoked, `ck_live_${"x".repeat(43)}`, "not-a-key"]) {
    const response = await request.post("/api/v1/consents", { headers: auth(key), data: event("revoked") });
    const body = await problemOf(response, 401);
    expect(body.detail).toContain("unknown or has been revoked");
    expect(response.headers()["www-authenticate"]).toContain('error="invalid_token"');
  }
});

test("a publishable key cannot use the server API", async ({ request }) => {
  const body = await problemOf(await request.post("/api/v1/consents", { headers: auth(keys.publishable), data: event("pk") }), 403);
  expect(body.detail).toContain("secret key");
});

test("malformed JSON is a 400 problem, an oversized body a 413", async ({ request }) => {
  const headers = { ...auth(), "Content-Type": "application/json" };
  // Buffers, because Playwright would JSON-encode a string that does not parse.
  await problemOf(await request.post("/api/v1/consents", { headers, data: Buffer.from('{"subject": {"externalId": "x"') }), 400);
  await problemOf(await request.post("/api/v1/consents/batch", { headers, data: Buffer.from("{events: []}") }), 400);
  await problemOf(
    await request.post("/api/v1/consents", { headers, data: JSON.stringify({ ...event("big"), guardianName: "x".repeat(20_000) }) }),
    413,
  );
  await problemOf(await request.post("/api/v1/consents", { headers: { ...auth(), "Content-Type": "text/plain" }, data: "hello" }), 415);
});

test("an invalid event is a 422 naming each field", async ({ request }) => {
  const body = await problemOf(
    await request.post("/api/v1/consents", { headers: auth(), data: { ...event("bad"), event: "maybe", colour: "red" } }),
    422,
  );
  expect(body.type).toBe("https://candor.dev/problems/validation");
  expect(body.errors?.map((e) => e.pointer).sort()).toEqual(["/colour", "/event"]);
});

test("an unknown purpose is a 422 that names it", async ({ request }) => {
  const body = await problemOf(
    await request.post("/api/v1/consents", { headers: auth(), data: event("unknown", { purpose: "weekly_horoscope" }) }),
    422,
  );
  expect(body.type).toBe("https://candor.dev/problems/rejected");
  expect(body.detail).toContain("weekly_horoscope");
  expect(body.errors).toEqual([expect.objectContaining({ field: "purpose", code: "unknown-purpose" })]);
});

test("one event is stored with 201, and its replay is a 200 that stores nothing", async ({ request }) => {
  const first = await request.post("/api/v1/consents", { headers: auth(), data: event("single") });
  expect(first.status()).toBe(201);
  const stored = await first.json();
  expect(stored).toMatchObject({ status: "stored", purpose: "marketing_messages", state: "granted", gpc: false });
  const replay = await request.post("/api/v1/consents", { headers: auth(), data: event("single") });
  expect(replay.status()).toBe(200);
  expect(await replay.json()).toMatchObject({ status: "duplicate", eventId: stored.eventId, subjectId: stored.subjectId });
  const { consents } = await consentsOf(request, stored.subjectId);
  expect(consents.find((c) => c.purpose === "marketing_messages")).toMatchObject({ state: "granted", channels: ["email"] });
  await problemOf(await request.get(`/api/v1/subjects/no-such-subject-${run}/consents`, { headers: auth() }), 404);
});

test("an event dated 1969-07-20 answers 422 naming occurredAt and stores nothing", async ({ request }) => {
  const moon = event("moon", { occurredAt: "1969-07-20T20:17:40Z" });
  const body = await problemOf(await request.post("/api/v1/consents", { headers: auth(), data: moon }), 422);
  expect(body.type).toBe("https://candor.dev/problems/validation");
  expect(body.errors).toEqual([
    expect.objectContaining({ pointer: "/occurredAt", field: "occurredAt", detail: expect.stringContaining("2000-01-01") }),
  ]);
  // Had it been stored, the same idempotency key would now be a duplicate.
  const probe = await request.post("/api/v1/consents", { headers: auth(), data: { ...moon, occurredAt: undefined } });
  expect(probe.status()).toBe(201);
});

test("a batch with an event dated 1969 answers 207: that event is rejected by index, the others are stored", async ({ request }) => {
  const events = [
    event("moon-batch-0"),
    event("moon-batch-1", { occurredAt: "1969-07-20T20:17:40Z" }),
    event("moon-batch-2", { occurredAt: "2000-01-01T00:00:00Z" }),
  ];
  const response = await request.post("/api/v1/consents/batch", { headers: auth(), data: { events } });
  expect(response.status()).toBe(207);
  const body = await response.json();
  expect(body).toMatchObject({ stored: 2, rejected: 1 });
  expect(body.results.map((r: { status: string }) => r.status)).toEqual(["stored", "rejected", "stored"]);
  expect(body.results[1].errors).toEqual([
    expect.objectContaining({ pointer: "/events/1/occurredAt", index: 1, detail: expect.stringContaining("2000-01-01") }),
  ]);
});

test("a batch of 1,001 events is refused whole and stores nothing", async ({ request }) => {
  const events = Array.from({ length: 1001 }, (_, i) => event(`big-${i}`));
  const body = await problemOf(await request.post("/api/v1/consents/batch", { headers: auth(), data: { events } }), 422);
  expect(body.type).toBe("https://candor.dev/problems/batch-too-large");
  expect(body.detail).toContain("1,000");
  // Had any of it been stored, the same idempotency key would now be a duplicate.
  const probe = await request.post("/api/v1/consents", { headers: auth(), data: events[0] });
  expect(probe.status()).toBe(201);
});

test("a batch stores its valid events, reports the 3 bad ones by index, and a replay stores nothing new", async ({ request }) => {
  const events: unknown[] = Array.from({ length: 10 }, (_, i) => event(`batch-${i}`));
  events[2] = event("batch-2", { purpose: "weekly_horoscope" });
  events[5] = event("batch-5", { event: "maybe" });
  events[7] = { purpose: "marketing_messages", event: "granted" };
  const first = await request.post("/api/v1/consents/batch", { headers: auth(), data: { events } });
  expect(first.status()).toBe(207);
  const body = await first.json();
  expect(body).toMatchObject({ stored: 7, duplicates: 0, rejected: 3 });
  expect(body.results).toHaveLength(10);
  const rejected = body.results.filter((r: { status: string }) => r.status === "rejected");
  expect(rejected.map((r: { index: number }) => r.index)).toEqual([2, 5, 7]);
  expect(rejected.map((r: { errors: { pointer: string }[] }) => r.errors[0].pointer)).toEqual([
    "/events/2/purpose",
    "/events/5/event",
    "/events/7/subject",
  ]);

  const replay = await request.post("/api/v1/consents/batch", { headers: auth(), data: { events } });
  expect(await replay.json()).toMatchObject({ stored: 0, duplicates: 7, rejected: 3 });
});

test("Sec-GPC: 1 opts the subject out of sale and sharing, and its absence later is no opt-in", async ({ request }) => {
  const gpc = { ...auth(), "Sec-GPC": "1" };
  // A new California customer opts in to email while their browser sends GPC.
  const response = await request.post("/api/v1/consents", {
    headers: gpc,
    data: event("gpc-new", { subject: { externalId: `api-${run}-gpc-new`, jurisdiction: "US-CA" } }),
  });
  expect(response.status()).toBe(201);
  const stored = await response.json();
  expect(stored).toMatchObject({ gpc: true, gpcOptOuts: 1 });
  let sharing = (await consentsOf(request, stored.subjectId)).consents.find((c) => c.purpose === "ad_partner_sharing");
  expect(sharing).toMatchObject({ state: "denied", gpc: true });

  // A customer who had granted sharing is withdrawn by a GPC request.
  const granted = await request.post("/api/v1/consents", {
    headers: auth(),
    data: event("gpc-old", { purpose: "ad_partner_sharing", channel: undefined }),
  });
  const subjectId = (await granted.json()).subjectId;
  expect((await consentsOf(request, subjectId)).consents.find((c) => c.purpose === "ad_partner_sharing")?.state).toBe("granted");
  const later = await request.post("/api/v1/consents", {
    headers: gpc,
    data: { subject: { id: subjectId }, purpose: "personalised_recommendations", event: "denied" },
  });
  expect(await later.json()).toMatchObject({ gpc: true, gpcOptOuts: 1 });
  sharing = (await consentsOf(request, subjectId)).consents.find((c) => c.purpose === "ad_partner_sharing");
  expect(sharing).toMatchObject({ state: "withdrawn", gpc: true });

  // Under GPC a sale/sharing grant is refused; without it, nothing is re-granted.
  const refused = await problemOf(
    await request.post("/api/v1/consents", {
      headers: gpc,
      data: { subject: { id: subjectId }, purpose: "ad_partner_sharing", event: "granted" },
    }),
    422,
  );
  expect(refused.errors?.[0].code).toBe("gpc-opt-out");
  await request.post("/api/v1/consents", {
    headers: auth(),
    data: { subject: { id: subjectId }, purpose: "marketing_messages", event: "withdrawn" },
  });
  expect((await consentsOf(request, subjectId)).consents.find((c) => c.purpose === "ad_partner_sharing")?.state).toBe("withdrawn");
});

test("the OpenAPI document is served without a key", async ({ request }) => {
  const response = await request.get("/api/v1/openapi.json");
  expect(response.status()).toBe(200);
  const doc = await response.json();
  expect(doc.openapi).toBe("3.1.0");
  expect(Object.keys(doc.paths)).toContain("/api/v1/consents/batch");
  expect(doc.components.securitySchemes.bearerAuth.scheme).toBe("bearer");
});

test("the consent endpoints, answered by the server's fast lane, carry the same security headers as every other API route", async ({
  request,
}) => {
  const security = ["x-content-type-options", "referrer-policy", "x-frame-options", "permissions-policy", "cross-origin-opener-policy"];
  const of = (headers: Record<string, string>) => Object.fromEntries([...security, "content-security-policy"].map((h) => [h, headers[h]]));
  // Served by Next.js: the OpenAPI document and another route's refusal.
  const nextAnswers = [
    (await request.get("/api/v1/openapi.json")).headers(),
    (await request.get(`/api/v1/subjects/nobody-${run}/consents`, { headers: auth() })).headers(),
  ];
  // Served by the fast lane: a stored event, a refusal, and the banner's configuration.
  const laneAnswers = [
    (await request.post("/api/v1/consents", { headers: auth(), data: event("headers") })).headers(),
    (await request.post("/api/v1/consents/batch", { data: { events: [] } })).headers(),
    (await request.get("/api/v1/widget/config?key=pk_live_unknown&locale=en")).headers(),
  ];
  for (const headers of [...nextAnswers, ...laneAnswers]) expect(of(headers)).toEqual(of(nextAnswers[0]));
  for (const headers of [nextAnswers[1], ...laneAnswers]) expect(headers["x-request-id"]).toMatch(/^[\w-]{8,}$/);
  expect(nextAnswers[0]["x-frame-options"]).toBe("DENY");
  expect(nextAnswers[0]["content-security-policy"]).toContain("default-src 'none'");
});
