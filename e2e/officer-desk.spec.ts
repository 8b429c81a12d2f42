// The officer's desk (issue 16): a request is found from any page with "/" and a few keystrokes; many requests are
// acted on at once, each still checked against its own law, with a confirmation naming them first; and the filtered
// queue leaves as a CSV file. Threats: a bulk action that half-writes a request, extends one its law forbids, or
// leaves no trace on each request; a file of people's data that a role without the right can download, or that
// runs a formula when opened. (Marketing and executives refused people by /api/admin/search: staff-search.spec.ts.)
import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { readStore } from "../db/testing/read-store";
import { pageAs } from "./support/auth";
import { createKeyInUi } from "./support/api-keys";
import { captureAction, replayAction } from "./support/actions";
import { literalPieces } from "./support/english-strings";
import { e2eDatabasePath } from "./support/paths";
import { pageShot, partShot } from "./support/screens";

test.describe.configure({ mode: "serial" });

const run = Date.now().toString(36);
const read = <T>(sql: string, ...args: unknown[]) => readStore(e2eDatabasePath(), (db) => db.prepare(sql).all(...args)) as T[];
type Filed = { ref: string; id: number; email: string };
const filed: Record<"assign" | "extend", Filed[]> = { assign: [], extend: [] };
// Two production servers may share this machine's cores: server actions get more than the default 10 s.
const slow = { timeout: 30_000 };

test.beforeAll(async ({ browser }) => {
  const admin = await pageAs(browser, "admin");
  const key = await createKeyInUi(admin, `Officer desk e2e ${run}`);
  const file = async (group: keyof typeof filed, jurisdiction: string, n: number) => {
    const email = `desk-${run}-${group}-${n}@example.com`;
    const res = await admin.request.post("/api/v1/requests", {
      headers: { Authorization: `Bearer ${key}` },
      data: { type: "access", jurisdiction, subject: { email } },
    });
    expect(res.status()).toBe(201);
    const { ref } = (await res.json()) as { ref: string };
    const [{ id }] = read<{ id: number }>("SELECT id FROM subject_requests WHERE ref = ?", ref);
    filed[group].push({ ref, id, email });
  };
  for (const n of [1, 2, 3]) await file("assign", "EU", n);
  // Two under the GDPR (one extension of two months) and one under Korea's PIPA, which has none.
  await file("extend", "EU", 1);
  await file("extend", "US-CA", 2);
  await file("extend", "KR", 3);
  await admin.context().close();
});

const queueOf = (group: string) => `/admin/requests?q=${encodeURIComponent(`desk-${run}-${group}`)}&status=all`;
const bulkPanel = (page: Page) => page.getByRole("region", { name: /Act on several requests|여러 요청|複数のご請求/ });
const box = (page: Page, ref: string) => page.getByRole("checkbox", { name: new RegExp(ref) });
const searchBox = (page: Page) => page.locator("input[role=combobox][aria-keyshortcuts='/']");

async function axeViolations(page: Page): Promise<string[]> {
  const scan = await new AxeBuilder({ page }).analyze();
  return scan.violations.map((v) => `${v.id}: ${v.nodes[0]?.target}`);
}

test("the officer presses / on any page and finds a request by its reference, then by part of an email", async ({ browser }) => {
  const officer = await pageAs(browser, "privacy_officer");
  // A request whose person is known (the search reads people; a request filed for an unknown address links none).
  const [{ ref, id, email }] = read<Filed>(
    `SELECT r.ref, r.id, s.email FROM subject_requests r JOIN subjects s ON s.id = r.subject_id
     WHERE s.email IS NOT NULL ORDER BY r.id LIMIT 1`,
  );
  await officer.goto("/admin/audit");
  // The shortcut listens once the shell has hydrated; a press before that goes nowhere.
  await expect(async () => {
    await officer.keyboard.press("/");
    await expect(searchBox(officer)).toBeFocused({ timeout: 500 });
  }).toPass({ timeout: 10_000 });
  await officer.keyboard.type(ref.slice(-8));
  await expect(officer.getByRole("option", { name: new RegExp(ref) })).toBeVisible();
  await officer.getByRole("option", { name: new RegExp(ref) }).click();
  await expect(officer).toHaveURL(new RegExp(`/admin/requests/${id}$`));
  await expect(async () => {
    await officer.keyboard.press("/");
    await expect(searchBox(officer)).toBeFocused({ timeout: 500 });
  }).toPass({ timeout: 10_000 });
  await officer.keyboard.type(email.slice(1, email.indexOf("@") + 3));
  const people = officer.getByRole("listbox").getByRole("group", { name: "People" });
  await expect(people.getByRole("option").first()).toBeVisible();
  await expect(
    officer
      .getByRole("listbox")
      .getByRole("group", { name: "Requests" })
      .getByRole("option", { name: new RegExp(ref) }),
  ).toBeVisible();
  await officer.context().close();
});

