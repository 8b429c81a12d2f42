import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { deliveryPayload } from "@/lib/propagation/payload";
import { openDatabase } from "../connection";
import { dispatchOutbox } from "../requests/outbox-dispatch";
import { addTestEvent, addTestRecipient, clearPropagation, deliveryRow } from "../testing/deliveries";
import { createTempDatabase } from "../testing/temp-db";
import { queueRecipientEmails } from "./email";

// The email path: messages to a recipient's privacy contact, one per event or one digest a day, then
// delivered when the outbox sends them.

// Counts the deliveries the email path reads and checks (each one parsed and validated against its event's schema).
vi.mock("@/lib/propagation/payload", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/propagation/payload")>();
  return { ...actual, deliveryPayload: vi.fn(actual.deliveryPayload) };
});

const temp = createTempDatabase("email-path");
const db = openDatabase(temp.file);
afterAll(() => {
  db.$client.close();
  temp.cleanup();
});

const CANDOR = "https://trust.northtrail.example";
// Seoul is UTC+9: 2026-03-02 in Seoul runs from 2026-03-01T15:00Z to 2026-03-02T15:00Z.
const seoul = (iso: string) => Date.parse(`${iso}+09:00`);
type Message = { id: number; toAddress: string; kind: string; locale: string; subjectLine: string; body: string; status: string };
const messages = () =>
  db.$client
    .prepare("SELECT id, to_address AS toAddress, kind, locale, subject_line AS subjectLine, body, status FROM outbox ORDER BY id")
    .all() as Message[];

beforeEach(() => {
  clearPropagation(db);
  db.$client.exec("DELETE FROM brand_settings");
  db.$client
    .prepare(
      `INSERT INTO brand_settings (id, name, legal_name, address, contact_email, dpo_email, website_url, time_zone, default_locale, enabled_locales, allowed_origins)
       VALUES (1, 'Northtrail', 'Northtrail Ltd', 'Seoul', 'hello@northtrail.example', 'dpo@northtrail.example', 'https://northtrail.example', 'Asia/Seoul', 'ko', '["ko","en"]', '[]')`,
    )
    .run();
});

