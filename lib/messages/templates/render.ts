import { isLocale, type Locale } from "../../i18n/config";
import { defaultsEn } from "./defaults-en";
import { defaultsJa } from "./defaults-ja";
import { defaultsKo } from "./defaults-ko";
import { type DefaultsByLocale, type PlaceholderValues, type TemplateKind, type TemplateText } from "./vocabulary";

const defaults: DefaultsByLocale = { en: defaultsEn, ko: defaultsKo, ja: defaultsJa };

/** The shipped wording of a kind in a language: what is sent until the officer saves a version of their own. */
export function defaultTemplate(kind: TemplateKind, locale: Locale): TemplateText {
  return defaults[locale][kind];
}

/** A placeholder as written in a template: {name}, a letter then letters or digits. */
export const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9_]*)\}/g;

/** The names a text's placeholders give, in order, repeats included. */
export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]);
}

const fill = (text: string, values: PlaceholderValues) =>
  text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = (values as Record<string, string | undefined>)[name];
    return value === undefined ? whole : value;
  });

export type RenderedMessage = { locale: Locale; subjectLine: string; body: string };

/**
 * A message from a template and the values of its placeholders: the subject line on one line, the
 * body as greeting, body and signature a blank line apart. A placeholder with an empty value (no
 * summary of changes, say) leaves no run of blank lines behind. The sender and the editor's
 * preview both call this, so what the officer sees is what the person gets.
 */
export function renderTemplate(template: TemplateText, values: PlaceholderValues, locale: Locale): RenderedMessage {
  const subjectLine = fill(template.subject, values)
    .replace(/\s*\n\s*/g, " ")
    .trim();
  const body = [template.greeting, template.body, template.signature]
    .map((part) => fill(part.replace(/\r\n/g, "\n"), values).trim())
    .filter((part) => part.length > 0)
    .join("\n\n")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n");
  return { locale, subjectLine, body };
}

/** A supported locale for a stored one; anything else reads English. */
export function templateLocale(locale: string | null | undefined): Locale {
  return isLocale(locale) ? locale : "en";
}
