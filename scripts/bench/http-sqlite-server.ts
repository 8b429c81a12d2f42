// The plain node:http probe behind limit.http-sqlite.single, run by ./http-sqlite.ts in a child process.
// Like ./raw-insert.ts it may import better-sqlite3: it measures what the platform allows without
// Candor's layers or a framework. Per POST: read the body, parse the JSON event, find the subject by
// its external id and the purpose in a map, insert one keyed row in its own transaction, answer 201.
// Usage (forked, with an IPC channel): http-sqlite-server.ts <store> <copy>: it copies the store through SQLite's
// backup API (a consistent snapshot while the server has it open), serves the copy and sends { port } once listening.
import http from "node:http";
import Database from "better-sqlite3";
import { connectionPragmas, serverPragmas } from "@/db/connection";
import { startCheckpointer } from "@/db/ops/checkpointer";

const [source, file] = process.argv.slice(2);
if (!source || !file || !process.send) throw new Error("usage: fork http-sqlite-server.ts <store> <copy> (with an IPC channel)");

/** The copy, taken before anything else opens it. */
async function copyStore(): Promise<void> {
  const live = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await live.backup(file, { progress: () => 100_000 });
  } finally {
    live.close();
  }
}

async function main() {
  await copyStore();
  const db = new Database(file, { fileMustExist: true });
  for (const pragma of [...connectionPragmas, ...serverPragmas]) db.pragma(pragma);
  const checkpointer = startCheckpointer(file, { optimizeEveryMs: null });

  // Each consent purpose's newest published English notice version, read once like a warm cache.
  const purposes = new Map(
    (
      db
        .prepare(
          `SELECT p.key AS key, p.id AS id, max(v.id) AS versionId FROM purposes p JOIN notices n ON n.purpose_id = p.id AND n.locale = 'en'
         JOIN notice_versions v ON v.notice_id = n.id AND v.status = 'published' GROUP BY p.id`,
        )
        .all() as { key: string; id: number; versionId: number }[]
    ).map((p) => [p.key, p]),
  );
  const subjectId = db.prepare("SELECT id FROM subjects WHERE external_id = ?").pluck();
  const insert = db.prepare(
    `INSERT INTO consent_events (subject_id, purpose_id, notice_version_id, event, channel, jurisdiction, source, locale, gpc,
     idempotency_key, occurred_at, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'en', 0, ?, ?, ?)`,
  );

  type Event = {
    subject?: { externalId?: unknown; jurisdiction?: unknown };
    purpose?: unknown;
    event?: unknown;
    channel?: unknown;
    source?: unknown;
    idempotencyKey?: unknown;
  };

  function store(body: string): { status: number; answer: unknown } {
    let event: Event;
    try {
      event = JSON.parse(body) as Event;
    } catch {
      return { status: 400, answer: { title: "not JSON" } };
    }
    const purpose = typeof event.purpose === "string" ? purposes.get(event.purpose) : undefined;
    const id = typeof event.subject?.externalId === "string" ? (subjectId.get(event.subject.externalId) as number | undefined) : undefined;
    const text = (v: unknown) => (typeof v === "string" ? v : null);
    if (!purpose || id === undefined || !text(event.event) || !text(event.subject?.jurisdiction) || !text(event.source))
      return { status: 422, answer: { title: "unknown subject or purpose, or a field missing" } };
    const now = Date.now();
    const row = insert.run(
      id,
      purpose.id,
      purpose.versionId,
      event.event,
      text(event.channel),
      event.subject!.jurisdiction,
      event.source,
      text(event.idempotencyKey),
      now,
      now,
    );
    return { status: 201, answer: { id: Number(row.lastInsertRowid) } };
  }

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      let result: { status: number; answer: unknown };
      try {
        result = request.method === "POST" ? store(Buffer.concat(chunks).toString("utf8")) : { status: 405, answer: {} };
      } catch (error) {
        result = { status: 500, answer: { title: error instanceof Error ? error.message : String(error) } };
      }
      response.writeHead(result.status, { "content-type": "application/json" }).end(JSON.stringify(result.answer));
    });
  });

  const shutdown = () => {
    server.close();
    void checkpointer.terminate().finally(() => {
      db.close();
      process.exit(0);
    });
  };
  process.on("SIGTERM", shutdown);
  process.on("disconnect", shutdown);
  server.listen(0, "127.0.0.1", () => process.send!({ port: (server.address() as { port: number }).port }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
