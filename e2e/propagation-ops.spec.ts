// Threats: a change that could not be delivered stays parked and forgotten, so a recipient goes on using data a
// person withdrew (GDPR Art. 19, CCPA §7026(f)); an officer cannot see which recipients no change can reach or
// which have not acted; a marketing user, who may read a recipient's deliveries, replays them by posting the
// action directly; the deliveries page shows a person to staff who may not see one.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { readStore } from "../db/testing/read-store";
import { stopServer, type RunningServer } from "../scripts/bench/http";
import { captureAction, replayAction, type CapturedAction } from "./support/actions";
import { signIn, type DemoRole } from "./support/auth";
import { writePropagationScene, type PropagationScene } from "./support/propagation-store";
import { secondServer, type SecondServer } from "./support/second-server";

test.describe.configure({ mode: "serial", timeout: 240_000 });

let env: SecondServer;
let server: RunningServer;
let scene: PropagationScene;
/** The officer's replay of one delivery, as the browser posted it: marketing posts it again in the second test. */
let replayOne: CapturedAction;
// Two production servers share this machine's cores: server actions get more than the default 10 s.
const slow = { timeout: 30_000 };

test.beforeAll(async () => {
  test.setTimeout(180_000);
  env = await secondServer("propagation-ops");
  scene = writePropagationScene(env.store);
  server = await env.start();
});

test.afterAll(async () => {
  if (server) await stopServer(server);
  env?.remove();
});

async function pageAs(browser: Browser, role: DemoRole, locale = "en"): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.baseUrl });
  const page = await context.newPage();
  // Signed in through the English form, then reading in the locale chosen.
  await signIn(page, role);
  await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: server.baseUrl }]);
  return page;
}

const delivery = (id: number) =>
  readStore(
    env.store,
    (db) =>
      db.prepare("SELECT state, uid, attempts FROM deliveries WHERE id = ?").get(id) as { state: string; uid: string; attempts: number },
  );
const count = (sql: string, ...params: unknown[]) => readStore(env.store, (db) => (db.prepare(sql).get(...params) as { n: number }).n);

