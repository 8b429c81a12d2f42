// Threats: a person's erasure is honoured in Candor's store while the companies their data went to keep
// using it (GDPR Art. 19, CCPA §7022(b)); a recipient without an API is never told; an officer cannot see
// which recipients acted; or the identifiers kept until the recipients confirm stay in the database file
// once they have (issue 14, deliverable 3). The acceptance journey of issue 14: a webhook recipient (a
// receiver on 127.0.0.1 that checks every signature with the standardwebhooks package) confirms by API,
// an email-path recipient's task is closed by the officer with a note, the request shows both confirmed,
// and then the raw database file holds neither the person's email nor their external id.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { readStore } from "../db/testing/read-store";
import { stopServer, type RunningServer } from "../scripts/bench/http";
import { signIn } from "./support/auth";
import { addEmailRecipient, addWebhookRecipient, linkToPurpose, type EmailRecipient, type WebhookRecipient } from "./support/recipients";
import { secondServer, type SecondServer } from "./support/second-server";
import { startSmtpSink, type SmtpSink } from "./support/smtp-sink";

test.describe.configure({ mode: "serial", timeout: 300_000 });

type Received = { id: string; verified: boolean; event: { type: string; subject: { externalId?: string; email?: string } } | null };

let sink: SmtpSink;
let env: SecondServer;
let server: RunningServer;
let receiver: http.Server;
let hookline: WebhookRecipient;
let inkpost: EmailRecipient;
const received: Received[] = [];
/** The request the journey completes, read again by the language test. */
let requestId = 0;

