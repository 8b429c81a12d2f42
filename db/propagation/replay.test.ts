import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConflictError, NotFoundError, RefusedError } from "@/lib/errors";
import { DAY_MS } from "@/lib/time";
import { openDatabase, type Db } from "../connection";
import { verifyAuditChain } from "../staff/audit-chain";
import { loadTestCatalog } from "../testing/catalog";
import { insertDelivery, insertRecipient, type DeliveryFixture } from "../testing/propagation-fixtures";
import { createTempDatabase } from "../testing/temp-db";
import { replayDelivery, replayParked } from "./replay";

const temp = createTempDatabase("replay");
let db: Db;
let purposes: Record<string, number>;
const officer = { id: 0, email: "officer@example.com" };
let subject = 100;
const now = new Date("2026-12-06T12:00:00Z");
const daysAgo = (n: number) => now.getTime() - n * DAY_MS;

type Row = { state: string; uid: string; attempts: number; firstAttemptAt: number | null; nextAttemptAt: number; claimedAt: number | null };
const row = (id: number) =>
  db.$client
    .prepare(
      "SELECT state, uid, attempts, first_attempt_at AS firstAttemptAt, next_attempt_at AS nextAttemptAt, claimed_at AS claimedAt FROM deliveries WHERE id = ?",
    )
    .get(id) as Row;
const lastAudit = () =>
  db.$client
    .prepare(
      "SELECT action, actor_id AS actorId, target_type AS targetType, target_id AS targetId, details FROM audit_log ORDER BY id DESC",
    )
    .get() as {
    action: string;
    actorId: number;
    targetType: string;
    targetId: string;
    details: string;
  };
const auditCount = () => (db.$client.prepare("SELECT COUNT(*) AS n FROM audit_log").get() as { n: number }).n;

/** A recipient with one person's deliveries, in the order given (each later in sequence than the one before). */
function person(recipientId: number, deliveries: Omit<DeliveryFixture, "recipientId" | "subjectId">[]) {
  const subjectId = ++subject;
  return deliveries.map((d, i) => insertDelivery(db, { at: daysAgo(10 - i), ...d, recipientId, subjectId }));
}

beforeAll(() => {
  db = openDatabase(temp.file);
  purposes = loadTestCatalog(db).purposes;
  officer.id = (
    db.$client
      .prepare(
        "INSERT INTO staff_users (email, name, role, password_hash, created_at) VALUES (?, 'Olive Officer', 'privacy_officer', 'x', 0) RETURNING id",
      )
      .get(officer.email) as { id: number }
  ).id;
});
afterAll(() => {
  db.$client.close();
  temp.cleanup();
});

describe("replaying one parked delivery", () => {
  it("puts it back in the queue, due now, with its attempts and retry window reset and the same webhook-id, and audits who did it", () => {
    const r = insertRecipient(db, { name: "Queue Again Ltd" });
    const [parked] = person(r, [{ type: "subject.erased", state: "parked", attempts: 14, firstAttemptAt: daysAgo(4) }]);
    const outcome = replayDelivery(db, r, parked.id, officer, now);
    expect(outcome).toEqual({ queued: [parked.uid], superseded: [], refused: [] });
    expect(row(parked.id)).toEqual({
      state: "queued",
      uid: parked.uid,
      attempts: 0,
      firstAttemptAt: null,
      nextAttemptAt: now.getTime(),
      claimedAt: null,
    });
    const audit = lastAudit();
    expect(audit).toMatchObject({ action: "deliveries.replay", actorId: officer.id, targetType: "recipient", targetId: String(r) });
    expect(JSON.parse(audit.details)).toEqual({
      scope: "one",
      queued: 1,
      superseded: 0,
      refused: 0,
      deliveries: { queued: [parked.uid], superseded: [], refused: [] },
    });
    expect(verifyAuditChain(db).broken).toBeNull();
  });

  it("marks a consent change superseded, never queued, when a later one for the same person and purpose went to the recipient", () => {
    const r = insertRecipient(db, { name: "Consent Later Co" });
    const [old, , later] = person(r, [
      { type: "consent.changed", purposeId: purposes.newsletter, state: "parked" },
      { type: "consent.changed", purposeId: purposes.ad_sharing, state: "delivered" },
      { type: "consent.changed", purposeId: purposes.newsletter, state: "delivered" },
    ]);
    expect(replayDelivery(db, r, old.id, officer, now)).toEqual({ queued: [], superseded: [old.uid], refused: [] });
    expect(row(old.id).state).toBe("superseded");
    expect(row(later.id).state).toBe("delivered");
    expect(JSON.parse(lastAudit().details)).toMatchObject({ scope: "one", queued: 0, superseded: 1 });
  });

  it("replays a consent change when the later changes were for another purpose or about another person", () => {
    const r = insertRecipient(db, { name: "Other Purpose GmbH" });
    const [old] = person(r, [
      { type: "consent.changed", purposeId: purposes.newsletter, state: "parked" },
      { type: "consent.changed", purposeId: purposes.ad_sharing, state: "delivered" },
    ]);
    person(r, [{ type: "consent.changed", purposeId: purposes.newsletter, state: "delivered" }]);
    expect(replayDelivery(db, r, old.id, officer, now).queued).toEqual([old.uid]);
  });

  it("supersedes a subject event only by a later one of the same type that tells at least as much", () => {
    const r = insertRecipient(db, { name: "Same Type SAS" });
    const [erased] = person(r, [
      { type: "subject.erased", state: "parked" },
      { type: "subject.restricted", state: "delivered" },
    ]);
    expect(replayDelivery(db, r, erased.id, officer, now).queued, "a restriction does not carry an erasure").toEqual([erased.uid]);

    const [erasedAgain] = person(r, [
      { type: "subject.erased", state: "parked" },
      { type: "subject.erased", state: "queued" },
    ]);
    expect(replayDelivery(db, r, erasedAgain.id, officer, now).superseded).toEqual([erasedAgain.uid]);

    const name = { changes: [{ field: "name", value: "Ana" }] };
    const [nameFix] = person(r, [
      { type: "subject.rectified", data: name, state: "parked" },
      { type: "subject.rectified", data: { changes: [{ field: "phone", value: "+44 20 7946 0000" }] }, state: "delivered" },
    ]);
    expect(replayDelivery(db, r, nameFix.id, officer, now).queued, "a later phone correction does not carry the name").toEqual([
      nameFix.uid,
    ]);

    const [covered] = person(r, [
      { type: "subject.rectified", data: name, state: "parked" },
      {
        type: "subject.rectified",
        data: {
          changes: [
            { field: "name", value: "Ana B." },
            { field: "phone", value: null },
          ],
        },
        state: "delivered",
      },
    ]);
    expect(replayDelivery(db, r, covered.id, officer, now).superseded).toEqual([covered.uid]);

    const [sale] = person(r, [
      { type: "subject.opted_out", data: { optOut: ["sale", "sharing"], gpc: false }, state: "parked" },
      { type: "subject.opted_out", data: { optOut: ["sharing"], gpc: true }, state: "delivered" },
    ]);
    expect(replayDelivery(db, r, sale.id, officer, now).queued, "an opt-out of sharing alone does not carry the sale").toEqual([sale.uid]);
  });

  it("refuses after the scrub, and for a delivery that never held an identifier, changing nothing and auditing nothing", () => {
    const r = insertRecipient(db, { name: "Scrubbed Ltd" });
    const [scrubbed] = person(r, [{ type: "subject.erased", state: "parked", identifiers: null, scrubbedAt: daysAgo(1) }]);
    const [bare] = person(r, [{ type: "subject.restricted", state: "parked", identifiers: null }]);
    const before = auditCount();
    expect(() => replayDelivery(db, r, scrubbed.id, officer, now)).toThrow(new RefusedError("delivery-scrubbed"));
    expect(() => replayDelivery(db, r, bare.id, officer, now)).toThrow(new RefusedError("delivery-no-identifier"));
    expect(row(scrubbed.id).state).toBe("parked");
    expect(row(bare.id).state).toBe("parked");
    expect(auditCount()).toBe(before);
  });

  it("refuses a delivery that is not parked, and one of another recipient as not found", () => {
    const r = insertRecipient(db, { name: "Not Parked Inc" });
    const other = insertRecipient(db, { name: "Someone Else Inc" });
    const [delivered] = person(r, [{ type: "subject.erased", state: "delivered" }]);
    const [parked] = person(other, [{ type: "subject.erased", state: "parked" }]);
    expect(() => replayDelivery(db, r, delivered.id, officer, now)).toThrow(ConflictError);
    expect(() => replayDelivery(db, r, parked.id, officer, now)).toThrow(NotFoundError);
    expect(row(parked.id).state).toBe("parked");
  });
});

