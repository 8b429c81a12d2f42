import "server-only";
import { and, desc, eq, gte, like, lt, or, type SQL } from "drizzle-orm";
import { db } from "../client";
import { auditLog, type AuditEntry } from "../schema";
import { appendAuditEntry, verifyAuditChain, type NewAuditEntry } from "./audit-chain";

/** Appends one entry to the hash-chained audit log. */
export function createAuditEntry(entry: NewAuditEntry): AuditEntry {
  return appendAuditEntry(db, entry);
}

export type AuditFilter = {
  action?: string;
  actorId?: number;
  outcome?: AuditEntry["outcome"];
  q?: string;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
};

/** Newest first, filtered, one page at a time. */
export function listAuditEntries(f: AuditFilter): { rows: AuditEntry[]; hasMore: boolean } {
  const where: SQL[] = [];
  if (f.action) where.push(like(auditLog.action, `${f.action}%`));
  if (f.actorId) where.push(eq(auditLog.actorId, f.actorId));
  if (f.outcome) where.push(eq(auditLog.outcome, f.outcome));
  if (f.from) where.push(gte(auditLog.at, f.from));
  if (f.to) where.push(lt(auditLog.at, f.to));
  if (f.q) {
    const pattern = `%${f.q}%`;
    where.push(or(like(auditLog.details, pattern), like(auditLog.targetId, pattern), like(auditLog.actorLabel, pattern))!);
  }
  const rows = db
    .select()
    .from(auditLog)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(f.pageSize + 1)
    .offset((f.page - 1) * f.pageSize)
    .all();
  return { rows: rows.slice(0, f.pageSize), hasMore: rows.length > f.pageSize };
}

/** The distinct actions logged so far, for the filter menu. */
export function listAuditActions(): string[] {
  return db
    .selectDistinct({ action: auditLog.action })
    .from(auditLog)
    .orderBy(auditLog.action)
    .all()
    .map((r) => r.action);
}

/** Whether the chain is intact, for the audit page's status line. */
export function getAuditChainStatus() {
  return verifyAuditChain(db);
}
