import "server-only";
import { alias } from "drizzle-orm/sqlite-core";
import { and, asc, desc, eq, inArray, max } from "drizzle-orm";
import { db } from "../client";
import { perConnection } from "../prepared";
import { notices, noticeVersions, purposes, staffUsers, type NoticeVersion, type Purpose } from "../schema";
import { activePurposes } from "../purposes/active";

export type NoticeVersionRow = NoticeVersion & {
  purposeId: number;
  locale: string;
  authorName: string | null;
  reviewerName: string | null;
};

const author = alias(staffUsers, "author");
const reviewer = alias(staffUsers, "reviewer");

function versionsWhere(where: ReturnType<typeof and>) {
  return db
    .select({
      v: noticeVersions,
      purposeId: notices.purposeId,
      locale: notices.locale,
      authorName: author.name,
      reviewerName: reviewer.name,
    })
    .from(noticeVersions)
    .innerJoin(notices, eq(notices.id, noticeVersions.noticeId))
    .leftJoin(author, eq(author.id, noticeVersions.authorId))
    .leftJoin(reviewer, eq(reviewer.id, noticeVersions.reviewerId))
    .where(where)
    .orderBy(asc(notices.locale), desc(noticeVersions.version))
    .all()
    .map((r) => ({ ...r.v, purposeId: r.purposeId, locale: r.locale, authorName: r.authorName, reviewerName: r.reviewerName }));
}

/** Every version of every notice of a purpose, newest first within each locale. */
export function listNoticeVersions(purposeId: number): NoticeVersionRow[] {
  return versionsWhere(and(eq(notices.purposeId, purposeId)));
}

/** One version with its purpose and locale, or undefined. */
export function getNoticeVersion(versionId: number): NoticeVersionRow | undefined {
  return versionsWhere(and(eq(noticeVersions.id, versionId)))[0];
}

/** Versions in review across all purposes, for the reviewer's list. */
export function listNoticesInReview(): (NoticeVersionRow & { purposeName: string })[] {
  const rows = db
    .select({ id: noticeVersions.id, purposeName: purposes.name })
    .from(noticeVersions)
    .innerJoin(notices, eq(notices.id, noticeVersions.noticeId))
    .innerJoin(purposes, eq(purposes.id, notices.purposeId))
    .where(eq(noticeVersions.status, "in_review"))
    .all();
  return rows.map((r) => ({ ...getNoticeVersion(r.id)!, purposeName: r.purposeName }));
}

export type PublicNotice = { purpose: Purpose; version: NoticeVersion; locale: string };

/**
 * The published notice of each active purpose in a locale; a purpose with no
 * notice in that locale falls back to English, and says so through `locale`.
 */
export function listPublishedNotices(locale: string, purposeKey?: string): PublicNotice[] {
  const q = publishedReads(db);
  const active = activePurposes(db)
    .all()
    .filter((p) => purposeKey === undefined || p.key === purposeKey);
  if (active.length === 0) return [];
  const published = q.published.all();
  const out: PublicNotice[] = [];
  for (const purpose of active) {
    const mine = published.filter((n) => n.purposeId === purpose.id);
    const pick = mine.find((n) => n.locale === locale) ?? mine.find((n) => n.locale === "en") ?? mine[0];
    if (pick) out.push({ purpose, version: pick.v, locale: pick.locale });
  }
  return out;
}

// The public pages and the preference center read these on every request: built once per connection (db/prepared.ts).
const publishedReads = perConnection((d) => ({
  // Every published version of an active purpose's notices, in every locale (a few rows per purpose).
  published: d
    .select({ v: noticeVersions, locale: notices.locale, purposeId: notices.purposeId })
    .from(noticeVersions)
    .innerJoin(notices, eq(notices.id, noticeVersions.noticeId))
    .innerJoin(purposes, eq(purposes.id, notices.purposeId))
    .where(and(eq(noticeVersions.status, "published"), eq(purposes.status, "active")))
    .prepare(),
}));

/**
 * The title each purpose goes by in a language: its newest published notice title in that locale
 * (a notice since replaced still names a retired purpose), keyed by purpose key so a revision in
 * draft reads like the purpose it revises. A purpose never published in the locale is absent.
 */
export function listPurposeTitles(locale: string): Map<string, string> {
  const rows = db
    .select({ key: purposes.key, title: noticeVersions.title })
    .from(noticeVersions)
    .innerJoin(notices, eq(notices.id, noticeVersions.noticeId))
    .innerJoin(purposes, eq(purposes.id, notices.purposeId))
    .where(and(eq(notices.locale, locale), inArray(noticeVersions.status, ["published", "superseded"])))
    .orderBy(asc(noticeVersions.publishedAt), asc(noticeVersions.id))
    .all();
  // Oldest first, so the newest publication of a key is the one kept.
  return new Map(rows.map((r) => [r.key, r.title]));
}

/** When the brand last changed what it sells or shares: the newest publication of a sale/sharing purpose's notice. */
export function lastSaleSharingChange(): Date | null {
  const row = db
    .select({ at: max(noticeVersions.publishedAt) })
    .from(noticeVersions)
    .innerJoin(notices, eq(notices.id, noticeVersions.noticeId))
    .innerJoin(purposes, eq(purposes.id, notices.purposeId))
    .where(and(eq(purposes.saleOrSharing, true), inArray(noticeVersions.status, ["published", "superseded"])))
    .get();
  return row?.at ?? null;
}
