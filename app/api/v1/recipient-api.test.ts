// The recipients' endpoints (GET /api/v1/changes, POST /api/v1/deliveries/{id}/confirm), called as the server
// calls them, against a temporary store. The threat: a recipient's key reaches beyond its own deliveries (another
// recipient's events, the brand's consent and request endpoints), or a brand key reads a recipient's feed.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeFeedCursor } from "@/lib/api/feed-schemas";
import { createTempDatabase } from "@/db/testing/temp-db";
import { insertTestDelivery, insertTestEvent, insertTestRecipient, readTestDelivery } from "@/db/testing/propagation-rows";

const temp = createTempDatabase("recipient-api");
process.env.DATABASE_PATH = temp.file;
process.env.LOG_LEVEL = "silent";
afterAll(() => temp.cleanup());

type Db = typeof import("@/db/client").db;
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
let db: Db;
let changes: Handler;
let confirm: Handler;
const keys = { secret: "", publishable: "", other: "" };

type Recipient = { id: number; key: string; keyId: number; deliveries: { id: number; uid: string; eventUid: string }[] };
let n = 0;

async function newRecipient(count: number, feedStatus: "active" | "disabled" = "active"): Promise<Recipient> {
  const { insertApiKey } = await import("@/db/staff/api-keys");
  const created = insertApiKey(db, { name: `recipient ${++n}`, kind: "recipient", allowedOrigins: [] }, { id: null, email: "test" });
  const r = insertTestRecipient(db, `Recipient ${n}`, { apiKeyId: created.key.id, feedStatus });
  const deliveries = Array.from({ length: count }, (_, i) => {
    const subjectId = n * 100 + i;
    const event = insertTestEvent(db, { type: "subject.erased", subjectId });
    return { ...insertTestDelivery(db, { eventId: event.id, recipientId: r.id, subjectId }), eventUid: event.uid };
  });
  return { id: r.id, key: created.plaintext, keyId: created.key.id, deliveries };
}

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const read = (key: string, query = "") =>
  changes(new Request(`http://candor.test/api/v1/changes${query}`, { headers: bearer(key) }), { params: Promise.resolve({}) });
const confirmAs = (key: string, id: string) =>
  confirm(new Request(`http://candor.test/api/v1/deliveries/${id}/confirm`, { method: "POST", headers: bearer(key) }), {
    params: Promise.resolve({ id }),
  });

async function problemOf(response: Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  const body = (await response.json()) as { type: string; status: number; detail: string; errors?: { parameter?: string }[] };
  expect(body.status).toBe(status);
  return body;
}

beforeAll(async () => {
  db = (await import("@/db/client")).db;
  const { insertApiKey } = await import("@/db/staff/api-keys");
  const actor = { id: null, email: "test" };
  keys.secret = insertApiKey(db, { name: "brand", kind: "secret", allowedOrigins: [] }, actor).plaintext;
  keys.publishable = insertApiKey(db, { name: "widget", kind: "publishable", allowedOrigins: [] }, actor).plaintext;
  // A recipient key no path holds (its path was removed): it speaks for nobody.
  keys.other = insertApiKey(db, { name: "orphan", kind: "recipient", allowedOrigins: [] }, actor).plaintext;
  changes = (await import("./changes/route")).GET as Handler;
  confirm = (await import("./deliveries/[id]/confirm/route")).POST as Handler;
});

