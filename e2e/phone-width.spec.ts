// Threat: most of a brand's customers, and staff away from their desks, open Candor on a phone; a page wider than the
// screen hides its right edge (a status, a due date, a button) behind a sideways scroll nobody notices (issue 15).
// The crawl finds the pages itself (the staff menu of each role, one page of each kind its lists link to, the public
// pages), so a page added later is checked without anyone remembering to list it.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { readStore } from "../db/testing/read-store";
import { signIn, type DemoRole } from "./support/auth";
import { e2eDatabasePath } from "./support/paths";
import { measure } from "./support/page-width";
import { openWithLink } from "./support/preferences";
import enShell from "../lib/i18n/messages/en/shell.json";

test.describe.configure({ mode: "parallel" });

const phone = { width: 390, height: 844 };
const locales = ["en", "ko", "ja"] as const;
type Locale = (typeof locales)[number];

/** Opens a page and lets its client-side data (charts, tables read through React Query) arrive. */
/**
 * Opens a page and answers its status. A server error, or being sent to sign in, fails the test: a narrow error page
 * or sign-in form must not pass for the page asked for. A 403 or 404 (a link this role may not follow) is the
 * caller's to skip.
 */
async function open(page: Page, path: string): Promise<number> {
  const response = await page.goto(path);
  await page.waitForLoadState("networkidle", { timeout: 5_000 }).catch(() => undefined);
  const status = response?.status() ?? 0;
  expect(status, `${path} answered ${status}`).toBeLessThan(500);
  if (path !== "/login") expect(new URL(page.url()).pathname, `${path} led to the sign-in page`).not.toBe("/login");
  return status;
}

async function setLocale(page: Page, locale: Locale) {
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: new URL(page.url()).origin }]);
}

/** One kind of page per path shape: /admin/requests/12 and /admin/requests/40 are the same kind. */
const kindOf = (path: string) =>
  path
    .split("/")
    .map((s) => (/\d/.test(s) || /^[0-9a-f-]{36}$/.test(s) ? ":id" : s))
    .join("/");

/** Staff pages linked from the main column of the page open now. */
async function adminLinks(page: Page): Promise<string[]> {
  // A download (the queue's CSV) is a file, not a page: no-english.spec.ts leaves them out the same way.
  const hrefs = await page.locator("#main a[href]:not([download])").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  const origin = new URL(page.url()).origin;
  return hrefs
    .map((h) => new URL(h))
    .filter((u) => u.origin === origin && u.pathname.startsWith("/admin/"))
    .map((u) => u.pathname);
}

type Failure = string;

async function check(page: Page, path: string, locale: Locale, failures: Failure[]) {
  const { width, culprits } = await measure(page);
  if (width > phone.width) failures.push(`${locale} ${path}: ${width}px wide (${culprits.join("; ") || "no single element"})`);
}

async function phonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: phone });
  return context.newPage();
}

// In ko and ja the same kinds of page are measured by no-english.spec.ts, which opens each of them once per language
// for its own checks and narrows it to 390 px there (fitsPhoneOnceNarrowed): one visit per page and language.
for (const role of ["admin", "privacy_officer", "marketing", "executive"] as const satisfies readonly DemoRole[]) {
  test(`every page the ${role} can open fits 390 px in en`, async ({ browser }) => {
    test.setTimeout(240_000);
    const page = await phonePage(browser);
    await signIn(page, role);
    // The role's menu, read from the shell (collapsed or not, the links are in the page).
    const menu = await page
      .locator(`nav[aria-label="${enShell.navLabel}"] a[href^="/admin/"]`)
      .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(menu.length).toBeGreaterThan(2);

    // English: open the menu's pages, then one page of each kind they link to, and so on down.
    const failures: Failure[] = [];
    const pages: string[] = [];
    const kinds = new Set(menu.map(kindOf));
    const queue = [...menu];
    while (queue.length > 0) {
      const path = queue.shift()!;
      const status = await open(page, path);
      if (status >= 400) {
        test.info().annotations.push({ type: "skipped", description: `${path} answered ${status}` });
        continue;
      }
      pages.push(path);
      await check(page, path, "en", failures);
      for (const link of await adminLinks(page)) {
        if (kinds.has(kindOf(link))) continue;
        kinds.add(kindOf(link));
        queue.push(link);
      }
    }
    // Detail pages were found, not only the menu (a purpose, a request, a recipient…).
    expect(pages.length).toBeGreaterThan(menu.length);
    test.info().annotations.push({ type: "pages", description: pages.join(" ") });
    console.log(`${role}: ${pages.length} pages: ${pages.join(" ")}`);
    expect(failures).toEqual([]);
    await page.context().close();
  });
}

