import type { ShortLayer } from "@/db/schema";
import type { NoticeCatalog, NoticeCopy } from "./notice-copy";
import { noticesEn } from "./notices-en";
import { noticesJa } from "./notices-ja";
import { noticesKo } from "./notices-ko";
import type { Locale } from "./regions";

export const noticeLocales: readonly Locale[] = ["en", "ko", "ja"];

export const noticeCatalogs: Record<Locale, NoticeCatalog> = { en: noticesEn, ko: noticesKo, ja: noticesJa };

// The closing paragraph every notice shares: the rights, whom to ask, and where to complain.
const rightsAndContact: Record<Locale, string> = {
  en:
    "You can ask to see, correct or delete your data, or to restrict or object to its use, at any time in the preference center. " +
    "Our privacy team answers at privacy@northtrail.example, and our Data Protection Officer at dpo@northtrail.example. " +
    "If you are unhappy with our answer, you can complain to your data protection authority; in Ireland, that is the Data Protection Commission. " +
    "Northtrail Outfitters Ltd., Unit 4, Harbour Yard, Grand Canal Dock, Dublin 2, Ireland, is the controller.",
  ko:
    "개인정보 설정 센터에서 언제든 개인정보의 열람, 정정, 삭제, 처리정지를 요청하실 수 있습니다. " +
    "문의는 privacy@northtrail.example로, 개인정보 보호책임자에게는 dpo@northtrail.example로 연락해 주세요. " +
    "처리 결과에 이의가 있으시면 개인정보분쟁조정위원회나 개인정보침해 신고센터(국번 없이 118)에 도움을 요청하실 수 있습니다. " +
    "개인정보처리자는 Northtrail Outfitters Ltd.(아일랜드 더블린)입니다.",
  ja:
    "ご自身の個人情報の開示、訂正、削除、利用停止は、プライバシー設定センターからいつでも請求できます。" +
    "お問い合わせは privacy@northtrail.example、個人情報保護責任者へは dpo@northtrail.example までご連絡ください。" +
    "当社の対応にご不満がある場合は、個人情報保護委員会の相談窓口にご相談いただけます。" +
    "個人情報取扱事業者は Northtrail Outfitters Ltd.（アイルランド・ダブリン）です。",
};

// The short layer's "who to ask" line, the same on every notice of a locale.
const contactLine: Record<Locale, string> = {
  en: "Questions? Write to privacy@northtrail.example or to our Data Protection Officer at dpo@northtrail.example.",
  ko: "궁금한 점은 privacy@northtrail.example 또는 개인정보 보호책임자(dpo@northtrail.example)에게 문의해 주세요.",
  ja: "ご不明な点は privacy@northtrail.example、または個人情報保護責任者（dpo@northtrail.example）までお問い合わせください。",
};

/** Joins sentences the way each script expects: a space in English and Korean, nothing in Japanese. */
function join(locale: Locale, ...sentences: string[]): string {
  return sentences.join(locale === "ja" ? "" : " ");
}

/** The full notice: the short layer retold as paragraphs, closing with the rights and whom to ask. */
export function fullText(copy: NoticeCopy, short: ShortLayer, locale: Locale): string {
  return [
    copy.lead,
    join(locale, short.what, short.why),
    join(locale, short.benefit, short.retention),
    short.recipients,
    join(locale, short.withdraw, short.refusal),
    rightsAndContact[locale],
  ].join("\n\n");
}

export type VersionText = { title: string; shortLayer: ShortLayer; fullText: string; changeSummary: string | null };

/** The text of version 1 or 2 of a notice. */
export function versionText(copy: NoticeCopy, locale: Locale, version: 1 | 2): VersionText {
  if (version === 2 && !copy.v2) throw new Error(`"${copy.title}" has no second version`);
  const fields = version === 1 ? copy.short : { ...copy.short, ...copy.v2!.short };
  const shortLayer: ShortLayer = { ...fields, refusal: copy.refusal, contact: contactLine[locale] };
  return {
    title: copy.title,
    shortLayer,
    fullText: fullText(copy, shortLayer, locale),
    changeSummary: version === 1 ? null : copy.v2!.changeSummary,
  };
}
