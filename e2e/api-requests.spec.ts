import { expect, test, type APIResponse } from "@playwright/test";
import { readStore } from "../db/testing/read-store";
import { pageAs } from "./support/auth";
import { createKeyInUi } from "./support/api-keys";
import { e2eDatabasePath } from "./support/paths";

// Filing a subject request through the API: only with a secret key, never acted
// on before the identity check the brand's policy asks for, and every refusal
// names the field a developer must fix.

const run = Date.now().toString(36);
let key = "";
const auth = () => ({ Authorization: `Bearer ${key}` });
const read = <T>(sql: string, ...args: unknown[]) => readStore(e2eDatabasePath(), (db) => db.prepare(sql).get(...args)) as T;

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  const admin = await pageAs(browser, "admin");
  key = await createKeyInUi(admin, `Requests API e2e ${run}`);
  await admin.context().close();
});

async function problemOf(response: APIResponse, status: number) {
  expect(response.status()).toBe(status);
  expect(response.headers()["content-type"]).toContain("application/problem+json");
  return (await response.json()) as { detail: string; errors?: { field: string; code: string }[] };
}

test("without a key nothing is filed", async ({ request }) => {
  await problemOf(await request.post("/api/v1/requests", { data: { type: "access", subject: { email: "x@example.com" } } }), 401);
  await problemOf(await request.get("/api/v1/requests/REQ-2026-00001"), 401);
});

test("a signed-in customer's restriction starts at once; an access request waits for the emailed code", async ({ request }) => {
  const s = read<{ uid: string; email: string; jurisdiction: string }>(
    "SELECT uid, email, jurisdiction FROM subjects WHERE jurisdiction = 'EU' AND email IS NOT NULL ORDER BY id DESC LIMIT 1",
  );
  const restriction = await request.post("/api/v1/requests", {
    headers: auth(),
    data: { type: "restriction", subject: { id: s.uid }, identityVerified: true, details: "While my address is checked" },
  });
  expect(restriction.status()).toBe(201);
  const body = await restriction.json();
  expect(body).toMatchObject({
    type: "restriction",
    status: "in_progress",
    verified: true,
    verification: "session",
    subjectId: s.uid,
    jurisdiction: "EU",
  });
  expect(restriction.headers().location).toBe(`/api/v1/requests/${body.ref}`);

  const access = await request.post("/api/v1/requests", {
    headers: auth(),
    data: { type: "access", subject: { email: s.email }, identityVerified: true },
  });
  expect(access.status()).toBe(201);
  const a = await access.json();
  expect(a).toMatchObject({ status: "verifying", verification: "code", verified: false });
  expect(
    read<{ n: number }>(
      "SELECT count(*) AS n FROM outbox o JOIN subject_requests r ON r.id = o.request_id WHERE r.ref = ? AND o.kind = 'request-code' AND o.to_address = ?",
      a.ref,
      s.email,
    ).n,
  ).toBe(1);

  const again = await request.post("/api/v1/requests", { headers: auth(), data: { type: "access", subject: { email: s.email } } });
  expect((await again.json()).duplicateOf).toBe(a.ref);

  const status = await request.get(`/api/v1/requests/${a.ref}`, { headers: auth() });
  expect(status.status()).toBe(200);
  expect(await status.json()).toMatchObject({ ref: a.ref, status: "verifying", dueAt: a.dueAt });
});

test("refusals name the field: unknown id, nobody to contact, no jurisdiction, bad type, unknown ref", async ({ request }) => {
  const post = (data: unknown) => request.post("/api/v1/requests", { headers: auth(), data });
  expect((await problemOf(await post({ type: "access", subject: { id: "no-such-subject" } }), 422)).errors?.[0]).toMatchObject({
    field: "subject.id",
    code: "unknown-subject",
  });
  expect((await problemOf(await post({ type: "access", subject: { externalId: `nobody-${run}` } }), 422)).errors?.[0]).toMatchObject({
    field: "subject.email",
  });
  expect((await problemOf(await post({ type: "deletion", subject: { email: `new-${run}@example.com` } }), 422)).errors?.[0]).toMatchObject({
    field: "jurisdiction",
  });
  expect((await problemOf(await post({ type: "forget-me", subject: { email: "a@example.com" } }), 422)).errors?.[0]).toMatchObject({
    field: "type",
  });
  await problemOf(
    await request.post("/api/v1/requests", { headers: { ...auth(), "Content-Type": "application/json" }, data: Buffer.from("{not json") }),
    400,
  );
  await problemOf(await request.get("/api/v1/requests/REQ-1999-99999", { headers: auth() }), 404);
  await problemOf(await request.get("/api/v1/requests/..%2Fetc", { headers: auth() }), 404);

  // Someone Candor does not know yet is accepted with an email and a jurisdiction, and sent a code.
  const stranger = await post({ type: "deletion", subject: { email: `new-${run}@example.com` }, jurisdiction: "KR" });
  expect(stranger.status()).toBe(201);
  expect(await stranger.json()).toMatchObject({ subjectId: null, status: "verifying", jurisdiction: "KR" });
});

test("POST /api/v1/requests with one person's email and another's external id answers 422 subject-conflict and writes nothing", async ({
  request,
}) => {
  const [a, b] = readStore(e2eDatabasePath(), (db) =>
    db
      .prepare(
        "SELECT id, uid, email, external_id AS externalId FROM subjects WHERE email IS NOT NULL AND external_id IS NOT NULL AND jurisdiction = 'EU' ORDER BY id DESC LIMIT 2",
      )
      .all(),
  ) as { id: number; uid: string; email: string; externalId: string }[];
  const written = () =>
    read<{ r: number; o: number; a: number; b: number }>(
      "SELECT (SELECT count(*) FROM subject_requests) AS r, (SELECT count(*) FROM outbox) AS o, (SELECT count(*) FROM subject_requests WHERE subject_id = ?) AS a, (SELECT count(*) FROM subject_requests WHERE subject_id = ?) AS b",
      a.id,
      b.id,
    );
  const before = written();

  const body = await problemOf(
    await request.post("/api/v1/requests", {
      headers: auth(),
      data: { type: "deletion", subject: { email: a.email, externalId: b.externalId } },
    }),
    422,
  );
  expect(body).toMatchObject({ type: "https://candor.dev/problems/subject-conflict", status: 422 });
  expect(body.errors?.map((e) => [e.field, e.code]).sort()).toEqual([
    ["subject.email", "subject-conflict"],
    ["subject.externalId", "subject-conflict"],
  ]);
  // Candor's own id against another person's email is refused the same way.
  const byId = await problemOf(
    await request.post("/api/v1/requests", { headers: auth(), data: { type: "access", subject: { id: a.uid, email: b.email } } }),
    422,
  );
  expect(byId.errors?.map((e) => e.field).sort()).toEqual(["subject.email", "subject.id"]);
  expect(written()).toEqual(before);

  // A new address beside a known customer id is no conflict: the request is that customer's.
  const fresh = await request.post("/api/v1/requests", {
    headers: auth(),
    data: { type: "restriction", subject: { externalId: b.externalId, email: `new-address-${run}@example.com` }, identityVerified: true },
  });
  expect(fresh.status()).toBe(201);
  expect((await fresh.json()).subjectId).toBe(b.uid);
});
