/**
 * Readability figures for a notice: Flesch Reading Ease and Flesch-Kincaid
 * grade for English; characters per sentence for Korean and Japanese (neither
 * has a standard formula, standards.md §5); long-sentence flags for all three.
 */
import { syllable } from "syllable";
import { countChars, countWords, splitSentences, WORD_UNIT, type Locale, type WordUnit } from "./sentences";

export type FleschBand = "very-easy" | "easy" | "fairly-easy" | "plain" | "fairly-difficult" | "difficult" | "very-difficult";

export interface Flesch {
  ease: number;
  grade: number;
  band: FleschBand;
  syllables: number;
}

export interface LongSentence {
  start: number;
  end: number;
  /** In `longSentenceLimit.unit`. */
  length: number;
  /** Set when the text came from several fields; offsets are then within that field. */
  field?: string;
}

export interface Readability {
  locale: Locale;
  sentences: number;
  /** Words, eojeol or characters, per `unit`. */
  words: number;
  unit: WordUnit;
  avgPerSentence: number;
  maxPerSentence: number;
  /** Letters and digits per sentence: the headline figure for ko and ja. */
  charsPerSentence: { avg: number; max: number };
  /** English only, and only when there is at least one word. */
  flesch?: Flesch;
  longSentences: LongSentence[];
  longSentenceLimit: { unit: "words" | "chars"; max: number };
}

// Each limit is about six seconds of silent reading at the speeds in
// reading-time.ts: 25 words at 238 wpm (6.3 s); 60 ja characters at 600/min
// (6 s, the mehen heuristic in standards.md). Korean has no published limit;
// at 202 eojeol/min and Song et al.'s 18.9 letters per 6.5 eojeol it reads
// ~590 letters/min, so 60 letters (~20 eojeol) is the same six seconds. Korean
// is counted in letters, like Japanese, so the editor shows one kind of figure.
export const LONG_SENTENCE_LIMIT: Record<Locale, { unit: "words" | "chars"; max: number }> = {
  en: { unit: "words", max: 25 },
  ko: { unit: "chars", max: 60 },
  ja: { unit: "chars", max: 60 },
};

/** Flesch Reading Ease: 206.835 − 1.015·(words/sentences) − 84.6·(syllables/words). */
export function fleschReadingEase(c: { words: number; sentences: number; syllables: number }): number {
  return 206.835 - 1.015 * (c.words / c.sentences) - 84.6 * (c.syllables / c.words);
}

/** Flesch-Kincaid grade: 0.39·(words/sentences) + 11.8·(syllables/words) − 15.59. */
export function fleschKincaidGrade(c: { words: number; sentences: number; syllables: number }): number {
  return 0.39 * (c.words / c.sentences) + 11.8 * (c.syllables / c.words) - 15.59;
}

/** The band label key for a Reading Ease score; scores outside 0–100 take the end bands. */
export function fleschBand(ease: number): FleschBand {
  if (ease >= 90) return "very-easy";
  if (ease >= 80) return "easy";
  if (ease >= 70) return "fairly-easy";
  if (ease >= 60) return "plain";
  if (ease >= 50) return "fairly-difficult";
  if (ease >= 30) return "difficult";
  return "very-difficult";
}

// The editor re-counts the same vocabulary on every keystroke; syllable()
// normalises and singularises each word, so remembering results pays off.
const syllableCache = new Map<string, number>();
const SYLLABLE_CACHE_LIMIT = 10_000;
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

/** English syllables in the text; every word counts at least one (so "2026" is not free). */
export function countSyllables(text: string): number {
  let total = 0;
  for (const token of text.split(/\s+/)) {
    // Trim punctuation so "mat." and "mat" share one cache entry.
    const key = token.toLowerCase().replace(EDGE_PUNCTUATION, "");
    if (key === "") continue;
    let n = syllableCache.get(key);
    if (n === undefined) {
      n = Math.max(1, syllable(key));
      if (syllableCache.size >= SYLLABLE_CACHE_LIMIT) syllableCache.clear();
      syllableCache.set(key, n);
    }
    total += n;
  }
  return total;
}

/** Readability of one text. */
export function readability(text: string, locale: Locale): Readability {
  return summarize([{ text }], locale);
}

/** Readability of several fields read as one text (the short layer); long sentences name their field. */
export function readabilityOfFields(fields: Record<string, string | null | undefined>, locale: Locale): Readability {
  const parts = Object.entries(fields).map(([field, text]) => ({ field, text: text ?? "" }));
  return summarize(parts, locale);
}

function summarize(parts: { field?: string; text: string }[], locale: Locale): Readability {
  const limit = LONG_SENTENCE_LIMIT[locale];
  let sentences = 0;
  let words = 0;
  let chars = 0;
  let syllables = 0;
  let maxWords = 0;
  let maxChars = 0;
  const longSentences: LongSentence[] = [];
  for (const part of parts) {
    for (const s of splitSentences(part.text, locale)) {
      const w = countWords(s.text, locale);
      const c = countChars(s.text);
      sentences++;
      words += w;
      chars += c;
      maxWords = Math.max(maxWords, w);
      maxChars = Math.max(maxChars, c);
      if (locale === "en") syllables += countSyllables(s.text);
      const length = limit.unit === "words" ? w : c;
      if (length > limit.max) {
        const flag: LongSentence = { start: s.start, end: s.end, length };
        if (part.field !== undefined) flag.field = part.field;
        longSentences.push(flag);
      }
    }
  }
  const result: Readability = {
    locale,
    sentences,
    words,
    unit: WORD_UNIT[locale],
    avgPerSentence: sentences ? words / sentences : 0,
    maxPerSentence: maxWords,
    charsPerSentence: { avg: sentences ? chars / sentences : 0, max: maxChars },
    longSentences,
    longSentenceLimit: limit,
  };
  if (locale === "en" && words > 0) {
    const counts = { words, sentences, syllables };
    const ease = fleschReadingEase(counts);
    result.flesch = { ease, grade: fleschKincaidGrade(counts), band: fleschBand(ease), syllables };
  }
  return result;
}

/**
 * Fewer words than this and the editor shows no Flesch score: Flesch (1948) scored 100-word samples, and on a
 * sentence or two the formula swings past 100 or below 0 with a single long word.
 */
export const FLESCH_MIN_WORDS = 100;

/** What can truthfully be said of a text's readability, from nothing (empty) to a score. */
export type ReadabilityVerdict =
  | { kind: "empty" }
  | { kind: "flesch"; flesch: Flesch }
  | { kind: "words-per-sentence"; avg: number; max: number; words: number; min: number }
  | { kind: "chars-per-sentence"; avg: number; max: number };

/**
 * The readability figure to show: nothing to measure in a text without a sentence; for English, the Flesch score
 * once there are FLESCH_MIN_WORDS words and words per sentence before; for Korean and Japanese, characters per sentence.
 */
export function readabilityVerdict(r: Readability): ReadabilityVerdict {
  if (r.sentences === 0 || r.words === 0) return { kind: "empty" };
  if (r.locale !== "en") return { kind: "chars-per-sentence", avg: Math.round(r.charsPerSentence.avg), max: r.charsPerSentence.max };
  if (r.flesch && r.words >= FLESCH_MIN_WORDS) return { kind: "flesch", flesch: r.flesch };
  return { kind: "words-per-sentence", avg: Math.round(r.avgPerSentence), max: r.maxPerSentence, words: r.words, min: FLESCH_MIN_WORDS };
}
