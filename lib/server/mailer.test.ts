import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { RETRY_DELAYS_MS, SEND_TIMEOUT_MS } from "@/lib/outbox/retry";
import { createTempDatabase } from "@/db/testing/temp-db";
import { openDatabase } from "@/db/connection";
import { startSmtpSink, type SmtpSink } from "../../e2e/support/smtp-sink";

// The mailer as the job runs it: the server's store (DATABASE_PATH), nodemailer over SMTP_URL to a
// real SMTP server (smtp-server) on 127.0.0.1. Nothing between the outbox and the wire is faked.
const temp = createTempDatabase("mailer");
let sink: SmtpSink;
let mailer: typeof import("./mailer");
const db = openDatabase(temp.file);

beforeAll(async () => {
  sink = await startSmtpSink();
  process.env.DATABASE_PATH = temp.file;
  process.env.SMTP_URL = sink.url;
  process.env.SMTP_FROM = "Northtrail Privacy <privacy@northtrail.example>";
  mailer = await import("./mailer");
});
afterAll(async () => {
  await sink.close();
  db.$client.close();
  temp.cleanup();
});
beforeEach(() => {
  db.$client.prepare("DELETE FROM outbox").run();
  sink.mails.length = 0;
  sink.refused.length = 0;
  sink.refuse(null);
});

const enqueue = (m: { to: string; locale: string; subject: string; body: string }) =>
  Number(
    db.$client
      .prepare(
        "INSERT INTO outbox (to_address, kind, locale, subject_line, body, status, created_at) VALUES (?, 'request-rejected', ?, ?, ?, 'pending', ?)",
      )
      .run(m.to, m.locale, m.subject, m.body, Date.now()).lastInsertRowid,
  );
const row = (id: number) =>
  db.$client.prepare("SELECT status, attempts, next_attempt_at AS next, error FROM outbox WHERE id = ?").get(id) as {
    status: string;
    attempts: number;
    next: number | null;
    error: string | null;
  };

