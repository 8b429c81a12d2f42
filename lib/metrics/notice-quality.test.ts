import { describe, expect, it } from "vitest";
import { noticeQuality, versionIsPlain, versionsInForce, type NoticeVersionFact } from "./notice-quality";
import { DAY_MS as DAY } from "../time";

const now = Date.parse("2026-06-01T00:00:00Z");
const plainEn = {
  what: "Your name and email.",
  why: "We send you news once a week.",
  retention: "We keep it for two years.",
  recipients: "No one else sees it.",
  withdraw: "You can stop at any time.",
  refusal: "You get no news.",
};
const v = (
  id: number,
  purposeId: number,
  locale: string,
  daysAgo: number,
  shortLayer: NoticeVersionFact["shortLayer"] = plainEn,
): NoticeVersionFact => ({
  id,
  purposeId,
  locale,
  publishedAt: now - daysAgo * DAY,
  shortLayer,
});

describe("versionIsPlain", () => {
  it("accepts short, easy English and refuses a long, dense sentence", () => {
    expect(versionIsPlain(v(1, 1, "en", 0))).toBe(true);
    const dense =
      "Notwithstanding any contractual arrangements previously communicated, personal information may be processed by affiliated organizations, subcontractors, and various commercial intermediaries for analytical, operational, promotional and administrative purposes indefinitely.";
    expect(versionIsPlain(v(2, 1, "en", 0, { ...plainEn, why: dense }))).toBe(false);
  });

  it("measures Korean by sentence length", () => {
    expect(versionIsPlain(v(3, 1, "ko", 0, { why: "뉴스레터를 보내 드립니다.", what: "이메일 주소." }))).toBe(true);
    expect(versionIsPlain(v(4, 1, "ko", 0, { why: "가".repeat(80) + "." }))).toBe(false);
  });
});

describe("versionsInForce and noticeQuality", () => {
  it("takes the latest version published by the instant, per purpose and locale", () => {
    const versions = [v(1, 1, "en", 500), v(2, 1, "en", 100), v(3, 1, "ko", 400), v(4, 2, "en", -5)];
    expect(
      versionsInForce(versions, now)
        .map((x) => x.id)
        .sort(),
    ).toEqual([2, 3]);
    expect(
      versionsInForce(versions, now - 200 * DAY)
        .map((x) => x.id)
        .sort(),
    ).toEqual([1, 3]);
  });

  it("counts plain and fresh notices among those in force", () => {
    const versions = [v(1, 1, "en", 500), v(2, 1, "en", 100), v(3, 1, "ko", 400), v(5, 3, "ja", 10)];
    expect(noticeQuality(versions, now, (x) => x.id !== 3)).toEqual({ notices: 3, plain: 2, fresh: 2, plainShare: 66.7, freshShare: 66.7 });
    expect(noticeQuality([], now)).toMatchObject({ notices: 0, plainShare: null });
  });
});
