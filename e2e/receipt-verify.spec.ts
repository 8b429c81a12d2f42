// Issue 20: a consent receipt anyone can verify. Threats: a receipt edited after it was issued, or one the
// brand never issued, must never read as authentic; a key rotation must not orphan receipts signed before it;
// the verification keys the brand publishes must hold no private material.
import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { compactVerify, createRemoteJWKSet, decodeProtectedHeader } from "jose";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { openWithLink, pickSubject, type DemoSubject } from "./support/preferences";
import { pageAs } from "./support/auth";
import { createKeyInUi } from "./support/api-keys";
import { checkPage, englishOf, phone, shoot } from "./support/screens";

const words = {
  en: {
    label: "Signed receipt",
    check: "Check receipt",
    authentic: /^Authentic/,
    notAuthentic: /^Not authentic/,
    current: "Current key",
    retired: "Retired",
  },
  ko: {
    label: "서명된 영수증",
    check: "영수증 확인",
    authentic: /^진본:/,
    notAuthentic: /^진본 아님/,
    current: "현재 키",
    retired: "폐기",
  },
  ja: {
    label: "署名付きレシート",
    check: "レシートを確認",
    authentic: /^本物です/,
    notAuthentic: /^本物ではありません/,
    current: "現在の鍵",
    retired: "廃止",
  },
} as const;
type Locale = keyof typeof words;

async function localePage(browser: Browser, baseURL: string, locale: Locale, viewport = phone): Promise<Page> {
  const context = await browser.newContext({ viewport });
  await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL }]);
  return context.newPage();
}

/** The newest history row's signed receipt, downloaded as the person would from their preference center. */
async function downloadSignedReceipt(browser: Browser, baseURL: string, subject: DemoSubject): Promise<string> {
  const page = await localePage(browser, baseURL, "en", { width: 1366, height: 900 });
  await openWithLink(page, subject.uid);
  const history = page.getByRole("region", { name: "Your history" });
  await expect(history.getByRole("link", { name: "Check a signed receipt" })).toHaveAttribute("href", "/receipts/verify");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    history
      .getByRole("row")
      .nth(1)
      .getByRole("link", { name: /^Signed receipt/ })
      .click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^consent-receipt-\d+\.jws$/);
  const jws = fs.readFileSync(await download.path(), "utf8");
  await page.context().close();
  return jws;
}

async function check(page: Page, locale: Locale, text: string) {
  await page.getByLabel(words[locale].label).fill(text);
  await page.getByRole("button", { name: words[locale].check }).click();
}

/** One character changed in the middle of the payload (the receipt's own text). */
function tamper(jws: string): string {
  const [h, p, s] = jws.split(".");
  const at = Math.floor(p.length / 2);
  return [h, p.slice(0, at) + (p[at] === "A" ? "B" : "A") + p.slice(at + 1), s].join(".");
}

test("a receipt from the preference center verifies with jose against the served JWKS and reads authentic on /receipts/verify in en, ko and ja at 390 px; one changed character does not", async ({
  browser,
  baseURL,
}) => {
  const subject = pickSubject(2, { jurisdiction: "EU", locale: "en" });
  const jws = await downloadSignedReceipt(browser, baseURL!, subject);

  // Only the jose package and what the server publishes: no Candor code verifies here.
  const jwksResponse = await (await browser.newContext()).request.get(`${baseURL}/.well-known/jwks.json`);
  expect(jwksResponse.headers()["cache-control"]).toMatch(/public, max-age=\d+/);
  const jwks = (await jwksResponse.json()) as { keys: Record<string, unknown>[] };
  expect(jwks.keys.length).toBeGreaterThan(0);
  for (const key of jwks.keys) expect(key).not.toHaveProperty("d");
  const keySet = createRemoteJWKSet(new URL(`${baseURL}/.well-known/jwks.json`));
  const { payload, protectedHeader } = await compactVerify(jws, keySet, { algorithms: ["ES256"] });
  expect(protectedHeader).toMatchObject({ alg: "ES256", kid: expect.any(String) });
  expect(JSON.parse(new TextDecoder().decode(payload))).toMatchObject({ schema: "ISO/IEC TS 27560:2023", pii_principal_id: subject.uid });
  await expect(compactVerify(tamper(jws), keySet, { algorithms: ["ES256"] })).rejects.toThrow();

  for (const locale of ["en", "ko", "ja"] as const) {
    const page = await localePage(browser, baseURL!, locale);
    await page.goto("/receipts/verify");
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await checkPage(page, locale === "en" ? [] : englishOf("receipts"));

    // Pasted with the line breaks a mail client adds: still authentic.
    await check(page, locale, jws.replace(/(.{76})/g, "$1\n"));
    const verdict = page.getByRole("heading", { level: 2 });
    await expect(verdict).toHaveText(words[locale].authentic);
    await expect(page.locator("[data-verdict]")).toHaveAttribute("data-verdict", "authentic");
    await expect(page.getByText(decodeProtectedHeader(jws).kid!, { exact: true })).toBeVisible();
    await expect(page.getByText(subject.uid, { exact: true })).toBeVisible();
    await checkPage(page, locale === "en" ? [] : englishOf("receipts"));
    await shoot(page, `receipt-verify-authentic-${locale}-390`);

    await check(page, locale, tamper(jws));
    await expect(verdict).toHaveText(words[locale].notAuthentic);
    await expect(page.locator("[data-verdict]")).toHaveAttribute("data-verdict", "not-authentic");
    await expect(page.getByText(subject.uid, { exact: true })).toHaveCount(0);
    await checkPage(page, locale === "en" ? [] : englishOf("receipts"));
    await shoot(page, `receipt-verify-tampered-${locale}-390`);
    await page.context().close();
  }
});

