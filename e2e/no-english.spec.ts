// Threat: a Korean- or Japanese-reading officer, marketer, executive or customer meets English on a
// page in their language: an untranslated label, a purpose's English name where a Korean or Japanese
// title exists, a raw status or message kind, a sentence Candor wrote itself, or a time read "PM 3:04".
// The crawl opens every page of each role's menu and one page of each kind its links reach, and
// every public page, in ko and ja, and names the page and the string for each leak. Each staff page is also narrowed
// to 390 px and must fit it (issue 15's phone check in ko and ja; phone-width.spec.ts crawls the same pages in en).
import { expect, test, type Page } from "@playwright/test";
import { readStore } from "../db/testing/read-store";
import { navFor } from "../lib/auth/navigation";
import { pageAs, type DemoRole } from "./support/auth";
import { englishStrings, type EnglishString } from "./support/english-strings";
import { e2eDatabasePath } from "./support/paths";
import { fitsPhoneOnceNarrowed } from "./support/page-width";
import { openWithLink } from "./support/preferences";

test.describe.configure({ mode: "parallel" });

const dayPeriods: EnglishString = { text: "AM/PM", from: "a time's day period", pattern: /\b(AM|PM)\b/ };

/** Everything a reader of the page can meet, as text: visible or not (a screen reader reads both), attributes, options, the tab title. Text marked in another language (lang) is data shown as written. */
async function pageText(page: Page, locale: string): Promise<string[]> {
  return page.evaluate((locale) => {
    const foreign = (el: Element) => {
      const lang = el.closest("[lang]")?.getAttribute("lang") ?? locale;
      return lang !== locale && !lang.startsWith(`${locale}-`);
    };
    const asStored = (el: Element) => el.closest("script, style, noscript, template, code, [translate=no]") !== null;
    const out = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      // Codes (an audit entry's action and details) are shown as stored: in <code>, or marked translate="no".
      if (!el || asStored(el) || foreign(el)) continue;
      out.push(n.textContent ?? "");
    }
    for (const el of document.body.querySelectorAll(
      "[title], [aria-label], [placeholder], [alt], input[type=submit], input[type=button]",
    )) {
      if (asStored(el) || foreign(el)) continue;
      for (const a of ["title", "aria-label", "placeholder", "alt"]) if (el.hasAttribute(a)) out.push(el.getAttribute(a)!);
      if (el instanceof HTMLInputElement && (el.type === "submit" || el.type === "button")) out.push(el.value);
    }
    return out.map((s) => s.replace(/\s+/g, " ").trim()).filter(Boolean);
  }, locale);
}

/** Each English string the page shows, with a little of the text around it. */
function leaks(texts: string[], strings: EnglishString[]): string[] {
  const joined = texts.join(" ");
  const found: string[] = [];
  for (const s of strings) {
    if (s.whole) {
      const piece = texts.find((t) => s.pattern.test(t));
      if (piece !== undefined) found.push(`"${s.text}" (${s.from}) as "${piece}"`);
      continue;
    }
    const hit = s.pattern.exec(joined);
    if (!hit) continue;
    const at = hit.index;
    found.push(`"${s.text}" (${s.from}) in "…${joined.slice(Math.max(0, at - 40), at + hit[0].length + 40)}…"`);
  }
  return found;
}

/** The reader's language for the whole site, as the language switcher sets it (path /), so the dashboards' API calls carry it too. */
async function setLocale(page: Page, locale: string): Promise<void> {
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, domain: new URL(page.url()).hostname, path: "/" }]);
}

async function open(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), `${path} opens`).toBeLessThan(400);
  // Dashboards load their figures after the page; wait until nothing is loading.
  await page.waitForLoadState("networkidle");
}

async function check(page: Page, path: string, locale: "ko" | "ja", strings: EnglishString[], phoneToo = false): Promise<void> {
  await open(page, path);
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
  expect.soft(leaks(await pageText(page, locale), strings), `English on ${path} (${locale})`).toEqual([]);
  // The staff pages' phone check in ko and ja (phone-width.spec.ts crawls them in en): the page fits 390 px in this language.
  if (phoneToo) await fitsPhoneOnceNarrowed(page, `${locale} ${path}`);
}

/** The kind of page a link leads to: its path with ids as :id, and the names of its query's fields. */
function kindOf(href: string): string {
  const url = new URL(href, "http://x");
  const shape = url.pathname.replace(/\/\d+(?=\/|$)/g, "/:id").replace(/^\/admin\/subjects\/[^/]+$/, "/admin/subjects/:uid");
  return [shape, ...[...url.searchParams.keys()].filter((k) => k !== "page").sort()].join("?");
}

async function adminLinks(page: Page): Promise<string[]> {
  const hrefs = await page.locator("main a[href^='/admin/']:not([download])").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
  return hrefs.filter((h) => !/\.(csv|json)|download|export/i.test(h));
}

