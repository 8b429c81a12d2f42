import type { Locale } from "../i18n/config";
import { isPolicyJurisdiction, type PolicyJurisdiction } from "./input";

const EEA_AND_UK = new Set("AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO GB".split(" "));

/**
 * The part of the policy a visitor sees first: the one they chose (?j=), else a guess from their language and
 * the region their browser names first (en-US reads California's, en-IE the EU's), else the first part there is.
 * A guess only: the page lets them choose another.
 */
export function visitorJurisdiction(
  available: readonly PolicyJurisdiction[],
  chosen: string | undefined,
  locale: Locale,
  acceptLanguage: string | null,
): PolicyJurisdiction | null {
  if (isPolicyJurisdiction(chosen) && available.includes(chosen)) return chosen;
  const region = acceptLanguage?.split(",")[0]?.trim().split(";")[0].split("-")[1]?.toUpperCase();
  const fromRegion: PolicyJurisdiction | null =
    region === "KR" ? "KR" : region === "JP" ? "JP" : region === "US" ? "US-CA" : region && EEA_AND_UK.has(region) ? "EU" : null;
  const guess = fromRegion ?? (locale === "ko" ? "KR" : locale === "ja" ? "JP" : null);
  if (guess && available.includes(guess)) return guess;
  return available[0] ?? null;
}