async function axeClean(page: Page) {
  const violations = (await new AxeBuilder({ page }).analyze()).violations;
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

async function fitsPhone(page: Page) {
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.locator("h1")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth), "no sideways scrolling at 390 px").toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("a privacy officer sees the working-path share and an unconfirmed propagation, opens the recipient's deliveries and replays a parked one", async ({
  browser,
}) => {
  const { parkside, gone } = scene;
  const officer = await pageAs(browser, "privacy_officer");
  const answered = officer.waitForResponse((r) => new URL(r.url()).pathname === "/api/admin/privacy-ops" && r.ok());
  await officer.goto("/admin/privacy-ops");
  const { propagation } = (await (await answered).json()) as {
    propagation: { workingPaths: { share: number; working: number; total: number }; limitDays: number };
  };
  expect(propagation.limitDays).toBe(7);
  const section = officer.getByTestId("propagation-ops");
  await expect(section.getByRole("heading", { name: "Propagation to recipients" })).toBeVisible();
  const { share, working, total } = propagation.workingPaths;
  await expect(section.locator(".kpi").filter({ hasText: "Recipients with a working path" })).toContainText(`${share}%`);
  await expect(section).toContainText(`${working} of ${total} recipients`);

  // The recipient whose only webhook answered 410: called out, and listed as one no change can reach.
  await expect(section.locator(".alert").filter({ hasText: gone.name })).toContainText("answered 410 Gone");
  await expect(section.getByRole("link", { name: gone.name, exact: true })).toHaveAttribute("href", `/admin/recipients/${gone.id}`);

  // The erasure unconfirmed for ten days, beyond the 7-day limit, linking to its request; the parked deliveries.
  const row = section.getByRole("region", { name: "Unconfirmed for more than 7 days" }).getByRole("row").filter({ hasText: parkside.name });
  await expect(row.getByRole("link", { name: `Request ${parkside.requestRef}` })).toHaveAttribute(
    "href",
    `/admin/requests/${parkside.requestId}`,
  );
  // Only the erasure: the parked consent changes (three to five days old) are within the limit.
  await expect(row.getByRole("cell").nth(1)).toHaveText("1");
  const parked = section
    .getByRole("region", { name: "Parked deliveries by recipient" })
    .getByRole("row")
    .filter({ hasText: parkside.name });
  await expect(parked.getByRole("cell").nth(1)).toHaveText("3");
  await axeClean(officer);
  await fitsPhone(officer);

  // The recipient's deliveries: four, no person named.
  await row.getByRole("link", { name: parkside.name }).click();
  await expect(officer.getByRole("heading", { level: 1, name: `Deliveries to ${parkside.name}` })).toBeVisible();
  const table = officer.getByRole("region", { name: `Deliveries to ${parkside.name}` });
  await expect(table.getByRole("row")).toHaveCount(5);
  await expect(officer.locator("main")).not.toContainText("CUST-");
  await expect(officer.locator("main")).not.toContainText("@");
  await axeClean(officer);
  await fitsPhone(officer);

  // One replayed: queued again under the same webhook-id, with a fresh retry window; audited.
  const [first] = parkside.parked;
  replayOne = await captureAction(officer, () => table.getByRole("button", { name: `Replay delivery ${first.uid}` }).click());
  await expect(officer.getByTestId("replay-result")).toHaveText("1 delivery queued again: it is sent now.", slow);
  await expect(officer.getByTestId("replay-result")).toBeFocused();
  expect(delivery(first.id)).toMatchObject({ uid: first.uid, state: "queued" });
  expect(delivery(first.id).attempts).toBeLessThan(12);
  const audit = readStore(env.store, (db) =>
    db
      .prepare("SELECT details FROM audit_log WHERE action = 'deliveries.replay' AND target_id = ? ORDER BY id DESC")
      .get(String(parkside.id)),
  ) as { details: string };
  expect(JSON.parse(audit.details)).toMatchObject({ scope: "one", queued: 1, superseded: 0, deliveries: { queued: [first.uid] } });
  await officer.context().close();
});

test("an administrator reads a recipient's deliveries; a marketing user reads them but is refused a replay, also when posting the action", async ({
  browser,
}) => {
  const { parkside } = scene;
  const [, , newer] = parkside.parked;
  const admin = await pageAs(browser, "admin");
  await admin.goto(`/admin/recipients/${parkside.id}/deliveries`);
  await expect(admin.getByRole("heading", { level: 1, name: `Deliveries to ${parkside.name}` })).toBeVisible();
  await expect(admin.getByRole("region", { name: `Deliveries to ${parkside.name}` }).getByRole("row")).toHaveCount(5);

  const marketing = await pageAs(browser, "marketing");
  const response = await marketing.goto(`/admin/recipients/${parkside.id}/deliveries`);
  expect(response?.status()).toBe(200);
  await expect(marketing.getByRole("heading", { level: 1, name: `Deliveries to ${parkside.name}` })).toBeVisible();
  await expect(marketing.getByRole("button", { name: /Replay/ })).toHaveCount(0);

  // The officer's replay, posted with marketing's session and aimed at a delivery still parked.
  const replays = count("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'deliveries.replay'");
  const refused = await replayAction(marketing, replayOne, (body) => {
    const aimed = body.replace(/(name="(?:_?\d+_)?deliveryId"\r\n\r\n)\d+/, `$1${newer.id}`);
    expect(aimed).toContain(`deliveryId"\r\n\r\n${newer.id}\r\n`);
    return aimed;
  });
  expect(refused.status).toBeLessThan(500);
  expect(refused.text).toContain("forbidden");
  expect(delivery(newer.id).state).toBe("parked");
  expect(count("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'deliveries.replay'")).toBe(replays);
  expect(
    count(
      "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'access.denied' AND actor_label = 'marketing@northtrail.example' AND target_id = 'recipient:manage'",
    ),
  ).toBeGreaterThan(0);
  await Promise.all([admin, marketing].map((p) => p.context().close()));
});

