// Threats: staff file a request for the wrong person because the email they
// typed and the customer id they typed belong to two people (Candor must refuse,
// not guess), or a letter typed in days after it arrived gets a deadline counted
// from the typing, so the brand answers late while its screens say it is on time.
import { expect, test, type Page } from "@playwright/test";
import { readStore } from "../db/testing/read-store";
import { dueDate } from "../lib/requests/deadlines";
import { fromLocalInput, toLocalInput } from "../lib/requests/receipt";
import ko from "../lib/i18n/messages/ko/requestDetail.json";
import { pageAs } from "./support/auth";
import { e2eDatabasePath } from "./support/paths";
import { DAY_MS as DAY } from "../lib/time";

const run = Date.now().toString(36);
const read = <T>(sql: string, ...args: unknown[]) => readStore(e2eDatabasePath(), (db) => db.prepare(sql).get(...args)) as T;
const requestCount = () => read<{ n: number }>("SELECT count(*) AS n FROM subject_requests").n;
const twoPeople = () => {
  const [a, b] = readStore(e2eDatabasePath(), (db) =>
    db
      .prepare(
        "SELECT email, external_id AS externalId FROM subjects WHERE email IS NOT NULL AND external_id IS NOT NULL ORDER BY id LIMIT 2",
      )
      .all(),
  ) as { email: string; externalId: string }[];
  return { a, b };
};
// What the request page shows: next-intl formats in the brand's time zone with these options.
const brandZone = () => read<{ timeZone: string }>("SELECT time_zone AS timeZone FROM brand_settings WHERE id = 1").timeZone;
const shown = (d: Date) => new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: brandZone() }).format(d);

async function openIntake(officer: Page) {
  await officer.goto("/admin/requests/new");
  return officer.getByRole("form", { name: "New request" });
}

test("staff typing one person's email and another's customer id get a message on both fields, and nothing is filed", async ({
  browser,
}) => {
  const { a, b } = twoPeople();
  const officer = await pageAs(browser, "privacy_officer");
  const form = await openIntake(officer);
  await form.getByLabel("Email address").fill(a.email);
  await form.getByLabel("Customer id").fill(b.externalId);
  const before = requestCount();
  await form.getByRole("button", { name: "Create request" }).click();
  const message = "This email and this customer id belong to two different people.";
  await expect(officer.locator("#in-email-error")).toContainText(message);
  await expect(officer.locator("#in-externalId-error")).toContainText(message);
  await expect(officer).toHaveURL(/\/admin\/requests\/new$/);
  expect(requestCount()).toBe(before);
});

test("a Korean-speaking officer gets the conflict in Korean", async ({ browser }) => {
  const { a, b } = twoPeople();
  const officer = await pageAs(browser, "privacy_officer");
  await officer.context().addCookies([{ name: "NEXT_LOCALE", value: "ko", url: officer.url() }]);
  await officer.goto("/admin/requests/new");
  await officer.locator("#in-email").fill(b.email);
  await officer.locator("#in-externalId").fill(a.externalId);
  const before = requestCount();
  await officer
    .locator("form")
    .filter({ has: officer.locator("#in-email") })
    .locator("button[type=submit]")
    .click();
  await expect(officer.locator("#in-email-error")).toHaveText(ko.errors["subject-conflict"]);
  await expect(officer.locator("#in-externalId-error")).toHaveText(ko.errors["subject-conflict"]);
  expect(requestCount()).toBe(before);
});

