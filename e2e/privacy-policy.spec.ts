// Threat: a privacy policy that says what the brand no longer does, or leaves out what a law requires (Korea's
// privacy officer, Japan's complaint desk), published anyway; or a change that tells no one, or only English readers.
// The officer drafts the policy from the data map, sees each law's checklist and the diff against the published
// version, is refused publication with the missing item named, then publishes a material change that tells the
// people it concerns in their language. /privacy shows it in en, ko and ja, at 390 px, axe-clean.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { readStore } from "../db/testing/read-store";
import { pageAs } from "./support/auth";
import { e2eDatabasePath } from "./support/paths";
import { pageShot } from "./support/screens";

test.describe.configure({ mode: "serial" });

const newContact = "+82 2-555-0177, privacy-office-kr@northtrail.example";

async function axeClean(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
}

async function setLocale(page: Page, locale: string): Promise<void> {
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, domain: new URL(page.url()).hostname, path: "/" }]);
}

/** Saves the controller details with one field changed (the officer's own settings form, issue 19). */
async function controller(page: Page, change: (page: Page) => Promise<void>): Promise<void> {
  await page.goto("/admin/settings/controller");
  await change(page);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Saved.", { exact: true })).toBeVisible();
}

const officerContact = (page: Page) => page.getByRole("region", { name: "Privacy officer (Korea)" }).getByLabel("Contact (phone or email)");
const appiComplaint = (page: Page) => page.getByRole("group", { name: "Japan (APPI)" });
const item = (page: Page, j: string, name: string) => page.getByTestId(`checklist-${j}`).locator(`li[data-item="${name}"]`);

test("the officer drafts, is refused while an item is missing, and publishes a material change that tells the people it concerns", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const page = await pageAs(browser, "privacy_officer");
  await page.getByRole("link", { name: "Privacy policy" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Privacy policy" })).toBeVisible();
  await expect(page.getByText(/In force: version 1/)).toBeVisible();
  // The demo brand's data map carries every item for KR, JP, EU and US-CA.
  for (const j of ["KR", "JP", "EU", "US-CA"])
    await expect(page.getByTestId(`checklist-${j}`).locator('li[data-status="missing"]')).toHaveCount(0);
  await axeClean(page);

  // Without the privacy officer's contact, Korea's checklist fails and the draft cannot go to review.
  const kept = await (async () => {
    await page.goto("/admin/settings/controller");
    return officerContact(page).inputValue();
  })();
  await controller(page, (p) => officerContact(p).fill(""));
  await page.goto("/admin/privacy-policy");
  await expect(item(page, "KR", "officer")).toHaveAttribute("data-status", "missing");
  await expect(item(page, "KR", "officer")).toContainText("privacyOfficer.contact");
  await page.getByRole("button", { name: "Generate a draft from the data map" }).click();
  await expect(page.getByRole("heading", { name: /^Version 2: Draft/ })).toBeVisible();
  await page.getByRole("button", { name: "Send for review" }).click();
  await expect(page.getByText("Not sent: missing Republic of Korea (Personal Information Protection Act): Privacy officer.")).toBeVisible();

  // A new contact: regenerated, the diff shows it; the change is material, told in each language.
  await controller(page, (p) => officerContact(p).fill(newContact));
  await page.goto("/admin/privacy-policy");
  await page.getByRole("button", { name: "Regenerate from the data map" }).click();
  await expect(page.getByText("Draft generated.")).toBeVisible();
  await page.reload();
  const diff = page.getByRole("region", { name: "Changes since version 1" });
  // Diffed by word with the notices' own diff: the new contact's changed pieces are marked as added.
  const korea = diff.getByRole("region", { name: "Republic of Korea (Personal Information Protection Act)" });
  await expect(korea.locator("ins").filter({ hasText: "office-" })).toBeVisible();
  await expect(korea.locator("ins").filter({ hasText: "0177" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Readability" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Vague words" })).toBeVisible();
  await page.getByLabel("This is a material change").check();
  await page.getByLabel("What changed, in English").fill("Our privacy officer in Korea has a new contact.");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  // Each person is told in their language: a material change needs what changed in each.
  await expect(page.getByLabel("What changed, in Korean")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("What changed, in Korean").fill("한국 개인정보 보호책임자의 연락처가 바뀌었습니다.");
  await page.getByLabel("What changed, in Japanese").fill("韓国の個人情報保護責任者の連絡先を変更しました。");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Saved.", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Send for review" }).click();
  await expect(page.getByRole("heading", { name: /^Version 2: In review/ })).toBeVisible();
  await axeClean(page);

  // Japan's complaint contact removed after review: publishing is refused, naming the item.
  const appi = await (async () => {
    await page.goto("/admin/settings/controller");
    return {
      name: await appiComplaint(page).getByLabel("Authority").inputValue(),
      contact: await appiComplaint(page).getByLabel("Contact or address").inputValue(),
    };
  })();
  await controller(page, async (p) => {
    await appiComplaint(p).getByLabel("Authority").fill("");
    await appiComplaint(p).getByLabel("Contact or address").fill("");
  });
  await page.goto("/admin/privacy-policy");
  await expect(item(page, "JP", "complaints")).toHaveAttribute("data-status", "missing");
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(
    page.getByText("Publishing refused: missing Japan (Act on the Protection of Personal Information): Where to complain."),
  ).toBeVisible();
  expect(readStore(e2eDatabasePath(), (db) => db.prepare("SELECT status FROM policy_versions WHERE version = 2").get())).toEqual({
    status: "in_review",
  });

  await controller(page, async (p) => {
    await appiComplaint(p).getByLabel("Authority").fill(appi.name);
    await appiComplaint(p).getByLabel("Contact or address").fill(appi.contact);
  });
  await page.goto("/admin/privacy-policy");
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  // The page now shows version 2 in force and how many people it told.
  await expect(page.getByText(/^In force: version 2, published .* · told \d+ (person|people)$/)).toBeVisible();

  // Told: each person in Korea with an email, in their language; each message recorded; no one asked to consent again.
  const told = readStore(e2eDatabasePath(), (db) => ({
    messages: db
      .prepare(
        `SELECT s.jurisdiction, o.locale, s.locale AS reads, o.body FROM policy_change_messages m
         JOIN outbox o ON o.id = m.outbox_id JOIN subjects s ON s.id = m.subject_id JOIN policy_versions v ON v.id = m.version_id WHERE v.version = 2`,
      )
      .all() as { jurisdiction: string; locale: string; reads: string; body: string }[],
    koreans: (db.prepare("SELECT COUNT(*) AS n FROM subjects WHERE jurisdiction = 'KR' AND email IS NOT NULL").get() as { n: number }).n,
    reconsent: (db.prepare("SELECT COUNT(*) AS n FROM purposes WHERE material_change_at > ?").get(Date.now() - 600_000) as { n: number }).n,
  }));
  expect(told.messages.length).toBe(told.koreans);
  expect(told.messages.every((m) => m.jurisdiction === "KR")).toBe(true);
  expect(told.messages.every((m) => m.locale === (["en", "ko", "ja"].includes(m.reads) ? m.reads : "en"))).toBe(true);
  const korean = told.messages.find((m) => m.locale === "ko")!;
  expect(korean.body).toContain("한국 개인정보 보호책임자의 연락처가 바뀌었습니다.");
  expect(told.reconsent).toBe(0);

  await controller(page, (p) => officerContact(p).fill(kept));
  await page.context().close();
});

