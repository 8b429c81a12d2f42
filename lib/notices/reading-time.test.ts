import { describe, expect, it } from "vitest";
import { READING_SPEED, readingTime, readingTimeFromCount } from "./reading-time";

describe("readingTimeFromCount", () => {
  it("reads 476 English words in 120 s (238 wpm)", () => {
    expect(readingTimeFromCount(476, "en")).toEqual({ count: 476, unit: "words", seconds: 120, minutes: 2 });
  });

  it("reads 202 Korean eojeol in 60 s", () => {
    expect(readingTimeFromCount(202, "ko")).toEqual({ count: 202, unit: "eojeol", seconds: 60, minutes: 1 });
  });

  it("reads 600 Japanese characters in 60 s", () => {
    expect(readingTimeFromCount(600, "ja")).toEqual({ count: 600, unit: "chars", seconds: 60, minutes: 1 });
  });

  it("rounds seconds and minutes up", () => {
    expect(readingTimeFromCount(1, "en")).toMatchObject({ seconds: 1, minutes: 1 });
    expect(readingTimeFromCount(239, "en")).toMatchObject({ seconds: 61, minutes: 2 });
    expect(readingTimeFromCount(601, "ja")).toMatchObject({ seconds: 61, minutes: 2 });
  });

  it("gives 0 s and 0 min for nothing to read", () => {
    expect(readingTimeFromCount(0, "ko")).toMatchObject({ seconds: 0, minutes: 0 });
  });

  it("uses the speeds from standards.md", () => {
    expect(READING_SPEED).toEqual({
      en: { perMinute: 238, unit: "words" },
      ko: { perMinute: 202, unit: "eojeol" },
      ja: { perMinute: 600, unit: "chars" },
    });
  });
});

describe("readingTime", () => {
  it("counts the text in its locale's unit", () => {
    const en = "We keep your email for two years. ".repeat(68); // 7 words × 68 = 476
    expect(readingTime(en, "en")).toMatchObject({ count: 476, seconds: 120 });

    const ko = "회원님의 이메일 주소는 2년 동안 보관합니다. ".repeat(40); // 6 eojeol × 40 = 240
    expect(readingTime(ko, "ko")).toMatchObject({ count: 240, seconds: 72, minutes: 2 });

    const ja = "メールアドレスは二年間保存します。".repeat(40); // 16 characters × 40 = 640; 。 is not read
    expect(readingTime(ja, "ja")).toMatchObject({ count: 640, seconds: 64, minutes: 2 });
  });
});
