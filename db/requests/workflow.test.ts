import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "../testing/temp-db";
import { replaceSealedLinks, sealedLinkMarker } from "@/lib/outbox/sealed-links";
import { DAY_MS } from "@/lib/time";

// The query layer opens the store named by DATABASE_PATH when first imported.
const temp = createTempDatabase("requests");
process.env.DATABASE_PATH = temp.file;

let wf: typeof import("./workflow");
let intake: typeof import("./intake");
let ff: typeof import("./fulfilment");
let client: typeof import("../client");
const officer = { id: 0, email: "officer@example.com" };
const KEY = "test-code-key";
// The server seals a link with its key (lib/server/sealed-link.ts); here a reversible stand-in marks it the same way.
const links = { baseUrl: "http://candor.test", seal: (link: string) => sealedLinkMarker(Buffer.from(link).toString("base64url")) };
const q = <T>(s: string, ...a: unknown[]) => client.db.$client.prepare(s).get(...a) as T;
const all = <T>(s: string, ...a: unknown[]) => client.db.$client.prepare(s).all(...a) as T[];

beforeAll(async () => {
  client = await import("../client");
  wf = await import("./workflow");
  intake = await import("./intake");
  ff = await import("./fulfilment");
  const { loadTestCatalog } = await import("../testing/catalog");
  const { ConsentLedger } = await import("../consent/ledger/record");
  loadTestCatalog(client.db);
  const sql = client.db.$client;
  sql
    .prepare(
      "INSERT INTO brand_settings (id, name, legal_name, address, contact_email, dpo_email, website_url, enabled_locales, allowed_origins, time_zone) VALUES (1, 'Northtrail', 'N Ltd', 'Dublin', 'c@x', 'd@x', 'https://x', '[]', '[]', 'Europe/Dublin')",
    )
    .run();
  officer.id = (
    sql
      .prepare(
        "INSERT INTO staff_users (email, name, role, password_hash, created_at) VALUES (?, 'Olga Officer', 'privacy_officer', 'x', 0) RETURNING id",
      )
      .get(officer.email) as { id: number }
  ).id;
  const ledger = new ConsentLedger(client.db);
  for (const email of ["ana@example.com", "bo@example.com", "cy@example.com"])
    ledger.record(
      ["newsletter", "ad_sharing"].map((purpose) => ({
        subject: { email, jurisdiction: "EU" as const, locale: "en" as const },
        purpose,
        event: "granted" as const,
        source: "api" as const,
      })),
      { gpc: false },
    );
});
afterAll(() => temp.cleanup());

const newRequest = (type: "access" | "deletion" | "opt_out_sale" | "objection", email: string, jurisdiction = "EU") =>
  intake.createRequest({ type, jurisdiction, intake: "phone", email }, officer, { receivedAt: new Date("2025-01-31T12:00:00Z") }).request;
const events = (id: number) =>
  all<{ kind: string; fromStatus: string | null; toStatus: string | null; note: string | null; actorId: number | null }>(
    "SELECT kind, from_status AS fromStatus, to_status AS toStatus, note, actor_id AS actorId FROM request_events WHERE request_id = ? ORDER BY id",
    id,
  );
const audits = (ref: string) =>
  all<{ action: string }>("SELECT action FROM audit_log WHERE target_id = ? ORDER BY id", ref).map((a) => a.action);

describe("staff intake", () => {
  it("links the subject by email, sets the GDPR due date and flags a duplicate without merging", () => {
    const first = newRequest("access", "ana@example.com");
    expect(first.ref).toMatch(/^REQ-2025-\d{5}$/);
    expect(first.subjectId).not.toBeNull();
    expect(first.dueAt.toISOString()).toBe("2025-02-28T23:59:59.999Z"); // 31 Jan + 1 month, end of the Dublin day
    const second = newRequest("access", "ana@example.com");
    expect(second.id).not.toBe(first.id);
    expect(events(second.id).map((e) => e.note)).toContain(`possible duplicate of ${first.ref}`);
    expect(audits(second.ref)).toEqual(["request.status", "request.note"]);
  });

  it("keeps an unknown person's contact details on an unlinked request, with the CCPA confirm-by clock", () => {
    const r = newRequest("access", "stranger@example.com", "US-CA");
    expect(r.subjectId).toBeNull();
    expect(JSON.parse(r.details!).email).toBe("stranger@example.com");
    expect(r.confirmBy).not.toBeNull();
  });
});

