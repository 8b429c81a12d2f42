import { describe, expect, it } from "vitest";
import { policyChangeSchema } from "./schemas";

describe("policyChangeSchema", () => {
  it("needs what changed in every language for a material change", () => {
    const r = policyChangeSchema.safeParse({ versionId: "3", material: "on", "summary.en": "New transfers.", "summary.ko": " " });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join("."))).toEqual(["summary.ko", "summary.ja"]);
  });

  it("keeps no summary for an editorial change", () => {
    expect(policyChangeSchema.parse({ versionId: "3", "summary.en": "typo" })).toEqual({
      versionId: 3,
      material: false,
      changeSummary: null,
    });
  });

  it("keeps each language's summary for a material change", () => {
    expect(policyChangeSchema.parse({ versionId: "3", material: "on", "summary.en": "a", "summary.ko": "가", "summary.ja": "あ" })).toEqual(
      {
        versionId: 3,
        material: true,
        changeSummary: { en: "a", ko: "가", ja: "あ" },
      },
    );
  });
});
