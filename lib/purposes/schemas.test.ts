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
