// Screenshots of the three dashboards in English and Korean at a laptop's size, for people to look at
// (test-results/dashboards/*.png). The test checks they render with figures and no missing message.
import { expect, test } from "@playwright/test";
import { pageAs, type DemoRole } from "./support/auth";
import { pageShot } from "./support/screens";

const views: [DemoRole, string, string][] = [
  ["executive", "/admin/trust", "trust"],
  ["marketing", "/admin/consent-analytics?purpose=marketing_messages", "consent-analytics"],
  ["privacy_officer", "/admin/privacy-ops", "privacy-ops"],
];

for (const locale of ["en", "ko"] as const) {
  test(`the dashboards render in ${locale}`, async ({ browser }) => {
    for (const [role, path, name] of views) {
      const page = await pageAs(browser, role);
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: page.url() }]);
      await page.goto(path);
      await expect(page.locator(".chart-frame").first()).toHaveAttribute("aria-busy", "false");
      await expect(page.locator(".chart-placeholder[role=status]")).toHaveCount(0);
      await expect(page.locator("body")).not.toContainText("MISSING:");
      await pageShot(page, `test-results/dashboards/${name}-${locale}.png`, name !== "trust");
      if (name === "trust") await pageShot(page, `test-results/dashboards/${name}-${locale}-full.png`);
      await page.context().close();
    }
  });
}
