import "server-only";
import { and, eq, inArray, max } from "drizzle-orm";
import { decideReview, type ReviewAction } from "@/lib/review/workflow";
import { db } from "../client";
import { appendAuditEntry } from "../staff/audit-chain";
import { tellReviewSubmitted } from "../notifications/run";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { notices, noticeVersions, purposes, type NoticeVersion, type ShortLayer } from "../schema";
import type { Actor } from "../staff/staff";
import { notifyNoticeChange } from "./notifications";

export type NoticeDraftInput = {
  title: string;
  shortLayer: ShortLayer;
  fullText: string;
  material: boolean;
  changeSummary: string | null;
};

function audit(actor: Actor, action: string, v: { id: number; version: number }, extra: Record<string, unknown> = {}) {
  return appendAuditEntry(db, {
    actorId: actor.id,
    actorLabel: actor.email,
    action,
    targetType: "notice_version",
    targetId: v.id,
    details: { version: v.version, ...extra },
  });
}

function loadVersion(id: number): NoticeVersion & { purposeId: number; locale: string } {
  const row = db
    .select({ v: noticeVersions, purposeId: notices.purposeId, locale: notices.locale })
    .from(noticeVersions)
    .innerJoin(notices, eq(notices.id, noticeVersions.noticeId))
    .where(eq(noticeVersions.id, id))
    .get();
  if (!row) throw new NotFoundError("notice version");
  return { ...row.v, purposeId: row.purposeId, locale: row.locale };
}

/** A first version changes nothing a reader was told, so it is never a material change and has no change to sum up. */
function forVersion(version: number, input: NoticeDraftInput): NoticeDraftInput {
  return version === 1 ? { ...input, material: false, changeSummary: null } : input;
}

const reviewStatus = { draft: "draft", in_review: "in_review", published: "approved", superseded: "approved" } as const;

function check(v: NoticeVersion, action: ReviewAction, actor: Actor, comment?: string) {
  if ((v.status === "published" || v.status === "superseded") && action === "edit") throw new ConflictError("published-immutable");
  const d = decideReview({ status: reviewStatus[v.status], authorId: v.authorId }, action, actor, comment);
  if (!d.ok) throw new ConflictError(d.reason);
}

/**
 * Saves a draft. With a version id it edits that draft (a published version
 * is refused: it is immutable); without one it starts the next version,
 * unless a draft or review is already open for this notice.
 */
export function saveNoticeDraft(
  target: { versionId: number } | { purposeId: number; locale: string },
  input: NoticeDraftInput,
  actor: Actor,
): NoticeVersion {
  return db.$client
    .transaction(() => {
      if ("versionId" in target) {
        const v = loadVersion(target.versionId);
        check(v, "edit", actor);
        const saved = db
          .update(noticeVersions)
          .set({ ...forVersion(v.version, input), authorId: v.authorId ?? actor.id })
          .where(eq(noticeVersions.id, v.id))
          .returning()
          .get();
        audit(actor, "notice.update", saved, { locale: v.locale, purposeId: v.purposeId });
        return saved;
      }
      const purpose = db.select({ id: purposes.id }).from(purposes).where(eq(purposes.id, target.purposeId)).get();
      if (!purpose) throw new NotFoundError("purpose");
      let notice = db
        .select()
        .from(notices)
        .where(and(eq(notices.purposeId, target.purposeId), eq(notices.locale, target.locale)))
        .get();
      notice ??= db.insert(notices).values({ purposeId: target.purposeId, locale: target.locale }).returning().get();
      const open = db
        .select({ id: noticeVersions.id })
        .from(noticeVersions)
        .where(and(eq(noticeVersions.noticeId, notice.id), inArray(noticeVersions.status, ["draft", "in_review"])))
        .get();
      if (open) throw new ConflictError("draft-exists");
      const last = db
        .select({ v: max(noticeVersions.version) })
        .from(noticeVersions)
        .where(eq(noticeVersions.noticeId, notice.id))
        .get();
      const version = (last?.v ?? 0) + 1;
      const created = db
        .insert(noticeVersions)
        .values({ ...forVersion(version, input), noticeId: notice.id, version, status: "draft", authorId: actor.id })
        .returning()
        .get();
      audit(actor, "notice.create", created, { locale: target.locale, purposeId: target.purposeId });
      return created;
    })
    .immediate();
}

/**
 * Sends a draft to review. `missing` lists required elements still absent; any refuses the submission. With
 * `links`, reviewers who asked to hear at once are told in the same transaction (otherwise the job tells them).
 */
export function submitNoticeVersion(versionId: number, missing: string[], actor: Actor, links?: { baseUrl: string }): void {
  db.$client
    .transaction(() => {
      const v = loadVersion(versionId);
      check(v, "submit", actor);
      if (missing.length) throw new ConflictError("missing-elements");
      db.update(noticeVersions).set({ status: "in_review", reviewComment: null }).where(eq(noticeVersions.id, v.id)).run();
      const entry = audit(actor, "notice.submit", v, { locale: v.locale, purposeId: v.purposeId });
      if (links) tellReviewSubmitted(db, entry.id, links);
    })
    .immediate();
}

/**
 * Publishes a version in review: the previous published version is
 * superseded, and a material change marks earlier grants for the purpose stale.
 */
export function publishNoticeVersion(versionId: number, actor: Actor, links: { baseUrl: string }): { notified: number } {
  return db.$client
    .transaction(() => {
      const v = loadVersion(versionId);
      check(v, "approve", actor);
      const now = new Date();
      db.update(noticeVersions)
        .set({ status: "superseded" })
        .where(and(eq(noticeVersions.noticeId, v.noticeId), eq(noticeVersions.status, "published")))
        .run();
      db.update(noticeVersions)
        .set({ status: "published", reviewerId: actor.id, publishedAt: now })
        .where(eq(noticeVersions.id, v.id))
        .run();
      if (v.material) db.update(purposes).set({ materialChangeAt: now }).where(eq(purposes.id, v.purposeId)).run();
      const notified = v.version > 1 ? notifyNoticeChange(v, links.baseUrl) : 0;
      audit(actor, "notice.publish", v, { locale: v.locale, purposeId: v.purposeId, material: v.material, notified });
      return { notified };
    })
    .immediate();
}

/** Sends a version in review back to draft with the reviewer's comment. */
export function returnNoticeVersion(versionId: number, comment: string, actor: Actor): void {
  db.$client
    .transaction(() => {
      const v = loadVersion(versionId);
      check(v, "return", actor, comment);
      db.update(noticeVersions)
        .set({ status: "draft", reviewComment: comment, reviewerId: actor.id })
        .where(eq(noticeVersions.id, v.id))
        .run();
      audit(actor, "notice.return", v, { locale: v.locale, purposeId: v.purposeId, comment });
    })
    .immediate();
}
