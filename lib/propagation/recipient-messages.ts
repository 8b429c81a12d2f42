import type { EffectiveState, ConsentSource } from "../consent/vocabulary";
import type { Locale } from "../i18n/config";
import type { RectifiableField } from "../requests/rectification";
import type { PropagationEvent, PropagationEventType } from "./events";
import { localDayPeriods } from "../i18n/day-periods";

/**
 * The emails of the email path (issue 14, deliverable 6): a recipient without an API hears of each change
 * from its privacy contact's inbox, one message per event or one a day. Each names the event in words, the
 * identifiers the recipient already holds (only those: the payload's subject), the delivery id, and how to
 * confirm; the same event as JSON closes each entry, so whoever automates the inbox reads what webhooks carry.
 */

/** One event for the recipient: the delivery's id (the webhook-id) and the payload (lib/propagation/payload.ts). */
export type RecipientMessageItem = { deliveryId: string; event: PropagationEvent };

export type RecipientMessageVars = {
  brand: string;
  recipient: string;
  /** Where the recipient answers: the brand's privacy contact. */
  replyTo: string;
  /** Candor's address, for the confirmation API. */
  candorUrl: string;
  /** The brand's time zone, in which times are shown. */
  timeZone: string;
};

type Message = { subjectLine: string; body: string };

type Words = {
  titles: Record<PropagationEventType, string>;
  states: Record<EffectiveState, string>;
  sources: Record<ConsentSource, string>;
  fields: Record<RectifiableField, string>;
  optOut: { sale: string; sharing: string };
  label: Record<
    | "delivery"
    | "event"
    | "sequence"
    | "happened"
    | "externalId"
    | "email"
    | "purpose"
    | "change"
    | "source"
    | "corrected"
    | "purposes"
    | "optedOut"
    | "gpc"
    | "json",
    string
  >;
  yes: string;
  noticeSubject: (brand: string, title: string, delivery: string) => string;
  digestSubject: (brand: string, day: string, count: number) => string;
  noticeIntro: (v: RecipientMessageVars) => string;
  digestIntro: (v: RecipientMessageVars, day: string, count: number) => string;
  /** Closes a digest that does not list all of its day's changes (a busy day is told in several). */
  digestContinues: (day: string) => string;
  confirm: (v: RecipientMessageVars, paths: string) => string;
  order: string;
  why: string;
};

const en: Words = {
  titles: {
    "consent.changed": "Consent changed",
    "subject.erased": "Erasure: delete everything you hold about this person",
    "subject.rectified": "Rectification: correct this person's data",
    "subject.restricted": "Restriction: keep this person's data stored but do not otherwise use it",
    "subject.objected": "Objection: stop processing this person's data for the purposes below",
    "subject.opted_out": "Opt-out: stop selling or sharing this person's data",
    "subject.limited": "Limit: use this person's sensitive personal information only as the law permits",
  },
  states: { granted: "granted", denied: "denied", withdrawn: "withdrawn", expired: "expired", none: "no choice" },
  sources: {
    banner: "consent banner",
    preference_center: "preference center",
    api: "API",
    import: "import",
    call_center: "call center",
    system: "automatic (Candor)",
  },
  fields: { name: "name", email: "email address", phone: "phone number", locale: "language" },
  optOut: { sale: "sale", sharing: "sharing" },
  label: {
    delivery: "Delivery id",
    event: "Event id",
    sequence: "Sequence",
    happened: "Happened",
    externalId: "Customer id",
    email: "Email address",
    purpose: "Purpose",
    change: "Change",
    source: "Made through",
    corrected: "Corrected values",
    purposes: "Purposes",
    optedOut: "Opted out of",
    gpc: "Global Privacy Control signal",
    json: "As JSON (the same event our webhooks and feed send)",
  },
  yes: "yes",
  noticeSubject: (brand, title, delivery) => `${brand}: ${title.split(":")[0]} (${delivery})`,
  digestSubject: (brand, day, count) => `${brand}: ${count} privacy ${count === 1 ? "change" : "changes"} of ${day} to act on`,
  noticeIntro: (v) =>
    `${v.brand} is telling ${v.recipient}, as a recipient of personal data, about a change you must act on for the person named below by the identifiers you already hold.`,
  digestIntro: (v, day, count) =>
    `${v.brand} is telling ${v.recipient}, as a recipient of personal data, about ${count} ${count === 1 ? "change" : "changes"} of ${day} (${v.timeZone}) you must act on. Each names the person by the identifiers you already hold.`,
  digestContinues: (day) => `More changes of ${day} follow in the next message.`,
  confirm: (v, paths) =>
    `When you have acted on a change, reply to ${v.replyTo} quoting its delivery id; the privacy team then marks it confirmed in Candor. With a Candor recipient API key you can confirm it yourself instead:\n${paths}`,
  order: "Apply changes about one person in sequence order, and ignore one whose sequence is not above the last you applied.",
  why: "We send this because the law asks us to pass these changes on to everyone we disclosed the data to (GDPR Art. 19, Art. 21; CCPA regulations §7022(b) and §7026(f)).",
};

