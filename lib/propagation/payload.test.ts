import { describe, expect, it } from "vitest";
import { propagationEventSchema } from "./events";
import { deliveryPayload, type StoredEvent } from "./payload";

const at = new Date("2026-03-01T09:30:00.000Z");
const withdrawal: StoredEvent = {
  id: 41,
  uid: "evt_abc",
  type: "consent.changed",
  occurredAt: at,
  data: {
    purpose: "newsletter",
    previousState: "granted",
    newState: "withdrawn",
    noticeVersion: 2,
    source: "preference_center",
    gpc: false,
  },
};

describe("deliveryPayload", () => {
  it("sends the event's id, versioned type, time and data, its row id as the sequence and the delivery's identifiers", () => {
    const payload = deliveryPayload(withdrawal, { identifiers: { externalId: "C-9", email: "a@example.org" } });
    expect(payload).toEqual({
      id: "evt_abc",
      type: "consent.changed.v1",
      occurredAt: "2026-03-01T09:30:00.000Z",
      sequence: 41,
      subject: { externalId: "C-9", email: "a@example.org" },
      data: withdrawal.data,
    });
    expect(propagationEventSchema.parse(JSON.parse(JSON.stringify(payload)))).toEqual(payload);
  });

  it("names the person only by what this delivery holds, so one event reads differently per recipient", () => {
    expect(deliveryPayload(withdrawal, { identifiers: { externalId: "C-9" } })?.subject).toEqual({ externalId: "C-9" });
    expect(deliveryPayload(withdrawal, { identifiers: { email: "a@example.org" } })?.subject).toEqual({ email: "a@example.org" });
  });

  it("has no payload for a delivery whose identifiers were scrubbed or that holds none of the person's identifiers", () => {
    expect(deliveryPayload(withdrawal, { identifiers: null })).toBeNull();
    expect(deliveryPayload(withdrawal, { identifiers: {} })).toBeNull();
  });

  it("has no payload once the event's data was scrubbed", () => {
    expect(deliveryPayload({ ...withdrawal, data: null }, { identifiers: { externalId: "C-9" } })).toBeNull();
  });

  it("builds the subject events with their own data", () => {
    const erased = deliveryPayload(
      { id: 7, uid: "evt_e", type: "subject.erased", occurredAt: at, data: {} },
      { identifiers: { externalId: "C-9" } },
    );
    expect(erased).toMatchObject({ type: "subject.erased.v1", sequence: 7, data: {} });
    const optedOut = deliveryPayload(
      { id: 8, uid: "evt_o", type: "subject.opted_out", occurredAt: at, data: { optOut: ["sale", "sharing"], gpc: true } },
      { identifiers: { externalId: "C-9" } },
    );
    expect(optedOut).toMatchObject({ type: "subject.opted_out.v1", data: { optOut: ["sale", "sharing"], gpc: true } });
  });

  it("throws on stored data that does not fit its type, which is Candor's bug rather than something to send", () => {
    expect(() => deliveryPayload({ ...withdrawal, data: { purpose: "newsletter" } }, { identifiers: { externalId: "C-9" } })).toThrow();
  });
});
