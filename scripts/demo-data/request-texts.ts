import { storedSystemReason } from "@/lib/requests/system-reasons";
import type { RequestType } from "@/lib/requests/vocabulary";
import type { Locale } from "./regions";

/** The request in the subject's own words, as typed into the form or taken down from a call or letter. */
export const requestDetails: Record<RequestType, Record<Locale, string[]>> = {
  access: {
    en: [
      "Please send me a copy of all the personal data you hold about me.",
      "What do you know about me, and who have you shared it with?",
    ],
    ko: ["저에 관해 보관하고 있는 개인정보 전부의 사본을 보내 주세요.", "제 정보를 어떤 목적으로 쓰고 누구에게 제공했는지 알려 주세요."],
    ja: ["私に関して保有しているすべての個人情報の写しを送ってください。", "私の情報をどの目的で使い、誰に提供したのかを教えてください。"],
  },
  portability: {
    en: ["I'd like my order history and account data in a machine-readable file, please."],
    ko: ["주문 내역과 계정 정보를 다른 서비스로 옮길 수 있는 파일로 받고 싶습니다."],
    ja: ["注文履歴とアカウント情報を、ほかのサービスで使えるファイル形式で受け取りたいです。"],
  },
  deletion: {
    en: ["Please close my account and delete everything you have about me.", "I no longer shop with you. Delete my data."],
    ko: ["계정을 해지하고 제 개인정보를 모두 삭제해 주세요.", "더 이상 이용하지 않으니 제 정보를 지워 주세요."],
    ja: ["アカウントを削除し、私の個人情報をすべて消去してください。", "もう利用しないので、私の情報を削除してください。"],
  },
  rectification: {
    en: ["My delivery address is out of date. The new one is on my last order.", "My surname is misspelt on my account."],
    ko: ["배송지 주소가 예전 주소로 되어 있습니다. 최근 주문의 주소로 고쳐 주세요.", "계정에 제 이름이 잘못 적혀 있습니다."],
    ja: ["お届け先の住所が古いままです。最新の注文の住所に直してください。", "アカウントの氏名の漢字が間違っています。"],
  },
  restriction: {
    en: ["Please stop using my data for anything but my open order until my complaint is settled."],
    ko: ["민원이 해결될 때까지 진행 중인 주문 외에는 제 정보를 이용하지 말아 주세요."],
    ja: ["苦情が解決するまで、処理中の注文以外に私の情報を使わないでください。"],
  },
  objection: {
    en: ["I object to my data being used for profiling and fraud scoring.", "Stop using my purchase history for marketing."],
    ko: ["제 정보를 프로파일링에 이용하는 것에 반대합니다.", "구매 내역을 마케팅에 이용하지 말아 주세요."],
    ja: ["私の情報をプロファイリングに使うことに異議があります。", "購入履歴をマーケティングに使わないでください。"],
  },
  opt_out_sale: {
    en: ["Do not sell or share my personal information.", "Opt me out of sharing with advertising partners."],
    ko: ["제 개인정보를 판매하거나 공유하지 말아 주세요."],
    ja: ["私の個人情報を販売・共有しないでください。"],
  },
  limit_sensitive: {
    en: [
      "Only use my precise location to deliver my orders, nothing else.",
      "Limit the use of my sensitive personal information to what is needed for my account.",
    ],
    ko: ["정확한 위치 정보는 배송에만 쓰고 다른 용도로는 쓰지 말아 주세요."],
    ja: ["正確な位置情報は配送のためだけに使い、ほかの目的には使わないでください。"],
  },
};

/** How each request type is named to the subject in messages. */
export const requestTypeLabels: Record<RequestType, Record<Locale, string>> = {
  access: { en: "access to your data", ko: "개인정보 열람", ja: "保有個人データの開示" },
  portability: { en: "a copy of your data to take elsewhere", ko: "개인정보 전송", ja: "個人データの移転" },
  deletion: { en: "deletion of your data", ko: "개인정보 삭제", ja: "個人データの削除" },
  rectification: { en: "correction of your data", ko: "개인정보 정정", ja: "個人データの訂正" },
  restriction: { en: "restriction of processing", ko: "개인정보 처리정지", ja: "個人データの利用停止" },
  objection: { en: "your objection to processing", ko: "개인정보 처리에 대한 이의", ja: "個人データの取扱いへの異議" },
  opt_out_sale: { en: "opting out of sale and sharing", ko: "개인정보 판매·공유 거부", ja: "個人情報の販売・共有の停止" },
  limit_sensitive: {
    en: "limiting the use of your sensitive personal information",
    ko: "민감한 개인정보의 이용 제한",
    ja: "センシティブな個人情報の利用制限",
  },
};

/** Why a request needs more time, in the staff record (en) and in the subject's message. */
export const extensionReasons: readonly Record<Locale, string>[] = [
  {
    en: "The request covers six years of orders across three systems; collecting it completely needs more time.",
    ko: "요청하신 범위가 세 시스템에 걸친 6년치 주문 기록이라, 빠짐없이 모으는 데 시간이 더 필요합니다.",
    ja: "ご請求の範囲が3つのシステムにまたがる6年分の注文記録のため、漏れなく集めるのに時間が必要です。",
  },
  {
    en: "Several requests from the same subject are being handled together.",
    ko: "같은 분께서 주신 여러 요청을 함께 처리하고 있습니다.",
    ja: "同じお客様からいただいた複数のご請求をまとめて対応しています。",
  },
  {
    en: "Data held by our logistics processor must be retrieved and reviewed before release.",
    ko: "배송 위탁업체가 보관한 정보를 받아 검토한 뒤에 드려야 합니다.",
    ja: "配送委託先が保管している情報を取り寄せ、確認してからお渡しする必要があります。",
  },
];

/** Why a request was refused, in the staff record (en) and in the subject's message. */
export const rejectionReasons: readonly Record<Locale, string>[] = [
  {
    en: "Duplicate of an earlier request that is still open.",
    ko: "아직 처리 중인 이전 요청과 같은 내용입니다.",
    ja: "現在対応中の以前のご請求と同じ内容です。",
  },
  {
    en: "The requester could not show authority to act for the subject.",
    ko: "요청하신 분이 정보주체를 대리할 권한을 확인할 수 없었습니다.",
    ja: "ご請求者がご本人の代理人であることを確認できませんでした。",
  },
  {
    en: "Manifestly unfounded: the same request was answered in full three weeks earlier.",
    ko: "같은 요청에 3주 전에 이미 모두 답변드렸습니다.",
    ja: "同じご請求には3週間前にすべてご回答済みです。",
  },
];

/** The automatic close's reason, stored as its code as Candor stores it live; each reader sees it in their language (lib/requests/system-reasons.ts). */
const unverified = storedSystemReason("identity-not-verified");
export const unverifiedReason: Record<Locale, string> = { en: unverified, ko: unverified, ja: unverified };

/** What staff note when they close a request of each type. */
export const completionNotes: Record<RequestType, string> = {
  access: "Export delivered; the subject confirmed the download.",
  portability: "Machine-readable export (JSON and CSV) delivered.",
  deletion: "Personal data erased from every table; a suppression tombstone keeps the request reference.",
  rectification: "Delivery address and name corrected; old values kept in the audit trail only.",
  restriction: "Processing restricted to the open order and legal obligations.",
  objection: "Objection upheld: profiling stopped and the fraud-scoring profile deleted.",
  opt_out_sale: "Sale and sharing stopped; advertising partners notified to delete shared data.",
  limit_sensitive: "Sensitive data now used only for the orders the customer asks for; location-based offers stopped and recipients told.",
};
