import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "../testing/temp-db";
import { bulkActionSchema, type BulkInput } from "@/lib/requests/bulk";
import { noteText } from "@/lib/requests/system-notes";

// The query layer opens the store named by DATABASE_PATH when first imported.
const temp = createTempDatabase("bulk");
process.env.DATABASE_PATH = temp.file;

let bulk: typeof import("./bulk");
let intake: typeof import("./intake");
let client: typeof import("../client");
const officer = { id: 0, email: "officer@example.com" };
let colleague = 0;
let marketer = 0;
const q = <T>(s: string, ...a: unknown[]) => client.db.$client.prepare(s).get(...a) as T;
const all = <T>(s: string, ...a: unknown[]) => client.db.$client.prepare(s).all(...a) as T[];
const staff = (email: string, name: string, role: string) =>
  (
    client.db.$client
      .prepare("INSERT INTO staff_users (email, name, role, password_hash, created_at) VALUES (?, ?, ?, 'x', 0) RETURNING id")
      .get(email, name, role) as { id: number }
  ).id;

beforeAll(async () => {
  client = await import("../client");
  bulk = await import("./bulk");
  intake = await import("./intake");
  client.db.$client
    .prepare(
      "INSERT INTO brand_settings (id, name, legal_name, address, contact_email, dpo_email, website_url, enabled_locales, allowed_origins, time_zone) VALUES (1, 'Northtrail', 'N Ltd', 'Dublin', 'c@x', 'd@x', 'https://x', '[]', '[]', 'Europe/Dublin')",
    )
    .run();
  officer.id = staff(officer.email, "Olga Officer", "privacy_officer");
  colleague = staff("pia@example.com", "Pia Park", "privacy_officer");
  marketer = staff("mark@example.com", "Mark Eting", "marketing");
  // A known person, so intake can see their second request as a possible duplicate of the first.
  const { loadTestCatalog } = await import("../testing/catalog");
  const { ConsentLedger } = await import("../consent/ledger/record");
  loadTestCatalog(client.db);
  new ConsentLedger(client.db).record(
    [{ subject: { email: "known@example.com", jurisdiction: "EU", locale: "en" }, purpose: "newsletter", event: "granted", source: "api" }],
    { gpc: false },
  );
});
afterAll(() => temp.cleanup());

let n = 0;
/** A fresh open request for a new person (received yesterday, so none is past due). */
const newRequest = (jurisdiction = "EU", email = `p${++n}@example.com`, type: "access" | "deletion" = "access") =>
  intake.createRequest({ type, jurisdiction, intake: "letter", email }, officer, { receivedAt: new Date(Date.now() - 86_400_000) }).request;
const run = (input: Record<string, unknown>) =>
  bulk.applyBulkAction(bulkActionSchema.parse({ confirm: "yes", ...input }) as BulkInput, officer);
const events = (id: number) =>
  all<{ kind: string; note: string | null; toStatus: string | null }>(
    "SELECT kind, note, to_status AS toStatus FROM request_events WHERE request_id = ? ORDER BY id",
    id,
  );
const audits = (ref: string) =>
  all<{ action: string; details: string }>("SELECT action, details FROM audit_log WHERE target_id = ? ORDER BY id", ref);
const outbox = (id: number, kind: string) =>
  q<{ n: number }>("SELECT count(*) AS n FROM outbox WHERE request_id = ? AND kind = ?", id, kind).n;

