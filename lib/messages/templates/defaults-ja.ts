import type { TemplateDefaults } from "./vocabulary";

const greeting = "{brand}をご利用いただき、ありがとうございます。";
const signature = "今後ともよろしくお願いいたします。\n{brand} 個人情報保護担当\nお問い合わせ先: {contact}";

/** The shipped Japanese wording: what a person is sent until the privacy officer saves their own. */
export const defaultsJa: TemplateDefaults = {
  "request-received": {
    subject: "ご請求 {ref} を受け付けました",
    greeting,
    body: "個人情報に関するご請求 {ref} を{received}に受け付けました。遅くとも{due}までにご回答いたします。\n\nご請求の状況は、次のリンクからご確認いただけます。\n{link}",
    signature,
  },
  "request-code": {
    subject: "ご請求 {ref} の確認コード",
    greeting,
    body: "{brand}への個人情報に関するご請求（{ref}）がご本人からのものであることを確認するため、次のコードをお伝えください: {code}\n\nコードの有効期間は10分です。お心当たりがない場合は、このメッセージを破棄してください。",
    signature,
  },
  "request-extended": {
    subject: "ご請求 {ref} の対応期限延長のお知らせ",
    greeting,
    body: "ご請求 {ref} の対応期限を {due} まで延長いたします。\n\n理由: {reason}",
    signature,
  },
  "request-rejected": {
    subject: "ご請求 {ref} に応じることができません",
    greeting,
    body: "ご請求 {ref} には応じることができません。\n\n理由: {reason}\n\n{complaint}",
    signature,
  },
  "request-completed": {
    subject: "ご請求 {ref} の対応が完了しました",
    greeting,
    body: "ご請求 {ref} への対応を完了しました: {what}",
    signature,
  },
  "request-export": {
    subject: "{brand}が保有するお客様の情報（{ref}）",
    greeting,
    body: "{brand}が保有するお客様の情報は、次のリンクから7日間ダウンロードできます:\n{link}\n\n表計算ソフト用や閲覧用が必要な場合は、リンクの末尾に ?format=csv または ?format=html を付けてください。",
    signature,
  },
  "request-erased": {
    subject: "個人情報の消去完了のお知らせ（{ref}）",
    greeting,
    body: "{received}にお受けしたご請求 {ref} に基づき、{brand}が保有するお客様の個人情報を消去しました。\n\n保管する情報とその理由:\n- ご請求の記録（請求番号、種類、日付、対応内容）: ご請求に応じたことを証明するため{months}か月間保管し、その後削除します。\n- 再連絡防止の記録: メールアドレスなど、お客様を識別していた情報を元に戻せない形に変換した値（ハッシュ）です。再びご連絡したり、同じ情報で個人情報を取得したりしないために保管します。\n\nメールアドレスはこのお知らせを送るためだけに保管しており、送信後に消去します。",
    signature,
  },
  "notice-reconsent": {
    subject: "【{brand}】「{title}」について改めてお選びください",
    greeting,
    body: "「{title}」における個人情報の利用方法を変更しました。\n\n{changes}\n\n重要な変更のため、以前いただいた同意は適用しません。新しい通知をお読みのうえ、改めてお選びください。\n{link}\n\n通知の全文：{notice}\n\nお選びいただくまでは、同意がないものとして扱います。",
    signature,
  },
  "policy-change": {
    subject: "【{brand}】プライバシーポリシーを変更しました",
    greeting,
    body: "プライバシーポリシーを変更しました。\n\n{changes}\n\nこれまでの選択はそのままで、お手続きは不要です。ポリシーはこちらでご覧いただけます。\n{link}",
    signature,
  },
  // Issue 21: 個人情報保護法第26条第2項・規則第10条の本人通知（概要、項目、原因、二次被害のおそれと対応、問い合わせ先）。
  "incident-notice": {
    subject: "【{brand}】個人情報の漏えいに関する重要なお知らせ（{ref}）",
    greeting,
    body: "お客様の個人情報に関わるセキュリティ事故が発生しましたので、お知らせいたします。\n\n発生した事態：{happened}\n\n対象となった情報：{data}\n\n当社の対応：{measures}\n\nお客様にお願いしたいこと：\n{advice}\n\nご不明な点や、被害に遭われた可能性がある場合は、{contact}までご連絡ください。ご心配をおかけし、深くお詫び申し上げます。",
    signature,
  },
};
