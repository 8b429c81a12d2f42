import { expect, test } from "@playwright/test";

test("/.well-known/gpc.json says the site honours GPC, with a date", async ({ request }) => {
  const response = await request.get("/.well-known/gpc.json");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/json");
  const body = await response.json();
  expect(body).toEqual({ gpc: true, lastUpdate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
  expect(Date.parse(body.lastUpdate)).toBeLessThanOrEqual(Date.now());
});
