/**
 * Vague words a notice should avoid (WP29 WP260: "may", "might", "some",
 * "certain", "various"), with Korean and Japanese counterparts. Each term is a
 * pattern plus a check that rejects the obvious false friends ("mayor",
 * "등록", "平等"); the editor highlights what is left.
 */
import type { Locale } from "./sentences";

export interface VagueMatch {
  /** The list entry that matched (e.g. "may", "등", "場合があります"); the text itself is text.slice(start, end). */
  word: string;
  start: number;
  end: number;
}

interface VagueTerm {
  word: string;
  // Global; matchAll copies the regex, so its lastIndex is never shared between calls.
  pattern: RegExp;
  accept?: (text: string, start: number, end: number, match: RegExpMatchArray) => boolean;
}

const LETTER = /[\p{L}\p{N}_]/u;
const isLetter = (ch: string | undefined) => ch !== undefined && LETTER.test(ch);
const isHangul = (ch: string | undefined) => ch !== undefined && /\p{Script=Hangul}/u.test(ch);

// English terms are matched case-insensitively as whole words.
function wholeWord(text: string, start: number, end: number): boolean {
  if (isLetter(text[start - 1])) return false;
  return !isLetter(text[end - 1]) || !isLetter(text[end]);
}

// "May" the month: capitalised, and next to a number ("May 2026", "1 May") or
// after a word that introduces a date ("in May", "since May"). The modal is
// lowercase mid-sentence, so a capital "May" there is almost always the month;
// "MAY" in shouted legal text stays a match.
const MONTH_LEAD = new Set([
  "in",
  "of",
  "on",
  "since",
  "until",
  "till",
  "by",
  "from",
  "through",
  "before",
  "after",
  "during",
  "early",
  "late",
  "mid",
  "last",
  "this",
  "next",
  "each",
  "every",
]);
function modalMay(text: string, start: number, end: number): boolean {
  if (!wholeWord(text, start, end)) return false;
  if (text.slice(start, end) !== "May") return true;
  if (/^[\s,]*\d/.test(text.slice(end, end + 4))) return false;
  const before = /([\p{L}\p{N}]+)[^\p{L}\p{N}\n]{0,3}$/u.exec(text.slice(Math.max(0, start - 24), start));
  if (!before) return true;
  return !/^\d+$/.test(before[1]) && !MONTH_LEAD.has(before[1].toLowerCase());
}

const en = (word: string, source: string, accept = wholeWord): VagueTerm => ({
  word,
  pattern: new RegExp(source, "giu"),
  accept,
});

// Korean words stand alone after a space or punctuation; a letter before them
// or digit means they are the tail of another word ("통일부" is not "일부", "1등" is not "등").
const koStart = (text: string, start: number) => !/[\p{L}\p{N}]/u.test(text[start - 1] ?? "");
const ko = (word: string, source: string, accept?: VagueTerm["accept"]): VagueTerm => ({
  word,
  pattern: new RegExp(source, "gu"),
  accept: (text, start, end, m) => koStart(text, start) && (accept ? accept(text, start, end, m) : true),
});

// The subject's own rights ("철회할 수 있습니다", you can withdraw) are what a
// notice should say; "-ㄹ 수 있습니다" is vague when the company hedges.
const KO_RIGHTS_VERBS = new Set([
  "철회할",
  "거부할",
  "거절할",
  "요청할",
  "청구할",
  "열람할",
  "정정할",
  "삭제할",
  "문의할",
  "신청할",
  "행사할",
  "해지할",
  "탈퇴할",
  "확인할",
  "선택할",
]);
const hasFinalRieul = (ch: string) => {
  const code = ch.charCodeAt(0) - 0xac00;
  return code >= 0 && code < 11172 && code % 28 === 8;
};
// "등" (etc.) is a bound noun written after a space and followed by a particle
// or a break; "등록", "등급" continue with another syllable.
const KO_DEUNG_NEXT = /^(?:$|[\s\p{P}]|[을를의이은에과와도만]|으로)/u;
const KO_PARTICLE_OR_BREAK = /^(?:$|[\s\p{P}\p{S}\p{N}])/u;

