import { regimeFor } from "@/lib/requests/clock-rules";

/**
 * The kinds of request CCPA 11 CCR §7102(a) counts, in the report's order. Labels live in the "transparency"
 * catalog (kinds.*).
 */
export const reportKinds = ["delete", "correct", "know", "opt_out", "limit"] as const;
export type ReportKind = (typeof reportKinds)[number];

// Keyed by the request type's name (lib/requests/vocabulary.ts requestTypes): know covers access and portability
// (§7102(a)(1)(C)), opt-out covers sale and sharing, limit the use of sensitive personal information (§7027).
// Restriction and objection are GDPR/PIPA rights the CCPA table does not count; they count in the regimes' table.
const kindOfType: Readonly<Record<string, ReportKind>> = {
  deletion: "delete",
  rectification: "correct",
  access: "know",
  portability: "know",
  opt_out_sale: "opt_out",
  limit_sensitive: "limit",
};

/** The §7102 kind a request type counts under, or null when the CCPA table does not count it. */
export function reportKindOf(type: string): ReportKind | null {
  return kindOfType[type] ?? null;
}

/** Who the CCPA table covers: California residents, or every individual (§7102(b)); labels in transparency.scopes.*. */
export const reportScopes = ["california", "all"] as const;
export type ReportScope = (typeof reportScopes)[number];

/** The jurisdiction that marks a California resident (lib/jurisdictions.ts). */
export const CALIFORNIA = "US-CA";

/** The other regimes shown beside the CCPA table; labels in transparency.regimes.*. */
export const reportRegimes = ["gdpr", "pipa", "appi"] as const;
export type ReportRegime = (typeof reportRegimes)[number];

/** The regime a request's jurisdiction falls under for the regimes' table (EU and UK: GDPR), or null. */
export function reportRegimeOf(jurisdiction: string): ReportRegime | null {
  const regime = regimeFor(jurisdiction);
  return (reportRegimes as readonly string[]).includes(regime) ? (regime as ReportRegime) : null;
}