test("bulk-assigns three requests after a confirmation naming them, and each timeline and the audit log record it", async ({ browser }) => {
  const officer = await pageAs(browser, "privacy_officer");
  await officer.goto(queueOf("assign"));
  const panel = bulkPanel(officer);
  // Nothing ticked: the review says so instead of opening.
  await panel.getByRole("button", { name: "Review" }).click();
  await expect(panel.getByRole("status")).toContainText("Tick at least one request in the list.");
  for (const r of filed.assign) await box(officer, r.ref).check();
  await expect(panel).toContainText("3 requests selected");
  await panel.getByLabel("Action").selectOption({ label: "Assign" });
  await panel.getByLabel("Assign to").selectOption({ label: "Daniel Kwon" });
  await panel.getByRole("button", { name: "Review" }).click();
  const confirm = panel.getByRole("group", { name: "Confirm the bulk action" });
  await expect(confirm).toContainText("Assign 3 requests to Daniel Kwon:");
  await expect(confirm.getByRole("list", { name: "Requests to change" }).getByRole("listitem")).toHaveText(
    [...filed.assign].map((r) => r.ref),
    { useInnerText: true },
  );
  expect(await axeViolations(officer)).toEqual([]);
  const captured = await captureAction(officer, () => confirm.getByRole("button", { name: "Confirm for 3 requests" }).click());
  await expect(panel.getByText("3 requests assigned:")).toBeVisible(slow);
  await expect(panel.getByRole("list", { name: "Requests changed" }).getByRole("link")).toHaveCount(3);
  await expect(panel).toContainText("No request selected");
  for (const r of filed.assign) await expect(officer.getByRole("row", { name: new RegExp(r.ref) })).toContainText("Daniel Kwon");

  for (const r of filed.assign) {
    await officer.goto(`/admin/requests/${r.id}`);
    await expect(officer.getByRole("table", { name: "Timeline" })).toContainText("Assigned to Daniel Kwon in a bulk action on 3 requests.");
  }
  const audits = read<{ targetId: string; details: string }>(
    "SELECT target_id AS targetId, details FROM audit_log WHERE action = 'request.bulk.assign' AND target_id IN (?, ?, ?)",
    ...filed.assign.map((r) => r.ref),
  );
  expect(audits.map((a) => a.targetId).sort()).toEqual(filed.assign.map((r) => r.ref).sort());
  expect(new Set(audits.map((a) => JSON.parse(a.details).bulk)).size).toBe(1);
  expect(audits.every((a) => JSON.parse(a.details).of === 3)).toBe(true);
  await officer.context().close();

  // The same action sent from a marketing session is refused by the server, and changes nothing.
  const marketing = await pageAs(browser, "marketing");
  const replayed = await replayAction(marketing, captured);
  expect(replayed.status).toBeLessThan(500);
  expect(replayed.text).toContain("forbidden");
  const after = read<{ n: number }>(
    "SELECT count(*) AS n FROM audit_log WHERE action = 'request.bulk.assign' AND target_id = ?",
    filed.assign[0].ref,
  );
  expect(after[0].n).toBe(1);
  await marketing.context().close();
});

