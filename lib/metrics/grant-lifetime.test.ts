import { describe, expect, it } from "vitest";
import { lifetimeBucket, lifetimeBuckets } from "./grant-lifetime";
import { DAY_MS as DAY } from "../time";

describe("lifetimeBucket", () => {
  it("puts each lifetime in the bucket whose upper bound it stays under", () => {
    expect(lifetimeBuckets[lifetimeBucket(0)]).toBe("under-1d");
    expect(lifetimeBuckets[lifetimeBucket(DAY - 1)]).toBe("under-1d");
    expect(lifetimeBuckets[lifetimeBucket(DAY)]).toBe("1-7d");
    expect(lifetimeBuckets[lifetimeBucket(45 * DAY)]).toBe("30-90d");
    expect(lifetimeBuckets[lifetimeBucket(730 * DAY)]).toBe("over-2y");
    expect(lifetimeBuckets[lifetimeBucket(-5)]).toBe("under-1d");
  });
});
