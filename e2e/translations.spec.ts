// Every page, in every language, for every role: no message key is missing
// from a catalog (a missing key renders as "MISSING:<key>").
import { expect, test } from "@playwright/test";
import { pageAs, type DemoRole } from "./support/auth";

const pages: Record<DemoRole, string[]> = {
  admin: ["/admin/staff", "/admin/audit", "/admin/overview", "/admin/settings"],
  privacy_officer: ["/admin/requests", "/admin/requests?status=all", "/admin/purposes", "/admin/data-map"],
  marketing: ["/admin/purposes", "/admin/purposes/new"],
  executive: ["/admin/overview", "/admin/staff"],
};

for (const locale of ["en", "ko", "ja"] as const) {
  test(`no message is missing in ${locale}`, async ({ browser }) => {
    test.setTimeout(120_000);
    const publicContext = await browser.newContext({ extraHTTPHeaders: { "Accept-Language": locale } });
    const visitor = await publicContext.newPage();
    for (const path of ["/login", "/notices"]) {
      await visitor.goto(path);
      await expect(visitor.locator("body"), `${locale} ${path}`).not.toContainText("MISSING:");
    }
    await visitor.goto("/notices");
    await visitor.locator(".notice-card a").first().click();
    await expect(visitor.locator("body")).not.toContainText("MISSING:");
    await publicContext.close();

    for (const role of Object.keys(pages) as DemoRole[]) {
      const page = await pageAs(browser, role);
      await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: page.url() }]);
      for (const path of pages[role]) {
        await page.goto(path);
        await expect(page.locator("body"), `${role} ${locale} ${path}`).not.toContainText("MISSING:");
      }
      if (role === "marketing" || role === "privacy_officer") {
        await page.goto("/admin/purposes?status=active");
        await page.locator("tbody a").first().click();
        await expect(page.locator("body")).not.toContainText("MISSING:");
        await page.goto(`${new URL(page.url()).pathname}/notices/${locale}`);
        await expect(page.locator("body")).not.toContainText("MISSING:");
      }
      await page.context().close();
    }
  });
}
