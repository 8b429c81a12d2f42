import { describe, expect, it } from "vitest";
import { translationStatus, type VersionSummary } from "./translation-status";

const d = (day: number) => new Date(Date.UTC(2026, 0, day));
const v = (locale: string, version: number, status: VersionSummary["status"], day: number | null): VersionSummary => ({
  locale,
  version,
  status,
  publishedAt: day === null ? null : d(day),
});

describe("translationStatus", () => {
  it("marks a locale without a published notice as missing, with its open draft", () => {
    const [, ko] = translationStatus(["en", "ko"], [v("en", 1, "published", 1), v("ko", 1, "draft", null)]);
    expect(ko).toEqual({ locale: "ko", state: "missing", published: null, working: { version: 1, status: "draft" } });
  });

  it("marks a locale published before English's latest version as outdated", () => {
    const rows = translationStatus(["en", "ja"], [v("en", 1, "superseded", 1), v("en", 2, "published", 10), v("ja", 1, "published", 2)]);
    expect(rows.map((r) => r.state)).toEqual(["current", "outdated"]);
  });

  it("marks a locale published after English as current", () => {
    const rows = translationStatus(["en", "ja"], [v("en", 2, "published", 10), v("ja", 2, "published", 11)]);
    expect(rows[1].state).toBe("current");
    expect(rows[1].published).toEqual({ version: 2, publishedAt: d(11) });
  });

  it("treats every locale as current when English has no published notice", () => {
    expect(translationStatus(["en", "ko"], [v("ko", 1, "published", 3)]).map((r) => r.state)).toEqual(["missing", "current"]);
  });
});
