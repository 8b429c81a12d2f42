import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DAY_MS } from "@/lib/time";
import { insertDelivery, insertPath, insertRecipient, insertRequest } from "../testing/propagation-fixtures";
import { createTempDatabase } from "../testing/temp-db";

// Privacy operations' propagation figures against a store whose recipients, paths and deliveries are known.
const temp = createTempDatabase("propagation-ops");
process.env.DATABASE_PATH = temp.file;

const now = Date.parse("2026-12-06T12:00:00Z");
const daysAgo = (n: number) => now - n * DAY_MS;
let client: typeof import("../client");
let ops: typeof import("./propagation-ops");
let brand: typeof import("../staff/brand");
const admin = { id: 0, email: "admin@example.com" };
const ids: Record<string, number> = {};

beforeAll(async () => {
  client = await import("../client");
  ops = await import("./propagation-ops");
  brand = await import("../staff/brand");
  const db = client.db;
  db.$client
    .prepare(
      `INSERT INTO brand_settings (id, name, legal_name, address, contact_email, dpo_email, website_url, time_zone, enabled_locales, allowed_origins)
       VALUES (1, 'North Trail', 'North Trail Ltd', 'x', 'hello@northtrail.example', 'dpo@northtrail.example', 'https://northtrail.example', 'Asia/Seoul', '["en"]', '[]')`,
    )
    .run();
  admin.id = (
    db.$client
      .prepare(
        "INSERT INTO staff_users (email, name, role, password_hash, created_at) VALUES (?, 'Ada Admin', 'admin', 'x', 0) RETURNING id",
      )
      .get(admin.email) as { id: number }
  ).id;
  const revokedKey = (
    db.$client
      .prepare(
        "INSERT INTO api_keys (name, kind, prefix, key_hash, allowed_origins, created_at, revoked_at) VALUES ('feed', 'recipient', 'rk_live_x', 'h', '[]', 0, 1) RETURNING id",
      )
      .get() as { id: number }
  ).id;
  // A: webhook works. B: its webhook answered 410. C: email path, no contact address. D: no path at all.
  // E: feed whose key was revoked. F: email path with an address, and a webhook an officer switched off.
  ids.a = insertRecipient(db, { name: "Alpha Mail" });
  insertPath(db, ids.a, { kind: "webhook" });
  ids.b = insertRecipient(db, { name: "Beta Ads" });
  ids.bPath = insertPath(db, ids.b, { kind: "webhook", status: "disabled", disabledReason: "gone", disabledAt: daysAgo(2) });
  ids.c = insertRecipient(db, { name: "Gamma CRM", privacyContactEmail: null });
  insertPath(db, ids.c, { kind: "email" });
  ids.d = insertRecipient(db, { name: "Delta Analytics" });
  ids.e = insertRecipient(db, { name: "Epsilon Feed" });
  insertPath(db, ids.e, { kind: "feed", apiKeyId: revokedKey });
  ids.f = insertRecipient(db, { name: "Zeta Partners", privacyContactEmail: "privacy@zeta.example" });
  insertPath(db, ids.f, { kind: "email" });
  ids.fPath = insertPath(db, ids.f, { kind: "webhook", status: "disabled", disabledReason: "officer", disabledAt: daysAgo(5) });

  // Alpha: what waits on it, and what does not.
  const erasure = insertRequest(db, { ref: "REQ-OLDEST", receivedAt: daysAgo(12) });
  const subject = (n: number) => 1000 + n;
  insertDelivery(db, {
    recipientId: ids.a,
    subjectId: subject(1),
    type: "subject.erased",
    requestId: erasure,
    state: "delivered",
    at: daysAgo(12),
  });
  insertDelivery(db, { recipientId: ids.a, subjectId: subject(2), type: "subject.erased", state: "confirmed", at: daysAgo(20) });
  insertDelivery(db, { recipientId: ids.a, subjectId: subject(3), type: "consent.changed", state: "delivered", at: daysAgo(9) });
  insertDelivery(db, { recipientId: ids.a, subjectId: subject(4), type: "consent.changed", state: "queued", at: daysAgo(9) });
  insertDelivery(db, { recipientId: ids.a, subjectId: subject(5), type: "subject.rectified", state: "parked", at: daysAgo(3) });
  insertDelivery(db, { recipientId: ids.a, subjectId: subject(6), type: "subject.erased", state: "superseded", at: daysAgo(30) });
  // Zeta: one parked consent change, past the limit, no request behind it.
  insertDelivery(db, { recipientId: ids.f, subjectId: subject(7), type: "consent.changed", state: "parked", at: daysAgo(8) });
});
afterAll(() => temp.cleanup());

