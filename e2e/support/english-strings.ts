import fs from "node:fs";
import path from "node:path";
import { systemNote, systemNoteCodes } from "../../lib/requests/system-notes";
import { systemReasonTexts } from "../../lib/requests/system-reasons";
import { outboxKinds, outboxStatuses } from "../../lib/outbox/vocabulary";
import { deliveryStates, pathKinds, pathStatuses } from "../../lib/propagation/vocabulary";
import { requestEventKinds, requestIntakes, requestStatuses, requestTypes } from "../../lib/requests/vocabulary";
import { channels, dataCategories, legalBases, recipientRoles } from "../../lib/purposes/vocabulary";
import { consentSources, effectiveStates } from "../../lib/consent/vocabulary";

/**
 * One English string a ko or ja page must not show, with where it comes from. A phrase is looked for
 * anywhere in the page's text; a lone word, a label, is looked for as a whole piece of text (a cell, a
 * badge, a heading, an attribute), since the same word inside a sentence a person typed is theirs.
 */
export type EnglishString = { text: string; from: string; pattern: RegExp; whole?: boolean };

const messages = path.join(process.cwd(), "lib/i18n/messages");

function flatten(value: unknown, prefix: string, out: Map<string, string>): Map<string, string> {
  if (typeof value === "string") out.set(prefix, value);
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  return out;
}

function catalog(locale: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of fs.readdirSync(path.join(messages, locale)))
    flatten(JSON.parse(fs.readFileSync(path.join(messages, locale, file), "utf8")), file.replace(/\.json$/, ""), out);
  return out;
}

/**
 * The literal text of an ICU message, in the pieces a reader sees whole: placeholders ({name}),
 * the branches' own words ({count, plural, one {# day} other {# days}}), rich-text tags and "#"
 * split it, since what fills them is not the catalog's.
 */
export function literalPieces(message: string): string[] {
  const pieces: string[] = [];
  let current = "";
  const flush = () => {
    pieces.push(current);
    current = "";
  };
  const stack: ("arg" | "branch")[] = [];
  for (let i = 0; i < message.length; i++) {
    const c = message[i];
    const inText = stack.length === 0 || stack[stack.length - 1] === "branch";
    if (c === "'" && message[i + 1] === "'") {
      if (inText) current += "'";
      i++;
    } else if (c === "{") {
      if (inText) flush();
      // After "name, plural," (or select) inside an argument, braces open a branch's text.
      stack.push(stack[stack.length - 1] === "arg" ? "branch" : "arg");
    } else if (c === "}") {
      if (inText) flush();
      stack.pop();
    } else if (inText && c === "#" && stack.length > 0) flush();
    else if (inText) current += c;
  }
  flush();
  return pieces
    .flatMap((p) => p.split(/<\/?[\w-]+>/))
    .map((p) => p.replace(/\s+/g, " ").trim())
    .filter(Boolean);
}

const letters = (s: string) => s.replace(/[^A-Za-z]/g, "").length;
const words = (s: string) => s.match(/[A-Za-z]{2,}/g)?.length ?? 0;
/** Long enough to be words a reader would notice, not a stray token: two words, or eight letters. */
const meaningful = (s: string) => words(s) >= 2 || letters(s) >= 8;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** The string as whole words: not a piece of a longer word, code or address. */
function wholeWords(text: string): RegExp {
  const start = /^[\w]/.test(text) ? "(?<![\\w@.-])" : "";
  const end = /[\w]$/.test(text) ? "(?![\\w@-])" : "";
  return new RegExp(`${start}${escape(text)}${end}`);
}

// Labels of the words the issue names (statuses, message kinds, delivery states, request types): short,
// but an untranslated one is exactly the leak this crawl looks for.
const vocabularyGroups = [
  /^outbox\.(statuses|kinds)\./,
  /^deliveries\.states\./,
  /^requests\.(statuses|types)\./,
  /^vocabulary\.status\./,
  /^subjects\.(states|events)\./,
  /^myRequests\.status\./,
  /^audit\.outcomes\./,
];

/** Words that read the same in every language here: names and technical terms a ko/ja page may show as they are. */
const sameEverywhere = new Set(["API", "JSON", "CSV", "HTML", "SMS", "GPC", "Candor"]);

/**
 * Every English string a page in `locale` must not show: the English catalog where it differs, what
 * Candor writes itself, and the brand's English name of each purpose that has a title in `locale`.
 */
export function englishStrings(locale: "ko" | "ja", purposeNames: readonly { name: string; title: string }[]): EnglishString[] {
  const en = catalog("en");
  const local = catalog(locale);
  const localText = [...local.values()].join("\n");
  const found = new Map<string, EnglishString>();
  const add = (text: string, from: string, pattern = wholeWords(text)) => {
    if (found.has(text) || sameEverywhere.has(text) || localText.includes(text)) return;
    const whole = pattern.source.startsWith("^");
    found.set(text, { text, from, pattern, whole });
  };
  const lone = (text: string) => new RegExp(`^${escape(text)}[:.]?$`);
  for (const [key, value] of en) {
    if (local.get(key) === value) continue;
    const vocabulary = vocabularyGroups.some((g) => g.test(key));
    for (const piece of literalPieces(value)) {
      if (words(piece) === 1 && (vocabulary ? letters(piece) >= 3 : letters(piece) >= 8)) add(piece, `catalog ${key}`, lone(piece));
      else if (meaningful(piece)) add(piece, `catalog ${key}`);
    }
  }
  // A note Candor wrote is a cell of its own on the timeline: the whole sentence, whatever fills its values.
  for (const code of systemNoteCodes) {
    const sentence = systemNote(code);
    add(
      sentence,
      `system note ${code}`,
      new RegExp(
        `^${sentence
          .split(/\{\w+\}/)
          .map(escape)
          .join(".+")}$`,
      ),
    );
  }
  for (const [code, text] of Object.entries(systemReasonTexts.en)) add(text, `system reason ${code}`);
  // Stored codes shown raw: one with "_" or "-" never reads as an English word by chance, so it is looked
  // for anywhere; a one-word code ("email", "queued") as a piece of text of its own.
  const codes = [
    ...[
      outboxKinds,
      outboxStatuses,
      deliveryStates,
      pathKinds,
      pathStatuses,
      requestStatuses,
      requestTypes,
      requestIntakes,
      requestEventKinds,
    ],
    ...[channels, dataCategories, legalBases, recipientRoles, consentSources, effectiveStates],
  ].flat();
  for (const code of new Set<string>(codes)) add(code, `code ${code}`, /[_-]/.test(code) ? wholeWords(code) : lone(code));
  // next-intl's marker for a key missing from the reader's catalog (lib/server/i18n-request.ts).
  add("MISSING:", "a key missing from the catalog", /MISSING:/);
  for (const p of purposeNames) if (p.name !== p.title) add(p.name, `a purpose's English name, titled "${p.title}" in ${locale}`);
  return [...found.values()];
}
