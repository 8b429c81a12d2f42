// The officer's queue (issue 16, deliverable 2): a text filter by reference and by part of an email, the customer
// column, saved views that are the officer's own, built-in views with their counts, and the filters kept when
// coming back from a request. Threat: the customer column shows people's addresses, so only a role holding
// subject:read-pii gets it (the queue itself is the privacy officer's alone).
import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { readStore } from "../db/testing/read-store";
import { pageAs } from "./support/auth";
import { literalPieces } from "./support/english-strings";
import { e2eDatabasePath } from "./support/paths";
import { pageShot } from "./support/screens";

type Found = { id: number; ref: string; uid: string; email: string; type: string; status: string };

/** An open request whose person has an email: its reference and the person's identifiers. */
const openRequestWithEmail = (): Found =>
  readStore(e2eDatabasePath(), (db) =>
    db
      .prepare(
        `SELECT r.id, r.ref, r.type, r.status, s.uid, s.email FROM subject_requests r JOIN subjects s ON s.id = r.subject_id
         WHERE s.email IS NOT NULL AND r.status IN ('received', 'verifying', 'in_progress') ORDER BY r.id LIMIT 1`,
      )
      .get(),
  ) as Found;

const catalog = (locale: string) => JSON.parse(fs.readFileSync(`lib/i18n/messages/${locale}/requests.json`, "utf8"));
const en = catalog("en");
const queue = (page: Page) => page.getByRole("table", { name: en.tableCaption });
const textFilter = (page: Page) => page.getByLabel(en.textFilter);
const applyFilters = (page: Page) => page.getByRole("search", { name: en.filters }).getByRole("button", { name: en.apply });
const savedViews = (page: Page) => page.getByRole("navigation", { name: en.views.saved });

async function axeViolations(page: Page): Promise<string[]> {
  const scan = await new AxeBuilder({ page }).analyze();
  return scan.violations.map((v) => `${v.id}: ${v.nodes[0]?.target}`);
}

