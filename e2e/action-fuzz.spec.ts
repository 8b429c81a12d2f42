// Server actions under malformed input: random, oversized and wrongly typed
// form fields, replayed through the real endpoint with a real session, get an
// answer (never a 5xx), and an answer that is not a success changes no row.
import fc from "fast-check";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { readStore } from "../db/testing/read-store";
import { captureAction, replayAction, type CapturedAction } from "./support/actions";
import { invitedMember } from "./support/invites";
import { e2eDatabasePath } from "./support/paths";
import { openWithLink, pickSubject } from "./support/preferences";

/**
 * The rows an action could have written in the name of whoever replays it: a staff member's requests,
 * timeline entries and audit entries, or a subject's consent events, requests, codes and messages.
 * Counting only these, not whole tables, keeps specs running beside this one from moving the count.
 */
type Scope = { staffEmail: string } | { subjectUid: string };
const scopedCounts: Record<"staff" | "subject", string> = {
  staff: `WITH me AS (SELECT id FROM staff_users WHERE email = ?)
    SELECT (SELECT count(*) FROM subject_requests WHERE created_by_id = (SELECT id FROM me))
         + (SELECT count(*) FROM request_events WHERE actor_id = (SELECT id FROM me))
         + (SELECT count(*) FROM audit_log WHERE actor_id = (SELECT id FROM me)) AS n`,
  subject: `WITH me AS (SELECT id FROM subjects WHERE uid = ?)
    SELECT (SELECT count(*) FROM consent_events WHERE subject_id = (SELECT id FROM me))
         + (SELECT count(*) FROM subject_requests WHERE subject_id = (SELECT id FROM me))
         + (SELECT count(*) FROM request_events WHERE request_id IN (SELECT id FROM subject_requests WHERE subject_id = (SELECT id FROM me)))
         + (SELECT count(*) FROM verification_codes WHERE subject_id = (SELECT id FROM me))
         + (SELECT count(*) FROM outbox WHERE subject_id = (SELECT id FROM me)) AS n`,
};
const rows = (scope: Scope) =>
  readStore(e2eDatabasePath(), (db) =>
    "staffEmail" in scope
      ? (db.prepare(scopedCounts.staff).get(scope.staffEmail) as { n: number }).n
      : (db.prepare(scopedCounts.subject).get(scope.subjectUid) as { n: number }).n,
  );

// Values that break naive handlers: wrong types, huge strings, control characters, prototype keys.
const nasty = fc.oneof(
  fc.string({ maxLength: 50 }),
  fc.string({ minLength: 5_000, maxLength: 20_000 }),
  fc.constantFrom(
    "",
    " ",
    "-1",
    "0",
    "1e309",
    "NaN",
    "null",
    "undefined",
    "__proto__",
    "constructor",
    "[object Object]",
    "\u0000",
    "<script>alert(1)</script>",
    "'; DROP TABLE purposes; --",
    "9".repeat(40),
  ),
  fc.integer().map(String),
);

/**
 * Rewrites every form field of a captured action's multipart body with a random
 * value. Next.js's own fields (the action's id and its encoded arguments: "0",
 * "1_$ACTION_…") are left as the browser sent them: those are the framework's
 * protocol, and what is under test is Candor's handling of the form.
 */
function mutate(body: string, values: string[]): string {
  let i = 0;
  return body.replace(
    /(name="(?:\d+_)?(?!\$ACTION)([A-Za-z][^"]*)"\r\n\r\n)([^\r]*)/g,
    (_m, head: string) => `${head}${values[i++ % values.length]}`,
  );
}

async function fuzz(page: Page, captured: CapturedAction, label: string, scope: Scope) {
  await fc.assert(
    fc.asyncProperty(fc.array(nasty, { minLength: 1, maxLength: 8 }), async (values) => {
      const before = rows(scope);
      const response = await replayAction(page, captured, (b) => mutate(b, values));
      expect(response.status, `${label}: ${response.status}`).toBeLessThan(500);
      if (!/"ok":true/.test(response.text)) expect(rows(scope), `${label} refused but wrote`).toBe(before);
    }),
    { numRuns: 25 },
  );
}

/** A privacy officer of this spec's own, invited by the admin, so the rows counted are this spec's alone. */
async function ownOfficer(browser: Browser): Promise<{ page: Page; email: string }> {
  const email = `fuzz-officer-${Date.now()}@northtrail.example`;
  const page = await invitedMember(browser, { name: "Fuzz Officer", email, role: "privacy_officer" }, "a-long-enough-password");
  await expect(page).toHaveURL(/\/admin\/requests$/);
  return { page, email };
}

test("staff actions: entering a request and adding a note", async ({ browser }) => {
  test.setTimeout(240_000);
  const { page: officer, email } = await ownOfficer(browser);
  await officer.goto("/admin/requests/new");
  const form = officer.locator("form").filter({ has: officer.getByRole("button", { name: "Create request" }) });
  await form.getByRole("button", { name: "Create request" }).click(); // empty: refused with field messages, nothing written
  const intake = await captureAction(officer, () => form.getByRole("button", { name: "Create request" }).click());
  await fuzz(officer, intake, "request intake", { staffEmail: email });

  const id = readStore(
    e2eDatabasePath(),
    (db) =>
      (db.prepare("SELECT id FROM subject_requests WHERE status = 'received' ORDER BY id DESC LIMIT 1 OFFSET 3").get() as { id: number })
        .id,
  );
  await officer.goto(`/admin/requests/${id}`);
  const note = officer.getByRole("form", { name: "Add note" });
  await note.getByLabel("Note").fill("a note to capture");
  const noteCall = await captureAction(officer, () => note.getByRole("button").click());
  await fuzz(officer, noteCall, "add note", { staffEmail: email });
});

test("the preference center's actions", async ({ browser }) => {
  test.setTimeout(240_000);
  const subject = pickSubject(10, { jurisdiction: "EU", locale: "en" });
  const page = await (await browser.newContext()).newPage();
  await openWithLink(page, subject.uid);
  const toggle = page.getByRole("switch").first();
  const consent = await captureAction(page, () => toggle.click());
  await fuzz(page, consent, "set consent", { subjectUid: subject.uid });
  await page.goto("/preferences/requests");
  const file = await captureAction(page, () => page.getByRole("button", { name: "Send my request" }).click());
  await fuzz(page, file, "file request", { subjectUid: subject.uid });
});
