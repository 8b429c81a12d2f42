import { DEFAULT_PERIOD_DAYS } from "./period";

export type DashboardParams = { from?: string; to?: string; jurisdiction?: string; purpose?: string };

const keys = ["from", "to", "jurisdiction", "purpose"] as const;

/** The dashboard filters found in a URL's query string (unknown keys ignored; the API validates values). */
export function readDashboardParams(search: URLSearchParams, allowed: readonly (keyof DashboardParams)[] = keys): DashboardParams {
  const out: DashboardParams = {};
  for (const k of allowed) {
    const v = search.get(k);
    if (v) out[k] = v;
  }
  return out;
}

/** A query string for the filters, in a fixed order and without empty values, so the same view has one URL (and one cache key). */
export function dashboardQueryString(p: DashboardParams): string {
  const search = new URLSearchParams();
  for (const k of keys) if (p[k]) search.set(k, p[k]!);
  return search.toString();
}

/** The preset period lengths the filter offers, in days. */
export const periodPresets = [7, DEFAULT_PERIOD_DAYS, 90, 180, 365] as const;
