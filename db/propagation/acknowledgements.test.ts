import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConsentEventInput } from "@/lib/consent/events";
import type { RecipientRole } from "@/lib/purposes/vocabulary";
import { DAY_MS } from "@/lib/time";
import { openDatabase, type Db } from "../connection";
import { ConsentLedger } from "../consent/ledger/record";
import { buildSubjectExport } from "../subjects/export";
import { loadTestCatalog } from "../testing/catalog";
import { createTempDatabase } from "../testing/temp-db";
import {
  countDeliveryTasks,
  listDeliveryTasks,
  listRecipientsToldAbout,
  listRequestAcknowledgements,
  unconfirmedRequestDeliveries,
} from "./acknowledgements";
import { confirmByOfficer } from "./confirm";
import { recordSubjectEvent } from "./record";
import { previewRequestRecipients } from "./told-preview";

// The data map of these tests: newsletter (consent, contact details) sends to Mailbird (processor, webhook);
// ad_sharing (consent, sale/sharing, behavioural data only) to Adnet (third party, email path) and to Mailbird;
// orders (contract) to Parcelway (processor, a switched-off webhook); analytics (consent, device data only)
// to Quietly (controller, webhook).
const temp = createTempDatabase("propagation-acknowledgements");
let db: Db;
let ledger: ConsentLedger;
const officer = { id: 0, email: "olga@example.com" };
const ids: Record<string, number> = {};

function addRecipient(name: string, role: RecipientRole, country: string, purposes: string[], path: "webhook" | "email" | "off") {
  const sql = db.$client;
  const id = sql
    .prepare("INSERT INTO recipients (name, role, country, privacy_contact_email, created_at) VALUES (?, ?, ?, ?, 0) RETURNING id")
    .pluck()
    .get(name, role, country, `privacy@${name.toLowerCase()}.example`) as number;
  sql
    .prepare(
      "INSERT INTO recipient_paths (recipient_id, kind, status, url, secret, email_batching, created_at) VALUES (?, ?, ?, ?, ?, ?, 0)",
    )
    .run(
      id,
      path === "email" ? "email" : "webhook",
      path === "off" ? "disabled" : "active",
      path === "email" ? null : `https://${name.toLowerCase()}.example/hooks`,
      path === "email" ? null : "whsec_dGVzdA==",
      path === "email" ? "each" : null,
    );
  // The link keeps its legacy copy of the recipient while purpose_recipients still has those columns.
  const legacy = (sql.prepare("PRAGMA table_info(purpose_recipients)").all() as { name: string }[]).some((c) => c.name === "role");
  for (const key of purposes) {
    const purposeId = sql.prepare("SELECT id FROM purposes WHERE key = ?").pluck().get(key) as number;
    if (legacy)
      sql
        .prepare("INSERT INTO purpose_recipients (purpose_id, recipient_id, name, country, role) VALUES (?, ?, ?, ?, ?)")
        .run(purposeId, id, name, country, role);
    else sql.prepare("INSERT INTO purpose_recipients (purpose_id, recipient_id) VALUES (?, ?)").run(purposeId, id);
  }
  ids[name] = id;
}

beforeAll(() => {
  db = openDatabase(temp.file);
  loadTestCatalog(db);
  const sql = db.$client;
  sql.prepare(`UPDATE purposes SET data_categories = '["behavioural"]' WHERE key = 'ad_sharing'`).run();
  sql
    .prepare(
      `INSERT INTO purposes (key, name, description, legal_basis, data_categories, retention_days, sale_or_sharing, sensitive, channels, benefit, status, created_at)
       VALUES ('analytics', 'Analytics', 'd', 'consent', '["device"]', 365, 0, 0, '[]', 'b', 'active', 0)`,
    )
    .run();
  for (const locale of ["en", "ko"]) {
    const notice = sql
      .prepare("INSERT INTO notices (purpose_id, locale, created_at) SELECT id, ?, 0 FROM purposes WHERE key = 'analytics' RETURNING id")
      .pluck()
      .get(locale);
    sql
      .prepare(
        "INSERT INTO notice_versions (notice_id, version, status, title, short_layer, full_text, material, created_at, published_at) VALUES (?, 1, 'published', 't', '{}', 'f', 0, 0, 0)",
      )
      .run(notice);
  }
  addRecipient("Mailbird", "processor", "US", ["newsletter", "ad_sharing"], "webhook");
  addRecipient("Adnet", "third_party", "DE", ["ad_sharing"], "email");
  addRecipient("Parcelway", "processor", "NL", ["orders"], "off");
  addRecipient("Quietly", "controller", "FR", ["analytics"], "webhook");
  officer.id = sql
    .prepare(
      "INSERT INTO staff_users (email, name, role, password_hash, created_at) VALUES (?, 'Olga Officer', 'privacy_officer', 'x', 0) RETURNING id",
    )
    .pluck()
    .get(officer.email) as number;
  ledger = new ConsentLedger(db);
});
afterAll(() => {
  db.$client.close();
  temp.cleanup();
});

