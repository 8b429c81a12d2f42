// Dashboard defects seen in the screenshots (issue 15, part 3): today's partial figures never drawn as a fall, the time
// per stage with a unit and whole ticks, the channel split not flattened by whole-purpose choices, straight sparklines,
// the Overview's period in the dashboards' own words, and filter labels on one line. Each test checks the defect is
// gone; the last leaves screenshots of every page touched at 1366 and 390 px in en, ko and ja (SHOTS_DIR) and runs axe.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { pageAs, type DemoRole } from "./support/auth";
import type { ConsentAnalytics, PrivacyOps, TrustDashboard } from "../lib/metrics/dashboard-types";
import en from "../lib/i18n/messages/en/dashboards.json";
import ko from "../lib/i18n/messages/ko/dashboards.json";
import ja from "../lib/i18n/messages/ja/dashboards.json";
import { pageShot, partShot } from "./support/screens";

const dir = process.env.SHOTS_DIR ?? "test-results/dashboard-defects";
const locales = ["en", "ko", "ja"] as const;
type Locale = (typeof locales)[number];
const catalogs = { en, ko, ja };
const today = new Date().toISOString().slice(0, 10);

async function signedIn(browser: Browser, role: DemoRole, locale: Locale = "en"): Promise<Page> {
  const page = await pageAs(browser, role);
  if (locale !== "en") await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: new URL(page.url()).origin }]);
  return page;
}

