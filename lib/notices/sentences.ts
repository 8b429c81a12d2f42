/**
 * Sentence splitting and word counting for notice text in en, ko and ja.
 * Runs in the browser on every (debounced) keystroke, so it is a single
 * linear scan with no dictionaries. Offsets are UTF-16 indices, the same
 * units a textarea's selectionStart uses, so the editor can highlight them.
 */
import type { Locale } from "../i18n/config";

export type { Locale };

/** The unit a locale is counted and read in. */
export type WordUnit = "words" | "eojeol" | "chars";

export interface Sentence {
  text: string;
  /** Index of the first character (inclusive). */
  start: number;
  /** Index after the last character (exclusive). */
  end: number;
}

/** What countWords counts in each locale. */
export const WORD_UNIT: Record<Locale, WordUnit> = { en: "words", ko: "eojeol", ja: "chars" };

// Never end a sentence: these are always followed by more of the same sentence.
const NEVER_FINAL = new Set([
  "e.g",
  "i.e",
  "cf",
  "viz",
  "vs",
  "mr",
  "mrs",
  "ms",
  "dr",
  "prof",
  "st",
  "no",
  "nos",
  "art",
  "arts",
  "sec",
  "para",
  "fig",
  "approx",
  "incl",
  "dept",
  "est",
  "ca",
]);
// Can close a sentence ("... and so on, etc. We ..."), so they end one only
// when the next word starts with a capital letter.
const MAYBE_FINAL = new Set(["etc", "inc", "ltd", "co", "corp", "llc", "plc", "jr", "sr", "a.m", "p.m", "u.s", "u.k", "e.u"]);

const LATIN_TERMINATORS = ".!?";
const JA_TERMINATORS = "。．！？!?";
const CLOSERS = "\"')]}”’」』）】〉》";
const OPENERS = "\"'([{“‘「『（【〈《";
// Plain-style Korean endings (-다, -요, -까, -죠): a period after them closes
// the sentence even when the author forgot the following space.
const KO_FINAL_SYLLABLES = "다요까죠";
const LIST_OR_HEADING = /^[^\S\n]*(?:[-*•·‣▪◦–]|\d{1,3}[.)]|#{1,6})\s/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const LETTERS_AND_DIGITS = /[\p{L}\p{N}]/gu;
const WHITESPACE = /\s/;

/** Splits text into sentences with offsets; pieces with no letters or digits are dropped. */
export function splitSentences(text: string, locale: Locale): Sentence[] {
  const sentences: Sentence[] = [];
  const terminators = locale === "ja" ? JA_TERMINATORS : LATIN_TERMINATORS;
  const n = text.length;
  let start = 0;
  let i = 0;
  while (i < n) {
    const ch = text[i];
    if (ch === "\n") {
      if (locale === "ja" || lineBreakEndsSentence(text, i)) {
        pushSentence(sentences, text, start, i);
        start = i + 1;
      }
      i++;
      continue;
    }
    if (!terminators.includes(ch)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && terminators.includes(text[j])) j++;
    while (j < n && CLOSERS.includes(text[j])) j++;
    if (endsSentence(text, i, j, locale)) {
      pushSentence(sentences, text, start, j);
      start = j;
    }
    i = j;
  }
  pushSentence(sentences, text, start, n);
  return sentences;
}

/** Words (en), eojeol (ko) or letters and digits (ja) in the text. */
export function countWords(text: string, locale: Locale): number {
  if (locale === "ja") return countChars(text);
  let count = 0;
  for (const token of text.split(/\s+/)) {
    if (LETTER_OR_DIGIT.test(token)) count++;
  }
  return count;
}

/** Letters and digits, by code point; whitespace, punctuation and symbols are not read as characters. */
export function countChars(text: string): number {
  return text.match(LETTERS_AND_DIGITS)?.length ?? 0;
}

function endsSentence(text: string, runStart: number, runEnd: number, locale: Locale): boolean {
  if (locale === "ja") {
    // Half-width ?/! also appear inside URLs ("/?q=1"); there they are followed by ASCII.
    const next = text[runEnd];
    const fullWidth = text[runStart] !== "!" && text[runStart] !== "?";
    return fullWidth || next === undefined || WHITESPACE.test(next) || next.charCodeAt(0) > 0x7f;
  }
  if (runEnd >= text.length) return true;
  const next = text[runEnd];
  if (locale === "ko" && runStart > 0 && KO_FINAL_SYLLABLES.includes(text[runStart - 1]) && !/[0-9]/.test(next)) return true;
  // Decimals, emails, URLs and "e.g" inside a token are never followed by whitespace.
  if (!WHITESPACE.test(next)) return false;
  const singlePeriod = text[runStart] === "." && !LATIN_TERMINATORS.includes(text[runStart + 1]);
  if (!singlePeriod) return true;
  const token = tokenBefore(text, runStart);
  if (NEVER_FINAL.has(token.toLowerCase())) return false;
  if (/^[A-Z]$/.test(token)) return false; // an initial: "J. Smith"
  if (/^\d{1,3}$/.test(token) && atLineStart(text, runStart - token.length)) return false; // "1. We collect"
  if (MAYBE_FINAL.has(token.toLowerCase())) return startsWithCapital(text, runEnd);
  return true;
}

function tokenBefore(text: string, end: number): string {
  let k = end;
  while (k > 0 && !WHITESPACE.test(text[k - 1]) && !OPENERS.includes(text[k - 1])) k--;
  return text.slice(k, end);
}

function atLineStart(text: string, index: number): boolean {
  let k = index;
  while (k > 0 && text[k - 1] !== "\n" && WHITESPACE.test(text[k - 1])) k--;
  return k === 0 || text[k - 1] === "\n";
}

function startsWithCapital(text: string, from: number): boolean {
  let k = from;
  while (k < text.length && (WHITESPACE.test(text[k]) || OPENERS.includes(text[k]))) k++;
  const ch = text[k];
  return ch !== undefined && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

// en/ko authors press Enter for structure, not to wrap, but a pasted hard-wrapped
// paragraph must stay one sentence; so only blank lines, list items and
// Markdown headings break a sentence without punctuation.
function lineBreakEndsSentence(text: string, newline: number): boolean {
  const nextLineEnd = text.indexOf("\n", newline + 1);
  const nextLine = text.slice(newline + 1, nextLineEnd === -1 ? text.length : nextLineEnd);
  if (nextLine.trim() === "" || LIST_OR_HEADING.test(nextLine)) return true;
  const lineStart = text.lastIndexOf("\n", newline - 1) + 1;
  return LIST_OR_HEADING.test(text.slice(lineStart, newline));
}

function pushSentence(out: Sentence[], text: string, from: number, to: number): void {
  let start = from;
  let end = to;
  while (start < end && WHITESPACE.test(text[start])) start++;
  while (end > start && WHITESPACE.test(text[end - 1])) end--;
  const slice = text.slice(start, end);
  if (LETTER_OR_DIGIT.test(slice)) out.push({ text: slice, start, end });
}
