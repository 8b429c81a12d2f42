import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PurposeFieldsInput } from "@/lib/purposes/schemas";
import { DAY_MS } from "@/lib/time";
import { createTempDatabase } from "../testing/temp-db";

// Who holds a person's data depends on when: a recipient received it only while its link to a purpose and
// the person's grant (or, on another basis, their being a customer) were both in force. The data map's links
// change through purpose revisions (db/purposes/workflow.ts), so they are history, not just today's map.
const temp = createTempDatabase("link-history");
process.env.DATABASE_PATH = temp.file;

let client: typeof import("../client");
let wf: typeof import("../purposes/workflow");
let purposes: typeof import("../purposes/purposes");
let erasure: typeof import("../subjects/erasure");
let ledger: import("../consent/ledger/record").ConsentLedger;
let r: Record<string, number>;
let ids: Record<string, number>;
const marketer = { id: 0, email: "marketer@example.com" };
const officer = { id: 0, email: "officer@example.com" };

beforeAll(async () => {
  client = await import("../client");
  wf = await import("../purposes/workflow");
  purposes = await import("../purposes/purposes");
  erasure = await import("../subjects/erasure");
  const { ConsentLedger } = await import("../consent/ledger/record");
  const { loadTestCatalog } = await import("../testing/catalog");
  const { linkTestRecipients } = await import("../testing/recipients");
  ids = loadTestCatalog(client.db).purposes;
  ledger = new ConsentLedger(client.db);
  const sql = client.db.$client;
  r = linkTestRecipients(client.db, [
    { name: "MailHarbor", role: "processor", purposes: ["newsletter"] },
    { name: "Meridian Ads", role: "third_party", purposes: ["ad_sharing"] },
    { name: "Sentinel", role: "processor", purposes: ["fraud_checks"] },
  ]);
  r["Late Vendor"] = sql
    .prepare("INSERT INTO recipients (name, role, country, created_at) VALUES ('Late Vendor', 'third_party', 'US', 0) RETURNING id")
    .pluck()
    .get() as number;
  for (const [who, role] of [
    [marketer, "marketing"],
    [officer, "privacy_officer"],
  ] as const)
    who.id = sql
      .prepare("INSERT INTO staff_users (email, name, role, password_hash, created_at) VALUES (?, ?, ?, 'x', 0) RETURNING id")
      .pluck()
      .get(who.email, who.email, role) as number;
});
afterAll(() => {
  client.db.$client.close();
  temp.cleanup();
});

/** ad_sharing as it is, sending data to the given recipients from the revision's approval on. */
const adSharing = (recipientIds: number[]): PurposeFieldsInput => ({
  name: "ad_sharing",
  description: "d",
  legalBasis: "consent",
  dataCategories: ["contact"],
  retentionDays: 365,
  validityDays: null,
  saleOrSharing: true,
  sensitive: false,
  sensitiveBeyondPermitted: false,
  channels: [],
  jurisdictions: [],
  benefit: "b",
  recipientIds,
});

function revise(recipientIds: number[]) {
  wf.savePurposeEdits(ids["ad_sharing"], adSharing(recipientIds), marketer);
  wf.submitPurpose(ids["ad_sharing"], marketer);
  wf.approvePurpose(ids["ad_sharing"], officer);
}

let n = 0;
/** A person with these ad_sharing choices, each so many days ago. */
function person(choices: ["granted" | "withdrawn", number][], who: { externalId?: string; email?: string } = {}) {
  const subject = { email: `p${++n}@example.org`, ...who, jurisdiction: "US-CA" as const };
  for (const [event, daysAgo] of choices)
    ledger.record(
      [{ subject, purpose: "ad_sharing", event, source: "api", occurredAt: new Date(Date.now() - daysAgo * DAY_MS).toISOString() }],
      { gpc: false },
    );
  return client.db.$client.prepare("SELECT id FROM subjects WHERE email = ?").pluck().get(subject.email) as number;
}

const erasedTo = (subjectId: number) => {
  erasure.eraseSubject(client.db, subjectId, null);
  return client.db.$client
    .prepare(
      "SELECT d.recipient_id FROM deliveries d JOIN propagation_events e ON e.id = d.event_id WHERE e.subject_id = ? AND e.type = 'subject.erased' ORDER BY d.recipient_id",
    )
    .pluck()
    .all(subjectId);
};

