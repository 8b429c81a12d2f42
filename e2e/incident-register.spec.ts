// Threats: a breach that is never written down (GDPR Art. 33(5) asks for every one, notified or not), a register a
// marketer can open, an executive who reads who was affected, a step nobody can trace, and a drill that looks real.
// The privacy officer records an incident (refused field by field first), edits it, closes and reopens it, and
// finds every step on its timeline and in the audit log; a drill is marked as one in the list and on every section;
// marketing is refused every page of the register; the executive sees counts and clocks, no person and nothing to
// open; the pages read in en/ko/ja, fit 390 px and are axe-clean.
import { expect, test, type Page } from "@playwright/test";
import { pageAs } from "./support/auth";
import { checkPage, desk, englishOf, phone, shoot } from "./support/screens";

test.describe.configure({ mode: "serial" });

async function setLocale(page: Page, locale: string): Promise<void> {
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, domain: new URL(page.url()).hostname, path: "/" }]);
}

const form = (page: Page, name: string) => page.getByRole("form", { name });

/** Fills the register form with a valid incident; returns nothing, the caller submits. */
async function fillIncident(page: Page, title: string, { drill = false } = {}): Promise<void> {
  const f = form(page, "Record incident");
  await f.getByLabel("Title", { exact: true }).fill(title);
  await f.getByLabel("Certainty").selectOption("confirmed");
  await f.getByLabel("Cause", { exact: true }).selectOption("external_attack");
  await f.getByRole("group", { name: "Nature" }).getByLabel("Confidentiality (disclosed or accessed)").check();
  await f.getByLabel(/^Became aware at/).fill("2026-01-05T09:30");
  await f.getByRole("group", { name: "Data categories" }).getByLabel("Contact details").check();
  await f
    .getByRole("group", { name: "Facts the laws turn on" })
    .getByLabel(/^Account credentials/)
    .check();
  await f.getByRole("group", { name: "Purposes" }).getByRole("checkbox").first().check();
  await f.getByLabel("Assessed risk").selectOption("risk");
  await f.getByLabel("Why", { exact: true }).fill("Email addresses and hashed passwords of loyalty members were read.");
  if (drill) await f.getByLabel("This is a drill").check();
}

let incidentUrl = "";
let reference = "";

