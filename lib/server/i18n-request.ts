import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { isLocale, localeCookie, negotiateLocale, type Locale } from "@/lib/i18n/config";
import { catalogs } from "@/lib/i18n/catalogs";
import { isTimeZone } from "@/lib/time";
import { getBrandSettings } from "@/db/staff";
import { log } from "./log";

/** The visitor's language: their explicit choice (cookie), else their browser's. */
export async function resolveLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(localeCookie)?.value;
  if (isLocale(chosen)) return chosen;
  return negotiateLocale((await headers()).get("accept-language"));
}

/**
 * The zone every date and time is shown in: the brand's (brand_settings.time_zone), so a due
 * date at the end of the brand's local day reads as that day, on staff and public pages alike.
 * UTC only before a brand exists (or if its zone is not one this runtime knows).
 */
export async function resolveTimeZone(): Promise<string> {
  const zone = (await getBrandSettings())?.timeZone;
  return zone && isTimeZone(zone) ? zone : "UTC";
}

export default getRequestConfig(async () => {
  const [locale, timeZone] = await Promise.all([resolveLocale(), resolveTimeZone()]);
  return {
    locale,
    messages: catalogs[locale],
    timeZone,
    // A missing key shows as a marker the end-to-end crawl looks for, never as a crash.
    onError: (error) => log.error({ intlCode: error.code }, `i18n: ${error.message}`),
    getMessageFallback: ({ namespace, key }) => `MISSING:${namespace ? `${namespace}.` : ""}${key}`,
  };
});
