import { describe, expect, it } from "vitest";
import { splitRowsOf } from "./daily-splits";

const cell = (over: Partial<Parameters<typeof splitRowsOf>[0] extends Iterable<infer C> ? C : never>) => ({
  day: "2026-05-01",
  purposeId: 1,
  jurisdiction: "EU",
  source: "banner",
  locale: "en",
  channel: "",
  event: "granted",
  gpc: 0,
  count: 1,
  ...over,
});

describe("splitRowsOf", () => {
  it("adds rollup cells up per dimension value, one column per event type", () => {
    const rows = splitRowsOf([
      cell({ count: 3 }),
      cell({ event: "denied", count: 2, gpc: 1 }),
      cell({ source: "api", channel: "email", event: "withdrawn", count: 4 }),
      cell({ source: "import", event: "granted", count: 5, gpc: 1 }),
    ]);
    const find = (dimension: string, value: string) => rows.find((r) => r.dimension === dimension && r.value === value);
    expect(find("source", "banner")).toMatchObject({ granted: 3, denied: 2, withdrawn: 0, gpc: 2, gpcGranted: 0 });
    expect(find("source", "api")).toMatchObject({ granted: 0, withdrawn: 4 });
    expect(find("source", "import")).toMatchObject({ granted: 5, gpc: 5, gpcGranted: 5 });
    expect(find("locale", "en")).toMatchObject({ granted: 8, denied: 2, withdrawn: 4, expired: 0, gpc: 7, gpcGranted: 5 });
    expect(find("channel", "")).toMatchObject({ granted: 8, denied: 2 });
    expect(find("channel", "email")).toMatchObject({ withdrawn: 4 });
    expect(rows).toHaveLength(6);
  });

  it("keeps days, purposes and jurisdictions apart", () => {
    const rows = splitRowsOf([cell({}), cell({ day: "2026-05-02" }), cell({ purposeId: 2 }), cell({ jurisdiction: "KR" })]);
    expect(rows.filter((r) => r.dimension === "locale")).toHaveLength(4);
  });
});