describe("privacy operations' propagation figures", () => {
  it("counts the recipients with a working path and lists the others with what is wrong with each path", () => {
    const p = ops.getPropagationOps(now);
    expect(p.workingPaths).toEqual({ working: 2, total: 6, share: 33.3 });
    expect(p.withoutPath).toEqual([
      { id: ids.b, name: "Beta Ads", paths: [{ kind: "webhook", state: "gone" }] },
      { id: ids.d, name: "Delta Analytics", paths: [] },
      { id: ids.e, name: "Epsilon Feed", paths: [{ kind: "feed", state: "key-revoked" }] },
      { id: ids.c, name: "Gamma CRM", paths: [{ kind: "email", state: "no-contact-email" }] },
    ]);
  });

  it("calls out the paths switched off, the latest first, a 410 apart from an officer's", () => {
    expect(ops.getPropagationOps(now).disabledPaths).toEqual([
      { recipientId: ids.b, recipientName: "Beta Ads", pathId: ids.bPath, kind: "webhook", reason: "gone", disabledAt: daysAgo(2) },
      {
        recipientId: ids.f,
        recipientName: "Zeta Partners",
        pathId: ids.fPath,
        kind: "webhook",
        reason: "disabled",
        disabledAt: daysAgo(5),
      },
    ]);
  });

  it("lists changes unconfirmed beyond the brand's 7-day default by recipient, oldest first, with the oldest one's request", () => {
    const p = ops.getPropagationOps(now);
    expect(p.limitDays).toBe(7);
    expect(p.timeZone).toBe("Asia/Seoul");
    // Alpha: the delivered erasure (12 days) and the queued consent change (9 days); not the confirmed, the
    // delivered consent change, the 3-day-old parked correction or the superseded one. Zeta: its parked consent change.
    expect(p.unconfirmed).toEqual({
      total: 3,
      byRecipient: [
        {
          recipientId: ids.a,
          recipientName: "Alpha Mail",
          count: 2,
          oldestAt: daysAgo(12),
          oldestRequest: { id: expect.any(Number), ref: "REQ-OLDEST" },
        },
        { recipientId: ids.f, recipientName: "Zeta Partners", count: 1, oldestAt: daysAgo(8), oldestRequest: null },
      ],
    });
  });

  it("counts the parked deliveries by recipient", () => {
    expect(ops.getPropagationOps(now).parked).toEqual({
      total: 2,
      byRecipient: [
        { recipientId: ids.a, recipientName: "Alpha Mail", count: 1 },
        { recipientId: ids.f, recipientName: "Zeta Partners", count: 1 },
      ],
    });
  });

  it("follows the brand's limit once an administrator changes it, and audits the change", () => {
    brand.updateConfirmationLimit(2, admin);
    const p = ops.getPropagationOps(now);
    expect(p.limitDays).toBe(2);
    expect(p.unconfirmed.total).toBe(4);
    expect(p.unconfirmed.byRecipient[0]).toMatchObject({ recipientId: ids.a, count: 3 });
    const audit = client.db.$client.prepare("SELECT action, details FROM audit_log ORDER BY id DESC").get() as {
      action: string;
      details: string;
    };
    expect(audit.action).toBe("settings.confirmation-limit");
    expect(JSON.parse(audit.details)).toEqual({ before: 7, after: 2 });
    brand.updateConfirmationLimit(7, admin);
  });

  it("names vendors only: no contact address and no person's identifier in the figures", () => {
    const body = JSON.stringify(ops.getPropagationOps(now));
    expect(body).not.toMatch(/@/);
    expect(body).not.toContain("CUST-");
  });
});
