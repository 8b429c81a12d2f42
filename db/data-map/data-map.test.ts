import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../connection";
import { createTempDatabase } from "../testing/temp-db";
import { auditLog, brandSettings, purposeRecipients, purposes, recipients } from "../schema";
import { purposeRecordSchema, recipientTransferSchema, brandPrivacySchema } from "@/lib/data-map/schemas";
import { readDataMap } from "./read";
import { saveBrandPrivacy, savePurposeRecord, saveRecipientTransfer } from "./write";

const temp = createTempDatabase("data-map");
const db = openDatabase(temp.file);
afterAll(() => {
  db.$client.close();
  temp.cleanup();
});
const actor = { id: null, email: "test@example.com" };

db.insert(brandSettings)
  .values({
    id: 1,
    name: "Brand",
    legalName: "Brand Ltd",
    address: "1 Street",
    contactEmail: "hi@brand.example",
    dpoEmail: "dpo@brand.example",
    websiteUrl: "https://brand.example",
    enabledLocales: ["en"],
    allowedOrigins: [],
  })
  .run();
const purpose = (key: string, status: "active" | "draft", jurisdictions: string[]) =>
  db
    .insert(purposes)
    .values({
      key,
      name: key,
      description: "d",
      legalBasis: "consent",
      dataCategories: ["contact", "order_history"],
      retentionDays: 365,
      channels: [],
      jurisdictions,
      benefit: "b",
      status,
    })
    .returning()
    .get();
const active = purpose("newsletter", "active", ["KR", "EU"]);
const draft = purpose("draft_one", "draft", ["KR"]);
const vendor = db.insert(recipients).values({ name: "Mailer", role: "processor", country: "US" }).returning().get();
db.insert(purposeRecipients).values({ purposeId: active.id, recipientId: vendor.id }).run();

const audits = () =>
  db
    .select()
    .from(auditLog)
    .all()
    .map((a) => a.action);

describe("the data map read", () => {
  it("holds active purposes only, each with an empty record until one is saved, and its recipients' transfers", () => {
    const map = readDataMap(db);
    expect(map.purposes.map((p) => p.key)).toEqual(["newsletter"]);
    expect(map.purposes[0].record.subjectCategories).toEqual([]);
    expect(map.purposes[0].recipients[0]).toMatchObject({ name: "Mailer", transferredFrom: ["KR", "EU"], transfer: { safeguard: null } });
    expect(map.brand?.legalName).toBe("Brand Ltd");
    expect(draft.status).toBe("draft");
  });

  it("reads back what the forms saved, and audits each save", () => {
    const record = purposeRecordSchema.parse({
      purposeId: String(active.id),
      subjectCategories: ["customers", "minors"],
      sources: ["the_person", "partners"],
      sourcesNote: "Referral partners send names",
      destructionMethod: "secure_erasure",
      "hold.0.law": "kr_ecommerce_contract",
      "hold.0.items": ["order_history"],
      "hold.0.days": "1825",
      "hold.1.law": "",
    });
    savePurposeRecord(db, record, actor);
    saveRecipientTransfer(
      db,
      recipientTransferSchema.parse({
        recipientId: String(vendor.id),
        safeguard: "scc",
        items: "contact",
        timing: "on_event",
        method: "api",
        refusal: "withdraw_consent",
      }),
      actor,
    );
    saveBrandPrivacy(
      db,
      brandPrivacySchema.parse({
        securityMeasures: ["encryption_at_rest"],
        dpoEmail: "new-dpo@brand.example",
        privacyOfficerName: "Kim",
        "complaint.pipa.name": "PIPC",
        "complaint.pipa.contact": "privacy.go.kr",
      }),
      actor,
    );
    const map = readDataMap(db);
    expect(map.purposes[0].record).toMatchObject({
      subjectCategories: ["customers", "minors"],
      legalHolds: [{ law: "kr_ecommerce_contract", items: ["order_history"], days: 1825 }],
    });
    expect(map.purposes[0].recipients[0].transfer).toMatchObject({ safeguard: "scc", items: ["contact"] });
    expect(map.privacy).toMatchObject({
      privacyOfficerName: "Kim",
      complaintContacts: { pipa: { name: "PIPC", contact: "privacy.go.kr" } },
    });
    expect(map.brand?.dpoEmail).toBe("new-dpo@brand.example");
    expect(audits()).toEqual(expect.arrayContaining(["purpose.record", "recipient.transfer", "settings.controller"]));
  });

  it("refuses a record for a purpose that does not exist, writing nothing", () => {
    const before = audits().length;
    expect(() =>
      savePurposeRecord(
        db,
        { ...purposeRecordSchema.parse({ purposeId: "999", subjectCategories: "customers", sources: "the_person" }) },
        actor,
      ),
    ).toThrow(/purpose not found/);
    expect(audits().length).toBe(before);
  });
});

describe("the data map forms", () => {
  it("ask for the sources when data does not only come from the person, and for a whole transfer", () => {
    const r = purposeRecordSchema.safeParse({ purposeId: "1", subjectCategories: "customers", sources: "partners" });
    expect(r.success ? [] : r.error.issues.map((i) => i.message)).toEqual(["sources-need-note"]);
    const t = recipientTransferSchema.safeParse({ recipientId: "1", safeguard: "derogation" });
    expect(t.success ? [] : t.error.issues.map((i) => `${String(i.path[0])}:${i.message}`).sort()).toEqual([
      "items:choose-one",
      "method:required",
      "refusal:required",
      "safeguardNote:derogation-needs-note",
      "timing:required",
    ]);
  });
});
