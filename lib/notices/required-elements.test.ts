import { describe, expect, it } from "vitest";
import {
  hasContactAddress,
  hasMeaningfulContent,
  missingElements,
  REQUIRED_ELEMENTS,
  SHORT_LAYER_FIELDS,
  type ShortLayer,
  unnamedRecipients,
} from "./required-elements";

const enLayer: ShortLayer = {
  what: "Your name, email address and order history.",
  why: "To send you sale alerts picked for you.",
  benefit: "You hear about discounts first.",
  retention: "Until you withdraw, and at most two years.",
  recipients: "MailHub, the company that sends our emails.",
  withdraw: "Turn it off any time in Settings.",
  refusal: "Nothing changes: your account works the same.",
  contact: "Our privacy team, privacy@candor.example.",
};

const koLayer: ShortLayer = {
  what: "이름, 이메일 주소, 구매 내역",
  why: "회원님께 맞춤 할인 소식을 보내 드리기 위해 사용합니다.",
  benefit: "관심 있는 상품의 쿠폰을 먼저 받습니다.",
  retention: "동의를 철회할 때까지, 최대 2년",
  recipients: "이메일 발송을 맡은 ㈜메일허브",
  withdraw: "설정 화면에서 언제든지 동의를 철회할 수 있습니다.",
  refusal: "동의하지 않으셔도 회원 서비스 이용에는 영향이 없습니다.",
  contact: "개인정보 보호책임자 김민지",
};

const jaLayer: ShortLayer = {
  what: "氏名、メールアドレス、購入履歴",
  why: "お客様に合わせたセール情報をお届けするため",
  benefit: "気になる商品のクーポンをいち早く受け取れます。",
  retention: "最長2年間",
  recipients: "メール配信を委託している株式会社メールハブ",
  withdraw: "設定画面からいつでも同意を撤回できます。",
  refusal: "同意しなくても、会員サービスはご利用いただけます。",
  contact: "個人情報保護窓口",
};

describe("REQUIRED_ELEMENTS", () => {
  it("maps the seven required elements to their short-layer fields", () => {
    expect(REQUIRED_ELEMENTS).toEqual([
      { key: "purpose", field: "why" },
      { key: "data", field: "what" },
      { key: "retention", field: "retention" },
      { key: "recipients", field: "recipients" },
      { key: "rights", field: "withdraw" },
      { key: "refusal", field: "refusal" },
      { key: "contact", field: "contact" },
    ]);
    expect(SHORT_LAYER_FIELDS).toHaveLength(8);
  });
});

describe("hasMeaningfulContent", () => {
  it("needs three English words", () => {
    expect(hasMeaningfulContent("Two years", "en")).toBe(false);
    expect(hasMeaningfulContent("  For two years.  ", "en")).toBe(true);
    expect(hasMeaningfulContent("— — —", "en")).toBe(false);
  });

  it("needs four Korean or Japanese letters, not counting spaces and punctuation", () => {
    expect(hasMeaningfulContent("없음", "ko")).toBe(false);
    expect(hasMeaningfulContent("1 년.", "ko")).toBe(false);
    expect(hasMeaningfulContent("1년 보관", "ko")).toBe(true);
    expect(hasMeaningfulContent("なし。", "ja")).toBe(false);
    expect(hasMeaningfulContent("1年間保存", "ja")).toBe(true);
  });

  it("treats null, undefined and whitespace as empty", () => {
    expect(hasMeaningfulContent(null, "en")).toBe(false);
    expect(hasMeaningfulContent(undefined, "ja")).toBe(false);
    expect(hasMeaningfulContent(" \n ", "ko")).toBe(false);
  });
});

describe("hasContactAddress", () => {
  it("finds email addresses and web addresses", () => {
    expect(hasContactAddress("문의: privacy@candor.example")).toBe(true);
    expect(hasContactAddress("See https://candor.example/privacy")).toBe(true);
    expect(hasContactAddress("www.candor.example をご覧ください")).toBe(true);
    expect(hasContactAddress("Ask us at the front desk @ 5 p.m.")).toBe(false);
  });
});

describe("missingElements", () => {
  it("reports nothing for complete short layers in each locale", () => {
    expect(missingElements(enLayer, "", "en")).toEqual([]);
    expect(missingElements(koLayer, "", "ko")).toEqual([]);
    expect(missingElements(jaLayer, "", "ja")).toEqual([]);
  });

  it("reports every element for an empty draft, in display order", () => {
    expect(missingElements({}, "", "en")).toEqual(["purpose", "data", "retention", "recipients", "rights", "refusal", "contact"]);
    expect(missingElements(null, "", "ko")).toHaveLength(7);
  });

  it("does not require the benefit field", () => {
    expect(missingElements({ ...enLayer, benefit: "" }, "", "en")).toEqual([]);
  });

  it("reports stubs too short to say anything", () => {
    expect(missingElements({ ...enLayer, retention: "2 years", recipients: "None" }, "", "en")).toEqual(["retention", "recipients"]);
    expect(missingElements({ ...koLayer, refusal: "없음" }, "", "ko")).toEqual(["refusal"]);
    expect(missingElements({ ...jaLayer, recipients: "なし" }, "", "ja")).toEqual(["recipients"]);
  });

  it("accepts a bare email address as the contact", () => {
    expect(missingElements({ ...enLayer, contact: "privacy@candor.example" }, "", "en")).toEqual([]);
  });

  it("accepts an email address or URL in the full text when the contact field is empty", () => {
    const layer = { ...jaLayer, contact: "" };
    expect(missingElements(layer, "ご質問は窓口までお寄せください。", "ja")).toEqual(["contact"]);
    expect(missingElements(layer, "お問い合わせ：privacy@candor.example", "ja")).toEqual([]);
    expect(missingElements({ ...koLayer, contact: "" }, "자세한 내용은 https://candor.example/privacy 를 참고하세요.", "ko")).toEqual([]);
  });

  it("does not let the full text stand in for other elements", () => {
    expect(missingElements({ ...enLayer, why: "" }, "We use your email to send sale alerts.", "en")).toEqual(["purpose"]);
  });
});

describe("unnamedRecipients", () => {
  const registry = [{ name: "MailHarbor Inc." }, { name: "TextBridge Messaging Ltd." }, { name: "CloudNest Hosting GmbH" }];

  it("finds the recipients a notice's answer leaves out, by their name's first word, in any case and language", () => {
    expect(unnamedRecipients("MailHarbor Inc. in the United States sends our emails.", registry).map((r) => r.name)).toEqual([
      "TextBridge Messaging Ltd.",
      "CloudNest Hosting GmbH",
    ]);
    expect(unnamedRecipients("mailharbor(미국)와 TEXTBRIDGE(아일랜드)가 발송을 대행합니다", registry).map((r) => r.name)).toEqual([
      "CloudNest Hosting GmbH",
    ]);
  });

  it("names nobody missing when the purpose has no recipients, and everybody when the answer is blank", () => {
    expect(unnamedRecipients("No one else sees it.", [])).toEqual([]);
    expect(unnamedRecipients(undefined, registry)).toHaveLength(3);
  });

  it("matches a short first word only as the whole name", () => {
    const shortNamed = [{ name: "Ox Analytics" }];
    expect(unnamedRecipients("Our box supplier", shortNamed)).toHaveLength(1);
    expect(unnamedRecipients("Ox Analytics (US) measures visits", shortNamed)).toEqual([]);
  });
});
