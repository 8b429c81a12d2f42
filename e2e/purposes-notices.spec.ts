// Journey: marketing drafts a purpose with notices in three languages; a
// privacy officer reviews, sees the diff and publishes. Threats covered:
// marketing publishing on its own, and a published version being edited.
import { expect, test } from "@playwright/test";
import { captureAction, replayAction } from "./support/actions";
import { pageAs } from "./support/auth";
import { notices, writeNotice } from "./support/notices";

const key = `e2e_trail_tips_${Date.now()}`;

test("a purpose and its notices go from marketing's draft to publication by a privacy officer", async ({ browser }) => {
  test.setTimeout(180_000);
  const marketing = await pageAs(browser, "marketing");
  const officer = await pageAs(browser, "privacy_officer");

  // Marketing drafts the purpose.
  await marketing.goto("/admin/purposes");
  await marketing.getByRole("link", { name: "New purpose" }).click();
  const form = marketing.getByRole("form", { name: "Create draft" });
  await form.getByLabel("Name").fill("Trail tips by email");
  await form.getByLabel("Key").fill(key);
  await form.getByLabel("What you do with the data").fill("Emailing trail tips to customers who ask for them.");
  await form.getByLabel("What the customer gets in return").fill("Route ideas and gear advice twice a month.");
  await form.getByRole("checkbox", { name: "Contact details" }).check();
  await form.getByRole("checkbox", { name: "Preferences" }).check();
  await form.getByLabel("Kept for (days)").fill("400");
  await form.getByRole("checkbox", { name: "Email" }).check();
  for (const place of ["EU and EEA (GDPR)", "Korea (PIPA)", "Japan (APPI)"]) await form.getByRole("checkbox", { name: place }).check();
  // Recipients come from the registry: the seeded one for the email platform.
  await form.getByRole("checkbox", { name: "MailHarbor Inc. (Processor, US)" }).check();
  await form.getByRole("button", { name: "Create draft" }).click();
  await expect(marketing).toHaveURL(/\/admin\/purposes\/\d+$/);
  const purposeUrl = new URL(marketing.url()).pathname;
  await expect(marketing.getByRole("heading", { level: 1, name: "Trail tips by email" })).toBeVisible();
  await expect(marketing.getByText("MailHarbor Inc.")).toBeVisible();
  await expect(marketing.getByText("Korea (PIPA)")).toBeVisible();

  // The editor checks the notice live, as the author types.
  await marketing.goto(`${purposeUrl}/notices/en`);
  const missing = marketing.getByTestId("missing-summary");
  await expect(missing).toHaveText("7 elements missing");
  await marketing.getByRole("textbox", { name: "What we collect", exact: true }).fill(notices.en.what);
  await expect(missing).toHaveText("6 elements missing");
  const readability = marketing.getByTestId("readability");
  await marketing.getByRole("textbox", { name: "Full text", exact: true }).fill("The cat sat on the mat.");
  // Six words are too few for a Flesch score: the check gives words per sentence and says why there is no score.
  await expect(readability).toContainText("6 words per sentence on average, longest 6. A Flesch score needs at least 100 words");
  await marketing
    .getByRole("textbox", { name: "Full text", exact: true })
    .fill(
      "We may share certain information with various partners, which may, in some circumstances, be located in other jurisdictions under applicable law.",
    );
  await expect(readability).toContainText("21 words per sentence on average, longest 21.");
  await expect(marketing.getByTestId("vague-words")).toContainText("may");
  await expect(marketing.getByTestId("vague-words")).toContainText("certain");

  for (const locale of ["en", "ko", "ja"] as const) await writeNotice(marketing, purposeUrl, locale);
  await marketing.goto(purposeUrl);
  await marketing.getByRole("button", { name: "Submit for review" }).click();
  await expect(marketing.locator(".page-header .badge").first()).toHaveText("In review");

  // The privacy officer publishes each notice the purpose's places require, then approves the purpose.
  for (const locale of ["en", "ko", "ja"] as const) {
    await officer.goto(`${purposeUrl}/notices/${locale}`);
    await expect(officer.getByText("This is the first version in this language")).toBeVisible();
    await officer.getByRole("button", { name: "Publish" }).click();
    await expect(officer.getByText(/published v1,/)).toBeVisible();
  }
  await officer.goto(purposeUrl);
  await officer.getByRole("button", { name: "Approve" }).click();
  await expect(officer.locator(".page-header .badge").first()).toHaveText("Active");

  // Marketing writes version 2 of the English notice; the officer sees exactly what changed.
  await marketing.goto(`${purposeUrl}/notices/en`);
  await marketing
    .getByRole("textbox", { name: "How long we keep it", exact: true })
    .fill("Until you withdraw, then deleted within 14 days.");
  await marketing.getByLabel("This is a material change").check();
  const saveV2 = await captureAction(marketing, () => marketing.getByRole("button", { name: "Start a new version" }).click());
  await marketing.getByRole("button", { name: "Submit for review" }).click();
  await expect(marketing.getByText("v2 in review")).toBeVisible();

  await officer.goto(`${purposeUrl}/notices/en`);
  const diff = officer.getByRole("region", { name: "Changes against published v1" });
  await expect(diff.locator("del")).toContainText("30");
  await expect(diff.locator("ins")).toContainText("14");
  await expect(officer.getByText(/Marked as a material change/)).toBeVisible();
  const publishV2 = await captureAction(officer, () => officer.getByRole("button", { name: "Publish" }).click());
  await expect(officer.getByText(/published v2,/)).toBeVisible();

  // Marketing posting the publish action directly is refused by the server.
  const refused = await replayAction(marketing, publishV2);
  expect(refused.status).toBeLessThan(500);
  expect(refused.text).toContain("forbidden");

  // Editing the published version 2 is refused with a clear message, and nothing changes.
  const edit = await replayAction(marketing, saveV2, (body) => body.replace("deleted within 14 days", "kept forever"));
  expect(edit.text).toContain("published-immutable");
  const publicPage = await browser.newPage();
  await publicPage.goto(`/notices/${key}`);
  await expect(publicPage.getByText("Version 2")).toBeVisible();
  await expect(publicPage.getByText("deleted within 14 days")).toBeVisible();
  await expect(publicPage.getByText("kept forever")).toHaveCount(0);

  // Every change is in the audit log.
  const audit = await officer.goto(`/admin/audit?action=notice.`);
  expect(audit?.status()).toBe(200);
  for (const [action, who] of [
    ["notice.create", "marketing@northtrail.example"],
    ["notice.submit", "marketing@northtrail.example"],
    ["notice.publish", "privacy@northtrail.example"],
  ]) {
    await expect(officer.getByRole("row").filter({ hasText: action }).filter({ hasText: who }).first()).toBeVisible();
  }
  await officer.goto(`/admin/audit?action=purpose.`);
  for (const action of ["purpose.create", "purpose.submit", "purpose.approve"]) {
    await expect(officer.getByRole("row").filter({ hasText: action }).first()).toBeVisible();
  }
  await officer.goto(`/admin/audit?action=access.denied&q=notice%3Apublish`);
  await expect(officer.getByRole("row").filter({ hasText: "marketing@northtrail.example" }).first()).toBeVisible();
});

test("nobody approves their own draft", async ({ browser }) => {
  // A privacy officer cannot draft purposes, so the rule bites on notices:
  // an officer who writes a notice version cannot publish it.
  const officer = await pageAs(browser, "privacy_officer");
  await officer.goto("/admin/purposes?status=active");
  await officer.getByRole("link", { name: "Order processing and delivery" }).click();
  await expect(officer).toHaveURL(/\/admin\/purposes\/\d+$/);
  const purposeUrl = new URL(officer.url()).pathname;
  await officer.goto(`${purposeUrl}/notices/ja`);
  const form = officer.getByRole("form", { name: "Notice draft" });
  await form.getByRole("textbox", { name: "How long we keep it", exact: true }).fill("ご注文から3年間保存します（税法上の保存義務を除く）");
  await form.getByRole("button", { name: "Start a new version" }).click();
  await officer.getByRole("button", { name: "Submit for review" }).click();
  await expect(officer.getByText("v2 in review")).toBeVisible();
  await officer.getByRole("button", { name: "Publish" }).click();
  await expect(officer.getByText("You wrote this draft, so someone else must approve it.")).toBeVisible();
});
