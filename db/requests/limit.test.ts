import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "../testing/temp-db";
import { sealedLinkMarker } from "@/lib/outbox/sealed-links";

// The query layer opens the store named by DATABASE_PATH when first imported.
const temp = createTempDatabase("request-limit");
process.env.DATABASE_PATH = temp.file;

let wf: typeof import("./workflow");
let intake: typeof import("./intake");
let ff: typeof import("./fulfilment");
let consent: typeof import("../consent/consent");
let client: typeof import("../client");
let r: Record<string, number>;
const officer = { id: 0, email: "officer@example.com" };
const links = { baseUrl: "http://candor.test", seal: (link: string) => sealedLinkMarker(Buffer.from(link).toString("base64url")) };

// Flagged beyond §7027(m): ad_sharing (consent) → Meridian Ads (third party), AdOps (processor); orders (contract)
// → Parcelway. Not flagged: newsletter (consent) → MailHarbor; fraud_checks (legitimate interests) → Sentinel.
beforeAll(async () => {
  client = await import("../client");
  wf = await import("./workflow");
  intake = await import("./intake");
  ff = await import("./fulfilment");
  consent = await import("../consent/consent");
  const { loadTestCatalog } = await import("../testing/catalog");
  const { linkTestRecipients } = await import("../testing/recipients");
  loadTestCatalog(client.db);
  const sql = client.db.$client;
  sql.prepare(`UPDATE purposes SET sensitive_beyond_permitted = 1 WHERE key IN ('ad_sharing', 'orders')`).run();
  r = linkTestRecipients(client.db, [
    { name: "MailHarbor", role: "processor", purposes: ["newsletter"] },
    { name: "Meridian Ads", role: "third_party", purposes: ["ad_sharing"] },
    { name: "AdOps", role: "processor", purposes: ["ad_sharing"] },
    { name: "Parcelway", role: "processor", purposes: ["orders"] },
    { name: "Sentinel", role: "processor", purposes: ["fraud_checks"] },
  ]);
  sql
    .prepare(
      "INSERT INTO brand_settings (id, name, legal_name, address, contact_email, dpo_email, website_url, enabled_locales, allowed_origins, time_zone) VALUES (1, 'Northtrail', 'N Ltd', 'Dublin', 'c@x', 'd@x', 'https://x', '[]', '[]', 'America/Los_Angeles')",
    )
    .run();
  officer.id = (
    sql
      .prepare(
        "INSERT INTO staff_users (email, name, role, password_hash, created_at) VALUES (?, 'Olga Officer', 'privacy_officer', 'x', 0) RETURNING id",
      )
      .get(officer.email) as { id: number }
  ).id;
});
afterAll(() => {
  client.db.$client.close();
  temp.cleanup();
});

const all = <T>(s: string, ...a: unknown[]) => client.db.$client.prepare(s).all(...a) as T[];

let n = 0;
/** A Californian customer who granted the newsletter and ad sharing a month ago. */
async function customer(purposes = ["newsletter", "ad_sharing"]) {
  const { ConsentLedger } = await import("../consent/ledger/record");
  const who = { externalId: `CUST-${++n}`, email: `customer${n}@example.org` };
  new ConsentLedger(client.db).record(
    purposes.map((purpose) => ({
      subject: { ...who, jurisdiction: "US-CA" as const, locale: "en" as const },
      purpose,
      event: "granted" as const,
      source: "api" as const,
      occurredAt: new Date(Date.now() - 30 * 86_400_000).toISOString(),
    })),
    { gpc: false },
  );
  const { id } = client.db.$client.prepare("SELECT id FROM subjects WHERE external_id = ?").get(who.externalId) as { id: number };
  return { ...who, id };
}

const toldAbout = (subjectId: number, type: string) =>
  all<{ recipient: number; requestId: number | null; data: string }>(
    `SELECT d.recipient_id AS recipient, e.request_id AS requestId, e.data FROM deliveries d JOIN propagation_events e ON e.id = d.event_id
     WHERE d.subject_id = ? AND e.type = ? ORDER BY d.recipient_id`,
    subjectId,
    type,
  );
const ledger = (subjectId: number) =>
  all<{ purpose: string; event: string; source: string; key: string | null }>(
    `SELECT p.key AS purpose, e.event, e.source, e.idempotency_key AS key FROM consent_events e JOIN purposes p ON p.id = e.purpose_id
     WHERE e.subject_id = ? ORDER BY e.id`,
    subjectId,
  );
const stateOf = (subjectId: number) =>
  new Map(consent.getSubjectConsents(subjectId).map((c) => [c.purpose, { state: c.state, limited: c.limited }]));

