import fs from "node:fs";
import path from "node:path";
import { expect, type Browser, type Page } from "@playwright/test";
import { readStore } from "../../db/testing/read-store";
import { derivedKey, unseal } from "../../lib/security/seal";
import { replaceSealedLinks } from "../../lib/outbox/sealed-links";
import type { Role } from "../../lib/auth/roles";
import { signIn } from "./auth";
import { e2eDatabasePath } from "./paths";

export type Invitee = { name: string; email: string; role: Role; locale?: "en" | "ko" | "ja" };

/** The admin fills the invitation form and sends it; resolves once the page says it was sent. */
export async function sendInvite(admin: Page, who: Invitee): Promise<void> {
  await admin.goto("/admin/staff");
  const form = admin.getByRole("form", { name: "Invite a staff member" });
  await form.getByLabel("Name").fill(who.name);
  await form.getByLabel("Email").fill(who.email);
  await form.getByLabel("Role").selectOption(who.role);
  await form.getByLabel("Language of the invitation").selectOption(who.locale ?? "en");
  await form.getByRole("button", { name: "Send invitation" }).click();
  await expect(form.getByText("Invitation sent.")).toBeVisible();
}

/**
 * The link in the newest invitation mail to `email`, read from a store whose server sends no mail
 * (the suite's own): the outbox keeps it sealed, so it is opened with the key the server derives
 * from its secret (data/…/auth-secret beside the store), as the mailer would.
 */
export function inviteLinkFromOutbox(email: string, store = e2eDatabasePath()): string {
  const body = readStore(store, (db) => {
    const row = db.prepare("SELECT body FROM outbox WHERE kind = 'staff-invite' AND to_address = ? ORDER BY id DESC LIMIT 1").get(email) as
      { body: string } | undefined;
    return row?.body;
  });
  if (!body) throw new Error(`no invitation mail to ${email}`);
  const secret = process.env.AUTH_SECRET ?? fs.readFileSync(path.join(path.dirname(store), "auth-secret"), "utf8").trim();
  const text = replaceSealedLinks(body, (sealed) => unseal(derivedKey(secret, "stored-secret"), sealed));
  return /https?:\/\/\S+\/invite\/[A-Za-z0-9_-]{43}/.exec(text)![0];
}

/** The invitee opens the link (on this page's server), chooses a password and lands on their role's home. */
export async function acceptInvite(page: Page, link: string, password: string): Promise<void> {
  await page.goto(new URL(link).pathname);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Password again").fill(password);
  await page.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(page).toHaveURL(/\/admin\/[a-z-]+/);
}

/** A staff member of a spec's own, invited by the demo admin (or by `by`, an administrator's page) and signed in on a fresh page. */
export async function invitedMember(browser: Browser, who: Invitee, password: string, by?: Page): Promise<Page> {
  const admin = by ?? (await (await browser.newContext()).newPage());
  if (!by) await signIn(admin, "admin");
  await sendInvite(admin, who);
  if (!by) await admin.context().close();
  const page = await (await browser.newContext()).newPage();
  await acceptInvite(page, inviteLinkFromOutbox(who.email), password);
  return page;
}
