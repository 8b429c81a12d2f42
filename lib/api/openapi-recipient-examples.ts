import { buildEvent } from "../propagation/events";
import { encodeFeedCursor } from "./feed-schemas";
import { problem } from "./problem";

// Examples for the recipients' side of the OpenAPI document: an email platform reading its feed.

const withdrawal = buildEvent("consent.changed", {
  id: "evt_q3VbX0n6Yc1s4QeJ2mTz8A",
  occurredAt: new Date("2026-05-01T09:30:00.000Z"),
  sequence: 4812,
  subject: { externalId: "cust-1042", email: "mina@example.com" },
  data: {
    purpose: "marketing_messages",
    previousState: "granted",
    newState: "withdrawn",
    noticeVersion: 3,
    source: "preference_center",
    gpc: false,
  },
});

const erasure = buildEvent("subject.erased", {
  id: "evt_Lw0cF9r2Kd7uHh5aPz1nSg",
  occurredAt: new Date("2026-05-02T14:05:12.000Z"),
  sequence: 4907,
  subject: { externalId: "cust-2210" },
  data: {},
});

/** What each event type's webhook and feed entry look like, one example each. */
export const eventExamples = {
  "consent.changed": withdrawal,
  "subject.erased": erasure,
  "subject.rectified": buildEvent("subject.rectified", {
    id: "evt_Pn4sD2v8Wq6eRt0yUi3oMa",
    occurredAt: new Date("2026-05-03T08:00:00.000Z"),
    sequence: 4950,
    subject: { externalId: "cust-1042", email: "mina@example.com" },
    data: { changes: [{ field: "email", value: "mina.kim@example.com" }] },
  }),
  "subject.opted_out": buildEvent("subject.opted_out", {
    id: "evt_Zx8cV5b1Nm3qWe7rTy9uIo",
    occurredAt: new Date("2026-05-03T10:12:00.000Z"),
    sequence: 4962,
    subject: { externalId: "cust-3307" },
    data: { optOut: ["sale", "sharing"], gpc: true },
  }),
} as const;

export const recipientResponseExamples = {
  feedPage: {
    changes: [
      { deliveryId: "msg_2fH8kLq0Rz5tNw3yXc7vBa", event: withdrawal },
      { deliveryId: "msg_9dJ1mPs4Tx6uQe8wZb2nCf", event: erasure },
    ],
    nextCursor: encodeFeedCursor({ recipientId: 7, deliveryId: 15233 }),
    hasMore: false,
  },
  confirmation: { deliveryId: "msg_9dJ1mPs4Tx6uQe8wZb2nCf", state: "confirmed", confirmedAt: "2026-05-02T16:40:03.000Z" },
};

export const recipientProblemExamples = {
  recipientKeyOnly: problem(
    "forbidden",
    "This endpoint is for recipients: it needs a recipient key (rk_live_…), which the brand gives a recipient with its feed. Keep secret keys on your servers.",
  ),
  feedSwitchedOff: problem(
    "forbidden",
    "The brand has switched this recipient's feed off, so its key neither reads changes nor confirms deliveries. Ask the brand's privacy team.",
  ),
  badCursor: problem("invalid-parameter", "cursor: This is not a cursor this feed gave: pass nextCursor as it came.", {
    errors: [
      { parameter: "cursor", field: "cursor", code: "custom", detail: "This is not a cursor this feed gave: pass nextCursor as it came." },
    ],
  }),
  deliveryNotFound: problem("not-found", "You have no delivery with this id. Use the deliveryId (or webhook-id) Candor sent you."),
  superseded: problem("conflict", "A later delivery about the same person and purpose replaced this one: confirm that one instead."),
  tooManyRequests: problem("too-many-requests", "Too many requests. Try again in 1 second."),
};
