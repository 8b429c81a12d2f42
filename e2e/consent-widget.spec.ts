import zlib from "node:zlib";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { pageAs } from "./support/auth";
import { bannerPurposes, bannerStateOf, eventCountOf } from "./support/widget-store";

// The consent banner is where most customers decide. Threats: a box ticked for them, refusing
// made harder than accepting, a keypress or a dismissal taken as consent, a browser's Global
// Privacy Control overridden, and a publishable key used from a site it was never given to.

const KEY = "pk_demo_northtrail_2026";
const run = Date.now().toString(36);
const subject = (name: string) => `widget-${run}-${name}`;
const demo = (externalId?: string) => `/embed/demo?jurisdiction=EU${externalId ? `&subject=${externalId}` : ""}`;
const consentsPost = (page: Page) =>
  page.waitForResponse((r) => r.url().includes("/api/v1/widget/consents") && r.request().method() === "POST");

async function openBanner(page: Page, path: string) {
  await page.goto(path);
  const dialog = page.getByRole("dialog", { name: "Your privacy choices" });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Whether the element has focus, looking into shadow roots (the widget lives in one). */
const isFocused = (locator: Locator) =>
  locator.evaluate((el) => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active === el;
  });

/** What a privacy officer sees for the subject in the admin: every banner purpose in the expected state. */
async function expectInAdmin(browser: Browser, externalId: string, state: "Granted" | "Denied") {
  const officer = await pageAs(browser, "privacy_officer");
  await officer.goto(`/admin/subjects?q=${encodeURIComponent(externalId)}`);
  await officer.getByRole("row").filter({ hasText: externalId }).getByRole("link").click();
  await expect(officer.getByRole("heading", { name: "Current choices" })).toBeVisible();
  for (const key of bannerPurposes) await expect(officer.locator(`tr[data-purpose="${key}"]`), key).toContainText(state);
  await officer.context().close();
}

async function gpcPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ extraHTTPHeaders: { "Sec-GPC": "1" } });
  await context.addInitScript(() =>
    Object.defineProperty(Navigator.prototype, "globalPrivacyControl", { get: () => true, configurable: true }),
  );
  return context.newPage();
}

test("the banner asks with nothing ticked, and Accept all records a grant for every purpose", async ({ page, browser }) => {
  const id = subject("accept");
  const dialog = await openBanner(page, demo(id));
  for (const name of ["Accept all", "Reject all", "Choose"]) await expect(dialog.getByRole("button", { name })).toBeVisible();

  await dialog.getByRole("button", { name: "Choose" }).click();
  const boxes = dialog.getByRole("checkbox");
  expect(await boxes.count()).toBeGreaterThanOrEqual(bannerPurposes.length);
  for (const box of await boxes.all()) await expect(box).not.toBeChecked();
  await dialog.getByRole("button", { name: "Back" }).click();

  const posted = consentsPost(page);
  await dialog.getByRole("button", { name: "Accept all" }).click();
  expect((await posted).status()).toBe(200);
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("button", { name: "Privacy choices" })).toBeVisible();

  const states = bannerStateOf(id);
  for (const key of bannerPurposes) expect(states[key], key).toMatchObject({ state: "granted", source: "banner", gpc: 0 });
  await expectInAdmin(browser, id, "Granted");

  // Remembered: the next page view does not ask again.
  await page.reload();
  await expect(page.getByRole("button", { name: "Privacy choices" })).toBeVisible();
  await expect(page.getByRole("dialog")).toBeHidden();
});

test("Reject all, in a fresh browser, records a refusal for every purpose", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const id = subject("reject");
  const dialog = await openBanner(page, demo(id));
  const posted = consentsPost(page);
  await dialog.getByRole("button", { name: "Reject all" }).click();
  await posted;
  await expect(dialog).toBeHidden();
  const states = bannerStateOf(id);
  for (const key of bannerPurposes) expect(states[key], key).toMatchObject({ state: "denied", source: "banner" });
  await expectInAdmin(browser, id, "Denied");
  await context.close();
});

test("Choose records exactly what was ticked, and un-ticking later is a withdrawal", async ({ page }) => {
  const id = subject("choose");
  const dialog = await openBanner(page, demo(id));
  await dialog.getByRole("button", { name: "Choose" }).click();
  await dialog.getByRole("checkbox", { name: "News, offers and new-season launches" }).check();
  let posted = consentsPost(page);
  await dialog.getByRole("button", { name: "Save choices" }).click();
  await posted;
  let states = bannerStateOf(id);
  expect(states.marketing_messages.state).toBe("granted");
  for (const key of bannerPurposes.filter((k) => k !== "marketing_messages")) expect(states[key].state, key).toBe("denied");

  await page.getByRole("button", { name: "Privacy choices" }).click();
  const box = dialog.getByRole("checkbox", { name: "News, offers and new-season launches" });
  await expect(box).toBeChecked();
  await box.uncheck();
  posted = consentsPost(page);
  await dialog.getByRole("button", { name: "Save choices" }).click();
  await posted;
  states = bannerStateOf(id);
  expect(states.marketing_messages).toMatchObject({ state: "withdrawn", event: "withdrawn" });
});

