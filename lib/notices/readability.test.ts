import { describe, expect, it } from "vitest";
import { countChars } from "./sentences";
import {
  countSyllables,
  FLESCH_MIN_WORDS,
  fleschBand,
  fleschKincaidGrade,
  fleschReadingEase,
  readability,
  readabilityOfFields,
  readabilityVerdict,
} from "./readability";

describe("Flesch formulas", () => {
  // Reference values from wooorm's flesch and flesch-kincaid packages (their tests and readme).
  it("matches the published Reading Ease examples", () => {
    expect(fleschReadingEase({ sentences: 1, words: 6, syllables: 6 })).toBeCloseTo(116.145, 6); // "The cat sat on the mat."
    expect(fleschReadingEase({ sentences: 1, words: 16, syllables: 22 })).toBeCloseTo(74.27, 6);
    expect(fleschReadingEase({ sentences: 1, words: 13, syllables: 26 })).toBeCloseTo(24.44, 6);
    expect(fleschReadingEase({ sentences: 1, words: 12, syllables: 23 })).toBeCloseTo(32.505, 6);
  });

  it("matches the published Flesch-Kincaid grade example", () => {
    expect(fleschKincaidGrade({ sentences: 1, words: 13, syllables: 26 })).toBeCloseTo(13.08, 6);
  });

  it("labels each band at its lower bound", () => {
    const cases: [number, string][] = [
      [116, "very-easy"],
      [90, "very-easy"],
      [89.9, "easy"],
      [80, "easy"],
      [70, "fairly-easy"],
      [60, "plain"],
      [59.9, "fairly-difficult"],
      [50, "fairly-difficult"],
      [30, "difficult"],
      [29.9, "very-difficult"],
      [-12, "very-difficult"],
    ];
    for (const [ease, band] of cases) expect(fleschBand(ease)).toBe(band);
  });
});

describe("readability (en)", () => {
  it("scores 'The cat sat on the mat.' at about 116, very easy", () => {
    const r = readability("The cat sat on the mat.", "en");
    expect(r).toMatchObject({ sentences: 1, words: 6, unit: "words" });
    expect(r.flesch?.syllables).toBe(6);
    expect(r.flesch?.ease).toBeCloseTo(116.1, 1);
    expect(r.flesch?.band).toBe("very-easy");
  });

  it("reproduces the published platypus scores end to end (13 words, 26 syllables)", () => {
    const r = readability("The Australian platypus is seemingly a hybrid of a mammal and reptilian creature.", "en");
    expect(r.words).toBe(13);
    expect(r.flesch?.syllables).toBe(26);
    expect(r.flesch?.ease).toBeCloseTo(24.44, 2);
    expect(r.flesch?.grade).toBeCloseTo(13.08, 2);
    expect(r.flesch?.band).toBe("very-difficult");
  });

  it("applies the formula to a hand-counted passage within 0.1", () => {
    // We(1) keep(1) your(1) e-mail(2). You(1) can(1) ask(1) us(1) to(1) de-lete(2) it(1).
    // 2 sentences, 11 words, 13 syllables: 206.835 − 1.015·5.5 − 84.6·13/11 = 101.27; grade 0.50.
    const r = readability("We keep your email. You can ask us to delete it.", "en");
    expect(r).toMatchObject({ sentences: 2, words: 11, avgPerSentence: 5.5, maxPerSentence: 7 });
    expect(r.flesch?.syllables).toBe(13);
    expect(Math.abs(r.flesch!.ease - 101.27)).toBeLessThan(0.1);
    expect(Math.abs(r.flesch!.grade - 0.5)).toBeLessThan(0.1);
  });

  it("counts a number as one syllable rather than none", () => {
    expect(countSyllables("2026")).toBe(1);
    expect(countSyllables("information, privacy.")).toBe(7);
  });

  it("flags sentences over 25 words with their offsets", () => {
    const ok = "We use your email address to send you one message a week about sales on the things you have told us you like best.";
    const long =
      "We use your email address and your order history to send you one message a week about sales and new arrivals on the things you have told us you like best.";
    const text = `${ok} ${long}`;
    const r = readability(text, "en");
    expect(r.maxPerSentence).toBe(31);
    expect(r.longSentences).toEqual([{ start: ok.length + 1, end: text.length, length: 31 }]);
    expect(r.longSentenceLimit).toEqual({ unit: "words", max: 25 });
  });

  it("returns zeros and no Flesch score for empty text", () => {
    const r = readability("   ", "en");
    expect(r).toMatchObject({ sentences: 0, words: 0, avgPerSentence: 0, maxPerSentence: 0, longSentences: [] });
    expect(r.flesch).toBeUndefined();
  });
});

