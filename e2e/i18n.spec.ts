import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";

test("the sign-in page follows the browser's language", async ({ browser }) => {
  const context = await browser.newContext({ locale: "ko-KR", extraHTTPHeaders: { "Accept-Language": "ko-KR,ko;q=0.9" } });
  const page = await context.newPage();
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  await expect(page.getByRole("heading", { name: "Candor 로그인" })).toBeVisible();
});

test("a language chosen before signing in carries into the admin, in Korean and Japanese", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Language").selectOption("ko");
  await expect(page.getByRole("heading", { name: "Candor 로그인" })).toBeVisible();
  await page.getByLabel("업무용 이메일").fill("privacy@northtrail.example");
  await page.getByLabel("비밀번호").fill((await import("../scripts/demo-data/staff")).demoPassword);
  await page.getByRole("button", { name: "로그인" }).click();
  await expect(page).toHaveURL(/\/admin\/requests$/);
  await expect(page.getByRole("heading", { level: 1, name: "정보주체 요청" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "주 메뉴" }).getByRole("link", { name: "감사 로그" })).toBeVisible();

  await page.getByLabel("언어").selectOption("ja");
  await expect(page.getByRole("heading", { level: 1, name: "本人からの請求" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  await page.getByRole("link", { name: "監査ログ" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "監査ログ" })).toBeVisible();
});

test("the interface switches back to English", async ({ page }) => {
  await signIn(page, "executive");
  await page.getByRole("combobox", { name: /^Language/ }).selectOption("ja");
  await expect(page.getByRole("heading", { level: 1, name: "信頼ダッシュボード" })).toBeVisible();
  await page.getByRole("combobox", { name: /^言語/ }).selectOption("en");
  await expect(page.getByRole("heading", { level: 1, name: "Trust dashboard" })).toBeVisible();
});