test("the officer is refused field by field, records the incident, edits, closes and reopens it; each step is on the timeline and in the audit log", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const page = await pageAs(browser, "privacy_officer");
  await page.getByRole("link", { name: "Incidents" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Incidents" })).toBeVisible();
  await page.getByRole("link", { name: "Record an incident" }).click();
  const f = form(page, "Record incident");

  // Nothing filled in, a cause of "Other" without a word, awareness in the future: each refused beside its field.
  await f.getByLabel("Cause", { exact: true }).selectOption("other");
  await f.getByLabel(/^Became aware at/).fill("2099-01-01T10:00");
  await f.getByLabel("The key was taken too, or is not safe").check();
  await f.getByRole("button", { name: "Record incident" }).click();
  await expect(f.getByText("Some fields need attention.")).toBeVisible();
  const errorOf = (label: string | RegExp) => f.getByLabel(label, { exact: typeof label === "string" ? true : undefined });
  await expect(errorOf("Title")).toHaveAccessibleDescription(/Fill this in\./);
  await expect(errorOf(/^Became aware at/)).toHaveAccessibleDescription(/This is in the future\./);
  await expect(errorOf("How it happened")).toHaveAccessibleDescription(/Say how it happened\./);
  await expect(f.getByRole("group", { name: "Nature" })).toHaveAccessibleDescription(/Choose at least one\./);
  await expect(errorOf("The key was taken too, or is not safe")).toHaveAccessibleDescription(/only when the data was encrypted/);
  await expect(page).toHaveURL(/\/admin\/incidents\/new$/);

  await f.getByLabel("The key was taken too, or is not safe").uncheck();
  const title = `Loyalty login attack ${Date.now()}`;
  await fillIncident(page, title);
  await f.getByRole("button", { name: "Record incident" }).click();
  await expect(page).toHaveURL(/\/admin\/incidents\/\d+$/);
  incidentUrl = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  reference = (await page.locator("dd .mono").first().textContent())!;
  expect(reference).toMatch(/^INC-\d{4}-\d{4}$/);
  const timeline = page.getByRole("region", { name: "Timeline" });
  await expect(timeline.getByText("Recorded", { exact: true })).toBeVisible();
  await expect(page.getByText("Risk to people: Email addresses and hashed passwords")).toBeVisible();
  // Every section of the incident is one link away.
  const sections = page.getByRole("navigation", { name: "Sections of the incident" });
  for (const name of ["Overview", "Affected people", "Clocks and duties", "Authority reports", "Notices to people"])
    await expect(sections.getByRole("link", { name })).toBeVisible();
  await expect(sections.getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");

  // Edit: the timeline names the fields that changed.
  await page.getByRole("link", { name: "Edit" }).click();
  const edit = form(page, "Save");
  await edit.getByLabel("Assessed risk").selectOption("high_risk");
  await edit.getByRole("textbox", { name: "Containment" }).fill("Passwords of the accounts reset; sign-in rate limited.");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(page).toHaveURL(new RegExp(`${incidentUrl}$`));
  await expect(timeline.getByText("Edited: containment, risk")).toBeVisible();

  // Close with a note, then reopen: both on the timeline.
  await page.getByLabel("Note (optional)").fill("Handled; report filed.");
  await page.getByRole("button", { name: "Close incident" }).click();
  await expect(timeline.getByText("Closed", { exact: true })).toBeVisible();
  await expect(timeline.getByText("Handled; report filed.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
  await page.getByRole("button", { name: "Reopen incident" }).click();
  await expect(timeline.getByText("Reopened", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit" })).toBeVisible();

  await page.goto(`/admin/audit?action=incident.&q=${reference}`);
  for (const action of ["incident.recorded", "incident.edited", "incident.closed", "incident.reopened"])
    await expect(page.locator("code", { hasText: action }).first(), action).toBeVisible();
  await page.context().close();
});

test("a drill is marked as one in the register, on its overview and on every section", async ({ browser }) => {
  test.setTimeout(90_000);
  const page = await pageAs(browser, "privacy_officer");
  await page.goto("/admin/incidents/new");
  const title = `Tabletop exercise ${Date.now()}`;
  await fillIncident(page, title, { drill: true });
  await form(page, "Record incident").getByRole("button", { name: "Record incident" }).click();
  await expect(page).toHaveURL(/\/admin\/incidents\/\d+$/);
  const base = new URL(page.url()).pathname;
  const banner = "This incident is a drill: every step runs, and nothing leaves for people or authorities.";
  await expect(page.getByText(banner)).toBeVisible();
  await page.getByRole("navigation", { name: "Sections of the incident" }).getByRole("link", { name: "Clocks and duties" }).click();
  await expect(page).toHaveURL(new RegExp(`${base}/duties$`));
  await expect(page.getByText(banner)).toBeVisible();

  await page.goto("/admin/incidents?view=drills");
  const row = page.getByRole("row").filter({ hasText: title });
  await expect(row.getByText("Drill", { exact: true })).toBeVisible();
  await page.goto("/admin/incidents?view=closed");
  await expect(page.getByRole("row").filter({ hasText: title })).toHaveCount(0);
  await page.context().close();
});

test("marketing is refused every page of the register and has no menu entry", async ({ browser }) => {
  const page = await pageAs(browser, "marketing");
  await expect(page.getByRole("link", { name: "Incidents" })).toHaveCount(0);
  for (const path of ["/admin/incidents", "/admin/incidents/new", incidentUrl, `${incidentUrl}/edit`, `${incidentUrl}/affected`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
  }
  await page.context().close();
});

test("the executive sees counts and clocks, no person and nothing to open", async ({ browser }) => {
  const page = await pageAs(browser, "executive");
  await page.getByRole("link", { name: "Incidents" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Incidents" })).toBeVisible();
  await expect(page.getByText(/\d+ open, \d+ closed, \d+ drills/)).toBeVisible();
  await expect(page.getByText("You see counts and clocks only")).toBeVisible();
  const main = page.locator("main");
  await expect(main.getByText(reference, { exact: true })).toBeVisible();
  // No incident opens, nothing is recorded from here, and no address of anyone shows.
  await expect(main.locator("a[href^='/admin/incidents/']")).toHaveCount(0);
  await expect(main.getByRole("link", { name: "Record an incident" })).toHaveCount(0);
  expect(await main.innerText()).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
  for (const path of [incidentUrl, `${incidentUrl}/affected`, `${incidentUrl}/edit`, "/admin/incidents/new"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
  }
  await page.context().close();
});

for (const locale of ["en", "ko", "ja"] as const)
  test(`the register's pages read in ${locale}, fit 390 px and are axe-clean`, async ({ browser }) => {
    test.setTimeout(180_000);
    const page = await pageAs(browser, "privacy_officer");
    await setLocale(page, locale);
    const english = locale === "en" ? [] : englishOf("incidents");
    for (const [path, shot] of [
      ["/admin/incidents", "list"],
      ["/admin/incidents/new", "new"],
      [incidentUrl, "overview"],
      [`${incidentUrl}/edit`, "edit"],
    ] as const) {
      for (const size of [desk, phone]) {
        await page.setViewportSize(size);
        await page.goto(path);
        await expect(page.locator("html")).toHaveAttribute("lang", locale);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        await checkPage(page, english);
        await shoot(page, `incident-${shot}-${locale}-${size.width}`);
      }
    }
    await page.context().close();
  });
