import { describe, expect, it } from "vitest";
import {
  buildEvent,
  eventJsonSchemas,
  propagationEventSchema,
  propagationEventTypes,
  recipientIdentifiers,
  sendsEmail,
  sequenceScope,
  versionedType,
} from "./events";

const at = new Date("2025-06-01T12:00:00.000Z");

describe("buildEvent", () => {
  it("builds a consent.changed event with a versioned type, an ISO time and the identifiers", () => {
    const event = buildEvent("consent.changed", {
      id: "evt_1",
      occurredAt: at,
      sequence: 2,
      subject: { externalId: "cust-42" },
      data: {
        purpose: "newsletter",
        previousState: "granted",
        newState: "withdrawn",
        noticeVersion: 3,
        source: "preference_center",
        gpc: false,
      },
    });
    expect(event).toEqual({
      id: "evt_1",
      type: "consent.changed.v1",
      occurredAt: "2025-06-01T12:00:00.000Z",
      sequence: 2,
      subject: { externalId: "cust-42" },
      data: {
        purpose: "newsletter",
        previousState: "granted",
        newState: "withdrawn",
        noticeVersion: 3,
        source: "preference_center",
        gpc: false,
      },
    });
    expect(propagationEventSchema.parse(JSON.parse(JSON.stringify(event)))).toEqual(event);
  });

  it("builds subject.opted_out with the GPC flag and subject.rectified with the new values", () => {
    const optedOut = buildEvent("subject.opted_out", {
      id: "evt_2",
      occurredAt: at,
      sequence: 1,
      subject: { externalId: "cust-42" },
      data: { optOut: ["sale", "sharing"], gpc: true },
    });
    expect(optedOut.data).toEqual({ optOut: ["sale", "sharing"], gpc: true });
    const rectified = buildEvent("subject.rectified", {
      id: "evt_3",
      occurredAt: at,
      sequence: 2,
      subject: { email: "new@example.com" },
      data: { changes: [{ field: "email", value: "new@example.com" }] },
    });
    expect(rectified.type).toBe("subject.rectified.v1");
  });

  it("refuses an event with no identifier, a sequence of zero, an unknown state, or an empty rectification", () => {
    const base = { id: "evt", occurredAt: at, sequence: 1, subject: { externalId: "c" } };
    expect(() => buildEvent("subject.erased", { ...base, subject: {}, data: {} })).toThrow();
    expect(() => buildEvent("subject.erased", { ...base, sequence: 0, data: {} })).toThrow();
    expect(() =>
      buildEvent("consent.changed", {
        ...base,
        data: { purpose: "p", previousState: "none", newState: "none" as never, noticeVersion: null, source: "api", gpc: false },
      }),
    ).toThrow();
    expect(() => buildEvent("subject.rectified", { ...base, data: { changes: [] } })).toThrow();
  });

  it("tells a v1 event of one type from another by its type", () => {
    const erased = {
      id: "e",
      type: "subject.erased.v1",
      occurredAt: at.toISOString(),
      sequence: 1,
      subject: { externalId: "c" },
      data: {},
    };
    expect(propagationEventSchema.safeParse(erased).success).toBe(true);
    expect(propagationEventSchema.safeParse({ ...erased, type: "subject.erased.v2" }).success).toBe(false);
    expect(propagationEventSchema.safeParse({ ...erased, type: "subject.objected.v1" }).success).toBe(false);
  });
});

describe("recipientIdentifiers", () => {
  const person = { externalId: "cust-42", email: "ana@example.com" };

  it("gives a recipient that was sent emails the external id and the email", () => {
    expect(recipientIdentifiers(person, { receivedEmail: true })).toEqual({ externalId: "cust-42", email: "ana@example.com" });
  });

  it("never gives the email to a recipient that did not receive it", () => {
    expect(recipientIdentifiers(person, { receivedEmail: false })).toEqual({ externalId: "cust-42" });
  });

  it("returns null when the recipient holds nothing that names the person", () => {
    expect(recipientIdentifiers({ externalId: null, email: "ana@example.com" }, { receivedEmail: false })).toBeNull();
    expect(recipientIdentifiers({ externalId: null, email: null }, { receivedEmail: true })).toBeNull();
  });

  it("counts a recipient as sent emails when its purposes send contact details", () => {
    expect(sendsEmail(["contact", "order_history"])).toBe(true);
    expect(sendsEmail(["device", "behavioural"])).toBe(false);
  });
});

describe("the vocabulary and its JSON Schema", () => {
  it("lists the seven event types, each versioned v1", () => {
    expect(propagationEventTypes.map(versionedType)).toEqual([
      "consent.changed.v1",
      "subject.erased.v1",
      "subject.rectified.v1",
      "subject.restricted.v1",
      "subject.objected.v1",
      "subject.opted_out.v1",
      "subject.limited.v1",
    ]);
  });

  it("counts consent changes per purpose and subject events per recipient", () => {
    expect(sequenceScope("consent.changed")).toBe("purpose");
    expect(sequenceScope("subject.erased")).toBe("type");
    expect(sequenceScope("subject.objected")).toBe("purpose");
    expect(sequenceScope("subject.rectified")).toBe("field");
  });

  it("describes every event as a JSON Schema object with its type as a constant", () => {
    const schemas = eventJsonSchemas();
    expect(Object.keys(schemas)).toHaveLength(7);
    const consent = schemas["consent.changed.v1"] as { type: string; properties: Record<string, { const?: string }>; required: string[] };
    expect(consent.type).toBe("object");
    expect(consent.properties.type.const).toBe("consent.changed.v1");
    expect(consent.required).toEqual(expect.arrayContaining(["id", "type", "occurredAt", "sequence", "subject", "data"]));
  });
});
