import { catalogs } from "../i18n/catalogs";
import type { Locale } from "../i18n/config";
import type { PlaceholderValues } from "../messages/templates/vocabulary";
import { typed } from "../ropa/typed";
import type { Incident } from "./incident";
import type { IncidentCause, IncidentDataFact, IncidentNature } from "./vocabulary";

/**
 * The facts of a breach notice to a person, in their language: what the laws ask each notice to say (PIPA Art. 34(1):
 * the items leaked, when and how, what the person can do, the brand's measures and remedy, where to report harm;
 * GDPR Art. 34(2) with Art. 33(3)(b)-(d)). The brand's wording around them is the "incident-notice" template.
 */
type Words = {
  causes: Record<IncidentCause, string>;
  natures: Record<IncidentNature, string>;
  facts: Record<IncidentDataFact, string>;
  between: (from: string, to: string) => string;
  since: (from: string) => string;
  unknownWhen: (aware: string) => string;
  found: (aware: string) => string;
  list: string;
  advice: Record<IncidentDataFact | "always", string>;
  noMeasures: string;
};

const en: Words = {
  causes: {
    external_attack: "someone outside our company got into our systems without permission",
    insider: "a person inside our company used the data without permission",
    skimming: "a form on our website was tampered with to copy what was typed into it",
    loss_or_theft: "a device or document holding the data was lost or stolen",
    misdelivery: "the data was sent to the wrong person",
    other: "an incident in our handling of personal data",
  },
  natures: {
    confidentiality: "the data may have been seen or taken by someone who should not have it",
    integrity: "the data may have been changed",
    availability: "the data was lost or could not be reached for a time",
  },
  facts: {
    unique_identifier: "identity numbers",
    account_credentials: "account sign-in details",
    payment_data: "payment card or bank details",
    health_data: "health information",
    biometric_data: "biometric data",
  },
  between: (from, to) => `Between ${from} and ${to}, `,
  since: (from) => `From ${from}, `,
  unknownWhen: (aware) => `We do not yet know when it began; we learned of it on ${aware}. `,
  found: (aware) => `We learned of it on ${aware}.`,
  list: ", ",
  advice: {
    always: "Be wary of emails, calls or messages that mention this incident or ask for your personal details in our name.",
    unique_identifier: "Watch for anyone using your identity number, and tell the issuing authority if you see misuse.",
    account_credentials: "Change your password with us, and anywhere else you used the same one.",
    payment_data: "Check your card and bank statements, and ask your bank to block the card if you see a payment you did not make.",
    health_data: "Tell us if you receive contact about your health information that you did not expect.",
    biometric_data: "Tell us if a service that recognises you by face or fingerprint behaves unexpectedly.",
  },
  noMeasures: "We are investigating and will tell you what we do.",
};

const ko: Words = {
  causes: {
    external_attack: "외부의 누군가가 허가 없이 저희 시스템에 접근했습니다",
    insider: "회사 내부의 사람이 허가 없이 정보를 이용했습니다",
    skimming: "웹사이트의 입력 양식이 변조되어 입력하신 내용이 복제되었습니다",
    loss_or_theft: "정보가 담긴 기기나 문서를 분실하거나 도난당했습니다",
    misdelivery: "정보가 다른 사람에게 잘못 전송되었습니다",
    other: "개인정보 처리 과정에서 사고가 발생했습니다",
  },
  natures: {
    confidentiality: "권한 없는 사람이 정보를 열람하거나 가져갔을 수 있습니다",
    integrity: "정보가 변경되었을 수 있습니다",
    availability: "정보가 없어지거나 한동안 이용할 수 없었습니다",
  },
  facts: {
    unique_identifier: "고유식별정보(주민등록번호 등)",
    account_credentials: "계정 로그인 정보",
    payment_data: "카드 또는 계좌 정보",
    health_data: "건강 정보",
    biometric_data: "생체인식정보",
  },
  between: (from, to) => `${from}부터 ${to}까지 `,
  since: (from) => `${from}부터 `,
  unknownWhen: (aware) => `언제 시작되었는지는 아직 확인 중이며, ${aware}에 이 사실을 알게 되었습니다. `,
  found: (aware) => `저희는 ${aware}에 이 사실을 알게 되었습니다.`,
  list: ", ",
  advice: {
    always: "이번 사고를 언급하거나 저희를 사칭해 개인정보를 묻는 이메일, 전화, 문자에 주의해 주십시오.",
    unique_identifier: "고유식별정보가 도용되지 않는지 살펴보시고, 도용이 의심되면 발급 기관에 알려 주십시오.",
    account_credentials: "저희 서비스의 비밀번호와, 같은 비밀번호를 쓰시는 다른 서비스의 비밀번호를 바꿔 주십시오.",
    payment_data: "카드와 계좌 거래 내역을 확인하시고, 본인이 하지 않은 결제가 있으면 카드사나 은행에 정지를 요청해 주십시오.",
    health_data: "예상하지 못한 건강 정보 관련 연락을 받으시면 저희에게 알려 주십시오.",
    biometric_data: "얼굴이나 지문으로 본인을 확인하는 서비스가 이상하게 동작하면 저희에게 알려 주십시오.",
  },
  noMeasures: "현재 조사 중이며 조치 내용을 다시 알려 드리겠습니다.",
};

