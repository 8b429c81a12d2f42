import fs from "node:fs";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { DAY_MS } from "@/lib/time";
import { openDatabase } from "../connection";
import { addTestEvent, addTestRecipient, clearPropagation, deliveryRow } from "../testing/deliveries";
import { createTempDatabase } from "../testing/temp-db";
import { insertTestOfficer } from "../testing/propagation-rows";
import { SCRUB_AFTER_MS, SCRUBBED_BODY, scrubSettledErasures } from "./scrub";

// After an erasure, what deliveries hold about the person stays only until every recipient confirmed the
// erasure, or 30 days; then it goes, from the rows and from the raw file.

const temp = createTempDatabase("scrub");
const db = openDatabase(temp.file);
afterAll(() => {
  db.$client.close();
  temp.cleanup();
});
beforeEach(() => clearPropagation(db));

const T0 = Date.parse("2026-03-02T09:00:00Z");
const sql = db.$client;
const fileBytes = () =>
  Buffer.concat([fs.readFileSync(temp.file), fs.existsSync(`${temp.file}-wal`) ? fs.readFileSync(`${temp.file}-wal`) : Buffer.alloc(0)]);
const confirm = (id: number) => sql.prepare("UPDATE deliveries SET state = 'confirmed', confirmed_at = ? WHERE id = ?").run(T0, id);
const message = (body: string, status = "sent") =>
  Number(
    sql
      .prepare(
        "INSERT INTO outbox (to_address, kind, locale, subject_line, body, status, created_at) VALUES ('privacy@crm.example', 'recipient-digest', 'en', 's', ?, ?, 0)",
      )
      .run(body, status).lastInsertRowid,
  );
const eventData = (id: number) => sql.prepare("SELECT data FROM propagation_events WHERE id = ?").pluck().get(id) as string | null;

/** A person who went to a webhook recipient and an email recipient: a consent change, a rectification, then the erasure. */
function erasedPerson(subjectId: number, erasedAt: number) {
  const hook = addTestRecipient(db, `Hook${subjectId}`, { kind: "webhook", url: "https://hooks.example.com/", secret: "whsec_x" });
  const mail = addTestRecipient(db, `Mail${subjectId}`, { kind: "email" });
  const externalId = `cust-scrub-${subjectId}`;
  const email = `person.scrub.${subjectId}@example.com`;
  const to = [
    { recipientId: hook.recipientId, identifiers: { externalId } },
    { recipientId: mail.recipientId, identifiers: { externalId, email } },
  ];
  const consent = addTestEvent(db, { subjectId, occurredAt: erasedAt - 2 * DAY_MS, to });
  const rectified = addTestEvent(db, {
    subjectId,
    type: "subject.rectified",
    occurredAt: erasedAt - DAY_MS,
    data: { changes: [{ field: "email", value: email }] },
    to,
  });
  const erased = addTestEvent(db, { subjectId, type: "subject.erased", occurredAt: erasedAt, to });
  sql
    .prepare("UPDATE deliveries SET state = 'delivered', last_response = ? WHERE subject_id = ?")
    .run(`{"ok":true,"echo":"${externalId}"}`, subjectId);
  const carried = message(`Please delete ${externalId} (${email})`);
  sql.prepare("UPDATE deliveries SET outbox_id = ? WHERE event_id = ? AND recipient_id = ?").run(carried, erased.eventId, mail.recipientId);
  const all = [...consent.deliveries, ...rectified.deliveries, ...erased.deliveries];
  return { externalId, email, consent, rectified, erased, all, carried };
}