test("malformed input gets a message beside the field, never a 500", async ({ browser, baseURL }) => {
  const page = await localePage(browser, baseURL!, "en");
  await page.goto("/receipts/verify");
  const field = page.getByLabel("Signed receipt");
  await check(page, "en", "   ");
  await expect(page.locator("#receipt-error")).toHaveText("Paste a signed receipt to check.");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await check(page, "en", '{"schema":"ISO/IEC TS 27560:2023"}');
  await expect(page.locator("#receipt-error")).toContainText("This is not a signed receipt");
  await check(page, "en", "eyJhbGciOiJub25lIn0.e30.AAAA");
  await expect(page.getByRole("heading", { level: 2 })).toHaveText(/^Not authentic|^Not a receipt/);
  await checkPage(page);
  await shoot(page, "receipt-verify-malformed-en-390");
});

test("an administrator rotates the key from settings (audited); a receipt signed before still verifies, with jose and on the page, and names its retired key", async ({
  browser,
  baseURL,
}) => {
  const subject = pickSubject(3, { jurisdiction: "EU", locale: "en" });
  const before = await downloadSignedReceipt(browser, baseURL!, subject);
  const oldKid = decodeProtectedHeader(before).kid!;

  const admin = await pageAs(browser, "admin");
  await admin.goto("/admin/settings");
  const card = admin.getByRole("region", { name: "Receipt signing key" });
  await expect(card.getByText(oldKid)).toBeVisible();
  await card.getByRole("button", { name: "Rotate key" }).click();
  await expect(card.getByText("Rotated: the new key signs from now on.")).toBeVisible();
  await expect(card.getByText("Retired, still published").first()).toBeVisible();
  await checkPage(admin);
  await shoot(admin, "receipt-keys-settings-en-1366");
  await admin.goto(`/admin/audit?action=receipt-key.rotate`);
  await expect(admin.locator("main code", { hasText: /^receipt-key\.rotate$/ }).first()).toBeVisible();

  const after = await downloadSignedReceipt(browser, baseURL!, subject);
  const newKid = decodeProtectedHeader(after).kid!;
  expect(newKid).not.toBe(oldKid);
  const keySet = createRemoteJWKSet(new URL(`${baseURL}/.well-known/jwks.json`));
  await expect(compactVerify(before, keySet, { algorithms: ["ES256"] })).resolves.toBeTruthy();
  await expect(compactVerify(after, keySet, { algorithms: ["ES256"] })).resolves.toBeTruthy();

  const page = await localePage(browser, baseURL!, "ko");
  await page.goto("/receipts/verify");
  await check(page, "ko", before);
  await expect(page.getByRole("heading", { level: 2 })).toHaveText(words.ko.authentic);
  const key = page.getByRole("region", { name: "서명 키" });
  await expect(key.getByText(oldKid)).toBeVisible();
  await expect(key.getByText(words.ko.retired, { exact: true })).toBeVisible();
  await expect(key.getByText(words.ko.current)).toHaveCount(0);
  await checkPage(page, englishOf("receipts"));
  await shoot(page, "receipt-verify-retired-key-ko-390");
});