const ja: Words = {
  causes: {
    external_attack: "社外の第三者が許可なく当社のシステムにアクセスしました",
    insider: "社内の者が許可なく情報を利用しました",
    skimming: "当社ウェブサイトの入力フォームが改ざんされ、入力内容が複製されました",
    loss_or_theft: "情報を含む機器または書類を紛失、または盗まれました",
    misdelivery: "情報を誤って別の方に送付しました",
    other: "個人情報の取扱いにおいて事故が発生しました",
  },
  natures: {
    confidentiality: "権限のない者が情報を閲覧または取得したおそれがあります",
    integrity: "情報が改ざんされたおそれがあります",
    availability: "情報が失われた、または一時的に利用できなくなりました",
  },
  facts: {
    unique_identifier: "個人識別番号（マイナンバー等）",
    account_credentials: "アカウントのログイン情報",
    payment_data: "クレジットカード・口座情報",
    health_data: "健康に関する情報",
    biometric_data: "生体情報",
  },
  between: (from, to) => `${from}から${to}までの間に、`,
  since: (from) => `${from}から、`,
  unknownWhen: (aware) => `発生時期は調査中です。当社は${aware}にこの事態を把握しました。`,
  found: (aware) => `当社は${aware}にこの事態を把握しました。`,
  list: "、",
  advice: {
    always: "本件に触れたり、当社を装って個人情報を尋ねたりするメール・電話・メッセージにご注意ください。",
    unique_identifier: "個人識別番号が不正に使われていないかご確認いただき、不正利用の疑いがあれば発行元にご連絡ください。",
    account_credentials: "当社サービスのパスワードと、同じパスワードをお使いの他のサービスのパスワードを変更してください。",
    payment_data: "カードや口座のご利用明細をご確認いただき、身に覚えのない取引があればカード会社または銀行に利用停止をご依頼ください。",
    health_data: "健康に関する情報について心当たりのない連絡があれば、当社までお知らせください。",
    biometric_data: "顔や指紋で本人確認を行うサービスに異常があれば、当社までお知らせください。",
  },
  noMeasures: "現在調査中であり、対応内容を改めてお知らせします。",
};

const words: Record<Locale, Words> = { en, ko, ja };
const sentence = (locale: Locale, s: string) => {
  if (locale === "ja") return `${s}。`;
  return locale === "en" ? `${s.charAt(0).toUpperCase()}${s.slice(1)}.` : `${s}.`;
};

export type NoticeBrand = { name: string; contact: string; timeZone: string };

/** A day in the brand's time zone, written as the reader's language writes a date. */
export function noticeDate(at: Date, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone }).format(at);
}

/** What happened, when and how: the period (or that it is not known yet), the cause and what it did to the data. */
export function whatHappened(incident: Incident, locale: Locale, timeZone: string): string {
  const w = words[locale];
  const day = (d: Date) => noticeDate(d, locale, timeZone);
  const aware = day(incident.awareAt);
  const when = incident.occurredFrom
    ? incident.occurredTo
      ? w.between(day(incident.occurredFrom), day(incident.occurredTo))
      : w.since(day(incident.occurredFrom))
    : "";
  const how = `${when}${w.causes[incident.cause]}`;
  const natures = incident.natures.map((n) => sentence(locale, w.natures[n]));
  const parts = [sentence(locale, how), ...natures, incident.occurredFrom ? w.found(aware) : w.unknownWhen(aware).trim()];
  return parts.join(locale === "ja" ? "" : " ");
}

/** The personal data involved: the data map's categories in the reader's words, then the facts the laws turn on. */
export function dataInvolved(incident: Incident, locale: Locale): string {
  const categories = incident.dataCategories.map((c) => catalogs[locale].vocabulary.category[c]);
  const facts = incident.dataFacts.map((f) => words[locale].facts[f]);
  return [...categories, ...facts].join(words[locale].list);
}

/** What the person can do to limit harm, one line each: always the warning against phishing, then per data fact. */
export function adviceFor(incident: Incident, locale: Locale): string {
  const w = words[locale];
  return [w.advice.always, ...incident.dataFacts.map((f) => w.advice[f])].map((line) => `- ${line}`).join("\n");
}

/** Whether the incident says what the brand did: PIPA Art. 34(1) and GDPR Art. 34(2) require it in every notice. */
export function hasMeasures(incident: Pick<Incident, "containment" | "remedial">): boolean {
  return Boolean(incident.containment?.trim() || incident.remedial?.trim());
}

/**
 * The placeholder values of one incident's notice in one language. The containment and remedial steps are the
 * brand's own text, quoted as written and marked as typed (lib/ropa/typed.ts: pages show them as written, the
 * outbox sends them without the marks); everything else is Candor's wording in the reader's language.
 */
export function noticeValues(incident: Incident, locale: Locale, brand: NoticeBrand, link?: string): PlaceholderValues {
  const measures = [incident.containment, incident.remedial]
    .map((s) => s?.trim())
    .filter(Boolean)
    .join("\n\n");
  return {
    brand: brand.name,
    contact: brand.contact,
    ref: incident.reference,
    happened: whatHappened(incident, locale, brand.timeZone),
    data: dataInvolved(incident, locale),
    measures: measures ? typed(measures) : words[locale].noMeasures,
    advice: adviceFor(incident, locale),
    link: link ?? "",
  };
}
