import type { Locale } from "../i18n/config";

type Vars = { brand: string; title: string; summary: string | null; noticeUrl: string; preferencesUrl: string };
type Message = { subjectLine: string; body: string };

const texts: Record<Locale, { material: (v: Vars) => Message; update: (v: Vars) => Message }> = {
  en: {
    material: (v) => ({
      subjectLine: `${v.brand}: please choose again about "${v.title}"`,
      body: `We have changed how we use your personal data for "${v.title}".${v.summary ? `\n\nWhat changed: ${v.summary}` : ""}\n\nBecause this is a significant change, we will not rely on your earlier choice. Please read the new notice and choose again:\n${v.preferencesUrl}\n\nThe notice: ${v.noticeUrl}\n\nUntil you choose, we treat your answer as no.`,
    }),
    update: (v) => ({
      subjectLine: `${v.brand}: we updated our notice "${v.title}"`,
      body: `We updated the wording of our notice "${v.title}".${v.summary ? `\n\nWhat changed: ${v.summary}` : ""}\n\nHow we use your data has not changed, so you do not need to do anything. You can read the notice here:\n${v.noticeUrl}\n\nYou can change your choices at any time: ${v.preferencesUrl}`,
    }),
  },
  ko: {
    material: (v) => ({
      subjectLine: `[${v.brand}] '${v.title}' 관련 동의를 다시 선택해 주세요`,
      body: `'${v.title}' 목적의 개인정보 이용 방식이 바뀌었습니다.${v.summary ? `\n\n변경 내용: ${v.summary}` : ""}\n\n중요한 변경이므로 이전에 주신 동의는 더 이상 적용하지 않습니다. 새 안내를 읽어 보시고 다시 선택해 주세요.\n${v.preferencesUrl}\n\n안내 전문: ${v.noticeUrl}\n\n다시 선택하시기 전까지는 동의하지 않은 것으로 처리합니다.`,
    }),
    update: (v) => ({
      subjectLine: `[${v.brand}] '${v.title}' 안내를 수정했습니다`,
      body: `'${v.title}' 안내의 표현을 수정했습니다.${v.summary ? `\n\n변경 내용: ${v.summary}` : ""}\n\n개인정보 이용 방식은 바뀌지 않았으므로 따로 하실 일은 없습니다. 안내는 여기에서 보실 수 있습니다.\n${v.noticeUrl}\n\n선택은 언제든지 바꾸실 수 있습니다: ${v.preferencesUrl}`,
    }),
  },
  ja: {
    material: (v) => ({
      subjectLine: `【${v.brand}】「${v.title}」について改めてお選びください`,
      body: `「${v.title}」における個人情報の利用方法を変更しました。${v.summary ? `\n\n変更内容：${v.summary}` : ""}\n\n重要な変更のため、以前いただいた同意は適用しません。新しい通知をお読みのうえ、改めてお選びください。\n${v.preferencesUrl}\n\n通知の全文：${v.noticeUrl}\n\nお選びいただくまでは、同意がないものとして扱います。`,
    }),
    update: (v) => ({
      subjectLine: `【${v.brand}】「${v.title}」の通知を更新しました`,
      body: `「${v.title}」の通知の文言を更新しました。${v.summary ? `\n\n変更内容：${v.summary}` : ""}\n\n個人情報の利用方法に変更はないため、お手続きは不要です。通知はこちらでご覧いただけます。\n${v.noticeUrl}\n\n選択はいつでも変更できます：${v.preferencesUrl}`,
    }),
  },
};

/** The message that tells a subject a notice changed: asks again after a material change, informs otherwise. */
export function noticeChangeMessage(locale: Locale, material: boolean, vars: Vars): Message {
  return texts[locale][material ? "material" : "update"](vars);
}