describe("bulk assignment and notes", () => {
  it("assigns three requests, each timeline and audit trail naming the bulk of three", () => {
    const rs = [newRequest(), newRequest(), newRequest()];
    const result = run({ action: "assign", ids: rs.map((r) => String(r.id)), assigneeId: String(colleague) });
    expect(result.done.map((d) => d.ref).sort()).toEqual(rs.map((r) => r.ref).sort());
    expect(result.refused).toEqual([]);
    const bulkIds = new Set<string>();
    for (const r of rs) {
      expect(q<{ a: number }>("SELECT assignee_id AS a FROM subject_requests WHERE id = ?", r.id).a).toBe(colleague);
      const last = events(r.id).at(-1)!;
      expect(last.kind).toBe("assignment");
      expect(noteText(last.note!, "en")).toBe("Assigned to Pia Park in a bulk action on 3 requests.");
      expect(noteText(last.note!, "ko")).toBe("요청 3건 일괄 처리에서 Pia Park에게 배정했습니다.");
      const audit = audits(r.ref).at(-1)!;
      expect(audit.action).toBe("request.bulk.assign");
      const details = JSON.parse(audit.details);
      expect(details).toMatchObject({ of: 3, assigneeId: colleague });
      bulkIds.add(details.bulk);
    }
    expect(bulkIds.size).toBe(1);
  });

  it("unassigns, and refuses the whole bulk for an assignee who is not an active privacy officer, writing nothing", () => {
    const rs = [newRequest(), newRequest()];
    run({ action: "assign", ids: rs.map((r) => r.id), assigneeId: colleague });
    const before = events(rs[0].id).length;
    expect(() => run({ action: "assign", ids: rs.map((r) => r.id), assigneeId: marketer })).toThrow(/assignee-invalid/);
    expect(events(rs[0].id).length).toBe(before);
    expect(q<{ a: number }>("SELECT assignee_id AS a FROM subject_requests WHERE id = ?", rs[0].id).a).toBe(colleague);
    run({ action: "assign", ids: rs.map((r) => r.id), assigneeId: "none" });
    expect(q<{ a: number | null }>("SELECT assignee_id AS a FROM subject_requests WHERE id = ?", rs[1].id).a).toBeNull();
    expect(noteText(events(rs[1].id).at(-1)!.note!, "ja")).toBe("2件の一括操作で担当者の割り当てを外しました。");
  });

  it("adds the same note to each request, marked as one of a bulk, even over several lines", () => {
    const rs = [newRequest(), newRequest()];
    run({ action: "note", ids: rs.map((r) => r.id), note: "Called the branch.\nThey will post the form." });
    for (const r of rs)
      expect(noteText(events(r.id).at(-1)!.note!, "en")).toBe(
        "Called the branch.\nThey will post the form. (a note added to 2 requests at once)",
      );
  });

  it("refuses a selection naming a request that does not exist, before writing anything", () => {
    const r = newRequest();
    const before = events(r.id).length;
    expect(() => run({ action: "note", ids: [r.id, 999_999], note: "Checked" })).toThrow(/not found/);
    expect(events(r.id).length).toBe(before);
  });
});

describe("bulk extension", () => {
  it("extends each request its law allows and refuses, with the reason, one whose law has no extension", () => {
    const eu = newRequest("EU");
    const ca = newRequest("US-CA");
    const kr = newRequest("KR");
    const krDue = q<{ d: number }>("SELECT due_at AS d FROM subject_requests WHERE id = ?", kr.id).d;
    const result = run({ action: "extend", ids: [eu.id, ca.id, kr.id], reason: "Records are held by a processor abroad" });
    expect(result.done.map((d) => d.ref).sort()).toEqual([eu.ref, ca.ref].sort());
    expect(result.refused).toEqual([{ id: kr.id, ref: kr.ref, reason: "no-extension" }]);
    for (const r of [eu, ca]) {
      expect(q<{ x: number | null }>("SELECT extended_at AS x FROM subject_requests WHERE id = ?", r.id).x).not.toBeNull();
      expect(outbox(r.id, "request-extended")).toBe(1);
      const [extension, mark] = events(r.id).slice(-2);
      expect(extension).toMatchObject({ kind: "extension", note: "Records are held by a processor abroad" });
      expect(noteText(mark.note!, "en")).toBe("Extended in a bulk action on 3 requests.");
    }
    // The refused one is untouched: same due date, no event, no message, no audit entry of the bulk.
    expect(q<{ d: number; x: number | null }>("SELECT due_at AS d, extended_at AS x FROM subject_requests WHERE id = ?", kr.id)).toEqual({
      d: krDue,
      x: null,
    });
    expect(events(kr.id).some((e) => e.kind === "extension" || e.note?.includes("bulk"))).toBe(false);
    expect(outbox(kr.id, "request-extended")).toBe(0);
    expect(audits(kr.ref).some((a) => a.action.startsWith("request.bulk") || a.action === "request.extend")).toBe(false);
  });

  it("refuses a second extension as already used", () => {
    const r = newRequest("EU");
    run({ action: "extend", ids: [r.id], reason: "Complex request" });
    expect(run({ action: "extend", ids: [r.id], reason: "Again" }).refused).toEqual([{ id: r.id, ref: r.ref, reason: "already-extended" }]);
  });

  it("writes nothing at all when a request fails unexpectedly part way: no request is half-written", () => {
    const a = newRequest("EU");
    const b = newRequest("EU");
    const sql = client.db.$client;
    // The bulk's timeline note for b cannot be written, after b's extension and message were.
    sql.exec(
      `CREATE TEMP TRIGGER fail_bulk_note BEFORE INSERT ON request_events WHEN NEW.request_id = ${b.id} AND NEW.note LIKE 'Extended in a bulk%' BEGIN SELECT RAISE(ABORT, 'disk full'); END`,
    );
    try {
      expect(() => run({ action: "extend", ids: [a.id, b.id], reason: "Complex request" })).toThrow(/disk full/);
    } finally {
      sql.exec("DROP TRIGGER fail_bulk_note");
    }
    for (const r of [a, b]) {
      expect(q<{ x: number | null }>("SELECT extended_at AS x FROM subject_requests WHERE id = ?", r.id).x).toBeNull();
      expect(outbox(r.id, "request-extended")).toBe(0);
      expect(events(r.id).some((e) => e.kind === "extension")).toBe(false);
      expect(audits(r.ref).some((e) => e.action === "request.extend")).toBe(false);
    }
  });
});