const ko: Words = {
  titles: {
    "consent.changed": "동의 변경",
    "subject.erased": "삭제: 이 정보주체에 관해 보유한 개인정보를 모두 삭제해 주세요",
    "subject.rectified": "정정: 이 정보주체의 개인정보를 정정해 주세요",
    "subject.restricted": "처리 제한: 이 정보주체의 개인정보는 보관만 하고 그 밖의 처리는 중단해 주세요",
    "subject.objected": "처리 반대: 아래 목적으로 이 정보주체의 개인정보를 처리하지 말아 주세요",
    "subject.opted_out": "옵트아웃: 이 정보주체의 개인정보 판매·공유를 중단해 주세요",
    "subject.limited": "민감정보 이용 제한: 이 정보주체의 민감정보는 법이 허용하는 범위에서만 이용해 주세요",
  },
  states: { granted: "동의", denied: "거부", withdrawn: "철회", expired: "만료", none: "선택 없음" },
  sources: {
    banner: "동의 배너",
    preference_center: "개인정보 선택 센터",
    api: "API",
    import: "일괄 가져오기",
    call_center: "고객센터",
    system: "자동 처리(Candor)",
  },
  fields: { name: "이름", email: "이메일 주소", phone: "전화번호", locale: "언어" },
  optOut: { sale: "판매", sharing: "공유" },
  label: {
    delivery: "전달 ID",
    event: "이벤트 ID",
    sequence: "순번",
    happened: "발생 시각",
    externalId: "고객 ID",
    email: "이메일 주소",
    purpose: "목적",
    change: "변경",
    source: "경로",
    corrected: "정정된 값",
    purposes: "목적",
    optedOut: "옵트아웃 대상",
    gpc: "GPC(글로벌 프라이버시 컨트롤) 신호",
    json: "JSON(웹훅과 피드로 보내는 것과 같은 이벤트)",
  },
  yes: "예",
  noticeSubject: (brand, title, delivery) => `[${brand}] ${title.split(":")[0]} (${delivery})`,
  digestSubject: (brand, day, count) => `[${brand}] ${day} 개인정보 변경 ${count}건 처리 요청`,
  noticeIntro: (v) =>
    `${v.brand}에서 개인정보를 제공받은 ${v.recipient}에 처리가 필요한 변경을 알려 드립니다. 대상자는 귀사가 이미 보유한 식별자로 아래에 표시했습니다.`,
  digestIntro: (v, day, count) =>
    `${v.brand}에서 개인정보를 제공받은 ${v.recipient}에 ${day}(${v.timeZone})의 변경 ${count}건을 알려 드립니다. 각 대상자는 귀사가 이미 보유한 식별자로 표시했습니다.`,
  digestContinues: (day) => `${day}의 나머지 변경은 다음 메일로 알려 드립니다.`,
  confirm: (v, paths) =>
    `변경을 처리하신 뒤 전달 ID를 적어 ${v.replyTo}(으)로 회신해 주시면 개인정보 담당자가 Candor에서 확인 완료로 처리합니다. Candor 수령인 API 키가 있으면 직접 확인하실 수도 있습니다.\n${paths}`,
  order: "한 정보주체에 관한 변경은 순번대로 적용하고, 이미 적용한 순번보다 크지 않은 변경은 무시해 주세요.",
  why: "법에 따라 개인정보를 제공한 모든 곳에 이 변경을 알려야 하므로 보내 드립니다(GDPR 제19조·제21조, CCPA 시행규칙 §7022(b)·§7026(f)).",
};

