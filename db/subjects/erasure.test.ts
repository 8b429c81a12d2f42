import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ERASED_ADDRESS } from "@/lib/outbox/send-error";
import { identifierHash } from "@/lib/subjects/identifiers";
import { openDatabase, type Db } from "../connection";
import { erasureRecipient, queueErasureConfirmation } from "../requests/erasure-confirmation";
import { ConsentLedger } from "../consent/ledger/record";
import { dispatchOutbox } from "../requests/outbox-dispatch";
import { eraseSubject } from "./erasure";
import { loadTestCatalog } from "../testing/catalog";
import { createTempDatabase } from "../testing/temp-db";

const temp = createTempDatabase("erasure");
let db: Db;
const email = "erase.me.please@example.org";
const externalId = "CUST-ERASE-4242";
// A name whose CJK part shares no trigram with anyone else's: its bytes in the file could only be this person's.
const name = "Quillon Zaphyrette 鑫龘鱻驫";
let uid = "";
/** The trigrams the staff search index (subject_search, migration 0016) holds, over every person left. */
const searchTerms = () => {
  db.$client.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_terms USING fts5vocab(main, subject_search, row)");
  return (db.$client.prepare("SELECT term FROM temp.search_terms").all() as { term: string }[]).map((r) => r.term);
};
const trigramsOf = (text: string) => {
  const chars = [...text.toLowerCase()];
  return chars.slice(0, -2).map((_, i) => chars.slice(i, i + 3).join(""));
};
const searchFinds = (part: string) =>
  (db.$client.prepare("SELECT rowid FROM subject_search WHERE subject_search MATCH ?").all(`"${part}"`) as { rowid: number }[]).length;

beforeAll(() => {
  db = openDatabase(temp.file);
  loadTestCatalog(db);
  const ledger = new ConsentLedger(db);
  const events = Array.from({ length: 40 }, (_, i) => ({
    subject: { externalId, email, jurisdiction: "EU" as const },
    purpose: i % 2 ? "newsletter" : "ad_sharing",
    event: (i % 3 ? "granted" : "withdrawn") as "granted" | "withdrawn",
    source: "api" as const,
    occurredAt: new Date(Date.now() - (40 - i) * 3_600_000).toISOString(),
  }));
  const { results } = ledger.record(events, { gpc: false });
  uid = results[0].status === "stored" ? results[0].subjectId : "";
  ledger.record([{ subject: { externalId: "CUST-KEEP", jurisdiction: "EU" }, purpose: "newsletter", event: "granted", source: "api" }], {
    gpc: false,
  });
  const sid = (db.$client.prepare("SELECT id FROM subjects WHERE uid = ?").get(uid) as { id: number }).id;
  db.$client.prepare("UPDATE subjects SET name = ? WHERE id = ?").run(name, sid);
  db.$client
    .prepare(
      "INSERT INTO outbox (subject_id, to_address, kind, locale, subject_line, body, status, created_at) VALUES (?, ?, 'x', 'en', 'Hi', ?, 'sent', 0)",
    )
    .run(sid, email, `Dear ${email}`);
  db.$client
    .prepare(
      "INSERT INTO subject_requests (ref, subject_id, type, status, jurisdiction, intake, details, received_at, due_at, created_at) VALUES ('REQ-1', ?, 'deletion', 'in_progress', 'EU', 'api', ?, 0, 0, 0)",
    )
    .run(sid, `Please delete ${email}`);
});
afterAll(() => {
  db.$client.close();
  temp.cleanup();
});

