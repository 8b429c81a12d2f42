import { describe, expect, it } from "vitest";
import { findVagueWords, VAGUE_WORDS } from "./vague-words";
import type { Locale } from "./sentences";

// Each match as "entry=matched text", so a test reads like the highlight the author sees.
const found = (text: string, locale: Locale) => findVagueWords(text, locale).map((m) => `${m.word}=${text.slice(m.start, m.end)}`);

describe("VAGUE_WORDS", () => {
  it("lists the five WP260 words first for English", () => {
    expect(VAGUE_WORDS.en.slice(0, 5)).toEqual(["may", "might", "some", "certain", "various"]);
    expect(VAGUE_WORDS.en).toEqual(expect.arrayContaining(["could", "possibly", "etc.", "and/or", "as needed"]));
  });

  it("has Korean and Japanese counterparts", () => {
    expect(VAGUE_WORDS.ko).toEqual(expect.arrayContaining(["수 있습니다", "일부", "특정", "다양한", "등", "필요한 경우", "기타"]));
    expect(VAGUE_WORDS.ja).toEqual(
      expect.arrayContaining(["場合があります", "可能性があります", "一部", "特定の", "様々な", "等", "など", "必要に応じて", "その他"]),
    );
  });
});

describe("findVagueWords (en)", () => {
  it("finds whole words case-insensitively, with offsets", () => {
    const text = "We may share some data with certain partners. Various teams might see it.";
    expect(findVagueWords(text, "en")).toEqual([
      { word: "may", start: 3, end: 6 },
      { word: "some", start: 13, end: 17 },
      { word: "certain", start: 28, end: 35 },
      { word: "various", start: 46, end: 53 },
      { word: "might", start: 60, end: 65 },
    ]);
  });

  it("ignores the words inside longer words", () => {
    expect(found("The mayor is someone who handsomely, certainly, mightily, etcetera, mayhem.", "en")).toEqual([]);
  });

  it("treats a capitalised May next to a number or after a date word as the month", () => {
    expect(found("Updated 1 May 2026. Since May, emails go out in May.", "en")).toEqual([]);
    expect(found("May 2026 update: we may email you.", "en")).toEqual(["may=may"]);
  });

  it("still flags a sentence-initial or shouted May", () => {
    expect(found("May we email you? WE MAY SHARE IT. What We May Share", "en")).toEqual(["may=May", "may=MAY", "may=May"]);
  });

  it("finds phrases across spaces and line breaks", () => {
    expect(found("From time to time, as needed, among other\nthings, and/or etc.", "en")).toEqual([
      "from time to time=From time to time",
      "as needed=as needed",
      "among other things=among other\nthings",
      "and/or=and/or",
      "etc.=etc.",
    ]);
  });
});

describe("findVagueWords (ko)", () => {
  it("finds vague words in a natural notice", () => {
    const text =
      "회사는 이름, 이메일 주소 등을 수집하며, 필요한 경우 일부 정보를 특정 제휴사에 제공할 수 있습니다. " +
      "다양한 이벤트 소식과 기타 안내를 보내 드립니다.";
    expect(found(text, "ko")).toEqual([
      "등=등",
      "필요한 경우=필요한 경우",
      "일부=일부",
      "특정=특정",
      "수 있습니다=제공할 수 있습니다",
      "다양한=다양한",
      "기타=기타",
    ]);
  });

  it("does not read 등 inside 등록, 등급, 평등 or 1등", () => {
    expect(found("회원 등록 시 등급이 정해지며, 모든 회원을 평등하게 대하고 1등 경품을 드립니다.", "ko")).toEqual([]);
  });

  it("accepts 등 before a particle or a break", () => {
    expect(found("이름 등의 정보, 주소 등, 전화번호 등으로 연락합니다. 쿠키 등", "ko")).toEqual(["등=등", "등=등", "등=등", "등=등"]);
  });

  it("does not read 일부 inside 통일부 or 일부러, nor 기타 inside 기타리스트", () => {
    expect(found("통일부 공지를 일부러 옮겼고, 기타리스트 모집 글도 있습니다.", "ko")).toEqual([]);
  });

  it("leaves the subject's own rights alone: 철회할 수 있습니다 is not a hedge", () => {
    expect(found("언제든지 동의를 철회할 수 있습니다. 열람을 요청하실 수 있습니다.", "ko")).toEqual([]);
    expect(found("서비스 이용이 제한될 수 있습니다. 광고에 이용될수있음.", "ko")).toEqual([
      "수 있습니다=제한될 수 있습니다",
      "수 있습니다=이용될수있음",
    ]);
  });

  it("flags 필요 시 but not 필요시간", () => {
    expect(found("필요 시 연락드립니다. 필요시에는 알립니다. 처리 필요시간은 3일입니다.", "ko")).toEqual([
      "필요 시=필요 시",
      "필요 시=필요시",
    ]);
  });
});

describe("findVagueWords (ja)", () => {
  it("finds vague words in a natural notice", () => {
    const text =
      "当社は、氏名、住所等の情報を、必要に応じて一部の特定の第三者に提供する場合があります。" +
      "様々なサービスのご案内など、その他のお知らせをお送りすることがあります。";
    expect(found(text, "ja")).toEqual([
      "等=等",
      "必要に応じて=必要に応じて",
      "一部=一部",
      "特定の=特定の",
      "場合があります=場合があります",
      "様々な=様々な",
      "など=など",
      "その他=その他",
      "ことがあります=ことがあります",
    ]);
  });

  it("does not read 等 inside 平等, 同等, 高等, 等しい or 等級", () => {
    expect(found("すべてのお客様を平等に扱い、同等の保護を行います。高等学校の生徒も等しく、等級はありません。", "ja")).toEqual([]);
  });

  it("does not flag 特定個人情報, 第一部, or an experience (利用したことがあります)", () => {
    expect(found("特定個人情報は取得しません。第一部をご覧ください。以前に利用したことがあります。", "ja")).toEqual([]);
  });

  it("matches polite and hiragana variants", () => {
    expect(found("ご連絡する可能性がございます。さまざまな方法で、そのほかの情報も扱います。", "ja")).toEqual([
      "可能性があります=可能性がございます",
      "様々な=さまざまな",
      "その他=そのほか",
    ]);
  });
});

describe("findVagueWords at the edges of the text", () => {
  it("matches at the very start and end", () => {
    expect(found("等の情報", "ja")).toEqual(["等=等"]);
    expect(found("ことがあります", "ja")).toEqual(["ことがあります=ことがあります"]);
    expect(found("Some", "en")).toEqual(["some=Some"]);
    expect(found("주소 등", "ko")).toEqual(["등=등"]);
  });
});
