import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "../testing/temp-db";
import { openDatabase, type Db } from "../connection";
import { DAY_MS } from "@/lib/time";
import { runStaffNotifications, tellNewRequest, tellReviewSubmitted } from "./run";
import { appendAuditEntry } from "../staff/audit-chain";
import { saveStaffProfile } from "./choices";
import { listenersOf } from "./record";
import { UNTOLD_CLOCKS_SQL, clocks, untoldClocks, untoldClocksArgs } from "./clocks";

const temp = createTempDatabase("staff-notifications");
let db: Db;
const staff: Record<string, number> = {};
// 2026-06-15 09:00 in Seoul: past the digest hour.
const now = new Date(Date.UTC(2026, 5, 15, 0));
const baseUrl = "https://candor.example";

const messages = (to: string, kind?: string) =>
  db.$client
    .prepare(
      `SELECT kind, subject_line AS subjectLine, body, locale FROM outbox WHERE to_address = ? ${kind ? "AND kind = ?" : ""} ORDER BY id`,
    )
    .all(...(kind ? [to, kind] : [to])) as { kind: string; subjectLine: string; body: string; locale: string }[];

function addRequest(ref: string, dueInDays: number, assigneeId: number | null = null): number {
  return (
    db.$client
      .prepare(
        `INSERT INTO subject_requests (ref, type, status, jurisdiction, intake, received_at, due_at, assignee_id, created_at)
         VALUES (?, 'deletion', 'in_progress', 'KR', 'email', 0, ?, ?, 0) RETURNING id`,
      )
      .get(ref, now.getTime() + dueInDays * DAY_MS, assigneeId) as { id: number }
  ).id;
}

beforeAll(() => {
  db = openDatabase(temp.file);
  db.$client
    .prepare(
      `INSERT INTO brand_settings (id, name, legal_name, address, contact_email, dpo_email, website_url, time_zone, enabled_locales, allowed_origins)
       VALUES (1, 'Northtrail', 'Northtrail Ltd', 'Seoul', 'hi@northtrail.example', 'dpo@northtrail.example', 'https://northtrail.example', 'Asia/Seoul', '["en","ko","ja"]', '[]')`,
    )
    .run();
  const add = db.$client.prepare(
    "INSERT INTO staff_users (email, name, role, password_hash, locale, created_at) VALUES (?, ?, ?, 'x', ?, 0) RETURNING id",
  );
  staff.olga = (add.get("olga@example.com", "Olga", "privacy_officer", "ko") as { id: number }).id;
  staff.pat = (add.get("pat@example.com", "Pat", "privacy_officer", "en") as { id: number }).id;
  staff.mark = (add.get("mark@example.com", "Mark", "marketing", "en") as { id: number }).id;
  // The first run starts the scans at the newest rows: nothing before it is news.
  runStaffNotifications(db, now, { baseUrl });
});

afterAll(() => {
  db.$client.close();
  temp.cleanup();
});

describe("a request due within 3 days", () => {
  it("produces one digest email to the officer who asked for it and none to one who did not, however often the job runs", () => {
    saveStaffProfile(db, staff.olga, { locale: "ko", choices: { "due-soon": "digest" } }, now);
    saveStaffProfile(db, staff.pat, { locale: "en", choices: { overdue: "digest" } }, now);
    addRequest("REQ-2026-00101", 2);
    const first = runStaffNotifications(db, now, { baseUrl });
    const second = runStaffNotifications(db, new Date(now.getTime() + 60_000), { baseUrl });
    const forced = runStaffNotifications(db, new Date(now.getTime() + 120_000), { baseUrl, forceDigest: true });
    expect([first.digests, second.digests, forced.digests]).toEqual([1, 0, 0]);
    const olga = messages("olga@example.com");
    expect(olga).toHaveLength(1);
    expect(olga[0]).toMatchObject({ kind: "staff-digest", locale: "ko", subjectLine: "[Northtrail] 일일 요약: 1건" });
    expect(olga[0].body).toContain("REQ-2026-00101");
    expect(olga[0].body).toContain("https://candor.example/admin/requests/");
    expect(messages("pat@example.com")).toEqual([]);
  });
});