async function api<T>(page: Page, endpoint: string): Promise<T> {
  const response = await page.request.get(`/api/admin/${endpoint}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as T;
}

/** The points of each line a chart draws (recharts writes a line as one M and an L per further point). */
async function linePoints(chart: Locator): Promise<number[]> {
  await expect(chart.locator("path.recharts-line-curve").first()).toBeVisible();
  const ds = await chart.locator("path.recharts-line-curve").evaluateAll((els) => els.map((e) => e.getAttribute("d") ?? ""));
  return ds.map((d) => (d.match(/[ML]/g) ?? []).length);
}

test("a trend leaves today's partial count out of its lines and states it beside the chart", async ({ browser }) => {
  const page = await signedIn(browser, "privacy_officer");
  await page.goto("/admin/consent-analytics");
  const consent = await api<ConsentAnalytics>(page, "consent-analytics");
  const last = consent.trend.at(-1)!;
  expect(last.end).toBe(today);
  const choices = page.locator('[data-chart="consent-choices-over-time"]');
  // Four lines (grants, refusals, withdrawals, expiries), each ending at yesterday: one point fewer than the rows.
  expect(await linePoints(choices)).toEqual([1, 2, 3, 4].map(() => consent.trend.length - 1));
  const n = new Intl.NumberFormat("en");
  await expect(choices.locator(".chart-note")).toHaveText(
    `Today so far, drawn once the day is over: Grants ${n.format(last.granted)} · Refusals ${n.format(last.denied)} · Withdrawals ${n.format(last.withdrawn)} · Expiries ${n.format(last.expired)}`,
  );
  // The table keeps the row, marked as still counting.
  await choices.getByText("Show the figures as a table").click();
  await expect(choices.getByRole("cell", { name: `${last.start} (so far)` })).toBeVisible();

  await page.goto("/admin/privacy-ops");
  const ops = await api<PrivacyOps>(page, "privacy-ops");
  const requests = page.locator('[data-chart="requests-over-time"]');
  expect(await linePoints(requests)).toEqual([ops.trend.length - 1, ops.trend.length - 1]);
  await expect(requests.locator(".chart-note")).toContainText(`Received ${n.format(ops.trend.at(-1)!.received)}`);

  await page.goto("/admin/trust");
  const trust = await api<TrustDashboard>(page, "trust");
  const drawn = trust.scoreTrend.slice(0, -1).filter((v) => v !== null).length;
  expect(await linePoints(page.locator('[data-chart="trust-over-time"]'))).toEqual([drawn]);
  await page.goto("/admin/consent-analytics?purpose=marketing_messages");
  await expect(page.locator('[data-chart="purpose-grant-flow"] .chart-note')).toContainText("Today so far, drawn once the day is over: ");
  // A week that is not over is stated too, from its first day.
  await page.goto("/admin/consent-analytics?from=" + new Date(Date.now() - 89 * 86_400_000).toISOString().slice(0, 10));
  await expect(choices.locator(".chart-note")).toContainText(/^\d{4}-\d{2}-\d{2} to today so far/);
  await page.context().close();
});

test("median time per stage says its unit and counts in whole steps", async ({ browser }) => {
  for (const locale of locales) {
    const page = await signedIn(browser, "privacy_officer", locale);
    await page.goto("/admin/privacy-ops");
    const chart = page.locator('[data-chart="time-per-stage"]');
    const ticks = chart.locator(".recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value");
    await expect(ticks.first()).toBeVisible();
    const texts = await ticks.allTextContents();
    expect(texts.length).toBeGreaterThan(1);
    for (const text of texts) expect(text).toMatch(/^\d+$/);
    const units = catalogs[locale].ops.units;
    const unit = (await chart.locator(".recharts-label").textContent())!.trim();
    expect([units.days, units.hours]).toContain(unit);
    const key = unit === units.days ? "days" : "hours";
    await chart.getByText(catalogs[locale].frame.table).click();
    await expect(chart.getByRole("columnheader", { name: catalogs[locale].ops.median[key] })).toBeVisible();
    await page.context().close();
  }
});

test("by channel draws the channels of single choices and states the whole-purpose choices apart", async ({ browser }) => {
  const page = await signedIn(browser, "marketing");
  // The figures the page itself fetched: other specs record choices on the shared server meanwhile, so a second
  // request could count one more than the chart was drawn from.
  const [answer] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname === "/api/admin/consent-analytics" && r.status() === 200),
    page.goto("/admin/consent-analytics"),
  ]);
  const data = (await answer.json()) as ConsentAnalytics;
  const whole = data.splits.channel.find((r) => r.value === "");
  expect(whole, "the demo has choices about whole purposes").toBeTruthy();
  const chart = page.locator('[data-chart="consent-by-channel"]');
  // The whole-purpose sum is stated only when none of the figures it is made of is suppressed for marketing (issue 20).
  const suppressed = data.splits.channel.some((r) =>
    ["granted", "denied", "withdrawn"].some((k) => (r as { suppressed?: string[] }).suppressed?.includes(k)),
  );
  if (suppressed) await expect(chart.locator("header p")).not.toContainText("Another");
  else {
    const wholeCount = whole!.granted + whole!.denied + whole!.withdrawn;
    await expect(chart.locator("header p")).toContainText(`Another ${new Intl.NumberFormat("en").format(wholeCount)} choices`);
  }
  // The category axis draws each name with chart-kit's CategoryTick, which wraps long names and keeps the whole one in <title>.
  const ticks = chart.locator("svg text > title");
  await expect(ticks.first()).toBeAttached();
  const labels = await ticks.allTextContents();
  expect(labels).toEqual(
    data.splits.channel.filter((r) => r.value !== "").map((r) => en.values.channel[r.value as keyof typeof en.values.channel]),
  );
  await page.context().close();
});

test("the trust indicators' sparklines are straight segments, never smoothed curves", async ({ browser }) => {
  const page = await signedIn(browser, "executive");
  await page.goto("/admin/trust");
  const sparks = page.locator(".spark path.recharts-line-curve");
  await expect(sparks.first()).toBeAttached();
  const ds = await sparks.evaluateAll((els) => els.map((e) => e.getAttribute("d") ?? ""));
  expect(ds.length).toBeGreaterThanOrEqual(8);
  // recharts draws "linear" with M/L commands only; "monotone" adds cubic C commands.
  for (const d of ds) expect(d).not.toMatch(/C/);
  await page.context().close();
});

test("Overview names its period in the words the dashboards' filter uses, in every language", async ({ browser }) => {
  for (const locale of locales) {
    const page = await signedIn(browser, "marketing", locale);
    await page.goto("/admin/consent-analytics");
    const preset = page.locator(".dashboard-filters select").first();
    const words = (await preset.locator("option:checked").textContent())!.trim();
    await page.goto("/admin/overview");
    const line = page.getByTestId("overview-period");
    await expect(line).toContainText(words);
    // The heading itself carries no number: the period is said once, from its definition.
    await expect(page.locator("#consent-heading")).not.toHaveText(/\d/);
    await page.context().close();
  }
});

/** Each row of filter fields: labels end on one line, controls start on one line. */
async function expectAligned(page: Page) {
  const fields = await page.locator(".dashboard-filters > .field").evaluateAll((els) =>
    els.map((el) => {
      const label = el.querySelector("label")!.getBoundingClientRect();
      const control = el.querySelector("select, input")!.getBoundingClientRect();
      return { labelBottom: Math.round(label.bottom), controlTop: Math.round(control.top), controlBottom: Math.round(control.bottom) };
    }),
  );
  expect(fields.length).toBeGreaterThanOrEqual(4);
  const rows = new Map<number, typeof fields>();
  for (const f of fields) {
    const row = [...rows.keys()].find((top) => Math.abs(top - f.controlTop) < 24) ?? f.controlTop;
    rows.set(row, [...(rows.get(row) ?? []), f]);
  }
  for (const row of rows.values()) {
    for (const f of row) {
      expect(Math.abs(f.labelBottom - row[0].labelBottom)).toBeLessThanOrEqual(1);
      expect(Math.abs(f.controlTop - row[0].controlTop)).toBeLessThanOrEqual(1);
      expect(Math.abs(f.controlBottom - row[0].controlBottom)).toBeLessThanOrEqual(1);
    }
  }
}

/** Each page touched, and the parts of it this work changed (also shot on their own, to be read at a phone's width). */
const pages: { role: DemoRole; path: string; name: string; filters: boolean; parts: string[] }[] = [
  { role: "marketing", path: "/admin/overview", name: "overview", filters: false, parts: ['section[aria-labelledby="consent-heading"]'] },
  {
    role: "marketing",
    path: "/admin/consent-analytics",
    name: "consent-analytics",
    filters: true,
    parts: [
      ".dashboard-filters",
      '[data-chart="consent-choices-over-time"]',
      '[data-chart="consent-live-grants"]',
      '[data-chart="consent-by-channel"]',
    ],
  },
  {
    role: "marketing",
    path: "/admin/consent-analytics?purpose=marketing_messages",
    name: "purpose-grants",
    filters: true,
    parts: ['[data-chart="purpose-grant-flow"]'],
  },
  {
    role: "executive",
    path: "/admin/trust",
    name: "trust",
    filters: true,
    parts: [".dashboard-filters", ".indicators", '[data-chart="trust-over-time"]'],
  },
  {
    role: "privacy_officer",
    path: "/admin/privacy-ops",
    name: "privacy-ops",
    filters: true,
    parts: [".dashboard-filters", '[data-chart="requests-over-time"]', '[data-chart="time-per-stage"]'],
  },
];

for (const locale of locales) {
  test(`dashboards in ${locale}: filter labels and controls aligned, nothing sideways at 390 px, axe clean, screenshots`, async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    for (const { role, path, name, filters, parts } of pages) {
      const page = await signedIn(browser, role, locale);
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      for (const width of [1366, 390]) {
        await page.setViewportSize({ width, height: 900 });
        await expect(page.locator("h1")).toBeVisible();
        if (filters) {
          await expect(page.locator(".chart-body").first()).toBeVisible();
          await expectAligned(page);
        }
        if (width === 390) expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        await pageShot(page, `${dir}/${name}-${locale}-${width}.png`);
        for (const [k, part] of parts.entries()) await partShot(page.locator(part).first(), `${dir}/${name}-${k}-${locale}-${width}.png`);
      }
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
      await page.context().close();
    }
  });
}
