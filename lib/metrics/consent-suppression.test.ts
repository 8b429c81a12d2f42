import { describe, expect, it } from "vitest";
import { shownRow, suppressConsentAnalytics, suppressionFor, suppressTotals, suppressTrustDashboard } from "./consent-suppression";
import { figures, zeroCounts, type EventCounts } from "./consent-figures";
import type { ConsentAnalytics, TrustDashboard } from "./dashboard-types";

const counts = (c: Partial<EventCounts>) => figures({ ...zeroCounts(), ...c });
const split = (value: string, c: Partial<EventCounts>) => ({ value, ...counts(c) });

/** One day; Korea 14 grants and 2 refusals, Japan 11 and 12; every event in English, by API, about a whole purpose. */
function view(): ConsentAnalytics {
  const total = counts({ granted: 25, denied: 14 });
  const stock = { live: 25, decided: 39, activeRate: 64.1, stale: 0, expiring: 0 };
  return {
    period: { from: "2026-03-01", to: "2026-03-01" },
    summary: { ...total, answers: 39, gpcOptOuts: 0, ...stock },
    trend: [{ start: "2026-03-01", end: "2026-03-01", ...total, live: 25 }],
    purposes: [{ key: "news", name: "News", ...total, ...stock }],
    splits: {
      jurisdiction: [split("JP", { granted: 11, denied: 12 }), split("KR", { granted: 14, denied: 2 })],
      source: [split("api", { granted: 25, denied: 14 })],
      locale: [split("en", { granted: 25, denied: 14 })],
      channel: [split("", { granted: 25, denied: 14 })],
    },
  };
}

describe("suppressConsentAnalytics", () => {
  it("hides Korea's 2 refusals below k and Japan's 12 with them, since the 14 in all are shown", () => {
    const out = suppressConsentAnalytics(view(), 10, 10);
    const [jp, kr] = out.splits.jurisdiction;
    expect([kr.granted, kr.denied, jp.granted, jp.denied]).toEqual([14, null, 11, null]);
    expect(kr.belowK).toContain("denied");
    expect(jp.suppressed).toContain("denied");
    expect(jp.belowK).not.toContain("denied");
    expect(out.summary.denied).toBe(14);
    expect(out.suppression).toEqual({ k: 10, exact: false });
  });

  it("hides a rate whose count is hidden, and keeps one whose counts are shown", () => {
    const out = suppressConsentAnalytics(view(), 10, 10);
    expect(out.splits.jurisdiction[1].optInRate).toBeNull();
    expect(out.splits.jurisdiction[1].suppressed).toContain("optInRate");
    expect(out.summary.optInRate).toBe(64.1);
  });

  it("gives the privacy officer's view unchanged, marked exact", () => {
    expect(suppressConsentAnalytics(view(), null, 10)).toEqual({ ...view(), suppression: { k: 10, exact: true } });
  });
});

describe("suppressionFor", () => {
  it("suppresses for every role but the privacy officer, and for an unknown one", () => {
    expect(["marketing", "executive", "admin", "privacy_officer", "intern", undefined].map((r) => suppressionFor(r, 12))).toEqual([
      12,
      12,
      12,
      null,
      12,
      12,
    ]);
  });
});

describe("suppressTrustDashboard", () => {
  it("hides the count of answers below k and leaves the score and indicators alone", () => {
    const trust = { score: 71, indicators: [], context: { answers: 4, closed: 2, open: 1, notices: 3 } } as unknown as TrustDashboard;
    const out = suppressTrustDashboard(trust, 10, 10);
    expect(out.context).toEqual({ answers: null, closed: 2, open: 1, notices: 3, suppressed: ["answers"], belowK: ["answers"] });
    expect(out.score).toBe(71);
  });
});

describe("shownRow", () => {
  it('writes a count below k as "< k" and a complementary one as the hidden word, for tables and CSV', () => {
    const row = {
      value: "KR",
      granted: null,
      denied: null,
      optInRate: null,
      suppressed: ["granted", "denied", "optInRate"],
      belowK: ["denied"],
    };
    expect(shownRow(row, 10, "hidden")).toMatchObject({ granted: "hidden", denied: "< 10", optInRate: "hidden" });
  });
});

describe("suppressTotals", () => {
  it("hides grants with a small number of refusals that answers minus grants would give, and the rate with them", () => {
    const out = suppressTotals({ granted: 40, denied: 3, withdrawn: 12, gpc: 0 }, 10);
    expect(out).toMatchObject({ granted: null, denied: null, withdrawn: 12, gpc: null, answers: 43 });
    expect(out.belowK).toEqual(["denied", "gpc"]);
    expect(suppressTotals({ granted: 40, denied: 3, withdrawn: 12, gpc: 0 }, null)).toEqual({
      granted: 40,
      denied: 3,
      withdrawn: 12,
      gpc: 0,
      answers: 43,
    });
  });
});
