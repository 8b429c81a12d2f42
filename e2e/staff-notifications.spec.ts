// What waits on me (issue 16, deliverable 3). Threat: an officer misses a legal clock because nobody told them, or
// is told twice, or a colleague who did not ask is mailed; and the menu's counts say something the queue does not.
// The officer asks for "due within 3 days" in the daily digest on their profile; the digest (npm run notify) sends
// one email to them and none to the officer who did not ask; the review inbox lists what marketing sent, with who
// sent it; the menu's counts are the queue's own filtered counts. In en, ko and ja, axe-clean, at 390 px.
import { execFileSync } from "node:child_process";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { readStore } from "../db/testing/read-store";
import { pageAs } from "./support/auth";
import { e2eDatabasePath } from "./support/paths";
import { pageShot } from "./support/screens";

const officerEmail = "privacy@northtrail.example";
const otherOfficerEmail = "dpo@northtrail.example";

async function axeViolations(page: Page): Promise<string[]> {
  const scan = await new AxeBuilder({ page }).analyze();
  return scan.violations.map((v) => `${v.id}: ${v.nodes[0]?.target}`);
}

/** npm run notify, on the test server's store, as an operator (or cron) would run it. */
function runNotify(baseURL: string, ...args: string[]): string {
  return execFileSync("npx", ["tsx", "--conditions=react-server", "scripts/notify.ts", ...args], {
    env: { ...process.env, DATABASE_PATH: e2eDatabasePath(), CANDOR_URL: baseURL, NODE_ENV: "development" },
    encoding: "utf8",
  });
}

/** The open requests due within 3 days, not yet overdue, that wait on the officer: theirs, or nobody's. */
function dueSoonForOfficer(): string[] {
  return readStore(e2eDatabasePath(), (db) => {
    const now = Date.now();
    return (
      db
        .prepare(
          `SELECT r.ref FROM subject_requests r LEFT JOIN staff_users u ON u.id = r.assignee_id
           WHERE r.status IN ('received', 'verifying', 'in_progress') AND r.due_at >= ? AND r.due_at < ?
             AND (r.assignee_id IS NULL OR u.email = ?)`,
        )
        .all(now, now + 3 * 86_400_000, officerEmail) as { ref: string }[]
    ).map((r) => r.ref);
  });
}

const digestsTo = (email: string) =>
  readStore(
    e2eDatabasePath(),
    (db) => db.prepare("SELECT COUNT(*) AS n FROM outbox WHERE kind = 'staff-digest' AND to_address = ?").get(email) as { n: number },
  ).n;

test("an officer who asks for requests due within 3 days in the digest gets one digest, and the officer who did not gets none", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const refs = dueSoonForOfficer();
  expect(refs.length, "the seeded queue has a request due within 3 days").toBeGreaterThan(0);
  const officer = await pageAs(browser, "privacy_officer");

  // The profile is reached from the name at the foot of the menu.
  await officer.getByRole("link", { name: /Your profile: Priya Officer/ }).click();
  await expect(officer).toHaveURL(/\/admin\/profile$/);
  await expect(officer.getByRole("heading", { level: 1, name: "Your profile" })).toBeVisible();
  expect(await axeViolations(officer)).toEqual([]);
  const dueSoon = officer.getByRole("group", { name: "A request due within 3 days" });
  await dueSoon.getByRole("radio", { name: "In the daily digest" }).check();
  await officer.getByRole("button", { name: "Save" }).click();
  await expect(officer.getByText("Saved.")).toBeVisible();
  await officer.reload();
  await expect(
    officer.getByRole("group", { name: "A request due within 3 days" }).getByRole("radio", { name: "In the daily digest" }),
  ).toBeChecked();

  // The digest, run twice: one email, in which every request due within 3 days that waits on the officer is listed.
  const before = digestsTo(otherOfficerEmail);
  runNotify(baseURL!, "--digest");
  runNotify(baseURL!, "--digest");
  expect(digestsTo(officerEmail)).toBe(1);
  expect(digestsTo(otherOfficerEmail)).toBe(before);

  await officer.goto(`/admin/outbox?to=${encodeURIComponent(officerEmail)}&kind=staff-digest`);
  const messages = officer.getByTestId("outbox-message");
  await expect(messages).toHaveCount(1);
  await expect(messages.first()).toContainText("Staff daily digest");
  await messages.first().getByText("Show").click();
  for (const ref of refs) await expect(messages.first().locator("pre")).toContainText(ref);
  await expect(messages.first().locator("pre")).toContainText("/admin/requests/");
});

