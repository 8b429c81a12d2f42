// Threats: an administrator hands a colleague a password (in a chat, on paper) that both then know; an
// invitation link that works forever, twice, or after it was withdrawn; an invitation that never reaches
// anyone because mail was only ever tested against a fake. The server under test sends its outbox to a
// real SMTP server (smtp-server) on 127.0.0.1, so the link is read from the mail that arrived.
import { expect, test } from "@playwright/test";
import { stopServer, type RunningServer } from "../scripts/bench/http";
import { openDatabase } from "../db/connection";
import { signIn } from "./support/auth";
import { acceptInvite, sendInvite } from "./support/invites";
import { secondServer, type SecondServer } from "./support/second-server";
import { startSmtpSink, type ReceivedMail, type SmtpSink } from "./support/smtp-sink";
import { checkPage, desk, englishOf, phone, shoot } from "./support/screens";

test.describe.configure({ mode: "serial", timeout: 240_000 });

let sink: SmtpSink;
let env: SecondServer;
let server: RunningServer;
const run = Date.now().toString(36);
const password = "my-own-password-123";
const slow = { timeout: 60_000 };

test.beforeAll(async () => {
  test.setTimeout(180_000);
  sink = await startSmtpSink();
  env = await secondServer("staff-invite", { SMTP_URL: sink.url, SMTP_FROM: "Northtrail <privacy@northtrail.example>" });
  server = await env.start();
});

test.afterAll(async () => {
  if (server) await stopServer(server);
  await sink?.close();
  env?.remove();
});

const mailTo = async (email: string, count = 1): Promise<ReceivedMail> => {
  await expect
    .poll(() => sink.mails.filter((m) => m.to.includes(email)).length, { timeout: 90_000, message: `mail to ${email}` })
    .toBeGreaterThanOrEqual(count);
  return sink.mails.filter((m) => m.to.includes(email))[count - 1];
};
const linkIn = (mail: ReceivedMail) => /http:\/\/candor\.test\/invite\/[A-Za-z0-9_-]{43}/.exec(mail.text)![0];

test("an admin invites a colleague; the Korean invitation arrives by SMTP; they choose their password and are signed in; the link works once", async ({
  browser,
}) => {
  const email = `jiwoo-${run}@northtrail.example`;
  const context = await browser.newContext({ baseURL: server.baseUrl, viewport: desk });
  const admin = await context.newPage();
  await signIn(admin, "admin");
  await sendInvite(admin, { name: "Jiwoo Han", email, role: "privacy_officer", locale: "ko" });
  await checkPage(admin);
  await shoot(admin, "staff-invites-en-1366");

  const mail = await mailTo(email);
  expect(mail.from).toBe("privacy@northtrail.example");
  expect(mail.headers.get("content-language")).toBe("ko");
  expect(mail.subject).toContain("Candor 초대");
  expect(mail.text).toContain("Jiwoo Han 님, 안녕하세요.");
  expect(mail.text).toContain("72시간");
  expect(mail.text).not.toContain("⟦sealed");
  const link = linkIn(mail);
  // The store keeps only the token's hash, and the outbox the link sealed.
  const db = openDatabase(env.store);
  const token = link.split("/").pop()!;
  const dump =
    JSON.stringify(db.$client.prepare("SELECT * FROM staff_invites").all()) +
    JSON.stringify(db.$client.prepare("SELECT body FROM outbox").all());
  db.$client.close();
  expect(dump).not.toContain(token);

  const invitee = await (await browser.newContext({ baseURL: server.baseUrl, viewport: phone })).newPage();
  await invitee.context().addCookies([{ name: "NEXT_LOCALE", value: "ko", url: server.baseUrl }]);
  await invitee.goto(new URL(link).pathname);
  await expect(invitee.getByRole("heading", { name: "Candor에서 팀에 합류하기" })).toBeVisible();
  await checkPage(invitee, englishOf("invite"));
  await shoot(invitee, "invite-ko-390");
  // The staff password rule, with messages beside the fields.
  await invitee.getByLabel("비밀번호", { exact: true }).fill("short");
  await invitee.getByLabel("비밀번호 확인").fill("different");
  await invitee.getByRole("button", { name: "비밀번호 저장하고 로그인" }).click();
  await expect(invitee.getByLabel("비밀번호", { exact: true })).toHaveAttribute("aria-invalid", "true", slow);
  await expect(invitee.getByText("두 비밀번호가 같지 않습니다.")).toBeVisible();
  await invitee.context().clearCookies({ name: "NEXT_LOCALE" });
  await acceptInvite(invitee, link, password);
  await expect(invitee).toHaveURL(/\/admin\/requests$/, slow);

  // The link is spent: a second visit says so, and creates nothing.
  const again = await (await browser.newContext({ baseURL: server.baseUrl })).newPage();
  await again.goto(new URL(link).pathname);
  await expect(again.getByRole("heading", { name: "This invitation was already used" })).toBeVisible();

  // They sign in later with the password they chose (nobody else ever knew it).
  const later = await (await browser.newContext({ baseURL: server.baseUrl })).newPage();
  await later.goto("/login");
  await later.getByLabel("Work email").fill(email);
  await later.getByLabel("Password").fill(password);
  await later.getByRole("button", { name: "Sign in" }).click();
  await expect(later).toHaveURL(/\/admin\/requests$/, slow);

  await admin.goto("/admin/audit?action=staff.invite");
  await expect(admin.getByRole("row").filter({ hasText: "staff.invite-accept" }).filter({ hasText: email }).first()).toBeVisible();
});

