// Threats: a request closed as "done" when part of it was withheld, or refused with no reason the law counts,
// so the brand's §7102 figures and what the person was told are both wrong; and an authorised agent with no
// proof of authority is handed a person's data (CCPA §7063).
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { readStore } from "../db/testing/read-store";
import { pageAs } from "./support/auth";
import { e2eDatabasePath } from "./support/paths";
import { bodyAsSent } from "./support/sealed-links";
import { openWithLink, pickSubject } from "./support/preferences";

const run = Date.now().toString(36);
const read = <T>(sql: string, ...args: unknown[]) => readStore(e2eDatabasePath(), (db) => db.prepare(sql).get(...args)) as T;
const outcomeOf = (id: number) =>
  read<{ status: string; outcome: string | null; reason: string | null; note: string | null }>(
    "SELECT status, outcome, denial_reason AS reason, outcome_note AS note FROM subject_requests WHERE id = ?",
    id,
  );

async function axe(page: Page) {
  const scan = await new AxeBuilder({ page }).analyze();
  return scan.violations.map((v) => `${v.id}: ${v.nodes[0]?.target}`);
}

/** Files a correction request by phone for a California address, optionally from an agent, and verifies it; returns its id. */
async function fileVerified(officer: Page, email: string, agent?: { name: string; contact: string }): Promise<number> {
  await officer.goto("/admin/requests/new");
  const form = officer.getByRole("form", { name: "New request" });
  await form.getByLabel("Type", { exact: true }).selectOption("rectification");
  await form.getByLabel("Jurisdiction").selectOption("US-CA");
  await form.getByLabel("Received by").selectOption("phone");
  await form.getByLabel("Email address").fill(email);
  await form.getByLabel("What they asked for").fill("Correct my delivery address");
  if (agent) {
    await form.getByLabel("Made by an authorised agent for the person").check();
    await form.getByLabel("Agent's name (person or business)").fill(agent.name);
    await form.getByLabel("Agent's email or phone").fill(agent.contact);
    await form.getByLabel("The agent is a business registered with the California Secretary of State").check();
  }
  await form.getByRole("button", { name: "Create request" }).click();
  await expect(officer).toHaveURL(/\/admin\/requests\/\d+$/);
  const id = Number(new URL(officer.url()).pathname.split("/").pop());
  const verify = officer.getByRole("form", { name: "Mark identity verified" });
  await verify.getByLabel("How identity was confirmed").fill("Three data points checked by phone");
  await verify.getByRole("button").click();
  await expect(officer.getByRole("form", { name: "Complete request" })).toBeVisible();
  return id;
}

