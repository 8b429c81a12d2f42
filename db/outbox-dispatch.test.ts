import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "./connection";
import { dispatchOutbox } from "./outbox-dispatch";
import { createTempDatabase } from "./testing/temp-db";

const temp = createTempDatabase("outbox");
const db = openDatabase(temp.file);
afterAll(() => {
  db.$client.close();
  temp.cleanup();
});

const enqueue = (to: string) =>
  db.$client
    .prepare("INSERT INTO outbox (to_address, kind, locale, subject_line, body, status, created_at) VALUES (?, 'test', 'en', 's', 'b', 'pending', 0)")
    .run(to);

describe("dispatchOutbox", () => {
  it("sends each pending message once and records failures with their reason", async () => {
    enqueue("ok@example.com");
    enqueue("bad@example.com");
    const seen: string[] = [];
    const result = await dispatchOutbox(db, async (m) => {
      seen.push(m.toAddress);
      if (m.toAddress.startsWith("bad")) throw new Error("550 mailbox unavailable");
    });
    expect(result).toEqual({ sent: 1, failed: 1 });
    expect(seen).toEqual(["ok@example.com", "bad@example.com"]);
    const rows = db.$client.prepare("SELECT to_address AS t, status, error FROM outbox ORDER BY id").all();
    expect(rows).toEqual([
      { t: "ok@example.com", status: "sent", error: null },
      { t: "bad@example.com", status: "failed", error: "550 mailbox unavailable" },
    ]);
    expect(await dispatchOutbox(db, async () => {})).toEqual({ sent: 0, failed: 0 });
  });
});
