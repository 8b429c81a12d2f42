import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { complaintSentence } from "@/lib/messages/templates/complaint";
import { defaultTemplate } from "@/lib/messages/templates/render";
import { createTempDatabase } from "../testing/temp-db";

// The query layer opens the store named by DATABASE_PATH when first imported.
const temp = createTempDatabase("message-templates");
process.env.DATABASE_PATH = temp.file;

let client: typeof import("../client");
let templates: typeof import("./templates");
let intake: typeof import("../requests/intake");
let wf: typeof import("../requests/workflow");
const officer = { id: 0, email: "olga@northtrail.example" };
const all = <T>(s: string, ...a: unknown[]) => client.db.$client.prepare(s).all(...a) as T[];
const ko = (body: string) => ({
  kind: "request-rejected" as const,
  locale: "ko" as const,
  subject: "[{brand}] 요청 {ref} 안내",
  greeting: "고객님, 안녕하세요.",
  body,
  signature: "{brand} 드림",
});

beforeAll(async () => {
  client = await import("../client");
  templates = await import("./templates");
  intake = await import("../requests/intake");
  wf = await import("../requests/workflow");
  const sql = client.db.$client;
  sql
    .prepare(
      "INSERT INTO brand_settings (id, name, legal_name, address, contact_email, dpo_email, website_url, enabled_locales, allowed_origins, time_zone) VALUES (1, 'Northtrail', 'N Ltd', 'Seoul', 'hello@northtrail.example', 'dpo@northtrail.example', 'https://x', '[]', '[]', 'Asia/Seoul')",
    )
    .run();
  officer.id = (
    sql
      .prepare(
        "INSERT INTO staff_users (email, name, role, password_hash, created_at) VALUES (?, 'Olga', 'privacy_officer', 'x', 0) RETURNING id",
      )
      .get(officer.email) as { id: number }
  ).id;
  sql
    .prepare("INSERT INTO subjects (uid, email, locale, jurisdiction, created_at) VALUES ('s-minji', 'minji@example.kr', 'ko', 'KR', 0)")
    .run();
});
afterAll(() => {
  client.db.$client.close();
  temp.cleanup();
});

