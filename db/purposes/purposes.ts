import "server-only";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { db } from "../client";
import {
  notices,
  noticeVersions,
  purposeRecipients,
  purposes,
  recipients,
  staffUsers,
  type Purpose,
  type PurposeRevision,
  type Recipient,
} from "../schema";
import { completeRevisionFields } from "@/lib/purposes/compare";
import { getOpenRevision } from "./workflow";

/** A recipient as a purpose names it, read from the registry: its id there, name, role and country. */
export type PurposeRecipientView = Pick<Recipient, "id" | "name" | "role" | "country">;

export type PurposeListItem = Purpose & { recipients: PurposeRecipientView[]; recipientIds: number[]; publishedLocales: string[] };

/** Purposes with their recipients and the locales that have a published notice. */
export function listPurposes(filter: { status?: Purpose["status"] } = {}): PurposeListItem[] {
  const rows = db
    .select()
    .from(purposes)
    .where(filter.status ? eq(purposes.status, filter.status) : undefined)
    .orderBy(asc(purposes.name))
    .all();
  return withRecipientsAndNotices(rows);
}

function listPurposesByIds(ids: number[]): PurposeListItem[] {
  return withRecipientsAndNotices(db.select().from(purposes).where(inArray(purposes.id, ids)).all());
}

function withRecipientsAndNotices(rows: Purpose[]): PurposeListItem[] {
  if (rows.length === 0) return [];
  const ids = rows.map((p) => p.id);
  const links = db
    .selectDistinct({
      purposeId: purposeRecipients.purposeId,
      id: recipients.id,
      name: recipients.name,
      role: recipients.role,
      country: recipients.country,
    })
    .from(purposeRecipients)
    .innerJoin(recipients, eq(recipients.id, purposeRecipients.recipientId))
    .where(and(inArray(purposeRecipients.purposeId, ids), isNull(purposeRecipients.unlinkedAt)))
    .orderBy(sql`${recipients.name} COLLATE NOCASE`, asc(recipients.id))
    .all();
  const published = db
    .selectDistinct({ purposeId: notices.purposeId, locale: notices.locale })
    .from(notices)
    .innerJoin(noticeVersions, eq(noticeVersions.noticeId, notices.id))
    .where(and(eq(noticeVersions.status, "published"), inArray(notices.purposeId, ids)))
    .all();
  return rows.map((p) => {
    const own = links.filter((r) => r.purposeId === p.id).map(({ id, name, role, country }) => ({ id, name, role, country }));
    return {
      ...p,
      recipients: own,
      recipientIds: own.map((r) => r.id),
      publishedLocales: published
        .filter((n) => n.purposeId === p.id)
        .map((n) => n.locale)
        .sort(),
    };
  });
}

/** How many purposes are in each status. */
export function countPurposesByStatus(): Record<Purpose["status"], number> {
  const counts = { draft: 0, in_review: 0, active: 0, retired: 0 };
  for (const r of db
    .select({ status: purposes.status, n: sql<number>`count(*)` })
    .from(purposes)
    .groupBy(purposes.status)
    .all())
    counts[r.status] = r.n;
  return counts;
}

export type PurposeDetail = PurposeListItem & {
  authorName: string | null;
  reviewerName: string | null;
  openRevision: (PurposeRevision & { authorName: string | null }) | null;
};

/** One purpose with everything its page shows, or undefined. */
export function getPurposeDetail(id: number): PurposeDetail | undefined {
  const p = db.select().from(purposes).where(eq(purposes.id, id)).get();
  if (!p) return undefined;
  const [item] = listPurposesByIds([p.id]);
  const name = (userId: number | null) =>
    userId ? (db.select({ name: staffUsers.name }).from(staffUsers).where(eq(staffUsers.id, userId)).get()?.name ?? null) : null;
  const revision = getOpenRevision(p.id);
  return {
    ...item,
    authorName: name(p.createdById),
    reviewerName: name(p.reviewedById),
    openRevision: revision
      ? { ...revision, fields: completeRevisionFields(revision.fields, item), authorName: name(revision.createdById) }
      : null,
  };
}
