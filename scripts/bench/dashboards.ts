// Dashboard API latency against the running production server, beside a naive GROUP BY over the
// ledger timed in the same run: the figures the dashboards would otherwise compute per request.
import { databasePath, openDatabase } from "@/db/connection";
import { demoPassword } from "../demo-data/staff";
import type { Measurement } from "../bench";
import { measureLoad } from "./http";
import { DAY_MS } from "@/lib/time";

const STAFF = "privacy@northtrail.example"; // holds all three dashboard permissions

/** Signs a demo staff member in through Auth.js's own credentials endpoint and returns the session cookie header. */
export async function staffSession(baseUrl: string, email = STAFF, password = demoPassword): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const signIn = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/admin` }),
  });
  const session = signIn.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => /session-token=/.test(c));
  if (!session) throw new Error(`signing in as ${email} gave no session cookie (HTTP ${signIn.status})`);
  return [...jar, session].join("; ");
}

function ledgerFacts(file: string) {
  const db = openDatabase(file).$client;
  try {
    const events = (db.prepare("SELECT MAX(id) AS n FROM consent_events").get() as { n: number | null }).n ?? 0;
    const purpose = (
      db.prepare("SELECT key FROM purposes WHERE status = 'active' AND legal_basis = 'consent' ORDER BY id LIMIT 1").get() as
        { key: string } | undefined
    )?.key;
    // What the consent dashboard shows per purpose, computed the naive way: a GROUP BY over 30 days of the ledger.
    const since = Date.now() - 30 * DAY_MS;
    const naive = db.prepare(
      "SELECT purpose_id, jurisdiction, event, gpc, COUNT(*) AS n FROM consent_events WHERE occurred_at >= ? GROUP BY 1, 2, 3, 4",
    );
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      naive.all(since);
      runs.push(performance.now() - started);
    }
    runs.sort((a, b) => a - b);
    return { events, purpose, naiveMs: runs[1] };
  } finally {
    db.close();
  }
}

/** GET each dashboard API with one connection (one person opening a dashboard), after a warm-up. */
export const dashboards: Measurement = {
  name: "dashboards",
  needsServer: true,
  run: async ({ options, server }) => {
    const { baseUrl } = await server();
    const facts = ledgerFacts(databasePath());
    const cookie = await staffSession(baseUrl);
    const routes = ["consent-analytics", `consent-analytics/purpose?purpose=${facts.purpose}`, "trust", "privacy-ops"];
    const metrics = [];
    let worst = { p50: 0, p95: 0 };
    for (const route of routes) {
      const r = await measureLoad({ url: `${baseUrl}/api/admin/${route}`, seconds: options.seconds, connections: 1, headers: { cookie } });
      const name = `candor.dashboard.${route.split("?")[0].replace("/", "-")}`;
      metrics.push(
        { name: `${name}.p50`, value: r.p50Ms, unit: "ms", details: { route: `GET /api/admin/${route}`, requests: r.requests } },
        { name: `${name}.p95`, value: r.p95Ms, unit: "ms" },
        { name: `${name}.non-2xx`, value: r.non2xx + r.errors, unit: "responses", target: { max: 0 } },
      );
      worst = { p50: Math.max(worst.p50, r.p50Ms), p95: Math.max(worst.p95, r.p95Ms) };
    }
    return [
      {
        name: "limit.naive-group-by",
        value: facts.naiveMs,
        unit: "ms",
        details: { query: "consent_events, last 30 days, GROUP BY purpose, jurisdiction, event, gpc", events: facts.events },
      },
      ...metrics,
      // The slowest dashboard API; compare the 10M run with the 1M run (target: within 1.5×).
      { name: "candor.dashboard.p50", value: worst.p50, unit: "ms", details: { events: facts.events, defaultPeriodDays: 30 } },
      { name: "candor.dashboard.p95", value: worst.p95, unit: "ms", target: { max: 50 }, details: { events: facts.events } },
    ];
  },
};
