import { describe, expect, it } from "vitest";
import { medianDaysToClose, onTime, openAt, slaBand, stageMedians, type RequestFact } from "./request-figures";
import { DAY_MS as DAY } from "../time";

const t = Date.parse("2026-01-01T00:00:00Z");
const req = (
  received: number,
  due: number,
  closed: number | null,
  status = closed === null ? "in_progress" : "completed",
): RequestFact => ({
  type: "access",
  status,
  jurisdiction: "EU",
  receivedAt: t + received * DAY,
  dueAt: t + due * DAY,
  closedAt: closed === null ? null : t + closed * DAY,
});
const w = { start: t + 10 * DAY, end: t + 20 * DAY };

describe("onTime and medianDaysToClose", () => {
  it("count only requests closed in the window", () => {
    const reqs = [req(0, 30, 12), req(0, 11, 15), req(5, 40, 19), req(0, 30, 25), req(0, 30, null)];
    expect(onTime(reqs, w)).toEqual({ closed: 3, onTime: 2, share: 66.7 });
    expect(medianDaysToClose(reqs, w)).toBe(14);
    expect(medianDaysToClose([], w)).toBeNull();
  });
});

describe("openAt", () => {
  it("counts requests received and not yet closed at an instant, and the overdue ones", () => {
    const reqs = [req(0, 5, 12), req(0, 30, 8), req(9, 12, null), req(11, 12, null)];
    expect(openAt(reqs, t + 10 * DAY)).toEqual({ open: 2, overdue: 1 });
  });
});

describe("slaBand", () => {
  it("bands open requests by days left", () => {
    expect(slaBand(t - 1, t)).toBe("overdue");
    expect(slaBand(t + 3 * DAY, t)).toBe("due-3d");
    expect(slaBand(t + 6 * DAY, t)).toBe("due-7d");
    expect(slaBand(t + 13 * DAY, t)).toBe("due-14d");
    expect(slaBand(t + 40 * DAY, t)).toBe("later");
  });
});

describe("stageMedians", () => {
  it("measures each stay from entering a stage to the next change, for stays ending in the window", () => {
    const changes = [
      { requestId: 1, at: t + 9 * DAY, from: null, to: "received" },
      { requestId: 1, at: t + 11 * DAY, from: "received", to: "verifying" },
      { requestId: 1, at: t + 12 * DAY, from: "verifying", to: "in_progress" },
      { requestId: 1, at: t + 16 * DAY, from: "in_progress", to: "completed" },
      { requestId: 2, at: t + 10 * DAY, from: null, to: "received" },
      { requestId: 2, at: t + 14 * DAY, from: "received", to: "in_progress" },
      { requestId: 3, at: t, from: null, to: "received" },
      { requestId: 3, at: t + 2 * DAY, from: "received", to: "rejected" },
    ];
    expect(stageMedians(changes, w)).toEqual([
      { stage: "received", median: 3, count: 2 },
      { stage: "verifying", median: 1, count: 1 },
      { stage: "in_progress", median: 4, count: 1 },
    ]);
  });

  it("keeps a stay of two hours as a twelfth of a day, for a chart that reads it in hours", () => {
    const changes = [
      { requestId: 1, at: t + 10 * DAY, from: null, to: "received" },
      { requestId: 1, at: t + 10 * DAY + DAY / 12, from: "received", to: "verifying" },
    ];
    expect(stageMedians(changes, w)[0]).toEqual({ stage: "received", median: 1 / 12, count: 1 });
  });
});
