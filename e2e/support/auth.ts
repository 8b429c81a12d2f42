import { expect, type Browser, type Page } from "@playwright/test";
import { demoPassword } from "../../scripts/demo-data/staff";

export const staffEmail = {
  admin: "admin@northtrail.example",
  privacy_officer: "privacy@northtrail.example",
  marketing: "marketing@northtrail.example",
  executive: "exec@northtrail.example",
} as const;
export type DemoRole = keyof typeof staffEmail;

export const homePath: Record<DemoRole, string> = {
  admin: "/admin/staff",
  privacy_officer: "/admin/requests",
  marketing: "/admin/purposes",
  executive: "/admin/trust",
};

/** Signs in through the real form and waits for the role's home page. */
export async function signIn(page: Page, role: DemoRole, password = demoPassword): Promise<void> {
  await page.goto("/login");
  await page.getByLabel(/email/i).fill(staffEmail[role]);
  await page.getByLabel(/password/i).fill(password);
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page).toHaveURL(new RegExp(`${homePath[role]}$`));
}

/** A fresh browser context already signed in as the role. */
export async function pageAs(browser: Browser, role: DemoRole): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, role);
  return page;
}
