// Threats: script injected into a page runs (XSS), the admin is framed for
// clickjacking, another site makes a signed-in officer's browser post an
// action (CSRF), or a stranger hammers a public endpoint.
import { expect, test } from "@playwright/test";
import { captureAction, replayAction } from "./support/actions";
import { createKeyInUi } from "./support/api-keys";
import { pageAs } from "./support/auth";
import { readStore } from "../db/testing/read-store";
import { e2eDatabasePath } from "./support/paths";

test("pages carry a nonce policy that their own scripts satisfy, and cannot be framed", async ({ browser }) => {
  const page = await pageAs(browser, "privacy_officer");
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  for (const path of ["/admin/requests", "/admin/purposes", "/notices", "/preferences", "/embed/demo"]) {
    const response = await page.goto(path);
    const h = response!.headers();
    const nonce = h["content-security-policy"].match(/'nonce-([^']+)'/)?.[1];
    expect(nonce, path).toBeTruthy();
    expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(h["x-frame-options"]).toBe("DENY");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["strict-transport-security"]).toBeUndefined();
    // A fresh nonce per response.
    const again = (await page.request.get(path)).headers()["content-security-policy"];
    expect(again).not.toContain(nonce!);
  }
  // The widget loaded on the demo page under the policy: its dialog is there.
  await expect(page.getByRole("dialog").first()).toBeVisible();
  expect(violations).toEqual([]);
});

test("data responses run nothing; HSTS only behind HTTPS", async ({ request }) => {
  const api = await request.get("/api/v1/openapi.json");
  expect(api.headers()["content-security-policy"]).toContain("default-src 'none'");
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
  const https = await request.get("/notices", { headers: { "x-forwarded-proto": "https" } });
  expect(https.headers()["strict-transport-security"]).toMatch(/max-age=\d+/);
  expect(https.headers()["content-security-policy"]).toContain("upgrade-insecure-requests");
});

test("a server action posted from another site is refused and changes nothing", async ({ browser }) => {
  const officer = await pageAs(browser, "privacy_officer");
  const id = readStore(
    e2eDatabasePath(),
    (db) => (db.prepare("SELECT id FROM subject_requests WHERE status = 'in_progress' ORDER BY id LIMIT 1").get() as { id: number }).id,
  );
  await officer.goto(`/admin/requests/${id}`);
  const note = officer.getByRole("form", { name: "Add note" });
  await note.getByLabel("Note").fill("genuine note before the forgery");
  const captured = await captureAction(officer, () => note.getByRole("button").click());
  await expect(officer.getByRole("cell", { name: "genuine note before the forgery" })).toBeVisible();
  const forged = await replayAction(officer, captured, (b) => b.replace("genuine note before the forgery", "cross-site forged note"), {
    origin: "https://evil.example",
  });
  expect(forged.status).toBe(403);
  expect(forged.text).toContain("Cross-site request refused");
  const count = readStore(
    e2eDatabasePath(),
    (db) => (db.prepare("SELECT count(*) AS n FROM request_events WHERE note = 'cross-site forged note'").get() as { n: number }).n,
  );
  expect(count).toBe(0);
});

test("a public endpoint hammered from one address answers 429 with Retry-After", async ({ browser, request }) => {
  const admin = await pageAs(browser, "admin");
  const key = await createKeyInUi(admin, `Rate limit e2e ${Date.now().toString(36)}`, {
    kind: "publishable",
    origins: ["https://shop.example.com"],
  });
  const headers = { origin: "https://shop.example.com" };
  const statuses: number[] = [];
  let limited: Awaited<ReturnType<typeof request.get>> | undefined;
  for (let i = 0; i < 300 && !limited; i++) {
    const r = await request.get(`/api/v1/widget/config?key=${key}&locale=en`, { headers });
    statuses.push(r.status());
    if (r.status() === 429) limited = r;
  }
  expect(statuses.slice(0, 120).every((s) => s === 200)).toBe(true);
  expect(limited, "no 429 after 300 requests").toBeTruthy();
  expect(Number(limited!.headers()["retry-after"])).toBeGreaterThan(0);
  expect(limited!.headers()["content-type"]).toContain("application/problem+json");
  expect(limited!.headers()["access-control-allow-origin"]).toBe("https://shop.example.com");
});