test("a letter received ten days ago is due ten days after it arrived, and the page shows when it was received and when entered", async ({
  browser,
}) => {
  const { timeZone } = read<{ timeZone: string }>("SELECT time_zone AS timeZone FROM brand_settings WHERE id = 1");
  const officer = await pageAs(browser, "privacy_officer");
  const form = await openIntake(officer);
  const typed = toLocalInput(new Date(Date.now() - 10 * DAY), timeZone);
  const receivedAt = fromLocalInput(typed, timeZone)!;
  await form.getByLabel("Type", { exact: true }).selectOption("deletion");
  await form.getByLabel("Jurisdiction").selectOption("KR");
  await form.getByLabel("Received by").selectOption("letter");
  await form.getByLabel(`Received on (${timeZone} time)`).fill(typed);
  await form.getByLabel("Email address").fill(`letter-${run}@example.com`);
  await form.getByLabel("What they asked for").fill("Please delete my account (letter dated ten days ago)");
  await form.getByRole("button", { name: "Create request" }).click();
  await expect(officer).toHaveURL(/\/admin\/requests\/\d+$/);

  const id = Number(new URL(officer.url()).pathname.split("/").pop());
  const row = read<{ receivedAt: number; dueAt: number; createdAt: number }>(
    "SELECT received_at AS receivedAt, due_at AS dueAt, created_at AS createdAt FROM subject_requests WHERE id = ?",
    id,
  );
  const due = dueDate({ jurisdiction: "KR", type: "deletion", receivedAt, timeZone });
  expect(row.receivedAt).toBe(receivedAt.getTime());
  expect(row.dueAt).toBe(due.getTime());
  // PIPA's 10 days from the letter end about now, not ten days from now.
  expect(due.getTime()).toBeLessThan(Date.now() + 2 * DAY);

  const facts = officer.getByRole("region", { name: "Request details" });
  await expect(facts.getByText(shown(due)).first()).toBeVisible();
  await expect(facts.getByText(shown(receivedAt)).first()).toBeVisible();
  const timeline = officer.getByRole("table", { name: "Timeline" });
  const received = timeline.getByRole("row").filter({ has: officer.getByRole("cell", { name: "Received", exact: true }) });
  await expect(received).toContainText(shown(receivedAt));
  await expect(received).toContainText(`Letter, ${typed.replace("T", " ")} (${timeZone} time)`);
  const entered = timeline.getByRole("row").filter({ has: officer.getByRole("cell", { name: "Entered", exact: true }) });
  await expect(entered).toContainText(shown(new Date(row.createdAt)));
  await expect(entered).toContainText("Priya Officer");
});

test("a letter from 61 days ago needs a reason, which the timeline then shows; a time in the future is refused", async ({ browser }) => {
  const { timeZone } = read<{ timeZone: string }>("SELECT time_zone AS timeZone FROM brand_settings WHERE id = 1");
  const officer = await pageAs(browser, "privacy_officer");
  let form = await openIntake(officer);
  const before = requestCount();
  await form.getByLabel(`Received on (${timeZone} time)`).fill(toLocalInput(new Date(Date.now() + DAY), timeZone));
  await form.getByLabel("Customer id").fill(`late-${run}`);
  await form.getByRole("button", { name: "Create request" }).click();
  await expect(officer.locator("#in-receivedAt-error")).toHaveText("This time has not come yet. Enter when the request actually arrived.");

  form = await openIntake(officer);
  const late = toLocalInput(new Date(Date.now() - 61 * DAY), timeZone);
  await form.getByLabel(`Received on (${timeZone} time)`).fill(late);
  await expect(form.getByText("a reason is required")).toBeVisible();
  await form.getByLabel("Customer id").fill(`late-${run}`);
  await form.getByRole("button", { name: "Create request" }).click();
  await expect(officer.locator("#in-lateReason-error")).toHaveText(
    "It was received more than 60 days ago: say why it is entered only now.",
  );
  expect(requestCount()).toBe(before);

  form = await openIntake(officer);
  await form.getByLabel(`Received on (${timeZone} time)`).fill(late);
  await form.getByLabel("Why it is entered only now").fill(`Found in the returns depot's post ${run}`);
  await form.getByLabel("Customer id").fill(`late-${run}`);
  await form.getByRole("button", { name: "Create request" }).click();
  await expect(officer).toHaveURL(/\/admin\/requests\/\d+$/);
  const entered = officer
    .getByRole("table", { name: "Timeline" })
    .getByRole("row")
    .filter({ has: officer.getByRole("cell", { name: "Entered", exact: true }) });
  await expect(entered).toContainText(`Found in the returns depot's post ${run}`);
});
