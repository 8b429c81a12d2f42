import type { Locale } from "../i18n/config";

type Vars = { brand: string; name: string | null; code: string; minutes: number };
type Message = { subjectLine: string; body: string };

const texts: Record<Locale, (v: Vars) => Message> = {
  en: (v) => ({
    subjectLine: `${v.brand}: your code for the preference center`,
    body: `${v.name ? `Hello ${v.name},` : "Hello,"}\n\nYour one-time code is: ${v.code}\n\nEnter it on the preference center page within ${v.minutes} minutes. If you asked for more than one code, use the newest.\n\nIf you did not ask for this code, you can ignore this message: nothing changes without it. We will never ask you for this code by phone or email.\n\n${v.brand} privacy team`,
  }),
  ko: (v) => ({
    subjectLine: `[${v.brand}] 개인정보 설정 센터 인증 코드`,
    body: `${v.name ? `${v.name} 님, 안녕하세요.` : "안녕하세요."}\n\n일회용 인증 코드: ${v.code}\n\n${v.minutes}분 안에 개인정보 설정 센터 화면에 입력해 주세요. 코드를 여러 번 요청하셨다면 가장 최근 코드를 입력해 주세요.\n\n코드를 요청하지 않으셨다면 이 메일은 무시하셔도 됩니다. 코드 없이는 아무것도 바뀌지 않습니다. 저희는 전화나 이메일로 이 코드를 묻지 않습니다.\n\n${v.brand} 개인정보 보호팀 드림`,
  }),
  ja: (v) => ({
    subjectLine: `【${v.brand}】プライバシー設定センターの確認コード`,
    body: `${v.name ? `${v.name} 様` : "お客様"}\n\nワンタイムコード：${v.code}\n\n${v.minutes}分以内にプライバシー設定センターの画面で入力してください。複数回リクエストされた場合は、最新のコードをお使いください。\n\nお心当たりがない場合は、このメールを無視してください。コードがなければ何も変更されません。当社が電話やメールでこのコードをお尋ねすることはありません。\n\n${v.brand} 個人情報保護チーム`,
  }),
};

/** The message that carries a preference-center code, in the subject's language. */
export function preferencesCodeMessage(locale: Locale, vars: Vars): Message {
  return texts[locale](vars);
}
