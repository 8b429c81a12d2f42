import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConflictError, DuplicateError, NotFoundError } from "@/lib/errors";
import { buildWriter } from "@/scripts/build-writer";
import { openDatabase, type Db } from "../connection";
import { loadTestCatalog } from "../testing/catalog";
import { addTestEvent, addTestRecipient } from "../testing/deliveries";
import { createTempDatabase } from "../testing/temp-db";
import { WriterThread } from "./thread";

// The domains' writes as the server makes them (issue 22, deliverable 1): through their ports, which send each to a
// real writer thread on a store of its own; the caller gets the operation's result and its typed errors back.
const temp = createTempDatabase("writer-domain-writes");
process.env.DATABASE_PATH = temp.file;
const bundle = path.join(process.cwd(), ".generated", `writer-domains-test-${process.pid}.cjs`);
let db: Db;
let writer: WriterThread;
let staff: typeof import("../staff");
let requests: typeof import("../requests");
let propagation: typeof import("../propagation");
let receipts: typeof import("../receipts");
const jobsSoFar = async () => (await writer.stats()).jobs;

beforeAll(async () => {
  db = openDatabase(temp.file);
  loadTestCatalog(db);
  await buildWriter(bundle);
  writer = new WriterThread({ file: temp.file, bundle, maxJobs: 64, waitMs: 0 });
  // The ports find the server's writer here (db/port.ts serverWriter); set first, so every write goes to this thread.
  (globalThis as unknown as { candorWriter?: WriterThread }).candorWriter = writer;
  [staff, requests, propagation, receipts] = await Promise.all([
    import("../staff"),
    import("../requests"),
    import("../propagation"),
    import("../receipts"),
  ]);
}, 60_000);
afterAll(async () => {
  await writer.stop();
  delete (globalThis as unknown as { candorWriter?: WriterThread }).candorWriter;
  db.$client.close();
  temp.cleanup();
  fs.rmSync(bundle, { force: true });
});

const seed = { id: null, email: "seed" };