test("the officer completes a request in part, and the page, timeline and status page say so in en, ko and ja", async ({ browser }) => {
  test.setTimeout(120_000);
  const officer = await pageAs(browser, "privacy_officer");
  const email = `part-${run}@example.com`;
  const id = await fileVerified(officer, email);
  const complete = officer.getByRole("form", { name: "Complete request" });
  await complete.getByLabel("In part: something was withheld").check();
  await complete.getByLabel("Why part was withheld").selectOption("exempt");
  // Past the browser's own check, the server says what is missing beside the field.
  await complete.getByLabel("What was withheld and why").evaluate((el) => el.removeAttribute("required"));
  await complete.getByLabel("The change has been made.").check();
  await complete.getByRole("button", { name: "Complete request" }).click();
  await expect(complete.getByText("Say what was withheld and why.")).toBeVisible();
  expect(outcomeOf(id).status).toBe("in_progress");
  await complete.getByLabel("What was withheld and why").fill("Date of birth kept: the document did not show it");
  await complete.getByRole("button", { name: "Complete request" }).click();
  await expect.poll(() => outcomeOf(id).outcome).toBe("complied_in_part");
  expect(outcomeOf(id)).toEqual({
    status: "completed",
    outcome: "complied_in_part",
    reason: "exempt",
    note: "Date of birth kept: the document did not show it",
  });

  await officer.reload();
  const facts = officer.getByRole("region", { name: "Request details" });
  await expect(facts).toContainText("Complied with in part");
  await expect(facts).toContainText("Exempt (exemption named)");
  await expect(facts).toContainText("Date of birth kept: the document did not show it");
  const closing = officer.getByRole("table", { name: "Timeline" }).getByRole("row").filter({ hasText: "In progress → Completed" });
  await expect(closing).toContainText("Complied with in part · Exempt (exemption named)");
  expect(await axe(officer)).toEqual([]);

  for (const [locale, label, reason] of [
    ["ko", "일부 이행함", "적용 제외(근거 명시)"],
    ["ja", "一部対応", "適用除外（根拠を明記）"],
  ] as const) {
    await officer.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: officer.url() }]);
    await officer.reload();
    const region = officer.locator("section[aria-labelledby=facts-h]");
    await expect(region).toContainText(label);
    await expect(region).toContainText(reason);
  }

  // The person's message and status page tell what was withheld (the request is unlinked: its person reads English).
  const done = read<{ body: string }>("SELECT body FROM outbox WHERE request_id = ? AND kind = 'request-completed'", id);
  expect(done.body).toContain(
    "Part of your request was not carried out. The law exempts this information from the request: Date of birth kept",
  );
  const ack = read<{ body: string }>("SELECT body FROM outbox WHERE request_id = ? AND kind = 'request-received'", id);
  const link = bodyAsSent(ack.body).match(/https?:\/\/\S+\/requests\/status\/\S+/)![0];
  const person = await (await browser.newContext()).newPage();
  await person.goto(new URL(link).pathname);
  await expect(person.getByText("Done in part")).toBeVisible();
  await expect(person.getByText(/Part of your request was not carried out/)).toBeVisible();
  await person.context().addCookies([{ name: "NEXT_LOCALE", value: "ja", url: person.url() }]);
  await person.reload();
  await expect(person.getByText("一部対応済み")).toBeVisible();
  await expect(person.getByText(/ご請求の一部には対応していません/)).toBeVisible();
  expect(await axe(person)).toEqual([]);
});

test("the officer denies a request as exempt, naming the exemption, and the person is told it", async ({ browser }) => {
  const officer = await pageAs(browser, "privacy_officer");
  const id = await fileVerified(officer, `exempt-${run}@example.com`);
  const deny = officer.getByRole("form", { name: "Deny request" });
  await deny.getByLabel("Reason for denial").selectOption("exempt");
  await deny.getByLabel("The exemption that applies").evaluate((el) => el.removeAttribute("required"));
  await deny.getByRole("button", { name: "Deny request" }).click();
  await expect(deny.getByText("Name the exemption that applies.")).toBeVisible();
  expect(outcomeOf(id).outcome).toBeNull();
  await deny.getByLabel("The exemption that applies").fill("Civ. Code §1798.145(a)(1)(C): needed for a legal claim");
  await deny.getByRole("button", { name: "Deny request" }).click();
  await expect.poll(() => outcomeOf(id).outcome).toBe("denied");
  expect(outcomeOf(id)).toMatchObject({ status: "rejected", reason: "exempt" });
  const refusal = read<{ body: string }>("SELECT body FROM outbox WHERE request_id = ? AND kind = 'request-rejected'", id);
  expect(refusal.body).toContain("The law exempts this information from the request: Civ. Code §1798.145(a)(1)(C)");
  await officer.reload();
  await expect(officer.getByRole("region", { name: "Request details" })).toContainText("Denied");
});

