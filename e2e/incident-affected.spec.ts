// Threats: a breach told to too few people (someone whose data was held is missed) or to the wrong ones; a pasted
// list whose unknown or mistyped entries vanish without a word; a marketer or an executive reading who was affected.
// The officer records an incident for a purpose, and its holders are counted per jurisdiction from the store (checked
// here against the ledger itself), narrowed to Korea as the criteria change, and stored; a pasted list adds two more
// and reports its duplicate, unreadable and unknown entries; a selection with no purpose or an inverted period is
// refused beside its field; marketing and the executive are refused the tab and the API; the tab reads in en/ko/ja,
// fits 390 px and is axe-clean.
import { expect, test, type Page } from "@playwright/test";
import { readStore } from "../db/testing/read-store";
import { pageAs } from "./support/auth";
import { e2eDatabasePath } from "./support/paths";
import { checkPage, desk, englishOf, phone, shoot } from "./support/screens";

test.describe.configure({ mode: "serial" });

const slow = { timeout: 30_000 };
const PURPOSE = "News, offers and new-season launches";
let incidentId = 0;

const store = <T>(sql: string, ...args: unknown[]) => readStore(e2eDatabasePath(), (db) => db.prepare(sql).all(...args)) as T[];

/** People with a grant of marketing messages at some time until now, per jurisdiction: worked out from the ledger alone. */
function holdersFromLedger(): Record<string, number> {
  const rows = store<{ j: string; n: number }>(
    `SELECT s.jurisdiction AS j, count(DISTINCT e.subject_id) AS n FROM consent_events e JOIN subjects s ON s.id = e.subject_id
     JOIN purposes p ON p.id = e.purpose_id WHERE p.key = 'marketing_messages' AND e.event = 'granted' AND e.occurred_at <= ? GROUP BY 1`,
    Date.now(),
  );
  return Object.fromEntries(rows.map((r) => [r.j, r.n]));
}

const runCount = (page: Page, j: string) => page.locator(`tr[data-jurisdiction="${j}"] td`);
const storedCount = (page: Page, j: string) => page.locator(`tr[data-affected-jurisdiction="${j}"] td .cell-value`).first();
const n = (v: number) => v.toLocaleString("en");

test("the officer counts a purpose's holders per jurisdiction, narrows to Korea as the criteria change, and stores them", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const page = await pageAs(browser, "privacy_officer");
  await page.goto("/admin/incidents/new");
  await page.getByLabel("Title").fill(`Newsletter list exposed ${Date.now()}`);
  await page.getByLabel("Cause").selectOption("misdelivery");
  await page
    .getByRole("group", { name: "Nature" })
    .getByLabel(/^Confidentiality/)
    .check();
  await page.getByLabel(/^Became aware at/).fill("2026-01-05T09:30");
  await page.getByRole("group", { name: "Data categories" }).getByLabel("Contact details").check();
  await page.getByRole("group", { name: "Purposes" }).getByLabel(PURPOSE).check();
  await page.getByLabel("Assessed risk").selectOption("risk");
  await page.getByLabel("Why", { exact: true }).fill("The mailing list was sent to another company by mistake.");
  await page.getByRole("button", { name: "Record incident" }).click();
  await expect(page).toHaveURL(/\/admin\/incidents\/\d+$/, slow);
  incidentId = Number(/(\d+)$/.exec(page.url())![1]);

  await page.getByRole("navigation", { name: "Sections of the incident" }).getByRole("link", { name: "Affected people" }).click();
  await expect(page.getByTestId("affected-total")).toHaveText("No one has been selected yet.");
  // The register's purpose and category are chosen already: the count runs as the page opens.
  await expect(page.getByRole("group", { name: "Purposes" }).getByLabel(PURPOSE)).toBeChecked();
  await expect(page.getByTestId("run-found")).toContainText(/people match/, slow);
  const expected = holdersFromLedger();
  expect(expected.KR).toBeGreaterThan(0);
  expect(expected.EU).toBeGreaterThan(0);
  for (const j of ["EU", "US-CA", "KR", "JP"]) await expect(runCount(page, j)).toHaveText(n(expected[j] ?? 0));

  // Where the people live narrows the count; the counts follow the change.
  await page.getByRole("group", { name: "Where the people live" }).getByLabel("Korea (PIPA)").check();
  await expect(runCount(page, "EU")).toHaveText("0", slow);
  await expect(runCount(page, "KR")).toHaveText(n(expected.KR));
  await expect(page.getByTestId("run-found")).toContainText(`${n(expected.KR)} people match`, slow);
  await page.getByRole("button", { name: `Use ${n(expected.KR)} people` }).click();
  await expect(page.getByText(`${n(expected.KR)} people are now affected.`)).toBeVisible(slow);
  await expect(storedCount(page, "KR")).toHaveText(n(expected.KR));
  await expect(storedCount(page, "EU")).toHaveText("0");
  await expect(page.getByRole("region", { name: "Selections applied" })).toContainText("From the store · replaced");

  // Each stored person carries what the notices need; the step is on the timeline and in the audit log, without people.
  const rows = store<{ j: string; l: string; n: number }>(
    "SELECT jurisdiction AS j, locale AS l, count(*) AS n FROM incident_affected WHERE incident_id = ? GROUP BY 1, 2",
    incidentId,
  );
  expect(rows.every((r) => r.j === "KR")).toBe(true);
  expect(rows.reduce((s, r) => s + r.n, 0)).toBe(expected.KR);
  const audit = store<{ details: string }>(
    "SELECT details FROM audit_log WHERE action = 'incident.affected-selected' AND target_id = ? ORDER BY id",
    String(incidentId),
  );
  expect(audit).toHaveLength(1);
  expect(audit[0].details).not.toMatch(/@/);
  await page.getByRole("navigation", { name: "Sections of the incident" }).getByRole("link", { name: "Overview" }).click();
  await expect(page.getByRole("region", { name: "Timeline" })).toContainText("Affected people selected");
  await page.context().close();
});

