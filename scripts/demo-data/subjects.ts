import type { Random } from "@/lib/random";
import type { ConsentEventRow, SubjectRow } from "@/db/seed/rows";
import { emailFor, personName } from "./names";
import { jurisdictionWeights, regions, type Jurisdiction, type Locale } from "./regions";
import { DAY_MS } from "@/lib/time";
import type { Timeline } from "./timeline";

export type Source = ConsentEventRow["source"];

export type DemoSubject = {
  row: SubjectRow;
  jurisdiction: Jurisdiction;
  locale: Locale;
  /** Their browser sends Global Privacy Control. */
  gpc: boolean;
  /** When they first made choices, and through what. */
  firstAt: number;
  firstSource: Source;
};

/** Share of subjects who were customers before the ledger window opened. */
const LEGACY_SHARE = 0.35;
const MINOR_SHARE = 0.02;

// In-store sign-up sheets are keyed in later, so "import" events are recorded days after they happen.
const firstSources: readonly (readonly [Source, number])[] = [
  ["banner", 0.52],
  ["api", 0.24],
  ["preference_center", 0.12],
  ["import", 0.08],
  ["call_center", 0.04],
];

/** One demo subject: who they are, where, in which language, and when they first chose. */
export function generateSubject(r: Random, id: number, t: Timeline): DemoSubject {
  const jurisdiction = r.weighted(jurisdictionWeights);
  const region = regions[jurisdiction];
  const locale = r.weighted(region.locales);
  const romanized = locale === "en";
  // A Korean or Japanese reader in the EU or California is most likely Korean or Japanese by name too.
  const origin = locale === "ko" ? "KR" : locale === "ja" ? "JP" : jurisdiction;
  const name = personName(r, origin, romanized);
  const domain = r.weighted(region.domains);
  const legacy = r.bernoulli(LEGACY_SHARE);
  // New sign-ups lean towards recent weeks, as a growing brand's would.
  const firstAt = legacy
    ? Math.floor(r.float(t.legacyStart, t.windowStart))
    : Math.floor(t.windowStart + (t.anchor - DAY_MS - t.windowStart) * Math.sqrt(r.next()));
  const firstSource = r.weighted(firstSources);
  const isMinor = r.bernoulli(MINOR_SHARE);
  const guardian = isMinor ? personName(r, origin, romanized, name) : null;
  const createdAt = firstSource === "import" ? firstAt + r.int(1, 7) * DAY_MS : firstAt;
  return {
    row: {
      id,
      uid: r.uuid(),
      externalId: r.bernoulli(0.88) ? `CUST-${String(id).padStart(6, "0")}` : null,
      email: emailFor(r, name, id, domain),
      name: name.display,
      phone: r.bernoulli(region.phoneShare) ? region.phone(r, name.country) : null,
      jurisdiction,
      locale,
      isMinor: isMinor ? 1 : 0,
      guardianName: guardian?.display ?? null,
      guardianEmail: guardian ? emailFor(r, guardian, id, domain) : null,
      createdAt: Math.min(createdAt, t.anchor - 1000),
    },
    jurisdiction,
    locale,
    gpc: r.bernoulli(region.gpcShare),
    firstAt,
    firstSource,
  };
}
