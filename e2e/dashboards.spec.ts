// Each role opens its dashboard; filters live in the URL and move the charts;
// a chart's CSV carries the same figures as the API that drew it; and the pages
// pass axe. (dashboards-privacy.spec.ts checks that no response leaks a subject.)
import AxeBuilder from "@axe-core/playwright";
import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { pageAs } from "./support/auth";

const api = (page: Page, path: string, match: (url: URL) => boolean = () => true) =>
  page.waitForResponse((r) => {
    const url = new URL(r.url());
    return url.pathname === `/api/admin/${path}` && match(url) && r.ok();
  });

function parseCsv(text: string): string[][] {
  return text
    .trim()
    .split("\r\n")
    .map((line) => line.split(",").map((cell) => cell.replace(/^"|"$/g, "")));
}

test("marketing opens consent analytics, and a filter change updates the URL and the charts", async ({ browser }) => {
  const page = await pageAs(browser, "marketing");
  const first = api(page, "consent-analytics");
  await page.getByRole("link", { name: "Consent analytics" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Consent analytics" })).toBeVisible();
  const all = await (await first).json();
  expect(all.splits.jurisdiction.length).toBeGreaterThan(1);
  await expect(page.locator('[data-chart="consent-choices-over-time"] .recharts-wrapper')).toBeVisible();

  const narrowed = api(page, "consent-analytics", (u) => u.searchParams.get("jurisdiction") === "KR");
  await page.getByLabel("Jurisdiction", { exact: true }).selectOption("KR");
  await expect(page).toHaveURL(/[?&]jurisdiction=KR/);
  const kr = await (await narrowed).json();
  expect(kr.splits.jurisdiction.map((s: { value: string }) => s.value)).toEqual(["KR"]);
  const frame = page.locator('[data-chart="consent-by-jurisdiction"]');
  await frame.getByText("Show the figures as a table").click();
  await expect(frame.locator("tbody tr")).toHaveCount(1);
  await expect(frame.locator("tbody tr").first()).toContainText("Korea");

  const longer = api(page, "consent-analytics", (u) => u.searchParams.has("from"));
  await page.getByLabel("Period", { exact: true }).selectOption("90");
  await expect(page).toHaveURL(/[?&]from=\d{4}-\d{2}-\d{2}/);
  expect((await (await longer).json()).trend.length).toBeLessThan(90);

  // The same URL opens the same view.
  await page.reload();
  await expect(page.getByLabel("Jurisdiction", { exact: true })).toHaveValue("KR");
});

test("a chart's CSV download holds the figures the chart was drawn from", async ({ browser }) => {
  const page = await pageAs(browser, "marketing");
  const response = api(page, "consent-analytics");
  await page.goto("/admin/consent-analytics");
  const data = await (await response).json();
  const frame = page.locator('[data-chart="consent-opt-in-by-purpose"]');
  const [download] = await Promise.all([page.waitForEvent("download"), frame.getByRole("button", { name: "Download CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^consent-opt-in-by-purpose_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = parseCsv(fs.readFileSync((await download.path())!, "utf8"));
  expect(rows[0]).toEqual([
    "Purpose",
    "Opt-in rate",
    "Share of customers with a live grant",
    "Grants",
    "Refusals",
    "Withdrawals",
    "Live grants",
    "Stale grants",
    "Expiring soon",
  ]);
  type P = {
    key: string;
    optInRate: number | null;
    activeRate: number | null;
    granted: number;
    denied: number;
    withdrawn: number;
    live: number;
    stale: number;
    expiring: number;
    suppressed?: string[];
    belowK?: string[];
  };
  // A figure suppressed for marketing (issue 20) is "< k" when below k, "hidden" when hidden with one.
  const text = (r: { suppressed?: string[]; belowK?: string[] }, key: string, v: unknown) =>
    r.suppressed?.includes(key) ? (r.belowK?.includes(key) ? `< ${data.suppression.k}` : "hidden") : v === null ? "" : String(v);
  const columns = ["optInRate", "activeRate", "granted", "denied", "withdrawn", "live", "stale", "expiring"] as const;
  expect(rows.slice(1)).toEqual((data.purposes as P[]).map((p) => [p.key, ...columns.map((c) => text(p, c, p[c]))]));

  // One purpose's grants: the lifetime chart's CSV is the API's lifetimes.
  const purpose = api(page, "consent-analytics/purpose");
  await page.getByLabel("Purpose", { exact: true }).selectOption("marketing_messages");
  const grants = await (await purpose).json();
  const lifetimes = page.locator('[data-chart="purpose-grant-lifetimes"]');
  const [csv] = await Promise.all([page.waitForEvent("download"), lifetimes.getByRole("button", { name: "Download CSV" }).click()]);
  const lines = parseCsv(fs.readFileSync((await csv.path())!, "utf8"));
  type L = { bucket: string; withdrawn: number; denied: number; expired: number; suppressed?: string[]; belowK?: string[] };
  expect(lines.slice(1)).toEqual(
    (grants.lifetimes as L[]).map((l) => [
      l.bucket,
      text(l, "withdrawn", l.withdrawn),
      text(l, "denied", l.denied),
      text(l, "expired", l.expired),
    ]),
  );
});

test("the executive lands on the trust dashboard: a score, its formula, nine indicators", async ({ browser }) => {
  const page = await pageAs(browser, "executive");
  await expect(page).toHaveURL(/\/admin\/trust$/);
  // The figures as the API gives them to this session (asked directly: a waiter on the page's own
  // request can catch one that a navigation then discards, body and all).
  const data = await (await page.request.get("/api/admin/trust")).json();
  await expect(page.getByTestId("trust-score")).toContainText(String(data.score));
  await expect(page.getByText("How it is worked out")).toBeVisible();
  await expect(page.locator(".indicator")).toHaveCount(9);
  // Today's point is still counting: stated beside the chart instead of drawn, marked in the table, and only that point.
  const trend = page.locator('[data-chart="trust-over-time"]');
  await expect(trend.locator(".chart-note")).toContainText("Today so far");
  await trend.getByText("Show the figures as a table").click();
  await expect(trend.locator("tbody tr").last()).toContainText("(so far)");
  await expect(trend.locator("tbody tr", { hasText: "(so far)" })).toHaveCount(1);
  const narrowed = api(page, "trust", (u) => u.searchParams.get("jurisdiction") === "EU");
  await page.getByLabel("Jurisdiction", { exact: true }).selectOption("EU");
  await expect(page).toHaveURL(/jurisdiction=EU/);
  const eu = await (await narrowed).json();
  await expect(page.getByTestId("trust-score")).toContainText(eu.score === null ? "—" : String(eu.score));
});

type Movement = { change: number; contributions: { id: string; points: number; kind: string }[] };
const dashboardsCatalog = (locale: string) =>
  JSON.parse(fs.readFileSync(`lib/i18n/messages/${locale}/dashboards.json`, "utf8")) as {
    trust: { indicators: Record<string, string>; moved: Record<string, string> };
  };
const navCatalog = (locale: string) =>
  JSON.parse(fs.readFileSync(`lib/i18n/messages/${locale}/shell.json`, "utf8")).nav as Record<string, string>;

for (const locale of ["en", "ko"] as const) {
  test(`what moved the trust score, in ${locale}: a sentence and a bar per indicator, largest first, linked only where the role may go`, async ({
    browser,
  }) => {
    const { trust } = dashboardsCatalog(locale);
    const nav = navCatalog(locale);
    const signed = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: "exceptZero" });
    for (const role of ["executive", "privacy_officer"] as const) {
      const page = await pageAs(browser, role);
      await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: page.url() }]);
      await page.setViewportSize({ width: 390, height: 844 });
      const data = await (await page.request.get("/api/admin/trust")).json();
      const movement = data.movement as Movement;
      expect(movement, "the demo has a score in both periods").not.toBeNull();
      // The parts add up to the change, in tenths, as the API gives them.
      expect(movement.contributions.reduce((a, c) => a + Math.round(c.points * 10), 0)).toBe(Math.round(movement.change * 10));
      await page.goto("/admin/trust");
      const section = page.getByTestId("trust-movement");
      await expect(section.getByRole("heading", { level: 2, name: trust.moved.title })).toBeVisible();
      const sentence = section.getByTestId("trust-movement-sentence");
      await expect(sentence).toContainText(signed.format(movement.change));
      const moved = movement.contributions.filter((c) => c.points !== 0);
      if (moved.length) await expect(sentence).toContainText(trust.indicators[moved[0].id]);
      else await expect(sentence).toContainText(trust.moved.nothing);
      // The chart: a bar (and a label) per indicator; beside it the same figures, largest first.
      const chart = section.locator('[data-chart="trust-movement"]');
      await expect(chart).toHaveAttribute("aria-label", trust.moved.chartSummary);
      await expect(chart.locator(".recharts-yAxis .recharts-cartesian-axis-tick")).toHaveCount(movement.contributions.length);
      const rows = section.locator("tbody tr");
      await expect(rows).toHaveCount(movement.contributions.length);
      for (const [k, c] of movement.contributions.entries()) {
        await expect(rows.nth(k).locator("th")).toContainText(trust.indicators[c.id]);
        await expect(rows.nth(k).locator("td").first()).toHaveText(signed.format(c.points));
      }
      // Links only to views the role may open: the executive reaches the notices (purposes), not consent analytics or privacy operations.
      const links = section.locator("tbody a");
      if (role === "executive") {
        const notices = movement.contributions.filter((c) => c.id === "plainNotices" || c.id === "freshNotices").length;
        await expect(links).toHaveCount(notices);
        await expect(section.getByRole("link", { name: nav.privacyOps })).toHaveCount(0);
        await expect(section.getByRole("link", { name: nav.consentAnalytics })).toHaveCount(0);
      } else {
        await expect(links).toHaveCount(movement.contributions.length);
        const onTime = movement.contributions.findIndex((c) => c.id === "onTime");
        if (onTime >= 0) {
          await rows.nth(onTime).getByRole("link", { name: nav.privacyOps }).click();
          await expect(page).toHaveURL(/\/admin\/privacy-ops$/);
          await page.goBack();
        }
      }
      // No English on the Korean page (GPC is the signal's own name).
      if (locale === "ko") expect((await section.textContent())!.replace(/GPC/g, "")).not.toMatch(/[A-Za-z]{2,}/);
      // The section fits a phone: held to 358 px (390 less the page's margins), nothing in it reaches past its edge.
      // (The page as a whole at 390 px is the phone part of issue 15; the staff menu is measured there.)
      // The chart redraws for the new width when its resize observer fires: read until it has, no fixed wait.
      await section.evaluate((el) => ((el as HTMLElement).style.width = "358px"));
      await expect
        .poll(() =>
          section.evaluate((el) => {
            const edge = el.getBoundingClientRect().right + 0.5;
            const out = [...el.querySelectorAll("*")].filter((e) => e.getBoundingClientRect().right > edge).map((e) => e.tagName);
            return el.scrollWidth > el.clientWidth ? ["SECTION", ...out] : out;
          }),
        )
        .toEqual([]);
      const results = await new AxeBuilder({ page }).include('[data-testid="trust-movement"]').analyze();
      expect(results.violations.map((v) => v.id)).toEqual([]);
      await page.context().close();
    }
  });
}

test("the privacy officer opens privacy operations: volumes, SLA clocks, overdue list, time per stage", async ({ browser }) => {
  const page = await pageAs(browser, "privacy_officer");
  const response = api(page, "privacy-ops");
  await page.getByRole("link", { name: "Privacy operations" }).click();
  const data = await (await response).json();
  await expect(page.getByRole("heading", { level: 1, name: "Privacy operations" })).toBeVisible();
  const overdue = page.locator('[data-chart="overdue-requests"]');
  if (data.overdue.length > 0) await expect(overdue.locator("tbody tr")).toHaveCount(data.overdue.length);
  else await expect(overdue).toContainText("No request is overdue.");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.locator('[data-chart="sla-clocks"]').getByRole("button", { name: "Download CSV" }).click(),
  ]);
  const rows = parseCsv(fs.readFileSync((await download.path())!, "utf8"));
  expect(rows.slice(1).map((r) => Number(r[1]))).toEqual(data.sla.map((b: { count: number }) => b.count));
  const narrowed = api(page, "privacy-ops", (u) => u.searchParams.get("jurisdiction") === "US-CA");
  await page.getByLabel("Jurisdiction", { exact: true }).selectOption("US-CA");
  await expect(page).toHaveURL(/jurisdiction=US-CA/);
  expect((await (await narrowed).json()).overdue.every((r: { jurisdiction: string }) => r.jurisdiction === "US-CA")).toBe(true);
});

test("the three dashboards have no serious accessibility violations", async ({ browser }) => {
  for (const [role, path, chart] of [
    ["marketing", "/admin/consent-analytics?purpose=marketing_messages", "purpose-grant-flow"],
    ["executive", "/admin/trust", "trust-over-time"],
    ["privacy_officer", "/admin/privacy-ops", "requests-by-type"],
  ] as const) {
    const page = await pageAs(browser, role);
    await page.goto(path);
    await expect(page.locator(`[data-chart="${chart}"]`)).toHaveAttribute("aria-busy", "false");
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    expect(serious, path).toEqual([]);
  }
});
