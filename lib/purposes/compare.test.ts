import { describe, expect, it } from "vitest";
import { changedFields } from "./compare";

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
