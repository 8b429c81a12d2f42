// Journey: a purpose goes live only with its notices. Threat covered: a
// purpose put in force for Korean customers before they can read, in Korean,
// what it does with their data (PIPA Art. 15(2) and 22; APPI Art. 21(2) and
// GDPR Art. 13 alike). The refusal names the missing language in the
// reader's own language, and publishing that notice lets the approval through.
import { expect, test } from "@playwright/test";
import { localeCookie } from "../lib/i18n/config";
import { pageAs } from "./support/auth";
import { notices, publishNotice, writeNotice } from "./support/notices";

const key = `e2e_gate_kr_${Date.now()}`;

test("approving a Korean purpose waits for its Korean notice, and names Korean until it is published", async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const marketing = await pageAs(browser, "marketing");
  const officer = await pageAs(browser, "privacy_officer");

  // Marketing drafts a purpose for Korea only, and submits it.
  await marketing.goto("/admin/purposes/new");
  const form = marketing.getByRole("form", { name: "Create draft" });
  const fill = async () => {
    await form.getByLabel("Name").fill("Trail tips for Korea");
    await form.getByLabel("Key").fill(key);
    await form.getByLabel("What you do with the data").fill("Emailing trail tips to customers in Korea who ask for them.");
    await form.getByLabel("What the customer gets in return").fill("Route ideas and gear advice twice a month.");
    await form.getByRole("checkbox", { name: "Contact details" }).check();
    await form.getByLabel("Kept for (days)").fill("400");
    await form.getByRole("checkbox", { name: "Email" }).check();
  };
  // Without a jurisdiction the form says what is missing (and, as every form here, clears itself).
  await fill();
  await form.getByRole("button", { name: "Create draft" }).click();
  await expect(form.getByRole("group", { name: "Where it applies" })).toContainText("Choose at least one.");
  await fill();
  await form.getByRole("checkbox", { name: "Korea (PIPA)" }).check();
  await form.getByRole("button", { name: "Create draft" }).click();
  await expect(marketing).toHaveURL(/\/admin\/purposes\/\d+$/);
  const purposeUrl = new URL(marketing.url()).pathname;
  await marketing.getByRole("button", { name: "Submit for review" }).click();
  await expect(marketing.locator(".page-header .badge").first()).toHaveText("In review");

  // Before pressing approve, the officer sees which notice is still missing.
  await officer.goto(purposeUrl);
  await expect(officer.getByTestId("notices-required")).toHaveText(/publish its notice in Korean/);
  await expect(officer.getByRole("row", { name: /한국어/ }).getByText("Required")).toBeVisible();

  // Approving is refused, naming Korean; the purpose stays in review.
  await officer.getByRole("button", { name: "Approve" }).click();
  await expect(officer.getByText("Publish the notice in Korean before approving")).toBeVisible();
  await expect(officer.locator(".page-header .badge").first()).toHaveText("In review");

  // A Korean-reading officer is told the same in Korean.
  await officer.context().addCookies([{ name: localeCookie, value: "ko", url: baseURL! }]);
  await officer.goto(purposeUrl);
  await officer.getByRole("button", { name: "승인", exact: true }).click();
  await expect(officer.getByText("승인하기 전에 한국어 고지문을 게시하세요.")).toBeVisible();
  await officer.context().addCookies([{ name: localeCookie, value: "en", url: baseURL! }]);

  // A notice in review is not yet enough: marketing writes and submits the Korean notice.
  await writeNotice(marketing, purposeUrl, "ko");
  await officer.goto(purposeUrl);
  await officer.getByRole("button", { name: "Approve" }).click();
  await expect(officer.getByText("Publish the notice in Korean before approving")).toBeVisible();

  // The officer publishes the Korean notice (marketing wrote it, so four eyes hold), then approves.
  await publishNotice(officer, purposeUrl, "ko");
  await officer.goto(purposeUrl);
  await expect(officer.getByTestId("notices-required")).toHaveText(/Published in every language .*: Korean\./);
  await officer.getByRole("button", { name: "Approve" }).click();
  await expect(officer.locator(".page-header .badge").first()).toHaveText("Active");

  // The public notice is live, in Korean.
  const reader = await browser.newPage();
  await reader.context().addCookies([{ name: localeCookie, value: "ko", url: baseURL! }]);
  const response = await reader.goto(`/notices/${key}`);
  expect(response?.status()).toBe(200);
  await expect(reader.getByRole("heading", { level: 1, name: notices.ko.title })).toBeVisible();
});

test("an administrator adds a language a jurisdiction requires; nobody else may", async ({ browser }) => {
  const admin = await pageAs(browser, "admin");
  await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Brand settings" }).click();
  const uk = admin.getByRole("group", { name: "United Kingdom (UK GDPR)" });
  // The usual language of a place is always required; no demo purpose applies in the UK, so this changes no approval.
  await expect(uk.getByRole("checkbox", { name: /English/ })).toBeChecked();
  await expect(uk.getByRole("checkbox", { name: /English/ })).toBeDisabled();
  await uk.getByRole("checkbox", { name: "Japanese" }).check();
  await admin.getByRole("button", { name: "Save notice languages" }).click();
  await expect(admin.getByText("Saved. Approving a purpose now asks for these languages.")).toBeVisible();
  await admin.reload();
  await expect(admin.getByRole("group", { name: "United Kingdom (UK GDPR)" }).getByRole("checkbox", { name: "Japanese" })).toBeChecked();
  await admin.goto("/admin/audit?action=settings.notice-languages");
  await expect(admin.getByRole("row").filter({ hasText: "admin@northtrail.example" }).first()).toBeVisible();

  // Put it back, so the brand's setting is as the demo data left it.
  await admin.goto("/admin/settings");
  await admin.getByRole("group", { name: "United Kingdom (UK GDPR)" }).getByRole("checkbox", { name: "Japanese" }).uncheck();
  await admin.getByRole("button", { name: "Save notice languages" }).click();
  await expect(admin.getByText("Saved. Approving a purpose now asks for these languages.")).toBeVisible();

  const officer = await pageAs(browser, "privacy_officer");
  await officer.goto("/admin/settings");
  await expect(officer.getByRole("heading", { level: 1 })).toHaveText("Not available to your role");
});
