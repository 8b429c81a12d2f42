// Threat: Korean staff read times as "PM 3:04" (the runtime's CLDR data abbreviates
// Korean day periods as AM/PM), English on a Korean page; Japanese staff see two clocks.
import { expect, test } from "@playwright/test";
import { readStore } from "../db/testing/read-store";
import { pageAs } from "./support/auth";
import { e2eDatabasePath } from "./support/paths";

const openRequest = () =>
  readStore(e2eDatabasePath(), (db) =>
    db.prepare("SELECT id FROM subject_requests WHERE status NOT IN ('completed', 'rejected') ORDER BY id LIMIT 1").get(),
  ) as { id: number };

test("Korean staff read 오전/오후 and never AM/PM on the request page and the audit log; Japanese staff read one 24-hour clock", async ({
  browser,
}) => {
  const { id } = openRequest();
  // Signed in through the English form; then the reader's language.
  const officer = await pageAs(browser, "privacy_officer");
  await officer.context().addCookies([{ name: "NEXT_LOCALE", value: "ko", url: officer.url() }]);
  for (const path of [`/admin/requests/${id}`, "/admin/audit"]) {
    await officer.goto(path);
    await expect(officer.locator("main")).toContainText(/\d{4}\. \d{1,2}\. \d{1,2}\. (오전|오후) \d{1,2}:\d{2}/);
    await expect(officer.locator("main")).not.toContainText(/\b(AM|PM)\b/);
  }

  await officer.context().addCookies([{ name: "NEXT_LOCALE", value: "ja", url: officer.url() }]);
  for (const path of [`/admin/requests/${id}`, "/admin/audit"]) {
    await officer.goto(path);
    await expect(officer.locator("main")).toContainText(/\d{4}\/\d{2}\/\d{2} \d{1,2}:\d{2}/);
    await expect(officer.locator("main")).not.toContainText(/\b(AM|PM)\b|午前|午後/);
  }
  await officer.context().close();
});
