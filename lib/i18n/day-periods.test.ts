import { describe, expect, it } from "vitest";
import { localDayPeriods } from "./day-periods";

const morning = new Date("2027-03-04T02:05:00Z");
const evening = new Date("2027-03-04T15:05:00Z");
const shown = (d: Date, locale: string) =>
  localDayPeriods(new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(d), locale);

describe("times in the reader's language", () => {
  it("writes Korean morning and afternoon as 오전 and 오후, never AM or PM", () => {
    expect(shown(morning, "ko")).toContain("오전 2:05");
    expect(shown(evening, "ko")).toContain("오후 3:05");
    for (const d of [morning, evening]) expect(shown(d, "ko")).not.toMatch(/AM|PM/);
  });

  it("keeps Japanese on one clock: 24-hour, or 午前/午後, never AM or PM", () => {
    expect(shown(evening, "ja")).toMatch(/15:05|午後\s*3:05/);
    for (const d of [morning, evening]) expect(shown(d, "ja")).not.toMatch(/AM|PM/);
  });

  it("leaves English times and a Korean text without a day period as they are", () => {
    expect(shown(evening, "en")).toBe("Mar 4, 2027, 3:05 PM");
    expect(localDayPeriods("2027. 3. 4.", "ko")).toBe("2027. 3. 4.");
    expect(localDayPeriods("AMPLE PMS", "ko")).toBe("AMPLE PMS");
  });
});
