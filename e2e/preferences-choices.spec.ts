// The preference center's harder cases: a minor's guardian, a GPC signal, withdrawing everything at once,
// and how the page looks and reads in each language.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { choiceOf, grantedCount, ledgerOf, openWithLink, pickSubject, purposeTitle, subjectWithGrant } from "./support/preferences";
import { pageShot } from "./support/screens";

const english = { locale: "en-US", extraHTTPHeaders: { "Accept-Language": "en-US,en;q=0.9" } };

test("a minor's grant needs the guardian's name, which is recorded; withdrawing never does", async ({ browser }) => {
  const subject = pickSubject(0, { jurisdiction: "EU", locale: "en", minor: true });
  const page = await (await browser.newContext(english)).newPage();
  await openWithLink(page, subject.uid);
  const before = ledgerOf(subject.id).count;
  const off = page.getByRole("switch", { name: subject.off.title });
  await off.click();
  await expect(page.getByText("Enter the name of the parent or guardian giving this consent.")).toBeVisible();
  await expect(page.getByLabel("Name of your parent or guardian")).toBeFocused();
  await expect(off).toHaveAttribute("aria-checked", "false");
  expect(ledgerOf(subject.id).count).toBe(before);

  await page.getByLabel("Name of your parent or guardian").fill("Jordan Guardian");
  await off.click();
  await expect(off).toHaveAttribute("aria-checked", "true");
  await expect.poll(() => ledgerOf(subject.id).latest.guardianName).toBe("Jordan Guardian");

  await page.getByLabel("Name of your parent or guardian").fill("");
  const on = page.getByRole("switch", { name: subject.on.title });
  await on.click();
  await expect(on).toHaveAttribute("aria-checked", "false");
  await expect.poll(() => ledgerOf(subject.id).latest.event).toBe("withdrawn");
});

test("a GPC signal is honoured as soon as the subject arrives, and the page says so", async ({ browser }) => {
  const subject = subjectWithGrant("ad_partner_sharing", "US-CA", "en");
  const page = await (
    await browser.newContext({ ...english, extraHTTPHeaders: { ...english.extraHTTPHeaders, "Sec-GPC": "1" } })
  ).newPage();
  await openWithLink(page, subject.uid);
  await expect(
    page.getByText("Your browser's Global Privacy Control signal was honoured: we do not sell or share your data."),
  ).toBeVisible();
  const sharing = page.getByRole("switch", { name: purposeTitle("ad_partner_sharing", "en") });
  await expect(sharing).toHaveAttribute("aria-checked", "false");
  await expect(sharing).toHaveAttribute("aria-disabled", "true");
  expect(choiceOf(subject.id, "ad_partner_sharing")).toEqual({ state: "withdrawn", gpc: 1 });
});

test("withdraw everything is one button and one confirmation", async ({ browser }) => {
  const subject = pickSubject(0, { jurisdiction: "US-CA", locale: "en" });
  const page = await (await browser.newContext(english)).newPage();
  await openWithLink(page, subject.uid);
  const count = grantedCount(subject.id);
  expect(count).toBeGreaterThan(0);
  await page.getByRole("button", { name: "Withdraw everything" }).click();
  await page.getByRole("button", { name: `Yes, withdraw all ${count}` }).click();
  await expect(page.getByText("You have no consent to withdraw at the moment.")).toBeVisible();
  expect(grantedCount(subject.id)).toBe(0);
  for (const s of await page.getByRole("switch").all()) await expect(s).toHaveAttribute("aria-checked", "false");
});

for (const c of [
  { locale: "en", jurisdiction: "US-CA", accept: "en-US,en;q=0.9", heading: "Your privacy choices" },
  { locale: "ko", jurisdiction: "KR", accept: "ko-KR,ko;q=0.9", heading: "내 개인정보 선택" },
  { locale: "ja", jurisdiction: "JP", accept: "ja-JP,ja;q=0.9", heading: "プライバシーの選択" },
] as const) {
  test(`the preference center reads in ${c.locale} and has no serious accessibility violations`, async ({ browser }, info) => {
    const subject = pickSubject(5, { jurisdiction: c.jurisdiction, locale: c.locale });
    const page = await (await browser.newContext({ locale: c.locale, extraHTTPHeaders: { "Accept-Language": c.accept } })).newPage();
    await openWithLink(page, subject.uid);
    await expect(page.locator("html")).toHaveAttribute("lang", c.locale);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(c.heading);
    await expect(page.locator("body")).not.toContainText("MISSING:");
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
    await pageShot(page, info.outputPath(`preferences-${c.locale}.png`));
  });
}
