import { afterAll, describe, expect, it } from "vitest";
import { ConflictError, NotFoundError, RefusedError } from "@/lib/errors";
import { openDatabase } from "../connection";
import { createTempDatabase } from "../testing/temp-db";
import {
  insertTestDelivery,
  insertTestEvent,
  insertTestOfficer,
  insertTestRecipient,
  insertTestRequest,
  readTestDelivery,
} from "../testing/propagation-rows";
import { confirmByOfficer, confirmByRecipient } from "./confirm";

const temp = createTempDatabase("confirm");
const db = openDatabase(temp.file);
afterAll(() => {
  db.$client.close();
  temp.cleanup();
});

let n = 0;
const recipient = () => insertTestRecipient(db, `Recipient ${++n}`).id;
const subject = () => 1000 + ++n;
const audits = () =>
  db.$client
    .prepare(
      "SELECT actor_id AS actorId, actor_label AS actorLabel, target_type AS targetType, target_id AS targetId, details FROM audit_log WHERE action = 'delivery.confirm' ORDER BY id",
    )
    .all() as {
    actorId: number | null;
    actorLabel: string;
    targetType: string;
    targetId: string;
    details: string;
  }[];
const officer = insertTestOfficer(db);
const T = new Date("2026-05-02T10:00:00Z");

function delivered(state: "queued" | "delivered" | "parked" | "confirmed" | "superseded", r = recipient(), s = subject()) {
  const event = insertTestEvent(db, { type: "consent.changed", subjectId: s });
  return { recipientId: r, subjectId: s, ...insertTestDelivery(db, { eventId: event.id, recipientId: r, subjectId: s, state }) };
}

describe("confirmByRecipient", () => {
  for (const state of ["queued", "delivered", "parked"] as const)
    it(`confirms a ${state} delivery of its own, by the recipient, and audits it`, () => {
      const d = delivered(state);
      const before = audits().length;
      expect(confirmByRecipient(db, { recipientId: d.recipientId, deliveryUid: d.uid }, T)).toEqual({
        deliveryId: d.uid,
        confirmedAt: T,
        replay: false,
      });
      expect(readTestDelivery(db, d.id)).toMatchObject({
        state: "confirmed",
        confirmedAt: T.getTime(),
        confirmedVia: "recipient",
        confirmedById: null,
      });
      const entries = audits();
      expect(entries).toHaveLength(before + 1);
      expect(entries.at(-1)).toMatchObject({ actorId: null, targetType: "delivery", targetId: d.uid });
      expect(JSON.parse(entries.at(-1)!.details)).toEqual({ recipientId: d.recipientId, via: "recipient", from: state });
    });

  it("answers a second confirmation with the first one's time and writes nothing", () => {
    const d = delivered("delivered");
    confirmByRecipient(db, { recipientId: d.recipientId, deliveryUid: d.uid }, T);
    const before = audits().length;
    const later = new Date(T.getTime() + 60_000);
    expect(confirmByRecipient(db, { recipientId: d.recipientId, deliveryUid: d.uid }, later)).toEqual({
      deliveryId: d.uid,
      confirmedAt: T,
      replay: true,
    });
    expect(readTestDelivery(db, d.id).confirmedAt).toBe(T.getTime());
    expect(audits()).toHaveLength(before);
  });

  it("does not find another recipient's delivery, nor an id that does not exist, and changes nothing", () => {
    const d = delivered("delivered");
    const other = recipient();
    expect(() => confirmByRecipient(db, { recipientId: other, deliveryUid: d.uid }, T)).toThrow(NotFoundError);
    expect(() => confirmByRecipient(db, { recipientId: d.recipientId, deliveryUid: "msg_nothing" }, T)).toThrow(NotFoundError);
    expect(readTestDelivery(db, d.id).state).toBe("delivered");
  });

  it("refuses a superseded delivery as a conflict", () => {
    const d = delivered("superseded");
    expect(() => confirmByRecipient(db, { recipientId: d.recipientId, deliveryUid: d.uid }, T)).toThrow(ConflictError);
    expect(readTestDelivery(db, d.id).state).toBe("superseded");
  });

  it("scrubs the erased person's identifiers once the last recipient confirms the erasure", () => {
    const s = subject();
    const [a, b] = [recipient(), recipient()];
    const earlier = insertTestEvent(db, { type: "consent.changed", subjectId: s });
    const old = insertTestDelivery(db, { eventId: earlier.id, recipientId: a, subjectId: s, state: "delivered" });
    const erasure = insertTestEvent(db, { type: "subject.erased", subjectId: s });
    const toA = insertTestDelivery(db, { eventId: erasure.id, recipientId: a, subjectId: s });
    const toB = insertTestDelivery(db, { eventId: erasure.id, recipientId: b, subjectId: s });

    confirmByRecipient(db, { recipientId: a, deliveryUid: toA.uid }, T);
    expect(readTestDelivery(db, toB.id).identifiers).not.toBeNull();
    confirmByRecipient(db, { recipientId: b, deliveryUid: toB.uid }, T);
    for (const d of [old, toA, toB]) expect(readTestDelivery(db, d.id)).toMatchObject({ identifiers: null, scrubbedAt: T.getTime() });
  });
});

