// Threat: an executive or a marketer reads a customer's personal data through a
// dashboard API, or reaches a dashboard their role does not hold. Every
// /api/admin/* response they receive is scanned for every demo subject's email.
import { expect, test, type Page } from "@playwright/test";
import { readStore } from "../db/testing/read-store";
import { pageAs, type DemoRole } from "./support/auth";
import { e2eDatabasePath } from "./support/paths";

const emails = () =>
  readStore(e2eDatabasePath(), (db) =>
    (db.prepare("SELECT email FROM subjects WHERE email IS NOT NULL").all() as { email: string }[]).map((r) => r.email.toLowerCase()),
  );

/** Collects the URL of every /api/admin/* request the page makes (bodies are fetched again with the same session). */
function collect(page: Page): string[] {
  const seen: string[] = [];
  page.on("request", (r) => {
    if (new URL(r.url()).pathname.startsWith("/api/admin/")) seen.push(r.url());
  });
  return seen;
}

const journeys: Record<"executive" | "marketing", { path: string; filters: [string, string][] }> = {
  executive: {
    path: "/admin/trust",
    filters: [
      ["Jurisdiction", "US-CA"],
      ["Purpose", "marketing_messages"],
    ],
  },
  marketing: {
    path: "/admin/consent-analytics",
    filters: [
      ["Purpose", "marketing_messages"],
      ["Jurisdiction", "KR"],
      ["Period", "365"],
    ],
  },
};

for (const role of ["executive", "marketing"] as const) {
  test(`${role} sees no subject's email in any dashboard response`, async ({ browser }) => {
    const addresses = emails();
    expect(addresses.length).toBeGreaterThan(100);
    const page = await pageAs(browser, role);
    const urls = collect(page);
    await page.goto(journeys[role].path);
    for (const [label, value] of journeys[role].filters) {
      const next = page.waitForResponse(
        (r) => new URL(r.url()).pathname.startsWith("/api/admin/") && r.url().includes(value === "365" ? "from=" : value),
      );
      await page.getByLabel(label, { exact: true }).selectOption(value);
      await next;
    }
    expect(urls.length).toBeGreaterThanOrEqual(3);
    for (const url of new Set(urls)) {
      const response = await page.request.get(url);
      expect(response.status(), url).toBe(200);
      const body = (await response.text()).toLowerCase();
      const leaked = addresses.filter((a) => body.includes(a));
      expect(leaked, url).toEqual([]);
      expect(body, url).not.toMatch(/[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}/);
    }
  });
}

test("dashboard APIs refuse roles without the permission, and visitors without a session, as problem documents", async ({
  browser,
  request,
}) => {
  const anonymous = await request.get("/api/admin/trust");
  expect(anonymous.status()).toBe(401);
  expect(anonymous.headers()["content-type"]).toContain("application/problem+json");
  const refusals: [DemoRole, string][] = [
    ["executive", "consent-analytics"],
    ["executive", "privacy-ops"],
    ["marketing", "privacy-ops"],
    ["marketing", "trust"],
  ];
  for (const [role, path] of refusals) {
    const page = await pageAs(browser, role);
    const r = await page.request.get(`/api/admin/${path}`);
    expect(r.status(), `${role} ${path}`).toBe(403);
    expect((await r.json()).type).toBe("https://candor.dev/problems/not-permitted");
  }
  const page = await pageAs(browser, "marketing");
  const bad = await page.request.get("/api/admin/consent-analytics?from=2026-02-30&email=x");
  expect(bad.status()).toBe(422);
  expect((await bad.json()).errors.map((e: { field: string }) => e.field).sort()).toEqual(["email", "from"]);
});