test("a bulk extension extends the two whose law allows it and refuses the Korean one, saying why", async ({ browser }) => {
  const officer = await pageAs(browser, "privacy_officer");
  const [eu, ca, kr] = filed.extend;
  const dueBefore = read<{ dueAt: number }>("SELECT due_at AS dueAt FROM subject_requests WHERE id = ?", kr.id)[0].dueAt;
  await officer.goto(queueOf("extend"));
  const panel = bulkPanel(officer);
  await officer.getByRole("checkbox", { name: "Select every request on this page" }).check();
  await expect(panel).toContainText("3 requests selected");
  await panel.getByLabel("Action").selectOption({ label: "Extend the deadline" });
  await panel.getByLabel("Reason for the extension").fill("Records are held by a processor abroad");
  await panel.getByRole("button", { name: "Review" }).click();
  await expect(panel.getByRole("group", { name: "Confirm the bulk action" })).toContainText(
    "Extend the deadlines of 3 requests, each where its own law allows:",
  );
  await panel.getByRole("button", { name: "Confirm for 3 requests" }).click();
  await expect(panel.getByText("2 requests extended:")).toBeVisible(slow);
  const refused = panel.getByRole("list", { name: "Requests refused" }).getByRole("listitem");
  await expect(refused).toHaveCount(1);
  await expect(refused).toHaveText(`${kr.ref}: This law allows no extension for this request.`);
  await expect(panel.getByRole("list", { name: "Requests changed" })).toContainText(eu.ref);
  await expect(panel.getByRole("list", { name: "Requests changed" })).toContainText(ca.ref);

  const rows = read<{ id: number; extendedAt: number | null; dueAt: number }>(
    "SELECT id, extended_at AS extendedAt, due_at AS dueAt FROM subject_requests WHERE id IN (?, ?, ?)",
    eu.id,
    ca.id,
    kr.id,
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  expect(byId.get(eu.id)!.extendedAt).not.toBeNull();
  expect(byId.get(ca.id)!.extendedAt).not.toBeNull();
  expect(byId.get(kr.id)).toMatchObject({ extendedAt: null, dueAt: dueBefore });
  await officer.goto(`/admin/requests/${ca.id}`);
  await expect(officer.getByRole("table", { name: "Timeline" })).toContainText("Extended in a bulk action on 3 requests.");
  await officer.context().close();
});

test("the CSV export holds every row the filters show, for the officer only, audited and safe to open", async ({ browser }) => {
  const officer = await pageAs(browser, "privacy_officer");
  await officer.goto(queueOf("extend"));
  const download = officer.waitForEvent("download");
  await officer.getByRole("link", { name: "Download the requests these filters show as CSV" }).click();
  const file = fs.readFileSync((await (await download).path())!);
  expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = file.toString("utf8").slice(1).trimEnd().split("\r\n");
  expect(lines[0]).toMatch(
    /^Reference,Customer,Type,Status,Outcome,Reason denied or withheld,Jurisdiction,Received \(.+\),Due \(.+\),Extended,Assignee$/,
  );
  expect(lines).toHaveLength(4);
  for (const r of filed.extend) expect(lines.some((l) => l.startsWith(`${r.ref},${r.email},Access,`))).toBe(true);

  // In Korean, the same rows under Korean column names.
  await officer.context().addCookies([{ name: "NEXT_LOCALE", value: "ko", url: officer.url() }]);
  const ko = await officer.request.get(`${queueOf("assign").replace("/admin/requests", "/admin/requests/export")}`);
  expect(ko.headers()["content-type"]).toContain("text/csv");
  const koLines = (await ko.text())
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n");
  expect(koLines[0]).toMatch(/^요청 번호,고객,유형,상태,/);
  expect(koLines).toHaveLength(4);
  const audited = read<{ details: string }>(
    "SELECT details FROM audit_log WHERE action = 'request.export-csv' AND actor_label = 'privacy@northtrail.example' ORDER BY id DESC LIMIT 2",
  );
  // The text filter is part of the people's addresses: the hash-chained log, which an erasure cannot scrub, keeps
  // only that one was used.
  expect(audited.map((a) => JSON.parse(a.details))).toEqual([
    expect.objectContaining({ rows: 3, customer: true, filters: expect.objectContaining({ text: true }) }),
    expect.objectContaining({ rows: 3, filters: expect.objectContaining({ text: true }) }),
  ]);
  for (const a of audited) expect(a.details).not.toContain(`desk-${run}`);
  await officer.context().close();

  for (const role of ["marketing", "executive"] as const) {
    const staff = await pageAs(browser, role);
    const refused = await staff.request.get(queueOf("extend").replace("/admin/requests", "/admin/requests/export"));
    expect(refused.status()).toBe(403);
    expect(await refused.text()).not.toContain(`desk-${run}`);
    await staff.context().close();
  }
});

/** The English words of the bulk panel, which ko and ja must not show. */
function englishWords(): string[] {
  const en = JSON.parse(fs.readFileSync("lib/i18n/messages/en/bulk.json", "utf8"));
  const strings = [en.title, en.help, en.action, en.review, en.nobody, en.assignee, ...Object.values(en.actions)] as string[];
  return strings.flatMap(literalPieces).filter((p) => /[A-Za-z]{3}/.test(p));
}

for (const locale of ["ko", "ja"] as const)
  test(`the bulk panel speaks ${locale}, axe clean at 390 px without sideways scrolling`, async ({ browser }) => {
    const officer = await pageAs(browser, "privacy_officer");
    await officer.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: officer.url() }]);
    await officer.setViewportSize({ width: 390, height: 844 });
    await officer.goto(queueOf("assign"));
    const panel = bulkPanel(officer);
    await box(officer, filed.assign[0].ref).check();
    await panel.getByRole("button").first().click();
    await expect(panel.getByRole("group")).toContainText(filed.assign[0].ref);
    const text = await panel.innerText();
    for (const word of englishWords()) expect(text, word).not.toContain(word);
    expect(await officer.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(
      0,
    );
    expect(await axeViolations(officer)).toEqual([]);
    await officer.context().close();
  });

test("screenshots of the queue's bulk panel in en and ko at 1366 and 390 px", async ({ browser }) => {
  const officer = await pageAs(browser, "privacy_officer");
  fs.mkdirSync("/tmp/desk-shots", { recursive: true });
  for (const locale of ["en", "ko", "ja"])
    for (const width of [1366, 390]) {
      await officer.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: officer.url() }]);
      await officer.setViewportSize({ width, height: 1000 });
      await officer.goto(queueOf("extend"));
      await officer.locator("thead input[type=checkbox]").check();
      await bulkPanel(officer).locator("select").first().selectOption("extend");
      await bulkPanel(officer).locator("textarea").fill("Records are held by a processor abroad");
      await bulkPanel(officer).getByRole("button").first().click();
      await pageShot(officer, `/tmp/desk-shots/review-${locale}-${width}.png`);
      // Confirmed again: all three are refused now (two already extended, one under a law with no extension).
      await bulkPanel(officer).locator("button[type=submit]").click();
      await expect(bulkPanel(officer).locator(".alert.error li")).toHaveCount(3, slow);
      await partShot(bulkPanel(officer), `/tmp/desk-shots/outcome-${locale}-${width}.png`);
    }
  await officer.context().close();
});
