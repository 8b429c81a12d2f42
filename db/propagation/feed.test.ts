import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../connection";
import { createTempDatabase } from "../testing/temp-db";
import { insertTestDelivery, insertTestEvent, insertTestRecipient, readTestDelivery } from "../testing/propagation-rows";
import { insertApiKey } from "../staff/api-keys";
import { addFeedPath } from "./recipient-paths";
import { readFeed, recipientOfKey } from "./feed";

const temp = createTempDatabase("feed");
const db = openDatabase(temp.file);
afterAll(() => {
  db.$client.close();
  temp.cleanup();
});

const T = new Date("2026-05-02T10:00:00Z");
let n = 0;
const newKey = () => insertApiKey(db, { name: `feed ${++n}`, kind: "recipient", allowedOrigins: [] }, { id: null, email: "test" }).key.id;
const feedCursor = (pathId: number | null) =>
  (db.$client.prepare("SELECT feed_cursor AS c FROM recipient_paths WHERE id = ?").get(pathId) as { c: number | null }).c;

/** A recipient with a feed path and `count` queued consent changes about successive people, oldest first. */
function recipientWith(count: number) {
  const r = insertTestRecipient(db, `Feed recipient ${++n}`, { apiKeyId: newKey() });
  const rows = Array.from({ length: count }, (_, i) => {
    const subjectId = 5000 + n * 100 + i;
    const event = insertTestEvent(db, { type: "consent.changed", subjectId, occurredAt: T.getTime() - (count - i) * 1000 });
    return { event, subjectId, ...insertTestDelivery(db, { eventId: event.id, recipientId: r.id, subjectId }) };
  });
  return { ...r, rows };
}

