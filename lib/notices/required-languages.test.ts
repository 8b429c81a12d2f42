import { describe, expect, it } from "vitest";
import {
  defaultNoticeLanguages,
  missingNoticeLanguages,
  noticeLanguagesByJurisdiction,
  noticeLanguagesFormSchema,
  requiredNoticeLanguages,
} from "./required-languages";

describe("defaultNoticeLanguages", () => {
  it("asks Korean in Korea, Japanese in Japan and English in the EU, the UK and California", () => {
    expect(defaultNoticeLanguages).toEqual({ EU: ["en"], UK: ["en"], "US-CA": ["en"], KR: ["ko"], JP: ["ja"] });
  });
});

describe("noticeLanguagesByJurisdiction", () => {
  it("uses the defaults when the brand has set nothing", () => {
    expect(noticeLanguagesByJurisdiction(null)).toEqual({ EU: ["en"], UK: ["en"], "US-CA": ["en"], KR: ["ko"], JP: ["ja"] });
  });

  it("adds the brand's languages to a jurisdiction's default, never replacing it", () => {
    expect(noticeLanguagesByJurisdiction({ EU: ["ko", "ja"], KR: ["en"] })).toMatchObject({
      EU: ["en", "ja", "ko"],
      KR: ["en", "ko"],
      JP: ["ja"],
    });
  });

  it("ignores unknown languages, unknown jurisdictions and a malformed setting", () => {
    expect(noticeLanguagesByJurisdiction({ EU: ["de", "ko"], XX: ["ja"] }).EU).toEqual(["en", "ko"]);
    expect(noticeLanguagesByJurisdiction("garbage")).toEqual(noticeLanguagesByJurisdiction(null));
    expect(noticeLanguagesByJurisdiction({ EU: "ko" })).toEqual(noticeLanguagesByJurisdiction(null));
  });
});

describe("requiredNoticeLanguages", () => {
  it("joins the languages of every jurisdiction once, sorted", () => {
    expect(requiredNoticeLanguages(["KR", "EU", "US-CA", "UK"], null)).toEqual(["en", "ko"]);
    expect(requiredNoticeLanguages(["JP", "KR", "EU"], { JP: ["en"] })).toEqual(["en", "ja", "ko"]);
  });

  it("requires nothing for no jurisdiction or an unknown one", () => {
    expect(requiredNoticeLanguages([], null)).toEqual([]);
    expect(requiredNoticeLanguages(["Mars"], null)).toEqual([]);
  });
});

describe("missingNoticeLanguages", () => {
  it("names Korean for a Korean purpose whose Korean notice is not published", () => {
    expect(missingNoticeLanguages(["KR"], null, ["en", "ja"])).toEqual(["ko"]);
  });

  it("lists every missing language once, sorted", () => {
    expect(missingNoticeLanguages(["KR", "JP", "EU", "UK"], { EU: ["ja", "ko"] }, [])).toEqual(["en", "ja", "ko"]);
  });

  it("is empty once each required language is published", () => {
    expect(missingNoticeLanguages(["KR", "EU"], null, new Set(["ko", "en"]))).toEqual([]);
  });

  it("counts a language the brand added", () => {
    expect(missingNoticeLanguages(["US-CA"], { "US-CA": ["ko"] }, ["en"])).toEqual(["ko"]);
  });
});

describe("noticeLanguagesFormSchema", () => {
  const schema = noticeLanguagesFormSchema(["en", "ko", "ja"]);

  it("keeps only what the brand adds to each default", () => {
    const parsed = schema.parse({ lang_EU: ["en", "ko"], lang_KR: "ko", lang_JP: ["ja", "en", "en"], lang_UK: [] });
    expect(parsed).toEqual({ EU: ["ko"], JP: ["en"] });
  });

  it("refuses a language the brand has not enabled", () => {
    const result = noticeLanguagesFormSchema(["en", "ko"]).safeParse({ lang_EU: ["ja"] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ["lang_EU", 0], message: "not-enabled" });
  });

  it("refuses a language Candor has no notices for", () => {
    expect(schema.safeParse({ lang_EU: ["de"] }).success).toBe(false);
  });
});
