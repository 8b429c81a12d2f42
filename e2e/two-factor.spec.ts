// Threats: a stolen staff password alone opens a privacy tool full of people's data; a second step that
// can be skipped by calling the sign-in endpoint directly, or guessed without limit, or replayed; a
// brand's rule that officers and administrators use it, enforced only by hiding links.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { invitedMember } from "./support/invites";
import { checkPage, desk, englishOf, phone, shoot } from "./support/screens";

test.describe.configure({ mode: "serial", timeout: 120_000 });

const password = "a-long-enough-password";
const run = Date.now().toString(36);
const officer = { name: "Tomo Two-Step", email: `two-step-${run}@northtrail.example`, role: "privacy_officer" as const };
let secret = "";
let recovery: string[] = [];

const code = (offsetSteps = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: "SHA1" }).generate({
    timestamp: Date.now() + offsetSteps * 30_000,
  });

async function signOut(page: Page) {
  await page.goto("/admin/profile");
  await page.getByRole("button", { name: "Sign out" }).first().click();
  await expect(page).toHaveURL(/\/login/);
}

async function passwordStep(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Two-step verification" })).toBeVisible();
}

async function enrol(page: Page): Promise<{ secret: string }> {
  await page.goto("/admin/profile");
  await page.getByRole("link", { name: "Manage two-step verification" }).click();
  await page.getByRole("button", { name: "Set up two-step verification" }).click();
  await expect(page.getByRole("img", { name: /QR code to add/ })).toBeVisible();
  const key = (await page.getByTestId("totp-secret").innerText()).replace(/\s/g, "");
  return { secret: key };
}

test("a member turns on two-step verification: QR code and key, a wrong code refused, a right one shows ten recovery codes once", async ({
  browser,
}) => {
  const page = await invitedMember(browser, officer, password);
  await page.setViewportSize(desk);
  // Another browser signed in with the password alone (perhaps a thief's, with a stolen password), before two-step goes on.
  const other = await (await browser.newContext()).newPage();
  await other.goto("/login");
  await other.getByLabel("Work email").fill(officer.email);
  await other.getByLabel("Password").fill(password);
  await other.getByRole("button", { name: "Sign in" }).click();
  await expect(other).toHaveURL(/\/admin\/requests$/);
  // A second tab of the member's own, still offering to set it up once it is on.
  const stale = await page.context().newPage();
  await stale.goto("/admin/profile/two-factor");
  ({ secret } = await enrol(page));
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await checkPage(page);
  await shoot(page, "two-factor-enrol-en-1366");

  const form = page.getByRole("form", { name: "2. Enter a code from the app" });
  await form.getByLabel("6-digit code").fill("000000");
  await form.getByRole("button", { name: "Turn on" }).click();
  await expect(form.getByText("That code is not right")).toBeVisible();
  await form.getByLabel("6-digit code").fill(code());
  await form.getByRole("button", { name: "Turn on" }).click();
  const list = page.getByRole("list", { name: "Your recovery codes" });
  await expect(list.getByRole("listitem")).toHaveCount(10);
  recovery = (await list.getByRole("listitem").allInnerTexts()).map((c) => c.trim());
  await checkPage(page);
  await shoot(page, "two-factor-recovery-en-1366");
  await page.getByRole("link", { name: "I have saved them" }).click();
  await expect(page.getByText("Turned on")).toBeVisible();
  await expect(page.getByText("10 recovery codes left.")).toBeVisible();
  // Shown once: the page no longer lists them.
  await expect(page.getByText(recovery[0])).toHaveCount(0);
  await page.goto("/admin/profile");
  await expect(page.getByText("Manage two-step verification")).toBeVisible();
  // Turning it on ended the password-only session: its next page is the sign-in; the member's own goes on.
  await other.goto("/admin/profile");
  await expect(other).toHaveURL(/\/login/);
  await other.context().close();
  // The stale tab's set-up button says it is already on, rather than an error page.
  await stale.getByRole("button", { name: "Set up two-step verification" }).click();
  await expect(stale).toHaveURL(/notice=already-on/);
  await expect(stale.getByText("Two-step verification was already turned on")).toBeVisible();
  await stale.close();
});

test("sign-in asks for the code after the password; a wrong code is refused; the credentials endpoint alone does not sign in", async ({
  browser,
}) => {
  const page = await (await browser.newContext()).newPage();
  await passwordStep(page, officer.email);
  await checkPage(page);
  await shoot(page, "login-code-en-1366");
  await page.getByLabel("Code").fill("123456");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByText("That code is not right, or it was already used.")).toBeVisible();
  await page.getByLabel("Code").fill(code(1));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/admin\/requests$/);

  // Auth.js's credentials endpoint, called by hand with the right email and password and no code: no session.
  const direct = await (await browser.newContext()).newPage();
  const csrf = (await (await direct.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await direct.request.post("/api/auth/callback/credentials", {
    form: { csrfToken: csrf.csrfToken, email: officer.email, password, callbackUrl: "/admin/requests" },
    maxRedirects: 0,
  });
  const session = (await (await direct.request.get("/api/auth/session")).json()) as { user?: unknown } | null;
  expect(session?.user).toBeUndefined();
  await direct.goto("/admin/requests");
  await expect(direct).toHaveURL(/\/login/);
});

