import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { purposeFieldsSchema } from "@/lib/purposes/schemas";
import { ropaRows } from "@/lib/ropa/csv";
import { ropaDocument } from "@/lib/ropa/document";
import { wordsIn } from "@/lib/ropa/fixture";
import { findGaps } from "@/lib/ropa/gaps";
import { typed } from "@/lib/ropa/typed";
import { createTempDatabase } from "../testing/temp-db";

// The query layer opens the store named by DATABASE_PATH when first imported.
const temp = createTempDatabase("purpose-added");
process.env.DATABASE_PATH = temp.file;
afterAll(() => temp.cleanup());

let client: typeof import("../client");
let wf: typeof import("../purposes/workflow");
let notices: typeof import("../notices/workflow");
let read: typeof import("./read");
const marketer = { id: 0, email: "marketer@example.com" };
const officer = { id: 0, email: "officer@example.com" };

beforeAll(async () => {
  client = await import("../client");
  wf = await import("../purposes/workflow");
  notices = await import("../notices/workflow");
  read = await import("./read");
  const sql = client.db.$client;
  sql
    .prepare(
      "INSERT INTO brand_settings (id, name, legal_name, address, contact_email, dpo_email, website_url, enabled_locales, allowed_origins) VALUES (1, 'Northtrail', 'N Ltd', 'Dublin', 'c@x', 'd@x', 'https://x', '[\"en\"]', '[]')",
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

describe("a purpose added to the data map", () => {
  it("appears in the record of processing once it is in force, with no other edit, and its missing record is named", () => {
    const en = wordsIn("en");
    const before = read.readDataMap(client.db);
    expect(ropaRows(before, en)).toEqual([]);

    // The purpose's own workflow only: drafted by marketing, its notice published, approved by the officer.
    const fields = purposeFieldsSchema.parse({
      name: "Trail tips",
      description: "Emailing trail tips.",
      legalBasis: "consent",
      dataCategories: ["contact", "preferences"],
      retentionDays: "400",
      channels: "email",
      jurisdictions: "UK",
      benefit: "Route ideas",
    });
    const p = wf.createPurpose({ ...fields, key: "trail_tips" }, marketer);
    wf.submitPurpose(p.id, marketer);
    const v = notices.saveNoticeDraft(
      { purposeId: p.id, locale: "en" },
      { title: "Tips", shortLayer, fullText: "Full.", material: false, changeSummary: null },
      marketer,
    );
    notices.submitNoticeVersion(v.id, [], marketer);
    notices.publishNoticeVersion(v.id, officer, { baseUrl: "http://c" });
    expect(ropaRows(read.readDataMap(client.db), en)).toEqual([]); // in review: not yet processing
    wf.approvePurpose(p.id, officer);

    const after = read.readDataMap(client.db);
    expect(ropaRows(after, en).map((r) => `${r.purpose}/${r.category}`)).toEqual(["Trail tips/Contact details", "Trail tips/Preferences"]);
    const doc = ropaDocument(after, en);
    expect(doc.sections.find((s) => s.item === "b")?.blocks[0]).toMatchObject({
      rows: [["Trail tips", "Consent", typed("Emailing trail tips.")]],
    });
    expect(
      findGaps(after)
        .filter((g) => g.name === "Trail tips")
        .map((g) => g.code),
    ).toEqual(["subject-categories", "sources", "destruction"]);
  });
});