test("a visitor without a customer id is recorded under the widget's anonymous id", async ({ page }) => {
  const dialog = await openBanner(page, demo());
  const posted = consentsPost(page);
  await dialog.getByRole("button", { name: "Accept all" }).click();
  await posted;
  const anon = await page.evaluate(() => localStorage.getItem("candor-anon"));
  expect(anon).toMatch(/^anon-[0-9a-f-]{36}$/);
  expect(bannerStateOf(anon!).marketing_messages?.state).toBe("granted");
});

test("works by keyboard alone, and Escape closes without recording anything", async ({ page }) => {
  const id = subject("keyboard");
  const dialog = await openBanner(page, demo(id));
  await expect(dialog).toBeFocused();

  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  const reopen = page.getByRole("button", { name: "Privacy choices" });
  await expect(reopen).toBeFocused();
  expect(eventCountOf(id)).toBe(0);
  expect(await page.evaluate(() => localStorage.getItem("candor-consent"))).toBeNull();

  await page.keyboard.press("Enter");
  await expect(dialog).toBeFocused();
  const reject = dialog.getByRole("button", { name: "Reject all" });
  // Tab from the dialog: past the notices link and Accept all, to Reject all.
  for (let i = 0; i < 4 && !(await isFocused(reject)); i++) await page.keyboard.press("Tab");
  await expect(reject).toBeFocused();
  const posted = consentsPost(page);
  await page.keyboard.press("Enter");
  await posted;
  await expect(dialog).toBeHidden();
  expect(bannerStateOf(id).marketing_messages?.state).toBe("denied");
});

test("under Global Privacy Control, sharing with advertising partners is never granted", async ({ browser }) => {
  const page = await gpcPage(browser);
  const id = subject("gpc");
  const dialog = await openBanner(page, demo(id));
  await expect(dialog).toContainText("Global Privacy Control signal");
  await dialog.getByRole("button", { name: "Choose" }).click();
  const sharing = dialog.getByRole("checkbox", { name: "Sharing with advertising partners" });
  await expect(sharing).toBeDisabled();
  await expect(sharing).not.toBeChecked();
  await expect(dialog.getByText("Opted out by your browser's Global Privacy Control")).toBeVisible();
  await dialog.getByRole("button", { name: "Back" }).click();

  const posted = consentsPost(page);
  await dialog.getByRole("button", { name: "Accept all" }).click();
  const response = await posted;
  const sent = response.request().postDataJSON() as { choices: { purpose: string; event: string }[] };
  expect(sent.choices.find((c) => c.purpose === "ad_partner_sharing")?.event).toBe("denied");
  expect(response.request().headers()["sec-gpc"]).toBe("1");
  const states = bannerStateOf(id);
  expect(states.ad_partner_sharing).toMatchObject({ state: "denied", gpc: 1 });
  expect(states.marketing_messages.state).toBe("granted");

  // Even a hand-made grant under the GPC header is refused by Candor.
  const forged = await page.request.post(`/api/v1/widget/consents?key=${KEY}`, {
    headers: { Origin: new URL(page.url()).origin },
    data: { subject: { externalId: id }, locale: "en", choices: [{ purpose: "ad_partner_sharing", event: "granted" }] },
  });
  expect((await forged.json()).results[0]).toMatchObject({ status: "rejected", code: "gpc-opt-out" });
  expect(bannerStateOf(id).ad_partner_sharing.state).toBe("denied");
  await page.context().close();
});

test("speaks the page's language: Korean on a Korean page", async ({ browser }) => {
  const context = await browser.newContext({ locale: "ko-KR" });
  const page = await context.newPage();
  await page.goto(demo(subject("ko")));
  const dialog = page.getByRole("dialog", { name: "개인정보 이용 동의" });
  await expect(dialog).toBeVisible();
  for (const name of ["모두 동의", "모두 거부", "직접 선택"]) await expect(dialog.getByRole("button", { name })).toBeVisible();
  await dialog.getByRole("button", { name: "직접 선택" }).click();
  await expect(dialog.getByRole("checkbox", { name: "광고 파트너와의 정보 공유" })).not.toBeChecked();
  await context.close();
});