describe("link history", () => {
  it("does not tell a vendor linked after the person's grant was withdrawn of their erasure", () => {
    // Granted, then withdrawn, months ago; the vendor is linked to the purpose today.
    const early = person([
      ["granted", 100],
      ["withdrawn", 90],
    ]);
    revise([r["Meridian Ads"], r["Late Vendor"]]);
    expect(erasedTo(early)).toEqual([r["Meridian Ads"]]);
  });

  it("tells a recipient a revision dropped of a later erasure when the person's data reached it, and keeps it off the data map", async () => {
    const reached = person([["granted", 30]]);
    revise([r["Late Vendor"]]);
    const after = person([["granted", 0]]);
    // The data map and the purpose pages show the purpose's recipients as they are now.
    expect(purposes.getPurposeDetail(ids["ad_sharing"])!.recipientIds).toEqual([r["Late Vendor"]]);
    expect(erasedTo(reached)).toEqual([r["Meridian Ads"], r["Late Vendor"]].sort((a, b) => a - b));
    expect(erasedTo(after)).toEqual([r["Late Vendor"]]);
  });

  it("counts a recipient already sent a delivery about the person as a holder, whatever the data map says now", () => {
    const subjectId = person([
      ["granted", 20],
      ["withdrawn", 0],
    ]);
    const told = client.db.$client.prepare("SELECT DISTINCT recipient_id FROM deliveries WHERE subject_id = ?").pluck().all(subjectId);
    expect(told).toContain(r["Late Vendor"]);
    // A link removed without a trace, as links were before they kept their history.
    client.db.$client.prepare("DELETE FROM purpose_recipients WHERE recipient_id = ?").run(r["Late Vendor"]);
    expect(erasedTo(subjectId)).toContain(r["Late Vendor"]);
  });

  it("does not count a customer who came after a purpose was retired as reached by it", () => {
    // fraud_checks (legitimate interests) sends Sentinel a customer's data; it was retired ten days ago.
    client.db.$client
      .prepare("UPDATE purposes SET status = 'retired', retired_at = ? WHERE key = 'fraud_checks'")
      .run(Date.now() - 10 * DAY_MS);
    const newcomer = { externalId: `C-new-${++n}`, jurisdiction: "US-CA" as const };
    ledger.record([{ subject: newcomer, purpose: "newsletter", event: "denied", source: "api" }], { gpc: false });
    const id = client.db.$client.prepare("SELECT id FROM subjects WHERE external_id = ?").pluck().get(newcomer.externalId) as number;
    expect(erasedTo(id)).toEqual([]);
  });
});

describe("a purpose's links through its workflow", () => {
  const links = (purposeId: number) =>
    client.db.$client
      .prepare(
        "SELECT recipient_id AS recipientId, linked_at AS linkedAt, unlinked_at AS unlinkedAt FROM purpose_recipients WHERE purpose_id = ? ORDER BY id",
      )
      .all(purposeId) as { recipientId: number; linkedAt: number; unlinkedAt: number | null }[];

  it("closes a dropped recipient's link on approval, opens a new one when it comes back, and replaces a draft's", () => {
    revise([r["Meridian Ads"]]);
    revise([r["Meridian Ads"], r["MailHarbor"]]);
    revise([r["MailHarbor"]]);
    revise([r["Meridian Ads"], r["MailHarbor"]]);
    const meridian = links(ids["ad_sharing"]).filter((l) => l.recipientId === r["Meridian Ads"]);
    expect(meridian.filter((l) => l.unlinkedAt === null)).toHaveLength(1);
    expect(meridian.filter((l) => l.unlinkedAt !== null).length).toBeGreaterThan(0);
    for (const l of meridian) if (l.unlinkedAt !== null) expect(l.unlinkedAt).toBeGreaterThanOrEqual(l.linkedAt);
    // MailHarbor stayed through the revisions: one link, still open.
    expect(
      links(ids["ad_sharing"])
        .filter((l) => l.recipientId === r["MailHarbor"])
        .map((l) => l.unlinkedAt),
    ).toEqual([null]);
    // The table refuses a second open link, not a closed one beside an open one.
    expect(() =>
      client.db.$client
        .prepare("INSERT INTO purpose_recipients (purpose_id, recipient_id) VALUES (?, ?)")
        .run(ids["ad_sharing"], r["MailHarbor"]),
    ).toThrow(/UNIQUE/);

    const draft = wf.createPurpose({ ...adSharing([r["MailHarbor"]]), key: "draft_links" }, marketer);
    wf.savePurposeEdits(draft.id, adSharing([r["Meridian Ads"]]), marketer);
    expect(links(draft.id).map((l) => [l.recipientId, l.unlinkedAt])).toEqual([[r["Meridian Ads"], null]]);
  });
});