describe("verification", () => {
  it("sends a hashed one-time code through the outbox and accepts it once, counting tries", () => {
    const r = newRequest("access", "bo@example.com");
    wf.startVerification(r.id, officer, KEY, "123456");
    const code = q<{ codeHash: string; maxAttempts: number }>(
      "SELECT code_hash AS codeHash, max_attempts AS maxAttempts FROM verification_codes WHERE request_id = ?",
      r.id,
    );
    expect(code.codeHash).not.toContain("123456");
    expect(code.maxAttempts).toBe(5);
    const msg = q<{ body: string; toAddress: string }>(
      "SELECT body, to_address AS toAddress FROM outbox WHERE request_id = ? AND kind = 'request-code'",
      r.id,
    );
    expect(msg.toAddress).toBe("bo@example.com");
    expect(msg.body).toContain("123456");
    expect(wf.checkRequestCode(r.id, "000000", KEY)).toBe("wrong");
    expect(wf.checkRequestCode(r.id, "123456", KEY)).toBe("ok");
    expect(wf.checkRequestCode(r.id, "123456", KEY)).toBe("none");
  });

  it("locks a code after five wrong tries", () => {
    const r = newRequest("objection", "cy@example.com");
    wf.startVerification(r.id, officer, KEY, "654321");
    for (let i = 0; i < 5; i++) expect(wf.checkRequestCode(r.id, "111111", KEY)).toBe("wrong");
    expect(wf.checkRequestCode(r.id, "654321", KEY)).toBe("locked");
  });
});

describe("transitions", () => {
  it("refuses to complete before verification and to reject without a reason", () => {
    const r = newRequest("access", "cy@example.com");
    expect(() => ff.completeRequest(r.id, officer, links)).toThrow(/wrong-status/);
    expect(() => wf.denyRequest(r.id, { denialReason: "other", note: "  " }, officer)).toThrow(/note-required-other/);
  });

  it("extends once with a reason, tells the subject, and refuses a second time", () => {
    const r = intake.createRequest({ type: "access", jurisdiction: "EU", intake: "letter", email: "cy@example.com" }, officer).request;
    const extended = wf.extendRequest(r.id, "Many linked accounts to search", officer);
    expect(extended.dueAt.getTime()).toBeGreaterThan(r.dueAt.getTime() + 55 * DAY_MS);
    expect(q<{ n: number }>("SELECT count(*) AS n FROM outbox WHERE request_id = ? AND kind = 'request-extended'", r.id).n).toBe(1);
    expect(() => wf.extendRequest(r.id, "Again", officer)).toThrow(/already-extended/);
    const kr = intake.createRequest({ type: "access", jurisdiction: "KR", intake: "letter", email: "cy@example.com" }, officer).request;
    expect(() => wf.extendRequest(kr.id, "Busy", officer)).toThrow(/no-extension/);
  });

  it("names the extended deadline in the letter by the brand's own day: a US/Pacific brand's 23:59:59 is not the UTC day after", () => {
    const sql = client.db.$client;
    sql.prepare("UPDATE brand_settings SET time_zone = 'America/Los_Angeles' WHERE id = 1").run();
    try {
      const r = intake.createRequest({ type: "access", jurisdiction: "US-CA", intake: "letter", email: "cy@example.com" }, officer).request;
      const extended = wf.extendRequest(r.id, "Many linked accounts to search", officer);
      const pacificDay = new Intl.DateTimeFormat("en-CA", { timeZone: "America/Los_Angeles" }).format(extended.dueAt);
      expect(pacificDay).not.toBe(extended.dueAt.toISOString().slice(0, 10));
      const body = q<{ body: string }>("SELECT body FROM outbox WHERE request_id = ? AND kind = 'request-extended'", r.id).body;
      expect(body).toContain(`to ${pacificDay}.`);
    } finally {
      sql.prepare("UPDATE brand_settings SET time_zone = 'Europe/Dublin' WHERE id = 1").run();
    }
  });

  it("rejects with the reason sent to the subject, logged from→to with the actor", () => {
    const r = intake.createRequest({ type: "deletion", jurisdiction: "EU", intake: "letter", email: "cy@example.com" }, officer).request;
    wf.denyRequest(r.id, { denialReason: "other", note: "We hold no account under this name" }, officer);
    expect(events(r.id).at(-1)).toMatchObject({ kind: "status", fromStatus: "received", toStatus: "rejected", actorId: officer.id });
    expect(q<{ body: string }>("SELECT body FROM outbox WHERE request_id = ? AND kind = 'request-rejected'", r.id).body).toContain(
      "We hold no account",
    );
  });

  it("closes requests left unverified too long", () => {
    const r = newRequest("access", "cy@example.com");
    wf.startVerification(r.id, officer, KEY, "222222");
    expect(wf.closeAbandonedRequests(new Date("2025-03-31T00:00:00Z"))).toBeGreaterThanOrEqual(1);
    expect(wf.loadRequest(r.id).status).toBe("rejected");
  });

  it("tells a Japanese subject why their unverified request was closed in Japanese, and stores the reason as its code", async () => {
    const { ConsentLedger } = await import("../consent/ledger/record");
    const { systemReasonTexts } = await import("@/lib/requests/system-reasons");
    new ConsentLedger(client.db).record(
      [{ subject: { email: "hana@example.jp", jurisdiction: "JP", locale: "ja" }, purpose: "newsletter", event: "granted", source: "api" }],
      { gpc: false },
    );
    const r = newRequest("access", "hana@example.jp", "JP");
    wf.startVerification(r.id, officer, KEY, "333333");
    wf.closeAbandonedRequests(new Date("2025-03-31T00:00:00Z"));
    expect(wf.loadRequest(r.id).rejectionReason).toBe("system:identity-not-verified");
    const msg = q<{ locale: string; body: string }>(
      "SELECT locale, body FROM outbox WHERE request_id = ? AND kind = 'request-rejected'",
      r.id,
    );
    expect(msg.locale).toBe("ja");
    expect(msg.body).toContain(`理由: ${systemReasonTexts.ja["identity-not-verified"]}`);
    expect(msg.body).not.toContain("system:");
    // Nothing English in it but the request's reference and the brand's own name (its greeting and signature).
    expect(msg.body.replace(r.ref, "").replaceAll("Northtrail", "")).not.toMatch(/[A-Za-z]{3,}/);
  });
});

