import { describe, expect, it } from "vitest";
import { channelSplit } from "./channel-split";

const row = (value: string, granted: number, denied: number, withdrawn: number) => ({ value, granted, denied, withdrawn, optInRate: null });

describe("channelSplit", () => {
  it("draws the channels and states the whole-purpose choices apart, with their share of all choices", () => {
    const rows = [row("", 3000, 6000, 1000), row("email", 60, 30, 10), row("sms", 40, 50, 10)];
    const { channels, wholePurpose } = channelSplit(rows);
    expect(channels.map((r) => r.value)).toEqual(["email", "sms"]);
    expect(wholePurpose).toEqual({ count: 10_000, share: 98 });
  });

  it("says no whole-purpose choice when every choice named a channel", () => {
    expect(channelSplit([row("push", 1, 1, 0)]).wholePurpose).toEqual({ count: 0, share: 0 });
  });

  it("has no share to give when nothing was chosen", () => {
    expect(channelSplit([])).toEqual({ channels: [], wholePurpose: { count: 0, share: null } });
  });
});
