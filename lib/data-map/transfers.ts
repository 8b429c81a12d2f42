import { isJurisdiction, type Jurisdiction } from "../jurisdictions";

/** EEA member states (ISO 3166-1 alpha-2): data moving among them is no transfer under GDPR Chapter V. */
const eea = new Set([
  "AT",
  "BE",
  "BG",
  "HR",
  "CY",
  "CZ",
  "DK",
  "EE",
  "FI",
  "FR",
  "DE",
  "GR",
  "HU",
  "IE",
  "IT",
  "LV",
  "LT",
  "LU",
  "MT",
  "NL",
  "PL",
  "PT",
  "RO",
  "SK",
  "SI",
  "ES",
  "SE",
  "IS",
  "LI",
  "NO",
]);

/** Whether data of people in a jurisdiction leaves it when a recipient in `country` receives it. */
export function leavesJurisdiction(jurisdiction: Jurisdiction, country: string): boolean {
  const c = country.toUpperCase();
  switch (jurisdiction) {
    case "EU":
      return !eea.has(c);
    case "UK":
      return c !== "GB";
    case "US-CA":
      return c !== "US";
    case "KR":
    case "JP":
      return c !== jurisdiction;
  }
}

/** The jurisdictions among a purpose's whose people's data a recipient in `country` takes abroad. */
export function transferredFrom(jurisdictions: readonly string[], country: string): Jurisdiction[] {
  return jurisdictions.filter((j): j is Jurisdiction => isJurisdiction(j) && leavesJurisdiction(j, country));
}
