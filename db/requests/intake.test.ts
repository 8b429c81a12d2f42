import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dueDate } from "@/lib/requests/deadlines";
import { createTempDatabase } from "../testing/temp-db";
import { DAY_MS as DAY } from "@/lib/time";

// Intake must never file a request for a guessed person, and its clocks start at receipt.
const temp = createTempDatabase("request-intake");
process.env.DATABASE_PATH = temp.file;

let intake: typeof import("./intake");
let errors: typeof import("@/lib/errors");
let client: typeof import("../client");
const officer = { id: 0, email: "officer@example.com" };
const q = <T>(s: string, ...a: unknown[]) => client.db.$client.prepare(s).get(...a) as T;
const all = <T>(s: string, ...a: unknown[]) => client.db.$client.prepare(s).all(...a) as T[];
const counts = () =>
  q<{ r: number; e: number; a: number; o: number }>(
    "SELECT (SELECT count(*) FROM subject_requests) AS r, (SELECT count(*) FROM request_events) AS e, (SELECT count(*) FROM audit_log) AS a, (SELECT count(*) FROM outbox) AS o",
  );
const uid = (externalId: string) => q<{ id: number; uid: string }>("SELECT id, uid FROM subjects WHERE external_id = ?", externalId);

beforeAll(async () => {
  client = await import("../client");
  intake = await import("./intake");
  errors = await import("@/lib/errors");
  const { loadTestCatalog } = await import("../testing/catalog");
  const { ConsentLedger } = await import("../consent/ledger/record");
  loadTestCatalog(client.db);
  const sql = client.db.$client;
  sql
    .prepare(
      "INSERT INTO brand_settings (id, name, legal_name, address, contact_email, dpo_email, website_url, enabled_locales, allowed_origins, time_zone) VALUES (1, 'Northtrail', 'N Ltd', 'Dublin', 'c@x', 'd@x', 'https://x', '[]', '[]', 'Europe/Dublin')",
    )
    .run();
  officer.id = (
    sql
      .prepare(
        "INSERT INTO staff_users (email, name, role, password_hash, created_at) VALUES (?, 'Olga Officer', 'privacy_officer', 'x', 0) RETURNING id",
      )
      .get(officer.email) as { id: number }
  ).id;
  const ledger = new ConsentLedger(client.db);
  for (const [externalId, email] of [
    ["ANA-1", "ana@example.com"],
    ["BO-1", "bo@example.com"],
  ])
    ledger.record(
      [{ subject: { externalId, email, jurisdiction: "EU", locale: "en" }, purpose: "newsletter", event: "granted", source: "api" }],
      { gpc: false },
    );
});
afterAll(() => temp.cleanup());

const file = (names: { email?: string; externalId?: string; subjectId?: number }) =>
  intake.createRequest(
    { type: "access", jurisdiction: "EU", intake: "api", ...names },
    { id: null, email: "api key test" },
    { sendCode: true, codeKey: "k" },
  );

describe("conflicting identities", () => {
  it("refuses one person's email with another's customer id, naming both, and writes nothing", () => {
    const before = counts();
    expect(() => file({ email: "ana@example.com", externalId: "BO-1" })).toThrow(errors.SubjectConflictError);
    expect(() => file({ email: "ANA@example.com ", externalId: "BO-1" })).toThrow(
      expect.objectContaining({ fields: ["externalId", "email"] }),
    );
    expect(counts()).toEqual(before);
  });

  it("refuses one person's subject id with another's email or customer id", () => {
    const before = counts();
    expect(() => file({ subjectId: uid("ANA-1").id, email: "bo@example.com" })).toThrow(
      expect.objectContaining({ fields: ["subjectId", "email"] }),
    );
    expect(() => file({ subjectId: uid("ANA-1").id, externalId: "BO-1" })).toThrow(
      expect.objectContaining({ fields: ["subjectId", "externalId"] }),
    );
    expect(() => intake.resolveRequestSubject({ id: uid("BO-1").uid, externalId: "ANA-1" })).toThrow(errors.SubjectConflictError);
    expect(counts()).toEqual(before);
  });

  it("files for the known person when the other identity matches nobody: a new address or id is no conflict", () => {
    const ana = uid("ANA-1").id;
    expect(file({ email: "ana.new@example.com", externalId: "ANA-1" }).request.subjectId).toBe(ana);
    expect(file({ email: "ana@example.com", externalId: "ANA-NEW-9" }).request.subjectId).toBe(ana);
    expect(file({ subjectId: ana, email: "ana@example.com", externalId: "ANA-1" }).request.subjectId).toBe(ana);
    expect(intake.resolveRequestSubject({ externalId: "ANA-1", email: "nobody@example.com" })?.id).toBe(ana);
  });

  it("sends the code to the address on file, not to a new one named in the request", () => {
    const r = file({ email: "attacker@example.com", externalId: "BO-1" }).request;
    expect(all<{ to: string }>('SELECT to_address AS "to" FROM outbox WHERE request_id = ?', r.id)).toEqual([{ to: "bo@example.com" }]);
  });
});

describe("clocks from receipt", () => {
  it("counts a letter received ten days ago from that day, and says when it was received", () => {
    const receivedAt = new Date(Date.now() - 10 * DAY);
    const { request } = intake.createRequest({ type: "deletion", jurisdiction: "KR", intake: "letter", externalId: "BO-1" }, officer, {
      receivedAt,
    });
    expect(request.receivedAt.getTime()).toBe(receivedAt.getTime());
    expect(request.dueAt.getTime()).toBe(
      dueDate({ jurisdiction: "KR", type: "deletion", receivedAt, timeZone: "Europe/Dublin" }).getTime(),
    );
    expect(request.dueAt.getTime()).not.toBe(
      dueDate({ jurisdiction: "KR", type: "deletion", receivedAt: new Date(), timeZone: "Europe/Dublin" }).getTime(),
    );
    expect(request.createdAt.getTime()).toBeGreaterThan(receivedAt.getTime() + 9 * DAY);
    const audit = q<{ details: string }>("SELECT details FROM audit_log WHERE target_id = ? AND action = 'request.status'", request.ref);
    expect(JSON.parse(audit.details)).toMatchObject({ intake: "letter", receivedAt: receivedAt.toISOString() });
  });

  it("keeps the reason for a late entry on the timeline and in the audit log", () => {
    const receivedAt = new Date(Date.now() - 75 * DAY);
    const reason = "Letter was misrouted to the warehouse";
    const { request } = intake.createRequest(
      { type: "access", jurisdiction: "US-CA", intake: "letter", email: "ana@example.com" },
      officer,
      { receivedAt, lateEntryReason: reason },
    );
    expect(
      all<{ note: string | null; actorId: number }>(
        "SELECT note, actor_id AS actorId FROM request_events WHERE request_id = ? AND from_status = 'new'",
        request.id,
      ),
    ).toEqual([{ note: reason, actorId: officer.id }]);
    const audit = q<{ details: string }>("SELECT details FROM audit_log WHERE target_id = ? AND action = 'request.status'", request.ref);
    expect(JSON.parse(audit.details)).toMatchObject({ lateEntryReason: reason, receivedAt: receivedAt.toISOString() });
    expect(request.confirmBy!.getTime()).toBeLessThan(Date.now());
  });
});
