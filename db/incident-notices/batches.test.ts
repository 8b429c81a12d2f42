import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../connection";
import { createTempDatabase } from "../testing/temp-db";
import { decideNoticeBatch, endPublicNotice, requestNoticeBatch, sendNoticeSlice } from "./batches";
import { listNoticeBatches, listPublicNotices } from "./reads";
import { audienceCounts } from "./audience";

const temp = createTempDatabase("incident-notices");
let db: Db;
const officer = { id: 0, email: "priya@northtrail.example" };
const second = { id: 0, email: "daniel@northtrail.example" };
const now = new Date("2026-03-04T02:00:00Z");

/** An incident with affected people: `kr` in Korea (every third without an email), `eu` in the EU. */
function incident(opts: { kr: number; eu: number; drill?: boolean; containment?: string | null }): number {
  const sql = db.$client;
  const id = sql
    .prepare(
      `INSERT INTO incidents (reference, title, certainty, drill, status, aware_at, natures, cause, data_categories, data_facts,
         containment, risk, risk_reason, created_by, created_at, updated_at)
       VALUES (?, 'Order system accessed', 'confirmed', ?, 'open', ?, '["confidentiality"]', 'external_attack', '["contact"]', '["payment_data"]',
         ?, 'high_risk', 'Card numbers', ?, ?, ?) RETURNING id`,
    )
    .pluck()
    .get(
      `INC-2026-${Math.random().toString().slice(2, 8)}`,
      opts.drill ? 1 : 0,
      now.getTime() - 3_600_000,
      opts.containment === undefined ? "We closed the access." : opts.containment,
      officer.id,
      now.getTime(),
      now.getTime(),
    ) as number;
  const selection = sql
    .prepare(
      `INSERT INTO incident_selections (incident_id, source, mode, counts, found, affected_after, duration_ms, created_by, created_at)
       VALUES (?, 'criteria', 'replace', '{}', 0, 0, 1, ?, ?) RETURNING id`,
    )
    .pluck()
    .get(id, officer.id, now.getTime()) as number;
  const person = sql.prepare("INSERT INTO subjects (uid, email, jurisdiction, locale, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id");
  const affected = sql.prepare(
    "INSERT INTO incident_affected (incident_id, subject_id, selection_id, jurisdiction, locale, has_email, has_phone) VALUES (?, ?, ?, ?, ?, ?, 0)",
  );
  const add = (j: string, locale: string, n: number) => {
    for (let i = 0; i < n; i++) {
      const uid = `${id}-${j}-${i}-${Math.random()}`;
      const email = j === "KR" && i % 3 === 2 ? null : `${uid}@example.com`;
      const sid = person.pluck().get(uid, email, j, locale, now.getTime()) as number;
      affected.run(id, sid, selection, j, locale, email ? 1 : 0);
    }
  };
  add("KR", "ko", opts.kr);
  add("EU", "en", opts.eu);
  return id;
}

const outboxOf = (incidentId: number) =>
  db.$client
    .prepare(
      `SELECT o.kind, o.locale, o.subject_line AS subjectLine, o.body FROM outbox o
       JOIN incident_notices n ON n.outbox_id = o.id JOIN incident_notice_batches b ON b.id = n.batch_id WHERE b.incident_id = ?`,
    )
    .all(incidentId) as { kind: string; locale: string; subjectLine: string; body: string }[];
const runAll = (batchId: number, slice = 500) => {
  let slices = 0;
  while (!sendNoticeSlice(db, batchId, now, slice)) slices++;
  return slices + 1;
};

beforeAll(() => {
  db = openDatabase(temp.file);
  const staff = db.$client.prepare(
    "INSERT INTO staff_users (email, name, role, password_hash, created_at) VALUES (?, ?, 'privacy_officer', 'x', 0) RETURNING id",
  );
  officer.id = staff.pluck().get(officer.email, "Priya") as number;
  second.id = staff.pluck().get(second.email, "Daniel") as number;
  db.$client
    .prepare(
      "INSERT INTO brand_settings (id, name, legal_name, address, contact_email, dpo_email, website_url, enabled_locales, allowed_origins, time_zone) VALUES (1, 'Northtrail', 'N Ltd', 'Seoul', 'c@x', 'dpo@northtrail.example', 'https://x', '[]', '[]', 'Asia/Seoul')",
    )
    .run();
});
afterAll(() => {
  db.$client.close();
  temp.cleanup();
});

