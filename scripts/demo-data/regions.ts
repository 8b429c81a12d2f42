import type { Random } from "@/lib/random";
import { euCountry } from "./names-eu";

export const jurisdictions = ["EU", "US-CA", "KR", "JP"] as const;
export type Jurisdiction = (typeof jurisdictions)[number];
export type Locale = "en" | "ko" | "ja";

export type Region = {
  /** Share of subjects. */
  weight: number;
  locales: readonly (readonly [Locale, number])[];
  domains: readonly (readonly [string, number])[];
  /** Share of subjects whose browser sends Global Privacy Control. */
  gpcShare: number;
  /** Share of subjects who gave a phone number. */
  phoneShare: number;
  /** A mobile number in the local format; EU numbers follow the country of the name. */
  phone: (r: Random, country?: string) => string;
};

const digits = (r: Random, n: number) => {
  let s = "";
  for (let i = 0; i < n; i++) s += r.int(0, 9);
  return s;
};

export const regions: Record<Jurisdiction, Region> = {
  EU: {
    weight: 0.4,
    locales: [
      ["en", 0.97],
      ["ko", 0.015],
      ["ja", 0.015],
    ],
    domains: [
      ["example.com", 0.45],
      ["example.org", 0.3],
      ["example.net", 0.25],
    ],
    gpcShare: 0.03,
    phoneShare: 0.55,
    phone: (r, country) => euCountry(country ?? "IE").phone(r),
  },
  "US-CA": {
    weight: 0.25,
    locales: [
      ["en", 0.92],
      ["ko", 0.05],
      ["ja", 0.03],
    ],
    domains: [
      ["example.com", 0.55],
      ["example.org", 0.2],
      ["example.net", 0.25],
    ],
    gpcShare: 0.14,
    phoneShare: 0.65,
    // 555-0100 to 555-0199 are reserved for fiction in the North American numbering plan.
    phone: (r) => `+1 ${r.pick(["213", "310", "415", "510", "619", "714", "818", "916"])} 555 01${digits(r, 2)}`,
  },
  KR: {
    weight: 0.2,
    locales: [
      ["ko", 0.93],
      ["en", 0.07],
    ],
    domains: [
      ["example.kr", 0.75],
      ["example.com", 0.25],
    ],
    gpcShare: 0.02,
    phoneShare: 0.85,
    phone: (r) => `010-${digits(r, 4)}-${digits(r, 4)}`,
  },
  JP: {
    weight: 0.15,
    locales: [
      ["ja", 0.93],
      ["en", 0.07],
    ],
    domains: [
      ["example.jp", 0.75],
      ["example.com", 0.25],
    ],
    gpcShare: 0.02,
    phoneShare: 0.7,
    phone: (r) => `${r.pick(["090", "080", "070"])}-${digits(r, 4)}-${digits(r, 4)}`,
  },
};

export const jurisdictionWeights = jurisdictions.map((j) => [j, regions[j].weight] as const);
