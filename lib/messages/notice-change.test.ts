import { describe, expect, it } from "vitest";
import { noticeChangeMessage } from "./notice-change";

const vars = {
  brand: "Northtrail",
  title: "Trail tips",
  summary: "Adds SMS",
  noticeUrl: "https://c/notices/x",
  preferencesUrl: "https://c/preferences",
};

describe("noticeChangeMessage", () => {
  it("asks again after a material change, with both links", () => {
    const m = noticeChangeMessage("en", true, vars);
    expect(m.subjectLine).toContain("choose again");
    expect(m.body).toContain(vars.preferencesUrl);
    expect(m.body).toContain("Adds SMS");
  });

  it("only informs after a non-material change", () => {
    expect(noticeChangeMessage("en", false, vars).body).toContain("do not need to do anything");
  });

  it("speaks Korean and Japanese", () => {
    expect(noticeChangeMessage("ko", true, vars).subjectLine).toContain("다시 선택");
    expect(noticeChangeMessage("ja", false, { ...vars, summary: null }).body).not.toContain("変更内容");
  });
});