describe("a limit request from a California person (CCPA §7027)", () => {
  it("stops the flagged purposes at intake with no identity check, and is due 15 business days from receipt", async () => {
    const c = await customer();
    // Received Wednesday 2 June 2027, 10:00 in Los Angeles: day 15 is Wednesday 23 June.
    const receivedAt = new Date("2027-06-02T17:00:00Z");
    const { request, verification } = intake.createRequest(
      { type: "limit_sensitive", jurisdiction: "US-CA", intake: "preference_center", subjectId: c.id },
      { id: null, email: "subject" },
      { receivedAt },
    );
    expect(verification).toBe("not-needed");
    expect(request.verification).toBe("none");
    expect(request.dueAt.toISOString()).toBe("2027-06-24T06:59:59.999Z");
    expect(request.confirmBy).toBeNull();

    // The consent purpose is withdrawn in the ledger with the request as its source; the contract one is stopped by the limit.
    expect(ledger(c.id).slice(2)).toEqual([
      { purpose: "ad_sharing", event: "withdrawn", source: "system", key: `${request.ref}:ad_sharing` },
    ]);
    const states = stateOf(c.id);
    expect(states.get("ad_sharing")).toEqual({ state: "withdrawn", limited: true });
    expect(states.get("orders")).toEqual({ state: "none", limited: true });
    expect(states.get("newsletter")).toEqual({ state: "granted", limited: false });
    expect(states.get("fraud_checks")).toEqual({ state: "none", limited: false });

    // The timeline says what was stopped, as the step that put the request under way.
    expect(request.status).toBe("in_progress");
    const timeline = all<{ note: string | null; to: string | null }>(
      "SELECT note, to_status AS 'to' FROM request_events WHERE request_id = ? ORDER BY id",
      request.id,
    );
    expect(timeline).toContainEqual({
      note: "Use of sensitive personal information limited for this person; purposes using it beyond §7027(m) stopped: 2",
      to: "in_progress",
    });
    expect(all("SELECT 1 FROM audit_log WHERE action = 'request.limit' AND target_id = ?", request.ref).length).toBe(1);
  });

  it("tells subject.limited only to the recipients of the stopped purposes that hold the person's data", async () => {
    // A customer who granted ad sharing; Parcelway holds their order data under the contract.
    const c = await customer();
    const { request } = intake.createRequest({ type: "limit_sensitive", jurisdiction: "US-CA", intake: "phone", email: c.email }, officer);
    const limited = toldAbout(c.id, "subject.limited");
    // Processors are told too (§7027(g)(2) names service providers and contractors); unflagged purposes' recipients are not.
    expect(limited.map((t) => t.recipient)).toEqual([r["Meridian Ads"], r["AdOps"], r["Parcelway"]]);
    expect(limited.every((t) => t.requestId === request.id && t.data === "{}")).toBe(true);

    // Someone who never granted ad sharing gave its recipients nothing: they are not told.
    const never = await customer(["newsletter"]);
    intake.createRequest({ type: "limit_sensitive", jurisdiction: "US-CA", intake: "phone", email: never.email }, officer);
    const toldNever = toldAbout(never.id, "subject.limited").map((t) => t.recipient);
    expect(toldNever).not.toContain(r["Meridian Ads"]);
    expect(toldNever).not.toContain(r["AdOps"]);
    expect(toldNever).not.toContain(r["MailHarbor"]);
  });

  it("completing the request writes nothing twice and says how many purposes stay stopped", async () => {
    const c = await customer();
    const { request } = intake.createRequest({ type: "limit_sensitive", jurisdiction: "US-CA", intake: "phone", email: c.email }, officer);
    const before = { ledger: ledger(c.id).length, told: toldAbout(c.id, "subject.limited").length };
    expect(request.status).toBe("in_progress");
    const result = ff.completeRequest(request.id, officer, links);
    expect(result).toEqual({ effect: "stop", stopped: 2 });
    expect(ledger(c.id).length).toBe(before.ledger);
    expect(toldAbout(c.id, "subject.limited").length).toBe(before.told);
  });

  it("applies the limit on completion when intake could not link the person", async () => {
    const c = await customer();
    const { request } = intake.createRequest(
      { type: "limit_sensitive", jurisdiction: "US-CA", intake: "letter", email: "someone-else@example.org" },
      officer,
    );
    expect(request.subjectId).toBeNull();
    expect(stateOf(c.id).get("ad_sharing")).toEqual({ state: "granted", limited: false });
    expect(request.status).toBe("received");
    client.db.$client.prepare("UPDATE subject_requests SET subject_id = ? WHERE id = ?").run(c.id, request.id);
    wf.markVerified(request.id, "Linked to the customer by the officer", officer);
    ff.completeRequest(request.id, officer, links);
    expect(stateOf(c.id).get("ad_sharing")).toEqual({ state: "withdrawn", limited: true });
    expect(toldAbout(c.id, "subject.limited").map((t) => t.requestId)).toContain(request.id);
  });

  it("erasing the person removes their limit with them", async () => {
    const c = await customer();
    intake.createRequest({ type: "limit_sensitive", jurisdiction: "US-CA", intake: "phone", email: c.email }, officer);
    expect(all("SELECT 1 FROM sensitive_limits WHERE subject_id = ?", c.id).length).toBe(1);
    const { eraseSubject } = await import("../subjects/erasure");
    eraseSubject(client.db, c.id, "TEST-ERASE");
    expect(all("SELECT 1 FROM sensitive_limits WHERE subject_id = ?", c.id).length).toBe(0);
  });
});
