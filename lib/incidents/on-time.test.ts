import { describe, expect, it } from "vitest";
import type { Duty } from "./duties";
import { onTimeShare } from "./on-time";

const at = (s: string) => new Date(s);
const from = at("2026-06-01T00:00:00Z");
const to = at("2026-07-01T00:00:00Z");
const now = at("2026-06-20T00:00:00Z");

function d(status: Duty["status"], due: string | null, applies = status !== "not_applicable" && status !== "undetermined"): Duty {
  return {
    kind: "gdpr_authority",
    applies,
    why: [],
    form: "report",
    due: due ? { kind: "by", at: at(due) } : { kind: "after", duty: "ca_people", days: 15 },
    missing: [],
    status,
    metAt: null,
    people: 1,
    filings: 0,
  };
}

describe("onTimeShare", () => {
  it("counts duties met on time over those that fell due in the period", () => {
    const share = onTimeShare(
      [
        {
          drill: false,
          duties: [d("met", "2026-06-03T00:00:00Z"), d("late", "2026-06-04T00:00:00Z"), d("overdue", "2026-06-10T00:00:00Z")],
        },
      ],
      from,
      to,
      now,
    );
    expect(share).toEqual({ due: 3, onTime: 1, percent: 100 / 3 });
  });

  it("leaves out drills, duties that do not apply, open clocks and duties due outside the period", () => {
    const share = onTimeShare(
      [
        { drill: true, duties: [d("overdue", "2026-06-03T00:00:00Z")] },
        {
          drill: false,
          duties: [
            d("not_applicable", "2026-06-03T00:00:00Z"),
            d("undetermined", "2026-06-03T00:00:00Z"),
            d("open", "2026-06-25T00:00:00Z"),
            d("overdue", "2026-05-31T23:59:59Z"),
            d("met", "2026-07-01T00:00:00Z"),
            d("open", null, true),
          ],
        },
      ],
      from,
      to,
      now,
    );
    expect(share).toEqual({ due: 0, onTime: 0, percent: null });
  });

  it("counts a duty met early whose deadline is still ahead in the period", () => {
    expect(onTimeShare([{ drill: false, duties: [d("met", "2026-06-25T00:00:00Z")] }], from, to, now)).toEqual({
      due: 1,
      onTime: 1,
      percent: 100,
    });
  });

  it("never rises by recording more incidents with every duty met, and falls only when a clock is missed", () => {
    const one = onTimeShare([{ drill: false, duties: [d("met", "2026-06-03T00:00:00Z")] }], from, to, now);
    const more = onTimeShare(
      [
        { drill: false, duties: [d("met", "2026-06-03T00:00:00Z")] },
        { drill: false, duties: [d("met", "2026-06-05T00:00:00Z")] },
      ],
      from,
      to,
      now,
    );
    expect(more.percent).toBe(one.percent);
  });
});