const ja: Words = {
  titles: {
    "consent.changed": "同意の変更",
    "subject.erased": "消去：この方について保有する個人情報をすべて削除してください",
    "subject.rectified": "訂正：この方の個人情報を訂正してください",
    "subject.restricted": "処理の制限：この方の個人情報は保管のみとし、その他の利用を停止してください",
    "subject.objected": "異議：以下の目的でのこの方の個人情報の取扱いを停止してください",
    "subject.opted_out": "オプトアウト：この方の個人情報の販売・共有を停止してください",
    "subject.limited": "利用の制限：この方の機微な個人情報は法令が認める範囲でのみ利用してください",
  },
  states: { granted: "同意", denied: "拒否", withdrawn: "撤回", expired: "期限切れ", none: "未選択" },
  sources: {
    banner: "同意バナー",
    preference_center: "プライバシー設定センター",
    api: "API",
    import: "一括取り込み",
    call_center: "コールセンター",
    system: "自動処理（Candor）",
  },
  fields: { name: "氏名", email: "メールアドレス", phone: "電話番号", locale: "言語" },
  optOut: { sale: "販売", sharing: "共有" },
  label: {
    delivery: "配信ID",
    event: "イベントID",
    sequence: "連番",
    happened: "発生日時",
    externalId: "顧客ID",
    email: "メールアドレス",
    purpose: "目的",
    change: "変更",
    source: "経路",
    corrected: "訂正後の値",
    purposes: "目的",
    optedOut: "オプトアウトの対象",
    gpc: "GPC（グローバル・プライバシー・コントロール）信号",
    json: "JSON（Webhook とフィードで送るものと同じイベント）",
  },
  yes: "あり",
  noticeSubject: (brand, title, delivery) => `【${brand}】${title.split("：")[0]}（${delivery}）`,
  digestSubject: (brand, day, count) => `【${brand}】${day} の個人情報の変更 ${count} 件のご対応のお願い`,
  noticeIntro: (v) =>
    `${v.brand} から個人情報の提供を受けている ${v.recipient} 様へ、ご対応が必要な変更をお知らせします。対象の方は、貴社がすでに保有している識別子で以下に示しています。`,
  digestIntro: (v, day, count) =>
    `${v.brand} から個人情報の提供を受けている ${v.recipient} 様へ、${day}（${v.timeZone}）の変更 ${count} 件をお知らせします。対象の方は、貴社がすでに保有している識別子で示しています。`,
  digestContinues: (day) => `${day} のその他の変更は、次のメールでお知らせします。`,
  confirm: (v, paths) =>
    `ご対応後、配信IDを添えて ${v.replyTo} までご返信ください。担当者が Candor で確認済みにします。Candor の受信者用 API キーをお持ちの場合は、ご自身で確認済みにすることもできます。\n${paths}`,
  order: "同じ方に関する変更は連番の順に適用し、すでに適用した連番以下のものは無視してください。",
  why: "法令により、個人情報を提供したすべての先へこれらの変更を伝える必要があるため、お送りしています（GDPR 第19条・第21条、CCPA 規則 §7022(b)・§7026(f)）。",
};

const words: Record<Locale, Words> = { en, ko, ja };

// Building a formatter costs far more than formatting with one, and a backlog renders thousands of messages in a run.
const formatters = new Map<string, Intl.DateTimeFormat>();

function when(iso: string, locale: Locale, timeZone: string): string {
  const key = `${locale}|${timeZone}`;
  let format = formatters.get(key);
  if (!format) formatters.set(key, (format = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone })));
  return `${localDayPeriods(format.format(new Date(iso)), locale)} (${timeZone})`;
}