test("a request from an agent without proof cannot be complied with until the signed permission is recorded", async ({ browser }) => {
  test.setTimeout(120_000);
  const officer = await pageAs(browser, "privacy_officer");
  const id = await fileVerified(officer, `agent-${run}@example.com`, { name: `Helpers ${run} LLC`, contact: "cases@helpers.example" });
  expect(read("SELECT name, contact, business, signed_permission AS signed FROM request_agents WHERE request_id = ?", id)).toEqual({
    name: `Helpers ${run} LLC`,
    contact: "cases@helpers.example",
    business: 1,
    signed: 0,
  });
  const card = officer.getByRole("region", { name: "Authorised agent" });
  await expect(card).toContainText(`Helpers ${run} LLC`);
  await expect(card).toContainText("No signed permission or power of attorney recorded");
  const complete = officer.getByRole("form", { name: "Complete request" });
  await complete.getByLabel("The change has been made.").check();
  await complete.getByRole("button", { name: "Complete request" }).click();
  await expect(complete.getByText(/without signed permission or a power of attorney on record/)).toBeVisible();
  expect(outcomeOf(id).outcome).toBeNull();

  await card.getByLabel("Signed permission from the person received").check();
  await card.getByLabel("Person asked to confirm directly that they gave the agent permission").check();
  await card.getByRole("button", { name: "Record proof" }).click();
  await expect(card).toContainText("The agent has shown the authority");
  await complete.getByLabel("The change has been made.").check();
  await complete.getByRole("button", { name: "Complete request" }).click();
  await expect.poll(() => outcomeOf(id).outcome).toBe("complied");
  const audit = read<{ n: number }>(
    "SELECT count(*) AS n FROM audit_log WHERE action = 'request.agent-proof' AND target_id = (SELECT ref FROM subject_requests WHERE id = ?)",
    id,
  );
  expect(audit.n).toBe(1);
});

test("someone asking in the preference center for another person is recorded as their agent, with no proof taken from the form", async ({
  browser,
}) => {
  const subject = pickSubject(4, { jurisdiction: "US-CA", locale: "en" });
  const page = await (await browser.newContext()).newPage();
  await openWithLink(page, subject.uid);
  await page.goto("/preferences/requests");
  await page.getByRole("radio", { name: /^Correct my data/ }).check();
  await page.getByLabel("Anything we should know (optional)").fill("Her surname is misspelled");
  await page.getByLabel("I am making this request for someone else (as their authorised agent)").check();
  await page.getByRole("button", { name: "Send my request" }).click();
  await expect(page.getByText("Give your name (or your business's).")).toBeVisible();
  await page.getByLabel("Agent's name (person or business)").fill(`Sam ${run}`);
  await page.getByLabel("Agent's email or phone").fill("sam@example.net");
  // A forged form cannot claim the proof: it is recorded by staff once received.
  await page
    .locator("form")
    .filter({ has: page.getByLabel("Agent's name (person or business)") })
    .evaluate((form) => {
      const forged = document.createElement("input");
      forged.type = "hidden";
      forged.name = "agentSignedPermission";
      forged.value = "yes";
      form.appendChild(forged);
    });
  await page.getByRole("button", { name: "Send my request" }).click();
  const done = page.getByRole("status").filter({ hasText: "We have received your request" });
  await expect(done).toBeVisible();
  const ref = (await done.innerText()).match(/REQ-\d{4}-\d{5}/)![0];
  expect(
    read(
      "SELECT a.name, a.business, a.signed_permission AS signed FROM request_agents a JOIN subject_requests r ON r.id = a.request_id WHERE r.ref = ?",
      ref,
    ),
  ).toEqual({ name: `Sam ${run}`, business: 0, signed: 0 });
  expect(await axe(page)).toEqual([]);
});

test("at 390 px the close forms, the agent fields and the agent card fit, and pass axe", async ({ browser }) => {
  test.setTimeout(120_000);
  const officer = await pageAs(browser, "privacy_officer");
  await officer.setViewportSize({ width: 390, height: 844 });
  const id = await fileVerified(officer, `phone-${run}@example.com`, { name: `Phone ${run} agent`, contact: "+1 415 555 0100" });
  await officer.getByRole("form", { name: "Complete request" }).getByLabel("In part: something was withheld").check();
  await officer.getByRole("form", { name: "Deny request" }).getByLabel("Reason for denial").selectOption("other");
  for (const locale of ["en", "ko", "ja"]) {
    await officer.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: officer.url() }]);
    await officer.goto(`/admin/requests/${id}`);
    const width = await officer.evaluate(() => document.documentElement.scrollWidth);
    expect(width, locale).toBeLessThanOrEqual(390);
    expect(await axe(officer), locale).toEqual([]);
  }
  await officer.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: officer.url() }]);
  await officer.goto("/admin/requests/new");
  await officer.getByLabel("Made by an authorised agent for the person").check();
  expect(await officer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(await axe(officer)).toEqual([]);
});
