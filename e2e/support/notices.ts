import { expect, type Page } from "@playwright/test";

// Notices for a test purpose in each language, and the steps of the four-eyes
// review: marketing drafts and submits, a privacy officer publishes.

export const notices = {
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
    fullText:
      "We send trail tips by email to people who ask for them.\n\nWe use your email address and chosen activities, and nothing else.",
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

/** Marketing drafts the notice in a language and submits it for review. */
export async function writeNotice(page: Page, purposeUrl: string, locale: keyof typeof notices) {
  const n = notices[locale];
  await page.goto(`${purposeUrl}/notices/${locale}`);
  const form = page.getByRole("form", { name: "Notice draft" });
  await form.getByLabel("Title").fill(n.title);
  for (const field of ["what", "why", "benefit", "retention", "recipients", "withdraw", "refusal", "contact"] as const) {
    await form.getByRole("textbox", { name: fieldLabel[field], exact: true }).fill(n[field]);
  }
  await form.getByRole("textbox", { name: "Full text", exact: true }).fill(n.fullText);
  await expect(page.getByTestId("missing-summary")).toHaveText("All required elements present");
  await form.getByRole("button", { name: "Save the first draft" }).click();
  await expect(page.getByRole("button", { name: "Submit for review" })).toBeVisible();
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText("v1 in review")).toBeVisible();
}

export const fieldLabel = {
  what: "What we collect",
  why: "Why we collect it",
  benefit: "What you get",
  retention: "How long we keep it",
  recipients: "Who else sees it",
  withdraw: "Your rights and how to withdraw",
  refusal: "What happens if you say no",
  contact: "Who to ask",
};

/** A privacy officer (not the notice's author) publishes the version in review. */
export async function publishNotice(page: Page, purposeUrl: string, locale: keyof typeof notices) {
  await page.goto(`${purposeUrl}/notices/${locale}`);
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText(/published v\d+,/)).toBeVisible();
}
