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
  recipientIds: [3],
};

const registry: Record<number, string> = { 3: "MailCo (US, Processor)", 5: "TextCo (IE, Processor)", 8: "AdCo (KR, Third party)" };
const label = (id: number) => registry[id] ?? `#${id}`;

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

  it("names recipients from the registry, in name order, and ignores the order they were picked in", () => {
    expect(changedFields({ ...base, recipientIds: [3, 5] }, { ...base, recipientIds: [5, 3] }, label)).toEqual([]);
    const [change] = changedFields(base, { ...base, recipientIds: [8, 3] }, label);
    expect(change).toEqual({
      field: "recipients",
      before: "MailCo (US, Processor)",
      after: "AdCo (KR, Third party); MailCo (US, Processor)",
    });
  });

  it("shows a removed last recipient as none, and an id the registry does not know by its number", () => {
    expect(changedFields(base, { ...base, recipientIds: [] }, label)).toEqual([
      { field: "recipients", before: "MailCo (US, Processor)", after: "—" },
    ]);
    expect(changedFields(base, { ...base, recipientIds: [3, 99] }, label)[0].after).toBe("#99; MailCo (US, Processor)");
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
    const filled = completeRevisionFields(old, { jurisdictions: ["EU", "JP"], recipientIds: [3] });
    expect(filled.jurisdictions).toEqual(["EU", "JP"]);
    expect(changedFields({ ...base, jurisdictions: ["EU", "JP"] }, filled)).toEqual([]);
    expect(completeRevisionFields({ ...base, jurisdictions: ["KR"] }, { jurisdictions: ["EU"], recipientIds: [3] }).jurisdictions).toEqual([
      "KR",
    ]);
  });

  it("keeps the purpose's recipients for a revision that names none, and the revision's own list otherwise", () => {
    const { recipientIds, ...withoutRecipients } = base;
    void recipientIds;
    expect(completeRevisionFields(withoutRecipients, { jurisdictions: ["EU"], recipientIds: [3, 5] }).recipientIds).toEqual([3, 5]);
    expect(completeRevisionFields({ ...base, recipientIds: [] }, { jurisdictions: ["EU"], recipientIds: [3, 5] }).recipientIds).toEqual([]);
  });
});
