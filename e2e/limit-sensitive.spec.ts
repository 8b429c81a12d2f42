// Threats: a Californian's sensitive data kept in use after they limited it (a purpose on another basis slipping
// through, a recipient never told), a limit request left to run past its 15 business days, or a person who has no
// right to limit being offered it. Acceptance (issue 18): "A limit request from a California person stops the
// flagged purposes and is due 15 business days from receipt; it is counted under 'limit'."
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { readStore } from "../db/testing/read-store";
import { dueDate } from "../lib/requests/deadlines";
import { pageAs } from "./support/auth";
import { e2eDatabasePath } from "./support/paths";
import { openWithLink, purposeTitle } from "./support/preferences";
import { pageShot } from "./support/screens";

const read = <T>(sql: string, ...args: unknown[]) => readStore(e2eDatabasePath(), (db) => db.prepare(sql).get(...args)) as T;
const readAll = <T>(sql: string, ...args: unknown[]) => readStore(e2eDatabasePath(), (db) => db.prepare(sql).all(...args)) as T[];

type Person = { id: number; uid: string };
/** The n-th Californian with an email who has not limited yet (far down the list, away from other specs' picks). */
function californian(n: number): Person {
  return read<Person>(
    `SELECT id, uid FROM subjects WHERE jurisdiction = 'US-CA' AND is_minor = 0 AND email IS NOT NULL
     AND id NOT IN (SELECT subject_id FROM sensitive_limits) ORDER BY id DESC LIMIT 1 OFFSET ?`,
    n,
  );
}
const flagged = () =>
  readAll<{ key: string; legalBasis: string }>(
    "SELECT key, legal_basis AS legalBasis FROM purposes WHERE status = 'active' AND sensitive_beyond_permitted = 1 ORDER BY id",
  );

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`);
}

const words = {
  en: {
    section: "Limit the Use of My Sensitive Personal Information",
    link: "Limit the Use of My Sensitive Personal Information",
    radio: /^Limit the use of my sensitive personal information/,
    send: "Send my request",
    done: "We have received your request",
    stopped: "Stopped: you limited the use of your sensitive personal information.",
    limited: "You limited the use of your sensitive personal information on",
  },
  ko: {
    section: "민감한 개인정보의 이용 제한",
    link: "민감한 개인정보의 이용 제한 요청하기",
    radio: /^민감한 개인정보의 이용 제한/,
    send: null,
    done: null,
    stopped: "중단됨: 민감한 개인정보의 이용을 제한하셨습니다.",
    limited: "민감한 개인정보의 이용을 제한하셨습니다",
  },
  ja: {
    section: "センシティブな個人情報の利用制限",
    link: "センシティブな個人情報の利用制限を請求する",
    radio: /^センシティブな個人情報の利用制限/,
    send: null,
    done: null,
    stopped: "停止中：センシティブな個人情報の利用を制限されました。",
    limited: "センシティブな個人情報の利用を制限されました",
  },
} as const;

test("a Californian limits the use of their sensitive data from the preference center: the flagged purposes stop at once, the request is due 15 business days from receipt", async ({
  browser,
}) => {
  const stops = flagged();
  expect(stops.length, "the demo flags a purpose beyond §7027(m)").toBeGreaterThan(0);
  const person = californian(3);
  const page = await (await browser.newContext()).newPage();
  await openWithLink(page, person.uid);

  const section = page.getByRole("region", { name: words.en.section });
  await expect(section).toBeVisible();
  for (const p of stops) await expect(section.getByText(purposeTitle(p.key, "en"))).toBeVisible();
  expect(await seriousViolations(page), "preference center").toEqual([]);
  await section.getByRole("link", { name: words.en.link }).click();

  await expect(page.getByRole("radio", { name: words.en.radio })).toBeChecked();
  await page.getByRole("button", { name: words.en.send }).click();
  const done = page.getByRole("status").filter({ hasText: words.en.done });
  await expect(done).toContainText("No identity check is needed");
  const ref = (await done.innerText()).match(/REQ-\d{4}-\d{5}/)![0];

  // Due 15 business days from receipt on the brand's calendar (§7027(g)(1)), as the list shows it.
  const r = read<{
    id: number;
    receivedAt: number;
    dueAt: number;
    verification: string;
    status: string;
    type: string;
    jurisdiction: string;
  }>(
    "SELECT id, received_at AS receivedAt, due_at AS dueAt, verification, status, type, jurisdiction FROM subject_requests WHERE ref = ?",
    ref,
  );
  const timeZone = read<{ tz: string }>("SELECT time_zone AS tz FROM brand_settings WHERE id = 1").tz;
  expect(r).toMatchObject({ type: "limit_sensitive", jurisdiction: "US-CA", verification: "none", status: "in_progress" });
  const expected = dueDate({ jurisdiction: "US-CA", type: "limit_sensitive", receivedAt: new Date(r.receivedAt), timeZone });
  expect(new Date(r.dueAt).toISOString()).toBe(expected.toISOString());
  const businessDays = (() => {
    // Counted independently of the app's rule: weekdays after the receipt's local day, up to the due day.
    const day = (ms: number) => new Date(new Date(ms).toLocaleString("en-US", { timeZone }));
    const from = day(r.receivedAt);
    const to = day(r.dueAt);
    let n = 0;
    for (const d = new Date(from.getFullYear(), from.getMonth(), from.getDate() + 1); d <= to; d.setDate(d.getDate() + 1))
      if (d.getDay() !== 0 && d.getDay() !== 6) n++;
    return n;
  })();
  expect(businessDays).toBe(15);
  const row = page.getByRole("row").filter({ hasText: ref });
  await expect(row.locator(`time[datetime="${new Date(r.dueAt).toISOString()}"]`)).toBeVisible();

  // The flagged purposes are stopped: no switch, the reason said; consent-based ones withdrawn in the ledger by the request.
  await page.goto("/preferences");
  await expect(page.getByRole("region", { name: words.en.section }).getByText(words.en.limited)).toBeVisible();
  for (const p of stops) {
    const card = page.getByRole("region", { name: purposeTitle(p.key, "en"), exact: true });
    await expect(card.getByText(words.en.stopped)).toBeVisible();
    await expect(card.getByRole("switch")).toHaveCount(0);
    if (p.legalBasis === "consent") {
      const last = read<{ event: string; source: string; key: string }>(
        `SELECT e.event, e.source, e.idempotency_key AS key FROM consent_events e JOIN purposes p ON p.id = e.purpose_id
         WHERE e.subject_id = ? AND p.key = ? ORDER BY e.id DESC LIMIT 1`,
        person.id,
        p.key,
      );
      expect(["withdrawn", "denied"]).toContain(last.event);
      expect(last).toMatchObject({ source: "system", key: `${ref}:${p.key}` });
    }
  }
  expect(await seriousViolations(page), "preference center after the limit").toEqual([]);

  // The officer sees what was stopped on the request's timeline, and the person's page shows the limit.
  const officer = await pageAs(browser, "privacy_officer");
  await officer.goto(`/admin/requests/${r.id}`);
  await expect(officer.getByText(`purposes using it beyond §7027(m) stopped: ${stops.length}`)).toBeVisible();
  await officer.goto(`/admin/subjects/${person.uid}`);
  await expect(officer.getByText(`(request ${ref})`)).toBeVisible();
  expect(await seriousViolations(officer), "person page").toEqual([]);
});

for (const locale of ["ko", "ja"] as const) {
  test(`a Californian limits from a phone in ${locale}: the section and the stopped purposes read in ${locale} and fit 390 px`, async ({
    browser,
  }) => {
    const person = californian(locale === "ko" ? 5 : 7);
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await openWithLink(page, person.uid);
    await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: new URL(page.url()).origin }]);
    await page.reload();
    const w = words[locale];
    const section = page.getByRole("region", { name: w.section });
    await expect(section).toBeVisible();
    await section.getByRole("link", { name: w.link }).click();
    await expect(page.getByRole("radio", { name: w.radio })).toBeChecked();
    await page
      .locator("form")
      .filter({ has: page.getByRole("radio", { name: w.radio }) })
      .locator('button[type="submit"]')
      .click();
    await expect(page.getByRole("status").filter({ hasText: /REQ-\d{4}-\d{5}/ })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousViolations(page), `request page ${locale}`).toEqual([]);

    await page.goto("/preferences");
    await expect(page.getByRole("region", { name: w.section }).getByText(w.limited)).toBeVisible();
    for (const p of flagged()) {
      const card = page.getByRole("region", { name: purposeTitle(p.key, locale), exact: true });
      await expect(card.getByText(w.stopped)).toBeVisible();
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousViolations(page), `preference center ${locale}`).toEqual([]);
    await pageShot(page, `/tmp/L-out/limit-sensitive-${locale}-390.png`);
  });
}

test("someone outside California is not offered the limit, in the preference center or the request form", async ({ browser }) => {
  const person = read<Person>(
    "SELECT id, uid FROM subjects WHERE jurisdiction = 'EU' AND is_minor = 0 AND email IS NOT NULL ORDER BY id DESC LIMIT 1 OFFSET 3",
  );
  const page = await (await browser.newContext()).newPage();
  await openWithLink(page, person.uid);
  await expect(page.getByRole("region", { name: words.en.section })).toHaveCount(0);
  await page.goto("/preferences/requests?type=limit_sensitive");
  await expect(page.getByRole("radio", { name: words.en.radio })).toHaveCount(0);
});