test("the public pages fit 390 px in en, ko and ja: notices, preferences before and after sign-in, requests, the widget demo", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const subject = readStore(e2eDatabasePath(), (db) =>
    db
      .prepare(
        "SELECT s.uid FROM subjects s JOIN subject_requests r ON r.subject_id = s.id WHERE s.email IS NOT NULL AND s.is_minor = 0 GROUP BY s.id ORDER BY count(*) DESC, s.id LIMIT 1",
      )
      .get(),
  ) as { uid: string };
  const page = await phonePage(browser);
  await open(page, "/notices");
  const notice = await page
    .locator("#main a[href^='/notices/']")
    .first()
    .evaluate((a) => new URL((a as HTMLAnchorElement).href).pathname);
  const signedOut = ["/login", "/notices", notice, "/preferences", "/embed/demo"];
  const signedIn = ["/preferences", "/preferences/requests"];

  const failures: Failure[] = [];
  for (const locale of locales) {
    await setLocale(page, locale);
    for (const path of signedOut) {
      expect(await open(page, path), path).toBeLessThan(400);
      await check(page, path, locale, failures);
    }
  }
  await openWithLink(page, subject.uid);
  for (const locale of locales) {
    await setLocale(page, locale);
    for (const path of signedIn) {
      expect(await open(page, path), path).toBeLessThan(400);
      await check(page, `${path} (signed in)`, locale, failures);
    }
  }
  expect(failures).toEqual([]);
  // The customer's requests read as stacked rows on a phone, each value under its column's name, and stay a table to axe.
  await open(page, "/preferences/requests");
  const list = page.locator(".table-wrap.stacked");
  expect((await list.locator("thead").boundingBox())?.height).toBeLessThanOrEqual(1);
  await expect(list.locator(".cell-label").first()).toBeVisible();
  // Laid out as blocks, the table states its roles itself (Safari and VoiceOver drop a block table's semantics).
  await expect(list.locator("table")).toHaveAttribute("role", "table");
  await expect(list.locator("tbody tr").first()).toHaveAttribute("role", "row");
  await expect(list.locator("tbody tr").first().locator("td").first()).toHaveAttribute("role", "cell");
  expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
  await page.context().close();
});

test("on a phone the staff menu waits behind a button: the page comes first, the button is named, keyboard and axe clean", async ({
  browser,
}) => {
  const page = await phonePage(browser);
  await signIn(page, "privacy_officer");
  const button = page.getByRole("button", { name: /menu/i });
  const nav = page.locator(`nav[aria-label="${enShell.navLabel}"]`);
  await expect(button).toHaveAttribute("aria-expanded", "false");
  const controls = await button.getAttribute("aria-controls");
  expect(controls).toBeTruthy();
  await expect(page.locator(`[id="${controls}"]`)).toHaveCount(1);
  // The first screen shows the page's heading, not the menu.
  await expect(nav).toBeHidden();
  const heading = await page.locator("#main h1").boundingBox();
  expect(heading && heading.y + heading.height).toBeLessThan(phone.height / 2);
  expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);

  // Keyboard: Enter opens it, Tab walks into its links, Escape closes it and gives focus back to the button.
  await button.focus();
  await page.keyboard.press("Enter");
  await expect(button).toHaveAttribute("aria-expanded", "true");
  await expect(nav).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
  expect((await measure(page)).width).toBeLessThanOrEqual(phone.width);
  await page.keyboard.press("Tab");
  await expect(nav.getByRole("link").first()).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(button).toHaveAttribute("aria-expanded", "false");
  await expect(button).toBeFocused();
  await expect(nav).toBeHidden();

  // Following a link closes the menu, so the new page shows first.
  await button.click();
  await nav.getByRole("link", { name: "Audit log" }).click();
  await expect(page).toHaveURL(/\/admin\/audit$/);
  await expect(button).toHaveAttribute("aria-expanded", "false");
  await expect(nav).toBeHidden();

  // At a laptop's width there is no button: the menu is always there.
  await page.setViewportSize({ width: 1366, height: 900 });
  await expect(button).toBeHidden();
  await expect(nav).toBeVisible();
  await page.context().close();
});