const tables = () =>
  (db.$client.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
const rowsOf = (table: string) => db.$client.prepare(`SELECT * FROM "${table}"`).all();

describe("eraseSubject", () => {
  it("leaves the subject's identifiers nowhere in the store but the hashed tombstones and the confirmation still to send", () => {
    const sid = (db.$client.prepare("SELECT id FROM subjects WHERE uid = ?").get(uid) as { id: number }).id;
    const request = db.$client
      .prepare("SELECT id, ref, details, received_at AS receivedAt FROM subject_requests WHERE ref = 'REQ-1'")
      .get() as { id: number; ref: string; details: string; receivedAt: number };
    // As completing the request does: the address is read first, the confirmation queued after the erasure.
    const recipient = erasureRecipient(db, sid, request.details);
    // The search index holds the person before: by part of the email, of the name, of the external id.
    for (const part of ["me.please", "zaphyr", "龘鱻驫", "erase-42"]) expect(searchFinds(part), part).toBe(1);
    expect(searchTerms()).toEqual(expect.arrayContaining(trigramsOf(name)));
    const result = eraseSubject(db, sid, "REQ-1");
    for (const part of ["me.please", "zaphyr", "龘鱻驫", "erase-42"]) expect(searchFinds(part), part).toBe(0);
    // Only the person kept (CUST-KEEP, no email or name) has terms left.
    expect(searchTerms().sort()).toEqual([...new Set(trigramsOf("CUST-KEEP"))].sort());
    expect(result.tombstones).toBe(2);
    expect(result.removed.consentEvents).toBe(40);
    queueErasureConfirmation(db, { ...request, receivedAt: new Date(request.receivedAt) }, recipient!, {
      name: "Northtrail",
      contact: "privacy@northtrail.example",
      timeZone: "UTC",
    });

    for (const table of tables()) {
      const text = JSON.stringify(table === "outbox" ? rowsOf(table).map((m) => ({ ...(m as object), to_address: null })) : rowsOf(table));
      for (const needle of [email, externalId, uid]) expect(text.includes(needle), `${needle} in ${table}`).toBe(false);
    }
    expect(db.$client.prepare("SELECT kind, scrub_address AS scrub, subject_id AS s FROM outbox WHERE to_address = ?").all(email)).toEqual([
      { kind: "request-erased", scrub: 1, s: null },
    ]);
    const tombs = db.$client.prepare("SELECT identifier_hash AS h, request_ref AS ref FROM suppression_tombstones ORDER BY h").all();
    expect(tombs).toEqual(
      [identifierHash("email", email), identifierHash("external_id", externalId)].sort().map((h) => ({ h, ref: "REQ-1" })),
    );
    // The request record stays, unlinked.
    expect(db.$client.prepare("SELECT subject_id AS s, details FROM subject_requests WHERE ref = 'REQ-1'").get()).toEqual({
      s: null,
      details: null,
    });
  });

  // The person's data reached no recipient (the test catalog links none to its purposes), so no delivery
  // keeps their identifiers until a recipient confirms (issue 14, deliverable 3; db/propagation/record.test.ts).
  it("once the confirmation is sent, leaves nothing in the store and nothing recoverable in the database file itself", async () => {
    expect(await dispatchOutbox(db, async () => {})).toMatchObject({ sent: 1 });
    expect(db.$client.prepare("SELECT to_address AS t, status FROM outbox WHERE kind = 'request-erased'").all()).toEqual([
      { t: ERASED_ADDRESS, status: "sent" },
    ]);
    for (const table of tables())
      for (const needle of [email, externalId, uid, name])
        expect(JSON.stringify(rowsOf(table)).includes(needle), `${needle} in ${table}`).toBe(false);
    const bytes = Buffer.concat([
      fs.readFileSync(temp.file),
      fs.existsSync(`${temp.file}-wal`) ? fs.readFileSync(`${temp.file}-wal`) : Buffer.alloc(0),
    ]);
    // With the search index present: secure-delete removed the person's terms from its pages. The rare CJK
    // trigrams are stored whole or behind a one-byte shared prefix, so their last two characters would remain.
    expect(tables()).toContain("subject_search");
    for (const needle of [email, externalId, uid, name, "Zaphyrette", "龘鱻", "鱻驫"])
      expect(bytes.includes(Buffer.from(needle)), needle).toBe(false);
  });

  it("keeps state totals equal to the state that remains", () => {
    const totals = db.$client
      .prepare("SELECT purpose_id AS p, jurisdiction AS j, state, count FROM consent_state_totals WHERE count <> 0 ORDER BY 1,2,3")
      .all();
    const direct = db.$client
      .prepare(
        "SELECT cs.purpose_id AS p, s.jurisdiction AS j, cs.state, count(*) AS count FROM consent_state cs JOIN subjects s ON s.id = cs.subject_id GROUP BY 1,2,3 ORDER BY 1,2,3",
      )
      .all();
    expect(totals).toEqual(direct);
  });

  it("refuses any later event for an erased identifier", () => {
    const r = new ConsentLedger(db).record(
      [{ subject: { email, jurisdiction: "EU" }, purpose: "newsletter", event: "granted", source: "api" }],
      { gpc: false },
    );
    expect(r.results[0]).toMatchObject({ status: "rejected", code: "subject-erased" });
  });
});
