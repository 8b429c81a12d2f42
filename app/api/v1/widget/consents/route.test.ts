// Issue 14, acceptance: "A widget visitor known to the site by an external id, who granted a sale/sharing purpose
// and later arrives with Sec-GPC: 1, produces subject.opted_out carrying that external id to that purpose's third
// parties." Called as the server calls the route, against a temporary store.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { choiceFor } from "@/lib/widget/memory";
import { createTempDatabase } from "@/db/testing/temp-db";

const temp = createTempDatabase("widget-gpc");
process.env.DATABASE_PATH = temp.file;
process.env.LOG_LEVEL = "silent";
afterAll(() => temp.cleanup());

type Handler = (request: Request) => Promise<Response>;
const ORIGIN = "https://shop.example";
let db: typeof import("@/db/client").db;
let post: Handler;
let key = "";
let r: Record<string, number>;

// ad_sharing (consent, sale/sharing, behavioural data) sends data to Meridian Ads and Retail Media (third parties)
// and AdOps (a processor); newsletter (consent, contact details) sends the email to Retail Media as well.
beforeAll(async () => {
  db = (await import("@/db/client")).db;
  const { loadTestCatalog } = await import("@/db/testing/catalog");
  const { linkTestRecipients } = await import("@/db/testing/recipients");
  const { insertApiKey } = await import("@/db/staff/api-keys");
  loadTestCatalog(db);
  db.$client.prepare(`UPDATE purposes SET data_categories = '["behavioural","device"]' WHERE key = 'ad_sharing'`).run();
  db.$client
    .prepare(
      "INSERT INTO brand_settings (id, name, legal_name, address, contact_email, dpo_email, website_url, enabled_locales, allowed_origins) VALUES (1, 'B', 'B Ltd', 'x', 'c@x', 'd@x', 'https://b.example', '[\"en\"]', ?)",
    )
    .run(JSON.stringify([ORIGIN]));
  key = insertApiKey(db, { name: "site", kind: "publishable", allowedOrigins: [ORIGIN] }, { id: null, email: "test" }).plaintext;
  r = linkTestRecipients(db, [
    { name: "Meridian Ads", role: "third_party", purposes: ["ad_sharing"] },
    { name: "Retail Media", role: "third_party", purposes: ["ad_sharing", "newsletter"] },
    { name: "AdOps", role: "processor", purposes: ["ad_sharing"] },
  ]);
  post = (await import("./route")).POST as Handler;
});

const choose = (externalId: string, choices: { purpose: string; event: string }[], headers: Record<string, string> = {}) =>
  post(
    new Request(`http://candor.test/api/v1/widget/consents?key=${key}`, {
      method: "POST",
      headers: { origin: ORIGIN, "content-type": "application/json", ...headers },
      body: JSON.stringify({ subject: { externalId }, jurisdiction: "US-CA", locale: "en", choices }),
    }),
  );

const optOutsOf = (externalId: string) =>
  (
    db.$client
      .prepare(
        `SELECT d.recipient_id AS recipient, d.identifiers, e.data FROM deliveries d JOIN propagation_events e ON e.id = d.event_id
         JOIN subjects s ON s.id = e.subject_id WHERE s.external_id = ? AND e.type = 'subject.opted_out' ORDER BY d.recipient_id`,
      )
      .all(externalId) as { recipient: number; identifiers: string; data: string }[]
  ).map((d) => ({ recipient: d.recipient, identifiers: JSON.parse(d.identifiers), data: JSON.parse(d.data) }));

describe("POST /api/v1/widget/consents with Sec-GPC: 1 after a grant", () => {
  it("opts the visitor out at the purpose's third parties by their external id, and tells no processor", async () => {
    const granted = await choose("CUST-4242", [{ purpose: "ad_sharing", event: "granted" }]);
    expect(granted.status).toBe(200);
    expect(optOutsOf("CUST-4242")).toEqual([]);

    // Later, from a browser sending GPC: the widget sends the sale/sharing purpose as no longer granted.
    const later = await choose("CUST-4242", [{ purpose: "ad_sharing", event: choiceFor(false, "granted") }], { "sec-gpc": "1" });
    expect(later.status).toBe(200);
    expect(((await later.json()) as { gpc: boolean }).gpc).toBe(true);
    const optOuts = optOutsOf("CUST-4242");
    expect(optOuts).toEqual(
      [r["Meridian Ads"], r["Retail Media"]]
        .sort((a, b) => a - b)
        .map((recipient) => ({ recipient, identifiers: { externalId: "CUST-4242" }, data: { optOut: ["sale", "sharing"], gpc: true } })),
    );
    expect(optOuts.some((d) => d.recipient === r["AdOps"])).toBe(false);
  });

  it("opts out the same way when the GPC post names another purpose, and names the email only where contact details went", async () => {
    // The brand's own systems know this customer's email; the newsletter sends it to Retail Media.
    const { ConsentLedger } = await import("@/db/consent/ledger/record");
    const who = { externalId: "CUST-5151", email: "c5151@example.org", jurisdiction: "US-CA" as const };
    new ConsentLedger(db).record([{ subject: who, purpose: "newsletter", event: "granted", source: "api" }], { gpc: false });
    expect((await choose("CUST-5151", [{ purpose: "ad_sharing", event: "granted" }])).status).toBe(200);

    const later = await choose("CUST-5151", [{ purpose: "newsletter", event: "granted" }], { "sec-gpc": "1" });
    expect(later.status).toBe(200);
    const byRecipient = new Map(optOutsOf("CUST-5151").map((d) => [d.recipient, d.identifiers]));
    expect([...byRecipient.keys()].sort((a, b) => a - b)).toEqual([r["Meridian Ads"], r["Retail Media"]].sort((a, b) => a - b));
    expect(byRecipient.get(r["Meridian Ads"])).toEqual({ externalId: "CUST-5151" });
    expect(byRecipient.get(r["Retail Media"])).toEqual({ externalId: "CUST-5151", email: "c5151@example.org" });
  });
});
