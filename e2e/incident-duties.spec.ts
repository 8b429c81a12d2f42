// Threats: an officer misses a breach clock because the page shows it in the wrong zone, hides which duty applies
// and why, or says nothing of what the register still lacks; an executive sees a person (or a typed title that may
// name one) where only counts and clocks belong; marketing opens an incident at all. The duties tab shows each law's
// duties with its due time in the brand's zone, privacy operations lists open incidents nearest clock first, the trust
// dashboard weighs breach duties met on time in its formula; en/ko/ja at 1366 and 390 px, axe-clean.
import { expect, test, type Page } from "@playwright/test";
import { openDatabase } from "../db/connection";
import { readStore } from "../db/testing/read-store";
import { incidents, staffUsers, subjects } from "../db/schema";
import { incidentAffected, incidentSelections } from "../db/schema/incident-affected";
import { BRAND_TIME_ZONE } from "../scripts/demo-data/brand";
import { eq, inArray } from "drizzle-orm";
import { pageAs, staffEmail } from "./support/auth";
import { e2eDatabasePath } from "./support/paths";
import { checkPage, desk, englishOf, phone, shoot } from "./support/screens";

test.describe.configure({ mode: "serial" });

const HOUR = 3_600_000;
const now = Date.now();
// The fixture's own incidents, numbered high in this year so the register's own numbering never meets them.
const year = new Date(now).getUTCFullYear();
const tag = 9000 + Math.floor(Math.random() * 900);
const attackRef = `INC-${year}-${tag}`;
const drillRef = `INC-${year}-${tag + 50}`;
const awareAt = new Date(now - 10 * HOUR);
const drillAwareAt = new Date(now - 100 * HOUR);
let attackId = 0;
let drillId = 0;

/** How the app names an instant in English: the brand's zone, medium date and short time. */
const shown = (d: Date) => new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: BRAND_TIME_ZONE }).format(d);

test.beforeAll(() => {
  const db = openDatabase(e2eDatabasePath());
  try {
    const officer = db.select().from(staffUsers).where(eq(staffUsers.email, staffEmail.privacy_officer)).get()!;
    const add = (reference: string, over: Partial<typeof incidents.$inferInsert>) =>
      db
        .insert(incidents)
        .values({
          reference,
          title: `Card skimmer on checkout ${reference}`,
          certainty: "confirmed",
          awareAt,
          occurredFrom: new Date(awareAt.getTime() - 48 * HOUR),
          natures: ["confidentiality"],
          cause: "external_attack",
          dataCategories: ["contact"],
          dataFacts: [],
          containment: null,
          remedial: null,
          risk: "high_risk",
          riskReason: "Names and emails taken with order history",
          createdById: officer.id,
          updatedAt: new Date(now),
          ...over,
        })
        .returning()
        .get();
    attackId = add(attackRef, {}).id;
    drillId = add(drillRef, { drill: true, awareAt: drillAwareAt, title: `Drill: lost laptop ${drillRef}`, cause: "loss_or_theft" }).id;
    // Affected people: three in Korea and two in the EU for the attack, one in the EU for the drill.
    const affect = (incidentId: number, jurisdiction: string, count: number) => {
      const selection = db
        .insert(incidentSelections)
        .values({
          incidentId,
          source: "criteria",
          mode: "add",
          counts: { [jurisdiction]: count },
          found: count,
          affectedAfter: count,
          durationMs: 1,
          createdById: officer.id,
        } as typeof incidentSelections.$inferInsert)
        .returning()
        .get();
      const people = db.select().from(subjects).where(eq(subjects.jurisdiction, jurisdiction)).limit(count).all();
      for (const p of people)
        db.insert(incidentAffected)
          .values({
            incidentId,
            subjectId: p.id,
            selectionId: selection.id,
            jurisdiction,
            locale: p.locale,
            hasEmail: true,
            hasPhone: false,
          })
          .run();
    };
    affect(attackId, "KR", 3);
    affect(attackId, "EU", 2);
    affect(drillId, "EU", 1);
  } finally {
    db.$client.close();
  }
});

test.afterAll(() => {
  const db = openDatabase(e2eDatabasePath());
  try {
    // The brand's APPI target back to its default, whatever the run left it at.
    db.$client.prepare("UPDATE brand_settings SET appi_breach_preliminary_days = 3 WHERE id = 1").run();
    // The fixture's incidents closed, so other specs' views of open incidents are not crowded by them.
    db.update(incidents)
      .set({ status: "closed", closedAt: new Date() })
      .where(inArray(incidents.id, [attackId, drillId]))
      .run();
  } finally {
    db.$client.close();
  }
});

