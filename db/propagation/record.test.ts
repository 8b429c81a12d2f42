import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { ConsentEventInput } from "@/lib/consent/events";
import { deliveryPayload, NO_IDENTIFIER_OUTCOME } from "@/lib/propagation/payload";
import { propagationEventSchema } from "@/lib/propagation/events";
import { DAY_MS } from "@/lib/time";
import { openDatabase, type Db } from "../connection";
import { ConsentLedger } from "../consent/ledger/record";
import { eraseSubject } from "../subjects/erasure";
import { loadTestCatalog } from "../testing/catalog";
import { linkTestRecipients } from "../testing/recipients";
import { createTempDatabase } from "../testing/temp-db";
import { recordSubjectEvent } from "./record";
import { onDeliveriesQueued } from "./wake";

// The data map of these tests. newsletter (consent) sends contact details to MailHarbor and Retail Media;
// ad_sharing (consent, sale/sharing) sends behavioural data, no contact, to Meridian Ads and Retail Media
// (third parties) and to AdOps (a processor); orders (contract) to Parcelway; fraud_checks (legitimate
// interests) to Sentinel.
const temp = createTempDatabase("propagation-record");
let db: Db;
let ledger: ConsentLedger;
let r: Record<string, number>;
beforeAll(() => {
  db = openDatabase(temp.file);
  loadTestCatalog(db);
  db.$client.prepare(`UPDATE purposes SET data_categories = '["behavioural","device"]' WHERE key = 'ad_sharing'`).run();
  db.$client.prepare(`UPDATE purposes SET data_categories = '["identity","order_history"]' WHERE key = 'orders'`).run();
  r = linkTestRecipients(db, [
    { name: "MailHarbor", role: "processor", purposes: ["newsletter"] },
    { name: "Retail Media", role: "third_party", purposes: ["newsletter", "ad_sharing"] },
    { name: "Meridian Ads", role: "third_party", purposes: ["ad_sharing"] },
    { name: "AdOps", role: "processor", purposes: ["ad_sharing"] },
    { name: "Parcelway", role: "processor", purposes: ["orders"] },
    { name: "Sentinel", role: "processor", purposes: ["fraud_checks"] },
  ]);
  ledger = new ConsentLedger(db);
});
afterAll(() => {
  db.$client.close();
  temp.cleanup();
});

let n = 0;
let person: { externalId?: string; email?: string };
beforeEach(() => {
  n++;
  person = { externalId: `C-${n}`, email: `p${n}@example.org` };
});

const at = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY_MS).toISOString();
const event = (purpose: string, e: "granted" | "denied" | "withdrawn", daysAgo: number, who = person): ConsentEventInput => ({
  subject: { ...who, jurisdiction: "US-CA" },
  purpose,
  event: e,
  source: "api",
  occurredAt: at(daysAgo),
});
const record = (events: ConsentEventInput[], gpc = false) => ledger.record(events, { gpc });

type Told = {
  type: string;
  recipient: number;
  identifiers: { externalId?: string; email?: string } | null;
  data: Record<string, unknown> | null;
  requestId: number | null;
  state: string;
  lastOutcome: string | null;
};
const subjectIdOf = (who = person) =>
  (
    db.$client.prepare("SELECT id FROM subjects WHERE external_id = ? OR email = ?").get(who.externalId ?? null, who.email ?? null) as {
      id: number;
    }
  ).id;
const toldAbout = (subjectId: number): Told[] =>
  (
    db.$client
      .prepare(
        `SELECT e.type, d.recipient_id AS recipient, d.identifiers, e.data, e.request_id AS requestId, d.state, d.last_outcome AS lastOutcome
         FROM deliveries d JOIN propagation_events e ON e.id = d.event_id WHERE d.subject_id = ? ORDER BY d.id`,
      )
      .all(subjectId) as (Omit<Told, "identifiers" | "data"> & { identifiers: string | null; data: string | null })[]
  ).map((t) => ({ ...t, identifiers: t.identifiers && JSON.parse(t.identifiers), data: t.data && JSON.parse(t.data) }));
