import { describe, expect, it } from "vitest";
import { purposeFieldsSchema } from "./schemas";

const form = {
  name: "Trail tips",
  description: "Emailing trail tips.",
  legalBasis: "consent",
  dataCategories: "contact",
  retentionDays: "400",
  benefit: "Route ideas",
};

describe("purposeFieldsSchema jurisdictions", () => {
  it("reads one or several jurisdictions from the checkbox group", () => {
    expect(purposeFieldsSchema.parse({ ...form, jurisdictions: "KR" }).jurisdictions).toEqual(["KR"]);
    expect(purposeFieldsSchema.parse({ ...form, jurisdictions: ["EU", "JP"] }).jurisdictions).toEqual(["EU", "JP"]);
  });

  it("asks for at least one jurisdiction", () => {
    const result = purposeFieldsSchema.safeParse(form);
    expect(result.success).toBe(false);
    expect(result.error?.issues.find((i) => i.path[0] === "jurisdictions")?.message).toBe("choose-one");
  });

  it("refuses a place Candor knows no regime for", () => {
    expect(purposeFieldsSchema.safeParse({ ...form, jurisdictions: ["EU", "BR"] }).success).toBe(false);
  });
});

describe("purposeFieldsSchema recipients", () => {
  const valid = { ...form, jurisdictions: "EU" };

  it("takes no recipients, one, or several registry ids from the checkboxes, each once", () => {
    expect(purposeFieldsSchema.parse(valid).recipientIds).toEqual([]);
    expect(purposeFieldsSchema.parse({ ...valid, recipientIds: "4" }).recipientIds).toEqual([4]);
    expect(purposeFieldsSchema.parse({ ...valid, recipientIds: ["4", "9", "4"] }).recipientIds).toEqual([4, 9]);
  });

  it("refuses an id that is not a positive whole number, and more than 50 recipients", () => {
    const bad = purposeFieldsSchema.safeParse({ ...valid, recipientIds: ["4", "MailHarbor"] });
    expect(bad.error?.issues.find((i) => i.path[0] === "recipientIds")?.message).toBe("invalid");
    const many = purposeFieldsSchema.safeParse({ ...valid, recipientIds: Array.from({ length: 51 }, (_, i) => String(i + 1)) });
    expect(many.error?.issues.find((i) => i.path[0] === "recipientIds")?.message).toBe("too-many");
  });
});
