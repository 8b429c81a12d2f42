// Threats: a brand west of UTC reads every date in UTC, so a request due at the end
// of its local day shows the next day and staff plan a day they do not have.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { openDatabase } from "../db/connection";
import { endOfLocalDay } from "../lib/requests/deadlines";
import { stopServer, type RunningServer } from "../scripts/bench/http";
import { signIn } from "./support/auth";
import { secondServer, type SecondServer } from "./support/second-server";

const zone = "America/Los_Angeles";
// Due at 23:59:59.999 on 15 January 2025 in Los Angeles: 07:59 on the 16th in UTC.
const due = endOfLocalDay({ year: 2025, month: 1, day: 15 }, zone);
// Received at 23:30 on 15 December 2024 in Los Angeles: 07:30 on the 16th in UTC.
const received = new Date("2024-12-16T07:30:00Z");

let env: SecondServer;
let server: RunningServer;
let request: { id: number; ref: string };

const fact = (page: Page, term: string) =>
  page
    .locator("dl.facts > div")
    .filter({ has: page.locator("dt", { hasText: new RegExp(`^${term}$`) }) })
    .locator("dd");

test.beforeAll(async () => {
  test.setTimeout(120_000);
  // The brand's zone is a brand-wide setting: its own server over a copy of the store, so no other spec sees it.
  env = await secondServer("brand-time-zone");
  const db = openDatabase(env.store);
  db.$client.prepare("UPDATE brand_settings SET time_zone = ? WHERE id = 1").run(zone);
  request = db.$client
    .prepare("SELECT id, ref FROM subject_requests WHERE status NOT IN ('completed', 'rejected') ORDER BY id LIMIT 1")
    .get() as { id: number; ref: string };
  // Soonest due of all, so it heads the queue's first page.
  db.$client
    .prepare("UPDATE subject_requests SET due_at = ?, received_at = ? WHERE id = ?")
    .run(due.getTime(), received.getTime(), request.id);
  db.$client.close();
  server = await env.start();
});

test.afterAll(async () => {
  if (server) await stopServer(server);
  env?.remove();
});

async function officerOn(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.baseUrl });
  const page = await context.newPage();
  await signIn(page, "privacy_officer");
  return page;
}

test("a brand in Los Angeles sees a request due at the end of its local day due that day, in the queue and on the request page", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const officer = await officerOn(browser);

  await officer.goto("/admin/requests");
  const row = officer.getByRole("row").filter({ has: officer.getByRole("link", { name: request.ref }) });
  await expect(row).toContainText("Jan 15, 2025");
  await expect(row).toContainText("Dec 15, 2024");
  await expect(row).not.toContainText("Jan 16, 2025");

  await officer.goto(`/admin/requests/${request.id}`);
  await expect(fact(officer, "Due")).toContainText("Jan 15, 2025, 11:59 PM");
  await expect(fact(officer, "Received")).toHaveText("Dec 15, 2024, 11:30 PM");
  // The timeline's receipt row: the same instant, the same local day.
  const receipt = officer.getByRole("table", { name: "Timeline" }).getByRole("row").filter({ hasText: "(America/Los_Angeles time)" });
  await expect(receipt).toContainText("Dec 15, 2024, 11:30 PM");
  await expect(receipt).toContainText("2024-12-15 23:30");
  await officer.context().close();
});
