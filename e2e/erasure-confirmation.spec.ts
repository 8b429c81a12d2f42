// Threats: a person whose data is erased is never told (GDPR Art. 12(3), CCPA §7022), or is
// told in a language they do not read; or the address kept to tell them outlives the message
// and stays readable in the database file, an erasure in name only (PIPA Art. 36(3)).
// The server under test sends its outbox to a local SMTP sink, so "after it is sent" is real.
import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { readStore } from "../db/testing/read-store";
import { stopServer, type RunningServer } from "../scripts/bench/http";
import { signIn } from "./support/auth";
import { secondServer, type SecondServer } from "./support/second-server";
import { startSmtpSink, type SmtpSink } from "./support/smtp-sink";

test.describe.configure({ mode: "serial", timeout: 240_000 });

let sink: SmtpSink;
let env: SecondServer;
let server: RunningServer;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  sink = await startSmtpSink();
  env = await secondServer("erasure-confirmation", { SMTP_URL: sink.url, SMTP_FROM: "privacy@northtrail.example" });
  server = await env.start();
});

test.afterAll(async () => {
  if (server) await stopServer(server);
  await sink?.close();
  env?.remove();
});

test("an officer completes an erasure; the outbox holds the confirmation in the person's language; after it is sent the raw database file holds neither the email nor the subject id", async ({
  browser,
}) => {
  const run = Date.now().toString(36);
  const email = `minji.erase.${run}@example.kr`;
  const post = (path: string, body: unknown) =>
    fetch(`${server.baseUrl}${path}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${env.key}`, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });

  // A Korean visitor known only by email, who declined marketing, then their deletion request through the API.
  // Their data reached no recipient (a first denial shares nothing; with no customer id the brand's own
  // systems never processed them), so no delivery names them and nothing must wait for a recipient's
  // confirmation before the file is clean: that journey, where recipients hold the data and the identifiers
  // stay until they confirm (issue 14, deliverable 3), is the propagation acceptance spec's.
  const consent = await post("/api/v1/consents", {
    subject: { email, jurisdiction: "KR", locale: "ko" },
    purpose: "marketing_messages",
    event: "denied",
  });
  expect(consent.status).toBe(201);
  const uid = ((await consent.json()) as { subjectId: string }).subjectId;
  const filed = await post("/api/v1/requests", { type: "deletion", subject: { email } });
  expect(filed.status).toBe(201);
  const { ref, status } = (await filed.json()) as { ref: string; status: string };
  expect(status).toBe("verifying");

  // The code reaches the person's mailbox; they read it back to the officer.
  const mailsTo = () => sink.mails.filter((m) => m.to.includes(email));
  await expect.poll(() => mailsTo().length, { timeout: 60_000, message: "the verification code is mailed" }).toBeGreaterThan(0);
  const code = /\b(\d{6})\b/.exec(mailsTo()[0].text)![1];
  const id = readStore(env.store, (db) => (db.prepare("SELECT id FROM subject_requests WHERE ref = ?").get(ref) as { id: number }).id);

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
  await expect(complete).toContainText("The person is sent a confirmation in their language");
  await complete.getByRole("checkbox").check();
  await complete.getByRole("button", { name: "Complete request" }).click();
  await expect(officer.getByRole("cell", { name: "erasure confirmation queued; the address is erased once it is sent" })).toBeVisible(slow);
  await expect(officer.getByText("Completed").first()).toBeVisible();

  // The outbox holds the confirmation in Korean.
  await officer.goto("/admin/outbox?kind=request-erased");
  const card = officer.getByTestId("outbox-message").filter({ hasText: ref });
  await expect(card.locator('strong[lang="ko"]')).toHaveText(`개인정보 파기 완료 안내 (${ref})`);
  await card.getByText("Show message").click();
  await expect(card.locator('pre[lang="ko"]')).toContainText("24개월");

  // It is sent, and the viewer no longer shows the address.
  await expect(async () => {
    await officer.reload();
    await expect(card.getByText("Sent", { exact: true })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await expect(card).toContainText("address erased after sending");
  await expect(card).not.toContainText(email);
  const confirmation = mailsTo().find((m) => m.subject === `개인정보 파기 완료 안내 (${ref})`);
  expect(confirmation, "the confirmation reached the person").toBeDefined();
  expect(confirmation!.text).toContain("24개월");
  expect((await new AxeBuilder({ page: officer }).analyze()).violations).toEqual([]);

  // Neither the email nor the subject id is left in the file or its WAL, and no delivery was queued for them.
  expect(readStore(env.store, (db) => db.prepare("SELECT count(*) AS n FROM propagation_events WHERE request_id = ?").get(id))).toEqual({
    n: 0,
  });
  const leftIn = () => {
    const bytes = Buffer.concat([
      fs.readFileSync(env.store),
      fs.existsSync(`${env.store}-wal`) ? fs.readFileSync(`${env.store}-wal`) : Buffer.alloc(0),
    ]);
    return [email, uid].filter((needle) => bytes.includes(Buffer.from(needle)));
  };
  await expect.poll(leftIn, { timeout: 30_000, message: "identifiers in the raw database file" }).toEqual([]);
  await context.close();
});