const duty = (page: Page, kind: string) => page.getByTestId(`duty-${kind}`);

test("the officer sees each law's duties: whether it applies and why, its due time in the brand's zone, what is missing", async ({
  browser,
}) => {
  const page = await pageAs(browser, "privacy_officer");
  await page.goto(`/admin/incidents/${attackId}/duties`);
  await expect(page.getByRole("heading", { level: 2, name: "Clocks and duties" })).toBeVisible();

  // GDPR Art. 33: 72 elapsed hours from awareness, named in the brand's zone.
  const gdpr = duty(page, "gdpr_authority");
  await expect(gdpr.getByText("Open", { exact: true })).toBeVisible();
  await expect(gdpr.getByTestId("due")).toContainText(`Due ${shown(new Date(awareAt.getTime() + 72 * HOUR))}`);
  await expect(gdpr.getByTestId("due")).toContainText(/2 d 1[34] h \d+ min left/);
  await expect(gdpr).toContainText("The risk to people is high.");
  await expect(gdpr).toContainText("The brand's containment and remedial measures");
  await expect(duty(page, "gdpr_people")).toContainText("Without undue delay; Candor's target:");
  await expect(duty(page, "gdpr_people")).toContainText("2 people affected here");

  // PIPA: every leak told within 72 hours; the report because access came from outside, though fewer than 1,000.
  await expect(duty(page, "pipa_people")).toContainText("Every leak is told to the people, whatever its size.");
  const pipa = duty(page, "pipa_authority");
  await expect(pipa).toContainText("Fewer than 1,000 people are affected.");
  await expect(pipa).toContainText("It came from unauthorised access from outside.");
  await expect(pipa.getByText("Open", { exact: true })).toBeVisible();

  // No one in Japan or California: those duties do not apply, and say why.
  for (const kind of ["appi_preliminary", "appi_final", "appi_people", "ca_people", "ca_attorney_general"]) {
    await expect(duty(page, kind).getByText("Does not apply", { exact: true })).toBeVisible();
    await expect(duty(page, kind)).toContainText("No affected person lives where this law applies.");
  }
  await expect(page.getByTestId("duties-summary")).toHaveText("4 duties apply; none overdue.");
  await expect(page.getByTestId("nearest-clock")).toContainText("Nearest clock: Report to the supervisory authority (Art. 33)");
  await expect(duty(page, "pipa_authority").getByRole("link", { name: "Reports" })).toHaveAttribute(
    "href",
    `/admin/incidents/${attackId}/reports`,
  );
  await page.setViewportSize(desk);
  await checkPage(page);
  await shoot(page, "incident-duties-en-1366");
  await page.setViewportSize(phone);
  await checkPage(page);
  await shoot(page, "incident-duties-en-390");

  // A drill: the banner says nothing leaves; its clocks ran out and show as overdue.
  await page.goto(`/admin/incidents/${drillId}/duties`);
  await expect(page.getByText("Drill: every clock runs as it would, and nothing leaves for people or authorities.")).toBeVisible();
  await expect(duty(page, "gdpr_authority").getByText("Overdue", { exact: true })).toBeVisible();
  await expect(duty(page, "gdpr_authority")).toContainText("The reasons for the delay (report after 72 hours)");
  await expect(duty(page, "gdpr_authority").getByTestId("due")).toContainText(/\d+ d \d+ h \d+ min overdue/);
});

test("the officer sets the brand's APPI preliminary target: a wrong value is refused beside the field, a right one saved and audited", async ({
  browser,
}) => {
  const page = await pageAs(browser, "privacy_officer");
  await page.goto(`/admin/incidents/${attackId}/duties`);
  const form = page.getByRole("form", { name: "APPI: preliminary report target" });
  const field = form.getByLabel("Days after the day of awareness");
  await expect(field).toHaveValue("3");
  await field.fill("30");
  await form.getByRole("button", { name: "Save target" }).click();
  await expect(form.getByText("Enter a whole number from 0 to 29.")).toBeVisible();
  await field.fill("5");
  await form.getByRole("button", { name: "Save target" }).click();
  await expect(form.getByText("Target saved; the clocks follow it.")).toBeVisible();
  const audit = readStore(
    e2eDatabasePath(),
    (db) =>
      db.prepare("SELECT details FROM audit_log WHERE action = 'settings.appi-breach-target' ORDER BY id DESC LIMIT 1").get() as {
        details: string;
      },
  );
  expect(JSON.parse(audit.details)).toEqual({ before: 3, after: 5 });
  await page.reload();
  await expect(
    page.getByRole("form", { name: "APPI: preliminary report target" }).getByLabel("Days after the day of awareness"),
  ).toHaveValue("5");
  await page.getByRole("form", { name: "APPI: preliminary report target" }).getByLabel("Days after the day of awareness").fill("3");
  await page.getByRole("form", { name: "APPI: preliminary report target" }).getByRole("button", { name: "Save target" }).click();
  await expect(page.getByText("Target saved; the clocks follow it.")).toBeVisible();
});

