import type { ReadabilityVerdict } from "@/lib/notices/readability";

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** The readability verdict in the reader's words (noticeEditor catalog): a score, per-sentence lengths, or that there is nothing to measure yet. */
export function readabilityText(v: ReadabilityVerdict, t: Translate): { text: string; band?: string } {
  switch (v.kind) {
    case "empty":
      return { text: t("readabilityEmpty") };
    case "flesch":
      return { text: t("flesch", { ease: v.flesch.ease.toFixed(1), grade: v.flesch.grade.toFixed(1) }), band: t(`band.${v.flesch.band}`) };
    case "words-per-sentence":
      return { text: `${t("wordsPerSentence", { avg: v.avg, max: v.max })} ${t("fleschNeedsWords", { min: v.min, words: v.words })}` };
    case "chars-per-sentence":
      return { text: t("charsPerSentence", { avg: v.avg, max: v.max }) };
  }
}
