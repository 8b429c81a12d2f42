import { complaintSentence } from "../messages/templates/complaint";
import { defaultTemplate, renderTemplate, templateLocale, type RenderedMessage } from "../messages/templates/render";
import type { PlaceholderValues, TemplateKind, TemplateText } from "../messages/templates/vocabulary";
import { regimeFor } from "./clock-rules";
import { reasonText } from "./system-reasons";

/** Messages Candor sends a person about a request, in their language (en, ko or ja; English otherwise). */
export type SubjectMessageKind = Exclude<TemplateKind, "notice-reconsent" | "policy-change">;

/** What a request message may say; the complaint route is worked out from the request's jurisdiction. */
export type SubjectMessageVars = {
  ref: string;
  brand: string;
  contact?: string;
  /** The request's jurisdiction: which law's complaint route a refusal names (lib/requests/clock-rules.ts). */
  jurisdiction?: string;
  code?: string;
  reason?: string;
  due?: string;
  link?: string;
  what?: string;
  received?: string;
  months?: number;
};

/**
 * The subject line and body of one message, from the brand's current wording of it (the shipped
 * default when none is given); an unsupported locale falls back to English; a system reason is told
 * in that language, and a refusal names how to object or complain under the request's law.
 */
export function subjectMessage(
  kind: SubjectMessageKind,
  locale: string,
  vars: SubjectMessageVars,
  template?: TemplateText,
): RenderedMessage {
  const l = templateLocale(locale);
  const contact = vars.contact ?? "";
  const values: PlaceholderValues = {
    brand: vars.brand,
    contact,
    ref: vars.ref,
    code: vars.code,
    due: vars.due,
    link: vars.link,
    what: vars.what,
    received: vars.received,
    months: vars.months === undefined ? undefined : String(vars.months),
    reason: vars.reason === undefined ? undefined : reasonText(vars.reason, l),
    complaint: kind === "request-rejected" ? complaintSentence(regimeFor(vars.jurisdiction ?? ""), l, contact || vars.brand) : undefined,
  };
  return renderTemplate(template ?? defaultTemplate(kind, l), values, l);
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
  const kind =
    type === "deletion" ? "erase" : ["restriction", "objection", "opt_out_sale", "limit_sensitive"].includes(type) ? "stop" : "record";
  return (texts[locale] ?? texts.en)[kind];
}
