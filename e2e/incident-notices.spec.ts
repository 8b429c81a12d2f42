// Threats: a breach is told to no one, or only to English readers, or to thousands on one officer's say; a person
// without an email address is never told; a drill mails real customers. The issue-21 journey on a server of its own
// whose outbox goes to a real SMTP server on 127.0.0.1 (e2e/support/smtp-sink.ts): an officer records an incident for
// a purpose held in Korea and the EU, sees the counts per jurisdiction and each duty, asks for notices; a second
// privacy officer approves; the notices arrive in Korean and English, each person is recorded, the people without an
// address are told on the public page; the same as a drill sends nothing and publishes nothing.
import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { readStore } from "../db/testing/read-store";
import { stopServer, type RunningServer } from "../scripts/bench/http";
import { demoPassword } from "../scripts/demo-data/staff";
import { secondServer, type SecondServer } from "./support/second-server";
import { startSmtpSink, type SmtpSink } from "./support/smtp-sink";
import { pageShot } from "./support/screens";

test.describe.configure({ mode: "serial", timeout: 300_000 });

let sink: SmtpSink;
let env: SecondServer;
let server: RunningServer;
const run = Date.now().toString(36);
const SHOTS = "/tmp/n2-shots";
// Two production servers share this machine's cores: server actions get more than the default 10 s.
const slow = { timeout: 30_000 };
const officer = "privacy@northtrail.example";
const secondOfficer = "dpo@northtrail.example";
/** People the store knows only by the brand's id: no address, so the public notice tells them. */
const unreachable = [`kr-walkin-${run}-1`, `kr-walkin-${run}-2`];

test.beforeAll(async () => {
  test.setTimeout(150_000);
  sink = await startSmtpSink();
  env = await secondServer("incident-notices", { SMTP_URL: sink.url, SMTP_FROM: officer });
  server = await env.start();
  for (const externalId of unreachable) {
    const answer = await fetch(`${server.baseUrl}/api/v1/consents`, {
      method: "POST",
      headers: { Authorization: `Bearer ${env.key}`, "Content-Type": "application/json" },
      body: JSON.stringify({ subject: { externalId, jurisdiction: "KR", locale: "ko" }, purpose: "marketing_messages", event: "granted" }),
    });
    expect(answer.status).toBe(201);
  }
});

test.afterAll(async () => {
  if (server) await stopServer(server);
  await sink?.close();
  env?.remove();
});

async function contextIn(browser: Browser, locale: "en" | "ko" | "ja") {
  const context = await browser.newContext({ baseURL: server.baseUrl });
  await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: server.baseUrl }]);
  return context;
}

/** A member signed in through the real form (in English), then reading the site in `locale`. */
async function signedIn(browser: Browser, email: string, locale: "en" | "ko" | "ja" = "en"): Promise<Page> {
  const context = await contextIn(browser, "en");
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel(/email/i).fill(email);
  await page.getByLabel(/password/i).fill(demoPassword);
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page).toHaveURL(/\/admin\//);
  await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: server.baseUrl }]);
  return page;
}

