import "server-only";
import { cache } from "react";
import { noTitles, type PurposeTitles } from "@/lib/purposes/titles";
import { listPurposeTitles } from "@/db/notices";
import { resolveLocale } from "./i18n-request";

/**
 * Purpose titles in this request's language (lib/purposes/titles.ts), read once per request. English
 * pages keep the names the brand typed, which are its English names.
 */
export const getPurposeTitles = cache(async (): Promise<PurposeTitles> => {
  const locale = await resolveLocale();
  return locale === "en" ? noTitles : await listPurposeTitles(locale);
});
