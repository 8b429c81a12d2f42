import type { Locale } from "../../i18n/config";
import type { Regime } from "../../requests/clock-rules";
import { completionSummary } from "../../requests/subject-messages";
import { complaintSentence } from "./complaint";
import type { PlaceholderValues } from "./vocabulary";

type SampleTexts = { reason: string; received: string; due: string; title: string; changes: string } & Record<
  "happened" | "data" | "measures" | "advice",
  string
>;

const texts: Record<Locale, SampleTexts> = {
  en: {
    reason: "We hold no personal data under the email address given.",
    received: "2026-03-02",
    due: "2026-04-02",
    title: "Personalised offers",
    changes: "What changed: we now also use your purchase history.",
    happened: "On 3 March 2026 someone outside our company reached our order system without permission.",
    data: "Contact details, Order history",
    measures: "We closed the access the same day and reset every staff password.",
    advice: "Be wary of messages that ask for your password or card details in our name.",
  },
  ko: {
    reason: "알려 주신 이메일 주소로 보유하고 있는 개인정보가 없습니다.",
    received: "2026-03-02",
    due: "2026-03-12",
    title: "맞춤형 혜택 안내",
    changes: "변경 내용: 구매 내역도 함께 이용합니다.",
    happened: "2026년 3월 3일 외부의 누군가가 허가 없이 주문 시스템에 접근했습니다.",
    data: "연락처, 주문 내역",
    measures: "당일 접근을 차단하고 모든 직원의 비밀번호를 재설정했습니다.",
    advice: "저희를 사칭해 비밀번호나 카드 정보를 묻는 메시지에 주의해 주십시오.",
  },
  ja: {
    reason: "お知らせいただいたメールアドレスで保有している個人情報はありません。",
    received: "2026-03-02",
    due: "2026-03-16",
    title: "おすすめ情報のご案内",
    changes: "変更内容：購入履歴もあわせて利用します。",
    happened: "2026年3月3日、社外の第三者が許可なく注文システムにアクセスしました。",
    data: "連絡先、注文履歴",
    measures: "当日中にアクセスを遮断し、全従業員のパスワードを再設定しました。",
    advice: "当社を装ってパスワードやカード情報を尋ねるメッセージにご注意ください。",
  },
};

/** The law a language's sample refusal is read under, until the officer picks another. */
export const sampleRegimeFor: Record<Locale, Regime> = { en: "gdpr", ko: "pipa", ja: "appi" };

/** Values the editor's preview fills a template with: the brand's own name and contact, made-up facts for the rest. */
export function sampleValues(locale: Locale, brand: { name: string; contact: string; baseUrl: string }, regime: Regime): PlaceholderValues {
  const s = texts[locale];
  return {
    brand: brand.name,
    contact: brand.contact,
    ref: "REQ-2026-00042",
    code: "482913",
    link: `${brand.baseUrl}/requests/status/REQ-2026-00042.1838246400.sample`,
    due: s.due,
    received: s.received,
    reason: s.reason,
    complaint: complaintSentence(regime, locale, brand.contact || brand.name),
    what: completionSummary("deletion", locale),
    months: "24",
    title: s.title,
    changes: s.changes,
    notice: `${brand.baseUrl}/notices/offers`,
    happened: s.happened,
    data: s.data,
    measures: s.measures,
    advice: s.advice,
  };
}
