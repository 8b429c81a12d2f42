import { isLocale, type Locale } from "../i18n/config";
import { reasonText, systemReasonOf } from "./system-reasons";
import type { DenialReason, RequestOutcome } from "./vocabulary";

/** Why a request (or part of it) was denied, as the person reads it in a message and on their status page. */
const denialSentences: Record<Locale, Record<DenialReason, string>> = {
  en: {
    not_verifiable: "We could not verify your identity",
    not_a_consumer: "The law that gives this right does not cover you (you are not a resident of the state it protects)",
    exempt: "The law exempts this information from the request",
    other: "We could not act on it",
  },
  ko: {
    not_verifiable: "본인 확인을 할 수 없었습니다",
    not_a_consumer: "이 권리를 정한 법이 회원님께 적용되지 않습니다(해당 주의 거주자가 아닙니다)",
    exempt: "법에 따라 이 정보는 요청 대상에서 제외됩니다",
    other: "요청을 처리할 수 없었습니다",
  },
  ja: {
    not_verifiable: "ご本人確認ができませんでした",
    not_a_consumer: "この権利を定める法律がお客様には適用されません（対象の州の居住者ではありません）",
    exempt: "法律により、この情報はご請求の対象外です",
    other: "ご請求に対応できませんでした",
  },
};

const partSentence: Record<Locale, (reason: string) => string> = {
  en: (reason) => `Part of your request was not carried out. ${reason}.`,
  ko: (reason) => `요청의 일부는 처리하지 않았습니다. ${reason}.`,
  ja: (reason) => `ご請求の一部には対応していません。${reason}。`,
};

/** What a closed request records about its ending, as the readers below take it. */
export type RecordedOutcome = {
  outcome: RequestOutcome | null;
  denialReason: DenialReason | null;
  outcomeNote: string | null;
  rejectionReason: string | null;
};

/**
 * The reason of a denial, or of a part withheld, in the person's language: Candor's own reasons (an identity not
 * verified in time) as they are written, otherwise the reason's sentence with the officer's note, as written, after it.
 * A request closed before outcomes existed and never mapped falls back to its stored reason.
 */
export function denialText(r: RecordedOutcome, locale: string): string | null {
  const l: Locale = isLocale(locale) ? locale : "en";
  if (r.rejectionReason && systemReasonOf(r.rejectionReason)) return reasonText(r.rejectionReason, l);
  if (!r.denialReason) return r.rejectionReason ? reasonText(r.rejectionReason, l) : null;
  // "Other" is the officer's own reason: their note says it all.
  if (r.denialReason === "other" && r.outcomeNote) return r.outcomeNote;
  const sentence = denialSentences[l][r.denialReason];
  return r.outcomeNote ? `${sentence}: ${r.outcomeNote}` : sentence;
}

/** The sentence a completion message adds when part of the request was withheld, or "" when it was complied with in whole. */
export function withheldSentence(r: RecordedOutcome, locale: string): string {
  if (r.outcome !== "complied_in_part") return "";
  const l: Locale = isLocale(locale) ? locale : "en";
  return partSentence[l](denialText(r, l) ?? "");
}
