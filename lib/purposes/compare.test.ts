import { describe, expect, it } from "vitest";
import { changedFields, completeRevisionFields } from "./compare";

const base = {
  name: "Newsletter",
  description: "Monthly news",
  legalBasis: "consent",
  dataCategories: ["contact", "preferences"],
  retentionDays: 730,
  validityDays: null,
  saleOrSharing: false,
  sensitive: false,
  channels: ["email"],
  benefit: "Early access",
  recipients: [{ name: "MailCo", country: "US", role: "processor" as const }],
};

describe("changedFields", () => {
  it("finds nothing when nothing changed, whatever the list order", () => {
    expect(changedFields(base, { ...base, dataCategories: ["preferences", "contact"] })).toEqual([]);
  });

  it("lists each changed field with before and after", () => {
    const changes = changedFields(base, { ...base, retentionDays: 365, channels: ["email", "sms"], validityDays: 730 });
    expect(changes).toEqual([
      { field: "retentionDays", before: "730", after: "365" },
      { field: "validityDays", before: "—", after: "730" },
      { field: "channels", before: "email", after: "email, sms" },
    ]);
  });

  it("shows recipient changes readably", () => {
    const [change] = changedFields(base, { ...base, recipients: [{ name: "MailCo", country: "IE", role: "processor" }] });
    expect(change).toEqual({ field: "recipients", before: "MailCo (US, processor)", after: "MailCo (IE, processor)" });
  });
});

describe("jurisdictions in a revision", () => {
  it("shows a change of where the purpose applies, whatever the order", () => {
    const current = { ...base, jurisdictions: ["EU", "KR"] };
    expect(changedFields(current, { ...current, jurisdictions: ["KR", "EU"] })).toEqual([]);
    expect(changedFields(current, { ...current, jurisdictions: ["KR", "JP", "EU"] })).toEqual([
      { field: "jurisdictions", before: "EU, KR", after: "EU, JP, KR" },
    ]);
  });

  it("keeps the purpose's jurisdictions for a revision saved before they were recorded", () => {
    const old = { ...base };
    const filled = completeRevisionFields(old, { jurisdictions: ["EU", "JP"] });
    expect(filled.jurisdictions).toEqual(["EU", "JP"]);
    expect(changedFields({ ...base, jurisdictions: ["EU", "JP"] }, filled)).toEqual([]);
    expect(completeRevisionFields({ ...base, jurisdictions: ["KR"] }, { jurisdictions: ["EU"] }).jurisdictions).toEqual(["KR"]);
  });
});
