import type { Locale } from "../i18n/config";

type Vars = { brand: string; name: string; inviter: string; role: string; link: string; hours: number };
type Message = { subjectLine: string; body: string };

const texts: Record<Locale, (v: Vars) => Message> = {
  en: (v) => ({
    subjectLine: `${v.brand}: you are invited to Candor`,
    body: `Hello ${v.name},\n\n${v.inviter} invites you to ${v.brand}'s privacy workspace in Candor as ${v.role}.\n\nOpen this link to choose your password and sign in:\n${v.link}\n\nThe link works once and expires in ${v.hours} hours. Nobody at ${v.brand} will ever ask you for your password.\n\nIf you did not expect this invitation, you can ignore this message.`,
  }),
  ko: (v) => ({
    subjectLine: `[${v.brand}] Candor 초대`,
    body: `${v.name} 님, 안녕하세요.\n\n${v.inviter} 님이 ${v.brand}의 Candor 개인정보 업무 공간에 ${v.role}(으)로 초대했습니다.\n\n아래 링크를 열어 비밀번호를 직접 정하고 로그인하세요.\n${v.link}\n\n이 링크는 한 번만 쓸 수 있으며 ${v.hours}시간 뒤에 만료됩니다. ${v.brand}의 누구도 비밀번호를 묻지 않습니다.\n\n초대를 예상하지 못하셨다면 이 메일은 무시하셔도 됩니다.`,
  }),
  ja: (v) => ({
    subjectLine: `【${v.brand}】Candor へのご招待`,
    body: `${v.name} 様\n\n${v.inviter} さんから、${v.brand} の Candor プライバシー業務スペースに「${v.role}」として招待されました。\n\n次のリンクを開いて、ご自身でパスワードを設定し、サインインしてください。\n${v.link}\n\nこのリンクは一度だけ使え、${v.hours}時間で期限切れになります。${v.brand} の担当者がパスワードをお尋ねすることはありません。\n\nお心当たりがない場合は、このメールを無視してください。`,
  }),
};

/** The invitation to join the staff, in the invitee's language; `link` may be a sealed-link marker. */
export function staffInviteMessage(locale: Locale, vars: Vars): Message {
  return texts[locale](vars);
}
