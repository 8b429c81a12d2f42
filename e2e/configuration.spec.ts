// Threats: a link in an email points at a host the sender of a request chose (X-Forwarded-Host
// or Host passed on by a proxy), so a person's data export or preference center is opened on an
// attacker's site; or a mistyped variable is noticed only when the first message goes out, or
// silently means something else. Candor builds links from CANDOR_URL alone, and a bad variable
// stops the server at start with a message naming it.
import { expect, test, type Page } from "@playwright/test";
import { readStore } from "../db/testing/read-store";
import { stopServer } from "../scripts/bench/http";
import type { CapturedAction } from "./support/actions";
import { replayAction } from "./support/actions";
import { signIn } from "./support/auth";
import { bodyAsSent } from "./support/sealed-links";
import { secondServer } from "./support/second-server";

test.describe.configure({ timeout: 180_000 });

for (const [variable, value, message] of [
  ["LOG_LEVEL", "loud", "LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got 'loud')"],
  ["API_RATE_LIMIT", "fast", "API_RATE_LIMIT must be a positive number of requests per second per API key, or off (got 'fast')"],
  ["CANDOR_URL", "candor.test/app", "CANDOR_URL must be the http(s) address people reach Candor at"],
  ["CANDOR_URL", "", "CANDOR_URL is required in production: set it to the address people reach Candor at"],
] as const) {
  test(`the server with ${variable}='${value}' exits at once, naming ${variable}`, async () => {
    const env = await secondServer("bad-config", { [variable]: value });
    try {
      const started = env.start();
      await expect(started).rejects.toThrow(/the server exited \(exit code 1\) before answering/);
      await expect(started).rejects.toThrow(`Candor cannot start: ${message}`);
    } finally {
      env.remove();
    }
  });
}

/** Runs `trigger` and holds back the server-action POST it causes, unsent, for replaying by hand. */
async function holdAction(page: Page, trigger: () => Promise<void>): Promise<CapturedAction> {
  let held: CapturedAction | undefined;
  await page.route("**/*", async (route) => {
    const request = route.request();
    if (request.method() !== "POST" || !request.headers()["next-action"]) return route.fallback();
    held = { url: request.url(), headers: request.headers(), body: request.postDataBuffer()! };
    await route.abort();
  });
  await trigger();
  await expect.poll(() => held !== undefined).toBe(true);
  await page.unrouteAll({ behavior: "ignoreErrors" });
  return held!;
}

test("the emailed export link starts with CANDOR_URL whatever X-Forwarded-Host and Host say", async ({ browser }) => {
  const env = await secondServer("candor-url"); // CANDOR_URL=http://candor.test; requests go to 127.0.0.1
  const server = await env.start();
  try {
    const r = readStore(
      env.store,
      (db) =>
        db
          .prepare(
            "SELECT id FROM subject_requests WHERE type = 'access' AND status = 'in_progress' AND verified_at IS NOT NULL ORDER BY id LIMIT 1",
          )
          .get() as { id: number },
    );
    const context = await browser.newContext({ baseURL: server.baseUrl });
    const officer = await context.newPage();
    await signIn(officer, "privacy_officer");
    await officer.goto(`/admin/requests/${r.id}`);
    const complete = officer.getByRole("form", { name: "Complete request" });
    await complete.getByRole("checkbox").check();
    const action = await holdAction(officer, () => complete.getByRole("button", { name: "Complete request" }).click());

    // The officer's own request, as a proxy that passes the caller's X-Forwarded-Host on would deliver it.
    const forged = { "x-forwarded-host": "evil.example", origin: "http://evil.example" };
    const response = await replayAction(officer, action, undefined, forged);
    expect(response.status).toBe(200);

    const bodies = readStore(
      env.store,
      (db) => db.prepare("SELECT body FROM outbox WHERE request_id = ? AND kind = 'request-export'").all(r.id) as { body: string }[],
    );
    expect(bodies).toHaveLength(1);
    // The link is sealed in the store; opened as the mailer sends it, it names the configured address.
    expect(bodies[0].body).not.toContain("/exports/");
    const sent = bodyAsSent(bodies[0].body, env.store);
    const links = sent.match(/https?:\/\/\S+/g);
    expect(links).toEqual([expect.stringMatching(/^http:\/\/candor\.test\/exports\/[\w-]+$/)]);
    expect(sent).not.toContain("evil.example");
    expect(sent).not.toContain("127.0.0.1");
    await context.close();
  } finally {
    await stopServer(server);
    env.remove();
  }
});
