import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ConsentEventInput } from "@/lib/consent/events";
import { DAY_MS } from "@/lib/time";
import { openDatabase, type Db } from "../connection";
import { ConsentLedger } from "../consent/ledger/record";
import { loadTestCatalog } from "../testing/catalog";
import { linkTestRecipients } from "../testing/recipients";
import { createTempDatabase } from "../testing/temp-db";

// A refusal of a purpose based on legitimate interests: its data went out without consent, by default, so
// there is no grant to withdraw and no earlier state, yet the person's "no" must reach those who got the data.
// audience_sharing (legitimate interests, sale/sharing) sends a customer's data to Lookalike Co and Retail
// Media (third parties) and to AdOps (a processor); fraud_checks (legitimate interests) to Sentinel;
// ad_sharing (consent, sale/sharing) to Retail Media and Meridian Ads.
const temp = createTempDatabase("propagation-refusals");
let db: Db;
let ledger: ConsentLedger;
let r: Record<string, number>;
beforeAll(() => {
  db = openDatabase(temp.file);
  loadTestCatalog(db);
  const sql = db.$client;
  const then = Date.now() - 400 * DAY_MS;
  const audience = sql
    .prepare(
      `INSERT INTO purposes (key, name, description, legal_basis, data_categories, retention_days, sale_or_sharing, channels, benefit, status, created_at)
       VALUES ('audience_sharing', 'a', 'd', 'legitimate_interests', '["behavioural"]', 365, 1, '[]', 'b', 'active', ?) RETURNING id`,
    )
    .pluck()
    .get(then) as number;
  const notice = sql
    .prepare("INSERT INTO notices (purpose_id, locale, created_at) VALUES (?, 'en', ?) RETURNING id")
    .pluck()
    .get(audience, then);
  sql
    .prepare(
      "INSERT INTO notice_versions (notice_id, version, status, title, short_layer, full_text, material, created_at, published_at) VALUES (?, 1, 'published', 't', '{}', 'f', 0, ?, ?)",
    )
    .run(notice, then, then);
  r = linkTestRecipients(db, [
    { name: "Lookalike Co", role: "third_party", purposes: ["audience_sharing"] },
    { name: "Retail Media", role: "third_party", purposes: ["audience_sharing", "ad_sharing"] },
    { name: "AdOps", role: "processor", purposes: ["audience_sharing"] },
    { name: "Sentinel", role: "processor", purposes: ["fraud_checks"] },
    { name: "Meridian Ads", role: "third_party", purposes: ["ad_sharing"] },
  ]);
  ledger = new ConsentLedger(db);
});
afterAll(() => {
  db.$client.close();
  temp.cleanup();
});

let n = 0;
let customer: { externalId?: string; email?: string };
beforeEach(() => {
  customer = { externalId: `C-${++n}` };
});

const choice = (purpose: string, event: "granted" | "denied" | "withdrawn", who = customer): ConsentEventInput => ({
  subject: { ...who, jurisdiction: "US-CA" },
  purpose,
  event,
  source: "preference_center",
});
const subjectIdOf = (who = customer) =>
  db.$client
    .prepare("SELECT id FROM subjects WHERE external_id = ? OR email = ?")
    .pluck()
    .get(who.externalId ?? null, who.email ?? null) as number;
const toldAbout = (subjectId: number) =>
  (
    db.$client
      .prepare(
        `SELECT e.type, d.recipient_id AS recipient, d.identifiers, e.data FROM deliveries d JOIN propagation_events e ON e.id = d.event_id
         WHERE d.subject_id = ? ORDER BY d.id`,
      )
      .all(subjectId) as { type: string; recipient: number; identifiers: string | null; data: string }[]
  ).map((t) => ({ ...t, identifiers: t.identifiers && JSON.parse(t.identifiers), data: JSON.parse(t.data) }));

describe("a refusal of a purpose based on legitimate interests", () => {
  it("under a GPC signal, opts a customer out at the third parties the sale/sharing purpose reached, once (CCPA §7026(f))", () => {
    ledger.record([choice("ad_sharing", "denied")], { gpc: false });
    // The customer's browser sends Sec-GPC: 1 with an unrelated choice; Candor refuses every sale/sharing purpose.
    ledger.record([choice("fraud_checks", "denied"), choice("ad_sharing", "denied")], { gpc: true });
    const optedOut = toldAbout(subjectIdOf()).filter((t) => t.type === "subject.opted_out");
    expect(optedOut.map((t) => [t.recipient, t.identifiers, t.data])).toEqual([
      [r["Lookalike Co"], { externalId: customer.externalId }, { optOut: ["sale", "sharing"], gpc: true }],
      [r["Retail Media"], { externalId: customer.externalId }, { optOut: ["sale", "sharing"], gpc: true }],
    ]);
    // The same signal again: already refused, nothing more.
    ledger.record([choice("fraud_checks", "denied")], { gpc: true });
    expect(toldAbout(subjectIdOf()).filter((t) => t.type === "subject.opted_out")).toHaveLength(2);
  });

  it("without GPC, opts out at that purpose's third parties only, marked as not from GPC", () => {
    // ad_sharing's grant stands: Meridian Ads, its third party alone, is not told of an opt-out.
    ledger.record([choice("ad_sharing", "granted")], { gpc: false });
    ledger.record([choice("audience_sharing", "denied")], { gpc: false });
    expect(toldAbout(subjectIdOf()).map((t) => [t.type, t.recipient, t.data])).toEqual([
      ["subject.opted_out", r["Lookalike Co"], { optOut: ["sale", "sharing"], gpc: false }],
      ["subject.opted_out", r["Retail Media"], { optOut: ["sale", "sharing"], gpc: false }],
    ]);
  });

  it("sends an objection to the recipients of a purpose that does not sell or share, once while the person keeps refusing (GDPR Art. 21)", () => {
    ledger.record([choice("fraud_checks", "withdrawn")], { gpc: false });
    ledger.record([choice("fraud_checks", "denied")], { gpc: false });
    expect(toldAbout(subjectIdOf()).map((t) => [t.type, t.recipient, t.identifiers, t.data])).toEqual([
      ["subject.objected", r["Sentinel"], { externalId: customer.externalId }, { purposes: ["fraud_checks"] }],
    ]);
  });

  it("tells nobody when the person's data never went out under that basis (not a customer)", () => {
    const visitor = { email: `visitor-${n}@example.org` };
    ledger.record([choice("fraud_checks", "denied", visitor), choice("audience_sharing", "denied", visitor)], { gpc: true });
    expect(toldAbout(subjectIdOf(visitor))).toEqual([]);
  });
});
