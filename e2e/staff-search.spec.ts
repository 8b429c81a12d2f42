// Threat: a marketing or executive login reads a customer's email or name through the staff search (the box is
// in every staff page's shell, so a hidden group is not enough: the server must refuse people to them). And the
// officer's desk: a request or a person is found from any page with "/" and a few keystrokes.
import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { readStore } from "../db/testing/read-store";
import { pageAs } from "./support/auth";
import { literalPieces } from "./support/english-strings";
import { e2eDatabasePath } from "./support/paths";
import { pageShot } from "./support/screens";

type Found = { id: number; ref: string; uid: string; email: string; name: string };

/** A request whose person has an email and a name: its reference and the person's identifiers. */
const requestWithPerson = (): Found =>
  readStore(e2eDatabasePath(), (db) =>
    db
      .prepare(
        `SELECT r.id, r.ref, s.uid, s.email, s.name FROM subject_requests r JOIN subjects s ON s.id = r.subject_id
         WHERE s.email IS NOT NULL AND s.name IS NOT NULL ORDER BY r.id LIMIT 1`,
      )
      .get(),
  ) as Found;

// The shell's box: the one combobox with the "/" shortcut (pages have their own selects and search forms).
const searchBox = (page: Page) => page.locator("input[role=combobox][aria-keyshortcuts='/']");
const results = (page: Page) => page.locator("form[role=search]", { has: searchBox(page) }).getByRole("listbox");

/**
 * Presses "/" until the box takes the focus: the shortcut listens once the shell has hydrated, and a press that comes
 * before it (right after a navigation) goes nowhere, as it would for a person that fast.
 */
async function focusSearch(page: Page) {
  await expect(async () => {
    await page.keyboard.press("/");
    await expect(searchBox(page)).toBeFocused({ timeout: 500 });
  }).toPass({ timeout: 10_000 });
}

/** Every axe finding, whatever its impact (a second search landmark with the same name is only "moderate"). */
async function axeViolations(page: Page): Promise<string[]> {
  const scan = await new AxeBuilder({ page }).analyze();
  return scan.violations.map((v) => `${v.id}: ${v.nodes[0]?.target}`);
}

/** The English words of the search (its own catalog and the request words it shows), which ko and ja must not show. */
function englishWords(): string[] {
  const read = (file: string) => JSON.parse(fs.readFileSync(`lib/i18n/messages/en/${file}.json`, "utf8"));
  const search = read("search");
  const requests = read("requests");
  const strings = [
    ...Object.values(search.kinds),
    search.found,
    search.seeAll,
    search.noName,
    search.none,
    ...Object.values(requests.types),
    ...Object.values(requests.statuses),
  ] as string[];
  return strings.flatMap(literalPieces).filter((p) => /[A-Za-z]{3}/.test(p));
}

test("the officer presses / on any page, finds a request by part of its reference and a person by part of an email, and opens each", async ({
  browser,
}) => {
  const found = requestWithPerson();
  const officer = await pageAs(browser, "privacy_officer");

  // From the audit log: "/" focuses the search, part of the reference lists the request, arrows and Enter open it.
  await officer.goto("/admin/audit");
  await focusSearch(officer);
  await expect(searchBox(officer)).toBeFocused();
  await officer.keyboard.type(found.ref.slice(-8));
  const request = results(officer).getByRole("option", { name: new RegExp(found.ref) });
  await expect(request).toBeVisible();
  await expect(results(officer).getByRole("group", { name: "Requests" })).toBeVisible();
  for (let i = 0; i < 10 && (await request.getAttribute("aria-selected")) !== "true"; i++) await officer.keyboard.press("ArrowDown");
  await expect(searchBox(officer)).toHaveAttribute("aria-activedescendant", (await request.getAttribute("id"))!);
  await officer.keyboard.press("Enter");
  await expect(officer).toHaveURL(new RegExp(`/admin/requests/${found.id}$`));
  await expect(officer.getByRole("heading", { level: 1 })).toContainText(found.ref);
  await expect(searchBox(officer)).toHaveValue("");
  await expect(officer.locator("main#main")).toBeFocused();

  // From the request page: part of the person's email (the middle of the local part and the domain's start).
  const part = found.email.slice(2, found.email.indexOf("@") + 4);
  await focusSearch(officer);
  await officer.keyboard.type(part);
  const person = results(officer)
    .getByRole("group", { name: "People" })
    .getByRole("option", { name: new RegExp(found.name) });
  await expect(person).toBeVisible();
  await expect(
    results(officer)
      .getByRole("group", { name: "Requests" })
      .getByRole("option", { name: new RegExp(found.ref) }),
  ).toBeVisible();
  expect(await axeViolations(officer)).toEqual([]);
  // Enter with nothing chosen opens every result, each a link.
  await officer.keyboard.press("Enter");
  await expect(officer).toHaveURL(/\/admin\/search\?q=/);
  await expect(officer.getByRole("heading", { level: 1 })).toContainText(part);
  await officer.getByRole("region", { name: "People" }).getByRole("link", { name: found.name }).click();
  await expect(officer).toHaveURL(new RegExp(`/admin/subjects/${found.uid}$`));
  expect(await axeViolations(officer)).toEqual([]);

  // "/" typed into a field stays in the field.
  await officer.goto("/admin/subjects");
  const field = officer.locator("#subject-q");
  await field.click();
  await officer.keyboard.type("a/b");
  await expect(field).toHaveValue("a/b");
  await expect(searchBox(officer)).not.toBeFocused();

  // Escape closes the list; a query too short opens none.
  await searchBox(officer).fill(part);
  await expect(results(officer)).toBeVisible();
  await officer.keyboard.press("Escape");
  await expect(results(officer)).toBeHidden();
  await searchBox(officer).fill("x");
  await expect(results(officer)).toBeHidden();
  await officer.context().close();
});

