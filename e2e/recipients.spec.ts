// Threat: someone who may only read the recipient registry (marketing) changes where personal data goes, by
// switching off a recipient's path or pointing a webhook at an endpoint they control, from the page or by
// posting an officer's server action. The server must refuse and change nothing. And a webhook secret, once
// shown, must never be shown again.
import http from "node:http";
import type { AddressInfo } from "node:net";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { captureAction, replayAction } from "./support/actions";
import { pageAs } from "./support/auth";

const seriousViolations = async (page: Page) =>
  (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id);

/** The recipient page's paths, one list item each. */
const pathItems = (page: Page) => page.getByRole("region", { name: "Paths", exact: true }).getByRole("listitem");

/** A receiver on 127.0.0.1 that answers 204 to anything: what a recipient's webhook endpoint would be in development. */
async function localReceiver(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    req.resume();
    res.writeHead(204).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/candor`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

test("an officer adds a recipient and its paths, marketing links it from a purpose draft, and only the officer may change it", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const receiver = await localReceiver();
  const officer = await pageAs(browser, "privacy_officer");
  const name = `Trailhead Analytics ${Date.now()}`;

  // The officer adds the company with its privacy contact.
  await officer.goto("/admin/recipients");
  await expect(officer.getByText(/WEBHOOKS_ALLOW_INSECURE/)).toBeVisible();
  await officer.getByRole("link", { name: "Add recipient" }).click();
  const form = officer.getByRole("form", { name: "Add recipient" });
  await form.getByLabel("Company name").fill(name);
  await form.getByLabel("Country").fill("d1");
  await form.getByRole("button", { name: "Add recipient" }).click();
  await expect(form.getByText("Use a two-letter country code")).toBeVisible();
  await form.getByLabel("Country").fill("de");
  await form.getByLabel("Role").selectOption("processor");
  await form.getByLabel("Name", { exact: true }).fill("Dana Reyes");
  await form.getByLabel("Email", { exact: true }).fill("privacy@trailhead.example");
  await form.getByRole("button", { name: "Add recipient" }).click();
  await expect(officer).toHaveURL(/\/admin\/recipients\/\d+$/);
  const recipientPath = new URL(officer.url()).pathname;
  await expect(officer.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(officer.getByText("No working path", { exact: true })).toBeVisible();
  // The development setting is on in e2e, and the page says so.
  await expect(officer.getByRole("note").filter({ hasText: "WEBHOOKS_ALLOW_INSECURE" })).toBeVisible();

  // An email path to the privacy contact, once a day.
  const email = officer.getByRole("form", { name: "Email to the privacy contact" });
  await expect(email).toContainText("privacy@trailhead.example");
  await email.getByRole("radio", { name: /One message a day/ }).check();
  await email.getByRole("button", { name: "Add email path" }).click();
  await expect(pathItems(officer).filter({ hasText: "One message a day" })).toContainText("Working");
  await expect(officer.getByText("Working path", { exact: true })).toBeVisible();

  // The guard refuses the cloud metadata address even with the development setting on, and says why.
  const webhook = officer.getByRole("form", { name: "Webhook" });
  await webhook.getByLabel("Endpoint address").fill("http://169.254.169.254/latest/meta-data");
  await webhook.getByRole("button", { name: "Add webhook" }).click();
  await expect(webhook.getByText(/169\.254\.169\.254 is a link-local address/)).toBeVisible();
  await expect(webhook.getByLabel("Endpoint address")).toHaveAttribute("aria-invalid", "true");

  // A local receiver is accepted (development setting), and its signing secret is shown once.
  await webhook.getByLabel("Endpoint address").fill(receiver.url);
  await webhook.getByRole("button", { name: "Add webhook" }).click();
  const panel = officer.getByRole("region", { name: `Signing secret for ${name}` });
  await expect(panel).toContainText("Candor will not show it again");
  const secret = await panel.getByLabel("Signing secret").inputValue();
  expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
  await expect(pathItems(officer).filter({ hasText: receiver.url })).toContainText("Working");
  expect(await seriousViolations(officer)).toEqual([]);
  await officer.reload();
  await expect(officer.getByText(receiver.url)).toBeVisible();
  expect(await officer.content()).not.toContain(secret.slice(6));

  // Marketing drafts a purpose that sends data to the new recipient, picked from the registry.
  const marketing = await pageAs(browser, "marketing");
  await marketing.goto("/admin/purposes/new");
  const draft = marketing.getByRole("form", { name: "Create draft" });
  await draft.getByLabel("Name").first().fill("Trail analytics");
  await draft.getByLabel("Key").fill(`trail_analytics_${Date.now()}`);
  await draft.getByLabel("What you do with the data").fill("Measuring which trail guides people read, to write better ones.");
  await draft.getByLabel("What the customer gets in return").fill("Trail guides that answer the questions people actually ask.");
  await draft.getByRole("checkbox", { name: "Preferences" }).check();
  await draft.getByLabel("Kept for (days)").fill("365");
  await draft.getByRole("checkbox", { name: "EU and EEA (GDPR)" }).check();
  await expect(draft.getByText("Ask a privacy officer to add it")).toBeVisible();
  await draft.getByRole("checkbox", { name: `${name} (Processor, DE)` }).check();
  await draft.getByRole("button", { name: "Create draft" }).click();
  await expect(marketing).toHaveURL(/\/admin\/purposes\/\d+$/);
  await expect(marketing.getByRole("link", { name })).toBeVisible();

  // Marketing reads the recipient, linked purpose included, and is offered nothing to change.
  await marketing.getByRole("link", { name }).click();
  await expect(marketing).toHaveURL(new RegExp(`${recipientPath}$`));
  await expect(marketing.getByRole("link", { name: "Trail analytics" })).toBeVisible();
  await expect(marketing.getByRole("heading", { name: "Add a path" })).toHaveCount(0);
  await expect(marketing.getByRole("button", { name: /Switch off/ })).toHaveCount(0);
  await expect(marketing.getByRole("link", { name: "Edit details" })).toHaveCount(0);
  expect((await marketing.goto("/admin/recipients/new"))?.status()).toBe(403);

  // The officer's own switch-off, replayed with marketing's session, is refused and changes nothing.
  await officer.goto(recipientPath);
  const emailItem = pathItems(officer).filter({ hasText: "One message a day" });
  const captured = await captureAction(officer, () => emailItem.getByRole("button", { name: "Switch off Email" }).click());
  await expect(emailItem).toContainText("Switched off");
  await emailItem.getByRole("button", { name: "Switch Email back on" }).click();
  await expect(emailItem).toContainText("Working");
  const forged = await replayAction(marketing, captured);
  expect(forged.status).toBeLessThan(500);
  expect(forged.text).toContain("forbidden");
  await officer.reload();
  await expect(pathItems(officer).filter({ hasText: "One message a day" })).toContainText("Working");

  await officer.goto("/admin/audit?action=recipient.");
  for (const action of ["recipient.create", "recipient.path.add", "recipient.path.disable", "recipient.path.enable"])
    await expect(officer.getByRole("row").filter({ hasText: action }).first()).toBeVisible();
  await receiver.close();
});

// Threat: an admin, who may not read subjects' personal data, gives themselves a way to receive it: a feed key
// for a recipient (reading its history of identifiers from the start), a webhook at their own URL, or the email
// path's address changed to theirs. Paths are a privacy officer's; an admin keeps the registry's facts.
test("an admin edits a recipient's facts but cannot add, switch or rotate its paths, nor move its email path's address", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const officer = await pageAs(browser, "privacy_officer");
  const name = `Harbor Mailers ${Date.now()}`;
  await officer.goto("/admin/recipients/new");
  const form = officer.getByRole("form", { name: "Add recipient" });
  await form.getByLabel("Company name").fill(name);
  await form.getByLabel("Country").fill("ie");
  await form.getByLabel("Email", { exact: true }).fill("privacy@harbor.example");
  await form.getByRole("button", { name: "Add recipient" }).click();
  await expect(officer).toHaveURL(/\/admin\/recipients\/\d+$/);
  const recipientPath = new URL(officer.url()).pathname;
  await officer.getByRole("form", { name: "Email to the privacy contact" }).getByRole("button", { name: "Add email path" }).click();
  await expect(pathItems(officer).filter({ hasText: "One message per change" })).toContainText("Working");
  // The officer makes a feed key (the action captured), then switches the feed off.
  const addFeed = await captureAction(officer, () =>
    officer.getByRole("form", { name: "Feed" }).getByRole("button", { name: "Create feed key" }).click(),
  );
  await expect(officer.getByRole("region", { name: `Feed key for ${name}` })).toBeVisible();
  const feedItem = pathItems(officer).filter({ has: officer.getByText("Feed", { exact: true }) });
  await feedItem.getByRole("button", { name: "Switch off Feed" }).click();
  await expect(feedItem).toContainText("Switched off");

  // The admin reads the recipient and may edit its facts, and is told paths are an officer's.
  const admin = await pageAs(browser, "admin");
  await admin.goto(recipientPath);
  await expect(admin.getByText("only a privacy officer adds one")).toBeVisible();
  await expect(admin.getByRole("heading", { name: "Add a path" })).toHaveCount(0);
  await expect(admin.getByRole("button", { name: /Switch|Rotate/ })).toHaveCount(0);
  // The officer's feed action, sent with the admin's session, is refused and makes no key.
  const forged = await replayAction(admin, addFeed);
  expect(forged.status).toBeLessThan(500);
  expect(forged.text).toContain("forbidden");
  await officer.reload();
  await expect(pathItems(officer).filter({ has: officer.getByText("Feed", { exact: true }) })).toHaveCount(1);
  await expect(officer.getByRole("form", { name: "Feed" })).toBeVisible();

  // The contact address the email path writes to is shown but not editable; the rest of the facts are.
  await admin.getByRole("link", { name: "Edit details" }).click();
  const edit = admin.getByRole("form", { name: "Save details" });
  await expect(edit.getByLabel("Email", { exact: true })).toHaveAttribute("readonly", "");
  await expect(edit.getByText("only a privacy officer may change it")).toBeVisible();
  await edit.getByLabel("Country").fill("gb");
  const save = await captureAction(admin, () => edit.getByRole("button", { name: "Save details" }).click());
  await expect(admin).toHaveURL(new RegExp(`${recipientPath}$`));
  await expect(admin.getByText("GB", { exact: true })).toBeVisible();
  // Sent again with the address rewritten, the server refuses it on the field.
  const moved = await replayAction(admin, save, (body) => body.replace("privacy@harbor.example", "me@attacker.example"));
  expect(moved.text).toContain("email-path-contact");
  await officer.reload();
  await expect(officer.getByText("privacy@harbor.example").first()).toBeVisible();
  await expect(officer.getByText("me@attacker.example")).toHaveCount(0);
});

// Threat: a recipient whose feed an officer switched off keeps reading people's changes or confirming
// deliveries with the key it was given. Switching off revokes the key; switching on hands out a new one, once.
test("an officer switches a feed off, which stops its key, and back on, which shows a new key once", async ({ browser }) => {
  test.setTimeout(120_000);
  const officer = await pageAs(browser, "privacy_officer");
  const name = `Tally Ledger ${Date.now()}`;
  await officer.goto("/admin/recipients/new");
  const form = officer.getByRole("form", { name: "Add recipient" });
  await form.getByLabel("Company name").fill(name);
  await form.getByLabel("Country").fill("nl");
  await form.getByRole("button", { name: "Add recipient" }).click();
  await expect(officer).toHaveURL(/\/admin\/recipients\/\d+$/);
  await officer.getByRole("form", { name: "Feed" }).getByRole("button", { name: "Create feed key" }).click();
  const firstKey = await officer
    .getByRole("region", { name: `Feed key for ${name}` })
    .getByLabel("Feed key")
    .inputValue();
  const reads = async (key: string) =>
    (await officer.request.get("/api/v1/changes", { headers: { authorization: `Bearer ${key}` } })).status();
  expect(await reads(firstKey)).toBe(200);

  const feedItem = pathItems(officer).filter({ has: officer.getByText("Feed", { exact: true }) });
  await expect(feedItem).toContainText("revokes its key at once");
  await feedItem.getByRole("button", { name: "Switch off Feed" }).click();
  await expect(feedItem).toContainText("Switched off");
  await expect(feedItem).toContainText("makes a new key, shown once");
  expect(await reads(firstKey)).toBe(401);

  await feedItem.getByRole("button", { name: "Switch Feed back on" }).click();
  await expect(feedItem).toContainText("Working");
  const panel = feedItem.getByRole("region", { name: `Feed key for ${name}` });
  await expect(panel).toContainText("cannot show it again");
  const secondKey = await panel.getByLabel("Feed key").inputValue();
  expect(secondKey).toMatch(/^rk_live_/);
  expect(secondKey).not.toBe(firstKey);
  expect(await reads(secondKey)).toBe(200);
  expect(await reads(firstKey)).toBe(401);
  expect(await seriousViolations(officer)).toEqual([]);
  await officer.reload();
  expect(await officer.content()).not.toContain(secondKey.slice(12));
});

test("the recipient pages read in English, Korean and Japanese, pass axe, and fit 390 px without sideways scrolling", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const officer = await pageAs(browser, "privacy_officer");
  await officer.goto("/admin/recipients");
  const first = officer.locator("tbody th a").first();
  const detail = (await first.getAttribute("href"))!;
  const headings = { en: "Recipients", ko: "수령인", ja: "提供先" } as const;
  const pathsHeading = { en: "Paths", ko: "경로", ja: "経路" } as const;
  for (const locale of ["en", "ko", "ja"] as const) {
    await officer.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: new URL("/", officer.url()).href }]);
    await officer.goto("/admin/recipients");
    await expect(officer.getByRole("heading", { level: 1, name: headings[locale] })).toBeVisible();
    await expect(officer.locator("body")).not.toContainText("MISSING:");
    expect(await seriousViolations(officer), `${locale} list`).toEqual([]);
    await officer.goto(detail);
    await expect(officer.getByRole("heading", { level: 2, name: pathsHeading[locale], exact: true })).toBeVisible();
    await expect(officer.locator("body")).not.toContainText("MISSING:");
    expect(await seriousViolations(officer), `${locale} detail`).toEqual([]);
  }
  await officer.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: new URL("/", officer.url()).href }]);

  // The demo's registry: a recipient stopped by a 410 and one with no path at all, both visible as such.
  await officer.goto("/admin/recipients");
  await expect(officer.getByText(/of \d+ recipients have a working path/)).toBeVisible();
  await expect(officer.getByText("Webhook: Stopped: endpoint answered 410")).toBeVisible();

  // Every recipient page, whatever its paths, and the forms, at a phone's width.
  await officer.setViewportSize({ width: 390, height: 844 });
  await officer.goto("/admin/recipients");
  const details = await officer.locator("tbody th a").evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
  for (const path of ["/admin/recipients", ...details, "/admin/recipients/new", `${detail}/edit`]) {
    await officer.goto(path);
    const overflow = await officer.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});