const count = (table: string) => (db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe("consent changes (issue 14 acceptance)", () => {
  it("a person who only ever denied a purpose produces zero deliveries to its recipients", () => {
    record([event("newsletter", "denied", 30)]);
    record([event("newsletter", "denied", 20)]);
    record([event("newsletter", "withdrawn", 10)]);
    expect(toldAbout(subjectIdOf())).toEqual([]);
  });

  it("a person who granted a purpose, then withdrew, produces one consent.changed to each of its recipients", () => {
    record([event("newsletter", "granted", 30)]);
    const before = Date.now();
    record([event("newsletter", "withdrawn", 1)]);
    const told = toldAbout(subjectIdOf());
    expect(told.map((t) => t.recipient)).toEqual([r["MailHarbor"], r["Retail Media"]]);
    for (const t of told)
      expect(t).toEqual({
        type: "consent.changed",
        recipient: t.recipient,
        // newsletter sends contact details: both hold the email as well as the customer id.
        identifiers: { externalId: person.externalId, email: person.email },
        data: { purpose: "newsletter", previousState: "granted", newState: "withdrawn", noticeVersion: 1, source: "api", gpc: false },
        requestId: null,
        state: "queued",
        lastOutcome: null,
      });
    const row = db.$client
      .prepare(
        "SELECT d.uid, e.uid AS eventUid, d.next_attempt_at AS due FROM deliveries d JOIN propagation_events e ON e.id = d.event_id WHERE d.subject_id = ?",
      )
      .get(subjectIdOf()) as { uid: string; eventUid: string; due: number };
    expect(row.uid).toMatch(/^msg_[\w-]{20,}$/);
    expect(row.eventUid).toMatch(/^evt_[\w-]{20,}$/);
    expect(row.due).toBeGreaterThanOrEqual(before);
    expect(row.due).toBeLessThanOrEqual(Date.now());
  });

  it("gives each later change ids that sort after the earlier ones, so the id indexes grow at their end", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      for (const [i, state] of (["granted", "withdrawn", "granted", "withdrawn"] as const).entries()) {
        vi.setSystemTime(Date.parse("2026-03-02T09:00:00Z") + i * 1_000);
        record([event("newsletter", state, 10 - i)]);
      }
    } finally {
      vi.useRealTimers();
    }
    const rows = db.$client
      .prepare(
        "SELECT d.uid, e.uid AS eventUid FROM deliveries d JOIN propagation_events e ON e.id = d.event_id WHERE d.subject_id = ? ORDER BY d.id",
      )
      .all(subjectIdOf()) as { uid: string; eventUid: string }[];
    // Each change after the first grant is told to both recipients: every id of a later change sorts after every id of an
    // earlier one (bytewise, as SQLite compares text).
    const events = [...new Set(rows.map((r) => r.eventUid))];
    expect(events.length).toBeGreaterThanOrEqual(2);
    const told = events.map((e) => rows.filter((r) => r.eventUid === e).map((r) => r.uid));
    for (let i = 1; i < events.length; i++) {
      expect(events[i - 1] < events[i]).toBe(true);
      for (const earlier of told[i - 1]) for (const later of told[i]) expect(earlier < later).toBe(true);
    }
  });

  it("a first grant tells nobody, nor does a grant after denials with no grant before", () => {
    record([event("newsletter", "granted", 5)]);
    const other = { externalId: `C-${n}-b` };
    record([event("newsletter", "denied", 5, other)]);
    record([event("newsletter", "granted", 1, other)]);
    expect(toldAbout(subjectIdOf())).toEqual([]);
    expect(toldAbout(subjectIdOf(other))).toEqual([]);
  });

  it("tells the holders again when a withdrawn grant is given back, and once per crossing, not per event", () => {
    record([event("newsletter", "granted", 30), event("newsletter", "withdrawn", 20), event("newsletter", "denied", 15)]);
    record([event("newsletter", "granted", 10)]);
    const told = toldAbout(subjectIdOf()).filter((t) => t.recipient === r["MailHarbor"]);
    expect(told.map((t) => [t.data?.previousState, t.data?.newState])).toEqual([
      ["granted", "withdrawn"],
      ["denied", "granted"],
    ]);
  });

  it("sends consent.changed when a grant expires, as Candor's own change", () => {
    record([event("newsletter", "granted", 800)]);
    ledger.expire();
    expect(toldAbout(subjectIdOf()).map((t) => t.data)).toEqual([
      { purpose: "newsletter", previousState: "granted", newState: "expired", noticeVersion: 1, source: "system", gpc: false },
      { purpose: "newsletter", previousState: "granted", newState: "expired", noticeVersion: 1, source: "system", gpc: false },
    ]);
  });

  it("records a recipient that holds none of the person's identifiers, for an officer to confirm by hand", () => {
    person = { email: `only-email-${n}@example.org` };
    record([event("ad_sharing", "granted", 30)]);
    record([event("ad_sharing", "withdrawn", 1)]);
    const told = toldAbout(subjectIdOf());
    // ad_sharing sends no contact details and the person has no customer id: nothing can name them there.
    expect(told.map((t) => [t.recipient, t.identifiers, t.lastOutcome])).toEqual([
      [r["Retail Media"], null, NO_IDENTIFIER_OUTCOME],
      [r["Meridian Ads"], null, NO_IDENTIFIER_OUTCOME],
      [r["AdOps"], null, NO_IDENTIFIER_OUTCOME],
    ]);
  });

  it("builds every stored delivery into an event its schema accepts", () => {
    record([event("newsletter", "granted", 30)]);
    record([event("newsletter", "withdrawn", 1)]);
    const rows = db.$client
      .prepare(
        `SELECT e.id, e.uid, e.type, e.occurred_at AS occurredAt, e.data, d.identifiers FROM deliveries d
         JOIN propagation_events e ON e.id = d.event_id WHERE d.subject_id = ?`,
      )
      .all(subjectIdOf()) as { id: number; uid: string; type: "consent.changed"; occurredAt: number; data: string; identifiers: string }[];
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      const payload = deliveryPayload(
        { ...row, occurredAt: new Date(row.occurredAt), data: JSON.parse(row.data) },
        { identifiers: JSON.parse(row.identifiers) },
      );
      expect(propagationEventSchema.parse(JSON.parse(JSON.stringify(payload)))).toMatchObject({
        sequence: row.id,
        type: "consent.changed.v1",
      });
    }
  });
});