describe("bulk rejection of duplicates", () => {
  it("rejects each duplicate with the reason, tells the person, names the request it repeats, and refuses a closed one", () => {
    const email = "known@example.com";
    const original = newRequest("EU", email, "deletion");
    const repeat = newRequest("EU", email, "deletion");
    const other = newRequest("EU");
    const closed = newRequest("EU");
    run({ action: "reject-duplicates", ids: [closed.id], reason: "Sent twice" });
    const result = run({ action: "reject-duplicates", ids: [repeat.id, other.id, closed.id], reason: "Sent twice by the same person" });
    expect(result.done.map((d) => d.ref).sort()).toEqual([repeat.ref, other.ref].sort());
    expect(result.refused).toEqual([{ id: closed.id, ref: closed.ref, reason: "wrong-status" }]);
    expect(q<{ s: string; r: string }>("SELECT status AS s, rejection_reason AS r FROM subject_requests WHERE id = ?", repeat.id)).toEqual({
      s: "rejected",
      r: "Sent twice by the same person",
    });
    expect(q<{ body: string }>("SELECT body FROM outbox WHERE request_id = ? AND kind = 'request-rejected'", repeat.id).body).toMatch(
      /Sent twice by the same person[\s\S]*complain/,
    );
    expect(noteText(events(repeat.id).at(-1)!.note!, "en")).toBe(
      `Rejected as a duplicate of ${original.ref} in a bulk action on 3 requests.`,
    );
    expect(noteText(events(other.id).at(-1)!.note!, "ko")).toBe("요청 3건 일괄 처리에서 중복으로 거절했습니다.");
    expect(JSON.parse(audits(repeat.ref).at(-1)!.details)).toMatchObject({ of: 3, duplicateOf: original.ref });
    expect(q<{ s: string }>("SELECT status AS s FROM subject_requests WHERE id = ?", original.id).s).toBe("received");
  });
});

describe("bulk input", () => {
  it("takes 1 to 200 distinct ids and requires the confirmation and a reason", () => {
    const parse = (v: Record<string, unknown>) =>
      bulkActionSchema.safeParse({ confirm: "yes", action: "extend", reason: "Busy period", ...v });
    expect(parse({ ids: ["3", "3", "4"] }).data?.ids).toEqual([3, 4]);
    expect(parse({ ids: "7" }).data?.ids).toEqual([7]);
    expect(parse({ ids: [] }).error?.issues[0].message).toBe("none-selected");
    expect(parse({ ids: Array.from({ length: 201 }, (_, i) => i + 1) }).error?.issues[0].message).toBe("too-many");
    expect(parse({ ids: ["1"], reason: " a " }).error?.issues[0].message).toBe("required");
    expect(parse({ ids: ["1"], confirm: undefined }).error?.issues[0].message).toBe("confirm-required");
    expect(parse({ ids: ["x"] }).success).toBe(false);
    expect(bulkActionSchema.safeParse({ action: "delete", ids: ["1"], confirm: "yes" }).success).toBe(false);
  });
});