let n = 0;
/** A person who granted (or denied) the purposes some days ago; returns their subject id. */
function person(who: { externalId?: string; email?: string }, purposes: string[], event: "granted" | "denied" = "granted"): number {
  const at = new Date(Date.now() - 3 * DAY_MS).toISOString();
  const events: ConsentEventInput[] = purposes.map((purpose) => ({
    subject: { ...who, jurisdiction: "US-CA" },
    purpose,
    event,
    source: "api",
    occurredAt: at,
  }));
  ledger.record(events, { gpc: false });
  return db.$client
    .prepare("SELECT id FROM subjects WHERE external_id IS ? AND email IS ?")
    .pluck()
    .get(who.externalId ?? null, who.email ?? null) as number;
}
function request(type: string, subjectId: number | null): { id: number; ref: string } {
  const ref = `REQ-2026-${String(++n).padStart(5, "0")}`;
  const id = db.$client
    .prepare(
      "INSERT INTO subject_requests (ref, subject_id, type, status, jurisdiction, intake, received_at, due_at, created_at) VALUES (?, ?, ?, 'in_progress', 'US-CA', 'api', 0, 0, 0) RETURNING id",
    )
    .pluck()
    .get(ref, subjectId, type) as number;
  return { id, ref };
}
const setDelivery = (id: number, fields: string, ...values: unknown[]) =>
  db.$client.prepare(`UPDATE deliveries SET ${fields} WHERE id = ?`).run(...values, id);
const names = <T extends { recipient: { name: string } }>(rows: T[]) => rows.map((r) => r.recipient.name);

describe("a request's recipients told", () => {
  it("groups an erasure's deliveries by recipient, by name, each queued until a path carries it", () => {
    const subjectId = person({ externalId: "C-ERASE", email: "erase@example.org" }, ["newsletter", "ad_sharing"]);
    const r = request("deletion", subjectId);
    recordSubjectEvent(db, { subjectId, type: "subject.erased", data: {}, requestId: r.id, occurredAt: Date.now() }, Date.now());
    const told = listRequestAcknowledgements(db, r.id);
    // Parcelway holds the data through orders (a contract: the person has an external id) though no path reaches it now.
    expect(told.map((t) => [t.recipient.name, t.recipient.role, t.recipient.country, t.state])).toEqual([
      ["Adnet", "third_party", "DE", "queued"],
      ["Mailbird", "processor", "US", "queued"],
      ["Parcelway", "processor", "NL", "queued"],
    ]);
    expect(told.every((t) => t.deliveries.length === 1 && t.deliveries[0].eventType === "subject.erased")).toBe(true);
    expect(told.some((t) => t.deliveries[0].noIdentifier)).toBe(false);
  });

  it("follows each recipient to delivered and to confirmed, with who confirmed and the note", () => {
    const subjectId = person({ externalId: "C-FOLLOW" }, ["newsletter", "ad_sharing"]);
    const r = request("deletion", subjectId);
    recordSubjectEvent(db, { subjectId, type: "subject.erased", data: {}, requestId: r.id, occurredAt: Date.now() }, Date.now());
    const [mailbird] = unconfirmedRequestDeliveries(db, r.id, ids.Mailbird);
    setDelivery(mailbird, "state = 'delivered', delivered_at = ?, delivered_via = 'webhook'", Date.now());
    confirmByOfficer(
      db,
      { deliveryIds: unconfirmedRequestDeliveries(db, r.id, ids.Adnet) },
      officer,
      "Adnet's DPO replied by email: deleted",
    );
    const told = listRequestAcknowledgements(db, r.id);
    const by = Object.fromEntries(told.map((t) => [t.recipient.name, t]));
    expect(by.Mailbird).toMatchObject({ state: "delivered", deliveries: [{ deliveredVia: "webhook", confirmedAt: null }] });
    expect(by.Adnet.state).toBe("confirmed");
    expect(by.Adnet.unconfirmed).toEqual([]);
    expect(by.Adnet.deliveries[0]).toMatchObject({
      confirmedVia: "officer",
      confirmedByName: "Olga Officer",
      confirmNote: "Adnet's DPO replied by email: deleted",
    });
    setDelivery(unconfirmedRequestDeliveries(db, r.id, ids.Parcelway)[0], "state = 'parked'");
    expect(listRequestAcknowledgements(db, r.id).find((t) => t.recipient.name === "Parcelway")!.state).toBe("parked");
  });

  it("counts the consent changes an opt-out's completion queued as the request's, so a processor it withdrew is listed too", () => {
    const subjectId = person({ externalId: "C-OPT" }, ["ad_sharing"]);
    const r = request("opt_out_sale", subjectId);
    // What completion does (db/requests/fulfilment.ts): withdraw with the key "<ref>:<purpose>", then the subject event.
    ledger.record(
      [
        {
          subject: { externalId: "C-OPT", jurisdiction: "US-CA" },
          purpose: "ad_sharing",
          event: "withdrawn",
          idempotencyKey: `${r.ref}:ad_sharing`,
        },
      ],
      { gpc: false, source: "system" },
    );
    recordSubjectEvent(
      db,
      { subjectId, type: "subject.opted_out", data: { optOut: ["sale", "sharing"], gpc: false }, requestId: r.id, occurredAt: Date.now() },
      Date.now(),
    );
    const told = listRequestAcknowledgements(db, r.id);
    expect(told.map((t) => [t.recipient.name, t.deliveries.map((d) => d.eventType).sort()])).toEqual([
      ["Adnet", ["consent.changed", "subject.opted_out"]],
      ["Mailbird", ["consent.changed"]],
    ]);
    expect(unconfirmedRequestDeliveries(db, r.id, ids.Mailbird)).toHaveLength(1);
    // Another request's consent changes, or a later withdrawal by the person, are not this request's.
    expect(listRequestAcknowledgements(db, request("opt_out_sale", subjectId).id)).toEqual([]);
  });

  it("lists nothing for a request that told nobody", () => {
    expect(listRequestAcknowledgements(db, request("deletion", null).id)).toEqual([]);
  });
});

