/** The regimes Candor knows: EU/EEA and UK (GDPR), California (CCPA/CPRA), Korea (PIPA), Japan (APPI). */
export const jurisdictions = ["EU", "UK", "US-CA", "KR", "JP"] as const;
export type Jurisdiction = (typeof jurisdictions)[number];

export function isJurisdiction(value: unknown): value is Jurisdiction {
  return typeof value === "string" && (jurisdictions as readonly string[]).includes(value);
}