describe("the domains' writes through the writer thread", () => {
  it("create a staff account on the writer and refuse the same address again with the typed error", async () => {
    const before = await jobsSoFar();
    const ada = await staff.createStaffUser(
      { name: "Ada", email: "Ada@example.com", role: "admin", passwordHash: "h" },
      { id: 0, email: "seed" },
    );
    expect(ada).toMatchObject({ email: "ada@example.com", role: "admin" });
    expect(ada.createdAt).toBeInstanceOf(Date);
    const again = staff.createStaffUser(
      { name: "Ada 2", email: "ada@example.com", role: "marketing", passwordHash: "h" },
      { id: 0, email: "seed" },
    );
    await expect(again).rejects.toBeInstanceOf(DuplicateError);
    await expect(again).rejects.toMatchObject({ field: "email" });
    expect(await jobsSoFar()).toBe(before + 2);
    // Committed: another connection reads the account and its audit entry.
    expect(db.$client.prepare("SELECT count(*) FROM staff_users WHERE email = 'ada@example.com'").pluck().get()).toBe(1);
    expect(db.$client.prepare("SELECT count(*) FROM audit_log WHERE action = 'staff.create'").pluck().get()).toBe(1);
    const changed = await staff.changeStaffRole(ada.id, "privacy_officer", { id: 0, email: "seed" });
    expect(changed.role).toBe("privacy_officer");
  });

  it("save a queue view, refuse its name again on the name field, and refuse unknown requests as not found", async () => {
    const member = await staff.getStaffUserByEmail("ada@example.com");
    const view = await requests.createSavedQueueView(member!.id, "Overdue", "status=open");
    expect(view.id).toBeGreaterThan(0);
    await expect(requests.createSavedQueueView(member!.id, "overdue", "x=1")).rejects.toMatchObject({
      name: "DuplicateError",
      field: "name",
    });
    await expect(requests.addRequestNote(999_999, "a note", { id: member!.id, email: member!.email })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await requests.deleteSavedQueueView(member!.id, view.id)).toBe(true);
  });

  it("touch an API key once a minute: the throttle stays on the calling thread, the due write goes to the writer", async () => {
    const { key, plaintext } = await staff.createApiKey({ name: "Shop", kind: "secret", allowedOrigins: [] }, seed);
    expect(plaintext).toMatch(/^ck_live_/);
    const before = await jobsSoFar();
    const at = Date.now();
    await staff.touchApiKey(key.id, at);
    await staff.touchApiKey(key.id, at + 1_000);
    await staff.touchApiKey(key.id, at + 2_000);
    expect(await jobsSoFar()).toBe(before + 1);
    expect(db.$client.prepare("SELECT last_used_at FROM api_keys WHERE id = ?").pluck().get(key.id)).not.toBeNull();
    await expect(staff.revokeApiKey(999_999, seed)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("register a recipient and its feed, and answer a replay for an unknown recipient as not found", async () => {
    const officer = { id: null, email: "officer@example.com" };
    const fields = { name: "MailHarbor", role: "processor" as const, country: "IE", privacyContactName: null, privacyContactEmail: null };
    const r = await propagation.createRecipient(fields, officer);
    expect(r).toMatchObject({ name: "MailHarbor" });
    await expect(propagation.createRecipient({ ...fields, name: "mailharbor" }, officer)).rejects.toBeInstanceOf(DuplicateError);
    const feed = await propagation.addFeedPath({ recipientId: r.id }, officer);
    expect(feed.key).toBeTruthy();
    await expect(propagation.addFeedPath({ recipientId: r.id }, officer)).rejects.toBeInstanceOf(ConflictError);
    await expect(propagation.replayParked(999_999, { id: 0, email: "officer@example.com" })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("word the email path's messages on the calling thread and store them on the writer, once", async () => {
    db.$client
      .prepare(
        `INSERT INTO brand_settings (id, name, legal_name, address, contact_email, dpo_email, website_url, time_zone, default_locale, enabled_locales, allowed_origins)
         VALUES (1, 'Northtrail', 'Northtrail Ltd', 'Seoul', 'hello@northtrail.example', 'dpo@northtrail.example', 'https://northtrail.example', 'Asia/Seoul', 'ko', '["ko","en"]', '[]')
         ON CONFLICT (id) DO NOTHING`,
      )
      .run();
    const { recipientId } = addTestRecipient(db, "Callcenter", { kind: "email", batching: "each" }, "privacy@callcenter.example");
    addTestEvent(db, { subjectId: 1, occurredAt: Date.now() - 60_000, to: [{ recipientId, identifiers: { externalId: "cust-41" } }] });
    const before = await jobsSoFar();
    const options = { candorUrl: "https://trust.northtrail.example" };
    expect(await propagation.queueDueRecipientEmails(options)).toEqual({ notices: 1, digests: 0, deliveries: 1, more: false });
    expect(await jobsSoFar()).toBe(before + 1);
    // Nothing is left waiting, so a second run plans nothing and sends the writer nothing.
    expect(await propagation.queueDueRecipientEmails(options)).toEqual({ notices: 0, digests: 0, deliveries: 0, more: false });
    expect(await jobsSoFar()).toBe(before + 1);
    const stored = db.$client
      .prepare("SELECT kind, locale, status, created_at AS createdAt FROM outbox WHERE to_address = ?")
      .all("privacy@callcenter.example");
    expect(stored).toEqual([{ kind: "recipient-notice", locale: "ko", status: "pending", createdAt: expect.any(Number) }]);
  });

  it("store the first receipt key made on the calling thread, once", async () => {
    let made = 0;
    const key = (kid: string) => () => {
      made++;
      return { kid, publicJwk: { kty: "EC", crv: "P-256", x: kid, y: kid }, sealedPrivateKey: `sealed-${kid}` };
    };
    const [first, second] = await Promise.all([receipts.ensureReceiptKey(key("k1"), seed), receipts.ensureReceiptKey(key("k2"), seed)]);
    expect(made).toBe(2);
    expect(second.kid).toBe(first.kid);
    expect(db.$client.prepare("SELECT count(*) FROM receipt_signing_keys").pluck().get()).toBe(1);
  });
});