// Japanese: "等" is vague as a suffix ("氏名、住所等の"), not inside 平等, 同等,
// 高等, 等しい or 等級.
const JA_TOU_PREV = "平同対均高上劣優一初中何彼我特";
const JA_TOU_NEXT = /^(?:$|[\sのをにがはもでへとや、。，．）」』)\]・])/u;

const TERMS: Record<Locale, VagueTerm[]> = {
  en: [
    en("may", "may", modalMay),
    en("might", "might"),
    en("some", "some"),
    en("certain", "certain"),
    en("various", "various"),
    en("could", "could"),
    en("possibly", "possibly"),
    en("etc.", "etc\\.?"),
    en("among other things", "among\\s+other\\s+things"),
    en("from time to time", "from\\s+time\\s+to\\s+time"),
    en("as needed", "as\\s+needed"),
    en("and/or", "and\\s*/\\s*or"),
    en("including but not limited to", "including,?\\s+but\\s+not\\s+limited\\s+to"),
    en("where appropriate", "where\\s+appropriate"),
  ],
  ko: [
    ko("수 있습니다", "(\\p{L}+)\\s?수\\s?(?:도\\s?)?있(?:습니다|으며|음|는|을|고|어요|다)", (_t, _s, _e, m) => {
      const verb = m[1].replace(/하실$/, "할");
      return hasFinalRieul(m[1].slice(-1)) && !KO_RIGHTS_VERBS.has(verb);
    }),
    ko("일부", "일부", (text, _s, end) => text[end] !== "러"),
    ko("특정", "특정(?:한)?", (text, start, end) => end - start === 3 || KO_PARTICLE_OR_BREAK.test(text.slice(end, end + 1))),
    ko("다양한", "다양한"),
    ko("등", "등", (text, _s, end) => KO_DEUNG_NEXT.test(text.slice(end, end + 2))),
    ko("필요한 경우", "필요한\\s?경우"),
    ko("필요 시", "필요\\s?시", (text, _s, end) => text[end] === "에" || !/\p{L}/u.test(text[end] ?? "")),
    ko("기타", "기타", (text, _s, end) => !isHangul(text[end]) || "의등는".includes(text[end])),
  ],
  ja: [
    { word: "場合があります", pattern: /場合が(?:あります|ございます|ある)/gu },
    { word: "可能性があります", pattern: /可能性が(?:あります|ございます|ある)/gu },
    { word: "一部", pattern: /一部/gu, accept: (text, start) => text[start - 1] !== "第" },
    { word: "特定の", pattern: /特定の/gu },
    { word: "様々な", pattern: /(?:様々|さまざま)[なの]/gu },
    {
      word: "等",
      pattern: /等/gu,
      accept: (text, start, end) => (start === 0 || !JA_TOU_PREV.includes(text[start - 1])) && JA_TOU_NEXT.test(text.slice(end, end + 1)),
    },
    { word: "など", pattern: /など/gu },
    { word: "必要に応じて", pattern: /必要に応じ(?:て)?/gu },
    { word: "その他", pattern: /その(?:他|ほか)/gu },
    // After a past form ("利用したことがあります") it reports experience, not a hedge.
    {
      word: "ことがあります",
      pattern: /ことが(?:あります|ございます|ある)/gu,
      accept: (text, start) => start === 0 || !"ただ".includes(text[start - 1]),
    },
    { word: "適宜", pattern: /適宜/gu },
  ],
};

/** The vague-word list for a locale, in display order (the WP260 five first for English). */
export const VAGUE_WORDS: Record<Locale, readonly string[]> = {
  en: TERMS.en.map((t) => t.word),
  ko: TERMS.ko.map((t) => t.word),
  ja: TERMS.ja.map((t) => t.word),
};

/** Vague words in the text, in order of position, without overlaps. */
export function findVagueWords(text: string, locale: Locale): VagueMatch[] {
  const found: VagueMatch[] = [];
  for (const term of TERMS[locale]) {
    for (const m of text.matchAll(term.pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!term.accept || term.accept(text, start, end, m)) found.push({ word: term.word, start, end });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const result: VagueMatch[] = [];
  for (const m of found) {
    if (result.length === 0 || m.start >= result[result.length - 1].end) result.push(m);
  }
  return result;
}
