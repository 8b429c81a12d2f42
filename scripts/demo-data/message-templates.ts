import type { OutboxKind } from "@/lib/outbox/vocabulary";
import type { Locale } from "./regions";

/** The request messages of the demo history, spelled as the outbox vocabulary spells them. */
export type MessageKind = Extract<OutboxKind, "request-received" | "request-extended" | "request-completed" | "request-rejected">;
type Template = { subject: string; body: string };

// Placeholders: {name} {ref} {type} {due} {reason}.
const templates: Record<MessageKind, Record<Locale, Template>> = {
  "request-received": {
    en: {
      subject: "We received your request {ref}",
      body: "Hello {name},\n\nWe received your request for {type} and will answer by {due}. If we need to confirm who you are, we will send you a one-time code.\n\nNorthtrail Outfitters privacy team",
    },
    ko: {
      subject: "요청({ref})을 접수했습니다",
      body: "{name} 님, 안녕하세요.\n\n{type} 요청을 접수했으며 {due}까지 답변드리겠습니다. 본인 확인이 필요하면 일회용 인증 코드를 보내 드립니다.\n\n노스트레일 아웃피터스 개인정보 보호팀 드림",
    },
    ja: {
      subject: "ご請求（{ref}）を受け付けました",
      body: "{name} 様\n\n{type}のご請求を受け付けました。{due}までにご回答します。ご本人確認が必要な場合は、ワンタイムコードをお送りします。\n\nノーストレイル・アウトフィッターズ 個人情報保護チーム",
    },
  },
  "request-extended": {
    en: {
      subject: "We need more time for request {ref}",
      body: "Hello {name},\n\nWe need more time to answer your request for {type}: {reason} We will answer by {due}.\n\nNorthtrail Outfitters privacy team",
    },
    ko: {
      subject: "요청({ref}) 처리 기한 연장 안내",
      body: "{name} 님, 안녕하세요.\n\n{type} 요청을 처리하는 데 시간이 더 필요합니다. 사유: {reason} {due}까지 답변드리겠습니다.\n\n노스트레일 아웃피터스 개인정보 보호팀 드림",
    },
    ja: {
      subject: "ご請求（{ref}）の回答期限延長のお知らせ",
      body: "{name} 様\n\n{type}のご請求への対応に、もう少しお時間をいただきます。理由：{reason}{due}までにご回答します。\n\nノーストレイル・アウトフィッターズ 個人情報保護チーム",
    },
  },
  "request-completed": {
    en: {
      subject: "Your request {ref} is complete",
      body: "Hello {name},\n\nWe have completed your request for {type}. You can see the result in the preference center.\n\nNorthtrail Outfitters privacy team",
    },
    ko: {
      subject: "요청({ref}) 처리를 완료했습니다",
      body: "{name} 님, 안녕하세요.\n\n{type} 요청 처리를 완료했습니다. 결과는 개인정보 설정 센터에서 확인하실 수 있습니다.\n\n노스트레일 아웃피터스 개인정보 보호팀 드림",
    },
    ja: {
      subject: "ご請求（{ref}）の対応が完了しました",
      body: "{name} 様\n\n{type}のご請求への対応が完了しました。結果はプライバシー設定センターでご確認いただけます。\n\nノーストレイル・アウトフィッターズ 個人情報保護チーム",
    },
  },
  "request-rejected": {
    en: {
      subject: "About your request {ref}",
      body: "Hello {name},\n\nWe cannot act on your request for {type}: {reason} If you disagree, you can complain to your data protection authority.\n\nNorthtrail Outfitters privacy team",
    },
    ko: {
      subject: "요청({ref}) 처리 결과 안내",
      body: "{name} 님, 안녕하세요.\n\n{type} 요청을 처리할 수 없습니다. 사유: {reason} 이의가 있으시면 개인정보분쟁조정위원회에 조정을 신청하실 수 있습니다.\n\n노스트레일 아웃피터스 개인정보 보호팀 드림",
    },
    ja: {
      subject: "ご請求（{ref}）についてのご連絡",
      body: "{name} 様\n\n{type}のご請求には対応いたしかねます。理由：{reason}ご不服の場合は、個人情報保護委員会の相談窓口にご相談いただけます。\n\nノーストレイル・アウトフィッターズ 個人情報保護チーム",
    },
  },
};

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A date as the subject reads it, in the brand's time zone. */
export function formatDue(due: Date, locale: Locale, timeZone: string): string {
  const key = `${locale}|${timeZone}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone });
    dateFormats.set(key, f);
  }
  return f.format(due);
}

/** Fills a message template for the subject's locale. */
export function renderMessage(kind: MessageKind, locale: Locale, vars: Record<string, string>): Template {
  const t = templates[kind][locale];
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? "");
  return { subject: fill(t.subject), body: fill(t.body) };
}