describe("a GPC signal", () => {
  it("from someone who never granted sale or sharing sends nothing", () => {
    record([event("newsletter", "granted", 30)], true);
    record([event("ad_sharing", "denied", 20)]);
    record([event("newsletter", "withdrawn", 1)], true);
    expect(toldAbout(subjectIdOf()).map((t) => t.type)).toEqual(["consent.changed", "consent.changed"]);
    expect(
      count(
        "deliveries WHERE subject_id = " +
          subjectIdOf() +
          " AND event_id IN (SELECT id FROM propagation_events WHERE type = 'subject.opted_out')",
      ),
    ).toBe(0);
  });

  it("from someone who granted sends subject.opted_out with the customer id to the third parties only, the email only where contact details went", () => {
    record([event("newsletter", "granted", 30), event("ad_sharing", "granted", 30)]);
    // Two events under one signal: still one opt-out per person.
    record([event("newsletter", "granted", 0), event("newsletter", "granted", 0)], true);
    const told = toldAbout(subjectIdOf());
    const optedOut = told.filter((t) => t.type === "subject.opted_out");
    expect(optedOut.map((t) => [t.recipient, t.identifiers, t.data])).toEqual([
      // Retail Media also receives the newsletter, which carries contact details.
      [r["Retail Media"], { externalId: person.externalId, email: person.email }, { optOut: ["sale", "sharing"], gpc: true }],
      [r["Meridian Ads"], { externalId: person.externalId }, { optOut: ["sale", "sharing"], gpc: true }],
    ]);
    // The withdrawal itself reaches every recipient of ad_sharing, its processor included, marked as GPC.
    const changed = told.filter((t) => t.type === "consent.changed");
    expect(changed.map((t) => t.recipient)).toEqual([r["Retail Media"], r["Meridian Ads"], r["AdOps"]]);
    expect(changed.every((t) => t.data?.gpc === true && t.data?.newState === "withdrawn")).toBe(true);
  });
});

describe("a GPC batch that itself withdraws a granted sale/sharing purpose", () => {
  it("sends subject.opted_out to the third parties, as when the signal withdraws the grant", () => {
    record([event("ad_sharing", "granted", 30)]);
    // The banner sends the un-ticked box and Sec-GPC: 1 together: GPC then finds nothing left to withdraw.
    record([event("ad_sharing", "withdrawn", 0)], true);
    const told = toldAbout(subjectIdOf());
    expect(told.filter((t) => t.type === "consent.changed").every((t) => t.data?.gpc === true)).toBe(true);
    expect(told.filter((t) => t.type === "subject.opted_out").map((t) => [t.recipient, t.data])).toEqual([
      [r["Retail Media"], { optOut: ["sale", "sharing"], gpc: true }],
      [r["Meridian Ads"], { optOut: ["sale", "sharing"], gpc: true }],
    ]);
  });
});

describe("the outbox and the change commit together", () => {
  it("a rolled-back transaction leaves neither the change nor a delivery", async () => {
    record([event("newsletter", "granted", 30)]);
    const before = { events: count("consent_events"), propagation: count("propagation_events"), deliveries: count("deliveries") };
    let woken = 0;
    const off = onDeliveriesQueued(() => woken++);
    expect(() =>
      db.$client.transaction(() => {
        record([event("newsletter", "withdrawn", 1)]);
        expect(count("deliveries")).toBe(before.deliveries + 2);
        throw new Error("a failure after the write");
      })(),
    ).toThrow("a failure after the write");
    expect({ events: count("consent_events"), propagation: count("propagation_events"), deliveries: count("deliveries") }).toEqual(before);
    await new Promise((resolve) => setImmediate(resolve));
    off();
    // The wake is only a hint: the dispatcher looks, and finds nothing due.
    expect(woken).toBe(1);
  });
});