describe("message template versions", () => {
  it("sends the shipped wording (version 0) until a version is saved", () => {
    expect(templates.currentTemplate(client.db, "request-rejected", "ko")).toEqual({
      ...defaultTemplate("request-rejected", "ko"),
      version: 0,
    });
    expect(templates.listTemplateVersions(client.db, "request-rejected", "ko")).toEqual([]);
  });

  it("counts versions up per kind and language, keeps the old ones with who and when, and audits each save", () => {
    const v1 = templates.saveTemplateVersion(client.db, ko("사유: {reason}\n\n{complaint}"), officer);
    const v2 = templates.saveTemplateVersion(client.db, ko("요청을 처리할 수 없습니다.\n사유: {reason}\n\n{complaint}"), officer);
    const en = templates.saveTemplateVersion(client.db, { ...ko("{reason} {complaint}"), locale: "en" }, officer);
    expect([v1.version, v2.version, en.version]).toEqual([1, 2, 1]);
    const list = templates.listTemplateVersions(client.db, "request-rejected", "ko");
    expect(list.map((v) => [v.version, v.createdByLabel, v.createdById])).toEqual([
      [2, officer.email, officer.id],
      [1, officer.email, officer.id],
    ]);
    expect(list[1].body).toBe("사유: {reason}\n\n{complaint}");
    expect(templates.currentTemplate(client.db, "request-rejected", "ko").version).toBe(2);
    const audits = all<{ action: string; targetId: string; details: string }>(
      "SELECT action, target_id AS targetId, details FROM audit_log WHERE action = 'message-template.save' ORDER BY id",
    );
    expect(audits.map((a) => [a.targetId, JSON.parse(a.details).version])).toEqual([
      ["request-rejected/ko", 1],
      ["request-rejected/ko", 2],
      ["request-rejected/en", 1],
    ]);
  });

  it("refuses to write over a version: (kind, language, version) is unique", () => {
    expect(() =>
      client.db.$client
        .prepare(
          "INSERT INTO message_templates (kind, locale, version, subject, greeting, body, signature, created_by_label, created_at) VALUES ('request-rejected', 'ko', 2, 's', '', 'b', '', 'x', 0)",
        )
        .run(),
    ).toThrow(/UNIQUE/);
  });

  it("a Korean refusal of a KR request goes out in the newest wording, with the reason and PIPA's objection route", () => {
    const { request } = intake.createRequest({ type: "access", jurisdiction: "KR", intake: "phone", email: "minji@example.kr" }, officer);
    wf.denyRequest(request.id, { denialReason: "other", note: "보유한 정보가 없습니다." }, officer);
    const [m] = all<{ locale: string; subjectLine: string; body: string }>(
      "SELECT locale, subject_line AS subjectLine, body FROM outbox WHERE request_id = ? AND kind = 'request-rejected'",
      request.id,
    );
    expect(m.locale).toBe("ko");
    expect(m.subjectLine).toBe(`[Northtrail] 요청 ${request.ref} 안내`);
    expect(m.body).toBe(
      `고객님, 안녕하세요.\n\n요청을 처리할 수 없습니다.\n사유: 보유한 정보가 없습니다.\n\n${complaintSentence("pipa", "ko", "dpo@northtrail.example")}\n\nNorthtrail 드림`,
    );
  });

  it("acknowledges a request with its status link, after the code, when the intake gives a link", () => {
    const { request } = intake.createRequest(
      { type: "deletion", jurisdiction: "KR", intake: "api", email: "minji@example.kr" },
      { id: null, email: "api key" },
      { sendCode: true, codeKey: "k", statusLink: (ref) => `http://candor.test/requests/status/${ref}.sig` },
    );
    const sent = all<{ kind: string; body: string }>("SELECT kind, body FROM outbox WHERE request_id = ? ORDER BY id", request.id);
    expect(sent.map((m) => m.kind)).toEqual(["request-code", "request-received"]);
    expect(sent[1].body).toContain(`http://candor.test/requests/status/${request.ref}.sig`);
    expect(sent[1].body).toMatch(/^안녕하세요, Northtrail입니다\./);
    const notes = all<{ note: string }>("SELECT note FROM request_events WHERE request_id = ? AND kind = 'message'", request.id);
    expect(notes.map((n) => n.note)).toContain("Acknowledgement sent to the subject.");
  });

  it("sends no acknowledgement when the intake gives no status link", () => {
    const { request } = intake.createRequest({ type: "access", jurisdiction: "KR", intake: "phone", email: "minji@example.kr" }, officer);
    expect(all("SELECT id FROM outbox WHERE request_id = ? AND kind = 'request-received'", request.id)).toEqual([]);
  });

  it("an erasure confirmation goes out in the newest wording too, on the connection that erased", async () => {
    const { queueErasureConfirmation } = await import("../requests/erasure-confirmation");
    templates.saveTemplateVersion(
      client.db,
      {
        kind: "request-erased",
        locale: "ko",
        subject: "파기 완료 ({ref})",
        greeting: "고객님께",
        body: "{months}개월 보관 후 삭제합니다.",
        signature: "{brand}",
      },
      officer,
    );
    const { request } = intake.createRequest(
      { type: "deletion", jurisdiction: "KR", intake: "phone", email: "erased@example.kr" },
      officer,
    );
    const id = queueErasureConfirmation(
      client.db,
      request,
      { address: "erased@example.kr", locale: "ko" },
      { name: "Northtrail", contact: "dpo@northtrail.example", timeZone: "Asia/Seoul" },
    );
    const [m] = all<{ subjectLine: string; body: string }>("SELECT subject_line AS subjectLine, body FROM outbox WHERE id = ?", id);
    expect(m).toEqual({ subjectLine: `파기 완료 (${request.ref})`, body: "고객님께\n\n24개월 보관 후 삭제합니다.\n\nNorthtrail" });
  });
});
