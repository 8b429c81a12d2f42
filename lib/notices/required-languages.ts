import { z } from "zod";
import { formList } from "../forms";
import { isLocale, locales, type Locale } from "../i18n/config";
import { isJurisdiction, jurisdictions, type Jurisdiction } from "../jurisdictions";

/**
 * The notice languages a jurisdiction always requires. The law asks for the
 * language of the people addressed (PIPA Art. 15(2) and 22, APPI Art. 21(2),
 * GDPR Art. 13 and 12(1)); these are the languages of the people a brand
 * addresses there by default. A brand adds the others it addresses.
 */
export const defaultNoticeLanguages: Record<Jurisdiction, readonly Locale[]> = {
  EU: ["en"],
  UK: ["en"],
  "US-CA": ["en"],
  KR: ["ko"],
  JP: ["ja"],
};

/** The brand's setting as stored: per jurisdiction, the languages it addresses there besides the default. */
export type NoticeLanguageSettings = Partial<Record<Jurisdiction, Locale[]>>;

const storedSchema = z.record(z.string(), z.array(z.string()));

/** Per jurisdiction, every language a notice must be published in: the default plus the brand's own (malformed entries are ignored). */
export function noticeLanguagesByJurisdiction(stored: unknown): Record<Jurisdiction, Locale[]> {
  const parsed = storedSchema.safeParse(stored ?? {});
  const added = parsed.success ? parsed.data : {};
  return Object.fromEntries(
    jurisdictions.map((j) => [j, sortLocales([...defaultNoticeLanguages[j], ...(added[j] ?? []).filter(isLocale)])]),
  ) as Record<Jurisdiction, Locale[]>;
}

/** The languages a purpose that applies in these jurisdictions needs a published notice in; unknown jurisdictions add nothing. */
export function requiredNoticeLanguages(purposeJurisdictions: readonly string[], stored: unknown): Locale[] {
  const byJurisdiction = noticeLanguagesByJurisdiction(stored);
  return sortLocales(purposeJurisdictions.filter(isJurisdiction).flatMap((j) => byJurisdiction[j]));
}

/** The required languages that have no published notice yet, sorted and without repeats: empty means the purpose may go live. */
export function missingNoticeLanguages(purposeJurisdictions: readonly string[], stored: unknown, published: Iterable<string>): Locale[] {
  const have = new Set(published);
  return requiredNoticeLanguages(purposeJurisdictions, stored).filter((l) => !have.has(l));
}

function sortLocales(list: Locale[]): Locale[] {
  return [...new Set(list)].sort();
}

/** The settings form: one checkbox group per jurisdiction (`lang_EU`, …); only the brand's enabled languages may be chosen. */
export function noticeLanguagesFormSchema(enabledLocales: readonly string[]) {
  const enabled = locales.filter((l) => enabledLocales.includes(l));
  const offered = (enabled.length ? enabled : [...locales]) as [Locale, ...Locale[]];
  const group = formList(z.string()).pipe(z.array(z.enum(offered, { error: "not-enabled" })).max(locales.length));
  return z
    .object(Object.fromEntries(jurisdictions.map((j) => [`lang_${j}`, group])) as Record<`lang_${Jurisdiction}`, typeof group>)
    .transform((form): NoticeLanguageSettings =>
      Object.fromEntries(
        jurisdictions
          .map((j) => [j, sortLocales(form[`lang_${j}`].filter((l) => !defaultNoticeLanguages[j].includes(l)))] as const)
          .filter(([, added]) => added.length > 0),
      ),
    );
}
