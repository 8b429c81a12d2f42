import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "../testing/temp-db";
import { DAY_MS } from "@/lib/time";

// The query layer opens the store named by DATABASE_PATH when first imported.
const temp = createTempDatabase("queue");
process.env.DATABASE_PATH = temp.file;

let queue: typeof import("./queue");
let client: typeof import("../client");
const now = new Date(Date.UTC(2026, 5, 15, 12));
const staff: Record<string, number> = {};
const people: Record<string, number> = {};

beforeAll(async () => {
  client = await import("../client");
  queue = await import("./queue");
  const sql = client.db.$client;
  const addStaff = sql.prepare(
    "INSERT INTO staff_users (email, name, role, password_hash, created_at) VALUES (?, ?, 'privacy_officer', 'x', 0) RETURNING id",
  );
  staff.olga = (addStaff.get("olga@example.com", "Olga") as { id: number }).id;
  staff.pat = (addStaff.get("pat@example.com", "Pat") as { id: number }).id;
  const person = sql.prepare(
    "INSERT INTO subjects (uid, external_id, email, name, jurisdiction, locale, created_at) VALUES (?, ?, ?, ?, 'EU', 'en', 0) RETURNING id",
  );
  for (const [uid, ext, email, name] of [
    ["sub_ada", "CUST-0001", "ada.lovelace@example.org", "Ada Lovelace"],
    ["sub_grace", null, "grace.hopper@navy.example", "Grace Hopper"],
    ["sub_noemail", "CUST-0077", null, null],
  ] as const)
    people[uid] = (person.get(uid, ext, email, name) as { id: number }).id;
  const request = sql.prepare(
    `INSERT INTO subject_requests (ref, subject_id, type, status, jurisdiction, intake, details, received_at, due_at, assignee_id, created_at)
     VALUES (?, ?, 'access', ?, 'EU', 'email', ?, 0, ?, ?, 0)`,
  );
  const day = (n: number) => now.getTime() + n * DAY_MS;
  // ref, subject, status, details, due, assignee
  request.run("REQ-2026-00041", people.sub_ada, "received", null, day(-2), staff.olga); // overdue, mine
  request.run("REQ-2026-00042", people.sub_grace, "in_progress", null, day(2), staff.olga); // due soon, mine
  request.run("REQ-2026-00043", people.sub_ada, "verifying", null, day(20), staff.pat); // later, Pat's
  request.run("REQ-2026-00044", people.sub_grace, "completed", null, day(-5), staff.olga); // closed
  request.run(
    "REQ-2025-00099",
    null,
    "received",
    JSON.stringify({ email: "walk.in@post.example", externalId: null, name: "Walk In", note: null }),
    day(1),
    null,
  );
  request.run("REQ-2025-00100", people.sub_noemail, "received", null, day(30), null);
});
afterAll(() => {
  client.db.$client.close();
  temp.cleanup();
});

describe("getMyQueueCounts", () => {
  it("counts open requests assigned to me, due within three days (overdue included) and overdue", () => {
    expect(queue.getMyQueueCounts(staff.olga, now)).toEqual({ assigned: 2, dueSoon: 3, overdue: 1 });
    expect(queue.getMyQueueCounts(staff.pat, now)).toEqual({ assigned: 1, dueSoon: 3, overdue: 1 });
  });

  it("stops counting a request once it is closed", () => {
    const later = new Date(now.getTime() + 40 * DAY_MS);
    expect(queue.getMyQueueCounts(staff.pat, later)).toEqual({ assigned: 1, dueSoon: 5, overdue: 5 });
  });
});