describe("runStaffNotifications", () => {
  it("waits for the digest hour on the brand's clock, then sends once that day", () => {
    saveStaffProfile(db, staff.pat, { locale: "en", choices: { "due-soon": "digest" } }, now);
    addRequest("REQ-2026-00102", 1);
    const early = new Date(Date.UTC(2026, 5, 15, 22)); // 07:00 on the 16th in Seoul
    expect(runStaffNotifications(db, early, { baseUrl }).digests).toBe(0);
    expect(runStaffNotifications(db, new Date(Date.UTC(2026, 5, 15, 23)), { baseUrl }).digests).toBe(2); // 08:00: Olga and Pat
    expect(messages("pat@example.com", "staff-digest")).toHaveLength(1);
    // Pat's digest holds both requests waiting on nobody; Olga's only the one she had not been told of.
    const patDigest = messages("pat@example.com", "staff-digest")[0].body;
    expect(patDigest).toContain("REQ-2026-00101");
    expect(patDigest).toContain("REQ-2026-00102");
    expect(messages("olga@example.com", "staff-digest").at(-1)!.body).not.toContain("REQ-2026-00101");
  });

  it("tells an officer of a new request at once, in one message, and leaves requests assigned to a colleague out of due-soon", () => {
    saveStaffProfile(db, staff.pat, { locale: "en", choices: { "new-request": "immediate", "due-soon": "immediate" } }, now);
    addRequest("REQ-2026-00103", 2, staff.olga);
    runStaffNotifications(db, now, { baseUrl });
    runStaffNotifications(db, now, { baseUrl });
    const notices = messages("pat@example.com", "staff-notice");
    expect(notices.map((m) => m.subjectLine)).toEqual(["[Northtrail] New request: REQ-2026-00103"]);
  });

  it("never tells marketing of requests, even with a choice written around the form", () => {
    db.$client
      .prepare("INSERT INTO staff_notification_choices (staff_id, event, delivery, updated_at) VALUES (?, 'new-request', 'immediate', 0)")
      .run(staff.mark);
    addRequest("REQ-2026-00104", 20);
    runStaffNotifications(db, now, { baseUrl });
    expect(messages("mark@example.com")).toEqual([]);
  });

  it("tells of a failing recipient path once per failure episode", () => {
    saveStaffProfile(db, staff.olga, { locale: "ko", choices: { "path-failing": "immediate" } }, now);
    const recipient = (
      db.$client
        .prepare(
          "INSERT INTO recipients (name, role, country, privacy_contact_email, created_at) VALUES ('Mailfox', 'processor', 'US', NULL, 0) RETURNING id",
        )
        .get() as { id: number }
    ).id;
    db.$client
      .prepare(
        "INSERT INTO recipient_paths (recipient_id, kind, status, email_batching, created_at) VALUES (?, 'email', 'active', 'each', 0)",
      )
      .run(recipient);
    runStaffNotifications(db, now, { baseUrl });
    runStaffNotifications(db, now, { baseUrl });
    expect(messages("olga@example.com", "staff-notice")).toHaveLength(1);
    expect(messages("olga@example.com", "staff-notice")[0].subjectLine).toBe("[Northtrail] 수령인 경로 장애: Mailfox");
    // It works again (a contact address), then fails again: a second episode, a second message.
    db.$client.prepare("UPDATE recipients SET privacy_contact_email = 'dpo@mailfox.example' WHERE id = ?").run(recipient);
    runStaffNotifications(db, now, { baseUrl });
    db.$client.prepare("UPDATE recipients SET privacy_contact_email = NULL WHERE id = ?").run(recipient);
    runStaffNotifications(db, now, { baseUrl });
    expect(messages("olga@example.com", "staff-notice")).toHaveLength(2);
  });

  it("audits a change of choices with what changed", () => {
    saveStaffProfile(db, staff.pat, { locale: "ja", choices: { overdue: "immediate" } }, now);
    const entry = db.$client
      .prepare("SELECT details FROM audit_log WHERE action = 'staff.profile.update' ORDER BY id DESC LIMIT 1")
      .get() as {
      details: string;
    };
    expect(JSON.parse(entry.details)).toEqual({
      notifications: { "new-request": ["immediate", "off"], "due-soon": ["immediate", "off"], overdue: ["off", "immediate"] },
      locale: ["en", "ja"],
    });
  });

  it("tells reviewers of a submission in its own transaction, never its submitter, and the job does not tell them again", () => {
    saveStaffProfile(db, staff.olga, { locale: "en", choices: { review: "immediate" } }, now);
    saveStaffProfile(db, staff.pat, { locale: "en", choices: { review: "immediate" } }, now);
    const purpose = (
      db.$client
        .prepare(
          `INSERT INTO purposes (key, name, description, legal_basis, data_categories, retention_days, channels, benefit, status, created_by_id, created_at)
           VALUES ('fit', 'Fit profile', 'd', 'consent', '[]', 30, '[]', 'b', 'in_review', ?, 0) RETURNING id`,
        )
        .get(staff.pat) as { id: number }
    ).id;
    const told = db.$client.transaction(() => {
      const entry = appendAuditEntry(db, {
        actorId: staff.pat,
        actorLabel: "pat@example.com",
        action: "purpose.submit",
        targetType: "purpose",
        targetId: purpose,
      });
      return tellReviewSubmitted(db, entry.id, { baseUrl });
    })();
    expect(told).toBe(1);
    runStaffNotifications(db, now, { baseUrl });
    const olga = messages("olga@example.com", "staff-notice").filter((m) => m.subjectLine.includes("Fit profile"));
    expect(olga.map((m) => m.subjectLine)).toEqual(["[Northtrail] Waiting for review: Fit profile"]);
    expect(olga[0].body).toContain(`https://candor.example/admin/purposes/${purpose}`);
    expect(olga[0].body).toContain("sent by Pat");
    expect(messages("pat@example.com", "staff-notice").filter((m) => m.subjectLine.includes("Fit profile"))).toEqual([]);
  });

  it("tells staff of a new request in the intake's transaction, and the job's scan does not tell them again", () => {
    saveStaffProfile(db, staff.olga, { locale: "ja", choices: { "new-request": "immediate" } }, now);
    const id = addRequest("REQ-2026-00105", 25);
    const told = db.$client.transaction(() =>
      tellNewRequest(db, { id, ref: "REQ-2026-00105", type: "deletion", dueAt: new Date(now.getTime() + 25 * DAY_MS) }, { baseUrl }),
    )();
    expect(told).toBe(1);
    runStaffNotifications(db, now, { baseUrl });
    const olga = messages("olga@example.com", "staff-notice").filter((m) => m.subjectLine.includes("REQ-2026-00105"));
    expect(olga.map((m) => [m.subjectLine, m.locale])).toEqual([["【Northtrail】新しい請求：REQ-2026-00105", "ja"]]);
    expect(olga[0].body).toContain("削除");
  });
});

