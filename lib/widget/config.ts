import { subjectChoice, type LegalBasis } from "../purposes/vocabulary";

/** One purpose as the banner shows it, in the page's language where a notice exists in it. */
export type WidgetPurpose = {
  key: string;
  title: string;
  what: string;
  why: string;
  benefit: string;
  retention: string;
  /** The language the texts are in (English when the purpose has no notice in the page's language). */
  lang: string;
  /** The published notice version shown, sent back with the choice so the ledger records exactly it. */
  version: number;
  saleOrSharing: boolean;
  /** The purpose's last material notice change (epoch ms): grants from before it are asked for again. */
  changedAt: number | null;
  /** How long a grant lasts before it must be confirmed again; null = until withdrawn. */
  validDays: number | null;
};

export type WidgetConfig = {
  brand: { name: string };
  locale: string;
  /** Candor's public notices page, for the full texts. */
  notices: string;
  purposes: WidgetPurpose[];
};

/** What shapeWidgetConfig needs of a published notice (a structural subset of the store's rows). */
export type NoticeForWidget = {
  purpose: { key: string; legalBasis: LegalBasis; saleOrSharing: boolean; validityDays: number | null; materialChangeAt: Date | null };
  version: { version: number; title: string; shortLayer: { what: string; why: string; benefit: string; retention: string } };
  locale: string;
};

/**
 * The widget's configuration: only purposes a subject can grant (legal basis
 * consent) are asked; contract, legal-obligation and legitimate-interest
 * purposes belong to the notices and the preference center, not a banner.
 */
export function shapeWidgetConfig(args: {
  brandName: string | undefined;
  notices: readonly NoticeForWidget[];
  locale: string;
  origin: string;
}): WidgetConfig {
  return {
    brand: { name: args.brandName ?? "" },
    locale: args.locale,
    notices: `${args.origin}/notices`,
    purposes: args.notices
      .filter((n) => subjectChoice(n.purpose.legalBasis) === "consent")
      .map(({ purpose, version, locale }) => ({
        key: purpose.key,
        title: version.title,
        what: version.shortLayer.what,
        why: version.shortLayer.why,
        benefit: version.shortLayer.benefit,
        retention: version.shortLayer.retention,
        lang: locale,
        version: version.version,
        saleOrSharing: purpose.saleOrSharing,
        changedAt: purpose.materialChangeAt?.getTime() ?? null,
        validDays: purpose.validityDays,
      })),
  };
}
