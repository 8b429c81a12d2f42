import { describe, expect, it } from "vitest";
import { countChars, countWords, splitSentences, type Locale } from "./sentences";

const texts = (text: string, locale: Locale) => splitSentences(text, locale).map((s) => s.text);

describe("splitSentences (en)", () => {
  it("splits on . ! ? followed by a space or the end", () => {
    expect(texts("We collect your email. Why? To send offers! That is all.", "en")).toEqual([
      "We collect your email.",
      "Why?",
      "To send offers!",
      "That is all.",
    ]);
  });

  it("keeps e.g., i.e., titles, initials, decimals, emails and URLs inside the sentence", () => {
    const text =
      "We use contact data, e.g. your email, and usage data (i.e. pages you view). " +
      "Mr. Kim and J. Smith own 3.5% of Candor. Write to privacy@candor.example or see https://candor.example/privacy?lang=en. Thanks.";
    expect(texts(text, "en")).toEqual([
      "We use contact data, e.g. your email, and usage data (i.e. pages you view).",
      "Mr. Kim and J. Smith own 3.5% of Candor.",
      "Write to privacy@candor.example or see https://candor.example/privacy?lang=en.",
      "Thanks.",
    ]);
  });

  it("ends a sentence at etc. or Inc. only when a capitalised word follows", () => {
    expect(texts("We keep names, emails, etc. and nothing else. Candor Inc. and its partners agree.", "en")).toHaveLength(2);
    expect(texts("We keep names, emails, etc. We delete the rest.", "en")).toEqual(["We keep names, emails, etc.", "We delete the rest."]);
  });

  it("keeps closing quotes and brackets with the sentence they close", () => {
    expect(texts('Click "Stop emails." Then we stop. (We mean it.) Done...', "en")).toEqual([
      'Click "Stop emails."',
      "Then we stop.",
      "(We mean it.)",
      "Done...",
    ]);
  });

  it("ends sentences at blank lines and list items but not at a wrapped line", () => {
    const text = "What we collect\n\nWe collect your name\nand your email\n- order history\n- device type\n1. First\n2. Second";
    expect(texts(text, "en")).toEqual([
      "What we collect",
      "We collect your name\nand your email",
      "- order history",
      "- device type",
      "1. First",
      "2. Second",
    ]);
  });

  it("reports offsets that slice back to the sentence, whitespace trimmed", () => {
    const text = "  First one.   Second one?\n\n Third ";
    for (const s of splitSentences(text, "en")) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(splitSentences(text, "en").map((s) => [s.start, s.end])).toEqual([
      [2, 12],
      [15, 26],
      [29, 34],
    ]);
  });

  it("returns nothing for empty or punctuation-only text", () => {
    expect(splitSentences("", "en")).toEqual([]);
    expect(splitSentences(" ... \n - ", "en")).toEqual([]);
  });
});

describe("splitSentences (ko)", () => {
  const notice =
    "회사는 할인 소식을 보내 드리기 위해 이름과 이메일 주소를 수집합니다. 수집한 정보는 2년 동안 보관해요. " +
    "동의하지 않으면 어떻게 되나요? 회원 서비스는 그대로 이용할 수 있습니다!";

  it("splits on . ! ? between eojeol", () => {
    expect(texts(notice, "ko")).toEqual([
      "회사는 할인 소식을 보내 드리기 위해 이름과 이메일 주소를 수집합니다.",
      "수집한 정보는 2년 동안 보관해요.",
      "동의하지 않으면 어떻게 되나요?",
      "회원 서비스는 그대로 이용할 수 있습니다!",
    ]);
  });

  it("ends a sentence after -다. or -요. even without a following space", () => {
    expect(texts("이메일 주소를 수집합니다.수집한 정보는 2년간 보관해요.그 뒤에는 지웁니다.", "ko")).toEqual([
      "이메일 주소를 수집합니다.",
      "수집한 정보는 2년간 보관해요.",
      "그 뒤에는 지웁니다.",
    ]);
  });

  it("keeps decimals and email addresses inside a Korean sentence", () => {
    expect(texts("문의는 privacy@candor.example 으로 보내 주세요. 전체 회원의 3.5%만 해당됩니다.", "ko")).toHaveLength(2);
  });

  it("gives offsets into the original text", () => {
    const [, second] = splitSentences(notice, "ko");
    expect(second.start).toBe(notice.indexOf("수집한"));
    expect(notice.slice(second.start, second.end)).toBe("수집한 정보는 2년 동안 보관해요.");
  });
});

describe("splitSentences (ja)", () => {
  it("splits on 。！？ and full-width ．, keeping closing brackets", () => {
    const text = "当社は氏名とメールアドレスを取得します。（いつでも変更できます。）ご不明な点は？いつでもどうぞ！以上です．";
    expect(texts(text, "ja")).toEqual([
      "当社は氏名とメールアドレスを取得します。",
      "（いつでも変更できます。）",
      "ご不明な点は？",
      "いつでもどうぞ！",
      "以上です．",
    ]);
  });

  it("ends a sentence at every line break", () => {
    expect(texts("取得する情報\n氏名、メールアドレス\n\n利用目的：セール情報のお届け", "ja")).toEqual([
      "取得する情報",
      "氏名、メールアドレス",
      "利用目的：セール情報のお届け",
    ]);
  });

  it("does not split a URL at a half-width question mark", () => {
    expect(texts("詳しくは https://candor.example/privacy?lang=ja をご覧ください。", "ja")).toHaveLength(1);
  });
});

describe("countWords", () => {
  it("counts English words, ignoring stray punctuation", () => {
    expect(countWords("We collect your name — and, e.g., your email.", "en")).toBe(8);
  });

  it("counts Korean eojeol, the space-separated units", () => {
    expect(countWords("회사는 이름과 이메일 주소를 수집합니다.", "ko")).toBe(5);
  });

  it("counts Japanese letters and digits, not spaces or punctuation", () => {
    // 当社は(3) 氏名(2) メールアドレス(7) を取得します(6) = 18; 、、。 and the space do not count.
    expect(countWords("当社は、氏名、メールアドレス を取得します。", "ja")).toBe(18);
    expect(countChars("「2年間」保存します。")).toBe(8);
  });
});
