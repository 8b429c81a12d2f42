// Threat: a brand misstates how many people opted out of the sale or sharing of their data (CCPA 11 CCR §7102):
// one Global Privacy Control signal counted once per purpose it refused, the same signal counted again on every
// visit, or an opt-out through the banner missing from the report. Through the widget's own route, a California
// visitor's GPC signal counts once, a second visit with the signal adds nothing, and opting back in then out again
// counts once more, in the officer's live figures for the brand's current year (hand counts: +1, +1, +2).
import os from "node:os";
import path from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { pageAs } from "./support/auth";
import { checkPage, desk, englishOf, partShot, phone, shoot } from "./support/screens";

const KEY = "pk_demo_northtrail_2026";
const person = `CUST-OPTOUT-${Date.now().toString(36)}`;

/** The "Of the opt-outs, N were made through…" counts on the officer's live figures, one per table shown. */
async function choiceCounts(page: Page, year: number): Promise<number[]> {
  await page.goto(`/admin/transparency?year=${year}`);
  await expect(page.getByRole("heading", { name: `Live figures for ${year}` })).toBeVisible();
  const texts = await page.getByText(/^Of the opt-outs, [\d,]+ were made through/).allTextContents();
  return texts.map((t) => Number(/Of the opt-outs, ([\d,]+)/.exec(t)![1].replaceAll(",", "")));
}

/** The banner's post, as the widget sends it from the brand's page, with or without the browser's GPC header. */
async function bannerChoice(request: APIRequestContext, baseURL: string, choices: { purpose: string; event: string }[], gpc: boolean) {
  const response = await request.post(`/api/v1/widget/consents?key=${KEY}`, {
    headers: { Origin: baseURL, ...(gpc ? { "Sec-GPC": "1" } : {}) },
    data: { subject: { externalId: person }, jurisdiction: "US-CA", locale: "en", choices },
  });
  expect(response.status()).toBe(200);
  return (await response.json()) as { gpc: boolean; results: { purpose: string; status: string; state?: string }[] };
}

test("opt-outs through the banner and GPC count once per person and change of state in the live report", async ({
  browser,
  request,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const officer = await pageAs(browser, "privacy_officer");
  // The brand's zone (Europe/Dublin in the demo) is a few hours from UTC at most: away from New Year, its year is UTC's.
  const year = new Date().getUTCFullYear();
  const before = await choiceCounts(officer, year);
  expect(before.length).toBeGreaterThan(0);

  // First visit with GPC: the visitor accepts marketing; the signal refuses sharing with advertising partners. +1
  const first = await bannerChoice(request, baseURL!, [{ purpose: "marketing_messages", event: "granted" }], true);
  expect(first.gpc).toBe(true);
  expect(await choiceCounts(officer, year)).toEqual(before.map((n) => n + 1));

  // A second visit with the signal, refusing sharing again in the banner as well: no change of state, +0.
  const again = await bannerChoice(request, baseURL!, [{ purpose: "ad_partner_sharing", event: "denied" }], true);
  expect(again.results[0]).toMatchObject({ status: "stored", state: "denied" });
  expect(await choiceCounts(officer, year)).toEqual(before.map((n) => n + 1));

  // Without the signal the visitor allows sharing, then withdraws it: a new change of state, +1 (+2 in all).
  await bannerChoice(request, baseURL!, [{ purpose: "ad_partner_sharing", event: "granted" }], false);
  expect(await choiceCounts(officer, year)).toEqual(before.map((n) => n + 1));
  await bannerChoice(request, baseURL!, [{ purpose: "ad_partner_sharing", event: "withdrawn" }], false);
  expect(await choiceCounts(officer, year)).toEqual(before.map((n) => n + 2));

  // The notes say how they are counted.
  await expect(
    officer.getByText(/A choice counts once each time a person who had not opted out of sale or sharing opts out/),
  ).toBeVisible();
  await officer.context().close();
});

// How the opt-outs were counted is said on the public report and the officer's preview, in the reader's language.
const countedAs = {
  en: "A choice counts once each time a person who had not opted out of sale or sharing opts out",
  ko: "판매·공유를 거부하지 않았던 사람이 거부할 때마다 한 번",
  ja: "販売・共有を拒否していなかった人が拒否するたびに一度",
} as const;

test("the report says in en, ko and ja how choice opt-outs are counted, at 1366 and 390 px", async ({ browser }) => {
  test.setTimeout(180_000);
  const officer = await pageAs(browser, "privacy_officer");
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/transparency");
  const english = englishOf("transparency");
  for (const locale of ["en", "ko", "ja"] as const) {
    for (const page of [visitor, officer]) {
      await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, domain: new URL(page.url()).hostname, path: "/" }]);
      await page.goto(page === visitor ? "/transparency" : "/admin/transparency");
      for (const [size, viewport] of [
        ["1366", desk],
        ["390", phone],
      ] as const) {
        await page.setViewportSize(viewport);
        await expect(page.getByText(countedAs[locale]).first()).toBeVisible();
        await checkPage(page, locale === "en" ? [] : english);
        const name = `transparency-opt-outs-${page === visitor ? "public" : "admin"}-${locale}-${size}`;
        await shoot(page, name);
        await partShot(
          page.getByText(countedAs[locale]).first().locator("xpath=ancestor::section[1]"),
          path.join(os.tmpdir(), "candor-screens", `${name}-notes.png`),
        );
      }
    }
  }
  await visitor.context().close();
  await officer.context().close();
});
