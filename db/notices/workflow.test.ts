import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "../testing/temp-db";

// The query layer opens the store named by DATABASE_PATH when first imported.
const temp = createTempDatabase("notices");
process.env.DATABASE_PATH = temp.file;

let wf: typeof import("./workflow");
let client: typeof import("../client");
const author = { id: 0, email: "author@example.com" };
const reviewer = { id: 0, email: "reviewer@example.com" };
const shortLayer = {
  what: "Your email address",
  why: "To send trail tips",
  benefit: "Two emails a month",
  retention: "Until you withdraw it",
  recipients: "MailCo in the US",
  withdraw: "Use the unsubscribe link",
  refusal: "Nothing changes for you",
  contact: "privacy@example.com",
};

beforeAll(async () => {
  client = await import("../client");
  wf = await import("./workflow");
  const { loadTestCatalog } = await import("../testing/catalog");
  const { ConsentLedger } = await import("../consent/ledger/record");
  loadTestCatalog(client.db);
  const sql = client.db.$client;
  sql
    .prepare(
      "INSERT INTO brand_settings (id, name, legal_name, address, contact_email, dpo_email, website_url, enabled_locales, allowed_origins) VALUES (1, 'Northtrail', 'N Ltd', 'Dublin', 'c@x', 'd@x', 'https://x', '[]', '[]')",
    )
    .run();
  for (const who of [author, reviewer])
    who.id = (
      sql
        .prepare(
          "INSERT INTO staff_users (email, name, role, password_hash, created_at) VALUES (?, ?, 'privacy_officer', 'x', 0) RETURNING id",
        )
        .get(who.email, who.email) as { id: number }
    ).id;
  const ledger = new ConsentLedger(client.db);
  const subjects = [
    { email: "a@example.com", locale: "en" as const, event: "granted" as const },
    { email: "b@example.com", locale: "ko" as const, event: "granted" as const },
    { email: "c@example.com", locale: "ja" as const, event: "granted" as const },
    { email: "d@example.com", locale: "en" as const, event: "denied" as const },
  ];
  ledger.record(
    subjects.map((s) => ({
      subject: { email: s.email, jurisdiction: "EU" as const, locale: s.locale },
      purpose: "newsletter",
      event: s.event,
      source: "api" as const,
    })),
    { gpc: false },
  );
});
afterAll(() => temp.cleanup());

const newsletter = () => (client.db.$client.prepare("SELECT id FROM purposes WHERE key = 'newsletter'").get() as { id: number }).id;
const outboxCount = () => (client.db.$client.prepare("SELECT count(*) AS n FROM outbox").get() as { n: number }).n;

describe("publishing a notice version", () => {
  it("marks a material change and asks granted readers of that language again, through the outbox", () => {
    const v2 = wf.saveNoticeDraft(
      { purposeId: newsletter(), locale: "en" },
      { title: "Trail tips", shortLayer, fullText: "Full.", material: true, changeSummary: "Adds SMS" },
      author,
    );
    expect(v2.version).toBe(2);
    wf.submitNoticeVersion(v2.id, [], author);
    expect(() => wf.publishNoticeVersion(v2.id, author, { baseUrl: "http://c" })).toThrow(/own-draft/);
    const { notified } = wf.publishNoticeVersion(v2.id, reviewer, { baseUrl: "http://c" });
    // English reaches the English reader and the Japanese one (no Japanese notice in the catalog), not the Korean one or the refuser.
    expect(notified).toBe(2);
    const rows = client.db.$client.prepare("SELECT to_address AS toAddress, kind FROM outbox ORDER BY to_address").all();
    expect(rows).toEqual([
      { toAddress: "a@example.com", kind: "notice-reconsent" },
      { toAddress: "c@example.com", kind: "notice-reconsent" },
    ]);
    const purpose = client.db.$client.prepare("SELECT material_change_at AS at FROM purposes WHERE id = ?").get(newsletter()) as {
      at: number;
    };
    expect(purpose.at).toBeGreaterThan(0);
  });

  it("refuses to edit a published version, and the store refuses too", () => {
    const published = client.db.$client.prepare("SELECT id FROM notice_versions WHERE status = 'published' AND version = 2").get() as {
      id: number;
    };
    expect(() =>
      wf.saveNoticeDraft(
        { versionId: published.id },
        { title: "Changed", shortLayer, fullText: "x", material: false, changeSummary: null },
        author,
      ),
    ).toThrow(/published-immutable/);
    expect(() => client.db.$client.prepare("UPDATE notice_versions SET full_text = 'x' WHERE id = ?").run(published.id)).toThrow(
      /immutable/,
    );
  });

  it("refuses a second draft while one is open, and submitting with missing elements", () => {
    const before = outboxCount();
    const v3 = wf.saveNoticeDraft(
      { purposeId: newsletter(), locale: "ko" },
      { title: "팁", shortLayer, fullText: "전문", material: false, changeSummary: null },
      author,
    );
    expect(() =>
      wf.saveNoticeDraft(
        { purposeId: newsletter(), locale: "ko" },
        { title: "팁", shortLayer, fullText: "전문", material: false, changeSummary: null },
        author,
      ),
    ).toThrow(/draft-exists/);
    expect(() => wf.submitNoticeVersion(v3.id, ["contact"], author)).toThrow(/missing-elements/);
    expect(outboxCount()).toBe(before);
  });

  it("stores a first version as no material change, however it is posted, and publishing it makes no consent stale", () => {
    const staleSince = () =>
      (client.db.$client.prepare("SELECT material_change_at AS at FROM purposes WHERE id = ?").get(newsletter()) as { at: number | null })
        .at;
    const before = { stale: staleSince(), outbox: outboxCount() };
    const v1 = wf.saveNoticeDraft(
      { purposeId: newsletter(), locale: "ja" },
      { title: "ヒント", shortLayer, fullText: "全文。", material: true, changeSummary: "Adds SMS" },
      author,
    );
    expect(v1).toMatchObject({ version: 1, material: false, changeSummary: null });
    const edited = wf.saveNoticeDraft(
      { versionId: v1.id },
      { title: "ヒント", shortLayer, fullText: "全文です。", material: true, changeSummary: "Still adds SMS" },
      author,
    );
    expect(edited).toMatchObject({ version: 1, material: false, changeSummary: null, fullText: "全文です。" });
    wf.submitNoticeVersion(v1.id, [], author);
    expect(wf.publishNoticeVersion(v1.id, reviewer, { baseUrl: "http://c" })).toEqual({ notified: 0 });
    expect(staleSince()).toBe(before.stale);
    expect(outboxCount()).toBe(before.outbox);
  });
});