const titles = { en: "Privacy policy", ko: "개인정보 처리방침", ja: "プライバシーポリシー" } as const;
const doNotSell = {
  en: "Do Not Sell or Share My Personal Information",
  ko: "내 개인정보 판매 또는 공유 거부",
  ja: "私の個人情報を販売・共有しない",
};
const parts = {
  en: "Republic of Korea (Personal Information Protection Act)",
  ko: "대한민국 (개인정보 보호법)",
  ja: "大韓民国（個人情報保護法）",
};

for (const locale of ["en", "ko", "ja"] as const) {
  test(`/privacy shows the published policy in ${locale}, found from the public pages' footer, at 390 px`, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/notices");
    await setLocale(page, locale);
    await page.reload();
    await page.getByRole("contentinfo").getByRole("link", { name: titles[locale] }).click();
    await expect(page).toHaveURL(/\/privacy$/);
    await expect(page.getByRole("heading", { level: 1, name: titles[locale] })).toBeVisible();
    await page.goto("/privacy?j=KR");
    await expect(page.getByRole("heading", { level: 2, name: parts[locale] })).toBeVisible();
    await expect(page.getByText(newContact).first()).toBeVisible();
    // No third-party script: every script the page loads is the site's own.
    const scripts = await page.evaluate(() => [...document.scripts].map((s) => s.src).filter(Boolean));
    for (const src of scripts) expect(new URL(src).origin).toBe(new URL(page.url()).origin);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await axeClean(page);
    for (const j of ["JP", "EU", "US-CA"]) {
      await page.goto(`/privacy?j=${j}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    }
    await expect(page.getByRole("link", { name: doNotSell[locale] })).toBeVisible();
    await pageShot(page, `/tmp/P-out/privacy-${locale}-390.png`, false);
  });
}

test("the officer's policy page reads in ko and ja and fits 390 px", async ({ browser }) => {
  const page = await pageAs(browser, "privacy_officer");
  for (const [locale, width] of [
    ["en", 1366],
    ["ko", 390],
    ["ja", 390],
  ] as const) {
    await setLocale(page, locale);
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/admin/privacy-policy");
    await expect(page.getByRole("heading", { level: 1, name: titles[locale] })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await axeClean(page);
    await pageShot(page, `/tmp/P-out/admin-policy-${locale}-${width}.png`);
  }
  await page.context().close();
});