describe("readability (ko)", () => {
  const short = "수집한 정보는 2년 동안 보관합니다.";
  const long =
    "회사는 회원이 마케팅 정보 수신에 동의한 경우에 한하여 이메일 주소와 휴대전화 번호를 이용하여 " +
    "할인 쿠폰과 새로운 상품 소식을 보내 드리며, 회원은 언제든지 설정 화면에서 동의를 철회할 수 있습니다.";
  const text = `${short} ${long}`;

  it("reports characters per sentence and counts words in eojeol", () => {
    const r = readability(text, "ko");
    expect(r.unit).toBe("eojeol");
    expect(r.sentences).toBe(2);
    expect(r.words).toBe(5 + 28);
    expect(countChars(short)).toBe(15); // 수집한 정보는 2년 동안 보관합니다: 3+3+2+2+5
    expect(r.charsPerSentence.max).toBe(countChars(long));
    expect(r.charsPerSentence.avg).toBeCloseTo((15 + countChars(long)) / 2, 6);
    expect(r.flesch).toBeUndefined();
  });

  it("flags a sentence over 60 letters with offsets the editor can highlight", () => {
    const r = readability(text, "ko");
    expect(r.longSentenceLimit).toEqual({ unit: "chars", max: 60 });
    expect(r.longSentences).toHaveLength(1);
    const [flag] = r.longSentences;
    expect(flag.start).toBe(text.indexOf("회사는"));
    expect(flag.end).toBe(text.length);
    expect(flag.length).toBe(countChars(long));
    expect(flag.length).toBeGreaterThan(60);
  });
});

describe("readability (ja)", () => {
  it("flags a 61-character sentence but not a 60-character one", () => {
    const sixty = `${"あ".repeat(59)}。`; // 59 kana
    const at60 = readability(`${"い".repeat(60)}。`, "ja");
    const at61 = readability(`${sixty}${"う".repeat(61)}。`, "ja");
    expect(at60.longSentences).toEqual([]);
    expect(at61.longSentences).toEqual([{ start: 60, end: 122, length: 61 }]);
  });

  it("measures a natural notice in characters per sentence", () => {
    const text =
      "当社は、お客様の氏名とメールアドレスを取得します。\n" +
      "取得した情報は、お客様が会員登録の際に同意された場合に限り、お客様の購入履歴と組み合わせて分析し、" +
      "お客様のご興味に合わせたセール情報やクーポンをメールでお届けするために利用します。";
    const r = readability(text, "ja");
    expect(r).toMatchObject({ sentences: 2, unit: "chars" });
    expect(r.words).toBe(countChars(text));
    expect(r.avgPerSentence).toBeCloseTo(r.charsPerSentence.avg, 6);
    expect(r.longSentences).toHaveLength(1);
    expect(text.slice(r.longSentences[0].start, r.longSentences[0].end)).toMatch(/^取得した情報は.*利用します。$/);
  });
});

describe("readabilityOfFields", () => {
  it("reads fields as one text and names the field of each long sentence", () => {
    const why = `${"お".repeat(30)}。${"か".repeat(70)}。`;
    const r = readabilityOfFields({ what: "氏名とメールアドレス", why, contact: "" }, "ja");
    expect(r.sentences).toBe(3);
    expect(r.longSentences).toEqual([{ start: 31, end: 102, length: 70, field: "why" }]);
  });
});

describe("readabilityVerdict", () => {
  it("says there is nothing to measure in an empty text, in every language, rather than 0 per sentence", () => {
    for (const locale of ["en", "ko", "ja"] as const) {
      expect(readabilityVerdict(readability("", locale))).toEqual({ kind: "empty" });
      expect(readabilityVerdict(readability("  \n\n ", locale))).toEqual({ kind: "empty" });
      expect(readabilityVerdict(readability("…?!", locale))).toEqual({ kind: "empty" });
    }
  });

  it("gives English under 100 words its words per sentence, not a Flesch score", () => {
    const v = readabilityVerdict(readability("We keep your email. You can ask us to delete it.", "en"));
    expect(v).toEqual({ kind: "words-per-sentence", avg: 6, max: 7, words: 11, min: FLESCH_MIN_WORDS });
  });

  it("gives English of 100 words or more its Flesch score", () => {
    const sentence = "We keep your email address for two years and then delete it.";
    const text = Array.from({ length: 9 }, () => sentence).join(" "); // 12 words each: 108
    const r = readability(text, "en");
    expect(r.words).toBe(108);
    const v = readabilityVerdict(r);
    expect(v.kind).toBe("flesch");
    if (v.kind === "flesch") expect(v.flesch.ease).toBeCloseTo(r.flesch!.ease, 6);
    const shorter = readability(Array.from({ length: 8 }, () => sentence).join(" "), "en"); // 96 words
    expect(readabilityVerdict(shorter).kind).toBe("words-per-sentence");
  });

  it("gives Korean and Japanese rounded characters per sentence from the first sentence", () => {
    expect(readabilityVerdict(readability("수집한 정보는 2년 동안 보관합니다.", "ko"))).toEqual({
      kind: "chars-per-sentence",
      avg: 15,
      max: 15,
    });
    expect(readabilityVerdict(readability("あいう。えお。", "ja"))).toEqual({ kind: "chars-per-sentence", avg: 3, max: 3 });
  });
});
