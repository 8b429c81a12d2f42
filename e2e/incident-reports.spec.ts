// Threat: an authority report that misses an item its law names, or one marked sent that nobody can trace later;
// and anyone but the privacy officer and the administrator reading an incident's reports (the brand's account of a
// breach and its counts of people). The officer sees each report's missing items with where to fill them, fills
// them, downloads the drafts as HTML and PDF (each law's items in their text), marks the GDPR report sent with
// its time and channel (on the page and in the audit log), and is refused marking California's notice sent while it
// lacks items; marketing and the executive are refused the page and the files; en/ko/ja at 1366 and 390 px, axe-clean.
import { expect, test, type Page } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";
import { openDatabase } from "../db/connection";
import { pageAs } from "./support/auth";
import { e2eDatabasePath } from "./support/paths";
import { checkPage, desk, englishOf, phone, shoot } from "./support/screens";
import { writeIncidentScene, type IncidentScene } from "./support/incident-scene";

test.describe.configure({ mode: "serial" });

let scene: IncidentScene;
test.beforeAll(() => {
  scene = writeIncidentScene(e2eDatabasePath());
});

const card = (page: Page, name: string) => page.getByRole("region", { name });
const gdpr = "Report to the supervisory authority (Art. 33)";
const pipa = "Report to the PIPC or KISA (Art. 34(3))";
const ca = "Sample notice to the Attorney General (§1798.82(f))";

async function setLocale(page: Page, locale: string): Promise<void> {
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, domain: new URL(page.url()).hostname, path: "/" }]);
}

test("the officer fills what the PIPA report lacks and its draft is whole; the downloads carry each law's items", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await pageAs(browser, "privacy_officer");
  await page.goto(`/admin/incidents/${scene.id}/reports`);
  await expect(page.getByRole("heading", { level: 2, name: "Reports to authorities" })).toBeVisible();
  const report = card(page, pipa);
  await expect(report.getByText("2 items missing")).toBeVisible();
  await expect(report.getByRole("listitem").filter({ hasText: "What people can do to limit harm" })).toContainText(
    "Fill in the report fields below",
  );

  const fields = page.getByRole("form", { name: "Report fields" });
  await fields.getByLabel("What people can do to limit harm").fill("Ask your card issuer for a new card");
  await fields.getByLabel("Remedy procedure").fill("Losses are refunded within 14 days");
  await fields.getByLabel("Department and contact that take reports of harm").fill("Privacy desk, +82 2 555 0100");
  await fields.getByRole("button", { name: "Save report fields" }).click();
  await expect(fields.getByText("Saved.")).toBeVisible();
  await expect(report.getByText("Every item is filled.")).toBeVisible();

  await card(page, gdpr).locator("summary", { hasText: "Show the draft" }).click();
  const draft = card(page, gdpr).getByRole("article");
  await expect(draft.getByRole("definition").filter({ hasText: /^12 people$/ })).toBeVisible();
  await expect(draft).toContainText("Card numbers usable for fraud");

  // The PIPA report in Korean, as the PIPC reads it: the PDF's text holds each item of Art. 34 with the facts.
  const pdf = await page.request.get(`/admin/incidents/${scene.id}/reports/pipa_authority/pdf?lang=ko`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect(pdf.headers()["content-disposition"]).toContain(`${scene.reference}-pipa_authority-ko.pdf`);
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(await pdf.body())), { mergePages: true });
  const flat = text.replace(/\s+/g, "");
  for (const [item, fact] of [
    ["유출등이된개인정보의항목", "결제정보"],
    ["정보주체수", "8명"],
    ["피해를최소화하기위해정보주체가할수있는방법", "Askyourcardissuerforanewcard"],
    ["피해구제절차", "Lossesarerefundedwithin14days"],
    ["피해신고를접수하는담당부서및연락처", "Privacydesk"],
  ]) {
    expect(flat, item).toContain(item);
    expect(flat.slice(flat.indexOf(item)), item).toContain(fact);
  }

  const html = await page.request.get(`/admin/incidents/${scene.id}/reports/gdpr_authority/html`);
  expect(html.headers()["content-type"]).toContain("text/html");
  const body = await html.text();
  for (const heading of ["(a) Nature of the breach", "(b) Contact point", "(c) Likely consequences", "(d) Measures taken or proposed"])
    expect(body).toContain(heading);
  expect(body).toContain("12 people");
  expect((await page.request.get(`/admin/incidents/${scene.id}/reports/gdpr_authority/html?lang=fr`)).status()).toBe(422);
  expect((await page.request.get(`/admin/incidents/${scene.id}/reports/gdpr_people/html`)).status()).toBe(404);
  await page.context().close();
});