describe("the delivery tasks", () => {
  it("lists the email path's unconfirmed deliveries and those naming nobody, oldest first, and drops each once confirmed", () => {
    const before = countDeliveryTasks(db);
    // Known only by an email address given for analytics, which sends Quietly device data: Quietly holds no identifier.
    const unnamed = person({ email: "quiet@example.org" }, ["analytics"]);
    ledger.record([{ subject: { email: "quiet@example.org", jurisdiction: "US-CA" }, purpose: "analytics", event: "withdrawn" }], {
      gpc: false,
    });
    const emailed = person({ externalId: "C-TASK" }, ["ad_sharing"]);
    const r = request("restriction", emailed);
    recordSubjectEvent(
      db,
      { subjectId: emailed, type: "subject.restricted", data: {}, requestId: r.id, occurredAt: Date.now() },
      Date.now(),
    );
    expect(countDeliveryTasks(db)).toBe(before + 2);
    const { rows } = listDeliveryTasks(db, { page: 1, pageSize: 100 });
    const mine = rows.slice(-2);
    expect(mine.map((t) => [t.reason, t.recipient.name, t.delivery.eventType, t.request?.ref ?? null])).toEqual([
      ["no-identifier", "Quietly", "consent.changed", null],
      ["email", "Adnet", "subject.restricted", r.ref],
    ]);
    expect(mine[1].recipient.privacyContactEmail).toBe("privacy@adnet.example");
    // Mailbird's webhook carries its own delivery: not a task.
    expect(rows.some((t) => t.recipient.name === "Mailbird" && t.request?.id === r.id)).toBe(false);
    // Sent by email it stays open until confirmed.
    setDelivery(mine[1].delivery.id, "state = 'delivered', delivered_at = ?, delivered_via = 'email'", Date.now());
    expect(countDeliveryTasks(db)).toBe(before + 2);
    confirmByOfficer(db, { deliveryIds: [mine[1].delivery.id] }, officer, "Confirmed on a call with their DPO");
    confirmByOfficer(db, { deliveryIds: [mine[0].delivery.id] }, officer, "Quietly holds nothing under this address");
    expect(countDeliveryTasks(db)).toBe(before);
    expect(listRecipientsToldAbout(db, unnamed)).toMatchObject([{ recipient: "Quietly", acknowledgement: "confirmed" }]);
  });

  it("pages through the tasks", () => {
    const total = countDeliveryTasks(db);
    const first = listDeliveryTasks(db, { page: 1, pageSize: 1 });
    expect(first.rows).toHaveLength(Math.min(1, total));
    expect(first.hasMore).toBe(total > 1);
  });
});

