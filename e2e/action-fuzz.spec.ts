// Server actions under malformed input: random, oversized and wrongly typed
// form fields, replayed through the real endpoint with a real session, get an
// answer (never a 5xx), and an answer that is not a success changes no row.
import fc from "fast-check";
import { expect, test, type Page } from "@playwright/test";
import { readStore } from "../db/testing/read-store";
import { captureAction, replayAction, type CapturedAction } from "./support/actions";
import { pageAs } from "./support/auth";
import { e2eDatabasePath } from "./support/paths";
import { openWithLink, pickSubject } from "./support/preferences";

const rows = () =>
  readStore(
    e2eDatabasePath(),
    (db) =>
      (
        db
          .prepare(
            "SELECT (SELECT count(*) FROM purposes) + (SELECT count(*) FROM staff_users) + (SELECT count(*) FROM request_events) + (SELECT count(*) FROM subject_requests) + (SELECT count(*) FROM consent_events) + (SELECT count(*) FROM api_keys) AS n",
          )
          .get() as { n: number }
      ).n,
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

async function fuzz(page: Page, captured: CapturedAction, label: string) {
  await fc.assert(
    fc.asyncProperty(fc.array(nasty, { minLength: 1, maxLength: 8 }), async (values) => {
      const before = rows();
      const response = await replayAction(page, captured, (b) => mutate(b, values));
      expect(response.status, `${label}: ${response.status}`).toBeLessThan(500);
      if (!/"ok":true/.test(response.text)) expect(rows(), `${label} refused but wrote`).toBe(before);
    }),
    { numRuns: 25 },
  );
}

test("staff actions: entering a request and adding a note", async ({ browser }) => {
  test.setTimeout(240_000);
  const officer = await pageAs(browser, "privacy_officer");
  await officer.goto("/admin/requests/new");
  const form = officer.locator("form").filter({ has: officer.getByRole("button", { name: "Create request" }) });
  await form.getByRole("button", { name: "Create request" }).click(); // empty: refused with field messages, nothing written
  const intake = await captureAction(officer, () => form.getByRole("button", { name: "Create request" }).click());
  await fuzz(officer, intake, "request intake");

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
  await fuzz(officer, noteCall, "add note");
});

test("the preference center's actions", async ({ browser }) => {
  test.setTimeout(240_000);
  const subject = pickSubject(10, { jurisdiction: "EU", locale: "en" });
  const page = await (await browser.newContext()).newPage();
  await openWithLink(page, subject.uid);
  const toggle = page.getByRole("switch").first();
  const consent = await captureAction(page, () => toggle.click());
  await fuzz(page, consent, "set consent");
  await page.goto("/preferences/requests");
  const file = await captureAction(page, () => page.getByRole("button", { name: "Send my request" }).click());
  await fuzz(page, file, "file request");
});