describe("scrubSettledErasures", () => {
  it("keeps everything while a recipient has not confirmed the erasure, within 30 days", () => {
    const p = erasedPerson(5, T0);
    confirm(p.erased.deliveries[0].id);
    expect(scrubSettledErasures(db, T0 + SCRUB_AFTER_MS - 1)).toMatchObject({ people: 0, deliveries: 0 });
    for (const d of p.all) expect(deliveryRow(db, d.id)).toMatchObject({ scrubbedAt: null });
    expect(eventData(p.rectified.eventId)).toContain(p.email);
  });

  it("scrubs the person's identifiers, responses, rectified values and recipient messages once every recipient confirmed, leaving nothing in the file", () => {
    const p = erasedPerson(5, T0);
    const other = erasedPerson(6, T0); // erased too, not confirmed: untouched
    for (const d of p.erased.deliveries) confirm(d.id);
    const result = scrubSettledErasures(db, T0 + DAY_MS);
    expect(result).toEqual({ people: 1, deliveries: 6, events: 1, messages: 1, walEmptied: true });
    for (const d of p.all) expect(deliveryRow(db, d.id)).toMatchObject({ identifiers: null, lastResponse: null, scrubbedAt: T0 + DAY_MS });
    expect(eventData(p.rectified.eventId)).toBeNull();
    expect(sql.prepare("SELECT body FROM outbox WHERE id = ?").pluck().get(p.carried)).toBe(SCRUBBED_BODY);
    const raw = fileBytes();
    for (const text of [p.externalId, p.email]) expect(raw.includes(text)).toBe(false);
    for (const d of other.all) expect(deliveryRow(db, d.id).scrubbedAt).toBeNull();
    expect(raw.includes(other.email)).toBe(true);
    // Done once.
    expect(scrubSettledErasures(db, T0 + 2 * DAY_MS)).toMatchObject({ people: 0 });
  });

  it("scrubs an erasure nobody confirmed once 30 days have passed since it", () => {
    const p = erasedPerson(7, T0);
    expect(scrubSettledErasures(db, T0 + SCRUB_AFTER_MS - 1).people).toBe(0);
    expect(scrubSettledErasures(db, T0 + SCRUB_AFTER_MS)).toMatchObject({ people: 1, deliveries: 6 });
    for (const d of p.all) expect(deliveryRow(db, d.id).identifiers).toBeNull();
  });

  it("looks only at the person named, and withdraws an unsent message, sending back what it carried for others", () => {
    const p = erasedPerson(8, T0);
    const q = erasedPerson(9, T0);
    for (const d of [...p.erased.deliveries, ...q.erased.deliveries]) confirm(d.id);
    // A digest not sent yet that carries p's erasure and someone else's change.
    const digest = message(`Delete ${p.externalId}; and cust-other changed`, "pending");
    const { recipientId } = addTestRecipient(db, "Digest", { kind: "email", batching: "daily" });
    const bystander = addTestEvent(db, { subjectId: 10, occurredAt: T0, to: [{ recipientId, identifiers: { externalId: "cust-other" } }] })
      .deliveries[0];
    sql.prepare("UPDATE deliveries SET outbox_id = ? WHERE id IN (?, ?)").run(digest, p.consent.deliveries[1].id, bystander.id);

    expect(scrubSettledErasures(db, T0 + DAY_MS, { subjectId: 8 })).toMatchObject({ people: 1, messages: 2 });
    expect(deliveryRow(db, q.erased.deliveries[0].id).scrubbedAt).toBeNull();
    expect(sql.prepare("SELECT status, body FROM outbox WHERE id = ?").get(digest)).toEqual({ status: "failed", body: SCRUBBED_BODY });
    expect(deliveryRow(db, bystander.id)).toMatchObject({ outboxId: null, state: "queued", scrubbedAt: null });
    expect(deliveryRow(db, p.consent.deliveries[1].id).outboxId).toBe(digest);
    expect(sql.prepare("SELECT status, body FROM outbox WHERE id = ?").get(p.carried)).toEqual({ status: "sent", body: SCRUBBED_BODY });
  });

  it("removes the officer's note about the person with the identifiers, keeping who confirmed and when", () => {
    const p = erasedPerson(12, T0);
    const officer = insertTestOfficer(db, "officer.scrub@example.com");
    const note = `Phoned their DPO: ${p.email} deleted from the call list`;
    for (const d of p.erased.deliveries)
      sql
        .prepare(
          "UPDATE deliveries SET state = 'confirmed', confirmed_at = ?, confirmed_via = 'officer', confirmed_by_id = ?, confirm_note = ? WHERE id = ?",
        )
        .run(T0 + 1000, officer.id, note, d.id);
    expect(scrubSettledErasures(db, T0 + DAY_MS)).toMatchObject({ people: 1, walEmptied: true });
    const confirmations = p.erased.deliveries.map((d) =>
      sql
        .prepare(
          "SELECT confirmed_at AS at, confirmed_via AS via, confirmed_by_id AS byId, confirm_note AS note FROM deliveries WHERE id = ?",
        )
        .get(d.id),
    );
    expect(confirmations).toEqual(p.erased.deliveries.map(() => ({ at: T0 + 1000, via: "officer", byId: officer.id, note: null })));
    expect(fileBytes().includes(note)).toBe(false);
  });

  it("empties the WAL on a later scrub when a reader kept it from being emptied, though nothing more settled", () => {
    const p = erasedPerson(13, T0);
    for (const d of p.erased.deliveries) confirm(d.id);
    // A long read on another connection (a backup, a report) holds an older snapshot, so the WAL cannot be emptied yet.
    const reader = openDatabase(temp.file);
    reader.$client.exec("BEGIN");
    reader.$client.prepare("SELECT COUNT(*) FROM deliveries").get();
    sql.pragma("busy_timeout = 20");
    try {
      expect(scrubSettledErasures(db, T0 + DAY_MS)).toMatchObject({ people: 1, walEmptied: false });
      expect(fileBytes().includes(p.externalId)).toBe(true);
    } finally {
      reader.$client.exec("COMMIT");
      reader.$client.close();
      sql.pragma("busy_timeout = 5000");
    }
    expect(scrubSettledErasures(db, T0 + DAY_MS + 1)).toEqual({ people: 0, deliveries: 0, events: 0, messages: 0, walEmptied: true });
    for (const text of [p.externalId, p.email]) expect(fileBytes().includes(text)).toBe(false);
    // Nothing pending any more: a scrub with nothing to do reports no WAL work.
    expect(scrubSettledErasures(db, T0 + DAY_MS + 2)).toEqual({ people: 0, deliveries: 0, events: 0, messages: 0 });
  });
});