describe("queueRecipientEmails", () => {
  it("writes one message per event to the privacy contact, in the brand's language, naming the identifiers held and the delivery", () => {
    const { recipientId } = addTestRecipient(db, "Callcenter", { kind: "email", batching: "each" }, "Privacy@Callcenter.example ");
    const hooked = addTestRecipient(db, "Hooked", { kind: "webhook", url: "https://hooks.example.com/", secret: "whsec_x" });
    const blind = addTestRecipient(db, "Blind", { kind: "email" }, null);
    const first = addTestEvent(db, {
      subjectId: 1,
      type: "subject.erased",
      occurredAt: seoul("2026-03-02T10:00:00"),
      to: [
        { recipientId, identifiers: { externalId: "cust-41", email: "ana@example.com" } },
        { recipientId: hooked.recipientId, identifiers: { externalId: "cust-41" } },
        { recipientId: blind.recipientId, identifiers: { externalId: "cust-41" } },
      ],
    });
    const second = addTestEvent(db, {
      subjectId: 2,
      occurredAt: seoul("2026-03-02T11:00:00"),
      to: [{ recipientId, identifiers: { externalId: "cust-42" } }],
    });
    const none = addTestEvent(db, { subjectId: 3, occurredAt: seoul("2026-03-02T11:00:00"), to: [{ recipientId, identifiers: null }] });

    expect(queueRecipientEmails(db, { now: seoul("2026-03-02T12:00:00"), candorUrl: CANDOR })).toEqual({
      notices: 2,
      digests: 0,
      deliveries: 2,
      more: false,
    });
    const [m1, m2] = messages();
    expect(messages()).toHaveLength(2);
    expect(m1).toMatchObject({ toAddress: "privacy@callcenter.example", kind: "recipient-notice", locale: "ko", status: "pending" });
    expect(m1.subjectLine).toContain(first.deliveries[0].uid);
    expect(m1.subjectLine).not.toContain("cust-41");
    for (const text of [
      "삭제",
      "cust-41",
      "ana@example.com",
      first.deliveries[0].uid,
      `${CANDOR}/api/v1/deliveries/${first.deliveries[0].uid}/confirm`,
      "dpo@northtrail.example",
    ])
      expect(m1.body).toContain(text);
    expect(m2.body).toContain("cust-42");
    expect(m2.body).not.toContain("cust-41");
    expect(deliveryRow(db, first.deliveries[0].id).outboxId).toBe(m1.id);
    expect(deliveryRow(db, second.deliveries[0].id).outboxId).toBe(m2.id);
    // A webhook recipient, one without a contact address, and a delivery without identifiers get no email.
    for (const id of [first.deliveries[1].id, first.deliveries[2].id, none.deliveries[0].id])
      expect(deliveryRow(db, id).outboxId).toBeNull();
    // Written once.
    expect(queueRecipientEmails(db, { now: seoul("2026-03-02T12:01:00"), candorUrl: CANDOR })).toEqual({
      notices: 0,
      digests: 0,
      deliveries: 0,
      more: false,
    });
  });

  it("writes one digest per day for a daily path, once the day is over in the brand's zone", () => {
    const { recipientId } = addTestRecipient(db, "Analytics", { kind: "email", batching: "daily" });
    const at = (iso: string, person: number) =>
      addTestEvent(db, { subjectId: person, occurredAt: seoul(iso), to: [{ recipientId, identifiers: { externalId: `cust-${person}` } }] })
        .deliveries[0];
    const morning = at("2026-03-02T00:30:00", 1);
    const evening = at("2026-03-02T23:30:00", 2);
    const nextDay = at("2026-03-03T08:00:00", 3);
    const run = (iso: string) => queueRecipientEmails(db, { now: seoul(iso), candorUrl: CANDOR });

    expect(run("2026-03-02T23:59:00")).toEqual({ notices: 0, digests: 0, deliveries: 0, more: false });
    expect(run("2026-03-03T09:00:00")).toEqual({ notices: 0, digests: 1, deliveries: 2, more: false });
    const [digest] = messages();
    expect(digest).toMatchObject({ kind: "recipient-digest", locale: "ko" });
    expect(digest.subjectLine).toContain("2026-03-02");
    for (const text of ["cust-1", "cust-2", morning.uid, evening.uid]) expect(digest.body).toContain(text);
    expect(digest.body).not.toContain("cust-3");
    expect(deliveryRow(db, nextDay.id).outboxId).toBeNull();
    expect(run("2026-03-03T20:00:00")).toEqual({ notices: 0, digests: 0, deliveries: 0, more: false });
    expect(run("2026-03-04T00:01:00")).toEqual({ notices: 0, digests: 1, deliveries: 1, more: false });
    expect(messages()[1].body).toContain("cust-3");
  });

  it("marks the deliveries a message carried delivered by email once it is sent, and leaves them queued while it is not", async () => {
    const { recipientId } = addTestRecipient(db, "Printer", { kind: "email", batching: "daily" });
    const ds = [1, 2].map(
      (p) =>
        addTestEvent(db, {
          subjectId: p,
          occurredAt: seoul("2026-03-02T10:00:00"),
          to: [{ recipientId, identifiers: { externalId: `c-${p}` } }],
        }).deliveries[0],
    );
    queueRecipientEmails(db, { now: seoul("2026-03-03T10:00:00"), candorUrl: CANDOR });
    const sentAt = seoul("2026-03-03T10:05:00");
    await dispatchOutbox(
      db,
      async () => {
        throw new Error("421 try later");
      },
      { now: () => sentAt },
    );
    for (const d of ds) expect(deliveryRow(db, d.id)).toMatchObject({ state: "queued", deliveredAt: null });
    await dispatchOutbox(db, async () => {}, { now: () => sentAt + 3_600_000 });
    for (const d of ds)
      expect(deliveryRow(db, d.id)).toMatchObject({ state: "delivered", deliveredVia: "email", deliveredAt: sentAt + 3_600_000 });
  });

  it("reads none of a daily path's deliveries until their day is over, and finds that out without the write lock", () => {
    const { recipientId } = addTestRecipient(db, "Analytics", { kind: "email", batching: "daily" });
    addTestRecipient(db, "Callcenter", { kind: "email", batching: "each" });
    for (let p = 1; p <= 50; p++)
      addTestEvent(db, {
        subjectId: p,
        occurredAt: seoul("2026-03-02T09:00:00") + p,
        to: [{ recipientId, identifiers: { externalId: `c-${p}` } }],
      });
    // Another process holds the write lock; the dispatcher's busy wait is cut short.
    const other = openDatabase(temp.file);
    other.$client.exec("BEGIN IMMEDIATE");
    db.$client.pragma("busy_timeout = 20");
    vi.mocked(deliveryPayload).mockClear();
    try {
      expect(queueRecipientEmails(db, { now: seoul("2026-03-02T18:00:00"), candorUrl: CANDOR })).toEqual({
        notices: 0,
        digests: 0,
        deliveries: 0,
        more: false,
      });
    } finally {
      other.$client.exec("ROLLBACK");
      other.$client.close();
      db.$client.pragma("busy_timeout = 5000");
    }
    expect(deliveryPayload).not.toHaveBeenCalled();
    expect(queueRecipientEmails(db, { now: seoul("2026-03-03T00:00:01"), candorUrl: CANDOR })).toEqual({
      notices: 0,
      digests: 1,
      deliveries: 50,
      more: false,
    });
    expect(deliveryPayload).toHaveBeenCalledTimes(50);
  });

  it("words at most a run's worth per recipient, oldest first, and says more wait until none do", () => {
    const each = addTestRecipient(db, "Callcenter", { kind: "email", batching: "each" }).recipientId;
    const ids = Array.from(
      { length: 5 },
      (_, p) =>
        addTestEvent(db, {
          subjectId: p + 1,
          occurredAt: seoul("2026-03-02T10:00:00") + p,
          to: [{ recipientId: each, identifiers: { externalId: `c-${p + 1}` } }],
        }).deliveries[0].id,
    );
    const run = () => queueRecipientEmails(db, { now: seoul("2026-03-02T12:00:00"), candorUrl: CANDOR, limit: 2 });
    vi.mocked(deliveryPayload).mockClear();
    expect(run()).toEqual({ notices: 2, digests: 0, deliveries: 2, more: true });
    // Only the run's worth was read and worded, not the whole backlog.
    expect(deliveryPayload).toHaveBeenCalledTimes(2);
    expect(ids.map((id) => deliveryRow(db, id).outboxId !== null)).toEqual([true, true, false, false, false]);
    expect(run()).toEqual({ notices: 2, digests: 0, deliveries: 2, more: true });
    expect(run()).toEqual({ notices: 1, digests: 0, deliveries: 1, more: false });
    // One notice per event, in the order the events happened.
    expect(messages().map((m, i) => m.body.includes(`c-${i + 1}`))).toEqual([true, true, true, true, true]);
  });

  it("tells a day busier than a run in several digests, each but the day's last saying more of the day follow", () => {
    const daily = addTestRecipient(db, "Analytics", { kind: "email", batching: "daily" }).recipientId;
    const at = (iso: string, p: number) =>
      addTestEvent(db, { subjectId: p, occurredAt: seoul(iso) + p, to: [{ recipientId: daily, identifiers: { externalId: `c-${p}` } }] });
    for (let p = 1; p <= 5; p++) at("2026-03-02T10:00:00", p);
    at("2026-03-03T10:00:00", 6);
    const run = () => queueRecipientEmails(db, { now: seoul("2026-03-04T09:00:00"), candorUrl: CANDOR, limit: 2 });
    const follows = "2026-03-02의 나머지 변경은 다음 메일로 알려 드립니다.";
    expect(run()).toEqual({ notices: 0, digests: 1, deliveries: 2, more: true });
    expect(run()).toEqual({ notices: 0, digests: 1, deliveries: 2, more: true });
    // The third run reads the day's last change and the next day's first: two digests, and none follows either.
    expect(run()).toEqual({ notices: 0, digests: 2, deliveries: 2, more: false });
    const digests = messages();
    expect(digests.map((m) => m.subjectLine.includes("2026-03-02"))).toEqual([true, true, true, false]);
    expect(digests.map((m) => m.body.includes(follows))).toEqual([true, true, false, false]);
    expect(digests.map((m) => new Set(m.body.match(/c-\d/g)).size)).toEqual([2, 2, 1, 1]);
  });
});
