import "server-only";
import { locales, type Locale } from "@/lib/i18n/config";
import { assemblePolicy } from "@/lib/policy/assemble";
import { checklists, missingItems, type Checklist } from "@/lib/policy/checklists";
import type { PolicyDocument } from "@/lib/policy/document";
import type { PolicyInput, PurposeWords } from "@/lib/policy/input";
import { localDay } from "@/lib/requests/deadlines";
import { getDataMap } from "@/db/data-map";
import { listPublishedNotices } from "@/db/notices";
import { hasPublishedReport } from "@/db/transparency";
import { policyInputFrom, policyLinks, policyTranslators } from "./policy-input";

/** Each purpose's words from its published notice, per language (only a notice in that very language). */
async function purposeWords(): Promise<Map<string, Partial<Record<Locale, PurposeWords>>>> {
  const out = new Map<string, Partial<Record<Locale, PurposeWords>>>();
  for (const locale of locales) {
    for (const n of await listPublishedNotices(locale)) {
      if (n.locale !== locale) continue;
      const entry = out.get(n.purpose.key) ?? {};
      entry[locale] = { title: n.version.title, why: n.version.shortLayer.why ?? "", benefit: n.version.shortLayer.benefit ?? "" };
      out.set(n.purpose.key, entry);
    }
  }
  return out;
}

export type LivePolicy = { input: PolicyInput; document: PolicyDocument; checklists: Checklist[]; missing: string[] };

/**
 * The policy as the data map and the brand's settings give it now: its input, the document in every language, each
 * jurisdiction's checklist and what is missing. `lastPublishedAt` dates the CCPA's "last updated" warning.
 */
export async function livePolicy(now: Date, lastPublishedAt: Date | null): Promise<LivePolicy> {
  const [map, words, report] = await Promise.all([getDataMap(), purposeWords(), hasPublishedReport()]);
  const links = policyLinks(report);
  const input = policyInputFrom(map, words, links, localDay(now, map.brand?.timeZone ?? "UTC"));
  const lists = checklists(input, now, lastPublishedAt);
  return { input, document: assemblePolicy(input, policyTranslators()), checklists: lists, missing: missingItems(lists) };
}
