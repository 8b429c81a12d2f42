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
