import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../staff/audit-chain";
import { openDatabase, type Db } from "../connection";
import { monthsBefore, REMOVED_BODY, runRetention } from "./retention";
import { loadTestCatalog } from "../testing/catalog";
import { createTempDatabase } from "../testing/temp-db";
import { DAY_MS as DAY } from "@/lib/time";

const temp = createTempDatabase("retention");
let db: Db;
const now = new Date("2026-06-15T12:00:00Z");
const ago = (days: number) => now.getTime() - days * DAY;

const ids: Record<string, number> = {};

beforeAll(() => {
  db = openDatabase(temp.file);
  loadTestCatalog(db);
  const sql = db.$client;
  const subject = sql
    .prepare(
      "INSERT INTO subjects (uid, email, jurisdiction, locale, created_at) VALUES ('u-1', 'ana@example.com', 'EU', 'en', 0) RETURNING id",
    )
    .get() as { id: number };
  const code = sql.prepare(
    "INSERT INTO verification_codes (purpose, subject_id, request_id, code_hash, expires_at, consumed_at, created_at) VALUES (?, ?, ?, ?, ?, ?, 0) RETURNING id",
  );
  const add = (name: string, purpose: string, expiresAt: number, consumedAt: number | null = null, requestId: number | null = null) =>
    (ids[name] = (code.get(purpose, subject.id, requestId, name, expiresAt, consumedAt) as { id: number }).id);
  add("code expired two days ago", "preferences", ago(2));
  add("code expired an hour ago", "preferences", now.getTime() - 3_600_000);
  add("code used two days ago", "request", now.getTime() + DAY, ago(2));
  add("code used an hour ago", "request", now.getTime() + DAY, now.getTime() - 3_600_000);
  add("code still valid", "preferences", now.getTime() + 600_000);
  add("export link expired", "export", now.getTime() - 60_000);
  add("export link valid", "export", ago(-6));

  const request = sql.prepare(
    "INSERT INTO subject_requests (ref, subject_id, type, status, jurisdiction, intake, received_at, due_at, closed_at, created_at) VALUES (?, ?, 'access', ?, 'EU', 'api', ?, ?, ?, ?) RETURNING id",
  );
  const event = sql.prepare("INSERT INTO request_events (request_id, at, kind, to_status) VALUES (?, ?, 'status', 'completed')");
  const message = sql.prepare(
    "INSERT INTO outbox (subject_id, request_id, to_address, kind, locale, subject_line, body, status, created_at, sent_at) VALUES (?, ?, 'ana@example.com', ?, 'en', 'Your request', ?, ?, ?, ?) RETURNING id",
  );
  const closedAgo = (name: string, status: string, closedAt: number | null, receivedAt: number) => {
    const id = (request.get(name, subject.id, status, receivedAt, receivedAt + 30 * DAY, closedAt, receivedAt) as { id: number }).id;
    ids[name] = id;
    event.run(id, receivedAt);
    event.run(id, closedAt ?? receivedAt);
    message.get(subject.id, id, "request-received", "We got your request", "sent", receivedAt, receivedAt);
    add(`${name} code`, "request", receivedAt + 600_000, receivedAt + 60_000, id);
    return id;
  };
  const monthsAgo = (m: number, extraDays = 0) => monthsBefore(now, m).getTime() - extraDays * DAY;
  closedAgo("REQ-OLD-DONE", "completed", monthsAgo(24, 1), monthsAgo(25));
  closedAgo("REQ-OLD-REJECTED", "rejected", monthsAgo(30), monthsAgo(31));
  closedAgo("REQ-23-MONTHS", "completed", monthsAgo(23), monthsAgo(24, 5));
  closedAgo("REQ-OLD-BUT-OPEN", "in_progress", null, monthsAgo(26));

  ids["body sent 31 days ago"] = (
    message.get(subject.id, null, "preferences-code", "Your code is 482913", "sent", ago(31), ago(31)) as { id: number }
  ).id;
  ids["body sent 29 days ago"] = (
    message.get(subject.id, null, "preferences-code", "Your code is 111111", "sent", ago(29), ago(29)) as { id: number }
  ).id;
  ids["body pending 40 days"] = (
    message.get(subject.id, null, "preferences-code", "Your code is 222222", "pending", ago(40), null) as { id: number }
  ).id;
});
afterAll(() => {
  db.$client.close();
  temp.cleanup();
});

