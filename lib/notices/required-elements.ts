/**
 * The elements every notice must carry: the union of ISO/IEC 29184 §5.3 and
 * Korea PIPA Art. 15(2) (SPEC §2). Each maps to one short-layer field; the
 * editor lists the ones still missing as the author types.
 */
import { countChars, countWords, type Locale } from "./sentences";

/** The structured short layer of a notice. */
export interface ShortLayer {
  /** Data collected. */
  what: string;
  /** Purpose. */
  why: string;
  /** What the customer gets in return. */
  benefit: string;
  /** How long the data is kept. */
  retention: string;
  /** Who else sees it. */
  recipients: string;
  /** Rights, and how to withdraw. */
  withdraw: string;
  /** Consequence of refusing. */
  refusal: string;
  /** Who to ask. */
  contact: string;
}

export type ShortLayerField = keyof ShortLayer;

export type NoticeElement = "purpose" | "data" | "retention" | "recipients" | "rights" | "refusal" | "contact";

/** Short-layer fields in reading order. */
export const SHORT_LAYER_FIELDS: readonly ShortLayerField[] = [
  "what",
  "why",
  "benefit",
  "retention",
  "recipients",
  "withdraw",
  "refusal",
  "contact",
];

/** Required elements in display order, each with the short-layer field that carries it. */
export const REQUIRED_ELEMENTS: readonly { key: NoticeElement; field: ShortLayerField }[] = [
  { key: "purpose", field: "why" },
  { key: "data", field: "what" },
  { key: "retention", field: "retention" },
  { key: "recipients", field: "recipients" },
  { key: "rights", field: "withdraw" },
  { key: "refusal", field: "refusal" },
  { key: "contact", field: "contact" },
];

// A label or a stub ("TBD", "없음", "なし") is not an answer. English needs a
// phrase; Korean and Japanese pack a phrase into a few letters ("1년 보관",
// "1年間保存"), so they are measured in letters.
const MIN_WORDS_EN = 3;
const MIN_CHARS_CJK = 4;

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;
const URL = /\bhttps?:\/\/[^\s/$.?#][^\s]*|\bwww\.[^\s.]+\.[^\s]+/iu;

/** True when the text holds an email address or a web address. */
export function hasContactAddress(text: string): boolean {
  return EMAIL.test(text) || URL.test(text);
}

/** True when a field says something: en at least 3 words, ko/ja at least 4 letters. */
export function hasMeaningfulContent(value: string | null | undefined, locale: Locale): boolean {
  const text = (value ?? "").trim();
  if (text === "") return false;
  return locale === "en" ? countWords(text, locale) >= MIN_WORDS_EN : countChars(text) >= MIN_CHARS_CJK;
}

/** The required elements a notice still lacks, in display order. */
export function missingElements(shortLayer: Partial<ShortLayer> | null | undefined, fullText: string, locale: Locale): NoticeElement[] {
  const layer = shortLayer ?? {};
  return REQUIRED_ELEMENTS.filter(({ key, field }) => {
    const value = layer[field];
    if (hasMeaningfulContent(value, locale)) return false;
    // A bare "privacy@candor.example" is a complete answer to "who to ask",
    // and the full text's address counts too.
    if (key === "contact" && (hasContactAddress(value ?? "") || hasContactAddress(fullText))) return false;
    return true;
  }).map(({ key }) => key);
}

/**
 * The purpose's recipients (from the registry) that a notice's "who else sees it" answer does not name, so the
 * editor can point them out (GDPR Art. 13(1)(e), PIPA Art. 17(2)). A company counts as named when the text holds
 * its name's first word (case-insensitive): "MailHarbor" names "MailHarbor Inc.", in any language's sentence.
 * A hint, not a rule: "categories of recipients" is also a lawful answer, so nothing is refused on it.
 */
export function unnamedRecipients<R extends { name: string }>(text: string | null | undefined, recipients: readonly R[]): R[] {
  const haystack = (text ?? "").toLocaleLowerCase();
  return recipients.filter((r) => {
    const first =
      r.name
        .trim()
        .split(/[\s,]+/)[0]
        ?.replace(/[.,;:()]+$/, "") ?? "";
    const key = (first.length >= 3 ? first : r.name.trim()).toLocaleLowerCase();
    return key === "" || !haystack.includes(key);
  });
}