test("the profile refuses an event the role may not see, and offers marketing none", async ({ browser }) => {
  const marketing = await pageAs(browser, "marketing");
  await marketing.goto("/admin/profile");
  await expect(marketing.getByText("Your role sees none of the events Candor emails about.")).toBeVisible();
  await expect(marketing.getByRole("radio")).toHaveCount(0);
  // A form written around the page: the server refuses the choice beside nothing it offered, and stores nothing.
  await marketing.evaluate(() => {
    const form = document.querySelector("form[aria-label='Email language and notifications']")!;
    const input = Object.assign(document.createElement("input"), { type: "hidden", name: "event-new-request", value: "immediate" });
    form.append(input);
  });
  await marketing.getByRole("button", { name: "Save" }).click();
  await expect(marketing.getByText("Your role cannot be notified of this event.")).toBeVisible();
  await expect(marketing.getByText("Saved.")).toHaveCount(0);
  const stored = readStore(e2eDatabasePath(), (db) =>
    db
      .prepare("SELECT COUNT(*) AS n FROM staff_notification_choices c JOIN staff_users u ON u.id = c.staff_id WHERE u.email = ?")
      .get("marketing@northtrail.example"),
  ) as { n: number };
  expect(stored.n).toBe(0);
});

test("the review inbox lists a purpose marketing sent for review, with who sent it and since when", async ({ browser }) => {
  test.setTimeout(90_000);
  const name = `Inbox check ${Date.now()}`;
  // The officer asks to hear of reviews at once: the submission itself queues their email.
  const officer = await pageAs(browser, "privacy_officer");
  await officer.goto("/admin/profile");
  await officer.getByRole("group", { name: "An item waiting for review" }).getByRole("radio", { name: "Immediately" }).check();
  await officer.getByRole("button", { name: "Save" }).click();
  await expect(officer.getByText("Saved.")).toBeVisible();
  const marketing = await pageAs(browser, "marketing");
  await marketing.goto("/admin/purposes/new");
  const form = marketing.getByRole("form", { name: "Create draft" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Key").fill(`inbox_check_${Date.now()}`);
  await form.getByLabel("What you do with the data").fill("Checking that the review inbox lists what waits.");
  await form.getByLabel("What the customer gets in return").fill("Nothing waits unseen.");
  await form.getByRole("checkbox", { name: "Preferences" }).check();
  await form.getByLabel("Kept for (days)").fill("30");
  await form.getByRole("checkbox", { name: "Email" }).check();
  await form.getByRole("checkbox", { name: "Korea (PIPA)" }).check();
  await form.getByRole("button", { name: "Create draft" }).click();
  await expect(marketing).toHaveURL(/\/admin\/purposes\/\d+$/);
  const purposePath = new URL(marketing.url()).pathname;
  await marketing.getByRole("button", { name: "Submit for review" }).click();
  await expect(marketing.locator(".page-header .badge").first()).toHaveText("In review");

  await officer.goto(`/admin/outbox?to=${encodeURIComponent(officerEmail)}&kind=staff-notice`);
  const notice = officer.getByTestId("outbox-message").filter({ hasText: name });
  await expect(notice).toHaveCount(1);
  await expect(notice).toContainText(`Waiting for review: ${name}`);
  await officer.goto("/admin/requests");
  const inboxLink = officer.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Review inbox, \d+$/ });
  const waiting = Number((await inboxLink.getAttribute("aria-label"))!.split(", ")[1]);
  await inboxLink.click();
  await expect(officer).toHaveURL(/\/admin\/inbox$/);
  const items = officer.getByRole("list", { name: "Items waiting for review, longest waiting first" }).getByTestId("review-item");
  await expect(items).toHaveCount(waiting);
  const item = items.filter({ hasText: name });
  await expect(item).toContainText("New purpose");
  await expect(item).toContainText("Mina Marketer");
  await expect(item.locator("time")).toContainText(/ago|now/);
  await expect(item.getByRole("link", { name })).toHaveAttribute("href", purposePath);
  expect(await axeViolations(officer)).toEqual([]);

  // Roles that review nothing have no inbox: not in their menu, refused by the server.
  await expect(marketing.getByRole("link", { name: /Review inbox/ })).toHaveCount(0);
  const refused = await marketing.goto("/admin/inbox");
  expect(refused?.status()).toBe(403);
});

