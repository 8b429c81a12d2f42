import { describe, expect, it } from "vitest";
import { analyzeNotice } from "./analyze";
import type { ShortLayer } from "./required-elements";

const enLayer: ShortLayer = {
  what: "Your name, email address and order history.",
  why: "To send you sale alerts picked for you.",
  benefit: "You hear about discounts first.",
  retention: "Until you withdraw, and at most two years.",
  recipients: "MailHub, the company that sends our emails, may see your email address.",
  withdraw: "Turn it off any time in Settings.",
  refusal: "Nothing changes: your account works the same.",
  contact: "",
};

describe("analyzeNotice", () => {
  it("brings missing elements, readability, reading time and vague words together (en)", () => {
    const fullText =
      "We use your name, email address and order history to send you sale alerts. " +
      "We may share some of it with various partners. Write to privacy@candor.example with questions.";
    const a = analyzeNotice({ locale: "en", shortLayer: enLayer, fullText });

    expect(a.locale).toBe("en");
    expect(a.missing).toEqual([]); // contact comes from the full text's email address
    expect(a.readability.fullText).toMatchObject({ sentences: 3, words: 28, unit: "words" }); // 14 + 9 + 5;
    expect(a.readability.fullText.flesch?.band).toBeDefined();
    expect(a.readability.shortLayer.sentences).toBe(7); // the empty contact field adds none
    expect(a.readingTime.fullText).toMatchObject({ count: 28, seconds: 8, minutes: 1 }); // 28 × 60 / 238 = 7.06;
    expect(a.readingTime.shortLayer.count).toBe(a.readability.shortLayer.words);
    expect(a.vague.fullText.map((m) => m.word)).toEqual(["may", "some", "various"]);
    const at = enLayer.recipients.indexOf("may");
    expect(a.vague.shortLayer.recipients).toEqual([{ word: "may", start: at, end: at + 3 }]);
    expect(a.vague.shortLayer.what).toEqual([]);
    expect(a.vague.total).toBe(4);
  });

  it("flags long Korean sentences in the short layer by field", () => {
    const why =
      "회원님이 마케팅 정보 수신에 동의하신 경우에 한하여 이메일 주소와 휴대전화 번호를 이용하여 할인 쿠폰과 새로운 상품 소식을 보내 드리기 위해 사용합니다.";
    const a = analyzeNotice({
      locale: "ko",
      shortLayer: { what: "이름, 이메일 주소", why, retention: "최대 2년 동안 보관합니다." },
      fullText: "",
    });
    expect(a.missing).toEqual(["recipients", "rights", "refusal", "contact"]);
    expect(a.readability.shortLayer.unit).toBe("eojeol");
    expect(a.readability.shortLayer.longSentences).toEqual([expect.objectContaining({ field: "why", start: 0, end: why.length })]);
    expect(a.readability.fullText).toMatchObject({ sentences: 0, words: 0 });
    expect(a.readingTime.fullText).toMatchObject({ seconds: 0, minutes: 0 });
  });

  it("counts Japanese reading time in characters and finds vague words in fields and full text", () => {
    const fullText = "当社は、氏名等の情報を取得します。\n必要に応じて、委託先に提供する場合があります。";
    const a = analyzeNotice({
      locale: "ja",
      shortLayer: { what: "氏名、メールアドレスなど", why: "セール情報をお届けするため" },
      fullText,
    });
    expect(a.readingTime.fullText.unit).toBe("chars");
    expect(a.readingTime.fullText.count).toBe(36); // 15 + 21 letters; 、。 and the line break are not read
    expect(a.vague.fullText.map((m) => m.word)).toEqual(["等", "必要に応じて", "場合があります"]);
    expect(a.vague.shortLayer.what.map((m) => m.word)).toEqual(["など"]);
    expect(a.missing).toEqual(["retention", "recipients", "rights", "refusal", "contact"]);
  });

  it("analyses a notice of several thousand characters", () => {
    // Speed is for the bench (SPEC: not timed tests); this checks the counts hold at size.
    const paragraph =
      "We use your name, email address and order history to send you sale alerts picked for you. " +
      "We keep it until you withdraw, and at most two years. You can turn it off at any time in Settings.\n\n";
    const a = analyzeNotice({ locale: "en", shortLayer: enLayer, fullText: paragraph.repeat(25) });
    expect(a.readability.fullText).toMatchObject({ sentences: 75, words: 25 * 38 }); // 17 + 11 + 10 words a paragraph
    expect(a.readingTime.fullText).toMatchObject({ count: 950, seconds: 240, minutes: 4 }); // 950 × 60 / 238 = 239.5
  });
});
