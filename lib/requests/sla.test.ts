import { describe, expect, it } from "vitest";
import { daysLeft, slaTone } from "./sla";

const now = new Date("2026-11-25T12:00:00Z");
const at = (iso: string) => new Date(iso);

describe("daysLeft", () => {
  it("rounds the time left up to whole days", () => {
    expect(daysLeft(at("2026-11-28T00:00:00Z"), now)).toBe(3);
    expect(daysLeft(at("2026-11-25T13:00:00Z"), now)).toBe(1);
  });

  it("is zero at the due instant", () => {
    expect(daysLeft(now, now)).toBe(0);
  });

  it("is at least one day overdue as soon as the due date has passed", () => {
    expect(daysLeft(at("2026-11-25T11:00:00Z"), now)).toBe(-1);
    expect(daysLeft(at("2026-11-20T12:00:00Z"), now)).toBe(-5);
  });
});

describe("slaTone", () => {
  it("marks overdue, due soon and comfortable requests", () => {
    expect(slaTone(-1)).toBe("danger");
    expect(slaTone(0)).toBe("warn");
    expect(slaTone(3)).toBe("warn");
    expect(slaTone(4)).toBe("ok");
  });
});