test("marketing and executives find purposes but never a person: the server refuses people to them", async ({ browser }) => {
  const found = requestWithPerson();
  for (const role of ["marketing", "executive"] as const) {
    const staff = await pageAs(browser, role);
    const refused = await staff.request.get(`/api/admin/search?kind=people&q=${encodeURIComponent(found.email)}`);
    expect(refused.status()).toBe(403);
    expect(await refused.text()).not.toContain(found.email);
    expect((await staff.request.get(`/api/admin/search?kind=requests&q=${found.ref}`)).status()).toBe(403);
    const all = await staff.request.get(`/api/admin/search?q=${encodeURIComponent(found.email)}`);
    expect(all.status()).toBe(200);
    expect(Object.keys(await all.json()).sort()).toEqual(["purposes", "q"]);

    await focusSearch(staff);
    await expect(searchBox(staff)).toBeFocused();
    await staff.keyboard.type("marketing");
    await expect(results(staff).getByRole("group", { name: "Purposes" }).getByRole("option").first()).toBeVisible();
    await expect(results(staff).getByRole("group", { name: "People" })).toHaveCount(0);
    await staff.goto(`/admin/search?q=${encodeURIComponent(found.email)}`);
    await expect(staff.getByText("Only privacy officers can search people and their requests.")).toBeVisible();
    // The heading repeats what was typed; nothing found from it may appear.
    await expect(staff.getByRole("region", { name: "People" })).toHaveCount(0);
    await expect(staff.locator("main")).not.toContainText(found.name);
    await expect(staff.locator(`a[href*="${found.uid}"]`)).toHaveCount(0);
    await staff.context().close();
  }
});

for (const locale of ["ko", "ja"] as const)
  test(`the search speaks ${locale} with no English, at 390 px without sideways scrolling`, async ({ browser }) => {
    const found = requestWithPerson();
    const officer = await pageAs(browser, "privacy_officer");
    await officer.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: officer.url() }]);
    await officer.setViewportSize({ width: 390, height: 844 });
    await officer.goto("/admin/requests");
    await focusSearch(officer);
    await officer.keyboard.type(found.email.slice(0, found.email.indexOf("@") + 4));
    await expect(results(officer).getByRole("option", { name: new RegExp(found.name) })).toBeVisible();
    const popup = officer.locator("form[role=search]", { has: searchBox(officer) });
    const text = (await popup.innerText()) + (await searchBox(officer).getAttribute("placeholder"));
    for (const word of englishWords()) expect(text, word).not.toContain(word);
    expect(await officer.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(
      0,
    );
    expect(await axeViolations(officer)).toEqual([]);
    await officer.context().close();
  });

test("screenshots of the search in en, ko and ja at 1366 and 390 px", async ({ browser }) => {
  const found = requestWithPerson();
  const officer = await pageAs(browser, "privacy_officer");
  fs.mkdirSync("/tmp/search-shots", { recursive: true });
  for (const locale of ["en", "ko", "ja"])
    for (const width of [1366, 390]) {
      await officer.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: officer.url() }]);
      await officer.setViewportSize({ width, height: 900 });
      await officer.goto("/admin/requests");
      await focusSearch(officer);
      // Part of the reference: a request stays when specs running beside this one erase its person.
      const part = found.ref.replace(/^REQ-/, "");
      await officer.keyboard.type(part);
      await expect(results(officer).getByRole("option").first()).toBeVisible();
      await officer.keyboard.press("ArrowDown");
      await pageShot(officer, `/tmp/search-shots/search-${locale}-${width}.png`, false);
      await officer.goto(`/admin/search?q=${encodeURIComponent(part)}`);
      await pageShot(officer, `/tmp/search-shots/results-${locale}-${width}.png`);
    }
  await officer.context().close();
});
