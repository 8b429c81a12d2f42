// Threats: the request page names one clock while the due date runs on another
// (a CCPA opt-out of sale/sharing labelled "45 days" while it is due in 15
// business days), so staff plan to miss a deadline; and a reason Candor wrote
// itself (the automatic close of an unverified request) reaches a Japanese
// person, or a Japanese-reading officer, in English.
import { readStore } from "../db/testing/read-store";
import { expect, test, type Page } from "@playwright/test";
import { pageAs } from "./support/auth";
import { openWithLink } from "./support/preferences";
import { e2eDatabasePath } from "./support/paths";

const one = <T>(sql: string): T => readStore(e2eDatabasePath(), (db) => db.prepare(sql).get() as T);
const fact = (page: Page, term: string) =>
  page
    .locator("dl.facts > div")
    .filter({ has: page.locator("dt", { hasText: term }) })
    .locator("dd");
// Written out here, as the person and the officer should read them (lib/requests/system-reasons.ts).
const notVerifiedJa = "期限内にご本人確認ができなかったため、ご請求には対応せずに終了しました。";

test("the request page names the law and the clock its due date runs on", async ({ browser }) => {
  const optOut = one<{ id: number }>(
    "SELECT id FROM subject_requests WHERE type = 'opt_out_sale' AND jurisdiction = 'US-CA' ORDER BY id LIMIT 1",
  );
  const gdpr = one<{ id: number }>(
    "SELECT id FROM subject_requests WHERE type = 'access' AND jurisdiction = 'EU' AND extended_at IS NULL ORDER BY id LIMIT 1",
  );
  const officer = await pageAs(browser, "privacy_officer");

  await officer.goto(`/admin/requests/${optOut.id}`);
  await expect(fact(officer, "Law and clock")).toHaveText("CCPA §7026(f): 15 business days");
  await expect(fact(officer, "Extension")).toHaveText("Not allowed for this law or type");

  await officer.goto(`/admin/requests/${gdpr.id}`);
  await expect(fact(officer, "Law and clock")).toHaveText("GDPR Art. 12(3): 1 month");
  await expect(fact(officer, "Extension")).toHaveText("Not used; one extension of 2 months is allowed");

  await officer.context().addCookies([{ name: "NEXT_LOCALE", value: "ja", url: officer.url() }]);
  await officer.goto(`/admin/requests/${optOut.id}`);
  await expect(fact(officer, "適用法と期限")).toHaveText("CCPA §7026(f): 15営業日以内");
});

test("an automatic close reads in the reader's language: the officer's and the person's", async ({ browser }) => {
  const r = one<{ id: number; uid: string }>(
    "SELECT r.id, s.uid FROM subject_requests r JOIN subjects s ON s.id = r.subject_id WHERE r.rejection_reason = 'system:identity-not-verified' AND s.locale = 'ja' AND s.email IS NOT NULL AND s.is_minor = 0 ORDER BY r.id LIMIT 1",
  );
  const officer = await pageAs(browser, "privacy_officer");
  await officer.context().addCookies([{ name: "NEXT_LOCALE", value: "ja", url: officer.url() }]);
  await officer.goto(`/admin/requests/${r.id}`);
  await expect(fact(officer, "不対応の理由")).toHaveText(notVerifiedJa);
  await expect(officer.getByRole("cell", { name: notVerifiedJa })).toBeVisible();

  const person = await (await browser.newContext()).newPage();
  await openWithLink(person, r.uid);
  await person.goto("/preferences/requests");
  await expect(person.getByText(notVerifiedJa).first()).toBeVisible();
  await expect(person.getByText("system:identity-not-verified")).toHaveCount(0);
});