describe("listRequestQueue with a text filter", () => {
  const refs = (text: string, extra: Partial<Parameters<typeof queue.listRequestQueue>[0]> = {}) =>
    queue.listRequestQueue({ text, textPeople: true, now, page: 1, pageSize: 50, ...extra }).rows.map((r) => r.ref);

  it("finds a request by its whole reference or its start, in any case", () => {
    expect(refs("REQ-2026-00042")).toEqual(["REQ-2026-00042"]);
    expect(refs("req-2026-0004")).toEqual(["REQ-2026-00044", "REQ-2026-00041", "REQ-2026-00042", "REQ-2026-00043"]);
    expect(refs("2025-001")).toEqual(["REQ-2025-00100"]);
  });

  it("does not match a reference in its middle", () => {
    expect(refs("00042")).toEqual([]);
  });

  it("finds the requests of a person by part of their email, name or external id", () => {
    expect(refs("LOVELACE@exa")).toEqual(["REQ-2026-00041", "REQ-2026-00043"]);
    expect(refs("navy.exam", { status: "open" })).toEqual(["REQ-2026-00042"]);
    expect(refs("grace hop")).toEqual(["REQ-2026-00044", "REQ-2026-00042"]);
    expect(refs("cust-0077")).toEqual(["REQ-2025-00100"]);
  });

  it("finds a person by a whole external id shorter than a trigram only when typed whole", () => {
    client.db.$client.prepare("UPDATE subjects SET external_id = 'Z9' WHERE uid = 'sub_noemail'").run();
    try {
      expect(refs("Z9")).toEqual(["REQ-2025-00100"]);
      expect(refs("Z")).toEqual([]);
    } finally {
      client.db.$client.prepare("UPDATE subjects SET external_id = 'CUST-0077' WHERE uid = 'sub_noemail'").run();
    }
  });

  it("finds an unlinked request by the contact staff took down, but not by a linked request's own words", () => {
    expect(refs("walk.in@post")).toEqual(["REQ-2025-00099"]);
    expect(refs("Walk In")).toEqual(["REQ-2025-00099"]);
    client.db.$client.prepare("UPDATE subject_requests SET details = 'walk.in@post.example asked' WHERE ref = 'REQ-2026-00043'").run();
    expect(refs("walk.in@post")).toEqual(["REQ-2025-00099"]);
  });

  it("matches references only, never people or an unlinked contact, for a role that may not see people", () => {
    const noPeople = { textPeople: false };
    expect(refs("LOVELACE@exa", noPeople)).toEqual([]);
    expect(refs("grace hop", noPeople)).toEqual([]);
    expect(refs("cust-0077", noPeople)).toEqual([]);
    expect(refs("walk.in@post", noPeople)).toEqual([]);
    expect(refs("req-2026-0004", noPeople)).toEqual(["REQ-2026-00044", "REQ-2026-00041", "REQ-2026-00042", "REQ-2026-00043"]);
    expect(queue.listRequestQueue({ text: "grace hop", now, page: 1, pageSize: 50 }).rows).toEqual([]);
  });

  it("takes %, _ and quotes literally", () => {
    expect(refs("%")).toEqual([]);
    expect(refs('"lovelace')).toEqual([]);
    expect(refs("_")).toEqual([]);
  });

  it("finds the requests of people by a part more than a thousand people share", () => {
    const sql = client.db.$client;
    const person = sql.prepare(
      "INSERT INTO subjects (uid, email, jurisdiction, locale, created_at) VALUES (?, ?, 'EU', 'en', 0) RETURNING id",
    );
    const ids = Array.from({ length: 1002 }, (_, i) => (person.get(`sub_many_${i}`, `p${i}@many.example`) as { id: number }).id);
    sql
      .prepare(
        "INSERT INTO subject_requests (ref, subject_id, type, status, jurisdiction, intake, received_at, due_at, created_at) VALUES ('REQ-2024-00001', ?, 'access', 'received', 'EU', 'email', 0, 0, 0)",
      )
      .run(ids[3]);
    expect(refs("MANY.example")).toEqual(["REQ-2024-00001"]);
    expect(refs("p3@many.example")).toEqual(["REQ-2024-00001"]);
    sql.prepare("DELETE FROM subject_requests WHERE ref = 'REQ-2024-00001'").run();
    sql.prepare("DELETE FROM subjects WHERE uid LIKE 'sub_many_%'").run();
  });

  it("keeps the other filters", () => {
    expect(refs("REQ-2026", { status: "open", assigneeId: staff.olga })).toEqual(["REQ-2026-00041", "REQ-2026-00042"]);
  });
});

describe("the queue's customer column", () => {
  const rows = (withCustomer: boolean) => queue.listRequestQueue({ now, page: 1, pageSize: 50, withCustomer }).rows;

  it("gives the linked person's email and id, or the unlinked request's contact", () => {
    const byRef = Object.fromEntries(rows(true).map((r) => [r.ref, r.customer]));
    expect(byRef["REQ-2026-00041"]).toEqual({ uid: "sub_ada", email: "ada.lovelace@example.org", externalId: "CUST-0001" });
    expect(byRef["REQ-2025-00100"]).toEqual({ uid: "sub_noemail", email: null, externalId: "CUST-0077" });
    expect(byRef["REQ-2025-00099"]).toEqual({ contact: { email: "walk.in@post.example", externalId: null, name: "Walk In", note: null } });
  });

  it("leaves personal data out unless asked", () => {
    for (const row of rows(false)) expect(row).not.toHaveProperty("customer");
  });
});