test("the API hands out a consent event's signed receipt with a secret key; jose verifies it; another subject's event is a 404 problem", async ({
  browser,
  baseURL,
}) => {
  const admin = await pageAs(browser, "admin");
  const key = await createKeyInUi(admin, `Receipts ${Date.now()}`);
  const api = (await browser.newContext()).request;
  const auth = { authorization: `Bearer ${key}` };
  const recorded = await api.post("/api/v1/consents", {
    headers: auth,
    data: {
      subject: { externalId: `receipt-${Date.now()}`, jurisdiction: "EU" },
      purpose: "marketing_messages",
      event: "granted",
      channel: "email",
    },
  });
  expect(recorded.status(), await recorded.text()).toBe(201);
  const { eventId, subjectId } = (await recorded.json()) as { eventId: number; subjectId: string };

  const answer = await api.get(`/api/v1/subjects/${subjectId}/receipts/${eventId}`, { headers: auth });
  expect(answer.status()).toBe(200);
  const body = (await answer.json()) as { jws: string; kid: string; receipt: Record<string, unknown>; jwksUrl: string; verifyUrl: string };
  expect(body.jwksUrl).toMatch(/\/\.well-known\/jwks\.json$/);
  expect(body.verifyUrl).toMatch(/\/receipts\/verify$/);
  const { payload, protectedHeader } = await compactVerify(body.jws, createRemoteJWKSet(new URL(`${baseURL}/.well-known/jwks.json`)));
  expect(protectedHeader.kid).toBe(body.kid);
  expect(JSON.parse(new TextDecoder().decode(payload))).toEqual(body.receipt);
  expect(body.receipt).toMatchObject({ pii_principal_id: subjectId, purposes: [{ purpose_id: "marketing_messages", channel: "email" }] });

  const other = pickSubject(4, { jurisdiction: "EU", locale: "en" });
  const missing = await api.get(`/api/v1/subjects/${other.uid}/receipts/${eventId}`, { headers: auth });
  expect(missing.status()).toBe(404);
  expect(missing.headers()["content-type"]).toContain("application/problem+json");
  expect((await api.get(`/api/v1/subjects/${subjectId}/receipts/not-a-number`, { headers: auth })).status()).toBe(404);
  expect((await api.get(`/api/v1/subjects/${subjectId}/receipts/${eventId}`)).status()).toBe(401);
});

test("the preference center offers the signed receipt and the check page, and settings shows the keys, in ko and ja at 390 px", async ({
  browser,
  baseURL,
}) => {
  const subject = pickSubject(5, { jurisdiction: "EU", locale: "en" });
  const signed = { ko: /^서명된 영수증/, ja: /^署名付きレシート/ };
  const keys = { ko: { card: "영수증 서명 키", rotate: "키 교체" }, ja: { card: "レシート署名鍵", rotate: "鍵を交換" } };
  for (const locale of ["ko", "ja"] as const) {
    const page = await localePage(browser, baseURL!, locale);
    await openWithLink(page, subject.uid);
    const row = page.getByRole("row").nth(1);
    await expect(row.getByRole("link", { name: signed[locale] })).toHaveAttribute("href", /\/preferences\/receipts\/\d+\?format=jws$/);
    await expect(page.locator('a[href="/receipts/verify"]')).toBeVisible();
    // The preference center's own page: serious and critical findings, as e2e/preferences.spec.ts checks it (its
    // history section and table share a name, a moderate landmark-unique finding that predates the receipts).
    const scan = await new AxeBuilder({ page }).analyze();
    expect(scan.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await shoot(page, `receipt-history-${locale}-390`);
    await page.context().close();

    const admin = await pageAs(browser, "admin");
    await admin.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL! }]);
    await admin.setViewportSize(phone);
    await admin.goto("/admin/settings");
    const card = admin.getByRole("region", { name: keys[locale].card });
    await expect(card.getByRole("button", { name: keys[locale].rotate })).toBeVisible();
    await checkPage(admin, englishOf("receipts"));
    await shoot(admin, `receipt-keys-settings-${locale}-390`);
    await admin.context().close();
  }
});
