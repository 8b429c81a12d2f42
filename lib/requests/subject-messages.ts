import type { RequestMessageKind } from "../outbox/vocabulary";
import { reasonText } from "./system-reasons";

/** Messages Candor sends a subject about a request, in their language (en, ko or ja; English otherwise). */
export type SubjectMessageKind = RequestMessageKind;
type Vars = {
  ref: string;
  brand: string;
  code?: string;
  reason?: string;
  due?: string;
  link?: string;
  what?: string;
  received?: string;
  months?: number;
  contact?: string;
};
type Template = (v: Vars) => { subjectLine: string; body: string };

const en: Record<SubjectMessageKind, Template> = {
  "request-code": (v) => ({
    subjectLine: `Your verification code for request ${v.ref}`,
    body: `To confirm it is really you who asked ${v.brand} about your data (request ${v.ref}), give us this code: ${v.code}\n\nIt works for 10 minutes. If you did not make this request, ignore this message.`,
  }),
  "request-extended": (v) => ({
    subjectLine: `We need more time for request ${v.ref}`,
    body: `We are extending the deadline for your request ${v.ref} to ${v.due}.\n\nWhy: ${v.reason}`,
  }),
  "request-rejected": (v) => ({
    subjectLine: `We could not act on request ${v.ref}`,
    body: `We cannot act on your request ${v.ref}.\n\nWhy: ${v.reason}\n\nYou may complain to your data protection authority or seek a judicial remedy.`,
  }),
  "request-export": (v) => ({
    subjectLine: `Your data from ${v.brand} is ready (${v.ref})`,
    body: `You can download everything ${v.brand} holds about you here for 7 days:\n${v.link}\n\nAdd ?format=csv or ?format=html to the link for a spreadsheet or a readable page.`,
  }),
  "request-completed": (v) => ({ subjectLine: `Request ${v.ref} is done`, body: `We have completed your request ${v.ref}: ${v.what}` }),
  // GDPR Art. 12(3), CCPA §7022 and §7101 (the record kept), PIPA Art. 36, APPI Art. 35: the person is told, and told what remains.
  "request-erased": (v) => ({
    subjectLine: `Your personal data has been erased (${v.ref})`,
    body: `As you asked in request ${v.ref} of ${v.received}, ${v.brand} has erased your personal data.\n\nWhat we keep, and why:\n- A record of your request: its reference, type and dates, and our answer. We keep request records for ${v.months} months to be able to show that we honoured your request, then delete them.\n- A suppression record: a one-way hash of the identifiers we knew you by (such as your email address), from which they cannot be read back. It lets us make sure we never contact you again or collect your data under them.\n\nYour email address was kept only to send you this message and is erased once it has been sent.\n\nQuestions: ${v.contact}`,
  }),
};

const ko: Record<SubjectMessageKind, Template> = {
  "request-code": (v) => ({
    subjectLine: `요청 ${v.ref} 본인 확인 코드`,
    body: `${v.brand}에 개인정보 관련 요청(${v.ref})을 하신 분이 본인이 맞는지 확인하기 위해 다음 코드를 알려 주세요: ${v.code}\n\n코드는 10분 동안 유효합니다. 요청하신 적이 없다면 이 메시지를 무시하세요.`,
  }),
  "request-extended": (v) => ({
    subjectLine: `요청 ${v.ref} 처리 기한 연장 안내`,
    body: `요청 ${v.ref}의 처리 기한을 ${v.due}(으)로 연장합니다.\n\n사유: ${v.reason}`,
  }),
  "request-rejected": (v) => ({
    subjectLine: `요청 ${v.ref}을(를) 처리할 수 없습니다`,
    body: `요청 ${v.ref}을(를) 처리할 수 없습니다.\n\n사유: ${v.reason}\n\n이 결정에 대해 개인정보 보호 감독기관에 이의를 제기하거나 법적 구제를 청구하실 수 있습니다.`,
  }),
  "request-export": (v) => ({
    subjectLine: `${v.brand}이(가) 보유한 내 정보 (${v.ref})`,
    body: `${v.brand}이(가) 보유한 회원님의 모든 정보를 7일 동안 아래 링크에서 내려받을 수 있습니다:\n${v.link}\n\n스프레드시트나 읽기 쉬운 페이지가 필요하면 링크 끝에 ?format=csv 또는 ?format=html을 붙이세요.`,
  }),
  "request-completed": (v) => ({ subjectLine: `요청 ${v.ref} 처리 완료`, body: `요청 ${v.ref}의 처리를 완료했습니다: ${v.what}` }),
  "request-erased": (v) => ({
    subjectLine: `개인정보 파기 완료 안내 (${v.ref})`,
    body: `${v.received}에 접수된 요청 ${v.ref}에 따라 ${v.brand}이(가) 보유한 회원님의 개인정보를 파기했습니다.\n\n보관하는 정보와 그 이유:\n- 요청 기록(요청 번호, 유형, 날짜, 처리 결과): 요청을 이행했음을 증명하기 위해 ${v.months}개월 동안 보관한 후 파기합니다.\n- 연락 차단 기록: 이메일 주소 등 회원님을 식별하던 정보를 되돌릴 수 없게 변환한 값(해시)입니다. 회원님께 다시 연락하거나 같은 정보로 개인정보를 수집하지 않기 위해 보관합니다.\n\n이메일 주소는 이 안내를 보내기 위해서만 보관했으며, 발송 후 삭제합니다.\n\n문의: ${v.contact}`,
  }),
};

