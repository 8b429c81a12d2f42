import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "../testing/temp-db";
import { sealedLinkMarker } from "@/lib/outbox/sealed-links";

// The query layer opens the store named by DATABASE_PATH when first imported.
const temp = createTempDatabase("request-propagation");
process.env.DATABASE_PATH = temp.file;

let wf: typeof import("./workflow");
let intake: typeof import("./intake");
let ff: typeof import("./fulfilment");
let rect: typeof import("./rectification");
let client: typeof import("../client");
let r: Record<string, number>;
const officer = { id: 0, email: "officer@example.com" };
// The server seals a link with its key (lib/server/sealed-link.ts); here a reversible stand-in marks it the same way.
const links = { baseUrl: "http://candor.test", seal: (link: string) => sealedLinkMarker(Buffer.from(link).toString("base64url")) };

// newsletter (consent, contact details) → MailHarbor; ad_sharing (consent, sale/sharing, behavioural) →
// Meridian Ads (third party) and AdOps (processor); orders (contract) → Parcelway; fraud_checks
// (legitimate interests, contact details) → Sentinel.
beforeAll(async () => {
  client = await import("../client");
  wf = await import("./workflow");
  intake = await import("./intake");
  ff = await import("./fulfilment");
  rect = await import("./rectification");
  const { loadTestCatalog } = await import("../testing/catalog");
  const { linkTestRecipients } = await import("../testing/recipients");
  loadTestCatalog(client.db);
  const sql = client.db.$client;
  sql.prepare(`UPDATE purposes SET data_categories = '["behavioural","device"]' WHERE key = 'ad_sharing'`).run();
  sql.prepare(`UPDATE purposes SET data_categories = '["identity","order_history"]' WHERE key = 'orders'`).run();
  r = linkTestRecipients(client.db, [
    { name: "MailHarbor", role: "processor", purposes: ["newsletter"] },
    { name: "Meridian Ads", role: "third_party", purposes: ["ad_sharing"] },
    { name: "AdOps", role: "processor", purposes: ["ad_sharing"] },
    { name: "Parcelway", role: "processor", purposes: ["orders"] },
    { name: "Sentinel", role: "processor", purposes: ["fraud_checks"] },
  ]);
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
});
afterAll(() => {
  client.db.$client.close();
  temp.cleanup();
});

const all = <T>(s: string, ...a: unknown[]) => client.db.$client.prepare(s).all(...a) as T[];

