import { expect, type Page } from "@playwright/test";

/** Creates a key through the admin page (signed in as admin) and returns the plaintext it shows once. */
export async function createKeyInUi(
  page: Page,
  name: string,
  options: { kind?: "secret" | "publishable"; origins?: string[] } = {},
): Promise<string> {
  const kind = options.kind ?? "secret";
  await page.goto("/admin/api-keys");
  const form = page.getByRole("form", { name: "Create an API key" });
  await form.getByLabel("Name").fill(name);
  await form.getByRole("radio", { name: kind === "secret" ? /^Secret key/ : /^Publishable key/ }).check();
  if (options.origins) await form.getByLabel("Allowed sites").fill(options.origins.join("\n"));
  await form.getByRole("button", { name: "Create key" }).click();
  const field = page.getByLabel(kind === "secret" ? "Secret API key" : "Publishable API key");
  await expect(field).toHaveValue(kind === "secret" ? /^ck_live_/ : /^pk_live_/);
  return field.inputValue();
}

/** Revokes a key by name through the admin page, confirming when asked. */
export async function revokeKeyInUi(page: Page, name: string): Promise<void> {
  await page.goto("/admin/api-keys");
  const row = page.getByRole("row").filter({ hasText: name });
  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await row.getByRole("button", { name: "Yes, revoke" }).click();
  await expect(row.getByText("Revoked", { exact: true })).toBeVisible();
}
