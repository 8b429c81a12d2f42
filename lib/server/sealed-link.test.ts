import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "@/db/testing/temp-db";
import { openDatabase } from "@/db/connection";
import { startSmtpSink, type SmtpSink } from "../../e2e/support/smtp-sink";

// A person's export download and status page links, from the request they belong to, through the
// outbox, to the mail a real SMTP server (smtp-server) receives. The outbox is shown to staff who hold
// outbox:read but not subject:read-pii, so the stored body must not hold a working link.
const temp = createTempDatabase("sealed-links");
const db = openDatabase(temp.file);
let sink: SmtpSink;
let mailer: typeof import("./mailer");
let requests: typeof import("@/db/requests");
let sealLink: typeof import("./sealed-link").sealLink;
let status: typeof import("./request-status");
const officer = { id: 0, email: "officer@example.com" };
const stored = (requestId: number, kind: string) =>
  (db.$client.prepare("SELECT body FROM outbox WHERE request_id = ? AND kind = ?").get(requestId, kind) as { body: string }).body;

beforeAll(async () => {
  sink = await startSmtpSink();
  process.env.DATABASE_PATH = temp.file;
  process.env.SMTP_URL = sink.url;
  process.env.SMTP_FROM = "Northtrail Privacy <privacy@northtrail.example>";
  process.env.CANDOR_URL = "http://candor.test";
  db.$client
    .prepare(
      "INSERT INTO brand_settings (id, name, legal_name, address, contact_email, dpo_email, website_url, enabled_locales, allowed_origins, time_zone) VALUES (1, 'Northtrail', 'N Ltd', 'Dublin', 'c@x', 'd@x', 'https://x', '[]', '[]', 'Europe/Dublin')",
    )
    .run();
  officer.id = (
    db.$client
      .prepare(
        "INSERT INTO staff_users (email, name, role, password_hash, created_at) VALUES (?, 'Olga', 'privacy_officer', 'x', 0) RETURNING id",
      )
      .get(officer.email) as { id: number }
  ).id;
  mailer = await import("./mailer");
  requests = await import("@/db/requests");
  sealLink = (await import("./sealed-link")).sealLink;
  status = await import("./request-status");
  const { loadTestCatalog } = await import("@/db/testing/catalog");
  const { db: serverDb } = await import("@/db/client");
  loadTestCatalog(serverDb);
  const { ConsentLedger } = await import("@/db/consent/ledger/record");
  new ConsentLedger(serverDb).record(
    [{ subject: { email: "bo@example.com", jurisdiction: "EU", locale: "en" }, purpose: "newsletter", event: "granted", source: "api" }],
    { gpc: false },
  );
});
afterAll(async () => {
  await sink.close();
  db.$client.close();
  temp.cleanup();
});

describe("personal links in mail to a person", () => {
  it("keeps the export download link sealed in the outbox, and the mail that leaves carries the working link", async () => {
    const { request } = await requests.createRequest(
      { type: "access", jurisdiction: "EU", intake: "phone", email: "bo@example.com" },
      officer,
    );
    await requests.markVerified(request.id, "Confirmed order number by phone", officer);
    const { link } = await requests.completeRequest(request.id, officer, { baseUrl: "http://candor.test", seal: sealLink });
    const token = link!.split("/exports/")[1];

    const body = stored(request.id, "request-export");
    expect(body).not.toContain(token);
    expect(body).not.toContain("/exports/");

    await mailer.sendPendingMail();
    const mail = sink.mails.find((m) => m.to.includes("bo@example.com") && m.text.includes("/exports/"));
    expect(mail?.text).toContain(link!);
    expect((await requests.openExport(token, "json")).status).toBe("ok");
  });

  it("keeps the status page link of the acknowledgement sealed in the outbox, and the mail opens the person's request", async () => {
    const { request } = await requests.createRequest(
      { type: "deletion", jurisdiction: "EU", intake: "phone", email: "bo@example.com" },
      officer,
      { statusLink: await status.requestStatusLinker() },
    );
    const body = stored(request.id, "request-received");
    expect(body).not.toContain("/requests/status/");
    expect(body).toMatch(/⟦sealed:/);

    await mailer.sendPendingMail();
    const mail = sink.mails.find((m) => m.text.includes(request.ref) && m.text.includes("/requests/status/"));
    const link = /http:\/\/candor\.test\/requests\/status\/(\S+)/.exec(mail?.text ?? "");
    expect(link).not.toBeNull();
    expect(status.checkStatusToken(decodeURIComponent(link![1]))).toMatchObject({ ok: true, ref: request.ref });
  });
});