test("a pasted list adds the people it names and reports its duplicate, unreadable and unknown entries", async ({ browser }) => {
  const page = await pageAs(browser, "privacy_officer");
  await page.goto(`/admin/incidents/${incidentId}/affected`);
  const before = Number((await storedCount(page, "KR").innerText()).replace(/,/g, ""));
  const people = store<{ email: string }>(
    `SELECT email FROM subjects WHERE jurisdiction = 'EU' AND email IS NOT NULL ORDER BY id LIMIT 2`,
  ).map((r) => r.email);
  await page.getByRole("radio", { name: "A list of emails or customer ids" }).check();
  await page
    .getByLabel("Emails or customer ids", { exact: true })
    .fill([people[0], people[1].toUpperCase(), people[0], "nobody-here@example.invalid", "broken@"].join("\n"));
  await page.getByRole("button", { name: "Check the list" }).click();
  await expect(page.getByTestId("list-report")).toContainText("5 entries read; 1 duplicate, 1 unreadable, 1 not found.", slow);
  await page.getByText("1 entry matched no one in the store").click();
  await expect(page.getByTestId("list-report").getByText("nobody-here@example.invalid")).toBeVisible();
  await page.getByText("1 entry could not be read").click();
  await expect(page.getByText("Line 5: broken@")).toBeVisible();
  await page.getByLabel(/^Add them to the/).check();
  await page.getByRole("button", { name: "Use 2 people" }).click();
  await expect(page.getByText(`${n(before + 2)} people are now affected.`)).toBeVisible(slow);
  await expect(storedCount(page, "EU")).toHaveText("2");
  await expect(page.getByRole("region", { name: "Selections applied" })).toContainText("From a list · added");
  await page.context().close();
});

test("a selection with no purpose or category, or a period that ends before it starts, is refused beside its field", async ({
  browser,
}) => {
  const page = await pageAs(browser, "privacy_officer");
  await page.goto(`/admin/incidents/${incidentId}/affected`);
  await page.getByRole("group", { name: "Purposes" }).getByLabel(PURPOSE).uncheck();
  await page.getByRole("group", { name: "Data categories" }).getByLabel("Contact details").uncheck();
  await expect(page.getByRole("group", { name: "Purposes" })).toHaveAccessibleDescription(
    "Choose at least one purpose or data category.",
    slow,
  );
  await page.getByRole("group", { name: "Data categories" }).getByLabel("Contact details").check();
  await page.getByLabel("Data held from").fill("2026-03-01T00:00");
  await page.getByLabel("Data held until").fill("2026-02-01T00:00");
  await expect(page.getByLabel("Data held until")).toHaveAccessibleDescription(/The end is before the start\./, slow);
  await page.context().close();
});

for (const role of ["marketing", "executive"] as const)
  test(`${role} is refused the affected people, the page and the API alike`, async ({ browser }) => {
    const page = await pageAs(browser, role);
    expect((await page.goto(`/admin/incidents/${incidentId}/affected`))?.status()).toBe(403);
    const start = await page.request.post(`/api/admin/incidents/${incidentId}/affected/runs`, {
      data: { source: "criteria", criteria: { categories: ["contact"] } },
    });
    expect(start.status()).toBe(403);
    expect(start.headers()["content-type"]).toContain("application/problem+json");
    expect((await page.request.get(`/api/admin/incidents/${incidentId}/affected/runs/${crypto.randomUUID()}`)).status()).toBe(403);
    await page.context().close();
  });

test("the API refuses bad input with a problem naming the field, and an unknown incident with 404", async ({ browser }) => {
  const page = await pageAs(browser, "privacy_officer");
  const post = (id: number, data: unknown) => page.request.post(`/api/admin/incidents/${id}/affected/runs`, { data });
  const bad = await post(incidentId, { source: "criteria", criteria: { categories: ["shoe_size"], from: "yesterday" } });
  expect(bad.status()).toBe(422);
  const fields = ((await bad.json()) as { errors: { field: string }[] }).errors.map((e) => e.field).sort();
  expect(fields).toEqual(["categories[0]", "from"]);
  const empty = await post(incidentId, { source: "list", text: " \n ,, \n" });
  expect(empty.status()).toBe(422);
  expect(((await empty.json()) as { errors: { code: string }[] }).errors[0].code).toBe("empty");
  expect((await post(999_999, { source: "list", text: "a@example.com" })).status()).toBe(404);
  expect((await page.request.get(`/api/admin/incidents/${incidentId}/affected/runs/not-a-run`)).status()).toBe(404);
  await page.context().close();
});

for (const locale of ["en", "ko", "ja"] as const)
  test(`the affected people tab in ${locale} at 1366 and 390 px, axe-clean`, async ({ browser }) => {
    const page = await pageAs(browser, "privacy_officer");
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, domain: "127.0.0.1", path: "/" }]);
    for (const [size, viewport] of [
      ["desk", desk],
      ["phone", phone],
    ] as const) {
      await page.setViewportSize(viewport);
      await page.goto(`/admin/incidents/${incidentId}/affected`);
      await expect(page.getByTestId("run-found")).toBeVisible(slow);
      await expect(page.locator("progress")).toHaveAttribute("value", "100", slow);
      await checkPage(page, locale === "en" ? [] : englishOf("incidentAffected"));
      await shoot(page, `incident-affected-${locale}-${size}`);
    }
    await page.context().close();
  });
