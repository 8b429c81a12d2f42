// Threat: a marketer or an executive singles out a few people's consent choices in a breakdown: a cell of
// two refusals in one jurisdiction, read off a chart, a table or a CSV file, or recovered by subtracting the
// other cells from the total shown beside them (issue 20). The privacy officer, who answers for the ledger,
// reads the same view exact.
import fs from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { pageAs, type DemoRole } from "./support/auth";
import { createKeyInUi } from "./support/api-keys";
import { checkPage, englishOf, phone, shoot } from "./support/screens";

test.describe.configure({ mode: "serial" });

const run = Date.now().toString(36);
// A day the demo holds no choices on: the spec's own are the only ones in the view.
const day = "2001-03-14";
// One purpose: the others, with no choice that day, would be rows of zeros beside it, and a total equal to one
// shown row is hidden with them (the zeros could otherwise be read as exactly zero).
const view = `/admin/consent-analytics?from=${day}&to=${day}&purpose=marketing_messages`;
// Korea: 14 grants, 2 refusals (a small cell); Japan: 11 grants, 12 refusals. Refusals in all: 14, shown as a total.
const plan: [string, "ko" | "ja", "granted" | "denied", number][] = [
  ["KR", "ko", "granted", 14],
  ["KR", "ko", "denied", 2],
  ["JP", "ja", "granted", 11],
  ["JP", "ja", "denied", 12],
];

test.beforeAll(async ({ browser }) => {
  const admin = await pageAs(browser, "admin");
  const key = await createKeyInUi(admin, `Suppression e2e ${run}`);
  const events = plan.flatMap(([jurisdiction, locale, event, n]) =>
    Array.from({ length: n }, (_, i) => ({
      subject: { externalId: `k-${run}-${jurisdiction}-${event}-${i}`, jurisdiction, locale },
      purpose: "marketing_messages",
      event,
      locale,
      occurredAt: `${day}T10:00:00Z`,
      idempotencyKey: `k-${run}-${jurisdiction}-${event}-${i}`,
    })),
  );
  const response = await admin.request.post("/api/v1/consents/batch", { headers: { Authorization: `Bearer ${key}` }, data: { events } });
  expect(response.status()).toBe(200);
  await admin.context().close();
});

async function as(browser: Browser, role: DemoRole, locale = "en"): Promise<Page> {
  const page = await pageAs(browser, role);
  if (locale !== "en") await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: new URL(page.url()).origin }]);
  return page;
}

type Row = { value: string; granted: number | null; denied: number | null; suppressed?: string[]; belowK?: string[] };
type Answer = { summary: Row & { answers: number | null }; splits: { jurisdiction: Row[] }; suppression: { k: number; exact: boolean } };

async function open(page: Page): Promise<Answer> {
  const [answer] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname === "/api/admin/consent-analytics" && r.status() === 200),
    page.goto(view),
  ]);
  return (await answer.json()) as Answer;
}

const jurisdictionTable = (page: Page) => page.locator('[data-chart="consent-by-jurisdiction"]');

test("marketing reads '< 10' for Korea's two refusals, Japan's refusals hidden with them, in the table and the API", async ({
  browser,
}) => {
  const page = await as(browser, "marketing");
  const data = await open(page);
  expect(data.suppression).toEqual({ k: 10, exact: false });
  const kr = data.splits.jurisdiction.find((r) => r.value === "KR")!;
  const jp = data.splits.jurisdiction.find((r) => r.value === "JP")!;
  // The small cell, and its complement: with the total of 14 refusals shown, Japan's 12 would give Korea's 2.
  expect(kr).toMatchObject({ granted: 14, denied: null });
  expect(kr.suppressed).toEqual(expect.arrayContaining(["denied", "optInRate"]));
  expect(kr.belowK).toContain("denied");
  expect(jp).toMatchObject({ granted: 11, denied: null });
  expect(jp.belowK ?? []).not.toContain("denied");
  expect(data.summary.denied).toBe(14);
  expect(JSON.stringify(data.splits.jurisdiction)).not.toMatch(/"denied":(2|12)\b/);

  const frame = jurisdictionTable(page);
  await expect(frame.getByText(/Counts under 10 show as “< 10”/)).toBeVisible();
  await frame.getByText("Show the figures as a table").click();
  const korea = frame.locator("tbody tr").filter({ hasText: "Korea" });
  await expect(korea.locator("td").nth(2)).toHaveText("< 10");
  await expect(frame.locator("tbody tr").filter({ hasText: "Japan" }).locator("td").nth(2)).toHaveText("hidden");
  await expect(frame.locator("tbody")).not.toContainText(/^2$/);

  // The CSV file says the same.
  const [download] = await Promise.all([page.waitForEvent("download"), frame.getByRole("button", { name: "Download CSV" }).click()]);
  const lines = fs
    .readFileSync((await download.path())!, "utf8")
    .trim()
    .split("\r\n");
  expect(lines[0]).toBe("Jurisdiction,Grants,Refusals,Withdrawals,Opt-in rate");
  expect(
    lines
      .find((l) => l.startsWith("KR,"))!
      .split(",")
      .slice(1, 3),
  ).toEqual(["14", "< 10"]);
  expect(
    lines
      .find((l) => l.startsWith("JP,"))!
      .split(",")
      .slice(1, 3),
  ).toEqual(["11", "hidden"]);
  expect(lines.join("\n")).not.toMatch(/,(2|12),/);
  await page.context().close();
});

