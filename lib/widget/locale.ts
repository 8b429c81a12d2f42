import { isLocale, type Locale } from "../i18n/config";

/** The widget's language from the host page's `lang` attribute: its primary subtag when Candor speaks it, else English. */
export function pickLocale(lang: string | null | undefined): Locale {
  const base = (lang ?? "").trim().toLowerCase().split(/[-_]/)[0];
  return isLocale(base) ? base : "en";
}
