// Screenshots of the pages built from the shared list parts (data table, empty state, pager, request-action form) at a
// laptop's and a phone's width, for people to compare before and after a change to those parts
// (SHOTS_DIR, default test-results/shared-ui/*.png). The test checks each page renders its list and paging.
import { expect, test } from "@playwright/test";
import { pageAs } from "./support/auth";
import { pageShot } from "./support/screens";

const dir = process.env.SHOTS_DIR ?? "test-results/shared-ui";
const widths = [1366, 390] as const;

test("the audit, requests, outbox and a request page render their lists at 1366 and 390 px", async ({ browser }) => {
  const officer = await pageAs(browser, "privacy_officer");
  await officer.goto("/admin/requests?status=in_progress");
  const first = officer.getByRole("row").nth(1).getByRole("link").first(); // the reference (the customer is linked too)
  const requestPath = (await first.getAttribute("href"))!;
  const views: [string, string][] = [
    ["audit", "/admin/audit"],
    ["audit-empty", "/admin/audit?action=no.such.action"],
    ["requests", "/admin/requests"],
    ["requests-page-2", "/admin/requests?page=2"],
    ["outbox", "/admin/outbox"],
    ["outbox-empty", "/admin/outbox?to=nobody-at-all"],
    ["request", requestPath],
  ];
  for (const width of widths) {
    await officer.setViewportSize({ width, height: 900 });
    for (const [name, path] of views) {
      await officer.goto(path);
      await expect(officer.locator("h1")).toBeVisible();
      await expect(officer.locator("body")).not.toContainText("MISSING:");
      if (name !== "request") await expect(officer.getByRole("navigation", { name: /pages/i })).toBeVisible();
      await pageShot(officer, `${dir}/${name}-${width}.png`);
    }
  }
  await officer.context().close();
});
