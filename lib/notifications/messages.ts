import { catalogs } from "../i18n/catalogs";
import type { Locale } from "../i18n/config";
import { localDayPeriods } from "../i18n/day-periods";
import type { RequestType } from "../requests/vocabulary";
import type { PathKind } from "../propagation/vocabulary";
import { staffEvents, type StaffEvent } from "./vocabulary";

/**
 * What a staff email says about one item, stored with the notification so the digest can be written later
 * as it was seen. No personal data of a subject: a request by its reference and type, never the person.
 */
export type NotificationItem =
  | { about: "request"; ref: string; requestType: RequestType; dueAt: number; path: string }
  | { about: "review"; review: "purpose" | "purpose-revision" | "notice-version"; title: string; submittedBy: string | null; path: string }
  | { about: "path"; recipient: string; pathKind: PathKind; state: "gone" | "key-revoked" | "no-contact-email"; path: string };

export type StaffMessage = { subjectLine: string; body: string };
export type MessageContext = { brand: string; baseUrl: string; timeZone: string };
export type DigestEntry = { event: StaffEvent; item: NotificationItem };

type Words = {
  event: Record<StaffEvent, string>;
  subject: (brand: string, event: string, what: string) => string;
  digestSubject: (brand: string, count: number) => string;
  digestIntro: (count: number) => string;
  due: (at: string) => string;
  submittedBy: (name: string) => string;
  review: Record<"purpose" | "purpose-revision" | "notice-version", string>;
  why: string;
  whyDigest: string;
  open: string;
};

const words: Record<Locale, Words> = {
  en: {
    event: {
      "new-request": "New request",
      "due-soon": "Request due within 3 days",
      overdue: "Overdue request",
      review: "Waiting for review",
      "path-failing": "Recipient path failing",
    },
    subject: (brand, event, what) => `[${brand}] ${event}: ${what}`,
    digestSubject: (brand, n) => `[${brand}] Your daily digest: ${n} ${n === 1 ? "item" : "items"}`,
    digestIntro: (n) => `Here is what came up for you since your last digest (${n} ${n === 1 ? "item" : "items"}).`,
    due: (at) => `due ${at}`,
    submittedBy: (name) => `sent by ${name}`,
    review: { purpose: "new purpose", "purpose-revision": "change to a purpose", "notice-version": "notice version" },
    why: "You get this email because you chose to be told of this at once. Change your choices on your profile:",
    whyDigest: "You get this digest because you chose to be told of these once a day. Change your choices on your profile:",
    open: "Open",
  },
  ko: {
    event: {
      "new-request": "새 요청",
      "due-soon": "3일 이내 기한 요청",
      overdue: "기한이 지난 요청",
      review: "검토 대기",
      "path-failing": "수령인 경로 장애",
    },
    subject: (brand, event, what) => `[${brand}] ${event}: ${what}`,
    digestSubject: (brand, n) => `[${brand}] 일일 요약: ${n}건`,
    digestIntro: (n) => `지난 요약 이후 확인할 항목 ${n}건입니다.`,
    due: (at) => `기한 ${at}`,
    submittedBy: (name) => `제출자 ${name}`,
    review: { purpose: "새 목적", "purpose-revision": "목적 변경안", "notice-version": "고지문 버전" },
    why: "프로필에서 이 항목을 즉시 받도록 선택하셨기 때문에 이 이메일을 보냅니다. 선택은 프로필에서 바꿀 수 있습니다.",
    whyDigest: "프로필에서 이 항목들을 하루에 한 번 받도록 선택하셨기 때문에 이 요약을 보냅니다. 선택은 프로필에서 바꿀 수 있습니다.",
    open: "열기",
  },
  ja: {
    event: {
      "new-request": "新しい請求",
      "due-soon": "期限まで3日以内の請求",
      overdue: "期限を過ぎた請求",
      review: "レビュー待ち",
      "path-failing": "提供先の経路の障害",
    },
    subject: (brand, event, what) => `【${brand}】${event}：${what}`,
    digestSubject: (brand, n) => `【${brand}】日次ダイジェスト：${n}件`,
    digestIntro: (n) => `前回のダイジェスト以降にあなた宛てに出てきた項目（${n}件）です。`,
    due: (at) => `期限 ${at}`,
    submittedBy: (name) => `提出者 ${name}`,
    review: { purpose: "新しい利用目的", "purpose-revision": "利用目的の変更案", "notice-version": "通知のバージョン" },
    why: "プロフィールでこの項目をすぐに受け取ると選んだため、このメールをお送りしています。選択はプロフィールで変更できます：",
    whyDigest:
      "プロフィールでこれらの項目を1日1回受け取ると選んだため、このダイジェストをお送りしています。選択はプロフィールで変更できます：",
    open: "開く",
  },
};

/** A date and time on the brand's clock, in the reader's words (오전/오후 in Korean). */
function when(ms: number, locale: Locale, timeZone: string): string {
  const text = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(ms));
  return localDayPeriods(text, locale);
}

/** One line naming the item: a request's reference, type and due date; a review's title; a recipient's path and what is wrong. */
export function describeItem(item: NotificationItem, locale: Locale, timeZone: string): string {
  const w = words[locale];
  const c = catalogs[locale];
  if (item.about === "request") return `${item.ref} · ${c.requests.types[item.requestType]} · ${w.due(when(item.dueAt, locale, timeZone))}`;
  if (item.about === "review")
    return `${item.title} · ${w.review[item.review]}${item.submittedBy ? ` · ${w.submittedBy(item.submittedBy)}` : ""}`;
  return `${item.recipient} · ${c.recipients.pathKinds[item.pathKind]} · ${c.recipients.pathStates[item.state]}`;
}

const link = (ctx: MessageContext, path: string) => `${ctx.baseUrl.replace(/\/$/, "")}${path}`;

/** The email that tells a member of one event at once, in their language. */
export function immediateMessage(event: StaffEvent, item: NotificationItem, locale: Locale, ctx: MessageContext): StaffMessage {
  const w = words[locale];
  const line = describeItem(item, locale, ctx.timeZone);
  const headline = item.about === "request" ? item.ref : item.about === "review" ? item.title : item.recipient;
  return {
    subjectLine: w.subject(ctx.brand, w.event[event], headline),
    body: [`${w.event[event]}: ${line}`, `${w.open}: ${link(ctx, item.path)}`, "", w.why, link(ctx, "/admin/profile")].join("\n"),
  };
}

/**
 * The daily digest: every item since the member's last one, grouped by event in the profile's order,
 * each with its link; null when there is nothing to say (no empty digests).
 */
export function digestMessage(entries: readonly DigestEntry[], locale: Locale, ctx: MessageContext): StaffMessage | null {
  if (entries.length === 0) return null;
  const w = words[locale];
  const sections: string[] = [];
  for (const event of staffEvents) {
    const own = entries.filter((e) => e.event === event);
    if (own.length === 0) continue;
    const lines = own.map((e) => `- ${describeItem(e.item, locale, ctx.timeZone)}\n  ${link(ctx, e.item.path)}`);
    sections.push(`${w.event[event]} (${own.length})\n${lines.join("\n")}`);
  }
  return {
    subjectLine: w.digestSubject(ctx.brand, entries.length),
    body: [w.digestIntro(entries.length), "", sections.join("\n\n"), "", w.whyDigest, link(ctx, "/admin/profile")].join("\n"),
  };
}
