/**
 * The privacy policy assembled from the data map and the brand's settings: for each language, a part per
 * jurisdiction in scope, a section per checklist item, in the order the law lists them. Pure: the same input
 * gives the same document, which a version then freezes.
 */
import { locales, type Locale } from "../i18n/config";
import { checklistItems, jurisdictionsInScope } from "./checklists";
import type { Block, PolicyDocument, PolicyPart, Translate } from "./document";
import type { PolicyInput, PolicyJurisdiction } from "./input";
import { jpSections, krSections } from "./parts-asia";
import { caSections, euSections } from "./parts-west";
import { writer, type Writer } from "./words";

const sectionsOf: Record<PolicyJurisdiction, (w: Writer) => Record<string, Block[]>> = {
  KR: krSections,
  JP: jpSections,
  EU: euSections,
  "US-CA": caSections,
};

/** One jurisdiction's part in one language. */
export function assemblePart(input: PolicyInput, j: PolicyJurisdiction, locale: Locale, t: Translate): PolicyPart {
  const bodies = sectionsOf[j](writer(input, j, locale, t));
  const sections = (checklistItems[j] as readonly string[])
    .filter((item) => bodies[item])
    .map((item) => ({ item, heading: t(`privacyPolicy.items.${j}.${item}`), blocks: bodies[item] }));
  return { jurisdiction: j, title: t(`privacyPolicy.parts.${j}`), sections };
}

/** The whole policy, in every language, for every jurisdiction where a purpose applies. */
export function assemblePolicy(input: PolicyInput, translators: Record<Locale, Translate>): PolicyDocument {
  const scope = jurisdictionsInScope(input);
  const parts = Object.fromEntries(locales.map((l) => [l, scope.map((j) => assemblePart(input, j, l, translators[l]))])) as Record<
    Locale,
    PolicyPart[]
  >;
  return { effectiveDate: input.effectiveDate, parts };
}