describe("the mailer against a real SMTP server", () => {
  it("delivers the message with its sender, recipient, subject, body and language header as queued", async () => {
    const body =
      "김민지 님, 안녕하세요.\n\n요청하신 삭제 요청은 거절되었습니다.\n사유: 본인 확인이 되지 않았습니다.\n\n— Northtrail 개인정보 보호팀";
    const id = enqueue({ to: "minji@example.kr", locale: "ko", subject: "[Northtrail] 요청 R-7 처리 결과 안내", body });
    const result = await mailer.sendPendingMail();
    expect(result).toMatchObject({ claimed: 1, sent: 1, retrying: 0, failed: 0 });
    expect(sink.mails).toHaveLength(1);
    const mail = sink.mails[0];
    expect(mail.to).toEqual(["minji@example.kr"]);
    expect(mail.from).toBe("privacy@northtrail.example");
    expect(mail.headers.get("from")).toBe("Northtrail Privacy <privacy@northtrail.example>");
    expect(mail.headers.get("content-language")).toBe("ko");
    expect(mail.subject).toBe("[Northtrail] 요청 R-7 처리 결과 안내");
    expect(mail.text.replace(/\r\n/g, "\n")).toBe(body);
    expect(row(id).status).toBe("sent");
  });

  it("retries a server that answers 451 after the backoff's waits, and sends the message once when it accepts", async () => {
    const id = enqueue({ to: "taro@example.jp", locale: "ja", subject: "【Northtrail】ご依頼について", body: "山田 太郎 様" });
    sink.refuse((attempt) => (attempt <= 2 ? { code: 451, message: "4.3.0 try again later" } : null));
    const t0 = Date.now();

    expect(await mailer.sendPendingMail({ now: () => t0 })).toMatchObject({ claimed: 1, sent: 0, retrying: 1 });
    expect(row(id)).toMatchObject({ status: "pending", attempts: 1, next: t0 + RETRY_DELAYS_MS[0] });
    expect(row(id).error).toContain("451");
    // Before the wait is over nothing is tried.
    expect(await mailer.sendPendingMail({ now: () => t0 + RETRY_DELAYS_MS[0] - 1 })).toMatchObject({ claimed: 0 });
    expect(sink.refused).toHaveLength(1);

    const t1 = t0 + RETRY_DELAYS_MS[0];
    expect(await mailer.sendPendingMail({ now: () => t1 })).toMatchObject({ claimed: 1, retrying: 1 });
    expect(row(id)).toMatchObject({ status: "pending", attempts: 2, next: t1 + RETRY_DELAYS_MS[1] });

    const t2 = t1 + RETRY_DELAYS_MS[1];
    expect(await mailer.sendPendingMail({ now: () => t2 })).toMatchObject({ claimed: 1, sent: 1 });
    expect(row(id)).toMatchObject({ status: "sent", attempts: 3 });
    expect(sink.refused.map((r) => r.code)).toEqual([451, 451]);
    expect(sink.mails).toHaveLength(1);
    expect(sink.mails[0].subject).toBe("【Northtrail】ご依頼について");
    expect(sink.mails[0].headers.get("content-language")).toBe("ja");
    // Nothing is left to send: a later run sends no second copy.
    expect(await mailer.sendPendingMail({ now: () => t2 + 3_600_000 })).toMatchObject({ claimed: 0 });
    expect(sink.mails).toHaveLength(1);
  });

  it("keeps a message a server refuses for good (550) retrying on the same schedule, since a refusal may be the server's mistake", async () => {
    const id = enqueue({ to: "nobody@example.com", locale: "en", subject: "About your request", body: "Hello" });
    sink.refuse(() => ({ code: 550, message: "5.1.1 mailbox unavailable" }));
    const t0 = Date.now();
    expect(await mailer.sendPendingMail({ now: () => t0 })).toMatchObject({ claimed: 1, retrying: 1, sent: 0 });
    expect(row(id)).toMatchObject({ status: "pending", attempts: 1, next: t0 + RETRY_DELAYS_MS[0] });
    expect(row(id).error).toContain("550");
    expect(sink.mails).toHaveLength(0);
  });

  it("opens a sealed one-time link only on the way out: the stored body keeps it sealed, the mail carries the link", async () => {
    const { sealSecret } = await import("./sealing");
    const { sealedLinkMarker } = await import("@/lib/outbox/sealed-links");
    const link = "http://candor.test/invite/Abc_def-123";
    const id = enqueue({
      to: "nia@example.com",
      locale: "en",
      subject: "Invited",
      body: `Open ${sealedLinkMarker(sealSecret(link))} to start.`,
    });
    await mailer.sendPendingMail();
    expect(sink.mails[0].text).toBe(`Open ${link} to start.`);
    const stored = db.$client.prepare("SELECT body FROM outbox WHERE id = ?").get(id) as { body: string };
    expect(stored.body).not.toContain(link);
  });

  it("recovers a send lost to a crash mid-send: the message goes out once on the next run", async () => {
    const t0 = Date.now();
    const id = enqueue({ to: "lost@example.com", locale: "en", subject: "Your code", body: "123456" });
    db.$client.prepare("UPDATE outbox SET status = 'sending', attempts = 1, claimed_at = ? WHERE id = ?").run(t0 - SEND_TIMEOUT_MS - 1, id);
    // A claim younger than the send timeout is a send still under way: left alone.
    const young = enqueue({ to: "busy@example.com", locale: "en", subject: "Busy", body: "…" });
    db.$client.prepare("UPDATE outbox SET status = 'sending', attempts = 1, claimed_at = ? WHERE id = ?").run(t0 - 1_000, young);

    expect(await mailer.sendPendingMail({ now: () => t0 })).toMatchObject({ recovered: 1, claimed: 1, sent: 1 });
    expect(row(id)).toMatchObject({ status: "sent", attempts: 2 });
    expect(row(young).status).toBe("sending");
    expect(sink.mails.map((m) => m.to)).toEqual([["lost@example.com"]]);
  });
});
