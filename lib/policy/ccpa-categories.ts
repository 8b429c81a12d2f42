/**
 * The data map's categories in the CCPA's own (Civ. Code §1798.140(v)(1)(A)–(L)), as §7011 asks a policy
 * to name what it collects and discloses. A data-map category may fall under two.
 */
export const ccpaCategories = [
  "identifiers",
  "customer_records",
  "protected",
  "commercial",
  "biometric",
  "internet",
  "geolocation",
  "sensory",
  "professional",
  "education",
  "inferences",
  "sensitive",
] as const;
export type CcpaCategory = (typeof ccpaCategories)[number];

const byDataCategory: Record<string, CcpaCategory[]> = {
  contact: ["identifiers", "customer_records"],
  identity: ["identifiers", "customer_records"],
  order_history: ["commercial"],
  payment: ["customer_records"],
  device: ["identifiers", "internet"],
  location: ["geolocation"],
  behavioural: ["internet", "inferences"],
  preferences: ["inferences"],
  body_measurements: ["customer_records"],
  communications: ["sensory", "internet"],
  loyalty: ["commercial"],
};

/** The CCPA categories data-map categories fall under, in the statute's order; `sensitive` when a purpose is flagged so. */
export function ccpaCategoriesOf(dataCategories: string[], sensitive = false): CcpaCategory[] {
  const used = new Set(dataCategories.flatMap((c) => byDataCategory[c] ?? []));
  if (sensitive) used.add("sensitive");
  return ccpaCategories.filter((c) => used.has(c));
}
