import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

const cases = [
  { locale: "en", accept: "en-US,en;q=0.9", heading: "How we use your personal data", version: /Version \d+/ },
  { locale: "ko", accept: "ko-KR,ko;q=0.9", heading: "개인정보 이용 안내", version: /버전 \d+/ },
  { locale: "ja", accept: "ja-JP,ja;q=0.9", heading: "個人情報の利用について", version: /バージョン \d+/ },
] as const;

for (const c of cases) {
  test(`the layered notice renders in ${c.locale} from Accept-Language, with versions, and passes axe`, async ({ browser }) => {
    const context = await browser.newContext({ locale: c.locale, extraHTTPHeaders: { "Accept-Language": c.accept } });
    const page = await context.newPage();
    await page.goto("/notices");
    await expect(page.locator("html")).toHaveAttribute("lang", c.locale);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(c.heading);
    const cards = page.locator(".notice-card");
    expect(await cards.count()).toBeGreaterThan(3);
    await expect(cards.first()).toContainText(c.version);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

    await cards.first().getByRole("link").click();
    await expect(page).toHaveURL(/\/notices\/[a-z_]+$/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByText(c.version).first()).toBeVisible();
    // After a client-side navigation the new page's title streams in after its content; axe checks it too.
    await expect(page).toHaveTitle(/\S/);
    const detail = await new AxeBuilder({ page }).analyze();
    expect(detail.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
    await context.close();
  });
}

test("the visitor can override the browser's language", async ({ browser }) => {
  const context = await browser.newContext({ extraHTTPHeaders: { "Accept-Language": "en-US" } });
  const page = await context.newPage();
  await page.goto("/notices");
  await page.getByLabel("Language").selectOption("ja");
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  await context.close();
});

test("an unknown or malformed purpose is a 404, not an error", async ({ page }) => {
  expect((await page.goto("/notices/no_such_purpose"))?.status()).toBe(404);
  expect((await page.goto("/notices/%27%3B--"))?.status()).toBe(404);
});
