/**
 * Everything the notice editor shows live, in one synchronous call. The editor
 * runs it on every debounced keystroke, so each text is split and counted
 * once and reading time reuses readability's counts.
 */
import { readability, readabilityOfFields, type Readability } from "./readability";
import { readingTimeFromCount, type ReadingTime } from "./reading-time";
import { missingElements, SHORT_LAYER_FIELDS, type NoticeElement, type ShortLayer, type ShortLayerField } from "./required-elements";
import type { Locale } from "./sentences";
import { findVagueWords, type VagueMatch } from "./vague-words";

export interface NoticeDraft {
  locale: Locale;
  shortLayer: Partial<ShortLayer> | null | undefined;
  fullText: string;
}

export interface NoticeAnalysis {
  locale: Locale;
  missing: NoticeElement[];
  /** The short layer is read as one text (fields in reading order); it is what most people read. */
  readability: { shortLayer: Readability; fullText: Readability };
  readingTime: { shortLayer: ReadingTime; fullText: ReadingTime };
  /** Offsets in `shortLayer` are within each field. */
  vague: { fullText: VagueMatch[]; shortLayer: Record<ShortLayerField, VagueMatch[]>; total: number };
}

/** Analyses a notice draft for the editor: missing elements, readability, reading time and vague words. */
export function analyzeNotice({ locale, shortLayer, fullText }: NoticeDraft): NoticeAnalysis {
  const layer = shortLayer ?? {};
  const text = fullText ?? "";
  const fields = {} as Record<ShortLayerField, string>;
  for (const field of SHORT_LAYER_FIELDS) fields[field] = layer[field] ?? "";

  const shortReadability = readabilityOfFields(fields, locale);
  const fullReadability = readability(text, locale);

  const vagueShort = {} as Record<ShortLayerField, VagueMatch[]>;
  let total = 0;
  for (const field of SHORT_LAYER_FIELDS) {
    vagueShort[field] = findVagueWords(fields[field], locale);
    total += vagueShort[field].length;
  }
  const vagueFull = findVagueWords(text, locale);
  total += vagueFull.length;

  return {
    locale,
    missing: missingElements(layer, text, locale),
    readability: { shortLayer: shortReadability, fullText: fullReadability },
    readingTime: {
      shortLayer: readingTimeFromCount(shortReadability.words, locale),
      fullText: readingTimeFromCount(fullReadability.words, locale),
    },
    vague: { fullText: vagueFull, shortLayer: vagueShort, total },
  };
}
