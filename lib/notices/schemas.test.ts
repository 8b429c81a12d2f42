import { describe, expect, it } from "vitest";
import { noticeDraftSchema } from "./schemas";

const form = {
  purposeId: "3",
  locale: "ko",
  versionId: "",
  title: "마케팅 정보 수신",
  fullText: "전문",
  "short.what": "이메일 주소",
  "short.why": "새 상품 소식을 보내기 위해",
};

describe("noticeDraftSchema", () => {
  it("gathers the flat short-layer fields into one object, blanks for the rest", () => {
    const parsed = noticeDraftSchema.parse(form);
    expect(parsed.shortLayer).toEqual({
      what: "이메일 주소",
      why: "새 상품 소식을 보내기 위해",
      benefit: "",
      retention: "",
      recipients: "",
      withdraw: "",
      refusal: "",
      contact: "",
    });
    expect(parsed.versionId).toBeUndefined();
    expect(parsed.material).toBe(false);
    expect(parsed.changeSummary).toBeNull();
  });

  it("reads the material box and an existing version id", () => {
    const parsed = noticeDraftSchema.parse({ ...form, versionId: "12", material: "on", changeSummary: "Adds SMS" });
    expect(parsed).toMatchObject({ versionId: 12, material: true, changeSummary: "Adds SMS" });
  });

  it("refuses an unknown locale, a missing title and an oversized field", () => {
    const r = noticeDraftSchema.safeParse({ ...form, locale: "fr", title: " ", "short.what": "x".repeat(601) });
    expect(r.success).toBe(false);
    const paths = r.success ? [] : r.error.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["locale", "title", "short.what"]));
  });
});
