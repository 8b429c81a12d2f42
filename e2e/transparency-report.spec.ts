// Threat: a brand publishes figures it cannot stand behind: a report that silently changes after publication, a
// correction that hides the version it replaced or why, or figures only English readers (or desktop readers) can use.
// The officer publishes a year, the public page shows it in en/ko/ja and at 390 px, the downloads carry the frozen
// figures, and a correction keeps both versions with its reason.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { pageAs } from "./support/auth";

test.describe.configure({ mode: "serial" });

const reason = "Two deletions closed in January had been recorded against the wrong year.";

async function axeClean(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
}

async function setLocale(page: Page, locale: string): Promise<void> {
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, domain: new URL(page.url()).hostname, path: "/" }]);
}

/** The page is no wider than the screen (tables scroll inside their own frame). */
async function fitsWidth(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}

let year = 0;

test("the privacy officer publishes a year's report, then a correction with its reason; both are audited", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await pageAs(browser, "privacy_officer");
  await page.getByRole("link", { name: "Transparency report" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Transparency report" })).toBeVisible();
  // The demo published last year's report; publish the newest ended year with nothing published yet.
  const lastEnded = new Date().getUTCFullYear() - 1;
  for (let y = lastEnded; y > lastEnded - 10; y--) {
    await page.goto(`/admin/transparency?year=${y}`);
    if (await page.getByRole("heading", { name: `Publish the ${y} report` }).isVisible()) {
      year = y;
      break;
    }
  }
  expect(year, "a year with no report yet").toBeGreaterThan(0);
  await expect(page.getByRole("heading", { name: `Live figures for ${year}` })).toBeVisible();
  await axeClean(page);

  const publish = page.getByRole("form", { name: `Publish the ${year} report` });
  await publish.getByLabel("All individuals").check();
  await publish.getByRole("button", { name: "Publish the report" }).click();
  await expect(page.getByText(`Report for ${year}, version 1: published.`)).toBeVisible();

  // Now the form corrects: a correction without a reason is refused beside the field, nothing published.
  const correct = page.getByRole("form", { name: "Publish a correction" });
  await expect(correct).toBeVisible();
  await correct.getByRole("button", { name: "Publish the correction" }).click();
  await expect(correct.getByText("Say why the figures are corrected.")).toBeVisible();
  const versions = page.locator(`[role="region"][aria-label="Published versions"]`);
  await expect(versions.getByRole("row")).toHaveCount(2);

  await correct.getByLabel("California residents").check();
  await correct.getByLabel("Reason for the correction").fill(reason);
  await correct.getByRole("button", { name: "Publish the correction" }).click();
  await expect(page.getByText(`Report for ${year}, version 2: published.`)).toBeVisible();
  await expect(versions.getByRole("row")).toHaveCount(3);
  await expect(versions).toContainText(reason);
  await expect(versions).toContainText("First publication");

  await page.goto("/admin/audit");
  await expect(
    page
      .locator("code")
      .filter({ hasText: /^transparency\.correct$/ })
      .first(),
  ).toBeVisible();
  await expect(
    page
      .locator("code")
      .filter({ hasText: /^transparency\.publish$/ })
      .first(),
  ).toBeVisible();
  await page.context().close();
});

test("an administrator reads the report desk but cannot publish; a marketer cannot open it", async ({ browser }) => {
  const admin = await pageAs(browser, "admin");
  await admin.goto(`/admin/transparency?year=${year}`);
  await expect(admin.getByText("Only a privacy officer can publish a report.")).toBeVisible();
  await expect(admin.getByRole("button", { name: /Publish/ })).toHaveCount(0);
  await admin.context().close();
  const marketing = await pageAs(browser, "marketing");
  expect((await marketing.goto("/admin/transparency"))?.status()).toBe(403);
  await marketing.context().close();
});

const cases = [
  {
    locale: "en",
    heading: (y: number) => `Requests received in ${y}`,
    corrected: "This version corrects version 1.",
    earlier: "Version 1, published",
  },
  { locale: "ko", heading: (y: number) => `${y}년에 받은 요청`, corrected: "이 버전은 버전 1을(를) 정정합니다.", earlier: "버전 1," },
  {
    locale: "ja",
    heading: (y: number) => `${y}年に受け付けた請求`,
    corrected: "このバージョンはバージョン 1 を訂正するものです。",
    earlier: "バージョン 1、",
  },
] as const;

for (const c of cases) {
  test(`the public page shows the latest version, the earlier one and the reason in ${c.locale}, at 390 px, axe clean`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/notices");
    await setLocale(page, c.locale);
    await page.reload();
    // The notices link to the report while one is published.
    await page.locator('a[href="/transparency"]').click();
    await expect(page).toHaveURL(/\/transparency$/);
    await expect(page.locator("html")).toHaveAttribute("lang", c.locale);
    const section = page.locator(`#year-${year}`);
    await expect(section.getByRole("heading", { level: 2 })).toHaveText(c.heading(year));
    await expect(section).toContainText(c.corrected);
    await expect(section).toContainText(reason);
    await expect(section).toContainText(c.earlier);
    // Version 2 covers California residents: the kinds and the regimes, each as outcomes and as reasons.
    await expect(section.getByRole("table")).toHaveCount(4);
    await fitsWidth(page);
    await axeClean(page);
  });
}

test("the downloads give each version's frozen figures as CSV and JSON; bad queries are problems", async ({ request }) => {
  const v1 = await request.get(`/transparency/download?year=${year}&version=1&format=json`);
  expect(v1.status()).toBe(200);
  expect(v1.headers()["content-disposition"]).toContain(`transparency-report_${year}_v1.json`);
  const one = await v1.json();
  expect(one).toMatchObject({ year, version: 1, scope: "all", correctionReason: null });
  expect(one.california.map((r: { kind: string }) => r.kind)).toEqual(["delete", "correct", "know", "opt_out", "limit"]);
  expect(one.regimes.map((r: { regime: string }) => r.regime)).toEqual(["gdpr", "pipa", "appi"]);

  const latest = await (await request.get(`/transparency/download?year=${year}&format=json`)).json();
  expect(latest).toMatchObject({ year, version: 2, scope: "california", correctionReason: reason });

  const csv = await request.get(`/transparency/download?year=${year}&format=csv`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const lines = (await csv.text())
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n");
  expect(lines[0]).toContain("Received");
  expect(lines).toHaveLength(1 + 5 + 5 + 3);
  expect(lines[1]).toMatch(/^California residents,Delete,\d+,/);

  const bad = await request.get(`/transparency/download?year=twenty&format=xlsx`);
  expect(bad.status()).toBe(400);
  expect(bad.headers()["content-type"]).toContain("application/problem+json");
  expect((await bad.json()).errors.map((e: { parameter: string }) => e.parameter).sort()).toEqual(["format", "year"]);
  const missing = await request.get(`/transparency/download?year=2001&format=csv`);
  expect(missing.status()).toBe(404);
  expect(missing.headers()["content-type"]).toContain("application/problem+json");
});

test("the demo's report for last year is on the public page", async ({ page }) => {
  await page.goto("/transparency");
  const last = new Date().getUTCFullYear() - 1;
  await expect(page.locator(`#year-${last}`).getByRole("heading", { level: 2 })).toHaveText(`Requests received in ${last}`);
  await expect(page.locator(`#year-${last}`)).toContainText("These figures cover requests from California residents.");
});