describe("the due-soon and overdue scan", () => {
  it("reads nothing once every member has been told, however large the overdue backlog, probing the notifications' unique index", () => {
    saveStaffProfile(db, staff.pat, { locale: "en", choices: { overdue: "digest", "due-soon": "digest" } }, now);
    const backlog = Array.from({ length: 40 }, (_, i) => addRequest(`REQ-2025-${String(900 + i)}`, -30 - i));
    const late = listenersOf(db, "overdue");
    expect(late.map((l) => l.staffId)).toEqual([staff.pat]);
    expect(untoldClocks(db, "overdue", late, now).map((r) => r.id)).toEqual(expect.arrayContaining(backlog));
    expect(runStaffNotifications(db, now, { baseUrl }).told).toBeGreaterThanOrEqual(backlog.length);
    expect(untoldClocks(db, "overdue", late, now)).toEqual([]);
    expect(untoldClocks(db, "due-soon", listenersOf(db, "due-soon"), now)).toEqual([]);
    expect(runStaffNotifications(db, new Date(now.getTime() + 60_000), { baseUrl }).told).toBe(0);
    const plan = db.$client.prepare(`EXPLAIN QUERY PLAN ${UNTOLD_CLOCKS_SQL}`).all(...untoldClocksArgs("overdue", [staff.pat], now)) as {
      detail: string;
    }[];
    expect(plan.map((p) => p.detail)).toContainEqual(expect.stringMatching(/^SEARCH n USING COVERING INDEX staff_notifications_item_idx /));
  });

  it("still tells the assignee alone of a request told to nobody yet, and everyone who asked while it is unassigned", () => {
    saveStaffProfile(db, staff.olga, { locale: "ko", choices: { overdue: "immediate" } }, now);
    const assigned = addRequest("REQ-2025-00990", -5, staff.pat);
    const open = addRequest("REQ-2025-00991", -5);
    const pairs = untoldClocks(db, "overdue", listenersOf(db, "overdue"), now)
      .filter((r) => r.id === assigned || r.id === open)
      .map((r) => [r.id, r.staffId]);
    expect(pairs.sort()).toEqual(
      [
        [assigned, staff.pat],
        [open, staff.olga],
        [open, staff.pat],
      ].sort(),
    );
  });
});