describe("readFeed", () => {
  it("gives a recipient its deliveries in id order, each under its delivery id with the webhook's payload", () => {
    const r = recipientWith(3);
    const page = readFeed(db, r.id, { cursor: 0, limit: 10 }, T)!;
    expect(page.hasMore).toBe(false);
    expect(page.next).toBe(r.rows[2].id);
    expect(page.entries.map((e) => e.deliveryId)).toEqual(r.rows.map((d) => d.uid));
    expect(page.entries[0].event).toEqual({
      id: r.rows[0].event.uid,
      type: "consent.changed.v1",
      occurredAt: new Date(T.getTime() - 3000).toISOString(),
      sequence: r.rows[0].event.id,
      subject: { externalId: `cust-${r.rows[0].subjectId}` },
      data: { purpose: "newsletter", previousState: "granted", newState: "withdrawn", noticeVersion: 1, source: "api", gpc: false },
    });
    // Reading from the start acknowledges nothing.
    for (const d of r.rows) expect(readTestDelivery(db, d.id).state).toBe("queued");
  });

  it("pages by the cursor, and reading with a cursor marks everything up to it delivered via the feed", () => {
    const r = recipientWith(5);
    const first = readFeed(db, r.id, { cursor: 0, limit: 2 }, T)!;
    expect(first.entries.map((e) => e.deliveryId)).toEqual([r.rows[0].uid, r.rows[1].uid]);
    expect(first).toMatchObject({ next: r.rows[1].id, hasMore: true });

    const later = new Date(T.getTime() + 5000);
    const second = readFeed(db, r.id, { cursor: first.next, limit: 2 }, later)!;
    expect(second.entries.map((e) => e.deliveryId)).toEqual([r.rows[2].uid, r.rows[3].uid]);
    expect(second.hasMore).toBe(true);
    for (const d of r.rows.slice(0, 2))
      expect(readTestDelivery(db, d.id)).toMatchObject({ state: "delivered", deliveredVia: "feed", deliveredAt: later.getTime() });
    for (const d of r.rows.slice(2)) expect(readTestDelivery(db, d.id).state).toBe("queued");
    expect(feedCursor(r.pathId)).toBe(first.next);

    const third = readFeed(db, r.id, { cursor: second.next, limit: 2 }, later)!;
    expect(third).toMatchObject({ next: r.rows[4].id, hasMore: false });
    const end = readFeed(db, r.id, { cursor: third.next, limit: 2 }, later)!;
    expect(end).toEqual({ entries: [], next: third.next, hasMore: false });
    for (const d of r.rows) expect(readTestDelivery(db, d.id).state).toBe("delivered");
  });

  it("gives the same entries under the same ids again while the cursor does not advance (at least once)", () => {
    const r = recipientWith(3);
    const once = readFeed(db, r.id, { cursor: r.rows[0].id, limit: 10 }, T)!;
    const again = readFeed(db, r.id, { cursor: r.rows[0].id, limit: 10 }, T)!;
    expect(again).toEqual(once);
    expect(once.entries.map((e) => [e.deliveryId, e.event.id])).toEqual(r.rows.slice(1).map((d) => [d.uid, d.event.uid]));
    expect(readTestDelivery(db, r.rows[1].id).state).toBe("queued");
  });

  it("never shows nor acknowledges another recipient's deliveries", () => {
    const mine = recipientWith(2);
    const theirs = recipientWith(2);
    const page = readFeed(db, mine.id, { cursor: 0, limit: 10 }, T)!;
    expect(page.entries.map((e) => e.deliveryId)).toEqual(mine.rows.map((d) => d.uid));
    // Even a cursor past the other recipient's ids acknowledges only this recipient's own deliveries.
    readFeed(db, mine.id, { cursor: mine.rows[1].id, limit: 10 }, T);
    for (const d of theirs.rows) expect(readTestDelivery(db, d.id).state).toBe("queued");
    for (const d of mine.rows) expect(readTestDelivery(db, d.id).state).toBe("delivered");
  });

  it("passes over scrubbed, superseded and unnamed deliveries, and does not mark them delivered", () => {
    const r = recipientWith(1);
    const subjectId = 9_100 + n;
    const add = (state: "queued" | "superseded", identifiers: { externalId: string } | null, scrub = false) => {
      const event = insertTestEvent(db, { type: "consent.changed", subjectId });
      const d = insertTestDelivery(db, { eventId: event.id, recipientId: r.id, subjectId, identifiers, state });
      if (scrub) db.$client.prepare("UPDATE deliveries SET scrubbed_at = ? WHERE id = ?").run(T.getTime(), d.id);
      return d;
    };
    const scrubbed = add("queued", null, true);
    const superseded = add("superseded", { externalId: "cust-old" });
    const unnamed = add("queued", null);
    const erasedData = insertTestEvent(db, { type: "subject.rectified", subjectId, data: null });
    const noData = insertTestDelivery(db, { eventId: erasedData.id, recipientId: r.id, subjectId });
    const last = add("queued", { externalId: "cust-new" });

    const page = readFeed(db, r.id, { cursor: 0, limit: 10 }, T)!;
    expect(page.entries.map((e) => e.deliveryId)).toEqual([r.rows[0].uid, last.uid]);
    expect(page.next).toBe(last.id);

    // A page of nothing but passed-over deliveries still moves the cursor past them.
    const narrow = readFeed(db, r.id, { cursor: r.rows[0].id, limit: 2 }, T)!;
    expect(narrow).toEqual({ entries: [], next: noData.id, hasMore: true });

    readFeed(db, r.id, { cursor: page.next, limit: 10 }, T);
    expect(readTestDelivery(db, scrubbed.id).state).toBe("queued");
    expect(readTestDelivery(db, superseded.id).state).toBe("superseded");
    // Without an identifier the recipient holds, nothing could name the person: an officer confirms it by hand.
    expect(readTestDelivery(db, unnamed.id).state).toBe("queued");
    expect(readTestDelivery(db, noData.id).state).toBe("queued");
    expect(readTestDelivery(db, last.id).state).toBe("delivered");
  });

  it("acknowledges a parked delivery the feed carried, and leaves a confirmed one confirmed", () => {
    const r = recipientWith(0);
    const subjectId = 9_300 + n;
    const parked = insertTestDelivery(db, {
      eventId: insertTestEvent(db, { type: "subject.restricted", subjectId }).id,
      recipientId: r.id,
      subjectId,
      state: "parked",
    });
    const confirmed = insertTestDelivery(db, {
      eventId: insertTestEvent(db, { type: "subject.restricted", subjectId }).id,
      recipientId: r.id,
      subjectId,
      state: "confirmed",
    });
    readFeed(db, r.id, { cursor: confirmed.id, limit: 10 }, T);
    expect(readTestDelivery(db, parked.id)).toMatchObject({ state: "delivered", deliveredVia: "feed" });
    expect(readTestDelivery(db, confirmed.id)).toMatchObject({ state: "confirmed", deliveredVia: null });
  });

  it("never hands out a confirmed, superseded or scrubbed delivery, even read from the very start", () => {
    const r = recipientWith(0);
    const subjectId = 9_500 + n;
    const add = (state: "queued" | "delivered" | "parked" | "confirmed" | "superseded", scrubbed = false) => {
      const d = insertTestDelivery(db, {
        eventId: insertTestEvent(db, { type: "subject.restricted", subjectId }).id,
        recipientId: r.id,
        subjectId,
        state,
      });
      if (scrubbed) db.$client.prepare("UPDATE deliveries SET scrubbed_at = ? WHERE id = ?").run(T.getTime(), d.id);
      return d;
    };
    const confirmed = add("confirmed");
    const delivered = add("delivered");
    const superseded = add("superseded");
    const parked = add("parked");
    const scrubbed = add("delivered", true);
    const queued = add("queued");
    const page = readFeed(db, r.id, { cursor: 0, limit: 10 }, T)!;
    expect(page.entries.map((e) => e.deliveryId)).toEqual([delivered.uid, parked.uid, queued.uid]);
    expect(JSON.stringify(page)).not.toContain(confirmed.uid);
    expect([superseded.uid, scrubbed.uid].some((uid) => JSON.stringify(page).includes(uid))).toBe(false);
  });

  it("starts a new feed path just below the oldest delivery not yet confirmed, and reads from there without a cursor", () => {
    const r = recipientWith(0);
    const subjectId = 9_700 + n;
    const add = (state: "queued" | "delivered" | "confirmed" | "superseded", identifiers?: null) =>
      insertTestDelivery(db, {
        eventId: insertTestEvent(db, { type: "subject.restricted", subjectId }).id,
        recipientId: r.id,
        subjectId,
        state,
        identifiers,
      });
    add("confirmed");
    add("superseded");
    // Naming nobody, it is an officer's to confirm and no feed would show it: it does not hold the start back.
    add("queued", null);
    const waiting = add("delivered");
    const confirmedLater = add("confirmed");
    const queued = add("queued");
    // The officer switches the old feed off (its cursor stays with it) and makes a new one.
    db.$client.prepare("UPDATE recipient_paths SET status = 'disabled' WHERE id = ?").run(r.pathId);
    const { path } = addFeedPath(db, { recipientId: r.id }, { id: null, email: "officer@example.com" });
    expect(feedCursor(path.id)).toBe(waiting.id - 1);

    const page = readFeed(db, r.id, { cursor: null, limit: 10 }, T)!;
    expect(page.entries.map((e) => e.deliveryId)).toEqual([waiting.uid, queued.uid]);
    expect(JSON.stringify(page)).not.toContain(confirmedLater.uid);
    // Reading without a cursor acknowledges nothing; passing the next one does, and the feed goes on from there.
    expect(readTestDelivery(db, queued.id).state).toBe("queued");
    readFeed(db, r.id, { cursor: page.next, limit: 10 }, T);
    expect(readTestDelivery(db, queued.id).state).toBe("delivered");
    expect(readFeed(db, r.id, { cursor: null, limit: 10 }, T)).toEqual({ entries: [], next: queued.id, hasMore: false });
  });

  it("starts a new feed past the last delivery when everything is confirmed", () => {
    const r = recipientWith(0);
    const subjectId = 9_800 + n;
    const d = insertTestDelivery(db, {
      eventId: insertTestEvent(db, { type: "subject.erased", subjectId }).id,
      recipientId: r.id,
      subjectId,
      state: "confirmed",
    });
    db.$client.prepare("UPDATE recipient_paths SET status = 'disabled' WHERE id = ?").run(r.pathId);
    const { path } = addFeedPath(db, { recipientId: r.id }, { id: null, email: "officer@example.com" });
    expect(feedCursor(path.id)).toBe(d.id);
    expect(readFeed(db, r.id, { cursor: null, limit: 10 }, T)).toEqual({ entries: [], next: d.id, hasMore: false });
  });

  it("parks a delivery whose stored event no longer fits its schema, passes over it and keeps serving the rest", () => {
    const r = recipientWith(1);
    const subjectId = 9_900 + n;
    const broken = insertTestDelivery(db, {
      eventId: insertTestEvent(db, { type: "consent.changed", subjectId, data: { purpose: "newsletter", newState: "maybe" } }).id,
      recipientId: r.id,
      subjectId,
    });
    const after = insertTestDelivery(db, {
      eventId: insertTestEvent(db, { type: "subject.erased", subjectId }).id,
      recipientId: r.id,
      subjectId,
    });

    const page = readFeed(db, r.id, { cursor: 0, limit: 10 }, T)!;
    expect(page.entries.map((e) => e.deliveryId)).toEqual([r.rows[0].uid, after.uid]);
    expect(page.next).toBe(after.id);
    const parked = db.$client.prepare("SELECT state, last_outcome AS outcome FROM deliveries WHERE id = ?").get(broken.id);
    expect(parked).toEqual({ state: "parked", outcome: "invalid-payload" });
    // A page of nothing but the broken row still moves past it.
    expect(readFeed(db, r.id, { cursor: r.rows[0].id, limit: 1 }, T)).toEqual({ entries: [], next: broken.id, hasMore: true });
    // Passing a cursor beyond it acknowledges what the feed served, never the row it could not show.
    readFeed(db, r.id, { cursor: page.next, limit: 10 }, T);
    expect(readTestDelivery(db, broken.id).state).toBe("parked");
    expect(readTestDelivery(db, after.id).state).toBe("delivered");
  });

  it("refuses a cursor past every delivery of the recipient, acknowledging nothing", () => {
    const r = recipientWith(2);
    expect(readFeed(db, r.id, { cursor: r.rows[1].id + 1, limit: 10 }, T)).toBeNull();
    expect(readFeed(db, recipientWith(0).id, { cursor: 1, limit: 10 }, T)).toBeNull();
    for (const d of r.rows) expect(readTestDelivery(db, d.id).state).toBe("queued");
    expect(feedCursor(r.pathId)).toBeNull();
  });

  it("keeps the stored cursor at the furthest one read", () => {
    const r = recipientWith(3);
    readFeed(db, r.id, { cursor: r.rows[2].id, limit: 10 }, T);
    readFeed(db, r.id, { cursor: r.rows[0].id, limit: 10 }, T);
    expect(feedCursor(r.pathId)).toBe(r.rows[2].id);
  });

  it("clamps the page size to between 1 and the maximum", () => {
    const r = recipientWith(2);
    expect(readFeed(db, r.id, { cursor: 0, limit: 0 }, T)!.entries).toHaveLength(1);
  });
});

describe("recipientOfKey", () => {
  it("finds the recipient whose path holds the key, and nobody for a key no path holds", () => {
    const keyId = newKey();
    const r = insertTestRecipient(db, `Keyed ${++n}`, { apiKeyId: keyId });
    expect(recipientOfKey(db, keyId)).toEqual({ recipientId: r.id, pathId: r.pathId, status: "active" });
    expect(recipientOfKey(db, newKey())).toBeUndefined();
  });

  it("says when the recipient's feed path is switched off", () => {
    const keyId = newKey();
    const r = insertTestRecipient(db, `Switched off ${++n}`, { apiKeyId: keyId, feedStatus: "disabled" });
    expect(recipientOfKey(db, keyId)).toEqual({ recipientId: r.id, pathId: r.pathId, status: "disabled" });
  });
});
