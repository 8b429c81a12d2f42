import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { isLocale, localeCookie, negotiateLocale, type Locale } from "@/lib/i18n/config";
import { catalogs } from "@/lib/i18n/catalogs";
import { log } from "./log";

/** The visitor's language: their explicit choice (cookie), else their browser's. */
export async function resolveLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(localeCookie)?.value;
  if (isLocale(chosen)) return chosen;
  return negotiateLocale((await headers()).get("accept-language"));
}

export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  return {
    locale,
    messages: catalogs[locale],
    timeZone: "UTC",
    // A missing key shows as a marker the end-to-end crawl looks for, never as a crash.
    onError: (error) => log.error({ intlCode: error.code }, `i18n: ${error.message}`),
    getMessageFallback: ({ namespace, key }) => `MISSING:${namespace ? `${namespace}.` : ""}${key}`,
  };
});