describe("the person's export", () => {
  it("lists each recipient told, with role, country, what was sent, when, how and its acknowledgement; not a superseded delivery", () => {
    const subjectId = person({ externalId: "C-EXPORT", email: "export@example.org" }, ["newsletter"]);
    ledger.record([{ subject: { externalId: "C-EXPORT", jurisdiction: "US-CA" }, purpose: "newsletter", event: "withdrawn" }], {
      gpc: false,
    });
    const r = request("restriction", subjectId);
    recordSubjectEvent(db, { subjectId, type: "subject.restricted", data: {}, requestId: r.id, occurredAt: Date.now() }, Date.now());
    const [change, restricted] = db.$client
      .prepare("SELECT id FROM deliveries WHERE subject_id = ? ORDER BY id")
      .pluck()
      .all(subjectId) as number[];
    setDelivery(change, "state = 'delivered', delivered_at = ?, delivered_via = 'webhook'", Date.UTC(2026, 0, 2));
    const data = buildSubjectExport(db, subjectId, { ref: "REQ-X", type: "access" })!;
    expect(data.recipientsTold).toEqual([
      expect.objectContaining({
        recipient: "Mailbird",
        role: "processor",
        country: "US",
        event: "consent.changed",
        deliveredAt: "2026-01-02T00:00:00.000Z",
        via: "webhook",
        acknowledgement: "delivered",
      }),
      expect.objectContaining({
        recipient: "Mailbird",
        event: "subject.restricted",
        deliveredAt: null,
        via: null,
        acknowledgement: "queued",
        confirmedAt: null,
      }),
      expect.objectContaining({ recipient: "Parcelway", event: "subject.restricted", acknowledgement: "queued" }),
    ]);
    setDelivery(restricted, "state = 'superseded'");
    expect(listRecipientsToldAbout(db, subjectId).map((x) => x.event)).toEqual(["consent.changed", "subject.restricted"]);
  });
});

describe("who completing will tell", () => {
  it("names the holders an erasure will reach, how, and which cannot be reached or named", () => {
    const subjectId = person({ externalId: "C-PREVIEW", email: "preview@example.org" }, ["newsletter", "ad_sharing"]);
    const preview = previewRequestRecipients(db, request("deletion", subjectId).id)!;
    expect(preview.map((p) => [p.recipient.name, p.paths, p.unreachable, p.noIdentifier])).toEqual([
      ["Adnet", ["email"], false, false],
      ["Mailbird", ["webhook"], false, false],
      ["Parcelway", [], true, false],
    ]);
  });

  it("agrees with what completing then records, for each request type that tells recipients", () => {
    for (const type of ["deletion", "restriction", "opt_out_sale"] as const) {
      const externalId = `C-AGREE-${type}`;
      const subjectId = person({ externalId }, ["newsletter", "ad_sharing"]);
      const r = request(type, subjectId);
      const expected = names(previewRequestRecipients(db, r.id)!);
      // As completion does (db/requests/fulfilment.ts): withdraw the grants it stops, then the request's event.
      const stopped = type === "restriction" ? ["newsletter", "ad_sharing"] : type === "opt_out_sale" ? ["ad_sharing"] : [];
      for (const purpose of stopped)
        ledger.record(
          [{ subject: { externalId, jurisdiction: "US-CA" }, purpose, event: "withdrawn", idempotencyKey: `${r.ref}:${purpose}` }],
          {
            gpc: false,
            source: "system",
          },
        );
      const base = { subjectId, requestId: r.id, occurredAt: Date.now() };
      if (type === "deletion") recordSubjectEvent(db, { ...base, type: "subject.erased", data: {} }, Date.now());
      else if (type === "restriction") recordSubjectEvent(db, { ...base, type: "subject.restricted", data: {} }, Date.now());
      else recordSubjectEvent(db, { ...base, type: "subject.opted_out", data: { optOut: ["sale", "sharing"], gpc: false } }, Date.now());
      expect(names(listRequestAcknowledgements(db, r.id)), type).toEqual(expected);
      expect(expected.length, type).toBeGreaterThan(0);
    }
  });

  it("says a person never shared tells nobody, and a request without a person or of another type has no preview", () => {
    const stranger = person({ email: "stranger@example.org" }, ["newsletter", "ad_sharing"], "denied");
    expect(previewRequestRecipients(db, request("deletion", stranger).id)).toEqual([]);
    expect(previewRequestRecipients(db, request("deletion", null).id)).toBeNull();
    expect(previewRequestRecipients(db, request("access", stranger).id)).toBeNull();
  });
});