describe("replaying all parked deliveries of a recipient", () => {
  it("queues each again, supersedes the overtaken, leaves the scrubbed parked, and records it all in one audit entry", () => {
    const r = insertRecipient(db, { name: "All Parked BV" });
    const other = insertRecipient(db, { name: "Bystander BV" });
    // Two parked consent changes for one person and purpose: the older is overtaken by the newer, which is replayed.
    const [older, newer] = person(r, [
      { type: "consent.changed", purposeId: purposes.newsletter, state: "parked" },
      { type: "consent.changed", purposeId: purposes.newsletter, state: "parked" },
    ]);
    const [erasure] = person(r, [{ type: "subject.erased", state: "parked" }]);
    const [gone] = person(r, [{ type: "subject.erased", state: "parked", identifiers: null, scrubbedAt: daysAgo(2) }]);
    const [untouched] = person(other, [{ type: "subject.erased", state: "parked" }]);
    const before = auditCount();

    const outcome = replayParked(db, r, officer, now);
    expect(outcome).toEqual({ queued: [newer.uid, erasure.uid], superseded: [older.uid], refused: [gone.uid] });
    expect([older, newer, erasure, gone, untouched].map((d) => row(d.id).state)).toEqual([
      "superseded",
      "queued",
      "queued",
      "parked",
      "parked",
    ]);
    expect(row(newer.id)).toMatchObject({ uid: newer.uid, attempts: 0, firstAttemptAt: null, nextAttemptAt: now.getTime() });
    expect(auditCount()).toBe(before + 1);
    expect(lastAudit()).toMatchObject({ action: "deliveries.replay", targetId: String(r) });
    expect(JSON.parse(lastAudit().details)).toMatchObject({ scope: "parked", queued: 2, superseded: 1, refused: 1 });

    // A second run finds only the scrubbed one, which stays parked; a superseded delivery is never replayed.
    expect(replayParked(db, r, officer, now)).toEqual({ queued: [], superseded: [], refused: [gone.uid] });
    expect(row(older.id).state).toBe("superseded");
    expect(() => replayDelivery(db, r, older.id, officer, now)).toThrow(new ConflictError("not-parked"));
  });

  it("does nothing and records nothing when none is parked, and refuses an unknown recipient", () => {
    const r = insertRecipient(db, { name: "Nothing Parked AB" });
    person(r, [{ type: "subject.erased", state: "delivered" }]);
    const before = auditCount();
    expect(replayParked(db, r, officer, now)).toEqual({ queued: [], superseded: [], refused: [] });
    expect(auditCount()).toBe(before);
    expect(() => replayParked(db, 999_999, officer, now)).toThrow(NotFoundError);
  });
});