const one = <T>(statement: string, ...args: unknown[]) => db.$client.prepare(statement).get(...args) as T;
const codeExists = (name: string) => Boolean(one("SELECT 1 AS x FROM verification_codes WHERE id = ?", ids[name]));

describe("runRetention", () => {
  it("removes what need not be kept and keeps the rest", () => {
    const counts = runRetention(db, now);
    expect(counts).toEqual({ verificationCodes: 6, exportLinks: 1, outboxBodies: 3, requests: 2, requestEvents: 4, requestMessages: 2 });

    expect(codeExists("code expired two days ago")).toBe(false);
    expect(codeExists("code used two days ago")).toBe(false);
    expect(codeExists("export link expired")).toBe(false);
    for (const kept of ["code expired an hour ago", "code used an hour ago", "code still valid", "export link valid"])
      expect(codeExists(kept), kept).toBe(true);

    const body = (name: string) =>
      one<{ body: string; toAddress: string; sentAt: number | null }>(
        "SELECT body, to_address AS toAddress, sent_at AS sentAt FROM outbox WHERE id = ?",
        ids[name],
      );
    expect(body("body sent 31 days ago")).toEqual({ body: REMOVED_BODY, toAddress: "ana@example.com", sentAt: ago(31) });
    expect(body("body sent 29 days ago").body).toBe("Your code is 111111");
    expect(body("body pending 40 days").body).toBe("Your code is 222222"); // not sent yet: still needed

    const requests = db.$client.prepare("SELECT ref FROM subject_requests ORDER BY ref").all() as { ref: string }[];
    expect(requests.map((r) => r.ref)).toEqual(["REQ-23-MONTHS", "REQ-OLD-BUT-OPEN"]);
    for (const name of ["REQ-OLD-DONE", "REQ-OLD-REJECTED"]) {
      expect(one<{ n: number }>("SELECT count(*) AS n FROM request_events WHERE request_id = ?", ids[name]).n).toBe(0);
      expect(one<{ n: number }>("SELECT count(*) AS n FROM outbox WHERE request_id = ?", ids[name]).n).toBe(0);
      expect(codeExists(`${name} code`)).toBe(false);
    }
    for (const name of ["REQ-23-MONTHS", "REQ-OLD-BUT-OPEN"])
      expect(one<{ n: number }>("SELECT count(*) AS n FROM request_events WHERE request_id = ?", ids[name]).n).toBe(2);
    // Codes of requests still kept are ordinary codes: used long ago, so they go; the request stays.
    expect(codeExists("REQ-23-MONTHS code")).toBe(false);
  });

  it("writes one audit entry per run with the counts, and a second run finds nothing", () => {
    const again = runRetention(db, now);
    expect(Object.values(again).every((n) => n === 0)).toBe(true);
    const entries = db.$client
      .prepare("SELECT action, actor_label AS actor, details FROM audit_log WHERE action = 'retention.run' ORDER BY id")
      .all() as { action: string; actor: string; details: string }[];
    expect(entries).toHaveLength(2);
    expect(JSON.parse(entries[0].details)).toMatchObject({
      requests: 2,
      outboxBodies: 3,
      policy: { outboxBodyDays: 30, requestRecordMonths: 24 },
    });
    expect(entries[0].actor).toBe("system");
    expect(verifyAuditChain(db).broken).toBeNull();
  });
});

describe("monthsBefore", () => {
  it("counts calendar months and never lands earlier than the same day", () => {
    expect(monthsBefore(new Date("2026-06-15T12:00:00Z"), 24).toISOString()).toBe("2024-06-15T12:00:00.000Z");
    expect(monthsBefore(new Date("2026-02-28T00:00:00Z"), 24).toISOString()).toBe("2024-02-28T00:00:00.000Z");
    expect(monthsBefore(new Date("2026-03-31T00:00:00Z"), 1).getTime()).toBeGreaterThanOrEqual(Date.parse("2026-02-28T00:00:00Z"));
  });
});