test("a recovery code signs in once and is refused the second time", async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await passwordStep(page, officer.email);
  await page.getByLabel("Code").fill(recovery[0]);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/admin\/requests$/);
  await page.goto("/admin/profile/two-factor");
  await expect(page.getByText("9 recovery codes left.")).toBeVisible();
  await signOut(page);

  await passwordStep(page, officer.email);
  await page.getByLabel("Code").fill(recovery[0]);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByText("That code is not right, or it was already used.")).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test("the pages read in Korean and fit a phone", async ({ browser }) => {
  const context = await browser.newContext({ viewport: phone });
  await context.addCookies([{ name: "NEXT_LOCALE", value: "ko", url: test.info().project.use.baseURL! }]);
  const page = await context.newPage();
  const english = englishOf("twoFactor", "login");
  await page.goto("/login");
  await page.getByLabel("업무용 이메일").fill(officer.email);
  await page.getByLabel("비밀번호").fill(password);
  await page.getByRole("button", { name: "로그인" }).click();
  await expect(page.getByRole("heading", { name: "2단계 인증" })).toBeVisible();
  await checkPage(page, english);
  await shoot(page, "login-code-ko-390");
  await page.getByLabel("코드").fill(recovery[1]);
  await page.getByRole("button", { name: "확인" }).click();
  await expect(page).toHaveURL(/\/admin\/requests$/);
  await page.goto("/admin/profile/two-factor");
  await expect(page.getByRole("heading", { name: "2단계 인증", level: 1 })).toBeVisible();
  await checkPage(page, english);
  await shoot(page, "two-factor-on-ko-390");
  await page.setViewportSize(desk);
  await shoot(page, "two-factor-on-ko-1366");
});

test("wrong codes are throttled: after five the account's codes are locked, even a right one", async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await passwordStep(page, officer.email);
  const field = page.getByLabel("Code");
  for (let i = 0; i < 6 && (await field.isVisible()); i++) {
    await field.fill(String(100000 + i));
    await page.getByRole("button", { name: "Verify" }).click();
    // Answered: a refused code empties the field; the lock sends the form back to the first step.
    await expect.poll(async () => (await field.count()) === 0 || (await field.inputValue()) === "", { timeout: 20_000 }).toBe(true);
  }
  await expect(page.getByText(/Too many wrong codes/)).toBeVisible();
  await passwordStep(page, officer.email);
  await page.getByLabel("Code").fill(code(1));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByText(/Too many wrong codes/)).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

async function setRequirement(admin: Page, on: boolean) {
  await admin.goto("/admin/settings");
  const form = admin.getByRole("form", { name: "Two-step verification" });
  await form.getByLabel("Require two-step verification for privacy officers and administrators").setChecked(on);
  await form.getByRole("button", { name: "Save" }).click();
}

async function enrolledAdmin(browser: Browser): Promise<Page> {
  const admin = await invitedMember(browser, { name: "Rei Rulemaker", email: `rules-${run}@northtrail.example`, role: "admin" }, password);
  const own = await enrol(admin);
  const form = admin.getByRole("form", { name: "2. Enter a code from the app" });
  await form.getByLabel("6-digit code").fill(new TOTP({ secret: Secret.fromBase32(own.secret) }).generate());
  await form.getByRole("button", { name: "Turn on" }).click();
  await expect(admin.getByRole("list", { name: "Your recovery codes" })).toBeVisible();
  return admin;
}

test("the brand requires it of officers and administrators: a member without it is sent to set it up, and the server refuses their calls", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const admin = await enrolledAdmin(browser);
  try {
    await setRequirement(admin, true);
    await expect(admin.getByText("Saved.")).toBeVisible();
    await shoot(admin, "settings-two-factor-en-1366");

    const newcomer = await invitedMember(
      browser,
      { name: "Nao Newcomer", email: `required-${run}@northtrail.example`, role: "privacy_officer" },
      password,
      admin,
    );
    await expect(newcomer).toHaveURL(/\/admin\/profile\/two-factor\?required=1$/);
    await expect(newcomer.getByText("Your organisation requires two-step verification for your role.")).toBeVisible();
    await newcomer.goto("/admin/requests");
    await expect(newcomer).toHaveURL(/\/admin\/profile\/two-factor\?required=1$/);
    // Not only the pages: the staff API refuses them too.
    const api = await newcomer.request.get("/api/admin/search?q=abc");
    expect(api.status()).toBe(403);
    // A marketing member is not concerned.
    const marketer = await invitedMember(
      browser,
      { name: "Mai Marketer", email: `free-${run}@northtrail.example`, role: "marketing" },
      password,
      admin,
    );
    await expect(marketer).toHaveURL(/\/admin\/purposes$/);
  } finally {
    await setRequirement(admin, false);
    await expect(admin.getByText("Saved.")).toBeVisible();
  }
});
