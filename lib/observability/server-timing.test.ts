import { describe, expect, it } from "vitest";
import { parseServerTiming, stageTimer } from "./server-timing";

describe("stageTimer", () => {
  it("closes each stage at its mark and writes them as Server-Timing metrics in order", () => {
    const clock = [10, 10.5, 12.25, 12.25, 20];
    const timer = stageTimer(() => clock.shift()!);
    timer.mark("auth");
    timer.mark("body");
    timer.mark("validate");
    timer.mark("write");
    expect(timer.stages()).toEqual([
      ["auth", 0.5],
      ["body", 1.75],
      ["validate", 0],
      ["write", 7.75],
    ]);
    expect(timer.header()).toBe("auth;dur=0.500, body;dur=1.750, validate;dur=0.000, write;dur=7.750");
  });
});

describe("parseServerTiming", () => {
  it("reads what stageTimer writes, and other servers' forms", () => {
    expect([...parseServerTiming("auth;dur=0.500, write;dur=7.750")]).toEqual([
      ["auth", 0.5],
      ["write", 7.75],
    ]);
    expect([...parseServerTiming('db;desc="Store";dur=53, cache, db;dur=2')]).toEqual([
      ["db", 55],
      ["cache", 0],
    ]);
    expect(parseServerTiming(null).size).toBe(0);
    expect(parseServerTiming("not a metric;;, =").size).toBe(0);
  });
});
