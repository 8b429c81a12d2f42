import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ERASED_ADDRESS } from "@/lib/outbox/send-error";
import { createTempDatabase } from "../testing/temp-db";
import { sealedLinkMarker } from "@/lib/outbox/sealed-links";
import { DAY_MS } from "@/lib/time";

// The query layer opens the store named by DATABASE_PATH when first imported.
const temp = createTempDatabase("request-erasure");
process.env.DATABASE_PATH = temp.file;

let ff: typeof import("./fulfilment");
let client: typeof import("../client");
let dispatch: typeof import("./outbox-dispatch");
const officer = { id: 0, email: "officer@example.com" };
// The server seals a link with its key (lib/server/sealed-link.ts); here a reversible stand-in marks it the same way.
const links = { baseUrl: "http://candor.test", seal: (link: string) => sealedLinkMarker(Buffer.from(link).toString("base64url")) };
const q = <T>(s: string, ...a: unknown[]) => client.db.$client.prepare(s).get(...a) as T;
const all = <T>(s: string, ...a: unknown[]) => client.db.$client.prepare(s).all(...a) as T[];

beforeAll(async () => {
  client = await import("../client");
  ff = await import("./fulfilment");
  dispatch = await import("./outbox-dispatch");
  const sql = client.db.$client;
  sql
    .prepare(
      "INSERT INTO brand_settings (id, name, legal_name, address, contact_email, dpo_email, website_url, enabled_locales, allowed_origins, time_zone) VALUES (1, 'Northtrail', 'N Ltd', 'Seoul', 'hello@northtrail.example', 'privacy@northtrail.example', 'https://x', '[]', '[]', 'Asia/Seoul')",
    )
    .run();
  officer.id = (
    sql
      .prepare(
        "INSERT INTO staff_users (email, name, role, password_hash, created_at) VALUES (?, 'Olga Officer', 'privacy_officer', 'x', 0) RETURNING id",
      )
      .get(officer.email) as { id: number }
  ).id;
});
afterAll(() => {
  client.db.$client.close();
  temp.cleanup();
});

let seq = 0;
/** A subject and their verified deletion request, received 2026-03-01 10:00 Seoul time. */
function verifiedDeletion(subject: { email: string | null; externalId: string; locale: string; jurisdiction: string }) {
  const sql = client.db.$client;
  const sid = (
    sql
      .prepare("INSERT INTO subjects (uid, external_id, email, jurisdiction, locale, created_at) VALUES (?, ?, ?, ?, ?, 0) RETURNING id")
      .get(`uid-${subject.externalId}`, subject.externalId, subject.email, subject.jurisdiction, subject.locale) as { id: number }
  ).id;
  const ref = `REQ-2026-${String(++seq).padStart(5, "0")}`;
  const received = Date.parse("2026-03-01T01:00:00Z");
  const id = (
    sql
      .prepare(
        `INSERT INTO subject_requests (ref, subject_id, type, status, jurisdiction, intake, verification, details, received_at, due_at, verified_at, created_at)
       VALUES (?, ?, 'deletion', 'in_progress', ?, 'api', 'code', 'Please delete everything', ?, ?, ?, ?) RETURNING id`,
      )
      .get(ref, sid, subject.jurisdiction, received, Date.now() + DAY_MS, received, received) as { id: number }
  ).id;
  return { id, ref };
}

type Message = {
  id: number;
  subjectId: number | null;
  requestId: number;
  toAddress: string;
  kind: string;
  locale: string;
  subjectLine: string;
  body: string;
  status: string;
  scrubAddress: number;
};
const messagesOf = (requestId: number) =>
  all<Message>(
    "SELECT id, subject_id AS subjectId, request_id AS requestId, to_address AS toAddress, kind, locale, subject_line AS subjectLine, body, status, scrub_address AS scrubAddress FROM outbox WHERE request_id = ?",
    requestId,
  );
const tablesHolding = (needle: string) =>
  all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .map((t) => t.name)
    .filter((t) =>
      JSON.stringify(all(`SELECT * FROM "${t}"`))
        .toLowerCase()
        .includes(needle.toLowerCase()),
    );

