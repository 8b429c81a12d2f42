// Threat: a marketing or executive user manages staff (creates an account,
// promotes themselves) by opening admin pages or posting the admin's server
// action directly. The server must refuse, change nothing, and audit it.
import { expect, test, type Page } from "@playwright/test";
import { captureAction, replayAction } from "./support/actions";
import { homePath, pageAs, type DemoRole } from "./support/auth";
import { acceptInvite, inviteLinkFromOutbox } from "./support/invites";

const password = "a-long-enough-password";

/**
 * The admin invites a staff member with the role under test (a name no other spec uses, so the
 * audit rows this test counts are its own) and captures the request the browser sent.
 */
async function addStaffMember(admin: Page, email: string, role: DemoRole) {
  await admin.goto("/admin/staff");
  const form = admin.getByRole("form", { name: "Invite a staff member" });
  await form.getByLabel("Name").fill("Role Boundary");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Role").selectOption(role);
  const captured = await captureAction(admin, () => form.getByRole("button", { name: "Send invitation" }).click());
  await expect(admin.getByText("Invitation sent.")).toBeVisible();
  return captured;
}

for (const role of ["executive", "marketing"] as DemoRole[]) {
  test(`${role} is refused the staff page and the staff action, and both are audited`, async ({ browser }) => {
    const admin = await pageAs(browser, "admin");
    const email = `boundary-${role}-${Date.now()}@northtrail.example`;
    const captured = await addStaffMember(admin, email, role);
    const intruder = await (await browser.newContext()).newPage();
    await acceptInvite(intruder, inviteLinkFromOutbox(email), password);
    await expect(intruder).toHaveURL(new RegExp(`${homePath[role]}$`));

    const pageResponse = await intruder.goto("/admin/staff");
    expect(pageResponse?.status()).toBe(403);
    await expect(intruder.getByRole("heading", { name: "Not available to your role" })).toBeVisible();

    // Replay what the admin's browser sent, with the intruder's session, asking for an administrator.
    const response = await replayAction(intruder, captured, (body) => {
      const forged = body
        .replace(/boundary-[\w-]+@northtrail\.example/, `forged-${role}@northtrail.example`)
        .replace(/(name="(?:_?\d+_)?role"\r\n\r\n)\w+/, "$1admin");
      expect(forged).toMatch(/name="(?:_?\d+_)?role"\r\n\r\nadmin\r\n/);
      return forged;
    });
    expect(response.status).toBeLessThan(500);
    expect(response.text).toContain("forbidden");

    await admin.goto("/admin/staff");
    await expect(admin.getByText(`forged-${role}@northtrail.example`)).toHaveCount(0);

    // Only this intruder's refusals: other specs' sign-ins as the same role cannot change the count.
    await admin.goto(`/admin/audit?action=access.denied&outcome=denied&q=${encodeURIComponent(email)}`);
    const rows = admin.getByRole("row").filter({ hasText: email });
    await expect(rows).toHaveCount(2);
    await expect(rows.filter({ hasText: "staff:manage" })).toHaveCount(2);
    await expect(rows.filter({ hasText: "/admin/staff" })).toHaveCount(1);
  });
}

test("an executive cannot open the request queue or the audit log", async ({ browser }) => {
  const exec = await pageAs(browser, "executive");
  for (const path of ["/admin/requests", "/admin/audit"]) {
    const response = await exec.goto(path);
    expect(response?.status(), path).toBe(403);
  }
});

test("a signed-out visitor is sent to sign-in, then back where they were going", async ({ page }) => {
  await page.goto("/admin/audit");
  await expect(page).toHaveURL(/\/login\?next=%2Fadmin%2Faudit/);
  await page.getByLabel(/email/i).fill("privacy@northtrail.example");
  await page.getByLabel(/password/i).fill((await import("../scripts/demo-data/staff")).demoPassword);
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page).toHaveURL(/\/admin\/audit$/);
});
