// Defects seen in the screenshots (issue 15, part 3): each test opens the page, checks the defect is gone, and leaves
// screenshots at a laptop's and a phone's width in English and Korean (SHOTS_DIR, default test-results/defects/*.png).
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { readStore } from "../db/testing/read-store";
import { pageAs, type DemoRole } from "./support/auth";
import { e2eDatabasePath } from "./support/paths";
import enRequests from "../lib/i18n/messages/en/requests.json";
import koRequests from "../lib/i18n/messages/ko/requests.json";
import { pageShot } from "./support/screens";

const dir = process.env.SHOTS_DIR ?? "test-results/defects";
const widths = [1366, 390] as const;
const one = <T>(sql: string) => readStore(e2eDatabasePath(), (db) => db.prepare(sql).get()) as T;

async function signedIn(browser: Browser, role: DemoRole, locale: "en" | "ko"): Promise<Page> {
  const page = await pageAs(browser, role);
  if (locale !== "en") await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: new URL(page.url()).origin }]);
  return page;
}

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id);
}

async function shoot(page: Page, name: string, locale: string, ready: () => Promise<void>) {
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    await ready();
    await pageShot(page, `${dir}/${name}-${locale}-${width}.png`);
  }
}

test("the subject record lists each request as a link with its type and status in the reader's language", async ({ browser }) => {
  const row = one<{ uid: string; id: number; ref: string; type: keyof typeof enRequests.types; status: keyof typeof enRequests.statuses }>(
    "SELECT s.uid, r.id, r.ref, r.type, r.status FROM subject_requests r JOIN subjects s ON s.id = r.subject_id WHERE s.email IS NOT NULL ORDER BY r.id LIMIT 1",
  );
  for (const [locale, catalog] of [
    ["en", enRequests],
    ["ko", koRequests],
  ] as const) {
    const page = await signedIn(browser, "privacy_officer", locale);
    await page.goto(`/admin/subjects/${row.uid}`);
    const link = page.getByRole("link", { name: row.ref, exact: true });
    await expect(link).toHaveAttribute("href", `/admin/requests/${row.id}`);
    const cells = page.getByRole("row").filter({ has: link }).getByRole("cell");
    await expect(cells.nth(1)).toHaveText(catalog.types[row.type]);
    await expect(cells.nth(2)).toHaveText(catalog.statuses[row.status]);
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, "subject", locale, () => expect(link).toBeVisible());
    await link.click();
    await expect(page).toHaveURL(new RegExp(`/admin/requests/${row.id}$`));
    await page.context().close();
  }
});

test("privacy operations: Overdue is the first of six figures that fill whole rows; overdue references link, dates are not ISO", async ({
  browser,
}) => {
  for (const locale of ["en", "ko"] as const) {
    const page = await signedIn(browser, "privacy_officer", locale);
    await page.goto("/admin/privacy-ops");
    const kpis = page.locator(".kpis").first().locator(".kpi");
    await expect(kpis).toHaveCount(6);
    await expect(kpis.first().locator(".label")).toHaveText(locale === "en" ? "Overdue" : /.+/);
    const overdue = page.locator('[data-chart="overdue-requests"]');
    const link = overdue.getByRole("link").first();
    await expect(link).toHaveAttribute("href", /^\/admin\/requests\/\d+$/);
    await expect(link).toHaveText(/^REQ-\d{4}-\d+$/);
    const due = overdue.getByRole("row").nth(1).getByRole("cell").nth(4);
    await expect(due).not.toHaveText(/^\d{4}-\d{2}-\d{2}$/);
    await expect(due).toHaveText(/\d/);
    for (const [width, columns] of [
      [1366, 6],
      [390, 2],
    ] as const) {
      await page.setViewportSize({ width, height: 900 });
      const boxes = await kpis.evaluateAll((els) =>
        els.map((e) => e.getBoundingClientRect()).map((r) => ({ x: Math.round(r.x), y: Math.round(r.y) })),
      );
      expect(new Set(boxes.map((b) => b.x)).size).toBe(columns);
      expect(new Set(boxes.map((b) => b.y)).size).toBe(6 / columns);
    }
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, "privacy-ops", locale, () => expect(link).toBeVisible());
    await page.context().close();
  }
});

test("a request reference stays on one line in the queue, even on a phone", async ({ browser }) => {
  const page = await signedIn(browser, "privacy_officer", "en");
  await page.setViewportSize({ width: 390, height: 900 });
  await page.goto("/admin/requests");
  const ref = page.getByRole("row").nth(1).getByRole("link").first();
  await expect(ref).toHaveText(/^REQ-\d{4}-\d+$/);
  expect(await ref.evaluate((e) => getComputedStyle(e).whiteSpace)).toBe("nowrap");
  const lineHeight = await ref.evaluate(
    (e) => parseFloat(getComputedStyle(e).lineHeight) || parseFloat(getComputedStyle(e).fontSize) * 1.6,
  );
  expect((await ref.boundingBox())!.height).toBeLessThan(lineHeight * 1.5);
  await shoot(page, "requests", "en", () => expect(ref).toBeVisible());
  await page.context().close();
});

test("every page names an SVG icon of our own, served to signed-out visitors too", async ({ page }) => {
  await page.goto("/login");
  const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(href).toMatch(/^\/icon\.svg/);
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("image/svg+xml");
  expect(await response.text()).toContain("<svg");
  await page.goto(href!);
  await pageShot(page, `${dir}/icon.png`, false);
});

test("daily counts are drawn with straight segments, never smoothed curves", async ({ browser }) => {
  const page = await signedIn(browser, "privacy_officer", "en");
  for (const path of ["/admin/consent-analytics", "/admin/privacy-ops"]) {
    await page.goto(path);
    const curves = page.locator("path.recharts-line-curve");
    await expect(curves.first()).toBeVisible();
    const ds = await curves.evaluateAll((els) => els.map((e) => e.getAttribute("d") ?? ""));
    expect(ds.length).toBeGreaterThan(0);
    // recharts draws "linear" with M/L commands only; "monotone" or "natural" add cubic C commands.
    for (const d of ds) expect(d).not.toMatch(/C/);
  }
  await shoot(page, "consent-analytics", "en", () => expect(page.locator("path.recharts-line-curve").first()).toBeVisible());
  await page.context().close();
});

test("overview: the requests figures put Overdue first, and the API keys page in Korean", async ({ browser }) => {
  for (const locale of ["en", "ko"] as const) {
    const officer = await signedIn(browser, "privacy_officer", locale);
    await officer.goto("/admin/overview");
    const stats = officer.locator('section[aria-labelledby="requests-heading"] .stat .label');
    if (locale === "en") await expect(stats.first()).toHaveText("Overdue");
    await shoot(officer, "overview", locale, () => expect(stats.first()).toBeVisible());
    await officer.context().close();
    const admin = await signedIn(browser, "admin", locale);
    await admin.goto("/admin/api-keys");
    await shoot(admin, "api-keys", locale, () => expect(admin.locator("h1")).toBeVisible());
    expect(await seriousViolations(admin)).toEqual([]);
    await admin.context().close();
  }
});