test("the demo page has no serious accessibility violations with the banner open", async ({ page }) => {
  const dialog = await openBanner(page, demo(subject("axe")));
  const serious = async () =>
    (await new AxeBuilder({ page }).analyze()).violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(await serious()).toEqual([]);
  await dialog.getByRole("button", { name: "Choose" }).click();
  expect(await serious()).toEqual([]);
});

test.describe("the widget API", () => {
  const config = `/api/v1/widget/config?key=${KEY}&locale=en`;

  test("answers an allowed origin, reflecting it, with only consent-based purposes", async ({ request }) => {
    const response = await request.get(config, { headers: { Origin: "https://northtrail.example" } });
    expect(response.status()).toBe(200);
    expect(response.headers()["access-control-allow-origin"]).toBe("https://northtrail.example");
    expect(response.headers()["vary"]).toContain("Origin");
    const body = (await response.json()) as { brand: { name: string }; purposes: { key: string; what: string }[] };
    expect(body.brand.name).toBe("Northtrail Outfitters");
    const keys = body.purposes.map((p) => p.key);
    for (const key of bannerPurposes) expect(keys).toContain(key);
    for (const key of ["order_fulfilment", "tax_records", "fraud_prevention"]) expect(keys).not.toContain(key);

    const preflight = await request.fetch(`/api/v1/widget/consents?key=${KEY}`, {
      method: "OPTIONS",
      headers: {
        Origin: "http://localhost:4321",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type",
      },
    });
    expect(preflight.status()).toBe(204);
    expect(preflight.headers()["access-control-allow-origin"]).toBe("http://localhost:4321");
    expect(preflight.headers()["access-control-allow-methods"]).toContain("POST");
  });

  test("refuses a disallowed origin, records nothing, and sends no CORS grant", async ({ request }) => {
    const evil = { Origin: "https://evil.example" };
    const get = await request.get(config, { headers: evil });
    expect(get.status()).toBe(403);
    expect(get.headers()["content-type"]).toContain("application/problem+json");
    expect(get.headers()["access-control-allow-origin"]).toBeUndefined();

    const id = subject("evil");
    const post = await request.post(`/api/v1/widget/consents?key=${KEY}`, {
      headers: evil,
      data: {
        subject: { externalId: id },
        jurisdiction: "EU",
        locale: "en",
        choices: [{ purpose: "marketing_messages", event: "granted" }],
      },
    });
    expect(post.status()).toBe(403);
    expect(eventCountOf(id)).toBe(0);

    const preflight = await request.fetch(`/api/v1/widget/consents?key=${KEY}`, {
      method: "OPTIONS",
      headers: { ...evil, "Access-Control-Request-Method": "POST" },
    });
    expect(preflight.status()).toBe(403);
    expect(preflight.headers()["access-control-allow-origin"]).toBeUndefined();
  });

  test("refuses unknown keys and bad bodies as problem details", async ({ request, baseURL }) => {
    const origin = { Origin: new URL(baseURL!).origin };
    const unknown = await request.get("/api/v1/widget/config?key=pk_unknown_key_000&locale=en", { headers: origin });
    expect(unknown.status()).toBe(401);
    expect((await unknown.json()).status).toBe(401);

    const bad = await request.post(`/api/v1/widget/consents?key=${KEY}`, {
      headers: origin,
      data: { subject: { anonymousId: "anon-nope" }, locale: "xx", choices: [{ purpose: "marketing_messages", event: "maybe" }] },
    });
    expect(bad.status()).toBe(422);
    expect(bad.headers()["content-type"]).toContain("application/problem+json");
    const fields = ((await bad.json()).errors as { field: string }[]).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(["subject.anonymousId", "locale", "choices[0].event"]));

    const notJson = await request.post(`/api/v1/widget/consents?key=${KEY}`, {
      headers: { ...origin, "Content-Type": "application/json" },
      data: Buffer.from("{nope"),
    });
    expect(notJson.status()).toBe(400);
  });

  test("serves the script with caching headers, within 8 KB gzipped", async ({ request }) => {
    const response = await request.get("/embed/consent.js");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("text/javascript");
    expect(response.headers()["cache-control"]).toBe("public, max-age=300");
    const etag = response.headers()["etag"];
    expect(etag).toBeTruthy();
    expect(zlib.gzipSync(await response.body()).length).toBeLessThanOrEqual(8 * 1024);
    const again = await request.get("/embed/consent.js", { headers: { "If-None-Match": etag } });
    expect(again.status()).toBe(304);
  });
});
