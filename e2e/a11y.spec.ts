import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { navFor } from "../lib/auth/navigation";
import { readStore } from "../db/testing/read-store";
import { pageAs, type DemoRole } from "./support/auth";
import { e2eDatabasePath } from "./support/paths";

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

test("the sign-in page has no serious accessibility violations", async ({ page }) => {
  await page.goto("/login");
  expect(await seriousViolations(page)).toEqual([]);
});

// Every section each role can open (from the same table the menu is built from), plus the detail and
// form pages; the ids are read from the store when the test runs, not when the file is collected.
const one = <T>(sql: string) => readStore(e2eDatabasePath(), (db) => db.prepare(sql).get()) as T;
const extraPages: Record<DemoRole, (() => string)[]> = {
  admin: [],
  privacy_officer: [
    () => "/admin/requests/new",
    () => "/admin/requests/settings",
    () => "/admin/purposes/new",
    () => `/admin/requests/${one<{ id: number }>("SELECT id FROM subject_requests WHERE status = 'in_progress' ORDER BY id LIMIT 1").id}`,
    () => `/admin/purposes/${one<{ id: number }>("SELECT id FROM purposes WHERE status = 'active' ORDER BY id LIMIT 1").id}`,
    () => `/admin/purposes/${one<{ id: number }>("SELECT id FROM purposes WHERE status = 'active' ORDER BY id LIMIT 1").id}/notices/ko`,
    () =>
      `/admin/consent-analytics?purpose=${one<{ key: string }>("SELECT key FROM purposes WHERE status = 'active' AND legal_basis = 'consent' ORDER BY id LIMIT 1").key}`,
    () => "/admin/no-such-page",
    () => `/admin/subjects/${one<{ uid: string }>("SELECT uid FROM subjects WHERE email IS NOT NULL ORDER BY id LIMIT 1").uid}`,
  ],
  marketing: [
    () => "/admin/purposes/new",
    () => `/admin/purposes/${one<{ id: number }>("SELECT id FROM purposes WHERE status = 'draft' ORDER BY id LIMIT 1").id}/edit`,
  ],
  executive: [],
};

// A few pages per test, so no role's list outgrows one test's time and the parts run in parallel.
const PAGES_PER_TEST = 6;
for (const role of ["admin", "privacy_officer", "marketing", "executive"] as DemoRole[]) {
  const pages: (() => string)[] = [...navFor(role).map((item) => () => item.href), ...extraPages[role]];
  const parts = Math.ceil(pages.length / PAGES_PER_TEST);
  for (let part = 0; part < parts; part++) {
    test(`every page ${role} can open has no serious accessibility violations (${part + 1} of ${parts})`, async ({ browser }) => {
      test.setTimeout(120_000);
      const page = await pageAs(browser, role);
      for (const path of pages.slice(part * PAGES_PER_TEST, (part + 1) * PAGES_PER_TEST).map((p) => p())) {
        await page.goto(path);
        expect(await seriousViolations(page), path).toEqual([]);
      }
    });
  }
}

test("the public pages have no serious accessibility violations", async ({ page }) => {
  const key = readStore(
    e2eDatabasePath(),
    (db) => db.prepare("SELECT key FROM purposes WHERE status = 'active' ORDER BY id LIMIT 1").get() as { key: string },
  ).key;
  for (const path of ["/notices", `/notices/${key}`, "/preferences"]) {
    await page.goto(path);
    expect(await seriousViolations(page), path).toEqual([]);
  }
});

test("the forbidden page has no serious accessibility violations", async ({ browser }) => {
  const page = await pageAs(browser, "executive");
  await page.goto("/admin/staff");
  expect(await seriousViolations(page)).toEqual([]);
});