/** The lines that describe one event: what to do, about whom, and its ids. */
function describe(item: RecipientMessageItem, w: Words, locale: Locale, timeZone: string): string {
  const e = item.event;
  const type = e.type.replace(/\.v\d+$/, "") as PropagationEventType;
  const lines = [w.titles[type]];
  if (e.subject.externalId) lines.push(`${w.label.externalId}: ${e.subject.externalId}`);
  if (e.subject.email) lines.push(`${w.label.email}: ${e.subject.email}`);
  const data = e.data as Record<string, unknown>;
  if (type === "consent.changed") {
    const d = data as { purpose: string; previousState: EffectiveState; newState: EffectiveState; source: ConsentSource; gpc: boolean };
    lines.push(`${w.label.purpose}: ${d.purpose}`, `${w.label.change}: ${w.states[d.previousState]} → ${w.states[d.newState]}`);
    lines.push(`${w.label.source}: ${w.sources[d.source]}`);
    if (d.gpc) lines.push(`${w.label.gpc}: ${w.yes}`);
  } else if (type === "subject.rectified") {
    const changes = (data as { changes: { field: RectifiableField; value: string | null }[] }).changes;
    lines.push(`${w.label.corrected}:`, ...changes.map((c) => `  ${w.fields[c.field]}: ${c.value ?? "—"}`));
  } else if (type === "subject.objected") {
    lines.push(`${w.label.purposes}: ${(data as { purposes: string[] }).purposes.join(", ")}`);
  } else if (type === "subject.opted_out") {
    const d = data as { optOut: ("sale" | "sharing")[]; gpc: boolean };
    lines.push(`${w.label.optedOut}: ${d.optOut.map((o) => w.optOut[o]).join(", ")}`);
    if (d.gpc) lines.push(`${w.label.gpc}: ${w.yes}`);
  }
  lines.push(
    `${w.label.happened}: ${when(e.occurredAt, locale, timeZone)}`,
    `${w.label.delivery}: ${item.deliveryId}`,
    `${w.label.event}: ${e.id}`,
    `${w.label.sequence}: ${e.sequence}`,
    `${w.label.json}:`,
    JSON.stringify(e),
  );
  return lines.join("\n");
}

const confirmPath = (v: RecipientMessageVars, item: RecipientMessageItem) =>
  `POST ${v.candorUrl}/api/v1/deliveries/${encodeURIComponent(item.deliveryId)}/confirm`;

/** The message for one event (outbox kind "recipient-notice"). */
export function recipientNoticeMessage(locale: Locale, vars: RecipientMessageVars, item: RecipientMessageItem): Message {
  const w = words[locale];
  const type = item.event.type.replace(/\.v\d+$/, "") as PropagationEventType;
  return {
    subjectLine: w.noticeSubject(vars.brand, w.titles[type], item.deliveryId),
    body: [w.noticeIntro(vars), describe(item, w, locale, vars.timeZone), w.confirm(vars, confirmPath(vars, item)), w.order, w.why].join(
      "\n\n",
    ),
  };
}

/**
 * The day's message listing each event of `day` (YYYY-MM-DD in the brand's zone) in order (outbox kind "recipient-digest").
 * `continues`: more of the day's events follow in another digest (db/propagation/email.ts words at most a run's worth).
 */
export function recipientDigestMessage(
  locale: Locale,
  vars: RecipientMessageVars,
  day: string,
  items: readonly RecipientMessageItem[],
  options: { continues?: boolean } = {},
): Message {
  if (items.length === 0) throw new RangeError("a digest lists at least one event");
  const w = words[locale];
  const entries = items.map((item, i) => `${i + 1}. ${describe(item, w, locale, vars.timeZone)}`);
  return {
    subjectLine: w.digestSubject(vars.brand, day, items.length),
    body: [
      w.digestIntro(vars, day, items.length),
      ...entries,
      ...(options.continues ? [w.digestContinues(day)] : []),
      w.confirm(vars, items.map((item) => confirmPath(vars, item)).join("\n")),
      w.order,
      w.why,
    ].join("\n\n"),
  };
}