describe("GET /api/v1/changes", () => {
  it("gives the recipient its own changes, and the cursor acknowledges them", async () => {
    const mine = await newRecipient(3);
    const theirs = await newRecipient(2);
    const first = await read(mine.key, "?limit=2");
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toBe("no-store");
    const page = (await first.json()) as {
      changes: { deliveryId: string; event: { id: string; type: string } }[];
      nextCursor: string;
      hasMore: boolean;
    };
    expect(page.changes.map((c) => [c.deliveryId, c.event.id, c.event.type])).toEqual(
      mine.deliveries.slice(0, 2).map((d) => [d.uid, d.eventUid, "subject.erased.v1"]),
    );
    expect(page.hasMore).toBe(true);
    expect(page.nextCursor).toBe(encodeFeedCursor({ recipientId: mine.id, deliveryId: mine.deliveries[1].id }));

    const second = (await (await read(mine.key, `?cursor=${page.nextCursor}&limit=2`)).json()) as typeof page;
    expect(second.changes.map((c) => c.deliveryId)).toEqual([mine.deliveries[2].uid]);
    expect(second.hasMore).toBe(false);
    expect(mine.deliveries.map((d) => readTestDelivery(db, d.id).state)).toEqual(["delivered", "delivered", "queued"]);
    expect(theirs.deliveries.map((d) => readTestDelivery(db, d.id).state)).toEqual(["queued", "queued"]);
  });

  it.each([
    ["garbage", "cursor"],
    ["c1_" + "A".repeat(200), "cursor"],
    [encodeFeedCursor({ recipientId: 1, deliveryId: 1 }).slice(0, -1) + "!", "cursor"],
    ["", "limit", "0"],
    ["", "limit", "abc"],
    ["", "limit", "501"],
    ["", "limit", "2.5"],
  ])("refuses cursor %j / limit with 400 naming the parameter (%s)", async (cursor, parameter, limit = "") => {
    const r = await newRecipient(1);
    const body = await problemOf(await read(r.key, `?cursor=${encodeURIComponent(cursor)}&limit=${limit}`), 400);
    expect(body.type).toBe("https://candor.dev/problems/invalid-parameter");
    expect(body.errors?.map((e) => e.parameter)).toEqual([parameter]);
  });

  it("refuses another feed's cursor and a cursor ahead of this feed with 400, acknowledging nothing", async () => {
    const mine = await newRecipient(1);
    const theirs = await newRecipient(1);
    const foreign = encodeFeedCursor({ recipientId: theirs.id, deliveryId: theirs.deliveries[0].id });
    expect((await problemOf(await read(mine.key, `?cursor=${foreign}`), 400)).errors?.[0].parameter).toBe("cursor");
    const ahead = encodeFeedCursor({ recipientId: mine.id, deliveryId: theirs.deliveries[0].id + 1000 });
    expect((await problemOf(await read(mine.key, `?cursor=${ahead}`), 400)).detail).toContain("ahead");
    expect(readTestDelivery(db, mine.deliveries[0].id).state).toBe("queued");
    expect(readTestDelivery(db, theirs.deliveries[0].id).state).toBe("queued");
  });

  it("refuses a switched-off feed and a key no recipient holds with 403", async () => {
    const off = await newRecipient(1, "disabled");
    expect((await problemOf(await read(off.key), 403)).detail).toContain("switched this recipient's feed off");
    expect((await problemOf(await read(keys.other), 403)).type).toBe("https://candor.dev/problems/forbidden");
  });

  it("rate-limits a recipient key like any other key", async () => {
    const r = await newRecipient(0);
    let answer: Response | undefined;
    for (let i = 0; i < 2000 && answer?.status !== 429; i++) answer = await read(r.key);
    await problemOf(answer!, 429);
    expect(Number(answer!.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("POST /api/v1/deliveries/{id}/confirm", () => {
  it("confirms the recipient's own delivery, and answers the same again", async () => {
    const r = await newRecipient(1);
    const d = r.deliveries[0];
    const first = await confirmAs(r.key, d.uid);
    expect(first.status).toBe(200);
    const body = (await first.json()) as { deliveryId: string; state: string; confirmedAt: string };
    expect(body).toEqual({ deliveryId: d.uid, state: "confirmed", confirmedAt: expect.any(String) });
    expect(readTestDelivery(db, d.id)).toMatchObject({ state: "confirmed", confirmedVia: "recipient" });
    const again = await confirmAs(r.key, d.uid);
    expect(await again.json()).toEqual(body);
  });

  it("answers another recipient's delivery exactly like one that does not exist", async () => {
    const mine = await newRecipient(1);
    const theirs = await newRecipient(1);
    const foreign = await problemOf(await confirmAs(mine.key, theirs.deliveries[0].uid), 404);
    const unknown = await problemOf(await confirmAs(mine.key, "msg_doesNotExist0000000"), 404);
    expect(foreign).toEqual(unknown);
    expect(readTestDelivery(db, theirs.deliveries[0].id).state).toBe("queued");
    for (const id of ["not-an-id", "msg_", "msg_a/b", "%00", "msg_" + "x".repeat(200)]) await problemOf(await confirmAs(mine.key, id), 404);
  });

  it("refuses a switched-off feed's key with 403, and changes nothing", async () => {
    const off = await newRecipient(1, "disabled");
    const body = await problemOf(await confirmAs(off.key, off.deliveries[0].uid), 403);
    expect(body.detail).toContain("switched this recipient's feed off");
    expect(readTestDelivery(db, off.deliveries[0].id).state).toBe("queued");
  });

  it("stops a feed's key once an officer switches the feed off, and the key made when it is switched on works", async () => {
    const { disablePath, enablePath } = await import("@/db/propagation/recipient-paths");
    const r = await newRecipient(2);
    const pathId = db.$client.prepare("SELECT id FROM recipient_paths WHERE recipient_id = ?").pluck().get(r.id) as number;
    const officer = { id: null, email: "officer@example.com" };
    disablePath(db, { recipientId: r.id, pathId }, officer);
    await problemOf(await confirmAs(r.key, r.deliveries[0].uid), 401);
    await problemOf(await read(r.key), 401);
    expect(readTestDelivery(db, r.deliveries[0].id).state).toBe("queued");
    const { key } = await enablePath(db, { recipientId: r.id, pathId }, officer, async () => ({ ok: true, addresses: [] }));
    await problemOf(await confirmAs(r.key, r.deliveries[0].uid), 401);
    expect((await confirmAs(key!, r.deliveries[0].uid)).status).toBe(200);
    expect(readTestDelivery(db, r.deliveries[0].id).state).toBe("confirmed");
    const page = (await (await read(key!)).json()) as { changes: { deliveryId: string }[] };
    // The confirmed one is not handed out again; the other still waits.
    expect(page.changes.map((c) => c.deliveryId)).toEqual([r.deliveries[1].uid]);
  });

  it("refuses a superseded delivery with 409", async () => {
    const r = await newRecipient(0);
    const event = insertTestEvent(db, { type: "subject.restricted", subjectId: 77 });
    const d = insertTestDelivery(db, { eventId: event.id, recipientId: r.id, subjectId: 77, state: "superseded" });
    expect((await problemOf(await confirmAs(r.key, d.uid), 409)).detail).toContain("replaced");
  });
});

describe("who may call which endpoint", () => {
  it("refuses the brand's secret and publishable keys on the recipients' endpoints with 403, and no key with 401", async () => {
    const r = await newRecipient(1);
    for (const key of [keys.secret, keys.publishable]) {
      expect((await problemOf(await read(key), 403)).detail).toContain("recipient key (rk_live_…)");
      expect((await problemOf(await confirmAs(key, r.deliveries[0].uid), 403)).detail).toContain("recipient key (rk_live_…)");
    }
    const anonymous = await changes(new Request("http://candor.test/api/v1/changes"), { params: Promise.resolve({}) });
    await problemOf(anonymous, 401);
    expect(anonymous.headers.get("www-authenticate")).toBe('Bearer realm="candor"');
    expect(readTestDelivery(db, r.deliveries[0].id).state).toBe("queued");
  });

  // Each route of /api/v1 with the way it takes a key; a new route fails the last test until it is listed here.
  const others: {
    file: string;
    load: () => Promise<unknown>;
    method: string;
    url: string;
    params?: Record<string, string>;
    key: "bearer" | "query" | "none";
  }[] = [
    { file: "consents/route.ts", load: () => import("./consents/route"), method: "POST", url: "/api/v1/consents", key: "bearer" },
    {
      file: "consents/batch/route.ts",
      load: () => import("./consents/batch/route"),
      method: "POST",
      url: "/api/v1/consents/batch",
      key: "bearer",
    },
    { file: "requests/route.ts", load: () => import("./requests/route"), method: "POST", url: "/api/v1/requests", key: "bearer" },
    {
      file: "requests/[ref]/route.ts",
      load: () => import("./requests/[ref]/route"),
      method: "GET",
      url: "/api/v1/requests/REQ-2026-00001",
      params: { ref: "REQ-2026-00001" },
      key: "bearer",
    },
    {
      file: "subjects/[subjectId]/consents/route.ts",
      load: () => import("./subjects/[subjectId]/consents/route"),
      method: "GET",
      url: "/api/v1/subjects/x/consents",
      params: { subjectId: "x" },
      key: "bearer",
    },
    {
      file: "subjects/[subjectId]/receipts/[eventId]/route.ts",
      load: () => import("./subjects/[subjectId]/receipts/[eventId]/route"),
      method: "GET",
      url: "/api/v1/subjects/x/receipts/1",
      params: { subjectId: "x", eventId: "1" },
      key: "bearer",
    },
    {
      file: "widget/config/route.ts",
      load: () => import("./widget/config/route"),
      method: "GET",
      url: "/api/v1/widget/config",
      key: "query",
    },
    {
      file: "widget/config/route.ts",
      load: () => import("./widget/config/route"),
      method: "OPTIONS",
      url: "/api/v1/widget/config",
      key: "query",
    },
    {
      file: "widget/consents/route.ts",
      load: () => import("./widget/consents/route"),
      method: "POST",
      url: "/api/v1/widget/consents",
      key: "query",
    },
    {
      file: "widget/consents/route.ts",
      load: () => import("./widget/consents/route"),
      method: "OPTIONS",
      url: "/api/v1/widget/consents",
      key: "query",
    },
    // The API's description is public, whoever asks.
    { file: "openapi.json/route.ts", load: () => import("./openapi.json/route"), method: "GET", url: "/api/v1/openapi.json", key: "none" },
  ];

  for (const route of others.filter((r) => r.key !== "none"))
    it(`refuses a recipient key on ${route.method} ${route.url} with 403`, async () => {
      const r = await newRecipient(0);
      const mod = (await route.load()) as Record<string, Handler>;
      const url = `http://candor.test${route.url}${route.key === "query" ? `?key=${r.key}` : ""}`;
      const request = new Request(url, {
        method: route.method,
        headers: { "content-type": "application/json", origin: "https://shop.example", ...(route.key === "bearer" ? bearer(r.key) : {}) },
        ...(route.method === "POST" ? { body: JSON.stringify({ events: [], type: "access", subject: { email: "a@example.com" } }) } : {}),
      });
      const body = await problemOf(await mod[route.method](request, { params: Promise.resolve(route.params ?? {}) }), 403);
      expect(body.type).toBe("https://candor.dev/problems/forbidden");
      expect(body.detail).toContain("A recipient key only reads its recipient's changes");
    });

  it("lists every /api/v1 route above", () => {
    const root = path.join(__dirname);
    const found = (fs.readdirSync(root, { recursive: true }) as string[])
      .filter((f) => f.endsWith(`${path.sep}route.ts`) || f === "route.ts")
      .map((f) => f.split(path.sep).join("/"))
      .filter((f) => f !== "changes/route.ts" && f !== "deliveries/[id]/confirm/route.ts")
      .sort();
    expect(found).toEqual([...new Set(others.map((r) => r.file))].sort());
  });
});