test("privacy operations lists open incidents nearest clock first, each leading to its duties", async ({ browser }) => {
  const page = await pageAs(browser, "privacy_officer");
  await page.goto("/admin/privacy-ops");
  const section = page.getByTestId("open-incidents");
  await expect(section.getByRole("heading", { name: "Open incidents" })).toBeVisible();
  const rows = section.locator("tbody tr");
  const refs = await rows.locator("a").allTextContents();
  // The drill's clocks ran out first, so it comes before the attack.
  expect(refs.indexOf(drillRef)).toBeGreaterThanOrEqual(0);
  expect(refs.indexOf(drillRef)).toBeLessThan(refs.indexOf(attackRef));
  const attack = rows.filter({ hasText: attackRef });
  await expect(attack).toContainText("Report to the supervisory authority (Art. 33)");
  await expect(attack).toContainText(shown(new Date(awareAt.getTime() + 72 * HOUR)));
  await expect(rows.filter({ hasText: drillRef })).toContainText("Drill");
  await attack.getByRole("link", { name: attackRef }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/incidents/${attackId}/duties$`));
  for (const [size, label] of [
    [desk, "1366"],
    [phone, "390"],
  ] as const) {
    await page.goto("/admin/privacy-ops");
    await page.setViewportSize(size);
    await page.waitForLoadState("networkidle");
    await checkPage(page);
    await shoot(page, `privacy-ops-incidents-en-${label}`);
  }
});

test("the executive sees counts and clocks on the trust dashboard, never a title or a person, and cannot open an incident", async ({
  browser,
}) => {
  const page = await pageAs(browser, "executive");
  const section = page.getByTestId("trust-incidents");
  await expect(section.getByRole("heading", { name: "Incidents" })).toBeVisible();
  const row = section.locator("tbody tr").filter({ hasText: attackRef });
  await expect(row).toContainText("Report to the supervisory authority (Art. 33)");
  await expect(row).toContainText("5");
  await expect(section).not.toContainText("Card skimmer on checkout");
  await expect(section.getByRole("link", { name: attackRef })).toHaveCount(0);
  // The score weighs breach duties met on time, and the formula says so with its weight.
  await expect(page.locator(".indicator").filter({ hasText: "Breach duties met on time" })).toHaveCount(1);
  await expect(page.getByText("breach duties met on time ×10")).toBeVisible();
  await page.setViewportSize(phone);
  await page.waitForLoadState("networkidle");
  await checkPage(page);
  await shoot(page, "trust-incidents-en-390");
  const refused = await page.goto(`/admin/incidents/${attackId}/duties`);
  expect(refused?.status()).toBe(403);
});

test("marketing cannot open an incident's duties", async ({ browser }) => {
  const page = await pageAs(browser, "marketing");
  const refused = await page.goto(`/admin/incidents/${attackId}/duties`);
  expect(refused?.status()).toBe(403);
  await expect(page.getByText("Card skimmer on checkout")).toHaveCount(0);
});

for (const locale of ["ko", "ja"] as const)
  test(`the duties tab, privacy operations and the trust dashboard in ${locale}: no English, at 1366 and 390 px, axe-clean`, async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const english = englishOf("incidentDuties");
    for (const role of ["privacy_officer", "executive"] as const) {
      const page = await pageAs(browser, role);
      await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, domain: new URL(page.url()).hostname, path: "/" }]);
      const paths = role === "executive" ? ["/admin/trust"] : [`/admin/incidents/${attackId}/duties`, "/admin/privacy-ops"];
      for (const path of paths)
        for (const [size, label] of [
          [desk, "1366"],
          [phone, "390"],
        ] as const) {
          await page.setViewportSize(size);
          await page.goto(path);
          await page.waitForLoadState("networkidle");
          await expect(page.locator("html")).toHaveAttribute("lang", locale);
          await checkPage(page, english);
          await shoot(page, `${path.split("/").filter(Boolean).slice(-1)[0]}-${role}-${locale}-${label}`);
        }
    }
  });