test("the privacy officer reads the exact figures of the same view", async ({ browser }) => {
  const page = await as(browser, "privacy_officer");
  const data = await open(page);
  expect(data.suppression).toEqual({ k: 10, exact: true });
  expect(data.splits.jurisdiction.find((r) => r.value === "KR")).toMatchObject({ granted: 14, denied: 2 });
  expect(data.splits.jurisdiction.find((r) => r.value === "KR")!.suppressed).toBeUndefined();
  const frame = jurisdictionTable(page);
  await frame.getByText("Show the figures as a table").click();
  await expect(frame.locator("tbody tr").filter({ hasText: "Korea" }).locator("td").nth(2)).toHaveText("2");
  await expect(frame.getByText(/Counts under 10/)).toHaveCount(0);
  await page.context().close();
});

test("an executive's trust answer and a marketer's API answer hide the same small cells server-side", async ({ browser }) => {
  const page = await as(browser, "executive");
  const trust = await (await page.request.get(`/api/admin/trust?from=${day}&to=${day}`)).json();
  // 39 answers in the day: not small, shown; the indicators stay as they are.
  expect(trust.context.answers).toBe(39);
  expect(trust.suppression).toEqual({ k: 10, exact: false });
  const refused = await page.request.get(`/api/admin/consent-analytics?from=${day}&to=${day}`);
  expect(refused.status()).toBe(403);
  await page.context().close();
});

for (const locale of ["en", "ko", "ja"] as const) {
  test(`marketing's suppressed view reads well in ${locale} at 390 px, axe clean`, async ({ browser }) => {
    const page = await as(browser, "marketing", locale);
    await page.setViewportSize(phone);
    await open(page);
    const frame = jurisdictionTable(page);
    const note = { en: "Counts under 10", ko: "10 미만인 건수", ja: "10 未満の件数" }[locale];
    await expect(frame.locator(".chart-note")).toContainText(note);
    await frame.locator("details summary").click();
    await expect(frame.locator("tbody")).toContainText("< 10");
    await expect(frame.locator("tbody")).toContainText({ en: "hidden", ko: "비공개", ja: "非表示" }[locale]);
    await checkPage(page, locale === "en" ? [] : englishOf("dashboards"));
    await shoot(page, `small-cells-${locale}-390`);
    await page.context().close();
  });
}

test("an administrator sets k on the brand settings, audited; below 5 is refused beside the field", async ({ browser }) => {
  const page = await as(browser, "admin");
  await page.goto("/admin/settings");
  const form = page.getByRole("form", { name: "Small groups in consent figures" });
  const field = form.getByLabel("Smallest count shown (k)");
  await expect(field).toHaveValue("10");
  await field.fill("4");
  await form.getByRole("button", { name: "Save the smallest count" }).click();
  await expect(form.getByText("Enter a whole number from 5 to 1000.")).toBeVisible();
  await field.fill("15");
  await form.getByRole("button", { name: "Save the smallest count" }).click();
  await expect(form.getByText(/^Saved\./)).toBeVisible();
  await checkPage(page);
  await shoot(page, "small-cells-settings-en-desk");

  // k = 15: Japan's 11 grants are now small too.
  const marketing = await as(browser, "marketing");
  const data = await open(marketing);
  expect(data.suppression.k).toBe(15);
  await shoot(marketing, "small-cells-k15-en-desk");
  expect(data.splits.jurisdiction.find((r) => r.value === "JP")!.belowK).toEqual(expect.arrayContaining(["granted", "denied"]));
  await marketing.context().close();

  await page.goto("/admin/audit");
  await expect(page.locator("table").getByText("settings.suppression-k").first()).toBeVisible();
  // Back to the default, for the other tests on this server.
  await page.goto("/admin/settings");
  await form.getByLabel("Smallest count shown (k)").fill("10");
  await form.getByRole("button", { name: "Save the smallest count" }).click();
  await expect(form.getByText(/^Saved\./)).toBeVisible();
  await page.context().close();
});