const ja: Record<SubjectMessageKind, Template> = {
  "request-code": (v) => ({
    subjectLine: `ご請求 ${v.ref} の確認コード`,
    body: `${v.brand}への個人情報に関するご請求（${v.ref}）がご本人からのものであることを確認するため、次のコードをお伝えください: ${v.code}\n\nコードの有効期間は10分です。お心当たりがない場合は、このメッセージを破棄してください。`,
  }),
  "request-extended": (v) => ({
    subjectLine: `ご請求 ${v.ref} の対応期限延長のお知らせ`,
    body: `ご請求 ${v.ref} の対応期限を ${v.due} まで延長いたします。\n\n理由: ${v.reason}`,
  }),
  "request-rejected": (v) => ({
    subjectLine: `ご請求 ${v.ref} に応じることができません`,
    body: `ご請求 ${v.ref} には応じることができません。\n\n理由: ${v.reason}\n\nこの判断について、個人情報保護委員会などの監督機関に申し立てることができます。`,
  }),
  "request-export": (v) => ({
    subjectLine: `${v.brand}が保有するお客様の情報（${v.ref}）`,
    body: `${v.brand}が保有するお客様の情報は、次のリンクから7日間ダウンロードできます:\n${v.link}\n\n表計算ソフト用や閲覧用が必要な場合は、リンクの末尾に ?format=csv または ?format=html を付けてください。`,
  }),
  "request-completed": (v) => ({
    subjectLine: `ご請求 ${v.ref} の対応が完了しました`,
    body: `ご請求 ${v.ref} への対応を完了しました: ${v.what}`,
  }),
  "request-erased": (v) => ({
    subjectLine: `個人情報の消去完了のお知らせ（${v.ref}）`,
    body: `${v.received}にお受けしたご請求 ${v.ref} に基づき、${v.brand}が保有するお客様の個人情報を消去しました。\n\n保管する情報とその理由:\n- ご請求の記録（請求番号、種類、日付、対応内容）: ご請求に応じたことを証明するため${v.months}か月間保管し、その後削除します。\n- 再連絡防止の記録: メールアドレスなど、お客様を識別していた情報を元に戻せない形に変換した値（ハッシュ）です。再びご連絡したり、同じ情報で個人情報を取得したりしないために保管します。\n\nメールアドレスはこのお知らせを送るためだけに保管しており、送信後に消去します。\n\nお問い合わせ先: ${v.contact}`,
  }),
};

const templates: Record<string, Record<SubjectMessageKind, Template>> = { en, ko, ja };

/** The subject line and body of one message; an unsupported locale falls back to English; a system reason is told in that language. */
export function subjectMessage(
  kind: SubjectMessageKind,
  locale: string,
  vars: Vars,
): { locale: string; subjectLine: string; body: string } {
  const l = templates[locale] ? locale : "en";
  return { locale: l, ...templates[l][kind]({ ...vars, reason: vars.reason === undefined ? undefined : reasonText(vars.reason, l) }) };
}

/** What a completed stop-type request did, in the subject's language, for the completion message. */
export function completionSummary(type: string, locale: string): string {
  const texts: Record<string, Record<string, string>> = {
    en: {
      erase: "we have erased your personal data.",
      stop: "we have stopped the processing you asked us to stop.",
      record: "the change you asked for has been made.",
    },
    ko: { erase: "회원님의 개인정보를 파기했습니다.", stop: "요청하신 처리를 중단했습니다.", record: "요청하신 변경을 반영했습니다." },
    ja: {
      erase: "お客様の個人情報を消去しました。",
      stop: "ご請求いただいた取扱いを停止しました。",
      record: "ご請求いただいた変更を反映しました。",
    },
  };
  const kind = type === "deletion" ? "erase" : ["restriction", "objection", "opt_out_sale"].includes(type) ? "stop" : "record";
  return (texts[locale] ?? texts.en)[kind];
}
