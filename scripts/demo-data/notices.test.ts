import { describe, expect, it } from "vitest";
import { analyzeNotice } from "@/lib/notices/analyze";
import { noticeCatalogs, noticeLocales, versionText } from "./notice-text";
import { demoPurposes } from "./purposes";

describe("demo notices", () => {
  it("exist for every purpose in en, ko and ja", () => {
    for (const locale of noticeLocales) {
      expect(Object.keys(noticeCatalogs[locale]).sort()).toEqual(demoPurposes.map((p) => p.key).sort());
    }
  });

  it("carry every required element and no vague words, in every locale and version", () => {
    for (const p of demoPurposes) {
      for (const locale of noticeLocales) {
        const copy = noticeCatalogs[locale][p.key];
        for (const version of copy.v2 ? ([1, 2] as const) : ([1] as const)) {
          const text = versionText(copy, locale, version);
          const analysis = analyzeNotice({ locale, shortLayer: text.shortLayer, fullText: text.fullText });
          expect(analysis.missing, `${p.key} ${locale} v${version}`).toEqual([]);
          expect(analysis.vague.total, `${p.key} ${locale} v${version}`).toBe(0);
        }
      }
    }
  });

  it("give a second version to exactly the purposes that declare one, in every locale", () => {
    const withV2 = demoPurposes.filter((p) => p.v2).map((p) => p.key);
    expect(withV2).toHaveLength(2);
    expect(demoPurposes.filter((p) => p.v2?.material)).toHaveLength(1);
    for (const locale of noticeLocales) {
      const declared = Object.entries(noticeCatalogs[locale])
        .filter(([, c]) => c.v2)
        .map(([k]) => k);
      expect(declared.sort()).toEqual([...withV2].sort());
    }
  });

  it("change the text between versions and explain why", () => {
    for (const locale of noticeLocales) {
      for (const [key, copy] of Object.entries(noticeCatalogs[locale])) {
        if (!copy.v2) continue;
        const v1 = versionText(copy, locale, 1);
        const v2 = versionText(copy, locale, 2);
        expect(v2.fullText, key).not.toBe(v1.fullText);
        expect(v2.changeSummary, key).toBeTruthy();
        expect(v1.changeSummary).toBeNull();
      }
    }
  });
});
