// Journey: marketing drafts a purpose with notices in three languages; a
// privacy officer reviews, sees the diff and publishes. Threats covered:
// marketing publishing on its own, and a published version being edited.
import { expect, test, type Page } from "@playwright/test";
import { captureAction, replayAction } from "./support/actions";
import { pageAs } from "./support/auth";

const key = `e2e_trail_tips_${Date.now()}`;

const notices = {
  en: {
    title: "Trail tips by email",
    what: "Your email address and the activities you pick.",
    why: "To send you trail tips for the activities you chose.",
    benefit: "Two short emails a month with routes and gear advice.",
    retention: "Until you withdraw, then deleted within 30 days.",
    recipients: "MailHarbor Inc. in the United States sends the emails for us.",
    withdraw: "Use the unsubscribe link in any email or your preference center.",
    refusal: "Nothing changes in your account or your orders.",
    contact: "Write to privacy@northtrail.example with any question.",
    fullText: "We send trail tips by email to people who ask for them.\n\nWe use your email address and chosen activities, and nothing else.",
  },
  ko: {
    title: "이메일 트레일 팁",
    what: "이메일 주소와 선택하신 활동 종류",
    why: "선택하신 활동에 맞는 트레일 팁을 보내 드리기 위해",
    benefit: "한 달에 두 번, 코스와 장비 조언을 담은 짧은 이메일",
    retention: "동의를 철회하실 때까지 보관하며, 철회 후 30일 이내에 삭제합니다",
    recipients: "미국의 MailHarbor Inc.가 이메일 발송을 대행합니다",
    withdraw: "이메일의 수신 거부 링크나 선호 설정 센터에서 언제든지 철회할 수 있습니다",
    refusal: "동의하지 않으셔도 계정과 주문에는 아무런 영향이 없습니다",
    contact: "문의는 privacy@northtrail.example 로 보내 주세요",
    fullText: "트레일 팁을 원하시는 분께 이메일로 보내 드립니다.\n\n이메일 주소와 선택하신 활동 외의 정보는 이용하지 않습니다.",
  },
  ja: {
    title: "メールでのトレイル情報",
    what: "メールアドレスと選択されたアクティビティ",
    why: "選択されたアクティビティに合ったトレイル情報をお送りするため",
    benefit: "ルートや装備のアドバイスを月に2回、短いメールでお届けします",
    retention: "同意を撤回されるまで保存し、撤回後30日以内に削除します",
    recipients: "米国の MailHarbor Inc. がメール配信を代行します",
    withdraw: "メール内の配信停止リンクまたは設定センターからいつでも撤回できます",
    refusal: "同意されなくても、アカウントやご注文には影響ありません",
    contact: "お問い合わせは privacy@northtrail.example までお送りください",
    fullText: "トレイル情報をご希望の方にメールでお送りします。\n\nメールアドレスと選択されたアクティビティ以外の情報は利用しません。",
  },
} as const;

async function writeNotice(page: Page, purposeUrl: string, locale: keyof typeof notices) {
  const n = notices[locale];
  await page.goto(`${purposeUrl}/notices/${locale}`);
  const form = page.getByRole("form", { name: "Notice draft" });
  await form.getByLabel("Title").fill(n.title);
  for (const field of ["what", "why", "benefit", "retention", "recipients", "withdraw", "refusal", "contact"] as const) {
    await form.getByRole("textbox", { name: fieldLabel[field], exact: true }).fill(n[field]);
  }
  await form.getByRole("textbox", { name: "Full text", exact: true }).fill(n.fullText);
  await expect(page.getByTestId("missing-summary")).toHaveText("All required elements present");
  await form.getByRole("button", { name: "Start a new version" }).click();
  await expect(page.getByRole("button", { name: "Submit for review" })).toBeVisible();
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText("v1 in review")).toBeVisible();
}

const fieldLabel = {
  what: "What we collect",
  why: "Why we collect it",
  benefit: "What you get",
  retention: "How long we keep it",
  recipients: "Who else sees it",
  withdraw: "Your rights and how to withdraw",
  refusal: "What happens if you say no",
  contact: "Who to ask",
};

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
  await form.getByRole("button", { name: "Add a recipient" }).click();
  await form.getByLabel("Recipient", { exact: true }).fill("MailHarbor Inc.");
  await form.getByLabel("Country").fill("us");
  await form.getByRole("button", { name: "Create draft" }).click();
  await expect(marketing).toHaveURL(/\/admin\/purposes\/\d+$/);
  const purposeUrl = new URL(marketing.url()).pathname;
  await expect(marketing.getByRole("heading", { level: 1, name: "Trail tips by email" })).toBeVisible();
  await expect(marketing.getByText("MailHarbor Inc.")).toBeVisible();

  // The editor checks the notice live, as the author types.
  await marketing.goto(`${purposeUrl}/notices/en`);
  const missing = marketing.getByTestId("missing-summary");
  await expect(missing).toHaveText("7 elements missing");
  await marketing.getByRole("textbox", { name: "What we collect", exact: true }).fill(notices.en.what);
  await expect(missing).toHaveText("6 elements missing");
  const readability = marketing.getByTestId("readability");
  await marketing.getByRole("textbox", { name: "Full text", exact: true }).fill("The cat sat on the mat.");
  await expect(readability).toContainText("Flesch reading ease 116.1");
  await marketing
    .getByRole("textbox", { name: "Full text", exact: true })
    .fill("We may share certain information with various partners, which may, in some circumstances, be located in other jurisdictions under applicable law.");
  await expect(readability).not.toContainText("116.1");
  await expect(marketing.getByTestId("vague-words")).toContainText("may");
  await expect(marketing.getByTestId("vague-words")).toContainText("certain");

  for (const locale of ["en", "ko", "ja"] as const) await writeNotice(marketing, purposeUrl, locale);
  await marketing.goto(purposeUrl);
  await marketing.getByRole("button", { name: "Submit for review" }).click();
  await expect(marketing.locator(".page-header .badge").first()).toHaveText("In review");

  // The privacy officer approves the purpose and publishes each notice.
  await officer.goto(purposeUrl);
  await officer.getByRole("button", { name: "Approve" }).click();
  await expect(officer.locator(".page-header .badge").first()).toHaveText("Active");
  for (const locale of ["en", "ko", "ja"] as const) {
    await officer.goto(`${purposeUrl}/notices/${locale}`);
    await expect(officer.getByText("This is the first version in this language")).toBeVisible();
    await officer.getByRole("button", { name: "Publish" }).click();
    await expect(officer.getByText(/published v1,/)).toBeVisible();
  }

  // Marketing writes version 2 of the English notice; the officer sees exactly what changed.
  await marketing.goto(`${purposeUrl}/notices/en`);
  await marketing.getByRole("textbox", { name: "How long we keep it", exact: true }).fill("Until you withdraw, then deleted within 14 days.");
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
