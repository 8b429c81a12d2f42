import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { verify } from "@node-rs/argon2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/db/staff/audit-chain";
import { openDatabase, type Db } from "@/db/connection";
import { checkDerivedTables, digestTables } from "@/db/seed/consistency";
import { missingNoticeLanguages } from "@/lib/notices/required-languages";
import { confirmReceiptBy, dueDate, extendedDueDate } from "@/lib/requests/deadlines";
import { APPI_TARGET_DAYS, BRAND_TIME_ZONE } from "./brand";
import { isOutboxKind } from "@/lib/outbox/vocabulary";
import { openRequestStatuses, requestStatuses, requestTypes } from "@/lib/requests/vocabulary";
import { seedDemo } from "./seed-demo";
import { demoPassword, demoStaff } from "./staff";

const anchor = new Date("2026-05-01T00:00:00Z");
const options = { subjects: 300, events: 5_000, seed: 7, anchor };
let dir: string;
let db: Db;

const all = <T>(sql: string, ...params: unknown[]) => db.$client.prepare(sql).all(...params) as T[];
const one = <T>(sql: string, ...params: unknown[]) => db.$client.prepare(sql).get(...params) as T;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "candor-seed-"));
  await seedDemo({ file: path.join(dir, "a.db"), ...options });
  db = openDatabase(path.join(dir, "a.db"));
});

