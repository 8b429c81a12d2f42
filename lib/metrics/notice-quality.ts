import { readabilityOfFields, type Readability } from "../notices/readability";
import { SHORT_LAYER_FIELDS, type ShortLayer } from "../notices/required-elements";
import { isLocale } from "../i18n/config";
import { rate } from "./stats";
import { DAY_MS } from "../time";

/** A notice counts as fresh when its version in force was published within this many days. */
export const FRESH_WITHIN_DAYS = 365;
/** The English Flesch Reading Ease a plain notice reaches ("fairly difficult" starts below 60; 50 allows legal words). */
export const PLAIN_MIN_FLESCH = 50;

export type NoticeVersionFact = { id: number; purposeId: number; locale: string; publishedAt: number; shortLayer: Partial<ShortLayer> };

/** Plain: no sentence of the short layer is over the long-sentence limit, and English reads at Flesch 50 or more. */
export function isPlain(r: Readability): boolean {
  return r.longSentences.length === 0 && (r.flesch === undefined || r.flesch.ease >= PLAIN_MIN_FLESCH);
}

/** Whether a version's short layer is plain (unknown locales never are). */
export function versionIsPlain(v: NoticeVersionFact): boolean {
  if (!isLocale(v.locale)) return false;
  const fields: Record<string, string> = {};
  for (const f of SHORT_LAYER_FIELDS) fields[f] = v.shortLayer[f] ?? "";
  return isPlain(readabilityOfFields(fields, v.locale));
}

/** The version of each notice (purpose × locale) in force at an instant: the last one published by then. */
export function versionsInForce<V extends NoticeVersionFact>(versions: readonly V[], at: number): V[] {
  const latest = new Map<string, V>();
  for (const v of versions) {
    if (v.publishedAt > at) continue;
    const key = `${v.purposeId}|${v.locale}`;
    const seen = latest.get(key);
    if (!seen || v.publishedAt > seen.publishedAt || (v.publishedAt === seen.publishedAt && v.id > seen.id)) latest.set(key, v);
  }
  return [...latest.values()];
}

export type NoticeQuality = { notices: number; plain: number; fresh: number; plainShare: number | null; freshShare: number | null };

/** Of the notices in force at an instant: how many read plainly, and how many were published within a year. */
export function noticeQuality(
  versions: readonly NoticeVersionFact[],
  at: number,
  plain: (v: NoticeVersionFact) => boolean = versionIsPlain,
): NoticeQuality {
  const inForce = versionsInForce(versions, at);
  const plainCount = inForce.filter(plain).length;
  const fresh = inForce.filter((v) => v.publishedAt >= at - FRESH_WITHIN_DAYS * DAY_MS).length;
  return {
    notices: inForce.length,
    plain: plainCount,
    fresh,
    plainShare: rate(plainCount, inForce.length),
    freshShare: rate(fresh, inForce.length),
  };
}
