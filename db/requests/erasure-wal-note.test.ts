import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "../testing/temp-db";
import { holdSnapshot } from "../testing/hold-snapshot";
import { sealedLinkMarker } from "@/lib/outbox/sealed-links";
import { noteText } from "@/lib/requests/system-notes";

// Issue 22, deliverable 4: when a reader's snapshot made the erasure wait to empty the WAL, the request's timeline says so.
const temp = createTempDatabase("erasure-wal-note");
process.env.DATABASE_PATH = temp.file;

let ff: typeof import("./fulfilment");
let client: typeof import("../client");
const officer = { id: 0, email: "officer@example.com" };
const links = { baseUrl: "http://candor.test", seal: (link: string) => sealedLinkMarker(Buffer.from(link).toString("base64url")) };

beforeAll(async () => {
  client = await import("../client");
  ff = await import("./fulfilment");
  const sql = client.db.$client;
  sql
    .prepare(
      "INSERT INTO brand_settings (id, name, legal_name, address, contact_email, dpo_email, website_url, enabled_locales, allowed_origins, time_zone) VALUES (1, 'Northtrail', 'N Ltd', 'Seoul', 'hello@northtrail.example', 'privacy@northtrail.example', 'https://x', '[]', '[]', 'Asia/Seoul')",
    )
    .run();
  officer.id = (
    sql
      .prepare(
        "INSERT INTO staff_users (email, name, role, password_hash, created_at) VALUES (?, 'Olga Officer', 'privacy_officer', 'x', 0) RETURNING id",
      )
      .get(officer.email) as { id: number }
  ).id;
});
afterAll(() => {
  client.db.$client.close();
  temp.cleanup();
});

let seq = 0;
function verifiedDeletion(): number {
  const sql = client.db.$client;
  const n = ++seq;
  const sid = (
    sql
      .prepare(
        "INSERT INTO subjects (uid, external_id, email, jurisdiction, locale, created_at) VALUES (?, ?, ?, 'KR', 'ko', 0) RETURNING id",
      )
      .get(`uid-wal-${n}`, `CUST-WAL-${n}`, `wal.${n}@example.org`) as { id: number }
  ).id;
  const now = Date.now();
  return (
    sql
      .prepare(
        `INSERT INTO subject_requests (ref, subject_id, type, status, jurisdiction, intake, verification, details, received_at, due_at, verified_at, created_at)
       VALUES (?, ?, 'deletion', 'in_progress', 'KR', 'api', 'code', NULL, ?, ?, ?, ?) RETURNING id`,
      )
      .get(`REQ-2026-9${String(n).padStart(4, "0")}`, sid, now, now + 86_400_000, now, now) as { id: number }
  ).id;
}
const notesOf = (requestId: number) =>
  client.db.$client
    .prepare("SELECT note FROM request_events WHERE request_id = ? AND note IS NOT NULL ORDER BY id")
    .pluck()
    .all(requestId) as string[];

describe("completing a deletion while a reader holds an older snapshot", () => {
  it("says in the request's timeline that the erasure waited for the WAL to be emptied, and how long", async () => {
    const id = verifiedDeletion();
    const reader = await holdSnapshot(temp.file, 400);
    ff.completeRequest(id, officer, links);
    await reader.released;
    const note = notesOf(id).find((n) => n.includes("write-ahead log"));
    expect(note).toMatch(/^the erased data stayed in the store's write-ahead log while a reader finished; it was emptied after \d+\.\d s$/);
    expect(noteText(note!, "ko")).toMatch(/초 후에 비웠습니다/);
  });

  it("says nothing of the WAL when no reader held it", () => {
    const id = verifiedDeletion();
    ff.completeRequest(id, officer, links);
    expect(notesOf(id).some((n) => n.includes("write-ahead log"))).toBe(false);
    expect(notesOf(id)).toContain("personal data erased; tombstone kept");
  });
});