describe("items waiting for a digest", () => {
  const waiting = (staffId: number) =>
    db.$client
      .prepare(
        "SELECT event, item_key AS itemKey FROM staff_notifications WHERE staff_id = ? AND delivery = 'digest' AND outbox_id IS NULL ORDER BY id",
      )
      .all(staffId) as { event: string; itemKey: string }[];

  it("go when their event is switched to immediate or off, so switching back months later brings none of them back", () => {
    const dana = (
      db.$client
        .prepare(
          "INSERT INTO staff_users (email, name, role, password_hash, locale, created_at) VALUES ('dana@example.com', 'Dana', 'privacy_officer', 'x', 'en', 0) RETURNING id",
        )
        .get() as { id: number }
    ).id;
    saveStaffProfile(db, dana, { locale: "en", choices: { "new-request": "digest", overdue: "digest" } }, now);
    const fresh = addRequest("REQ-2026-00201", 20);
    db.$client.transaction(() =>
      tellNewRequest(db, { id: fresh, ref: "REQ-2026-00201", type: "deletion", dueAt: new Date(now.getTime() + 20 * DAY_MS) }, { baseUrl }),
    )();
    const late = addRequest("REQ-2025-00202", -3, dana);
    // The job runs before the digest hour (07:00 in Seoul): it finds what it finds and sends no digest.
    runStaffNotifications(db, new Date(Date.UTC(2026, 5, 16, 22)), { baseUrl });
    const keys = [`request:${fresh}`, `request:${late}`];
    expect(waiting(dana).filter((w) => keys.includes(w.itemKey))).toEqual([
      { event: "new-request", itemKey: `request:${fresh}` },
      { event: "new-request", itemKey: `request:${late}` },
      { event: "overdue", itemKey: `request:${late}` },
    ]);
    saveStaffProfile(db, dana, { locale: "en", choices: { "new-request": "immediate", overdue: "digest" } }, now);
    expect(waiting(dana).filter((w) => w.event === "new-request")).toEqual([]);
    expect(waiting(dana).filter((w) => keys.includes(w.itemKey))).toEqual([{ event: "overdue", itemKey: `request:${late}` }]);
    saveStaffProfile(db, dana, { locale: "en", choices: {} }, now);
    expect(waiting(dana)).toEqual([]);
    saveStaffProfile(db, dana, { locale: "en", choices: { "new-request": "digest" } }, new Date(now.getTime() + 90 * DAY_MS));
    runStaffNotifications(db, new Date(now.getTime() + 90 * DAY_MS), { baseUrl, forceDigest: true });
    expect(messages("dana@example.com").filter((m) => m.body.includes("REQ-2026-00201"))).toEqual([]);
  });

  it("go at the next digest scan once the member's role may no longer see them", () => {
    const eve = (
      db.$client
        .prepare(
          "INSERT INTO staff_users (email, name, role, password_hash, locale, created_at) VALUES ('eve@example.com', 'Eve', 'privacy_officer', 'x', 'en', 0) RETURNING id",
        )
        .get() as { id: number }
    ).id;
    saveStaffProfile(db, eve, { locale: "en", choices: { overdue: "digest" } }, now);
    addRequest("REQ-2025-00203", -4);
    db.$client.transaction(() => clocks(db, now, { brand: "Northtrail", baseUrl, timeZone: "Asia/Seoul" }))();
    expect(waiting(eve).length).toBeGreaterThan(0);
    db.$client.prepare("UPDATE staff_users SET role = 'marketing' WHERE id = ?").run(eve);
    runStaffNotifications(db, now, { baseUrl });
    expect(waiting(eve)).toEqual([]);
    expect(messages("eve@example.com")).toEqual([]);
  });
});
