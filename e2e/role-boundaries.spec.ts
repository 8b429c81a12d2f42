// Threat: a marketing or executive user manages staff (creates an account,
// promotes themselves) by opening admin pages or posting the admin's server
// action directly. The server must refuse, change nothing, and audit it.
import { expect, test, type Page } from "@playwright/test";
import { captureAction, replayAction } from "./support/actions";
import { pageAs, type DemoRole } from "./support/auth";

/** Submits the admin's create-staff form once and captures the request the browser sent. */
async function captureCreateStaffPost(admin: Page, email: string) {
  await admin.goto("/admin/staff");
  const form = admin.getByRole("form", { name: "Add a staff member" });
  await form.getByLabel("Name").fill("Captured Request");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Role").selectOption("admin");
  await form.getByLabel("Initial password").fill("a-long-enough-password");
  const captured = await captureAction(admin, () => form.getByRole("button", { name: "Add staff member" }).click());
  await expect(admin.getByText("Staff member added.")).toBeVisible();
  return captured;
}

for (const role of ["executive", "marketing"] as DemoRole[]) {
  test(`${role} is refused the staff page and the staff action, and both are audited`, async ({ browser }) => {
    const admin = await pageAs(browser, "admin");
    const intruder = await pageAs(browser, role);

    const pageResponse = await intruder.goto("/admin/staff");
    expect(pageResponse?.status()).toBe(403);
    await expect(intruder.getByRole("heading", { name: "Not available to your role" })).toBeVisible();

    // Replay exactly what the admin's browser sent, but with the intruder's session.
    const captured = await captureCreateStaffPost(admin, `captured-${role}-${Date.now()}@northtrail.example`);
    const response = await replayAction(intruder, captured, (body) =>
      body.replace(/captured-[\w-]+@northtrail\.example/, `forged-${role}@northtrail.example`),
    );
    expect(response.status).toBeLessThan(500);
    expect(response.text).toContain("forbidden");

    await admin.goto("/admin/staff");
    await expect(admin.getByText(`forged-${role}@northtrail.example`)).toHaveCount(0);

    await admin.goto(`/admin/audit?action=access.denied&outcome=denied`);
    const rows = admin.getByRole("row").filter({ hasText: "staff:manage" });
    await expect(rows.filter({ hasText: "/admin/staff" }).first()).toBeVisible();
    expect(await rows.count()).toBeGreaterThanOrEqual(2);
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