/** A recipient's endpoint: every request is checked with the specification's own library, then answered 204. */
function startReceiver(): Promise<string> {
  receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
      let event: Received["event"] = null;
      try {
        event = new Webhook(hookline.secret).verify(body, headers) as Received["event"];
      } catch {
        event = null;
      }
      received.push({ id: headers["webhook-id"] ?? "", verified: event !== null, event });
      res.writeHead(event ? 204 : 401).end();
    });
  });
  return new Promise((resolve) =>
    receiver.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(receiver.address() as AddressInfo).port}/candor`)),
  );
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  sink = await startSmtpSink();
  const url = await startReceiver();
  env = await secondServer("propagation-erasure", {
    SMTP_URL: sink.url,
    SMTP_FROM: "privacy@northtrail.example",
    WEBHOOKS_ALLOW_INSECURE: "true",
  });
  // Two recipients of the newsletter purpose, added to the copy before its server starts.
  hookline = await addWebhookRecipient(env.store, "Hookline CRM Ltd.", url);
  inkpost = addEmailRecipient(env.store, "Inkpost Mailings GmbH", "dpo@inkpost.example");
  linkToPurpose(env.store, "marketing_messages", [hookline.id, inkpost.id]);
  server = await env.start();
});

test.afterAll(async () => {
  if (server) await stopServer(server);
  await sink?.close();
  await new Promise((resolve) => receiver?.close(resolve));
  env?.remove();
});

/** No sideways scrolling at a phone's width, and axe finds nothing. */
async function checkPage(page: Page) {
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth), "no sideways scrolling at 390 px").toBeLessThanOrEqual(390);
  await page.setViewportSize(size);
}

test("an erasure reaches a webhook recipient that confirms by API and an email recipient whose task the officer closes; then the file holds neither the email nor the external id", async ({
  browser,
}) => {
  const run = Date.now().toString(36);
  const email = `rosa.erase.${run}@example.ie`;
  const externalId = `IE-PROP-${run}`;
  const api = (path: string, body: unknown, key = env.key) =>
    fetch(`${server.baseUrl}${path}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  // A customer who signed up for the newsletter: their email and customer id went to both recipients.
  expect(
    (
      await api("/api/v1/consents", {
        subject: { externalId, email, jurisdiction: "EU", locale: "en" },
        purpose: "marketing_messages",
        event: "granted",
        channel: "email",
      })
    ).status,
  ).toBe(201);
  const filed = await api("/api/v1/requests", { type: "deletion", subject: { externalId } });
  expect(filed.status).toBe(201);
  const { ref } = (await filed.json()) as { ref: string };
  const mailsTo = (to: string) => sink.mails.filter((m) => m.to.includes(to));
  await expect.poll(() => mailsTo(email).length, { timeout: 60_000, message: "the verification code is mailed" }).toBeGreaterThan(0);
  const code = /\b(\d{6})\b/.exec(mailsTo(email)[0].text)![1];
  const id = readStore(env.store, (db) => (db.prepare("SELECT id FROM subject_requests WHERE ref = ?").get(ref) as { id: number }).id);
  requestId = id;

  // Two production servers share this machine's cores: server actions get more than the default 10 s.
  const slow = { timeout: 30_000 };
  const context = await browser.newContext({ baseURL: server.baseUrl });
  const officer = await context.newPage();
  await signIn(officer, "privacy_officer");
  await officer.goto(`/admin/requests/${id}`);
  const check = officer.getByRole("form", { name: "Check the code" });
  await check.getByLabel("6-digit code").fill(code);
  await check.getByRole("button", { name: "Check the code" }).click();
  const complete = officer.getByRole("form", { name: "Complete request" });
  await expect(complete).toBeVisible(slow);

  // Before completing, the panel says who will be told, from the data map.
  const panel = officer.getByRole("region", { name: "Recipients told" });
  await expect(panel.getByRole("heading", { name: "Completing this request will tell" })).toBeVisible();
  await expect(panel).toContainText(hookline.name);
  await expect(panel).toContainText(inkpost.name);
  await checkPage(officer);

  await complete.getByRole("checkbox").check();
  await complete.getByRole("button", { name: "Complete request" }).click();
  await expect(officer.getByRole("cell", { name: "personal data erased; tombstone kept" })).toBeVisible(slow);

  // The webhook recipient receives subject.erased, signed, naming the person by what it holds.
  await expect.poll(() => received.filter((r) => r.event?.type === "subject.erased.v1").length, { timeout: 60_000 }).toBe(1);
  expect(
    received.every((r) => r.verified),
    "every request carried a valid signature",
  ).toBe(true);
  const erased = received.find((r) => r.event?.type === "subject.erased.v1")!;
  expect(erased.event!.subject).toEqual({ externalId, email });
  expect(erased.id).toMatch(/^msg_/);

  // The request page follows it: delivered by webhook, waiting for the recipient's confirmation.
  const told = (name: string) => panel.getByTestId("recipient-told").filter({ has: officer.getByRole("heading", { name }) });
  await expect(async () => {
    await officer.reload();
    await expect(told(hookline.name).getByRole("list", { name: `${hookline.name}: Delivered` })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(told(hookline.name)).toContainText("by webhook");

  // Only the recipient's own key confirms it; the brand's secret key does not.
  expect((await api(`/api/v1/deliveries/${erased.id}/confirm`, undefined, env.key)).ok).toBe(false);
  const confirmed = await api(`/api/v1/deliveries/${erased.id}/confirm`, undefined, hookline.key);
  expect(confirmed.status).toBe(200);
  expect(await confirmed.json()).toMatchObject({ deliveryId: erased.id, state: "confirmed" });

  // The email recipient's privacy contact is written to, and the officer's task list holds the change.
  await expect
    .poll(() => mailsTo(inkpost.contact).length, { timeout: 60_000, message: "the privacy contact is emailed" })
    .toBeGreaterThan(0);
  await officer.goto("/admin/deliveries/tasks");
  const task = officer.getByTestId("delivery-task").filter({ hasText: inkpost.name }).filter({ hasText: ref });
  // Oldest first: the demo's own open tasks come before this one, which may be a few pages on.
  await expect(officer.getByRole("status").filter({ hasText: /open tasks?$/ })).toBeVisible();
  const pages = officer.getByRole("navigation", { name: "Pages" });
  for (let page = 2; (await task.count()) === 0; page++) {
    await pages.getByRole("link", { name: "Later →" }).click();
    await expect(pages.getByText(`Page ${page}`, { exact: true })).toBeVisible();
  }
  await expect(task).toHaveCount(1);
  await expect(task.getByRole("link", { name: ref })).toHaveAttribute("href", `/admin/requests/${id}`);
  const close = task.getByRole("form", { name: new RegExp(`^Close task: ${inkpost.name}, Erasure, ${ref}, msg_`) });
  await close.getByRole("button", { name: "Close task" }).click();
  await expect(close.getByText("Write a note saying how the recipient confirmed.")).toBeVisible(slow);
  await close.getByLabel("How do you know it acted? (required)").fill("Inkpost's DPO replied: the customer is deleted from their lists.");
  await close.getByRole("button", { name: "Close task" }).click();
  await expect(task).toHaveCount(0, slow);
  await checkPage(officer);

  // Any other company the data map sends this customer's data to is confirmed from the request page. Until the last
  // one is, the officer's note about the email recipient stays beside its confirmation.
  await officer.goto(`/admin/requests/${id}`);
  await expect(told(inkpost.name)).toContainText("Inkpost's DPO replied");
  const others = panel.getByRole("form", { name: /^Mark .+ confirmed$/ });
  for (let left = await others.count(); left > 0; left--) {
    const form = others.first();
    await form.getByLabel("How do you know it acted? (required)").fill("The vendor's privacy team said so by phone.");
    await form.getByRole("button", { name: "Mark confirmed" }).click();
    await expect(others).toHaveCount(left - 1, slow);
  }

  // The request shows both confirmed: the webhook recipient by itself, the email one by the officer. The erasure is
  // settled now, so its scrub took the note (free text about the person) with the identifiers; who confirmed stays.
  await expect(told(hookline.name).getByRole("list", { name: `${hookline.name}: Confirmed` })).toBeVisible();
  await expect(told(hookline.name)).toContainText("by the recipient");
  await expect(told(inkpost.name).getByRole("list", { name: `${inkpost.name}: Confirmed` })).toBeVisible();
  await expect(told(inkpost.name)).toContainText("by Priya Officer");
  await expect(told(inkpost.name)).not.toContainText("Inkpost's DPO replied");
  await checkPage(officer);

  // Once every recipient confirmed, neither the email nor the customer id is left in the file or its WAL.
  const leftIn = () => {
    const bytes = Buffer.concat([
      fs.readFileSync(env.store),
      fs.existsSync(`${env.store}-wal`) ? fs.readFileSync(`${env.store}-wal`) : Buffer.alloc(0),
    ]);
    return [email, externalId].filter((needle) => bytes.includes(Buffer.from(needle)));
  };
  await expect.poll(leftIn, { timeout: 60_000, message: "identifiers in the raw database file" }).toEqual([]);
  await context.close();
});

test("the recipients told and the delivery tasks read in Korean and Japanese, axe-clean at 390 px", async ({ browser }) => {
  expect(requestId, "the journey above ran").toBeGreaterThan(0);
  const context = await browser.newContext({ baseURL: server.baseUrl });
  const page = await context.newPage();
  await signIn(page, "privacy_officer");
  const english = /Recipients told|Confirmed|Delivered|Queued|by the recipient|Close task|Open since|How do you know/;
  for (const [locale, told, tasks] of [
    ["ko", "알린 수령인", "전달 작업"],
    ["ja", "通知した提供先", "配信タスク"],
  ] as const) {
    await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: server.baseUrl }]);
    await page.goto(`/admin/requests/${requestId}`);
    const panel = page.getByRole("region", { name: told });
    await expect(panel.getByRole("list", { name: new RegExp(`^${hookline.name}: `) })).toBeVisible();
    await expect(panel).not.toContainText(english);
    await expect(page.locator("body")).not.toContainText("MISSING:");
    await checkPage(page);
    await page.goto("/admin/deliveries/tasks");
    await expect(page.getByRole("heading", { level: 1, name: tasks })).toBeVisible();
    await expect(page.locator("main")).not.toContainText(english);
    await expect(page.locator("body")).not.toContainText("MISSING:");
    await checkPage(page);
  }
  await context.close();
});
