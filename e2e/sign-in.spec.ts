import { expect, test } from "@playwright/test";
import { homePath, signInThroughForm, staffEmail, type DemoRole } from "./support/auth";

// The officer's menu also holds the review inbox and the queue's three views, each with its count when there is one.
const counted = (label: string) => new RegExp(`^${label}\\d*$`);
const navByRole: Record<DemoRole, (string | RegExp)[]> = {
  admin: [
    "Trust dashboard",
    "Overview",
    "Consent analytics",
    "Purposes",
    "Data map",
    "Recipients",
    "Record of processing",
    "Incidents",
    "Transparency report",
    "Outbox",
    "Audit log",
    "Staff",
    "API keys",
    "Brand settings",
  ],
  privacy_officer: [
    "Trust dashboard",
    "Overview",
    "Consent analytics",
    "Purposes",
    "Data map",
    "Recipients",
    "Record of processing",
    counted("Review inbox"),
    "Requests",
    counted("Assigned to me"),
    counted("Due in 3 days"),
    counted("Overdue"),
    "Delivery tasks",
    "Privacy operations",
    "Incidents",
    "Transparency report",
    "Privacy policy",
    "Subjects",
    "Outbox",
    "Audit log",
  ],
  marketing: ["Overview", "Consent analytics", "Purposes", "Data map", "Recipients"],
  executive: ["Trust dashboard", "Overview", "Purposes", "Data map", "Incidents"],
};

for (const role of Object.keys(homePath) as DemoRole[]) {
  test(`${role} signs in, lands on its home and sees only its sections`, async ({ page }) => {
    await signInThroughForm(page, role);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link")).toHaveText(navByRole[role]);
    await expect(nav.locator('a[aria-current="page"]')).toHaveCount(1);
  });
}

test("a wrong password is refused with a clear message and no session", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel(/email/i).fill(staffEmail.executive);
  await page.getByLabel(/password/i).fill("not the password");
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page.getByText("That email and password do not match an active account.")).toBeVisible();
  await page.goto("/admin/overview");
  await expect(page).toHaveURL(/\/login/);
});

test("empty fields are named beside the field", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page.getByText("Enter an email address like name@example.com.")).toBeVisible();
  await expect(page.getByLabel(/email/i)).toHaveAttribute("aria-invalid", "true");
});

test("repeated failures slow sign-in and then lock it for a while", async ({ page }) => {
  test.setTimeout(90_000);
  const email = `guess-${Date.now()}@northtrail.example`;
  await page.goto("/login");
  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.getByLabel(/email/i).fill(email);
    await page.getByLabel(/password/i).fill(`guess ${attempt}`);
    const started = Date.now();
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/login")),
      page.getByRole("button", { name: /sign in/i }).click(),
    ]);
    await expect(page.getByRole("status").getByText(attempt < 5 ? /do not match/ : /Too many failed attempts/)).toBeVisible();
    // From the third failure the answer is held back: 1 s, then 2 s.
    if (attempt === 4) expect(Date.now() - started).toBeGreaterThanOrEqual(1_800);
    // The form clears the password after each answer; wait for that before typing the next guess.
    await expect(page.getByLabel(/password/i)).toHaveValue("");
  }
  await page.getByLabel(/password/i).fill("one more");
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page.getByText(/try again in 15 minutes/)).toBeVisible();
});

test("signing out ends the session", async ({ page }) => {
  await signInThroughForm(page, "marketing");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/admin/purposes");
  await expect(page).toHaveURL(/\/login\?next=%2Fadmin%2Fpurposes/);
});
