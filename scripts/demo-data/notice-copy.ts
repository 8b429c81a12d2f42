import type { ShortLayer } from "@/db/schema";
import type { PurposeKey } from "./purposes";

/** The short-layer fields that differ per purpose; the contact line is the same on every notice of a locale. */
export type PurposeShortLayer = Omit<ShortLayer, "refusal" | "contact">;

/** What one locale says about one purpose; the full text is assembled from it (see notice-text.ts). */
export type NoticeCopy = {
  title: string;
  /** The opening paragraph of the full text. */
  lead: string;
  short: PurposeShortLayer;
  /** What happens if the customer says no (PIPA Art. 15(2)4). */
  refusal: string;
  /** The second version, where there is one: the fields it changes and why. */
  v2?: { short: Partial<PurposeShortLayer>; changeSummary: string };
};

export type NoticeCatalog = Record<PurposeKey, NoticeCopy>;
