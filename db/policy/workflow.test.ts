import { createTranslator } from "next-intl";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogs } from "@/lib/i18n/catalogs";
import { locales, type Locale } from "@/lib/i18n/config";
import { assemblePolicy } from "@/lib/policy/assemble";
import type { Translate } from "@/lib/policy/document";
import { demoPolicyInput } from "@/lib/policy/fixture";
import { PolicyIncompleteError } from "@/lib/policy/errors";
import { createTempDatabase } from "../testing/temp-db";

// The query layer opens the store named by DATABASE_PATH when first imported.
const temp = createTempDatabase("policy");
process.env.DATABASE_PATH = temp.file;

let wf: typeof import("./workflow");
let versions: typeof import("./versions");
let client: typeof import("../client");
const officer = { id: 0, email: "officer@example.com" };
const base = { baseUrl: "https://trust.example" };
const t = Object.fromEntries(
  locales.map((l) => [l, createTranslator({ locale: l, messages: catalogs[l] }) as unknown as Translate]),
) as Record<Locale, Translate>;
const draftOf = (input = demoPolicyInput()) => assemblePolicy(input, t);

const people = [
  { email: "minji@example.com", jurisdiction: "KR", locale: "ko" },
  { email: "haruto@example.com", jurisdiction: "JP", locale: "ja" },
  { email: "aoife@example.com", jurisdiction: "EU", locale: "en" },
  { email: "sam@example.com", jurisdiction: "UK", locale: "en" },
  { email: "jo@example.com", jurisdiction: "US-CA", locale: "ko" },
];

beforeAll(async () => {
  client = await import("../client");
  wf = await import("./workflow");
  versions = await import("./versions");
  const sql = client.db.$client;
  sql
    .prepare(
      "INSERT INTO brand_settings (id, name, legal_name, address, contact_email, dpo_email, website_url, enabled_locales, allowed_origins) VALUES (1, 'Northtrail', 'N Ltd', 'Dublin', 'c@x', 'dpo@x', 'https://x', '[]', '[]')",
    )
    .run();
  officer.id = (
    sql
      .prepare(
        "INSERT INTO staff_users (email, name, role, password_hash, created_at) VALUES (?, 'Officer', 'privacy_officer', 'x', 0) RETURNING id",
      )
      .get(officer.email) as { id: number }
  ).id;
  const add = sql.prepare("INSERT INTO subjects (uid, email, jurisdiction, locale, created_at) VALUES (?, ?, ?, ?, 0)");
  people.forEach((p, i) => add.run(`sub_${i}`, p.email, p.jurisdiction, p.locale));
  add.run("sub_noemail", null, "KR", "ko");
});
afterAll(() => temp.cleanup());

const outbox = () =>
  (
    client.db.$client
      .prepare("SELECT to_address AS recipient, kind, locale, subject_line AS subject, body FROM outbox ORDER BY id")
      .all() as {
      recipient: string;
      kind: string;
      locale: string;
      subject: string;
      body: string;
    }[]
  ).map(({ recipient, ...m }) => ({ to: recipient, ...m }));

/** Generates, submits and publishes a version from `input`, material or not; returns how many were told. */
function publish(
  input = demoPolicyInput(),
  change: { material: boolean; changeSummary: Partial<Record<Locale, string>> | null } = { material: false, changeSummary: null },
) {
  const v = wf.generatePolicyDraft(draftOf(input), officer);
  wf.savePolicyChange(v.id, change, officer);
  wf.submitPolicyVersion(v.id, [], officer);
  return { id: v.id, ...wf.publishPolicyVersion(v.id, { document: draftOf(input), missing: [] }, officer, base) };
}