afterAll(() => {
  db?.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("seedDemo", () => {
  it("derives consent_state, its totals, the daily rollups and the grant aggregates exactly from the ledger", () => {
    const check = checkDerivedTables(db);
    expect(check).toMatchObject({
      stateMismatches: 0,
      channelMismatches: 0,
      rollupMismatches: 0,
      stateTotalMismatches: 0,
      outOfOrderEvents: 0,
      cohortMismatches: 0,
      moveMismatches: 0,
      splitMismatches: 0,
      optOutMismatches: 0,
    });
    expect((db.$client.prepare("SELECT SUM(count) AS n FROM consent_opt_outs").get() as { n: number }).n).toBeGreaterThan(0);
    expect(check.events).toBeGreaterThan(4_950);
    expect(check.events).toBeLessThan(5_050);
    expect(check.stateRows).toBeGreaterThan(300);
  });

  it("notices a state row, rollup or grant aggregate that disagrees with the ledger", () => {
    db.$client.exec("BEGIN");
    try {
      db.$client.exec(
        "UPDATE consent_state SET state = 'denied', channels = '[]' WHERE (subject_id, purpose_id) = (SELECT subject_id, purpose_id FROM consent_state WHERE state = 'granted' LIMIT 1)",
      );
      db.$client.exec("UPDATE consent_daily_rollups SET count = count + 1 WHERE rowid = 1");
      db.$client.exec(
        "UPDATE consent_state_moves SET count = count + 1 WHERE (purpose_id, day) = (SELECT purpose_id, day FROM consent_state_moves LIMIT 1)",
      );
      db.$client.exec(
        "UPDATE consent_daily_splits SET gpc = gpc + 1 WHERE (dimension, day) = (SELECT dimension, day FROM consent_daily_splits LIMIT 1)",
      );
      db.$client.exec("UPDATE consent_opt_outs SET count = count + 1 WHERE quarter = (SELECT MIN(quarter) FROM consent_opt_outs)");
      const check = checkDerivedTables(db);
      expect(check.optOutMismatches).toBeGreaterThan(0);
      expect(check.cohortMismatches).toBeGreaterThan(0);
      expect(check.moveMismatches).toBeGreaterThan(0);
      expect(check.splitMismatches).toBeGreaterThan(0);
      expect(check.stateMismatches).toBe(2);
      expect(check.rollupMismatches).toBe(2);
      expect(check.stateTotalMismatches).toBe(4);
    } finally {
      db.$client.exec("ROLLBACK");
    }
  });

  it("keeps every foreign key valid and every event before the anchor", () => {
    expect(all("PRAGMA foreign_key_check")).toEqual([]);
    const r = one<{ latest: number; early: number; minors: number; guarded: number }>(
      `SELECT MAX(occurred_at) AS latest, SUM(recorded_at < occurred_at) AS early,
              (SELECT COUNT(*) FROM subjects WHERE is_minor) AS minors,
              (SELECT COUNT(*) FROM subjects WHERE is_minor AND guardian_name IS NOT NULL AND guardian_email IS NOT NULL) AS guarded
       FROM consent_events`,
    );
    expect(r.latest).toBeLessThan(anchor.getTime());
    expect(r.early).toBe(0);
    expect(r.guarded).toBe(r.minors);
  });

  it("records consent only for active or retired consent purposes, with GPC opt-outs, expiries and stale grants", () => {
    const bases = all<{ legal_basis: string; status: string }>(
      "SELECT DISTINCT p.legal_basis, p.status FROM consent_events e JOIN purposes p ON p.id = e.purpose_id",
    );
    expect(bases.every((b) => b.legal_basis === "consent" && ["active", "retired"].includes(b.status))).toBe(true);
    const counts = one<{ gpc: number; gpcSale: number; expired: number; stale: number }>(
      `SELECT (SELECT COUNT(*) FROM consent_events WHERE gpc) AS gpc,
              (SELECT COUNT(*) FROM consent_events e JOIN purposes p ON p.id = e.purpose_id WHERE e.gpc AND p.sale_or_sharing AND e.event IN ('denied', 'withdrawn')) AS gpcSale,
              (SELECT COUNT(*) FROM consent_events WHERE event = 'expired') AS expired,
              (SELECT COUNT(*) FROM consent_state s JOIN purposes p ON p.id = s.purpose_id
                 WHERE s.state = 'granted' AND p.material_change_at IS NOT NULL AND s.decided_at < p.material_change_at) AS stale`,
    );
    expect(counts.gpc).toBeGreaterThan(0);
    expect(counts.gpcSale).toBe(counts.gpc);
    expect(counts.expired).toBeGreaterThan(0);
    const expirySources = all<{ source: string }>(
      "SELECT DISTINCT source FROM consent_events WHERE event = 'expired' OR source = 'system'",
    );
    expect(expirySources).toEqual([{ source: "system" }]);
    expect(counts.stale).toBeGreaterThan(0);
  });

  it("publishes a notice per purpose and locale, and versions only where declared", () => {
    const perPurpose = all<{ n: number }>("SELECT COUNT(*) AS n FROM notices GROUP BY purpose_id");
    expect(perPurpose.every((r) => r.n === 3)).toBe(true);
    const v2 = all<{ material: number }>("SELECT DISTINCT material FROM notice_versions WHERE version = 2 ORDER BY material");
    expect(v2.map((r) => r.material)).toEqual([0, 1]);
    const unpublishedActive = one<{ n: number }>(
      `SELECT COUNT(*) AS n FROM notices n JOIN purposes p ON p.id = n.purpose_id
       WHERE p.status = 'active' AND NOT EXISTS (SELECT 1 FROM notice_versions v WHERE v.notice_id = n.id AND v.status = 'published')`,
    );
    expect(unpublishedActive.n).toBe(0);
  });

  it("puts every active purpose in force with a published notice in each language its jurisdictions require", () => {
    const brand = one<{ languages: string | null }>("SELECT notice_languages AS languages FROM brand_settings WHERE id = 1");
    const setting = brand.languages === null ? null : JSON.parse(brand.languages);
    const purposes = all<{ id: number; key: string; status: string; jurisdictions: string }>(
      "SELECT id, key, status, jurisdictions FROM purposes",
    );
    const published = (id: number) =>
      all<{ locale: string }>(
        "SELECT DISTINCT n.locale FROM notices n JOIN notice_versions v ON v.notice_id = n.id WHERE n.purpose_id = ? AND v.status = 'published'",
        id,
      ).map((r) => r.locale);
    for (const p of purposes) expect(JSON.parse(p.jurisdictions).length, p.key).toBeGreaterThan(0);
    const active = purposes.filter((p) => p.status === "active");
    expect(active.length).toBeGreaterThan(0);
    for (const p of active) expect(missingNoticeLanguages(JSON.parse(p.jurisdictions), setting, published(p.id)), p.key).toEqual([]);
    // The purpose waiting for review still lacks its published notices, so approving it now is refused.
    const inReview = purposes.find((p) => p.status === "in_review")!;
    expect(missingNoticeLanguages(JSON.parse(inReview.jurisdictions), setting, published(inReview.id)).length).toBeGreaterThan(0);
  });

  it("opens requests of every type and status, due when the deadline rules say", () => {
    expect(all<{ type: string }>("SELECT DISTINCT type FROM subject_requests ORDER BY type").map((r) => r.type)).toEqual(
      [...requestTypes].sort(),
    );
    expect(all<{ status: string }>("SELECT DISTINCT status FROM subject_requests ORDER BY status").map((r) => r.status)).toEqual(
      [...requestStatuses].sort(),
    );
    type Row = {
      id: number;
      ref: string;
      type: string;
      status: string;
      jurisdiction: string;
      received_at: number;
      due_at: number;
      confirm_by: number | null;
      extended_at: number | null;
      extension_reason: string | null;
      closed_at: number | null;
      rejection_reason: string | null;
    };
    const rows = all<Row>("SELECT * FROM subject_requests");
    for (const r of rows) {
      const input = {
        jurisdiction: r.jurisdiction,
        type: r.type,
        receivedAt: new Date(r.received_at),
        timeZone: BRAND_TIME_ZONE,
        appiTargetDays: APPI_TARGET_DAYS,
      };
      const due = r.extended_at === null ? dueDate(input) : extendedDueDate(input);
      expect(r.due_at, r.ref).toBe(due?.getTime());
      expect(r.confirm_by, r.ref).toBe(confirmReceiptBy(input)?.getTime() ?? null);
      expect(r.ref).toMatch(/^REQ-\d{4}-\d{5}$/);
      expect(r.extended_at === null, r.ref).toBe(r.extension_reason === null);
      expect(r.status === "rejected", r.ref).toBe(r.rejection_reason !== null);
      expect(["completed", "rejected"].includes(r.status), r.ref).toBe(r.closed_at !== null);
    }
    expect(rows.some((r) => r.extended_at !== null)).toBe(true);
    expect(rows.some((r) => (openRequestStatuses as readonly string[]).includes(r.status) && r.due_at < anchor.getTime())).toBe(true);
  });

  it("gives every closed request an outcome, with parts withheld, each denial reason, and requests made by agents (issue 18)", () => {
    const closed = all<{ status: string; outcome: string | null; reason: string | null; note: string | null }>(
      "SELECT status, outcome, denial_reason AS reason, outcome_note AS note FROM subject_requests WHERE status IN ('completed', 'rejected')",
    );
    for (const r of closed) expect(r.outcome === "denied").toBe(r.status === "rejected");
    const kinds = new Set(closed.map((r) => `${r.outcome}/${r.reason}`));
    for (const k of [
      "complied/null",
      "complied_in_part/exempt",
      "denied/not_verifiable",
      "denied/not_a_consumer",
      "denied/exempt",
      "denied/other",
    ])
      expect(kinds, k).toContain(k);
    for (const r of closed.filter((x) => x.reason === "exempt" || x.reason === "other" || x.outcome === "complied_in_part"))
      expect(r.note).toBeTruthy();
    const agents = all<{ proof: number; status: string }>(
      "SELECT a.signed_permission + a.power_of_attorney AS proof, r.status FROM request_agents a JOIN subject_requests r ON r.id = a.request_id",
    );
    expect(agents.length).toBeGreaterThanOrEqual(3);
    // No request an agent made without proof was complied with.
    expect(agents.filter((a) => a.proof === 0 && a.status === "completed")).toEqual([]);
  });

  it("stores only outbox kinds of the vocabulary, spelled its way", () => {
    const kinds = all<{ kind: string }>("SELECT DISTINCT kind FROM outbox ORDER BY kind").map((r) => r.kind);
    expect(kinds.filter((k) => !isOutboxKind(k))).toEqual([]);
    expect(kinds).toEqual([
      // The credential-stuffing attack's notices to its Korean customers (scripts/demo-data/incident-notices.ts).
      "incident-notice",
      "recipient-digest",
      "recipient-notice",
      "request-completed",
      "request-extended",
      "request-received",
      "request-rejected",
    ]);
  });

  it("gives the completed deletions, restrictions, objections and opt-outs their propagation history", () => {
    const events = all<{ type: string; requestId: number; status: string; requestType: string; data: string | null }>(
      `SELECT e.type, e.request_id AS requestId, r.status, r.type AS requestType, e.data FROM propagation_events e
       JOIN subject_requests r ON r.id = e.request_id`,
    );
    const told = {
      deletion: "subject.erased",
      restriction: "subject.restricted",
      objection: "subject.objected",
      opt_out_sale: "subject.opted_out",
      limit_sensitive: "subject.limited",
    };
    // A limit tells only the holders of the flagged purpose (precise location): a demo limit from someone who never
    // turned it on tells nobody, so subject.limited may be absent; when present it follows the same rules.
    const sent = new Set(events.map((e) => e.type));
    sent.add("subject.limited");
    expect(sent).toEqual(new Set(Object.values(told)));
    for (const e of events) {
      expect(e.status).toBe("completed");
      expect(told[e.requestType as keyof typeof told]).toBe(e.type);
    }
    const states = Object.fromEntries(
      all<{ state: string; n: number }>("SELECT state, count(*) AS n FROM deliveries GROUP BY state").map((s) => [s.state, s.n]),
    );
    expect(states.parked).toBe(1);
    for (const state of ["queued", "delivered", "confirmed"]) expect(states[state], state).toBeGreaterThan(0);
    // Every way a delivery gets somewhere: a feed read, an email sent, the webhook before its 410; and both confirmers.
    const vias = all<{ v: string }>("SELECT DISTINCT delivered_via AS v FROM deliveries WHERE delivered_via IS NOT NULL").map((r) => r.v);
    expect(vias.sort()).toEqual(["email", "feed", "webhook"]);
    expect(all("SELECT DISTINCT confirmed_via FROM deliveries WHERE confirmed_via IS NOT NULL")).toHaveLength(2);
    // An officer's note says how the recipient confirmed; a settled erasure's scrub removes it with the identifiers.
    expect(
      one<{ n: number }>(
        "SELECT count(*) AS n FROM deliveries WHERE confirmed_via = 'officer' AND confirm_note IS NULL AND scrubbed_at IS NULL",
      ).n,
    ).toBe(0);
    expect(one<{ n: number }>("SELECT count(*) AS n FROM deliveries WHERE confirm_note IS NOT NULL").n).toBeGreaterThan(0);
    // An erasure every recipient confirmed, or older than 30 days, names nobody any more.
    const settled = all<{ n: number }>(
      `SELECT count(*) AS n FROM deliveries d JOIN propagation_events e ON e.id = d.event_id
       WHERE e.type = 'subject.erased' AND e.data IS NULL AND d.identifiers IS NOT NULL`,
    );
    expect(settled[0].n).toBe(0);
    expect(events.some((e) => e.type === "subject.erased" && e.data === null)).toBe(true);
  });

  it("tells each request's story in order, ending in its current status", () => {
    const events = all<{ request_id: number; at: number; to_status: string | null; status: string; received_at: number }>(
      `SELECT e.request_id, e.at, e.to_status, r.status, r.received_at FROM request_events e
       JOIN subject_requests r ON r.id = e.request_id ORDER BY e.request_id, e.id`,
    );
    const byRequest = new Map<number, typeof events>();
    for (const e of events) byRequest.set(e.request_id, [...(byRequest.get(e.request_id) ?? []), e]);
    for (const list of byRequest.values()) {
      expect(list[0].to_status).toBe("received");
      expect(list[0].at).toBe(list[0].received_at);
      const statuses = list.filter((e) => e.to_status !== null);
      expect(statuses.at(-1)!.to_status).toBe(list[0].status);
      for (let i = 1; i < list.length; i++) expect(list[i].at).toBeGreaterThanOrEqual(list[i - 1].at);
      expect(list.at(-1)!.at).toBeLessThan(anchor.getTime());
    }
  });

  it("keeps one recipient per vendor, each with a privacy contact at an example domain, linked to every purpose that names it", () => {
    const recipients = all<{ id: number; name: string; email: string | null }>(
      "SELECT id, name, privacy_contact_email AS email FROM recipients ORDER BY id",
    );
    expect(new Set(recipients.map((r) => r.name)).size).toBe(recipients.length);
    expect(recipients.length).toBeGreaterThanOrEqual(10);
    for (const r of recipients) expect(r.email, r.name).toMatch(/@[a-z0-9-]+\.example$/);
    const links = one<{ n: number; unlinked: number }>(
      "SELECT COUNT(*) AS n, SUM(recipient_id IS NULL OR recipient_id NOT IN (SELECT id FROM recipients)) AS unlinked FROM purpose_recipients",
    );
    expect(links.n).toBeGreaterThan(recipients.length);
    expect(links.unlinked).toBe(0);
    const mailHarbor = all<{ key: string }>(
      "SELECT p.key FROM purpose_recipients pr JOIN purposes p ON p.id = pr.purpose_id JOIN recipients r ON r.id = pr.recipient_id WHERE r.name = 'MailHarbor Inc.' ORDER BY p.key",
    );
    expect(mailHarbor.map((p) => p.key)).toEqual(["marketing_messages", "trail_club_loyalty"]);
  });

  it("reaches most recipients by feed or email, calls no real endpoint, and leaves some without a working path", () => {
    const paths = all<{
      recipientId: number;
      kind: string;
      status: string;
      url: string | null;
      reason: string | null;
      keyKind: string | null;
    }>(
      `SELECT rp.recipient_id AS recipientId, rp.kind, rp.status, rp.url, rp.disabled_reason AS reason, k.kind AS keyKind
       FROM recipient_paths rp LEFT JOIN api_keys k ON k.id = rp.api_key_id`,
    );
    const webhooks = paths.filter((p) => p.kind === "webhook");
    expect(webhooks.length).toBeLessThanOrEqual(1);
    for (const w of webhooks) {
      expect(w).toMatchObject({ status: "disabled", reason: "gone" });
      expect(new URL(w.url!).hostname).toMatch(/\.example$/);
    }
    for (const f of paths.filter((p) => p.kind === "feed")) expect(f.keyKind).toBe("recipient");
    const recipients = all<{ id: number }>("SELECT id FROM recipients");
    const working = new Set(paths.filter((p) => p.status === "active").map((p) => p.recipientId));
    const withoutPath = recipients.filter((r) => !paths.some((p) => p.recipientId === r.id));
    expect(withoutPath).toHaveLength(1);
    expect(working.size).toBeLessThan(recipients.length);
    expect(working.size / recipients.length).toBeGreaterThan(0.7);
  });

  it("writes an audit chain that verifies", () => {
    const { checked, broken } = verifyAuditChain(db);
    expect(broken).toBeNull();
    expect(checked).toBe(one<{ n: number }>("SELECT COUNT(*) AS n FROM audit_log").n);
    expect(one<{ n: number }>("SELECT COUNT(*) AS n FROM audit_log WHERE actor_label <> 'seed'").n).toBe(0);
  });

  it("creates every demo account with the demo password", async () => {
    const staff = all<{ email: string; role: string; password_hash: string }>(
      "SELECT email, role, password_hash FROM staff_users ORDER BY id",
    );
    expect(staff.map((s) => [s.email, s.role])).toEqual(demoStaff.map((s) => [s.email, s.role]));
    expect(staff[0].password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verify(staff[0].password_hash, demoPassword)).toBe(true);
  });

  it("keeps a breach register of four incidents, one a drill, each with its timeline, purposes and audit entries", () => {
    const rows = all<{ id: number; reference: string; status: string; drill: number; aware_at: number }>(
      "SELECT id, reference, status, drill, aware_at FROM incidents ORDER BY created_at",
    );
    expect(rows).toHaveLength(4);
    expect(rows.filter((r) => r.drill).length).toBe(1);
    expect(rows.map((r) => r.status)).toEqual(["closed", "closed", "open", "open"]);
    expect(new Set(rows.map((r) => r.reference)).size).toBe(4);
    for (const r of rows) {
      expect(r.reference).toMatch(/^INC-\d{4}-\d{4}$/);
      expect(r.aware_at).toBeLessThan(anchor.getTime());
      const steps = all<{ kind: string }>("SELECT kind FROM incident_events WHERE incident_id = ? ORDER BY at, id", r.id).map(
        (e) => e.kind,
      );
      expect(steps[0]).toBe("recorded");
      expect(steps.includes("closed")).toBe(r.status === "closed");
      // The register's own steps, each audited as incident.<step>; the other tabs' steps (affected, reports, notices) audit their own way.
      const register = ["recorded", "edited", "closed", "reopened"];
      const logged = all<{ action: string }>("SELECT action FROM audit_log WHERE target_type = 'incident' AND target_id = ?", String(r.id))
        .map((e) => e.action)
        .filter((a) => register.includes(a.replace(/^incident\./, "")));
      expect(logged).toEqual(steps.filter((k) => register.includes(k)).map((k) => `incident.${k}`));
      expect(one<{ n: number }>("SELECT count(*) AS n FROM incident_purposes WHERE incident_id = ?", r.id).n).toBeGreaterThan(0);
    }
    expect(verifyAuditChain(db).broken).toBeNull();
  });

  it("tells the credential-stuffing attack's Korean customers through the outbox after a second officer approved; the rest wait for approval", () => {
    const batches = all<{
      id: number;
      status: string;
      jurisdictions: string;
      people: number;
      requested_by: number;
      decided_by: number | null;
    }>(
      `SELECT b.id, b.status, b.jurisdictions, b.people, b.requested_by, b.decided_by FROM incident_notice_batches b
       JOIN incidents i ON i.id = b.incident_id WHERE i.title = 'Credential stuffing on Trail Club accounts' ORDER BY b.id`,
    );
    expect(batches.map((b) => [b.status, JSON.parse(b.jurisdictions)])).toEqual([
      ["sent", ["KR"]],
      ["awaiting_approval", expect.not.arrayContaining(["KR"])],
    ]);
    expect(batches[0].decided_by).not.toBe(batches[0].requested_by);
    const told = one<{ n: number; sent: number }>(
      "SELECT COUNT(*) AS n, SUM(o.status = 'sent' AND o.kind = 'incident-notice' AND o.locale = n.locale) AS sent FROM incident_notices n JOIN outbox o ON o.id = n.outbox_id WHERE n.batch_id = ?",
      batches[0].id,
    );
    expect(told).toEqual({ n: batches[0].people, sent: batches[0].people });
  });

  it("files the skimming suspicion's first GDPR report on the second day and keeps report fields for the open incidents", () => {
    const filed = all<{
      title: string;
      duty: string;
      sequence: number;
      channel: string;
      sent_at: number;
      aware_at: number;
      content: string;
    }>(
      "SELECT i.title, f.duty, f.sequence, f.channel, f.sent_at, i.aware_at, f.content FROM incident_filings f JOIN incidents i ON i.id = f.incident_id",
    );
    expect(filed.map((f) => `${f.title}: ${f.duty}#${f.sequence} ${f.channel}`)).toEqual([
      "Checkout page script may have skimmed card details: gdpr_authority#1 portal",
    ]);
    expect(filed[0].sent_at - filed[0].aware_at).toBeLessThan(72 * 3_600_000);
    expect(JSON.parse(filed[0].content).sections.map((s: { key: string }) => s.key)).toEqual(["general", "a", "b", "c", "d"]);
    const fields = all<{ title: string }>(
      "SELECT i.title FROM incident_report_fields r JOIN incidents i ON i.id = r.incident_id ORDER BY i.aware_at",
    );
    expect(fields.map((f) => f.title)).toEqual([
      "Checkout page script may have skimmed card details",
      "Credential stuffing on Trail Club accounts",
    ]);
  });

  it("produces identical data from the same seed and different data from another", async () => {
    await seedDemo({ file: path.join(dir, "b.db"), ...options });
    await seedDemo({ file: path.join(dir, "c.db"), ...options, seed: 8 });
    const digest = (name: string) => {
      const other = openDatabase(path.join(dir, name));
      try {
        return digestTables(other);
      } finally {
        other.$client.close();
      }
    };
    const same = digest("b.db");
    expect(same).toEqual(digestTables(db));
    expect(digest("c.db").consent_events).not.toBe(same.consent_events);
  });
});

describe("seedDemo on failure", () => {
  it("removes the half-loaded store, so ensure-demo-data does not mistake it for a seeded one", async () => {
    const file = path.join(dir, "broken.db");
    const interrupt = () => {
      throw new Error("interrupted");
    };
    await expect(seedDemo({ file, subjects: 20, events: 100, anchor, onProgress: interrupt })).rejects.toThrow("interrupted");
    expect(fs.existsSync(file)).toBe(false);
  });
});

describe("npm run seed", () => {
  const run = (...args: string[]) =>
    spawnSync(path.join("node_modules", ".bin", "tsx"), ["--conditions=react-server", "scripts/seed.ts", ...args], { encoding: "utf8" });

  it("refuses arguments it cannot use, with exit code 2 and the reason", () => {
    const notANumber = run("--subjects", "many");
    expect(notANumber.status).toBe(2);
    expect(notANumber.stderr).toMatch(/subjects/);
    const tooFewEvents = run("--subjects", "100", "--events", "10", "--db", path.join(dir, "never.db"));
    expect(tooFewEvents.status).toBe(2);
    expect(tooFewEvents.stderr).toMatch(/--events must be at least --subjects/);
    expect(notANumber.stderr).toMatch(/--subjects must be a number/);
    expect(run("--anchor", "2026-02-30").status).toBe(2);
    expect(run("--colour", "blue").status).toBe(2);
    expect(fs.existsSync(path.join(dir, "never.db"))).toBe(false);
  });
});
