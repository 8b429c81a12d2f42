import "server-only";
import { and, desc, eq, type SQL } from "drizzle-orm";
import { db } from "../client";
import type { OutboxKind } from "@/lib/outbox/vocabulary";
import { outbox, type OutboxMessage } from "../schema";

export type NewMessage = {
  toAddress: string;
  kind: OutboxKind;
  locale: string;
  subjectLine: string;
  body: string;
  subjectId?: number | null;
  requestId?: number | null;
};

/** Queues a message to a subject; the dispatcher sends it by SMTP when configured, otherwise it waits in the outbox viewer. */
export function enqueueMessage(m: NewMessage): OutboxMessage {
  return db
    .insert(outbox)
    .values({ ...m, status: "pending" })
    .returning()
    .get();
}

export type OutboxFilter = { to?: string; kind?: OutboxKind; status?: OutboxMessage["status"]; page: number; pageSize: number };

/** Newest first, for the outbox viewer. */
export function listOutbox(f: OutboxFilter): { rows: OutboxMessage[]; hasMore: boolean } {
  const where: SQL[] = [];
  if (f.to) where.push(eq(outbox.toAddress, f.to.trim().toLowerCase()));
  if (f.kind) where.push(eq(outbox.kind, f.kind));
  if (f.status) where.push(eq(outbox.status, f.status));
  const rows = db
    .select()
    .from(outbox)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(outbox.id))
    .limit(f.pageSize + 1)
    .offset((f.page - 1) * f.pageSize)
    .all();
  return { rows: rows.slice(0, f.pageSize), hasMore: rows.length > f.pageSize };
}

export function getOutboxMessage(id: number): OutboxMessage | undefined {
  return db.select().from(outbox).where(eq(outbox.id, id)).get();
}