let n = 0;
/** A customer (customer id and email) who granted the newsletter and ad sharing a month ago. */
async function customer() {
  const { ConsentLedger } = await import("../consent/ledger/record");
  const who = { externalId: `CUST-${++n}`, email: `customer${n}@example.org` };
  new ConsentLedger(client.db).record(
    ["newsletter", "ad_sharing"].map((purpose) => ({
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

type Told = { type: string; recipient: number; requestId: number | null; identifiers: string | null; data: string | null };
const toldAbout = (subjectId: number) =>
  all<Told>(
    `SELECT e.type, d.recipient_id AS recipient, e.request_id AS requestId, d.identifiers, e.data
     FROM deliveries d JOIN propagation_events e ON e.id = d.event_id WHERE d.subject_id = ? ORDER BY d.id`,
    subjectId,
  ).map((t) => ({ ...t, identifiers: t.identifiers && JSON.parse(t.identifiers), data: t.data && JSON.parse(t.data) }));

function completed(type: "restriction" | "objection" | "opt_out_sale" | "deletion", email: string) {
  const request = intake.createRequest({ type, jurisdiction: "US-CA", intake: "phone", email }, officer).request;
  wf.markVerified(request.id, "Identity checked on a call back", officer);
  ff.completeRequest(request.id, officer, links);
  return request;
}

describe("completing a request tells the recipients, with the request's id, in the completion's transaction", () => {
  it("a restriction reaches every recipient holding the data, after the withdrawals it writes", async () => {
    const c = await customer();
    const request = completed("restriction", c.email);
    const told = toldAbout(c.id);
    expect(told.filter((t) => t.type === "consent.changed").map((t) => t.recipient)).toEqual([
      r["MailHarbor"],
      r["Meridian Ads"],
      r["AdOps"],
    ]);
    expect(told.filter((t) => t.type === "subject.restricted").map((t) => [t.recipient, t.requestId])).toEqual(
      ["MailHarbor", "Meridian Ads", "AdOps", "Parcelway", "Sentinel"].map((name) => [r[name], request.id]),
    );
    expect(told.map((t) => t.type)).toEqual([...Array(3).fill("consent.changed"), ...Array(5).fill("subject.restricted")]);
  });

  it("an objection reaches the recipients of the purposes objected to", async () => {
    const c = await customer();
    const request = completed("objection", c.email);
    expect(toldAbout(c.id).map((t) => [t.type, t.recipient, t.requestId, t.data])).toEqual([
      ["subject.objected", r["Sentinel"], request.id, { purposes: ["fraud_checks"] }],
    ]);
  });

  it("an opt-out of sale/sharing reaches the third parties, not the processors, marked as not from GPC", async () => {
    const c = await customer();
    const request = completed("opt_out_sale", c.email);
    const optedOut = toldAbout(c.id).filter((t) => t.type === "subject.opted_out");
    expect(optedOut).toEqual([
      {
        type: "subject.opted_out",
        recipient: r["Meridian Ads"],
        requestId: request.id,
        identifiers: { externalId: c.externalId },
        data: { optOut: ["sale", "sharing"], gpc: false },
      },
    ]);
  });

  it("an erasure reaches every holder, named by the identifiers each held, with the request's id", async () => {
    const c = await customer();
    const request = completed("deletion", c.email);
    expect(toldAbout(c.id).map((t) => [t.type, t.recipient, t.requestId, t.identifiers])).toEqual([
      ["subject.erased", r["MailHarbor"], request.id, { externalId: c.externalId, email: c.email }],
      ["subject.erased", r["Meridian Ads"], request.id, { externalId: c.externalId }],
      ["subject.erased", r["AdOps"], request.id, { externalId: c.externalId }],
      ["subject.erased", r["Parcelway"], request.id, { externalId: c.externalId }],
      ["subject.erased", r["Sentinel"], request.id, { externalId: c.externalId, email: c.email }],
    ]);
    expect(wf.loadRequest(request.id).status).toBe("completed");
  });
});

describe("rectification", () => {
  it("sends each holder the corrected fields it holds, naming the person by the identifiers it already had", async () => {
    const c = await customer();
    const request = intake.createRequest(
      { type: "rectification", jurisdiction: "US-CA", intake: "phone", email: c.email, details: "New address and name" },
      officer,
    ).request;
    wf.markVerified(request.id, "Called back on the number on file", officer);
    // The name on file, as the recipients of contact and identity data received it.
    client.db.$client.prepare("UPDATE subjects SET name = 'Dana Reyas' WHERE id = ?").run(c.id);
    rect.rectifySubject(
      { requestId: request.id, name: "Dana Reyes", email: `renamed${n}@example.org`, phone: null, locale: "en" },
      officer,
    );
    const told = toldAbout(c.id);
    const byRecipient = new Map(told.map((t) => [t.recipient, t]));
    // Contact details reached MailHarbor and Sentinel: the new name and email, to the old email they hold.
    for (const name of ["MailHarbor", "Sentinel"])
      expect(byRecipient.get(r[name])).toEqual({
        type: "subject.rectified",
        recipient: r[name],
        requestId: request.id,
        identifiers: { externalId: c.externalId, email: c.email },
        data: {
          changes: [
            { field: "name", value: "Dana Reyes" },
            { field: "email", value: `renamed${n}@example.org` },
          ],
        },
      });
    // Parcelway holds identity data: the name only, never the new email.
    expect(byRecipient.get(r["Parcelway"])?.data).toEqual({ changes: [{ field: "name", value: "Dana Reyes" }] });
    // The ad recipients hold neither: they are not told.
    expect(byRecipient.has(r["Meridian Ads"])).toBe(false);
    expect(byRecipient.has(r["AdOps"])).toBe(false);
    expect(told).toHaveLength(3);
  });

  it("tells nobody of a phone or name that had no value before, since no recipient ever held one", async () => {
    const c = await customer();
    const request = intake.createRequest(
      { type: "rectification", jurisdiction: "US-CA", intake: "phone", email: c.email, details: "Add my phone and name" },
      officer,
    ).request;
    wf.markVerified(request.id, "Called back on the number on file", officer);
    rect.rectifySubject({ requestId: request.id, name: "Dana Reyes", email: c.email, phone: "+1 415 555 0100", locale: "en" }, officer);
    expect(toldAbout(c.id)).toEqual([]);
    // Once the phone is on file and reached the recipients of contact details, a correction of it does reach them.
    const again = intake.createRequest(
      { type: "rectification", jurisdiction: "US-CA", intake: "phone", email: c.email, details: "New phone" },
      officer,
    ).request;
    wf.markVerified(again.id, "Called back on the number on file", officer);
    rect.rectifySubject({ requestId: again.id, name: "Dana Reyes", email: c.email, phone: "+1 415 555 0199", locale: "en" }, officer);
    expect(toldAbout(c.id).map((t) => [t.recipient, t.data])).toEqual(
      ["MailHarbor", "Sentinel"].map((name) => [r[name], { changes: [{ field: "phone", value: "+1 415 555 0199" }] }]),
    );
  });

  it("leaves neither the correction nor a delivery when the rectification is refused", async () => {
    const c = await customer();
    const other = await customer();
    const request = intake.createRequest(
      { type: "rectification", jurisdiction: "US-CA", intake: "phone", email: c.email, details: "Use my other address" },
      officer,
    ).request;
    wf.markVerified(request.id, "Called back on the number on file", officer);
    expect(() =>
      rect.rectifySubject({ requestId: request.id, name: null, email: other.email, phone: null, locale: "en" }, officer),
    ).toThrow();
    expect(toldAbout(c.id)).toEqual([]);
  });
});