describe("erasure", () => {
  it("queues subject.erased to every recipient holding the data, decided before the rows go, and keeps the earlier deliveries", () => {
    record([event("newsletter", "granted", 30)]);
    record([event("newsletter", "withdrawn", 1)]);
    const sid = subjectIdOf();
    const result = eraseSubject(db, sid, "REQ-1", { requestId: null });
    const told = toldAbout(sid);
    expect(told.filter((t) => t.type === "consent.changed")).toHaveLength(2);
    const erased = told.filter((t) => t.type === "subject.erased");
    // The newsletter's recipients (a grant was live), and as a customer (a customer id) orders' and fraud checks'.
    expect(erased.map((t) => [t.recipient, t.identifiers])).toEqual([
      [r["MailHarbor"], { externalId: person.externalId, email: person.email }],
      [r["Retail Media"], { externalId: person.externalId, email: person.email }],
      [r["Parcelway"], { externalId: person.externalId }],
      [r["Sentinel"], { externalId: person.externalId, email: person.email }],
    ]);
    expect(result.recipientsTold).toBe(4);
    // The earlier deliveries keep their identifiers until the recipients confirm (the scrub's work).
    expect(told.every((t) => t.identifiers !== null)).toBe(true);
  });

  it("tells an anonymous widget visitor's erasure only to the recipients of what they granted, not those of contract purposes", () => {
    person = { externalId: `anon-${randomUUID()}` };
    record([event("ad_sharing", "granted", 30)]);
    const sid = subjectIdOf();
    eraseSubject(db, sid, "REQ-ANON", { requestId: null });
    const erased = toldAbout(sid).filter((t) => t.type === "subject.erased");
    // The widget's own id names a visitor the brand's systems do not know: no order or fraud check went out for them.
    expect(erased.map((t) => t.recipient)).toEqual([r["Retail Media"], r["Meridian Ads"], r["AdOps"]]);
  });

  it("erases a person whose data reached nobody and queues nothing", () => {
    person = { email: `nobody-${n}@example.org` };
    record([event("newsletter", "denied", 3)]);
    const before = count("propagation_events");
    const result = eraseSubject(db, subjectIdOf(), null);
    expect(result.recipientsTold).toBe(0);
    expect(count("propagation_events")).toBe(before);
  });
});

describe("recordSubjectEvent", () => {
  it("tells the recipients of the objected purposes only, with the request's id", () => {
    record([event("newsletter", "granted", 30)]);
    const sid = subjectIdOf();
    const request = db.$client
      .prepare(
        "INSERT INTO subject_requests (ref, subject_id, type, status, jurisdiction, intake, received_at, due_at, created_at) VALUES (?, ?, 'objection', 'in_progress', 'US-CA', 'api', 0, 0, 0) RETURNING id",
      )
      .get(`REQ-OBJ-${n}`, sid) as { id: number };
    const written = recordSubjectEvent(
      db,
      {
        subjectId: sid,
        type: "subject.objected",
        data: { purposes: ["fraud_checks"] },
        purposes: ["fraud_checks"],
        requestId: request.id,
        occurredAt: new Date(),
      },
      Date.now(),
    );
    expect(written.map((w) => w.deliveries)).toEqual([1]);
    expect(toldAbout(sid).map((t) => [t.type, t.recipient, t.requestId])).toEqual([["subject.objected", r["Sentinel"], request.id]]);
  });

  it("writes nothing when nobody holds the data, and refuses data that does not fit the event's type", () => {
    person = { email: `plain-${n}@example.org` };
    record([event("newsletter", "denied", 3)]);
    const sid = subjectIdOf();
    expect(
      recordSubjectEvent(db, { subjectId: sid, type: "subject.restricted", data: {}, requestId: null, occurredAt: Date.now() }, Date.now()),
    ).toEqual([]);
    const customer = { externalId: `C-${n}-c` };
    record([event("newsletter", "denied", 3, customer)]);
    expect(() =>
      recordSubjectEvent(
        db,
        // An objection names at least one purpose (the schema's minimum, which the type cannot say).
        {
          subjectId: subjectIdOf(customer),
          type: "subject.objected",
          data: { purposes: [] },
          purposes: ["fraud_checks"],
          requestId: null,
          occurredAt: Date.now(),
        },
        Date.now(),
      ),
    ).toThrow();
  });
});
