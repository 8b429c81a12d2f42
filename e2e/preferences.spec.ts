// Threats: someone who knows an email must not learn whether it is a customer's, guess its code or forge a
// brand link; a subject's session must never change, or read the receipts of, another subject.
import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { captureAction, replayAction } from "./support/actions";
import { latestCodeFromOutbox, latestCodeFromStore, ledgerOf, openWithLink, pickSubject, signedLink, stateOf } from "./support/preferences";

const korean = { locale: "ko-KR", extraHTTPHeaders: { "Accept-Language": "ko-KR,ko;q=0.9" } };
const english = { locale: "en-US", extraHTTPHeaders: { "Accept-Language": "en-US,en;q=0.9" } };

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test("a Korean subject opens the preference center with an emailed code, withdraws one purpose, grants another and keeps the receipt", async ({
  browser,
}) => {
  const subject = pickSubject(0, { jurisdiction: "KR", locale: "ko" });
  const page = await (await browser.newContext(korean)).newPage();
  await page.goto("/preferences");
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("내 개인정보 선택");
  expect(await seriousViolations(page), "access form").toEqual([]);

  await page.getByLabel("이메일 주소").fill(subject.email);
  await page.getByRole("button", { name: "코드 보내기" }).click();
  await expect(page.getByRole("heading", { name: "코드 입력" })).toBeVisible();
  expect(page.url()).not.toContain("@");
  const code = await latestCodeFromOutbox(browser, subject.email);
  await page.getByLabel("6자리 코드").fill(code);
  await page.getByRole("button", { name: "내 선택 열기" }).click();
  await expect(page.getByRole("button", { name: "로그아웃" })).toBeVisible();
  await expect(page).toHaveTitle(/내 개인정보 선택/);
  expect(await seriousViolations(page), "preference center").toEqual([]);

  // Withdrawing is one click, exactly like granting.
  const on = page.getByRole("switch", { name: subject.on.title });
  await expect(on).toHaveAttribute("aria-checked", "true");
  await on.click();
  await expect(on).toHaveAttribute("aria-checked", "false");
  await expect.poll(() => stateOf(subject.id, subject.on.key)).toBe("withdrawn");

  // Granting from the keyboard: focus the switch, press Space.
  const off = page.getByRole("switch", { name: subject.off.title });
  await expect(off).toHaveAttribute("aria-checked", "false");
  await off.focus();
  await page.keyboard.press("Space");
  await expect(off).toHaveAttribute("aria-checked", "true");
  await expect.poll(() => stateOf(subject.id, subject.off.key)).toBe("granted");
  expect(ledgerOf(subject.id).latest).toMatchObject({ event: "granted", source: "preference_center", key: subject.off.key });

  // The newest history row is that grant; its receipt is a 27560-shaped JSON download.
  const row = page.getByRole("region", { name: "내 기록" }).getByRole("row").nth(1);
  await expect(row).toContainText("동의");
  await expect(row).toContainText(subject.off.title);
  const [download] = await Promise.all([page.waitForEvent("download"), row.getByRole("link", { name: /내려받기/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/^consent-receipt-\d+\.json$/);
  const receipt = JSON.parse(fs.readFileSync(await download.path(), "utf8"));
  expect(receipt).toMatchObject({
    schema_version: "1.0",
    pii_principal_id: subject.uid,
    privacy_notice: { url: expect.stringMatching(new RegExp(`/notices/${subject.off.key}$`)), version: expect.any(Number) },
    language: "ko",
    purposes: [{ purpose_id: subject.off.key, lawful_basis: "consent" }],
    lawful_basis: "consent",
    pii_controllers: [{ party_name: expect.any(String), party_address: expect.any(String), party_role: "controller" }],
    jurisdiction: "KR",
    retention_period: expect.stringMatching(/^P\d+D$/),
    withdrawal_method: { url: expect.stringMatching(/\/preferences$/) },
    collection_method: "preference_center",
    event: { event_type: "explicitly_expressed", event_state: "given", event_time: expect.any(String) },
    gpc: false,
  });
  expect(receipt.pii_information.length).toBeGreaterThan(0);
  expect(receipt.record_id).toMatch(/^[0-9a-f-]{36}$/);

  // Withdrawing the grant again is the same one key press.
  await off.focus();
  await page.keyboard.press("Enter");
  await expect(off).toHaveAttribute("aria-checked", "false");

  await page.getByRole("button", { name: "로그아웃" }).click();
  await expect(page.getByLabel("이메일 주소")).toBeVisible();
  expect((await page.request.get(`/preferences/receipts/${ledgerOf(subject.id).latest.id}`)).status()).toBe(404);
});

test("five wrong codes lock the code, and the right one no longer opens anything", async ({ browser }) => {
  const subject = pickSubject(1, { jurisdiction: "KR", locale: "ko" });
  const page = await (await browser.newContext(english)).newPage();
  await page.goto("/preferences");
  await page.getByLabel("Email address").fill(subject.email);
  await page.getByRole("button", { name: "Send me a code" }).click();
  await expect(page.getByRole("heading", { name: "Enter your code" })).toBeVisible();
  const right = latestCodeFromStore(subject.email);
  const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, "0");
  for (let left = 4; left >= 1; left--) {
    await page.getByLabel("6-digit code").fill(wrong);
    await page.getByRole("button", { name: "Open my choices" }).click();
    await expect(page.getByText(`That code is not right. You have ${left} ${left === 1 ? "try" : "tries"} left.`)).toBeVisible();
  }
  await page.getByLabel("6-digit code").fill(wrong);
  await page.getByRole("button", { name: "Open my choices" }).click();
  await expect(page.getByText("This code no longer works after 5 wrong tries. Ask for a new code.")).toBeVisible();
  await page.getByLabel("6-digit code").fill(right);
  await page.getByRole("button", { name: "Open my choices" }).click();
  await expect(page.getByText("This code no longer works after 5 wrong tries. Ask for a new code.")).toBeVisible();
  await expect(page.getByRole("switch")).toHaveCount(0);
});

test("an unknown email gets the same answer as a customer's, and a fourth code in 15 minutes is refused, saying why", async ({ page }) => {
  const email = `nobody-${Date.now()}@example.org`;
  await page.goto("/preferences");
  for (let i = 0; i < 3; i++) {
    await page.getByLabel("Email address").fill(email);
    await page.getByRole("button", { name: "Send me a code" }).click();
    await expect(page.getByRole("heading", { name: "Enter your code" })).toBeVisible();
    // After an action's redirect the new title streams in a moment later.
    await expect(page).toHaveTitle(/Your privacy choices/);
    expect(await seriousViolations(page), "code step").toEqual([]);
    await page.getByRole("button", { name: "Use another email or get a new code" }).click();
  }
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Send me a code" }).click();
  await expect(page.getByText(/You have asked for 3 codes in the last 15 minutes\. .* wait \d+ minutes/)).toBeVisible();
});

test("an expired, forged or altered signed link is refused; a good one opens the subject's choices", async ({ page }) => {
  const subject = pickSubject(2, { jurisdiction: "KR", locale: "ko" });
  const now = Math.floor(Date.now() / 1000);
  await page.request.get("/preferences/link");
  await page.goto(signedLink(subject.uid, now - 60));
  await expect(page.getByText("This link has expired.", { exact: false })).toBeVisible();
  await page.goto(signedLink(subject.uid, now + 600, "not-the-secret"));
  await expect(page.getByText("This link is not valid.", { exact: false })).toBeVisible();
  const good = new URL(signedLink(subject.uid, now + 600), "http://x");
  good.searchParams.set("exp", String(now + 6000));
  await page.goto(good.pathname + good.search);
  await expect(page.getByText("This link is not valid.", { exact: false })).toBeVisible();
  await expect(page.getByRole("switch")).toHaveCount(0);
  await openWithLink(page, subject.uid);
  expect(page.url()).not.toContain(subject.uid);
});

test("a subject's session cannot change another subject, even with a forged cookie or a rewritten action", async ({ browser }) => {
  const a = pickSubject(3, { jurisdiction: "KR", locale: "ko" });
  const b = pickSubject(4, { jurisdiction: "KR", locale: "ko" });
  const context = await browser.newContext(english);
  const page = await context.newPage();
  await openWithLink(page, a.uid);
  await expect(page.locator("html")).toHaveAttribute("lang", "ko"); // the subject's own language, though the browser asked for English
  const before = { a: ledgerOf(a.id).count, b: ledgerOf(b.id).count };
  const action = await captureAction(page, () => page.getByRole("switch", { name: a.on.title }).click());
  await expect.poll(() => ledgerOf(a.id).count).toBe(before.a + 1);

  // Replayed with B's uid smuggled into the form: still only A's ledger moves.
  const boundary = action.headers["content-type"].split("boundary=")[1];
  const part = (name: string) => `--${boundary}\r\nContent-Disposition: form-data; name="_1_${name}"\r\n\r\n${b.uid}\r\n`;
  const smuggled = await replayAction(page, action, (body) =>
    body.replace(`--${boundary}--`, `${part("subject")}${part("sid")}--${boundary}--`),
  );
  expect(smuggled.status).toBeLessThan(500);
  expect(ledgerOf(b.id).count).toBe(before.b);

  // A cookie rewritten to name B keeps A's signature, so it is no session at all.
  const cookie = (await context.cookies()).find((c) => c.name === "candor_preferences")!;
  const [payload, sig] = cookie.value.split(".");
  const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, "base64url").toString()), sid: b.uid })).toString(
    "base64url",
  );
  const intruder = await browser.newContext(english);
  await intruder.addCookies([{ ...cookie, value: `${forged}.${sig}` }]);
  const intruderPage = await intruder.newPage();
  const replay = await replayAction(intruderPage, action);
  expect(replay.status).toBeLessThan(500);
  expect(replay.text).toContain("signed-out");
  await intruderPage.goto("/preferences");
  await expect(intruderPage.getByLabel("Email address")).toBeVisible();
  expect(ledgerOf(b.id).count).toBe(before.b);

  // A's session cannot read B's receipts either: a plain 404.
  const bEvent = ledgerOf(b.id).latest.id;
  expect((await page.request.get(`/preferences/receipts/${bEvent}`)).status()).toBe(404);
  expect((await page.request.get(`/preferences/receipts/${ledgerOf(a.id).latest.id}`)).status()).toBe(200);
  expect((await page.request.get("/preferences/receipts/not-a-number")).status()).toBe(404);
});
