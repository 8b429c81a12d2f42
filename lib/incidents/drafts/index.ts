import { appiDraft } from "./appi";
import { californiaNoticeDraft } from "./california";
import type { Ctx } from "./common";
import { gdprAuthorityDraft } from "./gdpr";
import { pipaAuthorityDraft } from "./pipa";
import type { Draft, DraftFormat, DraftInput, DraftItem, ReportKind, Words } from "./types";

/** The draft of one authority report, every item its law names filled from the incident or flagged missing. */
export function buildDraft(duty: ReportKind, input: DraftInput, w: Words, f: DraftFormat): Draft {
  const c: Ctx = { w, f, input };
  switch (duty) {
    case "gdpr_authority":
      return gdprAuthorityDraft(c);
    case "pipa_authority":
      return pipaAuthorityDraft(c);
    case "appi_preliminary":
    case "appi_final":
      return appiDraft(c, duty);
    case "ca_attorney_general":
      return californiaNoticeDraft(c);
  }
}

/** The items a draft still lacks (optional ones aside): what stands between it and sending. */
export function missingItems(draft: Draft): DraftItem[] {
  return draft.sections.flatMap((s) => s.items).filter((i) => i.value === null && !i.optional);
}

/** The language each report is usually filed in: the authority's own (the page can show any of en, ko, ja). */
export const reportLocale: Record<ReportKind, "en" | "ko" | "ja"> = {
  gdpr_authority: "en",
  pipa_authority: "ko",
  appi_preliminary: "ja",
  appi_final: "ja",
  ca_attorney_general: "en",
};
