import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PurposeFieldsInput } from "@/lib/purposes/schemas";
import { createTempDatabase } from "../testing/temp-db";

// The query layer opens the store named by DATABASE_PATH when first imported.
const temp = createTempDatabase("purpose-workflow");
process.env.DATABASE_PATH = temp.file;

let wf: typeof import("./workflow");
let notices: typeof import("../notices/workflow");
let errors: typeof import("@/lib/errors");
let brand: typeof import("../staff/brand");
let client: typeof import("../client");
const marketer = { id: 0, email: "marketer@example.com" };
const officer = { id: 0, email: "officer@example.com" };
const shortLayer = {
  what: "Email",
  why: "Tips",
  benefit: "Tips",
  retention: "2 years",
  recipients: "None",
  withdraw: "Link",
  refusal: "Nothing",
  contact: "p@x",
};

const fields = (jurisdictions: PurposeFieldsInput["jurisdictions"]): PurposeFieldsInput => ({
  name: "Trail tips",
  description: "Emailing trail tips.",
  legalBasis: "consent",
  dataCategories: ["contact"],
  retentionDays: 400,
  validityDays: null,
  saleOrSharing: false,
  sensitive: false,
  sensitiveBeyondPermitted: false,
  channels: ["email"],
  jurisdictions,
  benefit: "Route ideas",
  recipientIds: [],
});

beforeAll(async () => {
  client = await import("../client");
  wf = await import("./workflow");
  notices = await import("../notices/workflow");
  errors = await import("@/lib/errors");
  brand = await import("../staff/brand");
  const sql = client.db.$client;
  sql
    .prepare(
      "INSERT INTO brand_settings (id, name, legal_name, address, contact_email, dpo_email, website_url, enabled_locales, allowed_origins) VALUES (1, 'Northtrail', 'N Ltd', 'Dublin', 'c@x', 'd@x', 'https://x', '[\"en\",\"ko\",\"ja\"]', '[]')",
    )
    .run();
  for (const [who, role] of [
    [marketer, "marketing"],
    [officer, "privacy_officer"],
  ] as const)
    who.id = (
      sql
        .prepare("INSERT INTO staff_users (email, name, role, password_hash, created_at) VALUES (?, ?, ?, 'x', 0) RETURNING id")
        .get(who.email, who.email, role) as { id: number }
    ).id;
});
afterAll(() => temp.cleanup());

/** Marketing writes and submits the notice, the officer publishes it. */
function publishNotice(purposeId: number, locale: string) {
  const v = notices.saveNoticeDraft(
    { purposeId, locale },
    { title: "Tips", shortLayer, fullText: "Full.", material: false, changeSummary: null },
    marketer,
  );
  notices.submitNoticeVersion(v.id, [], marketer);
  notices.publishNoticeVersion(v.id, officer, { baseUrl: "http://c" });
}

function refusal(run: () => void): string[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(errors.NoticesMissingError);
    expect((error as InstanceType<typeof errors.NoticesMissingError>).code).toBe("notices-missing");
    return (error as InstanceType<typeof errors.NoticesMissingError>).locales;
  }
  throw new Error("approval was not refused");
}

const status = (id: number) =>
  client.db.$client.prepare("SELECT status, jurisdictions FROM purposes WHERE id = ?").get(id) as { status: string; jurisdictions: string };
const approvals = () =>
  (client.db.$client.prepare("SELECT count(*) AS n FROM audit_log WHERE action LIKE 'purpose.%approve'").get() as { n: number }).n;

describe("approving a purpose", () => {
  it("refuses a Korean purpose whose Korean notice is unpublished, names ko, and lets it through once ko is published", () => {
    const p = wf.createPurpose({ ...fields(["KR"]), key: "trail_tips_kr" }, marketer);
    wf.submitPurpose(p.id, marketer);
    publishNotice(p.id, "en");
    const before = approvals();
    expect(refusal(() => wf.approvePurpose(p.id, officer))).toEqual(["ko"]);
    expect(status(p.id).status).toBe("in_review");
    expect(approvals()).toBe(before);

    // A draft or a version in review does not count; only a published one does.
    const draft = notices.saveNoticeDraft(
      { purposeId: p.id, locale: "ko" },
      { title: "팁", shortLayer, fullText: "전문", material: false, changeSummary: null },
      marketer,
    );
    notices.submitNoticeVersion(draft.id, [], marketer);
    expect(refusal(() => wf.approvePurpose(p.id, officer))).toEqual(["ko"]);
    notices.publishNoticeVersion(draft.id, officer, { baseUrl: "http://c" });

    wf.approvePurpose(p.id, officer);
    expect(status(p.id).status).toBe("active");
    expect(approvals()).toBe(before + 1);
  });

  it("names every missing language once, sorted, including those the brand adds in its settings", () => {
    brand.updateNoticeLanguages({ JP: ["en"] }, officer);
    const entry = client.db.$client
      .prepare("SELECT details FROM audit_log WHERE action = 'settings.notice-languages' ORDER BY id DESC")
      .get() as { details: string };
    expect(JSON.parse(entry.details)).toEqual({ before: null, after: { JP: ["en"] } });
    try {
      const p = wf.createPurpose({ ...fields(["JP", "KR", "EU"]), key: "trail_tips_asia" }, marketer);
      wf.submitPurpose(p.id, marketer);
      expect(refusal(() => wf.approvePurpose(p.id, officer))).toEqual(["en", "ja", "ko"]);
      publishNotice(p.id, "ja");
      expect(refusal(() => wf.approvePurpose(p.id, officer))).toEqual(["en", "ko"]);
    } finally {
      brand.updateNoticeLanguages({}, officer);
    }
  });

  it("still refuses a reviewer approving their own draft before looking at notices", () => {
    const p = wf.createPurpose({ ...fields(["KR"]), key: "own_draft" }, marketer);
    wf.submitPurpose(p.id, marketer);
    expect(() => wf.approvePurpose(p.id, marketer)).toThrow(/own-draft/);
  });
});