describe("completing an erasure", () => {
  it("queues the confirmation in the person's language, to the address read before the erasure, marked to be scrubbed", () => {
    const email = "minji.kim@example.kr";
    const r = verifiedDeletion({ email, externalId: "KR-CUST-7731", locale: "ko", jurisdiction: "KR" });
    // A message still waiting for the person is deleted with their data; the confirmation comes after.
    client.db.$client
      .prepare(
        "INSERT INTO outbox (to_address, kind, locale, subject_line, body, status, created_at) VALUES (?, 'preferences-code', 'ko', 's', 'b', 'pending', 0)",
      )
      .run(email);
    expect(ff.completeRequest(r.id, officer, links).effect).toBe("erase");

    const [m, ...rest] = messagesOf(r.id);
    expect(rest).toEqual([]);
    expect(m).toMatchObject({
      subjectId: null,
      requestId: r.id,
      toAddress: email,
      kind: "request-erased",
      locale: "ko",
      status: "pending",
      scrubAddress: 1,
    });
    expect(m.subjectLine).toBe(`개인정보 파기 완료 안내 (${r.ref})`);
    // The record kept (reference, date received in the brand's zone), for how long and why, and whom to ask.
    for (const part of [r.ref, "2026-03-01", "24개월", "요청을 이행했음을 증명", "해시", "privacy@northtrail.example"])
      expect(m.body).toContain(part);
    expect(m.body).not.toContain(email);
    expect(m.body).not.toContain("KR-CUST-7731");

    // The address is now held by that one message only.
    expect(tablesHolding(email)).toEqual(["outbox"]);
    expect(all("SELECT id FROM outbox WHERE to_address = ?", email)).toEqual([{ id: m.id }]);
    expect(tablesHolding("KR-CUST-7731")).toEqual([]);

    // The timeline says it was queued, with no address in the note or the audit entry.
    const note = q<{ note: string }>("SELECT note FROM request_events WHERE request_id = ? AND kind = 'message'", r.id).note;
    expect(note).toBe("erasure confirmation queued; the address is erased once it is sent");
    const audit = all<{ action: string; details: string }>("SELECT action, details FROM audit_log WHERE target_id = ? ORDER BY id", r.ref);
    expect(audit.map((a) => a.action)).toEqual(["request.status", "request.message"]);
    expect(JSON.parse(audit[1].details)).toEqual({ kind: "request-erased" });
    expect(q<{ status: string }>("SELECT status FROM subject_requests WHERE id = ?", r.id).status).toBe("completed");
  });

  it("writes to a Japanese subject in Japanese, and once it is sent the address is nowhere in the store", async () => {
    const email = "haruto.sato@example.jp";
    const r = verifiedDeletion({ email, externalId: "JP-CUST-0042", locale: "ja", jurisdiction: "JP" });
    ff.completeRequest(r.id, officer, links);
    const [m] = messagesOf(r.id);
    expect(m).toMatchObject({ locale: "ja", subjectLine: `個人情報の消去完了のお知らせ（${r.ref}）`, scrubAddress: 1 });
    expect(m.body).toContain("24か月間");

    const sentTo: string[] = [];
    await dispatch.dispatchOutbox(client.db, async (msg) => void sentTo.push(msg.toAddress));
    expect(sentTo).toContain(email);
    expect(messagesOf(r.id)[0]).toMatchObject({ status: "sent", toAddress: ERASED_ADDRESS });
    expect(tablesHolding(email)).toEqual([]);
  });

  it("notes on the timeline that nobody could be told when the person left no address", () => {
    const r = verifiedDeletion({ email: null, externalId: "KR-CUST-NOMAIL", locale: "ko", jurisdiction: "KR" });
    ff.completeRequest(r.id, officer, links);
    expect(messagesOf(r.id)).toEqual([]);
    expect(q<{ note: string }>("SELECT note FROM request_events WHERE request_id = ? AND kind = 'note'", r.id).note).toBe(
      "no address on file: the person could not be sent an erasure confirmation",
    );
  });
});
