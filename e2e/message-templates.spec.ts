// Threats: a person refused under Korean law is never told how to object (PIPA Art. 38(5)), because
// the brand reworded the refusal and dropped it, or the reason (GDPR Art. 12(4)); the officer's
// preview shows one text and the person gets another; or the status page reached from the
// acknowledgement shows a staff member's notes or name, or a forged or old link opens a request.
// The server under test sends its outbox to a real SMTP server on 127.0.0.1 (e2e/support/smtp-sink.ts).
import fs from "node:fs";
import path from "node:path";
import { createHmac } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { readStore } from "../db/testing/read-store";
import { complaintSentence } from "../lib/messages/templates/complaint";
import { signStatusToken } from "../lib/requests/status-token";
import { stopServer, type RunningServer } from "../scripts/bench/http";
import { captureAction, replayAction } from "./support/actions";
import { pageAs, signIn } from "./support/auth";
import { e2eDatabasePath } from "./support/paths";
import { secondServer, type SecondServer } from "./support/second-server";
import { startSmtpSink, type SmtpSink } from "./support/smtp-sink";
import { pageShot } from "./support/screens";

test.describe.configure({ mode: "serial", timeout: 300_000 });

let sink: SmtpSink;
let env: SecondServer;
let server: RunningServer;

test.beforeAll(async () => {
  test.setTimeout(150_000);
  sink = await startSmtpSink();
  env = await secondServer("message-templates", { SMTP_URL: sink.url, SMTP_FROM: "privacy@northtrail.example" });
  server = await env.start();
});

test.afterAll(async () => {
  if (server) await stopServer(server);
  await sink?.close();
  env?.remove();
});

// Two production servers share this machine's cores: server actions get more than the default 10 s.
const slow = { timeout: 30_000 };
const SHOTS = "/tmp/message-template-shots";
const greeting = "민지 님, 안녕하세요. 노스트레일 개인정보 보호팀입니다.";
const editorPath = "/admin/requests/settings/messages?kind=request-rejected&locale=ko";

async function contextIn(browser: Browser, locale: "en" | "ko") {
  const context = await browser.newContext({ baseURL: server.baseUrl });
  await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: server.baseUrl }]);
  return context;
}

async function axeClean(page: Page) {
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
}