async function filterBy(page: Page, text: string) {
  await textFilter(page).fill(text);
  await applyFilters(page).click();
  await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(text).replace(/%20/g, "\\+")}(&|$)`));
}

test("the officer filters the queue by a reference and by part of an email, and sees each request's customer", async ({ browser }) => {
  const found = openRequestWithEmail();
  const officer = await pageAs(browser, "privacy_officer");
  await officer.goto("/admin/requests");

  // The reference typed whole, in small letters: just that request, with its person's email linking to their record.
  await filterBy(officer, found.ref.toLowerCase());
  const rows = queue(officer).locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByRole("link", { name: found.ref })).toBeVisible();
  const customer = rows.first().getByRole("link", { name: found.email });
  await expect(customer).toHaveAttribute("href", `/admin/subjects/${found.uid}`);
  await expect(queue(officer).getByRole("columnheader", { name: en.customer })).toBeVisible();

  // Part of the address, from its second character into the domain: the request is among those found.
  const part = found.email.slice(1, found.email.indexOf("@") + 4);
  await filterBy(officer, part);
  await expect(queue(officer).getByRole("link", { name: found.ref })).toBeVisible();
  for (const link of await queue(officer).locator('tbody a[href^="/admin/subjects/"]').all())
    expect((await link.textContent())!.toLowerCase()).toContain(part.toLowerCase());

  // Something nobody is: the queue says it found nothing rather than listing everything.
  await filterBy(officer, "zz-nobody-zz");
  await expect(queue(officer).locator("tbody tr a")).toHaveCount(0);
  expect(await axeViolations(officer)).toEqual([]);

  // The person's record lists their requests as links, with the type and status in words.
  await officer.goto(`/admin/subjects/${found.uid}`);
  const theirs = officer.getByRole("region", { name: "Requests" }).getByRole("row", { name: new RegExp(found.ref) });
  await expect(theirs.getByRole("link", { name: found.ref })).toHaveAttribute("href", `/admin/requests/${found.id}`);
  await expect(theirs).toContainText(en.types[found.type]);
  await expect(theirs).toContainText(en.statuses[found.status]);
});

test("a request taken down for someone unknown shows the contact given, muted, and is found by it", async ({ browser }) => {
  const officer = await pageAs(browser, "privacy_officer");
  const email = `walk-in-${Date.now()}@post.example`;
  await officer.goto("/admin/requests/new");
  await officer.getByLabel("Email address").fill(email);
  await officer.getByRole("button", { name: "Create request" }).click();
  await expect(officer).toHaveURL(/\/admin\/requests\/\d+$/);
  const ref = (await officer.getByRole("heading", { level: 1 }).textContent())!.match(/REQ-\d{4}-\d+/)![0];

  await officer.goto("/admin/requests");
  await filterBy(officer, email.slice(0, 14));
  const row = queue(officer).getByRole("row", { name: new RegExp(ref) });
  const contact = row.locator(".muted", { hasText: email });
  await expect(contact).toBeVisible();
  await expect(row.locator('a[href^="/admin/subjects/"]')).toHaveCount(0);
});

test("the officer saves the filters as a view, finds it after a reload, comes back to it from a request, and deletes it", async ({
  browser,
}) => {
  // A refused save, a saved one, a reload, two trips to a request and an axe scan of a long queue: more than a minute
  // when other servers share the machine's cores.
  test.setTimeout(120_000);
  const found = openRequestWithEmail();
  const officer = await pageAs(browser, "privacy_officer");
  const name = `Mine ${Date.now() % 100000}`;
  const nameField = officer.getByLabel(en.views.name);
  const save = officer.getByRole("button", { name: en.views.save });
  const storedNamed = (n: string) =>
    readStore(e2eDatabasePath(), (db) => db.prepare("SELECT query FROM saved_queue_views WHERE name = ?").all(n)) as { query: string }[];

  // A text filter may be a person's email or name, which a saved view must not keep (an erasure would leave it
  // behind): the save is refused with the reason, and nothing is stored.
  await officer.goto("/admin/requests");
  await filterBy(officer, found.email);
  await officer.getByText(en.views.saveTitle).click();
  await nameField.fill(name);
  await save.click();
  await expect(officer.getByText(en.views.errors["has-text"])).toBeVisible();
  await expect(officer.getByText(en.views.savedDone)).toHaveCount(0);
  expect(storedNamed(name)).toEqual([]);

  // Filters without a text: the request's own type among every status.
  const viewQuery = `status=all&type=${found.type}`;
  await officer.goto(`/admin/requests?${viewQuery}`);
  await officer.getByText(en.views.saveTitle).click();

  // An empty name, one too long and one already used each say what is wrong beside the field.
  await save.click();
  await expect(officer.getByText(en.views.errors.required)).toBeVisible();
  await expect(nameField).toHaveAttribute("aria-invalid", "true");
  await nameField.fill("x".repeat(41));
  await save.click();
  await expect(officer.getByText(en.views.errors["too-long"].replace("{max}", "40"))).toBeVisible();
  await nameField.fill(name);
  await save.click();
  await expect(officer.getByText(en.views.savedDone)).toBeVisible();
  const view = savedViews(officer).getByRole("link", { name });
  await expect(view).toHaveAttribute("aria-current", "page");
  await nameField.fill(name.toUpperCase());
  await save.click();
  await expect(officer.getByText(en.views.errors["name-taken"])).toBeVisible();
  expect(storedNamed(name)).toEqual([{ query: viewQuery }]);

  // After a reload and a trip to another view, the saved one brings its filters back and is marked as the one shown.
  await officer.reload();
  await officer.getByRole("link", { name: new RegExp(`^${en.views.allOpen}`) }).click();
  await expect(officer).toHaveURL(/\/admin\/requests$/);
  await expect(view).not.toHaveAttribute("aria-current");
  await view.click();
  await expect(officer).toHaveURL(new RegExp(`\\?${viewQuery}$`));
  await expect(view).toHaveAttribute("aria-current", "page");
  await expect(officer.getByRole("search", { name: en.filters }).getByLabel(en.type, { exact: true })).toHaveValue(found.type);
  expect(await axeViolations(officer)).toEqual([]);

  // Into a request and back by its link: the same filters; into it again and back with the browser: the same.
  // (The queue's canonical address, as a view's link gives it; the form's own submit also sends its blank fields.)
  // Every status: a spec running beside this one may have closed the request since it was picked. (Keys in the
  // canonical order, q first, as the way back gives them.)
  await officer.goto(`/admin/requests?q=${encodeURIComponent(found.ref)}&status=all`);
  const queueUrl = officer.url();
  await queue(officer).getByRole("link", { name: found.ref }).click();
  await expect(officer).toHaveURL(new RegExp(`/admin/requests/${found.id}\\?queue=`));
  await officer.getByRole("link", { name: "← Request queue" }).click();
  await expect(officer).toHaveURL(queueUrl);
  await expect(textFilter(officer)).toHaveValue(found.ref);
  await expect(queue(officer).getByRole("link", { name: found.ref })).toBeVisible();
  await queue(officer).getByRole("link", { name: found.ref }).click();
  await expect(officer).toHaveURL(new RegExp(`/admin/requests/${found.id}\\?`));
  await officer.goBack();
  await expect(officer).toHaveURL(queueUrl);
  await expect(textFilter(officer)).toHaveValue(found.ref);

  // Deleted, it is gone, after a reload too.
  await officer.getByRole("button", { name: en.views.delete.replace("{name}", name) }).click();
  await expect(officer.getByRole("link", { name })).toHaveCount(0);
  await officer.reload();
  await expect(officer.getByRole("link", { name })).toHaveCount(0);
});

test("the built-in views show their counts and mark the one shown", async ({ browser }) => {
  const officer = await pageAs(browser, "privacy_officer");
  await officer.goto("/admin/requests");
  const overdue = readStore(e2eDatabasePath(), (db) =>
    db
      .prepare("SELECT count(*) AS n FROM subject_requests WHERE status IN ('received', 'verifying', 'in_progress') AND due_at < ?")
      .get(Date.now()),
  ) as { n: number };
  const views = officer.getByRole("navigation", { name: en.views.label });
  await expect(views.getByRole("link", { name: en.views.allOpen })).toHaveAttribute("aria-current", "page");
  const link = views.getByRole("link", { name: new RegExp(`^${en.views.overdue}`) });
  await expect(link).toHaveText(`${en.views.overdue}${overdue.n}`);
  await link.click();
  await expect(officer).toHaveURL(/\?overdue=1$/);
  await expect(link).toHaveAttribute("aria-current", "page");
  await expect(officer.getByLabel(en.overdueOnly)).toBeChecked();
});

for (const locale of ["ko", "ja"] as const) {
  test(`the queue's filter, views and customer column read in ${locale}, with no English, and fit 390 px`, async ({ browser }) => {
    const words = catalog(locale);
    const officer = await pageAs(browser, "privacy_officer");
    await officer.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: officer.url() }]);
    await officer.setViewportSize({ width: 390, height: 844 });
    await officer.goto("/admin/requests");
    await expect(officer.getByLabel(words.textFilter)).toBeVisible();
    for (const key of ["allOpen", "assigned", "dueSoon", "overdue"])
      await expect(officer.getByRole("link", { name: new RegExp(`^${words.views[key]}`) })).toBeVisible();
    await expect(officer.getByText(words.customer, { exact: true }).first()).toBeAttached();
    const text = await officer.locator("main").innerText();
    const english = [
      en.textFilter,
      en.customer,
      en.noCustomer,
      ...Object.values(en.views).filter((v): v is string => typeof v === "string"),
    ]
      .flatMap(literalPieces)
      .filter((p) => /[A-Za-z]{3}/.test(p));
    for (const piece of english) expect(text, `"${piece}" on the ${locale} queue`).not.toContain(piece);
    expect(await officer.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(
      0,
    );
    expect(await axeViolations(officer)).toEqual([]);
  });
}

test("screenshots of the queue in en, ko and ja at 1366 and 390 px", async ({ browser }) => {
  const found = openRequestWithEmail();
  const officer = await pageAs(browser, "privacy_officer");
  for (const locale of ["en", "ko", "ja"])
    for (const width of [1366, 390]) {
      await officer.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: officer.url() }]);
      await officer.setViewportSize({ width, height: 900 });
      await officer.goto(`/admin/requests?q=${encodeURIComponent(found.email.slice(0, 3))}`);
      await officer.locator("details summary").first().click();
      await pageShot(officer, `/tmp/queue-shots/queue-${locale}-${width}.png`);
    }
});
