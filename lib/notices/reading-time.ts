/**
 * Reading time at published silent-reading speeds (standards.md §5):
 * 238 words/min for English non-fiction (Brysbaert 2019), 202 eojeol/min for
 * Korean (Song et al. 2016), 600 characters/min for Japanese.
 */
import { countWords, WORD_UNIT, type Locale, type WordUnit } from "./sentences";

export const READING_SPEED: Record<Locale, { perMinute: number; unit: WordUnit }> = {
  en: { perMinute: 238, unit: WORD_UNIT.en },
  ko: { perMinute: 202, unit: WORD_UNIT.ko },
  ja: { perMinute: 600, unit: WORD_UNIT.ja },
};

export interface ReadingTime {
  /** Words, eojeol or characters read. */
  count: number;
  unit: WordUnit;
  /** Whole seconds, rounded up so a non-empty text never reads in 0 s. */
  seconds: number;
  /** Whole minutes, rounded up ("2 min read"); 0 only for an empty text. */
  minutes: number;
}

/** Reading time for a count already in the locale's unit (saves a recount when readability has it). */
export function readingTimeFromCount(count: number, locale: Locale): ReadingTime {
  const { perMinute, unit } = READING_SPEED[locale];
  // count·60 and perMinute are integers, so an exact multiple divides exactly (476 words → 120 s).
  const seconds = Math.ceil((count * 60) / perMinute);
  return { count, unit, seconds, minutes: Math.ceil(seconds / 60) };
}

/** Reading time of a text in its locale. */
export function readingTime(text: string, locale: Locale): ReadingTime {
  return readingTimeFromCount(countWords(text, locale), locale);
}