async function shoot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${name} fits ${width} px`).toBeLessThanOrEqual(0);
    await pageShot(page, `${SHOTS}/${name}-${width}.png`);
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

test("an officer rewords the Korean refusal with a preview; a Korean refusal arrives by SMTP with the new greeting, the reason and PIPA's objection route; dropping {reason} is refused; the acknowledgement's link opens the status page", async ({
  browser,
}) => {
  const run = Date.now().toString(36);
  const email = `minji.tpl.${run}@example.kr`;
  const dpo = readStore(
    env.store,
    (db) => (db.prepare("SELECT dpo_email AS dpo FROM brand_settings WHERE id = 1").get() as { dpo: string }).dpo,
  );
  const pipa = complaintSentence("pipa", "ko", dpo);

  const context = await contextIn(browser, "en");
  const officer = await context.newPage();
  await signIn(officer, "privacy_officer");
  await officer.goto(editorPath);
  const editor = officer.getByRole("form", { name: "Request refused" });
  const body = editor.getByLabel("Message");
  const preview = officer.getByTestId("template-preview");
  await expect(body).toHaveValue(/\{reason\}/);

  // Removing the reason is refused: beside the field as it is typed, and by the server on saving.
  const shipped = await body.inputValue();
  await body.fill(shipped.replace("{reason}", ""));
  await expect(editor.getByText("The message must keep {reason}.")).toBeVisible();
  await editor.getByRole("button", { name: "Save as a new version" }).click();
  await expect(editor.getByText("The message must keep {reason}.")).toBeVisible();
  await officer.reload();
  await expect(officer.getByText("No version saved yet")).toBeVisible();
  await expect(body).toHaveValue(shipped);

  // A new greeting, previewed with the sample values before saving: the reason and the Korean law's objection route.
  await editor.getByLabel("Greeting").fill(greeting);
  await expect(preview).toContainText(greeting);
  await expect(preview).toContainText("사유: 알려 주신 이메일 주소로 보유하고 있는 개인정보가 없습니다.");
  await expect(preview).toContainText(complaintSentence("pipa", "ko", dpo));
  await officer.getByLabel("Law of the sample request").selectOption("gdpr");
  await expect(preview).toContainText(complaintSentence("gdpr", "ko", dpo));
  await editor.getByRole("button", { name: "Save as a new version" }).click();
  await expect(editor.getByText("Saved as version 1.")).toBeVisible(slow);
  await officer.reload();
  await expect(officer.getByRole("row", { name: /1 \(in use\) privacy@northtrail\.example/ })).toBeVisible();
  await axeClean(officer);
  await shoot(officer, "editor-en");

  // A Korean person files a request through the API: the code, then the acknowledgement with its link, arrive.
  const post = (p: string, data: unknown) =>
    fetch(`${server.baseUrl}${p}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${env.key}`, "Content-Type": "application/json" },
      body: JSON.stringify(data),
    });
  expect(
    (
      await post("/api/v1/consents", {
        subject: { email, jurisdiction: "KR", locale: "ko" },
        purpose: "marketing_messages",
        event: "granted",
      })
    ).status,
  ).toBe(201);
  const filed = await post("/api/v1/requests", { type: "access", subject: { email } });
  expect(filed.status).toBe(201);
  const { ref } = (await filed.json()) as { ref: string };
  const mailsTo = () => sink.mails.filter((m) => m.to.includes(email));
  const received = () => mailsTo().find((m) => m.subject === `요청 ${ref} 접수 안내`);
  await expect.poll(() => received() !== undefined, { timeout: 60_000, message: "the acknowledgement is mailed" }).toBe(true);
  expect(mailsTo()[0].subject).toBe(`요청 ${ref} 본인 확인 코드`);
  const link = /https?:\/\/\S+\/requests\/status\/\S+/.exec(received()!.text)![0];
  const statusPath = new URL(link).pathname;

  // One click from the mail: the status page in the person's language, nothing but what they were told.
  const person = await (await contextIn(browser, "ko")).newPage();
  await person.goto(statusPath);
  await expect(person.getByRole("heading", { level: 1 })).toHaveText(`요청 ${ref}`);
  await expect(person.getByText("요청을 접수했습니다")).toBeVisible();
  await expect(person.getByText("본인 확인 코드를 보내 드렸습니다")).toBeVisible();
  await axeClean(person);

  // The officer refuses it, with a note on the timeline the person must never see.
  const id = readStore(env.store, (db) => (db.prepare("SELECT id FROM subject_requests WHERE ref = ?").get(ref) as { id: number }).id);
  await officer.goto(`/admin/requests/${id}`);
  const noteForm = officer.getByRole("form", { name: "Add note" });
  await noteForm.getByLabel("Note").fill(`internal ${run}: checked with the CRM team`);
  await noteForm.getByRole("button").click();
  await expect(officer.getByText(`internal ${run}: checked with the CRM team`)).toBeVisible(slow);
  const reason = "요청하신 이메일 주소로 보유한 개인정보가 없습니다.";
  const rejectForm = officer.getByRole("form", { name: "Deny request" });
  await rejectForm.getByLabel("Reason for denial").selectOption("other");
  await rejectForm.getByRole("textbox").fill(reason);
  await rejectForm.getByRole("button").click();
  await expect(officer.getByText("Rejected").first()).toBeVisible(slow);

  // The refusal reaches the SMTP server in Korean, in the saved wording.
  const refusal = () => mailsTo().find((m) => m.subject === `요청 ${ref}을(를) 처리할 수 없습니다`);
  await expect.poll(() => refusal() !== undefined, { timeout: 60_000, message: "the refusal is mailed" }).toBe(true);
  const text = refusal()!.text.replace(/\r\n/g, "\n");
  expect(text.startsWith(greeting)).toBe(true);
  expect(text).toContain(`사유: ${reason}`);
  expect(text).toContain(pipa);
  expect(refusal()!.headers.get("content-language")).toBe("ko");

  // The status page now tells the refusal, its reason and how to object; no staff note, no staff name.
  await person.reload();
  await expect(person.getByText("요청을 처리할 수 없었습니다")).toBeVisible();
  await expect(person.getByText(`사유: ${reason}`)).toBeVisible();
  await expect(person.getByRole("heading", { name: "이의 제기 및 민원 방법" })).toBeVisible();
  await expect(person.getByText(pipa)).toBeVisible();
  const shown = await person.locator("main").innerText();
  expect(shown).not.toContain(`internal ${run}`);
  expect(shown).not.toContain("privacy@northtrail.example");
  expect(shown).not.toMatch(/Priya|Officer/);
  await axeClean(person);
  await shoot(person, "status-ko");

  // A changed link, and an expired one signed with the server's own key, each get a plain page of their own.
  await person.goto(statusPath.replace(/.$/, (c) => (c === "A" ? "B" : "A")));
  await expect(person.getByRole("heading", { level: 1 })).toHaveText("이 링크는 사용할 수 없습니다");
  await axeClean(person);
  await shoot(person, "status-invalid-ko");
  const secret = process.env.AUTH_SECRET ?? fs.readFileSync(path.join(env.dir, "auth-secret"), "utf8").trim();
  const key = createHmac("sha256", secret).update("candor:request-status:v1").digest();
  const old = signStatusToken(key, ref, new Date(Date.now() - 60_000));
  const expired = await person.goto(`/requests/status/${old}`);
  expect(expired!.status()).toBe(200);
  await expect(person.getByRole("heading", { level: 1 })).toHaveText("이 링크는 만료되었습니다");
  for (const mangled of ["REQ-2026-00001.99999999999.x", "..%2F..%2Fadmin", "REQ-2026-00001..", "%ED%95%9C%EA%B8%80"]) {
    const answer = await person.goto(`/requests/status/${mangled}`);
    expect(answer!.status(), mangled).toBe(200);
    await expect(person.getByRole("heading", { level: 1 })).toHaveText("이 링크는 사용할 수 없습니다");
  }

  // The same pages in English, and the editor in Korean.
  const english = await (await contextIn(browser, "en")).newPage();
  await english.goto(statusPath);
  await expect(english.getByText("We could not act on your request")).toBeVisible();
  await shoot(english, "status-en");
  await context.addCookies([{ name: "NEXT_LOCALE", value: "ko", url: server.baseUrl }]);
  await officer.goto(editorPath);
  await expect(officer.getByRole("heading", { level: 1 })).toHaveText("정보주체에게 보내는 메시지");
  await axeClean(officer);
  await shoot(officer, "editor-ko");
});

// Threat: a marketer rewords what people are told about their rights (or drops the complaint route)
// by opening the editor or posting the officer's save action with their own session.
test("a marketer is refused the message editor and its save action, and nothing is saved", async ({ browser }) => {
  const officer = await pageAs(browser, "privacy_officer");
  await officer.goto("/admin/requests/settings/messages?kind=request-completed&locale=ja");
  const editor = officer.getByRole("form", { name: "Request done" });
  await editor.getByLabel("Greeting").fill(`officer ${Date.now()}`);
  const captured = await captureAction(officer, () => editor.getByRole("button", { name: "Save as a new version" }).click());
  await expect(editor.getByText(/Saved as version \d+\./)).toBeVisible();
  const versions = () =>
    readStore(e2eDatabasePath(), (db) =>
      db.prepare("SELECT greeting FROM message_templates WHERE kind = 'request-completed' AND locale = 'ja' ORDER BY version").all(),
    ) as { greeting: string }[];
  const before = versions();

  const marketer = await pageAs(browser, "marketing");
  const page = await marketer.goto("/admin/requests/settings/messages?kind=request-completed&locale=ja");
  expect(page?.status()).toBe(403);
  await expect(marketer.getByRole("heading", { name: "Not available to your role" })).toBeVisible();
  const response = await replayAction(marketer, captured, (body) => body.replace(/officer \d+/, "marketer was here"));
  expect(response.status).toBeLessThan(500);
  expect(response.text).toContain("forbidden");
  expect(versions()).toEqual(before);
});
