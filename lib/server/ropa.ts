import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { ropaDocument, type RopaDocument } from "@/lib/ropa/document";
import { findGaps, type Gap } from "@/lib/ropa/gaps";
import type { RopaInput, Words } from "@/lib/ropa/types";
import { withPurposeNames } from "@/lib/purposes/titles";
import { getDataMap } from "@/db/data-map";
import { getDateFormatter } from "./format";
import { getPurposeTitles } from "./purpose-titles";

export type Ropa = { map: RopaInput; words: Words; doc: RopaDocument; gaps: Gap[]; generated: string; locale: string; day: string };

/**
 * The record of processing for this request: the data map read once, in the reader's language (purposes named as their notices are), dated in the
 * brand's time zone. Callers check record-of-processing:read first.
 */
export async function loadRopa(now = new Date()): Promise<Ropa> {
  const [data, t, locale, format, titles] = await Promise.all([
    getDataMap(),
    getTranslations(),
    getLocale(),
    getDateFormatter(),
    getPurposeTitles(),
  ]);
  // Purposes by the name their readers know them by in this language (their notice's title).
  const map = { ...data, purposes: withPurposeNames(data.purposes, titles) };
  const words: Words = (key, values) => (t as unknown as (k: string, v?: Record<string, string | number>) => string)(key, values);
  const date = format.dateTime(now, { dateStyle: "long", timeStyle: "short" });
  // The file's day as YYYY-MM-DD in the brand's time zone, the same in every language.
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: data.brand?.timeZone ?? "UTC" }).format(now);
  return {
    map,
    words,
    doc: ropaDocument(map, words),
    gaps: findGaps(map),
    generated: words("recordOfProcessing.generated", { date }),
    locale,
    day,
  };
}
