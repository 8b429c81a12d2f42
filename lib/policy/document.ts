/**
 * The privacy policy as it is frozen in a version: per language, one part per jurisdiction, one section per
 * checklist item. Text Candor wrote is in the part's language; what the brand typed (a name, an address, a
 * purpose never published in that language) is a stored run, shown as written.
 */
import type { Locale } from "../i18n/config";
import type { PolicyJurisdiction } from "./input";

export type Run = string | { stored: string; lang?: string } | { href: string; label: string };
export type Line = Run[];
export type Block = { p: Line } | { ul: Line[] };
export type PolicySection = { item: string; heading: string; blocks: Block[] };
export type PolicyPart = { jurisdiction: PolicyJurisdiction; title: string; sections: PolicySection[] };
export type PolicyDocument = { effectiveDate: string; parts: Record<Locale, PolicyPart[]> };

/** A translator over the whole catalog (next-intl's createTranslator without a namespace). */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

export function runText(run: Run): string {
  if (typeof run === "string") return run;
  return "stored" in run ? run.stored : run.label;
}

export function lineText(line: Line): string {
  return line.map(runText).join("");
}

/** A part as plain text, heading by heading, for the diff and the readability figures. */
export function partText(part: PolicyPart): string {
  return part.sections
    .map((s) => [s.heading, ...s.blocks.flatMap((b) => ("p" in b ? [lineText(b.p)] : b.ul.map((l) => `- ${lineText(l)}`)))].join("\n"))
    .join("\n\n");
}

/** A language's whole policy as plain text. */
export function documentText(doc: PolicyDocument, locale: Locale): string {
  return doc.parts[locale].map((p) => `${p.title}\n\n${partText(p)}`).join("\n\n");
}

/** The jurisdictions whose part changed in any language between two versions (all of them against nothing). */
export function changedJurisdictions(next: PolicyDocument, previous: PolicyDocument | null): PolicyJurisdiction[] {
  const js = next.parts.en.map((p) => p.jurisdiction);
  if (!previous) return js;
  return js.filter((j) =>
    (Object.keys(next.parts) as Locale[]).some((l) => {
      const a = next.parts[l].find((p) => p.jurisdiction === j);
      const b = previous.parts[l]?.find((p) => p.jurisdiction === j);
      // The effective date changes with every version; what a reader is told is the rest.
      const strip = (p: PolicyPart | undefined) => (p ? partText({ ...p, sections: p.sections.filter((s) => !isDateItem(s.item)) }) : "");
      return strip(a) !== strip(b);
    }),
  );
}

const isDateItem = (item: string) => item === "effective_date" || item === "last_updated";

/** The headings of a part's sections that changed, in the reader's language (the dates left out): what a material change's message names. */
export function changedSections(next: PolicyDocument, previous: PolicyDocument | null, j: PolicyJurisdiction, locale: Locale): string[] {
  const a = next.parts[locale].find((p) => p.jurisdiction === j);
  if (!a) return [];
  const b = previous?.parts[locale]?.find((p) => p.jurisdiction === j);
  const text = (s: PolicySection) => partText({ jurisdiction: j, title: "", sections: [s] });
  return a.sections
    .filter((s) => !isDateItem(s.item))
    .filter((s) => {
      const old = b?.sections.find((o) => o.item === s.item);
      return !old || text(old) !== text(s);
    })
    .map((s) => s.heading);
}