describe("approving a revision of an active purpose", () => {
  it("checks the revision's jurisdictions, not the ones in force", () => {
    const p = wf.createPurpose({ ...fields(["EU"]), key: "trail_tips_eu" }, marketer);
    wf.submitPurpose(p.id, marketer);
    publishNotice(p.id, "en");
    wf.approvePurpose(p.id, officer);

    expect(wf.savePurposeEdits(p.id, fields(["EU", "JP"]), marketer)).toBe("revision");
    wf.submitPurpose(p.id, marketer);
    expect(refusal(() => wf.approvePurpose(p.id, officer))).toEqual(["ja"]);
    expect(JSON.parse(status(p.id).jurisdictions)).toEqual(["EU"]);
    expect(wf.getOpenRevision(p.id)?.status).toBe("in_review");

    publishNotice(p.id, "ja");
    wf.approvePurpose(p.id, officer);
    expect(JSON.parse(status(p.id).jurisdictions)).toEqual(["EU", "JP"]);
  });

  it("treats a revision saved before jurisdictions were recorded as keeping the purpose's own", () => {
    const p = wf.createPurpose({ ...fields(["KR"]), key: "old_revision" }, marketer);
    wf.submitPurpose(p.id, marketer);
    publishNotice(p.id, "ko");
    wf.approvePurpose(p.id, officer);
    const old: Partial<PurposeFieldsInput> = { ...fields(["KR"]), retentionDays: 200 };
    delete old.jurisdictions;
    client.db.$client
      .prepare("INSERT INTO purpose_revisions (purpose_id, status, fields, created_by_id, created_at) VALUES (?, 'in_review', ?, ?, 0)")
      .run(p.id, JSON.stringify(old), marketer.id);

    wf.approvePurpose(p.id, officer);
    const row = client.db.$client.prepare("SELECT retention_days AS days, jurisdictions FROM purposes WHERE id = ?").get(p.id) as {
      days: number;
      jurisdictions: string;
    };
    expect(row.days).toBe(200);
    expect(JSON.parse(row.jurisdictions)).toEqual(["KR"]);
  });
});

describe("a purpose's recipients from the registry", () => {
  const registryRecipient = (name: string, role = "processor", country = "IE") =>
    (
      client.db.$client
        .prepare("INSERT INTO recipients (name, role, country, created_at) VALUES (?, ?, ?, 0) RETURNING id")
        .get(name, role, country) as { id: number }
    ).id;
  const linked = (purposeId: number) =>
    (
      client.db.$client
        .prepare("SELECT recipient_id AS id FROM purpose_recipients WHERE purpose_id = ? ORDER BY recipient_id")
        .all(purposeId) as { id: number }[]
    ).map((r) => r.id);
  const purposesModule = () => import("./purposes");

  it("links a draft to the recipients picked, replaces them on edit, and reads their name, role and country by join", async () => {
    const mail = registryRecipient("MailCo Ltd.");
    const ads = registryRecipient("AdCo K.K.", "third_party", "JP");
    const p = wf.createPurpose({ ...fields(["EU"]), key: "linked_draft", recipientIds: [mail, ads] }, marketer);
    expect(linked(p.id)).toEqual([mail, ads].sort((a, b) => a - b));
    wf.savePurposeEdits(p.id, { ...fields(["EU"]), recipientIds: [ads] }, marketer);
    expect(linked(p.id)).toEqual([ads]);
    const detail = (await purposesModule()).getPurposeDetail(p.id)!;
    expect(detail.recipients).toEqual([{ id: ads, name: "AdCo K.K.", role: "third_party", country: "JP" }]);
    expect(detail.recipientIds).toEqual([ads]);
  });

  it("refuses a recipient the registry does not have, beside the field, and changes nothing", () => {
    const p = wf.createPurpose({ ...fields(["EU"]), key: "unknown_recipient" }, marketer);
    let refused: unknown;
    try {
      wf.savePurposeEdits(p.id, { ...fields(["EU"]), recipientIds: [999_999] }, marketer);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(errors.RefusedError);
    expect(refused).toMatchObject({ code: "unknown-recipient", field: "recipientIds" });
    expect(() => wf.createPurpose({ ...fields(["EU"]), key: "unknown_recipient_2", recipientIds: [999_999] }, marketer)).toThrow(
      errors.RefusedError,
    );
    expect(client.db.$client.prepare("SELECT count(*) AS n FROM purposes WHERE key = 'unknown_recipient_2'").get()).toEqual({ n: 0 });
  });

  it("puts a revision's recipients in force only when it is approved", () => {
    const mail = registryRecipient("Revision Mail Ltd.");
    const text = registryRecipient("Revision Text Ltd.");
    const p = wf.createPurpose({ ...fields(["EU"]), key: "revised_recipients", recipientIds: [mail] }, marketer);
    wf.submitPurpose(p.id, marketer);
    publishNotice(p.id, "en");
    wf.approvePurpose(p.id, officer);
    wf.savePurposeEdits(p.id, { ...fields(["EU"]), recipientIds: [mail, text] }, marketer);
    expect(linked(p.id)).toEqual([mail]);
    expect(wf.getOpenRevision(p.id)?.fields.recipientIds).toEqual([mail, text]);
    wf.submitPurpose(p.id, marketer);
    wf.approvePurpose(p.id, officer);
    expect(linked(p.id)).toEqual([mail, text]);
  });
});