async function axeClean(page: Page) {
  expect((await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual(
    [],
  );
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

/** The brand's wall clock two hours ago, as a datetime-local value. */
function twoHoursAgo(): string {
  const zone = readStore(
    env.store,
    (db) => (db.prepare("SELECT time_zone AS z FROM brand_settings WHERE id = 1").get() as { z: string }).z,
  );
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: zone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(Date.now() - 2 * 3_600_000));
  const p = Object.fromEntries(parts.map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** Records an incident through the register's form for the marketing-messages purpose; returns its id and reference. */
async function recordIncident(page: Page, title: string, drill: boolean): Promise<{ id: number; reference: string }> {
  await page.goto("/admin/incidents/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Cause").selectOption("external_attack");
  await page
    .getByRole("group", { name: "Nature" })
    .getByLabel(/^Confidentiality/)
    .check();
  if (drill) await page.getByLabel("This is a drill").check();
  await page.getByLabel(/^Became aware at/).fill(twoHoursAgo());
  await page.getByRole("group", { name: "Data categories" }).getByLabel("Contact details").check();
  await page
    .getByRole("group", { name: "Facts the laws turn on" })
    .getByLabel(/credentials/i)
    .check();
  await page.getByRole("group", { name: "Purposes" }).getByLabel("News, offers and new-season launches").check();
  await page.getByRole("textbox", { name: "Containment" }).fill("We blocked the attacker's access and reset every customer session.");
  await page.getByLabel("Assessed risk").selectOption("high_risk");
  await page.getByRole("textbox", { name: "Why", exact: true }).fill("Passwords were read: accounts can be taken over.");
  await page.getByRole("button", { name: "Record incident" }).click();
  await expect(page).toHaveURL(/\/admin\/incidents\/\d+$/, slow);
  const id = Number(/\/admin\/incidents\/(\d+)$/.exec(page.url())![1]);
  const reference = readStore(
    env.store,
    (db) => (db.prepare("SELECT reference AS r FROM incidents WHERE id = ?").get(id) as { r: string }).r,
  );
  return { id, reference };
}

/** Selects the purpose's holders as the affected people on the affected tab, where the counts per jurisdiction appear. */
async function selectAffected(page: Page, id: number): Promise<void> {
  await page.goto(`/admin/incidents/${id}/affected`);
  // The register's purpose is chosen already; the count runs as the page opens.
  await expect(page.getByTestId("run-found")).toContainText(/people match/, { timeout: 60_000 });
  for (const j of ["KR", "EU"]) await expect(page.locator(`tr[data-jurisdiction="${j}"] td`)).not.toHaveText("0");
  await page.getByRole("button", { name: /^Use [\d,]+ people$/ }).click();
  await expect(page.getByText(/[\d,]+ people are affected\./)).toBeVisible(slow);
}

/** Asks for notices to the people in Korea and the EU on the notices tab. */
async function askForNotices(page: Page, id: number): Promise<number> {
  await page.goto(`/admin/incidents/${id}/notices`);
  const kr = Number(await page.getByTestId("audience-KR").getByRole("cell").first().innerText());
  const eu = Number(await page.getByTestId("audience-EU").getByRole("cell").first().innerText());
  expect(kr).toBeGreaterThan(unreachable.length);
  expect(eu).toBeGreaterThan(0);
  const send = page.getByRole("form", { name: "Send notices" });
  for (const box of await send.getByRole("checkbox").all()) {
    const value = await box.getAttribute("value");
    if (value === "KR" || value === "EU") await box.check();
    else await box.uncheck();
  }
  await send.getByRole("button").click();
  return kr + eu;
}

const mailsWith = (reference: string) => sink.mails.filter((m) => m.subject.includes(reference));

test("an officer asks for notices to Korea and the EU; a second officer approves; they arrive in Korean and English, each recorded, and the unreachable are told on the public page", async ({
  browser,
}) => {
  const page = await signedIn(browser, officer);
  const { id, reference } = await recordIncident(page, `Account database read from outside ${run}`, false);
  await selectAffected(page, id);

  // Each duty of the two laws appears, open, with its clock.
  await page.goto(`/admin/incidents/${id}/duties`);
  for (const duty of ["gdpr_authority", "gdpr_people", "pipa_people", "pipa_authority"]) {
    await expect(page.getByTestId(`duty-${duty}`)).toBeVisible();
    await expect(page.getByTestId(`duty-${duty}`).getByText("Open", { exact: true })).toBeVisible();
    await expect(page.getByTestId(`duty-${duty}`).getByTestId("due")).toBeVisible();
  }

  const people = await askForNotices(page, id);
  expect(people).toBeGreaterThan(100);
  // The batch waits: the one who asked cannot approve it.
  await expect(page.getByText("You asked for this batch: another privacy officer must approve it.")).toBeVisible(slow);
  await expect(page.getByText("A batch is waiting for approval or sending. Send the next one when it is done.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Approve and send" })).toHaveCount(0);
  expect(mailsWith(reference)).toHaveLength(0);
  await axeClean(page);
  await shoot(page, "notices-waiting-en");

  // The second privacy officer approves; the batch queues everyone, a slice at a time, with its progress shown.
  const second = await signedIn(browser, secondOfficer);
  await second.goto(`/admin/incidents/${id}/notices`);
  await second.getByRole("button", { name: "Approve and send" }).click();
  await expect(second.getByText(/^Approved by Daniel Kwon, /)).toBeVisible(slow);
  await expect(second.getByText(`${people} of ${people} people handled (100%)`)).toBeVisible(slow);
  // Nobody hears of it twice: Korea and the EU have no one left to tell, so the next batch starts without them.
  await second.reload();
  for (const j of ["KR", "EU"]) {
    // The cell reads its column's name first (it stacks on a phone), then the number.
    await expect(second.getByTestId(`audience-${j}`).getByRole("cell").last()).toHaveText(/^Not yet told\s*0$/);
    await expect(second.getByRole("form", { name: "Send notices" }).locator(`input[value="${j}"]`)).not.toBeChecked();
  }

  // The notices reach the SMTP server in each person's language.
  const korean = () => mailsWith(reference).find((m) => m.headers.get("content-language") === "ko");
  const english = () => mailsWith(reference).find((m) => m.headers.get("content-language") === "en");
  await expect
    .poll(() => Boolean(korean() && english()), { timeout: 120_000, message: "a Korean and an English notice are mailed" })
    .toBe(true);
  expect(korean()!.subject).toContain("개인정보 유출 사실을 알려 드립니다");
  const ko = korean()!.text.replace(/\r\n/g, "\n");
  for (const item of [
    "유출 시점과 경위",
    "유출된 개인정보 항목: 연락처, 계정 로그인 정보",
    "저희의 대응 조치: We blocked",
    "피해를 줄이기 위해",
  ])
    expect(ko).toContain(item);
  expect(english()!.text).toContain("What you can do:");
  expect(english()!.text).not.toMatch(/[\u2068\u2069]/);

  // Every person is recorded: a message in their language for each with an address, the public notice for the rest.
  const recorded = readStore(env.store, (db) => ({
    notices: db
      .prepare(
        `SELECT n.channel, n.locale, n.jurisdiction, o.locale AS sentIn, o.kind, s.email FROM incident_notices n
         JOIN incident_notice_batches b ON b.id = n.batch_id LEFT JOIN outbox o ON o.id = n.outbox_id LEFT JOIN subjects s ON s.id = n.subject_id
         WHERE b.incident_id = ?`,
      )
      .all(id) as {
      channel: string;
      locale: string;
      jurisdiction: string;
      sentIn: string | null;
      kind: string | null;
      email: string | null;
    }[],
    audit: db
      .prepare(
        "SELECT action, actor_label AS actor FROM audit_log WHERE target_type = 'incident-notice-batch' AND details LIKE ? ORDER BY id",
      )
      .all(`%"incidentId":${id}%`) as { action: string; actor: string }[],
  }));
  expect(recorded.notices).toHaveLength(people);
  expect(new Set(recorded.notices.map((n) => n.jurisdiction))).toEqual(new Set(["KR", "EU"]));
  for (const n of recorded.notices.filter((x) => x.channel === "email")) {
    expect(n.kind).toBe("incident-notice");
    expect(n.sentIn).toBe(n.locale);
  }
  expect(recorded.notices.filter((n) => n.channel === "public").length).toBeGreaterThanOrEqual(unreachable.length);
  expect(recorded.audit).toEqual([
    { action: "incident.notice-request", actor: officer },
    { action: "incident.notice-approve", actor: secondOfficer },
    { action: "incident.notice-sent", actor: "candor" },
  ]);

  // The timeline names each step.
  const steps = readStore(env.store, (db) =>
    db.prepare("SELECT kind FROM incident_events WHERE incident_id = ? ORDER BY id").pluck().all(id),
  );
  expect(steps).toEqual(
    expect.arrayContaining(["notice_batch_requested", "notice_batch_approved", "notice_batch_sent", "public_notice_published"]),
  );

  // The notices meet the people duties of both laws, on time.
  await second.goto(`/admin/incidents/${id}/duties`);
  for (const duty of ["gdpr_people", "pipa_people"])
    await expect(second.getByTestId(`duty-${duty}`).getByText("Met on time", { exact: true })).toBeVisible();

  // The public page tells those without an address, in their language, with the day it went up.
  const visitor = await (await contextIn(browser, "ko")).newPage();
  await visitor.goto("/incidents/notices");
  const shown = visitor.getByTestId(`incident-notice-${reference}`);
  await expect(shown).toContainText("개인정보 유출 사실을 알려 드립니다");
  await expect(shown).toContainText(/게시 시작: \d{4}년/);
  await axeClean(visitor);
  await shoot(visitor, "public-ko");
  await second.goto(`/admin/incidents/${id}/notices`);
  await expect(second.getByText(/It can be taken down from/)).toBeVisible();
  await axeClean(second);
  await shoot(second, "notices-sent-en");
});

test("a drill of the same runs every step, approval included, and sends nothing and publishes nothing", async ({ browser }) => {
  const page = await signedIn(browser, officer);
  const { id, reference } = await recordIncident(page, `Drill: account database read ${run}`, true);
  await selectAffected(page, id);
  const people = await askForNotices(page, id);
  await expect(page.getByText("You asked for this batch: another privacy officer must approve it.")).toBeVisible(slow);
  await expect(page.getByText("Drill: every step runs and nothing leaves.", { exact: false })).toBeVisible();

  const second = await signedIn(browser, secondOfficer);
  await second.goto(`/admin/incidents/${id}/notices`);
  await second.getByRole("button", { name: "Approve and send" }).click();
  await expect(second.getByText(`${people} of ${people} people handled (100%)`)).toBeVisible(slow);
  await expect(second.getByText(`Recorded, nothing sent (drill): ${people}`)).toBeVisible();

  const left = readStore(env.store, (db) => ({
    queued: db
      .prepare(
        "SELECT COUNT(*) FROM incident_notices n JOIN incident_notice_batches b ON b.id = n.batch_id WHERE b.incident_id = ? AND n.outbox_id IS NOT NULL",
      )
      .pluck()
      .get(id),
    recorded: db
      .prepare("SELECT COUNT(*) FROM incident_notices n JOIN incident_notice_batches b ON b.id = n.batch_id WHERE b.incident_id = ?")
      .pluck()
      .get(id),
    published: db.prepare("SELECT COUNT(*) FROM incident_public_notices WHERE incident_id = ?").pluck().get(id),
  }));
  expect(left).toEqual({ queued: 0, recorded: people, published: 0 });
  // A dispatcher run later, nothing with the drill's reference reached the SMTP server. The run is seen, not waited
  // for by the clock: a message queued after the approval (an access request's code to a new address) arrives by it.
  const sentinel = `drill-sentinel-${run}@example.com`;
  const asked = await fetch(`${server.baseUrl}/api/v1/requests`, {
    method: "POST",
    headers: { Authorization: `Bearer ${env.key}`, "Content-Type": "application/json" },
    body: JSON.stringify({ type: "access", subject: { email: sentinel }, jurisdiction: "EU" }),
  });
  expect(asked.status).toBe(201);
  await expect
    .poll(() => sink.mails.some((m) => m.to.includes(sentinel)), { timeout: 60_000, message: "the outbox ran after the drill's approval" })
    .toBe(true);
  expect(mailsWith(reference)).toHaveLength(0);
  const visitor = await (await contextIn(browser, "en")).newPage();
  await visitor.goto("/incidents/notices");
  await expect(visitor.getByTestId(`incident-notice-${reference}`)).toHaveCount(0);
});

test("the notices tab and the public page read in Korean and Japanese at 390 px, axe-clean", async ({ browser }) => {
  const id = readStore(env.store, (db) =>
    db
      .prepare(
        "SELECT b.incident_id FROM incident_notice_batches b JOIN incidents i ON i.id = b.incident_id WHERE i.drill = 0 ORDER BY b.id DESC",
      )
      .pluck()
      .get(),
  ) as number;
  for (const locale of ["ko", "ja"] as const) {
    const page = await signedIn(browser, officer, locale);
    await page.goto(`/admin/incidents/${id}/notices`);
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expect(page.getByRole("heading", { level: 2, name: locale === "ko" ? "정보주체 통지" : "本人への通知" })).toBeVisible();
    await axeClean(page);
    await shoot(page, `notices-${locale}`);
    await page.goto("/incidents/notices");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      locale === "ko" ? "개인정보 유출 공지" : "個人情報の漏えい等に関するお知らせ",
    );
    await axeClean(page);
    await shoot(page, `public-${locale}`);
  }
});

// Threat: marketing or an executive reads who was told of a breach, or starts, approves or follows a batch.
test("marketing and executives can neither open the notices tab nor read or drive its batches", async ({ browser }) => {
  const id = readStore(env.store, (db) =>
    db.prepare("SELECT id FROM incidents WHERE title = 'Credential stuffing on Trail Club accounts'").pluck().get(),
  ) as number;
  expect(id).toBeGreaterThan(0);
  for (const email of ["marketing@northtrail.example", "exec@northtrail.example"]) {
    const page = await signedIn(browser, email);
    const opened = await page.goto(`/admin/incidents/${id}/notices`);
    expect(opened?.status(), email).toBe(403);
    await expect(page.getByText("Korea (PIPA)")).toHaveCount(0);
    const progress = await page.request.get(`/api/admin/incidents/${id}/notices`);
    expect(progress.status(), email).toBe(403);
    expect(await progress.text()).not.toContain('"people"');
    await page.context().close();
  }
});
