import { expect, type Browser, type Cookie, type Page } from "@playwright/test";
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

/**
 * The session cookies of each demo member this worker signed in, by member. A spec signs in 160-odd times; after the
 * first, a member's session is reused (it is a signed token that stays valid for hours) unless the server no longer
 * takes it: another server's secret, or the member's sessions ended since.
 */
const sessions = new Map<DemoRole, Cookie[]>();
const isSession = (c: Cookie) => c.name.includes("authjs.session-token");

/**
 * Signs in as the role and waits for its home page: with the session this worker already made for the member when the
 * server still takes it, else through the form. A sign-in with another password always goes through the form.
 */
export async function signIn(page: Page, role: DemoRole, password = demoPassword): Promise<void> {
  const saved = password === demoPassword ? sessions.get(role) : undefined;
  if (saved) {
    await page.context().addCookies(saved);
    await page.goto(homePath[role]);
    if (new URL(page.url()).pathname === homePath[role]) return;
    sessions.delete(role);
  }
  await signInThroughForm(page, role, password);
  if (password === demoPassword) sessions.set(role, (await page.context().cookies()).filter(isSession));
}

/** Signs in through the real form, whatever this worker signed in before, and waits for the role's home page. */
export async function signInThroughForm(page: Page, role: DemoRole, password = demoPassword): Promise<void> {
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
