import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { homePath, pageAs, type DemoRole } from "./support/auth";

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

test("the sign-in page has no serious accessibility violations", async ({ page }) => {
  await page.goto("/login");
  expect(await seriousViolations(page)).toEqual([]);
});

const pagesByRole: Record<DemoRole, string[]> = {
  admin: [homePath.admin, "/admin/audit", "/admin/overview"],
  privacy_officer: [homePath.privacy_officer, "/admin/purposes", "/admin/requests/settings"],
  marketing: [homePath.marketing],
  executive: [homePath.executive],
};

for (const role of Object.keys(pagesByRole) as DemoRole[]) {
  test(`the shell and ${role}'s pages have no serious accessibility violations`, async ({ browser }) => {
    const page = await pageAs(browser, role);
    for (const path of pagesByRole[role]) {
      await page.goto(path);
      expect(await seriousViolations(page), path).toEqual([]);
    }
  });
}

test("the forbidden page has no serious accessibility violations", async ({ browser }) => {
  const page = await pageAs(browser, "executive");
  await page.goto("/admin/staff");
  expect(await seriousViolations(page)).toEqual([]);
});
