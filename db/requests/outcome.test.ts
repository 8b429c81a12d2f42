import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "../testing/temp-db";
import { sealedLinkMarker } from "@/lib/outbox/sealed-links";
import { bulkActionSchema, type BulkInput } from "@/lib/requests/bulk";

// The query layer opens the store named by DATABASE_PATH when first imported.
const temp = createTempDatabase("outcomes");
process.env.DATABASE_PATH = temp.file;

let wf: typeof import("./workflow");
let intake: typeof import("./intake");
let ff: typeof import("./fulfilment");
let agents: typeof import("./agents");
let bulk: typeof import("./bulk");
let client: typeof import("../client");
const officer = { id: 0, email: "officer@example.com" };
const links = { baseUrl: "http://candor.test", seal: (link: string) => sealedLinkMarker(Buffer.from(link).toString("base64url")) };
const q = <T>(s: string, ...a: unknown[]) => client.db.$client.prepare(s).get(...a) as T;

beforeAll(async () => {
  client = await import("../client");
  wf = await import("./workflow");
  intake = await import("./intake");
  ff = await import("./fulfilment");
  agents = await import("./agents");
  bulk = await import("./bulk");
  const { loadTestCatalog } = await import("../testing/catalog");
  loadTestCatalog(client.db);
  const sql = client.db.$client;
  sql
    .prepare(
      "INSERT INTO brand_settings (id, name, legal_name, address, contact_email, dpo_email, website_url, enabled_locales, allowed_origins, time_zone) VALUES (1, 'Northtrail', 'N Ltd', 'LA', 'c@x', 'd@x', 'https://x', '[]', '[]', 'America/Los_Angeles')",
    )
    .run();
  officer.id = (
    sql
      .prepare(
        "INSERT INTO staff_users (email, name, role, password_hash, created_at) VALUES (?, 'Olga', 'privacy_officer', 'x', 0) RETURNING id",
      )
      .get(officer.email) as { id: number }
  ).id;
});
afterAll(() => temp.cleanup());

const NO_PROOF = { signedPermission: false, powerOfAttorney: false, consumerVerifiedDirectly: false, consumerConfirmedPermission: false };
/** A rectification (completing it only records it) entered by phone and verified, so it can be completed at once. */
function ready(email: string, agent?: Parameters<typeof intake.createRequest>[0]["agent"]) {
  const r = intake.createRequest({ type: "rectification", jurisdiction: "US-CA", intake: "phone", email, agent }, officer).request;
  return wf.markVerified(r.id, "Checked by phone", officer);
}
const row = (id: number) =>
  q<{ status: string; outcome: string | null; denialReason: string | null; outcomeNote: string | null; rejectionReason: string | null }>(
    "SELECT status, outcome, denial_reason AS denialReason, outcome_note AS outcomeNote, rejection_reason AS rejectionReason FROM subject_requests WHERE id = ?",
    id,
  );
const message = (id: number, kind: string) =>
  q<{ body: string } | undefined>("SELECT body FROM outbox WHERE request_id = ? AND kind = ?", id, kind);
const audit = (ref: string) =>
  q<{ details: string }>("SELECT details FROM audit_log WHERE target_id = ? AND action = 'request.status' ORDER BY id DESC LIMIT 1", ref);