test("sending again gives a new link and kills the old one; withdrawn and expired links say so in the reader's language", async ({
  browser,
}) => {
  const context = await browser.newContext({ baseURL: server.baseUrl, viewport: desk });
  const admin = await context.newPage();
  await signIn(admin, "admin");
  const email = `late-${run}@northtrail.example`;
  await sendInvite(admin, { name: "Late Comer", email, role: "marketing" });
  const first = linkIn(await mailTo(email));
  const row = admin.getByRole("region", { name: "Invitations waiting" }).getByRole("row").filter({ hasText: email });
  await row.getByRole("button", { name: /Send again/ }).click();
  await expect(admin.getByText("Sent again with a new link")).toBeVisible();
  const second = linkIn(await mailTo(email, 2));
  expect(second).not.toBe(first);

  const visitor = await (await browser.newContext({ baseURL: server.baseUrl })).newPage();
  await visitor.goto(new URL(first).pathname);
  await expect(visitor.getByRole("heading", { name: "This link does not work" })).toBeVisible();

  // Expired: the invitation's time runs out (moved back in the store, as 72 hours passing would).
  const db = openDatabase(env.store);
  db.$client.prepare("UPDATE staff_invites SET expires_at = ? WHERE email = ?").run(Date.now() - 1000, email);
  db.$client.close();
  await visitor.goto(new URL(second).pathname);
  await expect(visitor.getByRole("heading", { name: "This invitation has expired" })).toBeVisible();
  await checkPage(visitor);
  await shoot(visitor, "invite-expired-en-1366");
  await visitor.context().addCookies([{ name: "NEXT_LOCALE", value: "ja", url: server.baseUrl }]);
  await visitor.setViewportSize(phone);
  await visitor.goto(new URL(second).pathname);
  await expect(visitor.getByRole("heading", { name: "この招待は期限切れです" })).toBeVisible();
  await checkPage(visitor, englishOf("invite"));
  await shoot(visitor, "invite-expired-ja-390");
  await admin.reload();
  await expect(row.getByText("Expired")).toBeVisible();

  // Withdrawn.
  await row.getByRole("button", { name: /Withdraw/ }).click();
  await expect(row).toHaveCount(0);
  await visitor.context().clearCookies({ name: "NEXT_LOCALE" });
  await visitor.goto(new URL(second).pathname);
  await expect(visitor.getByRole("heading", { name: "This invitation was withdrawn" })).toBeVisible();

  // The staff page, with an invitation waiting, in Korean on a phone.
  await sendInvite(admin, { name: "Sora Kim", email: `sora-${run}@northtrail.example`, role: "executive", locale: "ko" });
  await admin.context().addCookies([{ name: "NEXT_LOCALE", value: "ko", url: server.baseUrl }]);
  await admin.setViewportSize(phone);
  await admin.goto("/admin/staff");
  await expect(admin.getByRole("heading", { name: "직원 초대" })).toBeVisible();
  await checkPage(admin, englishOf("staff"));
  await shoot(admin, "staff-ko-390");
});