describe("notice batches to an incident's people", () => {
  it("sends a batch of 100 at once, in each person's language, a record each, and a public notice for those without an email", () => {
    const id = incident({ kr: 60, eu: 40 });
    expect(audienceCounts(db, id)).toEqual([
      { jurisdiction: "EU", people: 40, withoutContact: 0, toTell: 40, toTellWithoutContact: 0 },
      { jurisdiction: "KR", people: 60, withoutContact: 20, toTell: 60, toTellWithoutContact: 20 },
    ]);
    const batch = requestNoticeBatch(db, { incidentId: id, jurisdictions: ["KR", "EU"] }, officer, now);
    expect(batch.status).toBe("sending");
    expect(runAll(batch.id, 30)).toBe(4);
    const mails = outboxOf(id);
    expect(mails).toHaveLength(80);
    expect(mails.every((m) => m.kind === "incident-notice")).toBe(true);
    expect(mails.filter((m) => m.locale === "ko")).toHaveLength(40);
    expect(mails.find((m) => m.locale === "ko")!.body).toContain("유출된 개인정보 항목: 연락처, 카드 또는 계좌 정보");
    expect(mails.find((m) => m.locale === "en")!.body).toContain("What you can do:");
    const [view] = listNoticeBatches(db, id);
    expect(view.status).toBe("sent");
    expect(view.progress).toMatchObject({ people: 100, done: 100, publicCount: 20 });
    expect(view.told).toEqual([
      { jurisdiction: "EU", channel: "email", people: 40 },
      { jurisdiction: "KR", channel: "email", people: 40 },
      { jurisdiction: "KR", channel: "public", people: 20 },
    ]);
    const shown = listPublicNotices(db, now).filter((n) => n.incidentId === id);
    expect(shown).toHaveLength(1);
    expect(shown[0].texts.ko!.body).toContain("유출 시점과 경위");
    const kinds = db.$client.prepare("SELECT kind FROM incident_events WHERE incident_id = ? ORDER BY id").pluck().all(id);
    expect(kinds).toEqual(["notice_batch_requested", "notice_batch_sent", "public_notice_published"]);
    const audited = db.$client.prepare("SELECT action FROM audit_log WHERE details LIKE ? ORDER BY id").pluck().all(`%"incidentId":${id}%`);
    expect(audited).toEqual(["incident.notice-request", "incident.notice-sent"]);
  });

  it("tells nobody twice: once everyone chosen is told a new batch is refused, and after the selection grows it reaches only the newcomers", () => {
    const id = incident({ kr: 0, eu: 30 });
    runAll(requestNoticeBatch(db, { incidentId: id, jurisdictions: ["EU"] }, officer, now).id);
    expect(audienceCounts(db, id)).toEqual([{ jurisdiction: "EU", people: 30, withoutContact: 0, toTell: 0, toTellWithoutContact: 0 }]);
    expect(() => requestNoticeBatch(db, { incidentId: id, jurisdictions: ["EU"] }, officer, now)).toThrow("all-told");

    const selection = db.$client.prepare("SELECT selection_id FROM incident_affected WHERE incident_id = ? LIMIT 1").pluck().get(id);
    for (let i = 0; i < 5; i++) {
      const sid = db.$client
        .prepare("INSERT INTO subjects (uid, email, jurisdiction, locale, created_at) VALUES (?, ?, 'EU', 'en', 0) RETURNING id")
        .pluck()
        .get(`late-${id}-${i}`, `late-${id}-${i}@example.com`);
      db.$client
        .prepare(
          "INSERT INTO incident_affected (incident_id, subject_id, selection_id, jurisdiction, locale, has_email, has_phone) VALUES (?, ?, ?, 'EU', 'en', 1, 0)",
        )
        .run(id, sid, selection);
    }
    const next = requestNoticeBatch(db, { incidentId: id, jurisdictions: ["EU"] }, officer, now);
    expect(next.people).toBe(5);
    runAll(next.id);
    const told = db.$client
      .prepare(
        `SELECT s.email FROM incident_notices n JOIN incident_notice_batches b ON b.id = n.batch_id JOIN subjects s ON s.id = n.subject_id
         WHERE b.incident_id = ? ORDER BY n.id`,
      )
      .pluck()
      .all(id) as string[];
    expect(told).toHaveLength(35);
    expect(new Set(told).size).toBe(35);
    expect(told.slice(30).every((e) => e.startsWith("late-"))).toBe(true);
  });

  it("holds a batch of 101 for a second officer; the one who asked cannot approve it", () => {
    const id = incident({ kr: 101, eu: 0 });
    const batch = requestNoticeBatch(db, { incidentId: id, jurisdictions: ["KR"] }, officer, now);
    expect(batch.status).toBe("awaiting_approval");
    expect(sendNoticeSlice(db, batch.id, now)).toBe(true);
    expect(outboxOf(id)).toHaveLength(0);
    expect(() => decideNoticeBatch(db, batch.id, "approve", officer, now)).toThrow("own-batch");
    expect(() => requestNoticeBatch(db, { incidentId: id, jurisdictions: ["KR"] }, second, now)).toThrow("batch-open");
    expect(decideNoticeBatch(db, batch.id, "approve", second, now)).toMatchObject({ status: "sending", decidedById: second.id });
    expect(() => decideNoticeBatch(db, batch.id, "approve", second, now)).toThrow("wrong-status");
    runAll(batch.id);
    expect(outboxOf(id)).toHaveLength(68);
  });

  it("runs a drill's every step and lets nothing leave: no outbox row, no public notice", () => {
    const id = incident({ kr: 150, eu: 10, drill: true });
    const batch = requestNoticeBatch(db, { incidentId: id, jurisdictions: ["KR", "EU"] }, officer, now);
    expect(batch).toMatchObject({ status: "awaiting_approval", drill: true });
    decideNoticeBatch(db, batch.id, "approve", second, now);
    runAll(batch.id, 40);
    expect(outboxOf(id)).toHaveLength(0);
    expect(db.$client.prepare("SELECT COUNT(*) FROM incident_notices WHERE batch_id = ? AND outbox_id IS NULL").pluck().get(batch.id)).toBe(
      160,
    );
    expect(listPublicNotices(db, now).filter((n) => n.incidentId === id)).toEqual([]);
    expect(db.$client.prepare("SELECT COUNT(*) FROM incident_public_notices WHERE incident_id = ?").pluck().get(id)).toBe(0);
    expect(listNoticeBatches(db, id)[0]).toMatchObject({ status: "sent", done: 160 });
  });

  it("refuses a notice that says nothing of the brand's measures, a choice with nobody in it, and a declined batch sends nothing", () => {
    const bare = incident({ kr: 2, eu: 0, containment: null });
    expect(() => requestNoticeBatch(db, { incidentId: bare, jurisdictions: ["KR"] }, officer, now)).toThrow("measures-missing");
    const id = incident({ kr: 200, eu: 0 });
    expect(() => requestNoticeBatch(db, { incidentId: id, jurisdictions: ["JP"] }, officer, now)).toThrow("nobody");
    const batch = requestNoticeBatch(db, { incidentId: id, jurisdictions: ["KR"] }, officer, now);
    expect(decideNoticeBatch(db, batch.id, "decline", second, now).status).toBe("declined");
    expect(sendNoticeSlice(db, batch.id, now)).toBe(true);
    expect(outboxOf(id)).toHaveLength(0);
  });

  it("keeps a public notice up for 30 days before it can be taken down", () => {
    const id = incident({ kr: 3, eu: 0 });
    runAll(requestNoticeBatch(db, { incidentId: id, jurisdictions: ["KR"] }, officer, now).id);
    const notice = listPublicNotices(db, now).find((n) => n.incidentId === id)!;
    expect(() => endPublicNotice(db, notice.id, officer, new Date(now.getTime() + 29 * 86_400_000))).toThrow("too-soon");
    const later = new Date(now.getTime() + 30 * 86_400_000);
    expect(endPublicNotice(db, notice.id, officer, later).shownUntil).toEqual(later);
    expect(listPublicNotices(db, later).find((n) => n.incidentId === id)?.shownUntil).toEqual(later);
  });
});
