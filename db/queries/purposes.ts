import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { db } from "../client";
import { notices, noticeVersions, purposeRecipients, purposes, type Purpose, type PurposeRecipient } from "../schema";

export type PurposeListItem = Purpose & { recipients: PurposeRecipient[]; publishedLocales: string[] };

/** Purposes with their recipients and the locales that have a published notice. */
export function listPurposes(filter: { status?: Purpose["status"] } = {}): PurposeListItem[] {
  const rows = db
    .select()
    .from(purposes)
    .where(filter.status ? eq(purposes.status, filter.status) : undefined)
    .orderBy(asc(purposes.name))
    .all();
  if (rows.length === 0) return [];
  const ids = rows.map((p) => p.id);
  const recipients = db.select().from(purposeRecipients).where(inArray(purposeRecipients.purposeId, ids)).all();
  const published = db
    .selectDistinct({ purposeId: notices.purposeId, locale: notices.locale })
    .from(notices)
    .innerJoin(noticeVersions, eq(noticeVersions.noticeId, notices.id))
    .where(and(eq(noticeVersions.status, "published"), inArray(notices.purposeId, ids)))
    .all();
  return rows.map((p) => ({
    ...p,
    recipients: recipients.filter((r) => r.purposeId === p.id),
    publishedLocales: published.filter((n) => n.purposeId === p.id).map((n) => n.locale).sort(),
  }));
}

/** How many purposes are in each status. */
export function countPurposesByStatus(): Record<Purpose["status"], number> {
  const counts = { draft: 0, in_review: 0, active: 0, retired: 0 };
  for (const r of db.select({ status: purposes.status, n: sql<number>`count(*)` }).from(purposes).groupBy(purposes.status).all())
    counts[r.status] = r.n;
  return counts;
}