describe("completion", () => {
  it("sends an export link whose download holds the consents and events, audited", () => {
    const r = intake.createRequest({ type: "access", jurisdiction: "EU", intake: "phone", email: "bo@example.com" }, officer).request;
    wf.markVerified(r.id, "Confirmed order number by phone", officer);
    const { link } = ff.completeRequest(r.id, officer, links);
    const token = link!.split("/exports/")[1];
    // The stored mail (shown in the outbox viewer to staff without subject:read-pii) holds the link sealed, never the token.
    const stored = q<{ body: string }>("SELECT body FROM outbox WHERE request_id = ? AND kind = 'request-export'", r.id).body;
    expect(stored).not.toContain(token);
    expect(stored).not.toContain("/exports/");
    expect(stored).toContain(links.seal(link!));
    expect(replaceSealedLinks(stored, (s) => Buffer.from(s, "base64url").toString())).toContain(link!);
    const opened = ff.openExport(token, "json");
    expect(opened.status).toBe("ok");
    if (opened.status !== "ok") return;
    expect(opened.data.profile.email).toBe("bo@example.com");
    expect(opened.data.consents.map((c) => c.purpose).sort()).toEqual(["ad_sharing", "newsletter"]);
    expect(opened.data.events.length).toBeGreaterThanOrEqual(2);
    expect(audits(r.ref)).toContain("request.export");
    expect(ff.openExport("not-a-token", "json").status).toBe("unknown");
    expect(ff.openExport(token, "json", new Date(Date.now() + 8 * DAY_MS)).status).toBe("expired");
  });

  it("opts out of every sale/sharing purpose without verification", () => {
    const r = intake.createRequest(
      { type: "opt_out_sale", jurisdiction: "US-CA", intake: "phone", email: "ana@example.com" },
      officer,
    ).request;
    wf.markVerified(r.id, "No verification needed for an opt-out", officer);
    expect(ff.completeRequest(r.id, officer, links).stopped).toBe(1);
    const state = q<{ state: string }>(
      "SELECT cs.state FROM consent_state cs JOIN purposes p ON p.id = cs.purpose_id JOIN subjects s ON s.id = cs.subject_id WHERE s.email = 'ana@example.com' AND p.key = 'ad_sharing'",
    );
    expect(state.state).toBe("withdrawn");
    // Candor wrote the withdrawal itself: its source is "system", which no caller may submit.
    const last = q<{ source: string }>(
      "SELECT e.source FROM consent_events e JOIN subjects s ON s.id = e.subject_id WHERE s.email = 'ana@example.com' ORDER BY e.id DESC LIMIT 1",
    );
    expect(last.source).toBe("system");
  });

  it("erases the subject on a completed deletion and keeps the request", () => {
    const r = intake.createRequest({ type: "deletion", jurisdiction: "EU", intake: "phone", email: "cy@example.com" }, officer).request;
    wf.markVerified(r.id, "ID checked", officer);
    ff.completeRequest(r.id, officer, links);
    expect(q<{ n: number }>("SELECT count(*) AS n FROM subjects WHERE email = 'cy@example.com'").n).toBe(0);
    // Only the confirmation of the erasure holds the address, until it is sent (request-erasure.test.ts).
    expect(all("SELECT kind, scrub_address AS scrub FROM outbox WHERE to_address = 'cy@example.com'")).toEqual([
      { kind: "request-erased", scrub: 1 },
    ]);
    expect(wf.loadRequest(r.id).status).toBe("completed");
    expect(audits(r.ref).slice(-2)).toEqual(["request.status", "request.message"]);
  });
});

