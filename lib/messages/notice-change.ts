import type { Locale } from "../i18n/config";
import { reconsentMessage } from "./templates/reconsent";
import type { TemplateText } from "./templates/vocabulary";

type Vars = { brand: string; contact?: string; title: string; summary: string | null; noticeUrl: string; preferencesUrl: string };
type Message = { subjectLine: string; body: string };

// Asking again after a material change is worded by the brand (lib/messages/templates, "notice-reconsent").
const texts: Record<Locale, { update: (v: Vars) => Message }> = {
  en: {
    update: (v) => ({
      subjectLine: `${v.brand}: we updated our notice "${v.title}"`,
      body: `We updated the wording of our notice "${v.title}".${v.summary ? `\n\nWhat changed: ${v.summary}` : ""}\n\nHow we use your data has not changed, so you do not need to do anything. You can read the notice here:\n${v.noticeUrl}\n\nYou can change your choices at any time: ${v.preferencesUrl}`,
    }),
  },
  ko: {
    update: (v) => ({
      subjectLine: `[${v.brand}] '${v.title}' 안내를 수정했습니다`,
      body: `'${v.title}' 안내의 표현을 수정했습니다.${v.summary ? `\n\n변경 내용: ${v.summary}` : ""}\n\n개인정보 이용 방식은 바뀌지 않았으므로 따로 하실 일은 없습니다. 안내는 여기에서 보실 수 있습니다.\n${v.noticeUrl}\n\n선택은 언제든지 바꾸실 수 있습니다: ${v.preferencesUrl}`,
    }),
  },
  ja: {
    update: (v) => ({
      subjectLine: `【${v.brand}】「${v.title}」の通知を更新しました`,
      body: `「${v.title}」の通知の文言を更新しました。${v.summary ? `\n\n変更内容：${v.summary}` : ""}\n\n個人情報の利用方法に変更はないため、お手続きは不要です。通知はこちらでご覧いただけます。\n${v.noticeUrl}\n\n選択はいつでも変更できます：${v.preferencesUrl}`,
    }),
  },
};

/**
 * The message that tells a subject a notice changed: asks again after a material change, in the
 * brand's current wording of "notice-reconsent" (the shipped one when none is given), informs otherwise.
 */
export function noticeChangeMessage(locale: Locale, material: boolean, vars: Vars, reconsent?: TemplateText): Message {
  if (!material) return texts[locale].update(vars);
  const { subjectLine, body } = reconsentMessage(locale, { ...vars, contact: vars.contact ?? "" }, reconsent);
  return { subjectLine, body };
}
