import { describe, expect, it } from "vitest";
import { writerSettings } from "./writer";

describe("writerSettings", () => {
  it("writes through the thread in the server and inline elsewhere, unless told otherwise", () => {
    expect(writerSettings({})).toEqual({ mode: "inline", maxJobs: 256, waitMs: 0 });
    expect(writerSettings({}, true)).toEqual({ mode: "thread", maxJobs: 256, waitMs: 0 });
    expect(writerSettings({ CANDOR_WRITER: "inline" }, true).mode).toBe("inline");
    expect(writerSettings({ CANDOR_WRITER: " Thread ", CANDOR_WRITER_MAX_JOBS: "64", CANDOR_WRITER_WAIT_MS: "2" })).toEqual({
      mode: "thread",
      maxJobs: 64,
      waitMs: 2,
    });
  });

  it("refuses a mode, group size or wait it does not know, naming the variable", () => {
    expect(() => writerSettings({ CANDOR_WRITER: "threads" })).toThrow(/CANDOR_WRITER/);
    expect(() => writerSettings({ CANDOR_WRITER_MAX_JOBS: "0" })).toThrow(/CANDOR_WRITER_MAX_JOBS/);
    expect(() => writerSettings({ CANDOR_WRITER_WAIT_MS: "1.5" })).toThrow(/CANDOR_WRITER_WAIT_MS/);
    expect(() => writerSettings({ CANDOR_WRITER_WAIT_MS: "soon" })).toThrow(/CANDOR_WRITER_WAIT_MS/);
  });
});