describe("self-service intake", () => {
  const subjectId = (email: string) => q<{ id: number }>("SELECT id FROM subjects WHERE email = ?", email).id;
  const fromCenter = (type: "access" | "objection" | "opt_out_sale", email: string) =>
    intake.createRequest(
      { type, jurisdiction: "EU", intake: "preference_center", subjectId: subjectId(email) },
      { id: null, email: "subject" },
      { proof: "session", sendCode: true, codeKey: KEY },
    );

  it("a preference-center session verifies a request whose type asks for no more", () => {
    const { request, verification } = fromCenter("objection", "bo@example.com");
    expect(verification).toBe("verified");
    expect(request.status).toBe("in_progress");
    expect(request.verifiedAt).not.toBeNull();
    expect(events(request.id).map((e) => e.toStatus)).toEqual(["received", "in_progress"]);
  });

  it("an access request still needs a fresh code, sent at once to the address on file", () => {
    const { request, verification } = fromCenter("access", "bo@example.com");
    expect(verification).toBe("send-code");
    expect(request.status).toBe("verifying");
    expect(request.verification).toBe("code");
    expect(
      q<{ toAddress: string }>("SELECT to_address AS toAddress FROM outbox WHERE request_id = ? AND kind = 'request-code'", request.id)
        .toAddress,
    ).toBe("bo@example.com");
  });

  it("an opt-out of sale/sharing needs no verification and can be completed straight away", () => {
    const { request, verification } = fromCenter("opt_out_sale", "bo@example.com");
    expect(verification).toBe("not-needed");
    expect(request.verification).toBe("none");
    wf.markVerified(request.id, "Opt-out: no verification needed", officer);
    expect(ff.completeRequest(request.id, officer, links).effect).toBe("stop");
  });

  it("follows the brand's own levels, fixed on the request when it arrives", () => {
    client.db.$client.prepare("UPDATE brand_settings SET request_verification = ? WHERE id = 1").run(JSON.stringify({ objection: "code" }));
    const { request } = fromCenter("objection", "bo@example.com");
    expect(request.status).toBe("verifying");
    client.db.$client.prepare("UPDATE brand_settings SET request_verification = NULL WHERE id = 1").run();
    expect(wf.loadRequest(request.id).verification).toBe("code");
  });
});

describe("rectification", () => {
  it("corrects the subject field by field: values on the timeline, fingerprints in the audit log", async () => {
    const { rectifySubject } = await import("./rectification");
    const r = intake.createRequest(
      { type: "rectification", jurisdiction: "EU", intake: "phone", email: "bo@example.com", details: "Name is misspelt" },
      officer,
    ).request;
    expect(() =>
      rectifySubject({ requestId: r.id, name: "Bo Lindqvist", email: "bo@example.com", phone: null, locale: "en" }, officer),
    ).toThrow(/wrong-status/);
    wf.markVerified(r.id, "Called back on the number on file", officer);
    expect(() => rectifySubject({ requestId: r.id, name: null, email: "ana@example.com", phone: null, locale: "en" }, officer)).toThrow(
      /email already taken/,
    );
    const before = q<{ name: string | null; phone: string | null }>("SELECT name, phone FROM subjects WHERE email = 'bo@example.com'");
    expect(before).toEqual({ name: null, phone: null });
    expect(
      rectifySubject({ requestId: r.id, name: "Bo Lindqvist", email: "bo@example.com", phone: "+46 70 123 4567", locale: "en" }, officer),
    ).toBe(2);
    expect(q<{ name: string; phone: string }>("SELECT name, phone FROM subjects WHERE email = 'bo@example.com'")).toEqual({
      name: "Bo Lindqvist",
      phone: "+46 70 123 4567",
    });
    expect(events(r.id).map((e) => e.note)).toContain("corrected phone: — → +46 70 123 4567");
    const audit = all<{ details: string }>("SELECT details FROM audit_log WHERE action = 'subject.rectify' AND target_id = ?", r.ref).map(
      (a) => JSON.parse(a.details),
    );
    expect(audit).toContainEqual({ field: "phone", before: null, after: expect.stringMatching(/^sha256:/) });
    expect(JSON.stringify(audit)).not.toContain("4567");
    expect(() =>
      rectifySubject({ requestId: r.id, name: "Bo Lindqvist", email: "bo@example.com", phone: "+46 70 123 4567", locale: "en" }, officer),
    ).toThrow(/no-change/);
  });
});
