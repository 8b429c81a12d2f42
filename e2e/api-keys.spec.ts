import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { pageAs } from "./support/auth";
import { createKeyInUi, revokeKeyInUi } from "./support/api-keys";

// An API key can write any customer's consent: only an administrator may mint or revoke one,
// its plaintext is shown once and never again, and every change is in the audit log.

test("an admin creates a key, sees it once, and revokes it after confirming", async ({ browser }) => {
  const admin = await pageAs(browser, "admin");
  const name = `Shop backend ${Date.now()}`;
  const plaintext = await createKeyInUi(admin, name);
  await expect(admin.getByText(/cannot show it again/)).toBeVisible();
  const row = admin.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText(plaintext.slice(0, 12));
  await expect(row).toContainText("Active");

  const axe = await new AxeBuilder({ page: admin }).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

  // Once the page is left, the plaintext is gone for good.
  await admin.reload();
  await expect(admin.getByText(plaintext)).toHaveCount(0);
  expect(await admin.content()).not.toContain(plaintext.slice(12));

  // Revoking asks first; cancelling changes nothing.
  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await expect(row.getByText(/cannot be undone/)).toBeVisible();
  await row.getByRole("button", { name: "Cancel" }).click();
  await expect(row).toContainText("Active");
  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await row.getByRole("button", { name: "Yes, revoke" }).click();
  await expect(row.getByText("Revoked", { exact: true })).toBeVisible();

  await admin.goto("/admin/audit?action=api-key.");
  for (const action of ["api-key.create", "api-key.revoke"])
    await expect(admin.getByRole("row").filter({ hasText: action }).filter({ hasText: "admin@northtrail.example" }).first()).toBeVisible();
});

test("a publishable key takes only real origins, and a secret key none", async ({ browser }) => {
  const admin = await pageAs(browser, "admin");
  await admin.goto("/admin/api-keys");
  const form = admin.getByRole("form", { name: "Create an API key" });
  await form.getByLabel("Name").fill("Banner");
  await form.getByRole("radio", { name: /^Publishable key/ }).check();
  await form.getByLabel("Allowed sites").fill("https://shop.example.com/checkout");
  await form.getByRole("button", { name: "Create key" }).click();
  await expect(form.getByText(/Each line must be an origin/)).toBeVisible();
  await expect(form.getByLabel("Allowed sites")).toHaveAttribute("aria-invalid", "true");

  const name = `Banner ${Date.now()}`;
  const plaintext = await createKeyInUi(admin, name, { kind: "publishable", origins: ["https://shop.example.com", "http://localhost:*"] });
  expect(plaintext).toMatch(/^pk_live_[A-Za-z0-9_-]{43}$/);
  const row = admin.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("Sites: https://shop.example.com, http://localhost:*");
  await expect(row).toContainText("Publishable key");
});

test("staff other than admins cannot open the API keys page", async ({ browser }) => {
  for (const role of ["privacy_officer", "marketing", "executive"] as const) {
    const page = await pageAs(browser, role);
    await page.goto("/admin/api-keys");
    await expect(page.getByRole("heading", { name: "Not available to your role" })).toBeVisible();
    await expect(page.getByRole("form", { name: "Create an API key" })).toHaveCount(0);
    await page.context().close();
  }
});

test("a second active key with the same name is refused beside the field, and revoked keys sit in their own section", async ({
  browser,
}) => {
  const admin = await pageAs(browser, "admin");
  const name = `Warehouse ${Date.now()}`;
  await createKeyInUi(admin, name);
  await admin.goto("/admin/api-keys");
  const form = admin.getByRole("form", { name: "Create an API key" });
  await form.getByLabel("Name").fill(name.toUpperCase());
  await form.getByRole("button", { name: "Create key" }).click();
  await expect(form.getByText("An active key already has this name.", { exact: false })).toBeVisible();
  await expect(form.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
  // hasText with a string ignores case; a regular expression does not.
  await expect(admin.getByRole("row").filter({ hasText: new RegExp(name.toUpperCase()) })).toHaveCount(0);

  await revokeKeyInUi(admin, name);
  const active = admin.getByRole("region", { name: "Active keys" });
  const revoked = admin.getByRole("region", { name: "Revoked keys" });
  await expect(revoked.getByRole("row").filter({ hasText: name })).toHaveCount(1);
  await expect(active.getByRole("row").filter({ hasText: name })).toHaveCount(0);
  await expect(active.getByText("Revoked", { exact: true })).toHaveCount(0);
  // The active table comes first on the page.
  const [a, r] = await Promise.all([active.boundingBox(), revoked.boundingBox()]);
  expect(a!.y).toBeLessThan(r!.y);
  // Once revoked, the name is free again.
  await createKeyInUi(admin, name);
  await expect(active.getByRole("row").filter({ hasText: name })).toHaveCount(1);
});
