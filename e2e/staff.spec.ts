import { expect, test } from "@playwright/test";
import { pageAs } from "./support/auth";
import { acceptInvite, inviteLinkFromOutbox, sendInvite } from "./support/invites";

test("an admin invites a colleague, changes their role, and deactivation ends their session", async ({ browser }) => {
  const admin = await pageAs(browser, "admin");
  const email = `new-${Date.now()}@northtrail.example`;
  const password = "first-day-password-123";

  await sendInvite(admin, { name: "Noa Newcomer", email, role: "marketing" });
  const waiting = admin.getByRole("region", { name: "Invitations waiting" }).getByRole("row").filter({ hasText: email });
  await expect(waiting).toContainText("Marketing");

  // The newcomer chooses their password from the link and works.
  const context = await browser.newContext();
  const newcomer = await context.newPage();
  await acceptInvite(newcomer, inviteLinkFromOutbox(email), password);
  await expect(newcomer).toHaveURL(/\/admin\/purposes$/);
  await admin.reload();
  await expect(admin.getByText(email)).toHaveCount(1);
  const row = admin.getByRole("region", { name: "Staff accounts" }).getByRole("row").filter({ hasText: email });
  await expect(row).toContainText("Marketing");

  // A role change takes effect on their next request.
  await row.getByLabel("Role for Noa Newcomer").selectOption("executive");
  await row.getByRole("button", { name: "Change role" }).click();
  // The select shows what was picked at once; a fresh page shows the stored role. The action is answered only once
  // the writer thread committed the change, so a request sent meanwhile may still read the old role; the next one after it may not.
  await expect(async () => {
    await admin.reload();
    await expect(row.getByLabel("Role for Noa Newcomer")).toHaveValue("executive", { timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
  await newcomer.goto("/admin");
  await expect(newcomer).toHaveURL(/\/admin\/trust$/);

  // Deactivation stops the session they already have.
  await row.getByRole("button", { name: "Deactivate" }).click();
  await expect(row).toContainText("Deactivated");
  await newcomer.goto("/admin/overview");
  await expect(newcomer).toHaveURL(/\/login/);

  // And they cannot sign in again.
  await newcomer.getByLabel(/email/i).fill(email);
  await newcomer.getByLabel(/password/i).fill(password);
  await newcomer.getByRole("button", { name: /sign in/i }).click();
  await expect(newcomer.getByText(/do not match an active account/)).toBeVisible();

  await admin.goto("/admin/audit?action=staff.");
  for (const action of ["staff.invite", "staff.change-role", "staff.deactivate"]) {
    await expect(admin.getByRole("row").filter({ hasText: action }).filter({ hasText: "admin@northtrail.example" }).first()).toBeVisible();
  }
  await expect(admin.getByRole("row").filter({ hasText: "staff.invite-accept" }).filter({ hasText: email }).first()).toBeVisible();
});

test("bad input is named beside each field and nothing is sent", async ({ browser }) => {
  const admin = await pageAs(browser, "admin");
  await admin.goto("/admin/staff");
  const rowsBefore = await admin.getByRole("row").count();
  const form = admin.getByRole("form", { name: "Invite a staff member" });
  await form.getByLabel("Email").fill("not-an-email");
  await form.getByRole("button", { name: "Send invitation" }).click();
  await expect(form.getByText("This field is required.")).toBeVisible();
  await expect(form.getByText("Enter an email address like name@example.com.")).toBeVisible();
  await expect(form.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
  await admin.reload();
  await expect(admin.getByRole("row")).toHaveCount(rowsBefore);
});

test("an admin cannot deactivate their own account", async ({ browser }) => {
  const admin = await pageAs(browser, "admin");
  await admin.goto("/admin/staff");
  const me = admin.getByRole("row").filter({ hasText: "admin@northtrail.example" });
  await expect(me).toContainText("This is you");
  await expect(me.getByRole("button", { name: "Deactivate" })).toHaveCount(0);
});