describe("policy versions", () => {
  it("regenerates the open draft in place, refuses review while an item is missing, names it, and publishes version 1 telling no one", () => {
    const first = wf.generatePolicyDraft(draftOf(), officer);
    const input = demoPolicyInput();
    input.purposes.push({ ...input.purposes[0], id: 7, key: "trail_club", name: "Trail Club points" });
    const again = wf.generatePolicyDraft(draftOf(input), officer);
    expect(again.id).toBe(first.id);
    expect(JSON.stringify(versions.getPolicyVersion(first.id)!.document)).toContain("Trail Club points");

    expect(() => wf.submitPolicyVersion(first.id, ["KR.officer"], officer)).toThrow(PolicyIncompleteError);
    wf.submitPolicyVersion(first.id, [], officer);
    expect(() => wf.generatePolicyDraft(draftOf(), officer)).toThrow("policy-in-review");

    let refused: unknown;
    try {
      wf.publishPolicyVersion(first.id, { document: draftOf(input), missing: ["JP.complaints"] }, officer, base);
    } catch (e) {
      refused = e;
    }
    expect(refused).toBeInstanceOf(PolicyIncompleteError);
    expect((refused as PolicyIncompleteError).items).toEqual(["JP.complaints"]);
    // The data map changed after the draft: what would be published is not what was reviewed.
    expect(() => wf.publishPolicyVersion(first.id, { document: draftOf(), missing: [] }, officer, base)).toThrow("policy-stale");

    expect(wf.publishPolicyVersion(first.id, { document: draftOf(input), missing: [] }, officer, base)).toEqual({ notified: 0 });
    expect(versions.getPublishedPolicy()!.id).toBe(first.id);
    expect(outbox()).toEqual([]);
    const actions = client.db.$client
      .prepare("SELECT action || ':' || outcome AS a FROM audit_log WHERE target_type = 'policy_version' ORDER BY id")
      .all() as { a: string }[];
    expect(actions.map((r) => r.a)).toEqual([
      "policy.generate:ok",
      "policy.regenerate:ok",
      "policy.submit:ok",
      "policy.publish:denied",
      "policy.publish:ok",
    ]);
  });

  it("tells only the people whose place's part changed, in their language, and records each message; consent is untouched", () => {
    const input = demoPolicyInput();
    input.purposes.push({ ...input.purposes[0], id: 7, key: "trail_club", name: "Trail Club points" });
    // Only the Korean part changes: a new domestic agent.
    input.brand.domesticAgent = { name: "Hangang Agent Co.", department: null, contact: "agent@hangang.example", address: "Seoul" };
    const { id, notified } = publish(input, {
      material: true,
      changeSummary: { en: "A new domestic agent.", ko: "국내대리인이 바뀌었습니다.", ja: "国内代理人を変更しました。" },
    });
    expect(notified).toBe(1);
    const [m] = outbox();
    expect(m).toMatchObject({ to: "minji@example.com", kind: "policy-change", locale: "ko" });
    expect(m.subject).toBe("[Northtrail] 개인정보 처리방침을 변경했습니다");
    expect(m.body).toContain("변경된 항목: 개인정보 보호책임자");
    expect(m.body).toContain("요약: 국내대리인이 바뀌었습니다.");
    expect(m.body).toContain("https://trust.example/privacy?j=KR");
    expect(versions.countPolicyChangeMessages(id)).toEqual({ ko: 1 });
    expect(versions.getPolicyVersion(id)!.notified).toBe(1);
  });

  it("tells everyone concerned of a material change to every part, each in their language; an editorial change tells no one", () => {
    const before = outbox().length;
    const input = demoPolicyInput();
    input.brand.securityMeasures = [...input.brand.securityMeasures, "backups"];
    const material = publish(input, { material: true, changeSummary: { en: "We now keep backups." } });
    expect(material.notified).toBe(5);
    const sent = outbox().slice(before);
    expect(sent.map((m) => [m.to, m.locale])).toEqual(people.map((p) => [p.email, p.locale]));
    expect(sent.find((m) => m.to === "haruto@example.com")!.body).toContain("変更した項目：");
    expect(sent.find((m) => m.to === "aoife@example.com")!.body).toContain("In short: We now keep backups.");

    const after = outbox().length;
    input.brand.securityMeasures = [...input.brand.securityMeasures, "staff_training"];
    expect(publish(input, { material: false, changeSummary: null }).notified).toBe(0);
    expect(outbox().length).toBe(after);
    expect(versions.listPolicyVersions().map((v) => v.status)).toEqual(["published", "superseded", "superseded", "superseded"]);
  });

  it("lets a person told of a change be erased: their message records go with them", () => {
    const sql = client.db.$client;
    const { id } = sql.prepare("SELECT id FROM subjects WHERE email = 'minji@example.com'").get() as { id: number };
    sql.prepare("DELETE FROM outbox WHERE subject_id = ?").run(id);
    sql.prepare("DELETE FROM subjects WHERE id = ?").run(id);
    expect(sql.prepare("SELECT COUNT(*) AS n FROM policy_change_messages WHERE subject_id = ?").get(id)).toEqual({ n: 0 });
  });

  it("refuses to publish a draft that was never sent for review, lists one in review in the inbox, and refuses a return without a comment", async () => {
    const v = wf.generatePolicyDraft(draftOf(), officer);
    expect(() => wf.publishPolicyVersion(v.id, { document: draftOf(), missing: [] }, officer, base)).toThrow("wrong-status");
    wf.submitPolicyVersion(v.id, [], officer);
    // In review, it waits in the review inbox of whoever publishes notices, the officer who generated it included.
    const inbox = await import("../notifications/inbox");
    expect(inbox.listReviewInbox({ purposes: false, notices: true })).toMatchObject([
      { kind: "policy-version", id: v.id, version: v.version, submittedById: officer.id, submittedByName: "Officer" },
    ]);
    expect(inbox.listReviewInbox({ purposes: true, notices: false })).toEqual([]);
    expect(inbox.countReviewInbox({ purposes: false, notices: true }, officer.id)).toBe(1);
    expect(() => wf.returnPolicyVersion(v.id, " ", officer)).toThrow("comment-required");
    wf.returnPolicyVersion(v.id, "Check the transfers.", officer);
    expect(versions.getPolicyVersion(v.id)).toMatchObject({ status: "draft", reviewComment: "Check the transfers." });
  });
});