describe("closing a request records its outcome", () => {
  it("completes in whole as complied, with no reason", () => {
    const r = ready("whole@example.com");
    ff.completeRequest(r.id, officer, links, { outcome: "complied", denialReason: null, note: null });
    expect(row(r.id)).toMatchObject({ status: "completed", outcome: "complied", denialReason: null, outcomeNote: null });
  });

  it("completes in part with the withheld part's reason and note, audits it, and tells the person what was withheld", () => {
    const r = ready("part@example.com");
    ff.completeRequest(r.id, officer, links, {
      outcome: "complied_in_part",
      denialReason: "exempt",
      note: "Payment records kept for tax law",
    });
    expect(row(r.id)).toMatchObject({
      status: "completed",
      outcome: "complied_in_part",
      denialReason: "exempt",
      outcomeNote: "Payment records kept for tax law",
    });
    expect(JSON.parse(audit(r.ref).details)).toMatchObject({ outcome: "complied_in_part", denialReason: "exempt" });
    expect(message(r.id, "request-completed")?.body).toContain(
      "Part of your request was not carried out. The law exempts this information from the request: Payment records kept for tax law.",
    );
  });

  it("denies as exempt with the exemption named, and the person is told the reason and the note", () => {
    const r = ready("exempt@example.com");
    wf.denyRequest(r.id, { denialReason: "exempt", note: "Civ. Code §1798.145(a)(1)(C): needed for a legal claim" }, officer);
    expect(row(r.id)).toMatchObject({ status: "rejected", outcome: "denied", denialReason: "exempt" });
    expect(message(r.id, "request-rejected")?.body).toContain(
      "The law exempts this information from the request: Civ. Code §1798.145(a)(1)(C): needed for a legal claim",
    );
  });

  it("refuses a denial as exempt with no exemption named, or a part withheld with no note, writing nothing", () => {
    const r = ready("bare@example.com");
    expect(() => wf.denyRequest(r.id, { denialReason: "exempt", note: null }, officer)).toThrow(/note-required-exempt/);
    expect(() =>
      ff.completeRequest(r.id, officer, links, { outcome: "complied_in_part", denialReason: "other", note: "" } as never),
    ).toThrow(/withheld-note-required/);
    expect(row(r.id)).toMatchObject({ status: "in_progress", outcome: null });
    expect(message(r.id, "request-rejected")).toBeUndefined();
  });

  it("closes a request left unverified as denied, not verifiable, told in Candor's own words", () => {
    const r = intake.createRequest({ type: "access", jurisdiction: "US-CA", intake: "phone", email: "late@example.com" }, officer, {
      receivedAt: new Date("2025-01-01T00:00:00Z"),
    }).request;
    wf.startVerification(r.id, officer, "key", "123456");
    wf.closeAbandonedRequests(new Date("2025-03-01T00:00:00Z"));
    expect(row(r.id)).toMatchObject({
      outcome: "denied",
      denialReason: "not_verifiable",
      outcomeNote: null,
      rejectionReason: "system:identity-not-verified",
    });
  });

  it("denies duplicates rejected in bulk as other, the officer's reason kept as the note", () => {
    const a = ready("dup@example.com");
    const b = ready("dup2@example.com");
    const result = bulk.applyBulkAction(
      bulkActionSchema.parse({
        action: "reject-duplicates",
        ids: [String(a.id), String(b.id)],
        reason: "Same request sent twice",
        confirm: "yes",
      }) as BulkInput,
      officer,
    );
    expect(result.done).toHaveLength(2);
    for (const r of [a, b])
      expect(row(r.id)).toMatchObject({ outcome: "denied", denialReason: "other", outcomeNote: "Same request sent twice" });
  });
});

describe("a request made by an authorised agent", () => {
  const agent = { name: "Privacy Helpers LLC", contact: "agent@helpers.example", business: true, ...NO_PROOF };

  it("is recorded with the agent and cannot be complied with, in whole or in part, until proof is on record", () => {
    const r = ready("agent-a@example.com", agent);
    expect(agents.getRequestAgent(r.id)).toEqual(agent);
    expect(() => ff.completeRequest(r.id, officer, links)).toThrow(/agent-proof-missing/);
    expect(() =>
      ff.completeRequest(r.id, officer, links, { outcome: "complied_in_part", denialReason: "exempt", note: "Kept the invoices" }),
    ).toThrow(/agent-proof-missing/);
    expect(row(r.id).status).toBe("in_progress");
    wf.denyRequest(r.id, { denialReason: "not_verifiable", note: null }, officer);
    expect(row(r.id)).toMatchObject({ outcome: "denied", denialReason: "not_verifiable" });
  });

  it("is complied with once the signed permission is recorded, which the timeline and audit log show", () => {
    const r = ready("agent-b@example.com", agent);
    agents.recordAgentProof(r.id, { ...NO_PROOF, signedPermission: true, consumerConfirmedPermission: true }, officer);
    expect(agents.getRequestAgent(r.id)).toMatchObject({
      signedPermission: true,
      consumerConfirmedPermission: true,
      powerOfAttorney: false,
    });
    expect(q<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE target_id = ? AND action = 'request.agent-proof'", r.ref).n).toBe(1);
    ff.completeRequest(r.id, officer, links);
    expect(row(r.id).outcome).toBe("complied");
    expect(() => agents.recordAgentProof(r.id, NO_PROOF, officer)).toThrow(/wrong-status/);
  });

  it("refuses proof for a request no agent made", () => {
    const r = ready("self@example.com");
    expect(() => agents.recordAgentProof(r.id, { ...NO_PROOF, powerOfAttorney: true }, officer)).toThrow(/agent not found/);
  });
});
