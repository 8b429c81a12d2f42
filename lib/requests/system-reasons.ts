import { isLocale, type Locale } from "@/lib/i18n/config";

/**
 * Reasons Candor writes itself (not a staff member), as codes. They are stored
 * as "system:<code>" in the same columns as staff-written reasons
 * (subject_requests.rejection_reason, request_events.note), so free text keeps
 * working, and each reader sees them in their own language: the person in
 * their message and status page, staff on the request page.
 */
export const systemReasonCodes = ["identity-not-verified"] as const;
export type SystemReasonCode = (typeof systemReasonCodes)[number];

/** What each code says, in every language Candor writes to people in. */
export const systemReasonTexts: Record<Locale, Record<SystemReasonCode, string>> = {
  en: { "identity-not-verified": "Identity was not confirmed in time, so the request was closed without being acted on." },
  ko: { "identity-not-verified": "기한 안에 본인 확인이 되지 않아 요청을 처리하지 않고 종료했습니다." },
  ja: { "identity-not-verified": "期限内にご本人確認ができなかったため、ご請求には対応せずに終了しました。" },
};

const PREFIX = "system:";

// Rows written before codes existed hold an English sentence; they still read in the reader's language.
const legacySentences: Record<string, SystemReasonCode> = {
  "Identity was not verified in time.": "identity-not-verified",
  "Identity could not be verified within 21 days.": "identity-not-verified",
};

/** How a system reason is stored where a free-text reason would be. */
export function storedSystemReason(code: SystemReasonCode): string {
  return `${PREFIX}${code}`;
}

/** The system reason a stored reason is, or null when a person wrote it. */
export function systemReasonOf(stored: string | null | undefined): SystemReasonCode | null {
  if (!stored) return null;
  const text = stored.trim();
  const code = text.startsWith(PREFIX) ? text.slice(PREFIX.length) : legacySentences[text];
  return (systemReasonCodes as readonly string[]).includes(code ?? "") ? (code as SystemReasonCode) : null;
}

/** A stored reason as the reader reads it: a system reason in their language (English if unsupported), a person's words as written. */
export function reasonText(stored: string, locale: string): string {
  const code = systemReasonOf(stored);
  if (!code) return stored;
  return systemReasonTexts[isLocale(locale) ? locale : "en"][code];
}
