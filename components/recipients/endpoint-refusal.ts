"use client";
import { useTranslations } from "next-intl";

/** ipaddr.js range names the guard reports that have their own words; any other is a special-purpose range. */
const namedRanges = [
  "loopback",
  "private",
  "linkLocal",
  "uniqueLocal",
  "carrierGradeNat",
  "unspecified",
  "multicast",
  "broadcast",
  "reserved",
];

/**
 * Words for why the SSRF guard refused an endpoint (lib/propagation/endpoint-guard.ts endpointRefusals), with
 * the address and range it met; an unknown code falls back to the shared "invalid".
 */
export function useEndpointRefusal(): (code: string, values?: Record<string, string | number>) => string {
  const t = useTranslations("recipients.endpoint");
  const te = useTranslations("errors");
  return (code, values = {}) => {
    if (code === "not-public") {
      const range = String(values.range ?? "");
      const rangeText = namedRanges.includes(range) ? t(`ranges.${range}`) : t("ranges.other", { range });
      return t("refusals.not-public", { address: String(values.address ?? ""), range: rangeText });
    }
    if (t.has(`refusals.${code}`)) return t(`refusals.${code}`);
    return te.has(code) ? te(code) : te("invalid");
  };
}
