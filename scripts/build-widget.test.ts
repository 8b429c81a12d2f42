import { describe, expect, it } from "vitest";
import { WIDGET_GZIP_BUDGET_BYTES } from "@/lib/widget/bundle";
import { bundleWidget, widgetSize } from "./build-widget";

describe("the consent widget bundle", () => {
  it("stays within 8 KB gzipped, styles and en/ko/ja texts included", async () => {
    const code = await bundleWidget();
    expect(code).toContain("Reject all");
    expect(code).toContain("모두 거부");
    expect(code).toContain("すべて拒否する");
    expect(code).toContain(":host");
    expect(widgetSize(code).gzipBytes).toBeLessThanOrEqual(WIDGET_GZIP_BUDGET_BYTES);
  });

  it("carries nothing from the server side", async () => {
    const code = await bundleWidget();
    for (const leak of ["require(", "process.env", "node:", "zod"]) expect(code).not.toContain(leak);
  });
});