test("the officer marks the GDPR report sent with its time and channel, audited; California's notice is refused while it lacks items", async ({
  browser,
}) => {
  const page = await pageAs(browser, "privacy_officer");
  await page.goto(`/admin/incidents/${scene.id}/reports`);
  const report = card(page, gdpr);
  await report.locator("summary", { hasText: "Mark as sent" }).click();
  const form = report.getByRole("form", { name: `Mark as sent: ${gdpr}` });
  await form.getByLabel("Channel").selectOption("email");
  await form.getByLabel("Receipt or case number (optional)").fill("DPC-2026-118");
  await form.getByRole("button", { name: "Mark as sent" }).click();
  await expect(form.getByText("Marked as sent.")).toBeVisible();
  await expect(report.getByRole("listitem").filter({ hasText: /^Report 1: .*, Email/ })).toContainText("DPC-2026-118");

  const refused = card(page, ca);
  await refused.locator("summary", { hasText: "Mark as sent" }).click();
  const caForm = refused.getByRole("form", { name: `Mark as sent: ${ca}` });
  await caForm.getByRole("button", { name: "Mark as sent" }).click();
  await expect(caForm.getByText(/This report must be complete before it is sent\. Missing: .*California residents notified/)).toBeVisible();
  await expect(refused.getByText("Not sent yet.")).toBeVisible();

  const db = openDatabase(e2eDatabasePath());
  try {
    const audit = db.$client
      .prepare("SELECT action, details FROM audit_log WHERE target_type = 'incident' AND target_id = ? ORDER BY id")
      .all(String(scene.id)) as { action: string; details: string }[];
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["incident.report-drafted", "incident.report-exported", "incident.report-sent"]),
    );
    const sent = JSON.parse(audit.find((a) => a.action === "incident.report-sent")!.details);
    expect(sent).toMatchObject({ duty: "gdpr_authority", sequence: 1, channel: "email", receipt: "DPC-2026-118" });
    expect(audit.filter((a) => a.action === "incident.report-sent")).toHaveLength(1);
  } finally {
    db.$client.close();
  }
  await page.context().close();
});

test("a drill's reports say DRILL on the page and in every file, and marking one sent only records the step", async ({ browser }) => {
  const drill = writeIncidentScene(e2eDatabasePath(), true);
  const page = await pageAs(browser, "privacy_officer");
  await page.goto(`/admin/incidents/${drill.id}/reports`);
  await expect(page.getByText("This incident is a drill. The drafts say so")).toBeVisible();
  const html = await (await page.request.get(`/admin/incidents/${drill.id}/reports/gdpr_authority/html`)).text();
  expect(html).toContain('<p class="drill">DRILL: nothing is filed with an authority</p>');
  expect(html).toContain(`<h1>DRILL: Personal data breach notification to the supervisory authority (${drill.reference})</h1>`);
  const report = card(page, gdpr);
  await report.locator("summary", { hasText: "Mark as sent" }).click();
  await report
    .getByRole("form", { name: `Mark as sent: ${gdpr}` })
    .getByRole("button", { name: "Mark as sent" })
    .click();
  await expect(report.getByRole("listitem").filter({ hasText: /^Report 1: / })).toBeVisible();
  const db = openDatabase(e2eDatabasePath());
  try {
    const sent = db.$client
      .prepare("SELECT details FROM audit_log WHERE action = 'incident.report-sent' AND target_id = ?")
      .pluck()
      .get(String(drill.id)) as string;
    expect(JSON.parse(sent)).toMatchObject({ drill: true, duty: "gdpr_authority" });
    // Nothing about it left through the outbox, for an authority or a person.
    const out = db.$client.prepare("SELECT count(*) FROM outbox WHERE body LIKE ? OR subject_line LIKE ?").pluck();
    expect(out.get(`%${drill.reference}%`, `%${drill.reference}%`)).toBe(0);
  } finally {
    db.$client.close();
  }
  await page.context().close();
});

test("marketing and the executive are refused the reports and their files", async ({ browser }) => {
  for (const role of ["marketing", "executive"] as const) {
    const page = await pageAs(browser, role);
    const response = await page.goto(`/admin/incidents/${scene.id}/reports`);
    expect(response?.status(), role).toBe(403);
    await expect(page.getByText(scene.title)).toHaveCount(0);
    for (const file of ["gdpr_authority/pdf", "pipa_authority/html"]) {
      const r = await page.request.get(`/admin/incidents/${scene.id}/reports/${file}`);
      expect(r.status(), `${role} ${file}`).toBe(403);
      expect(r.headers()["content-type"]).toContain("application/problem+json");
    }
    await page.context().close();
  }
});

test("the reports tab reads in en, ko and ja at 1366 and 390 px, axe-clean", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await pageAs(browser, "privacy_officer");
  const english = englishOf("incidentReports");
  for (const locale of ["en", "ko", "ja"] as const) {
    await setLocale(page, locale);
    for (const [size, viewport] of [
      ["desk", desk],
      ["phone", phone],
    ] as const) {
      await page.setViewportSize(viewport);
      await page.goto(`/admin/incidents/${scene.id}/reports`);
      await page.locator("details summary").first().click();
      await checkPage(page, locale === "en" ? [] : english);
      await shoot(page, `incident-reports-${locale}-${size}`);
    }
  }
  await page.context().close();
});