// Requests whose pages show what others do not: a completed deletion's recipients and their delivery
// states, a refusal for a reason Candor wrote itself, an extended deadline.
function notableRequests(): string[] {
  return readStore(e2eDatabasePath(), (db) =>
    (
      [
        "SELECT id FROM subject_requests WHERE type = 'deletion' AND status = 'completed' ORDER BY id DESC LIMIT 1",
        "SELECT id FROM subject_requests WHERE rejection_reason LIKE 'system:%' ORDER BY id LIMIT 1",
        "SELECT id FROM subject_requests WHERE extended_at IS NOT NULL ORDER BY id LIMIT 1",
        "SELECT id FROM subject_requests WHERE type = 'rectification' AND status = 'completed' ORDER BY id LIMIT 1",
      ].map((sql) => db.prepare(sql).get()) as ({ id: number } | undefined)[]
    ).flatMap((r) => (r ? [`/admin/requests/${r.id}`] : [])),
  );
}

// The brand's name of each purpose that has a title in the reader's language (a notice version in it).
function purposeNames(locale: string): { name: string; title: string }[] {
  const rows = readStore(e2eDatabasePath(), (db) =>
    db
      .prepare(
        `SELECT p.name, (SELECT v.title FROM notice_versions v WHERE v.notice_id = n.id AND v.status IN ('published', 'superseded')
           ORDER BY v.version DESC LIMIT 1) AS title
         FROM purposes p JOIN notices n ON n.purpose_id = p.id AND n.locale = ?`,
      )
      .all(locale),
  ) as { name: string; title: string | null }[];
  return rows.flatMap((r) => (r.title ? [{ name: r.name, title: r.title }] : []));
}

// A purpose people choose about, with a published notice.
function choicePurpose(): string {
  return (
    readStore(e2eDatabasePath(), (db) =>
      db
        .prepare(
          `SELECT p.key FROM purposes p WHERE p.status = 'active' AND p.legal_basis = 'consent' AND p.key NOT LIKE 'e2e%'
           AND EXISTS (SELECT 1 FROM notices n WHERE n.purpose_id = p.id) ORDER BY p.id LIMIT 1`,
        )
        .get(),
    ) as { key: string }
  ).key;
}

const roles: DemoRole[] = ["admin", "privacy_officer", "marketing", "executive"];

for (const locale of ["ko", "ja"] as const) {
  const strings = () => [...englishStrings(locale, purposeNames(locale)), dayPeriods];

  for (const role of roles) {
    test(`${role}: every page of the menu and one of each kind it links to shows no English in ${locale}, and fits 390 px`, async ({
      browser,
    }) => {
      test.setTimeout(300_000);
      const page = await pageAs(browser, role);
      const english = strings();
      const visited: string[] = [];
      await setLocale(page, locale);
      const queue = navFor(role).map((i) => i.href);
      if (role === "privacy_officer") queue.push(...new Set(notableRequests()));
      // One purpose's view of consent analytics, reached by a button rather than a link.
      if (queue.includes("/admin/consent-analytics")) queue.push(`/admin/consent-analytics?purpose=${choicePurpose()}`);
      const seen = new Set(queue.map(kindOf));
      const extra = new Set(queue.filter((p) => p.startsWith("/admin/requests/")));
      for (let path = queue.shift(); path; path = queue.shift()) {
        await check(page, path, locale, english, true);
        visited.push(path);
        for (const href of await adminLinks(page)) {
          const kind = kindOf(href);
          if (seen.has(kind) && !extra.has(href)) continue;
          seen.add(kind);
          queue.push(href);
        }
        extra.delete(path);
      }
      console.log(`${role} ${locale}: ${visited.length} pages: ${visited.join(" ")}`);
      await page.context().close();
    });
  }

  test(`the public pages, before and after signing in to the preference center, show no English in ${locale}`, async ({ browser }) => {
    test.setTimeout(180_000);
    const english = strings();
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto("/login");
    await setLocale(page, locale);
    const key = readStore(e2eDatabasePath(), (db) =>
      db.prepare("SELECT key FROM purposes WHERE status = 'active' AND key NOT LIKE 'e2e%' ORDER BY id LIMIT 1").get(),
    ) as { key: string };
    for (const path of ["/login", "/preferences", "/notices", `/notices/${key.key}`, "/embed/demo"])
      await check(page, path, locale, english);

    // A customer with requests, one of them refused for a reason Candor wrote, reads where each stands.
    const { uid } = readStore(e2eDatabasePath(), (db) =>
      db
        .prepare(
          `SELECT s.uid FROM subjects s JOIN subject_requests r ON r.subject_id = s.id
           WHERE s.locale = ? GROUP BY s.id ORDER BY max(r.rejection_reason LIKE 'system:%') DESC, count(*) DESC LIMIT 1`,
        )
        .get(locale),
    ) as { uid: string };
    await openWithLink(page, uid);
    for (const path of ["/preferences", "/preferences/requests"]) await check(page, path, locale, english);
    await context.close();
  });
}
