// Threats: a request acted on for someone who only knows the victim's email,
// a subject reading or confirming another person's request, a correction that
// leaves the old value readable where erasure cannot reach, or a role without
// the right changing the request policy.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { readStore } from "../db/testing/read-store";
import { captureAction, replayAction } from "./support/actions";
import { pageAs, type DemoRole } from "./support/auth";
import { e2eDatabasePath } from "./support/paths";
import { latestCodeFromOutbox, ledgerOf, openWithLink, pickSubject } from "./support/preferences";
import { bodyAsSent } from "./support/sealed-links";

const read = <T>(sql: string, ...args: unknown[]) => readStore(e2eDatabasePath(), (db) => db.prepare(sql).get(...args)) as T;

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`);
}

async function fileFromCenter(page: Page, type: string, details?: string) {
  await page.goto("/preferences/requests");
  await page.getByRole("radio", { name: new RegExp(`^${type}`) }).check();
  if (details) await page.getByLabel("Anything we should know (optional)").fill(details);
  await page.getByRole("button", { name: "Send my request" }).click();
  const done = page.getByRole("status").filter({ hasText: "We have received your request" });
  await expect(done).toBeVisible();
  return (await done.innerText()).match(/REQ-\d{4}-\d{5}/)![0];
}

test("a subject asks for a copy of their data, confirms with the emailed code, and downloads it once an officer completes it", async ({
  browser,
}) => {
  const subject = pickSubject(6, { jurisdiction: "EU", locale: "en" });
  const page = await (await browser.newContext()).newPage();
  await openWithLink(page, subject.uid);
  await page.getByRole("link", { name: "Get a copy of my data" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your requests about your data" })).toBeVisible();
  await expect(page.getByRole("radio", { name: /^A copy of my data/ })).toBeChecked();
  await page.getByRole("button", { name: "Send my request" }).click();
  const done = page.getByRole("status").filter({ hasText: "We sent a 6-digit code" });
  await expect(done).toBeVisible();
  const ref = (await done.innerText()).match(/REQ-\d{4}-\d{5}/)![0];
  const row = page.getByRole("row").filter({ hasText: ref });
  await expect(row.getByText("Waiting for your code")).toBeVisible();
  expect(await seriousViolations(page), "status page").toEqual([]);

  // A wrong code is refused; the emailed one verifies the request.
  const confirm = page.getByRole("region", { name: `Confirm request ${ref}` });
  await confirm.getByLabel("6-digit code").fill("000000");
  await confirm.getByRole("button", { name: "Confirm" }).click();
  await expect(confirm.getByText("That code is not right.")).toBeVisible();
  const code = await latestCodeFromOutbox(browser, subject.email, "request-code");
  await confirm.getByLabel("6-digit code").fill(code);
  await confirm.getByRole("button", { name: "Confirm" }).click();
  await expect(row.getByText("In progress")).toBeVisible();

  const officer = await pageAs(browser, "privacy_officer");
  const id = read<{ id: number }>("SELECT id FROM subject_requests WHERE ref = ?", ref).id;
  await officer.goto(`/admin/requests/${id}`);
  await expect(officer.getByText("identity confirmed by the subject with the emailed code")).toBeVisible();
  const complete = officer.getByRole("form", { name: "Complete request" });
  await complete.getByRole("checkbox").check();
  await complete.getByRole("button", { name: "Complete request" }).click();
  await expect(officer.getByText("Completed").first()).toBeVisible();

  const mail = read<{ body: string }>("SELECT body FROM outbox WHERE request_id = ? AND kind = 'request-export'", id);
  expect(mail.body).not.toContain("/exports/");
  const link = bodyAsSent(mail.body).match(/https?:\/\/\S+\/exports\/[\w-]+/)![0];
  const download = await page.request.get(link);
  expect(download.status()).toBe(200);
  const data = await download.json();
  expect(data.profile.email).toBe(subject.email);
  expect(data.consents.map((c: { purpose: string }) => c.purpose)).toContain(subject.on.key);
  expect(data.events).toHaveLength(ledgerOf(subject.id).count);
  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: ref }).getByText("Done")).toBeVisible();
});

test("a correction: the subject says what is wrong, the officer corrects it field by field, the audit log keeps only fingerprints", async ({
  browser,
}) => {
  const subject = pickSubject(7, { jurisdiction: "EU", locale: "en" });
  const page = await browser.newPage();
  await openWithLink(page, subject.uid);
  await page.goto("/preferences/requests");
  await page.getByRole("radio", { name: /^Correct my data/ }).check();
  await page.getByRole("button", { name: "Send my request" }).click();
  await expect(page.getByText("Say which detail is wrong and what it should be.", { exact: true })).toBeVisible();
  const ref = await fileFromCenter(page, "Correct my data", "My phone number is +44 20 7946 0000");
  await expect(page.getByRole("row").filter({ hasText: ref }).getByText("In progress")).toBeVisible();

  const officer = await pageAs(browser, "privacy_officer");
  const id = read<{ id: number }>("SELECT id FROM subject_requests WHERE ref = ?", ref).id;
  await officer.goto(`/admin/requests/${id}`);
  await expect(officer.getByText("My phone number is +44 20 7946 0000")).toBeVisible();
  const form = officer.getByRole("region", { name: "Correct the person's details" });
  await form.getByLabel("Phone").fill("call me maybe");
  await form.getByRole("button", { name: "Save corrections" }).click();
  await expect(form.getByText("Enter a phone number")).toBeVisible();
  await form.getByLabel("Phone").fill("+44 20 7946 0000");
  await form.getByRole("button", { name: "Save corrections" }).click();
  await expect(form.getByText("1 field corrected.")).toBeVisible();
  await expect(officer.getByRole("cell", { name: /corrected phone: .* → \+44 20 7946 0000/ })).toBeVisible();
  expect(read<{ phone: string }>("SELECT phone FROM subjects WHERE id = ?", subject.id).phone).toBe("+44 20 7946 0000");
  const audit = read<{ details: string }>(
    "SELECT details FROM audit_log WHERE action = 'subject.rectify' AND target_id = ? ORDER BY id DESC",
    ref,
  );
  expect(JSON.parse(audit.details)).toMatchObject({ field: "phone", after: expect.stringMatching(/^sha256:/) });
  expect(audit.details).not.toContain("7946");
});

test("a subject cannot confirm someone else's request", async ({ browser }) => {
  const owner = pickSubject(8, { jurisdiction: "EU", locale: "en" });
  const other = pickSubject(9, { jurisdiction: "EU", locale: "en" });
  const ownerPage = await browser.newPage();
  await openWithLink(ownerPage, owner.uid);
  const ref = await fileFromCenter(ownerPage, "Delete my data");
  const form = ownerPage.getByRole("region", { name: `Confirm request ${ref}` });
  await form.getByLabel("6-digit code").fill("123456");
  const captured = await captureAction(ownerPage, () => form.getByRole("button", { name: "Confirm" }).click());

  const intruder = await browser.newPage();
  await openWithLink(intruder, other.uid);
  const code = await latestCodeFromOutbox(browser, owner.email, "request-code");
  const response = await replayAction(intruder, captured, (b) => b.replace("123456", code));
  expect(response.status).toBeLessThan(500);
  expect(response.text).toContain("request-not-found");
  expect(read<{ status: string }>("SELECT status FROM subject_requests WHERE ref = ?", ref).status).toBe("verifying");
});

for (const role of ["marketing", "executive", "admin"] as DemoRole[]) {
  test(`${role} cannot open or save the request policy`, async ({ browser }) => {
    const officer = await pageAs(browser, "privacy_officer");
    await officer.goto("/admin/requests/settings");
    expect(await seriousViolations(officer), "policy page").toEqual([]);
    const form = officer.locator("form").filter({ has: officer.getByRole("button", { name: "Save policy" }) });
    const captured = await captureAction(officer, () => form.getByRole("button", { name: "Save policy" }).click());
    await expect(officer.getByText("Policy saved.")).toBeVisible();
    const intruder = await pageAs(browser, role);
    expect((await intruder.goto("/admin/requests/settings"))?.status()).toBe(403);
    const response = await replayAction(intruder, captured, (b) => b.replace(/(unverifiedCloseDays"[^0-9]*)21/, "$190"));
    expect(response.text).toContain("forbidden");
    expect(read<{ d: number }>("SELECT unverified_close_days AS d FROM brand_settings WHERE id = 1").d).toBe(21);
  });
}