test("the menu's counts are the queue's own filtered counts, named with their count", async ({ browser }) => {
  const officer = await pageAs(browser, "privacy_officer");
  const views = officer.getByRole("list", { name: "Request views" });
  for (const [name, query] of [
    ["Assigned to me", "assignee=me"],
    ["Due in 3 days", "dueSoon=1"],
    ["Overdue", "overdue=1"],
  ] as const) {
    const link = views.getByRole("link", { name: new RegExp(`^${name}, \\d+$`) });
    const count = Number((await link.getAttribute("aria-label"))!.split(", ")[1]);
    await link.click();
    await expect(officer).toHaveURL(new RegExp(`/admin/requests\\?${query}$`));
    // The queue's rows under that filter, page after page.
    let rows = 0;
    for (let page = 1; ; page++) {
      rows += await officer.locator("main table tbody tr").count();
      const next = officer.locator(`nav.pager a[href*="page=${page + 1}"]`);
      if ((await next.count()) === 0) break;
      await next.click();
      await expect(officer).toHaveURL(new RegExp(`page=${page + 1}`));
    }
    expect(rows, name).toBe(count);
  }
  // Counts belong to the roles that may open the queue.
  const executive = await pageAs(browser, "executive");
  await expect(executive.getByRole("list", { name: "Request views" })).toHaveCount(0);
});

for (const locale of ["ko", "ja"] as const) {
  test(`the profile, the inbox and the menu read in ${locale} at 390 px, axe-clean`, async ({ browser }) => {
    const officer = await pageAs(browser, "privacy_officer");
    await officer.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: new URL(officer.url()).origin }]);
    for (const width of [1366, 390]) {
      await officer.setViewportSize({ width, height: 900 });
      for (const path of ["/admin/profile", "/admin/inbox"]) {
        await officer.goto(path);
        await expect(officer.locator("html")).toHaveAttribute("lang", locale);
        const main = await officer.locator("main").innerText();
        for (const english of [
          "Your profile",
          "Review inbox",
          "Notifications",
          "Immediately",
          "daily digest",
          "Waiting on you",
          "Submitted by",
        ])
          expect(main).not.toContain(english);
        expect(await officer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        expect(await axeViolations(officer)).toEqual([]);
        await pageShot(officer, `/tmp/w-shots/staff-notifications-${locale}-${width}${path.replaceAll("/", "-")}.png`);
      }
    }
  });
}

test("the profile and the inbox in English at 1366 and 390 px, with the phone menu's counts", async ({ browser }) => {
  const officer = await pageAs(browser, "privacy_officer");
  for (const width of [1366, 390]) {
    await officer.setViewportSize({ width, height: 900 });
    for (const path of ["/admin/profile", "/admin/inbox"]) {
      await officer.goto(path);
      expect(await officer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await pageShot(officer, `/tmp/w-shots/staff-notifications-en-${width}${path.replaceAll("/", "-")}.png`);
    }
  }
  // On a phone the menu waits behind its button and still carries the counts.
  await officer.getByRole("button", { name: "Menu" }).click();
  await expect(officer.getByRole("list", { name: "Request views" }).getByRole("link", { name: /^Overdue, \d+$/ })).toBeVisible();
  await pageShot(officer, "/tmp/w-shots/staff-notifications-en-390-menu.png");
  await officer.keyboard.press("Escape");
  await expect(officer.getByRole("button", { name: "Menu" })).toBeFocused();
});