test("replaying all parked asks first, then says what was queued again and what was superseded; the pages read in Korean and Japanese", async ({
  browser,
}) => {
  const { parkside } = scene;
  const [, older, newer] = parkside.parked;
  const officer = await pageAs(browser, "privacy_officer");
  await officer.goto(`/admin/recipients/${parkside.id}/deliveries`);
  await officer.getByLabel("State").selectOption("parked");
  await officer.getByRole("button", { name: "Apply filter" }).click();
  await expect(officer).toHaveURL(/state=parked/);
  const table = officer.getByRole("region", { name: `Deliveries to ${parkside.name}` });
  await expect(table.getByRole("row")).toHaveCount(3);
  await officer.getByRole("button", { name: "Replay all parked (2)" }).click();
  const confirm = officer.getByRole("group", { name: "Confirm replaying all parked deliveries" });
  await expect(confirm).toContainText("Replay all 2 parked deliveries?");
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await confirm.getByRole("button", { name: "Yes, replay them" }).click();
  await expect(officer.getByTestId("replay-result")).toHaveText(
    "1 delivery queued again: it is sent now. 1 superseded: a later delivery already carries its change, so it is not sent.",
    slow,
  );
  await expect(table).toContainText("No delivery is in this state.");
  expect(delivery(older.id)).toMatchObject({ state: "superseded", uid: older.uid });
  expect(delivery(newer.id)).toMatchObject({ state: "queued", uid: newer.uid });
  await officer.context().close();

  for (const [locale, deliveriesTitle, opsTitle] of [
    ["ko", `${parkside.name} 전달 내역`, "수령인에게 전파"],
    ["ja", `${parkside.name} への配信`, "提供先への伝達"],
  ] as const) {
    const page = await pageAs(browser, "privacy_officer", locale);
    await page.goto(`/admin/recipients/${parkside.id}/deliveries`);
    await expect(page.getByRole("heading", { level: 1, name: deliveriesTitle })).toBeVisible();
    await expect(page.locator("body")).not.toContainText("MISSING:");
    await expect(page.locator("main")).not.toContainText(/Queued|Delivered|Superseded|Replay/);
    await axeClean(page);
    await page.goto("/admin/privacy-ops");
    await expect(page.getByTestId("propagation-ops").getByRole("heading", { name: opsTitle })).toBeVisible();
    await expect(page.getByTestId("propagation-ops").locator(".kpis")).toHaveAttribute("aria-busy", "false");
    await expect(page.locator("body")).not.toContainText("MISSING:");
    await axeClean(page);
    await page.context().close();
  }
});

test("an administrator sets the brand's confirmation limit: a bad value is named beside the field, a good one moves privacy operations", async ({
  browser,
}) => {
  const admin = await pageAs(browser, "admin");
  await admin.goto("/admin/settings");
  const form = admin.getByRole("form", { name: "Time for recipients to confirm" });
  const field = form.getByLabel("Days a recipient has to confirm a change");
  await expect(field).toHaveValue("7");
  await expect(form).toContainText("From 1 to 90 days; 7 unless you choose otherwise.");
  await field.fill("0");
  await form.getByRole("button", { name: "Save the limit" }).click();
  await expect(form.locator("#confirmation-limit-error")).toHaveText("Enter a whole number of days from 1 to 90.", slow);
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await axeClean(admin);
  await fitsPhone(admin);
  await field.fill("3");
  await form.getByRole("button", { name: "Save the limit" }).click();
  await expect(form.getByText("Saved. Privacy operations now lists changes unconfirmed after this many days.")).toBeVisible(slow);
  const audit = readStore(env.store, (db) =>
    db.prepare("SELECT details FROM audit_log WHERE action = 'settings.confirmation-limit' ORDER BY id DESC").get(),
  ) as { details: string };
  expect(JSON.parse(audit.details)).toEqual({ before: 7, after: 3 });
  await admin.context().close();

  const officer = await pageAs(browser, "privacy_officer");
  await officer.goto("/admin/privacy-ops");
  await expect(officer.getByTestId("propagation-ops").getByRole("heading", { name: "Unconfirmed for more than 3 days" })).toBeVisible();
  await officer.context().close();
});