describe("confirmByOfficer", () => {
  it("confirms every open delivery of a request to one recipient, with the note, and leaves other recipients alone", () => {
    const s = subject();
    const [r, other] = [recipient(), recipient()];
    const requestId = insertTestRequest(db, `REQ-2026-${String(++n).padStart(5, "0")}`);
    const event = insertTestEvent(db, { type: "subject.restricted", subjectId: s, requestId });
    const queued = insertTestDelivery(db, { eventId: event.id, recipientId: r, subjectId: s });
    const parked = insertTestDelivery(db, {
      eventId: insertTestEvent(db, { type: "subject.restricted", subjectId: s, requestId }).id,
      recipientId: r,
      subjectId: s,
      state: "parked",
    });
    const elsewhere = insertTestDelivery(db, { eventId: event.id, recipientId: other, subjectId: s });
    const before = audits().length;

    expect(confirmByOfficer(db, { requestId, recipientId: r }, officer, "  Their DPO confirmed by email on 2 May.  ", T)).toEqual({
      confirmed: 2,
      alreadyConfirmed: 0,
      confirmedAt: T,
    });
    for (const d of [queued, parked])
      expect(readTestDelivery(db, d.id)).toMatchObject({
        state: "confirmed",
        confirmedVia: "officer",
        confirmedById: officer.id,
        confirmNote: "Their DPO confirmed by email on 2 May.",
        confirmedAt: T.getTime(),
      });
    expect(readTestDelivery(db, elsewhere.id).state).toBe("queued");
    const entries = audits();
    expect(entries).toHaveLength(before + 1);
    expect(entries.at(-1)).toMatchObject({ actorId: officer.id, actorLabel: officer.email, targetType: "recipient", targetId: String(r) });
    const details = JSON.parse(entries.at(-1)!.details) as Record<string, unknown>;
    expect(details).toEqual({ via: "officer", deliveries: [queued.uid, parked.uid], requestId });
    expect(JSON.stringify(details)).not.toContain("DPO");

    // A second click confirms nothing more and writes no second entry.
    expect(confirmByOfficer(db, { requestId, recipientId: r }, officer, "again", T)).toMatchObject({ confirmed: 0, alreadyConfirmed: 2 });
    expect(audits()).toHaveLength(before + 1);
    expect(readTestDelivery(db, queued.id).confirmNote).toBe("Their DPO confirmed by email on 2 May.");
  });

  it.each([
    ["", "required"],
    ["   ", "required"],
    ["x".repeat(1001), "too-long"],
  ])("refuses the note %j (%s) and writes nothing", (note, code) => {
    const d = delivered("delivered");
    const before = audits().length;
    const attempt = () => confirmByOfficer(db, { deliveryIds: [d.id] }, officer, note, T);
    expect(attempt).toThrow(RefusedError);
    try {
      attempt();
    } catch (error) {
      expect(error).toMatchObject({ code, field: "note" });
    }
    expect(readTestDelivery(db, d.id).state).toBe("delivered");
    expect(audits()).toHaveLength(before);
  });

  it("takes a note of exactly 1,000 characters", () => {
    const d = delivered("queued");
    expect(confirmByOfficer(db, { deliveryIds: [d.id] }, officer, "n".repeat(1000), T).confirmed).toBe(1);
  });

  it("confirms named deliveries of several recipients, one audit entry per recipient", () => {
    const [a, b] = [delivered("queued"), delivered("parked")];
    const before = audits().length;
    expect(confirmByOfficer(db, { deliveryIds: [a.id, b.id, a.id] }, officer, "Called both vendors.", T).confirmed).toBe(2);
    expect(
      audits()
        .slice(before)
        .map((e) => e.targetId),
    ).toEqual([String(a.recipientId), String(b.recipientId)]);
  });

  it("refuses named deliveries when one does not exist or was superseded, and confirms none of them", () => {
    const d = delivered("queued");
    const superseded = delivered("superseded");
    expect(() => confirmByOfficer(db, { deliveryIds: [d.id, 9_999_999] }, officer, "note", T)).toThrow(NotFoundError);
    expect(() => confirmByOfficer(db, { deliveryIds: [d.id, superseded.id] }, officer, "note", T)).toThrow(ConflictError);
    expect(() => confirmByOfficer(db, { deliveryIds: [] }, officer, "note", T)).toThrow(NotFoundError);
    expect(readTestDelivery(db, d.id).state).toBe("queued");
  });

  it("passes over a request's superseded deliveries, and finds nothing for a recipient the request never reached", () => {
    const s = subject();
    const r = recipient();
    const requestId = insertTestRequest(db, `REQ-2026-${String(++n).padStart(5, "0")}`);
    const event = insertTestEvent(db, { type: "subject.restricted", subjectId: s, requestId });
    const gone = insertTestDelivery(db, { eventId: event.id, recipientId: r, subjectId: s, state: "superseded" });
    expect(() => confirmByOfficer(db, { requestId, recipientId: r }, officer, "note", T)).toThrow(ConflictError);
    const live = insertTestDelivery(db, {
      eventId: insertTestEvent(db, { type: "subject.restricted", subjectId: s, requestId }).id,
      recipientId: r,
      subjectId: s,
    });
    expect(confirmByOfficer(db, { requestId, recipientId: r }, officer, "note", T).confirmed).toBe(1);
    expect(readTestDelivery(db, gone.id).state).toBe("superseded");
    expect(readTestDelivery(db, live.id).state).toBe("confirmed");
    expect(() => confirmByOfficer(db, { requestId, recipientId: recipient() }, officer, "note", T)).toThrow(NotFoundError);
  });

  it("scrubs an erased person once an officer confirms the last open delivery of the erasure", () => {
    const s = subject();
    const r = recipient();
    const requestId = insertTestRequest(db, `REQ-2026-${String(++n).padStart(5, "0")}`);
    const erasure = insertTestEvent(db, { type: "subject.erased", subjectId: s, requestId });
    const d = insertTestDelivery(db, {
      eventId: erasure.id,
      recipientId: r,
      subjectId: s,
      identifiers: { externalId: "cust-9", email: "p@example.com" },
    });
    confirmByOfficer(db, { requestId, recipientId: r }, officer, "Confirmed by phone.", T);
    expect(readTestDelivery(db, d.id)).toMatchObject({ state: "confirmed", identifiers: null, scrubbedAt: T.getTime() });
  });
});
