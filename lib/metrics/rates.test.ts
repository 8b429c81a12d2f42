import { describe, expect, it } from "vitest";
import { percent } from "./rates";

describe("percent", () => {
  it("rounds to a whole percentage", () => {
    expect(percent(1, 3)).toBe(33);
    expect(percent(2, 3)).toBe(67);
  });
  it("is null when there is nothing to divide by", () => {
    expect(percent(0, 0)).toBeNull();
  });
});
