import "server-only";
import { and, eq, inArray, isNull, notInArray } from "drizzle-orm";
import { decideReview, type ReviewAction } from "@/lib/review/workflow";
import { missingNoticeLanguages } from "@/lib/notices/required-languages";
import { completeRevisionFields } from "@/lib/purposes/compare";
import type { PurposeFieldsInput } from "@/lib/purposes/schemas";
import { db } from "../client";
import { appendAuditEntry } from "../staff/audit-chain";
import { tellReviewSubmitted } from "../notifications/run";
import { ConflictError, DuplicateError, NoticesMissingError, NotFoundError, RefusedError } from "@/lib/errors";
import {
  brandSettings,
  notices,
  noticeVersions,
  purposeRecipients,
  purposeRevisions,
  purposes,
  recipients,
  type Purpose,
  type PurposeRevision,
} from "../schema";
import type { Actor } from "../staff/staff";

const openRevisionStatuses = ["draft", "in_review"] as const;

function audit(actor: Actor, action: string, purposeId: number, details: Record<string, unknown> = {}) {
  return appendAuditEntry(db, { actorId: actor.id, actorLabel: actor.email, action, targetType: "purpose", targetId: purposeId, details });
}

function loadPurpose(id: number): Purpose {
  const p = db.select().from(purposes).where(eq(purposes.id, id)).get();
  if (!p) throw new NotFoundError("purpose");
  return p;
}

/** The revision of an active purpose that is still being drafted or reviewed, if any. */
export function getOpenRevision(purposeId: number): PurposeRevision | undefined {
  return db
    .select()
    .from(purposeRevisions)
    .where(and(eq(purposeRevisions.purposeId, purposeId), inArray(purposeRevisions.status, [...openRevisionStatuses])))
    .get();
}

function check(
  item: { status: "draft" | "in_review" | "approved"; authorId: number | null },
  action: ReviewAction,
  actor: Actor,
  comment?: string,
) {
  const d = decideReview(item, action, actor, comment);
  if (!d.ok) throw new ConflictError(d.reason);
  return d.next;
}

/** The registry rows a purpose names; an id no longer in the registry is refused beside the field. */
function requireRecipients(ids: readonly number[]) {
  if (ids.length === 0) return [];
  const rows = db
    .select()
    .from(recipients)
    .where(inArray(recipients.id, [...ids]))
    .all();
  if (rows.length !== new Set(ids).size) throw new RefusedError("unknown-recipient", "recipientIds");
  return rows;
}

/**
 * Sets a purpose's links to the registry (one open link per recipient). A draft never sent anyone data, so its
 * links are simply replaced. A live purpose's links are history (who received its data, and when, decides who
 * hears of a person's erasure): a recipient dropped has its link closed, a recipient added gets a new one.
 */
function linkRecipients(purposeId: number, ids: readonly number[], live: boolean) {
  const rows = requireRecipients(ids);
  const now = new Date();
  const open = and(eq(purposeRecipients.purposeId, purposeId), isNull(purposeRecipients.unlinkedAt));
  const kept = live ? db.select({ id: purposeRecipients.recipientId }).from(purposeRecipients).where(open).all() : [];
  const wanted = rows.map((r) => r.id);
  if (!live) db.delete(purposeRecipients).where(eq(purposeRecipients.purposeId, purposeId)).run();
  else if (kept.some((k) => !wanted.includes(k.id)))
    db.update(purposeRecipients)
      .set({ unlinkedAt: now })
      .where(and(open, notInArray(purposeRecipients.recipientId, wanted)))
      .run();
  const added = wanted.filter((id) => !kept.some((k) => k.id === id));
  if (added.length)
    db.insert(purposeRecipients)
      .values(added.map((recipientId) => ({ purposeId, recipientId, linkedAt: now })))
      .run();
}

function writeFields(purposeId: number, fields: PurposeFieldsInput | PurposeRevision["fields"], live: boolean) {
  const { recipientIds, ...columns } = fields;
  db.update(purposes)
    .set({ ...columns, updatedAt: new Date() })
    .where(eq(purposes.id, purposeId))
    .run();
  linkRecipients(purposeId, recipientIds, live);
}

/** Drafts a new purpose. Its key is permanent: consent records and public URLs use it. */
export function createPurpose(input: PurposeFieldsInput & { key: string }, actor: Actor): Purpose {
  return db.$client
    .transaction(() => {
      if (db.select({ id: purposes.id }).from(purposes).where(eq(purposes.key, input.key)).get()) throw new DuplicateError("key");
      const { recipientIds, ...columns } = input;
      const p = db
        .insert(purposes)
        .values({ ...columns, status: "draft", createdById: actor.id })
        .returning()
        .get();
      linkRecipients(p.id, recipientIds, false);
      audit(actor, "purpose.create", p.id, { key: p.key, name: p.name });
      return p;
    })
    .immediate();
}

/**
 * Saves edits. A draft is edited in place; an active purpose gets a revision
 * that waits for review while the active version stays in force.
 */
export function savePurposeEdits(purposeId: number, fields: PurposeFieldsInput, actor: Actor): "draft" | "revision" {
  return db.$client
    .transaction(() => {
      const p = loadPurpose(purposeId);
      if (p.status === "draft") {
        check({ status: "draft", authorId: p.createdById }, "edit", actor);
        writeFields(purposeId, fields, false);
        audit(actor, "purpose.update", purposeId, { fields: Object.keys(fields) });
        return "draft" as const;
      }
      if (p.status !== "active") throw new ConflictError(p.status === "in_review" ? "in-review-locked" : "retired-locked");
      requireRecipients(fields.recipientIds);
      const open = getOpenRevision(purposeId);
      if (open) {
        check({ status: open.status as "draft" | "in_review", authorId: open.createdById }, "edit", actor);
        db.update(purposeRevisions).set({ fields, updatedAt: new Date() }).where(eq(purposeRevisions.id, open.id)).run();
        audit(actor, "purpose.revision.update", purposeId, { revisionId: open.id });
      } else {
        const r = db.insert(purposeRevisions).values({ purposeId, status: "draft", fields, createdById: actor.id }).returning().get();
        audit(actor, "purpose.revision.create", purposeId, { revisionId: r.id });
      }
      return "revision" as const;
    })
    .immediate();
}

/**
 * Sends a draft purpose, or an active purpose's draft revision, to review. With `links`, the reviewers who asked
 * to hear at once are told in the same transaction (otherwise the staff notification job tells them).
 */
export function submitPurpose(purposeId: number, actor: Actor, links?: { baseUrl: string }): void {
  db.$client
    .transaction(() => {
      const p = loadPurpose(purposeId);
      if (p.status === "draft") {
        check({ status: "draft", authorId: p.createdById }, "submit", actor);
        db.update(purposes)
          .set({ status: "in_review", reviewComment: null, updatedAt: new Date() })
          .where(eq(purposes.id, purposeId))
          .run();
        const entry = audit(actor, "purpose.submit", purposeId);
        if (links) tellReviewSubmitted(db, entry.id, links);
        return;
      }
      const open = p.status === "active" ? getOpenRevision(purposeId) : undefined;
      if (!open) throw new ConflictError("wrong-status");
      check({ status: open.status as "draft", authorId: open.createdById }, "submit", actor);
      db.update(purposeRevisions)
        .set({ status: "in_review", reviewComment: null, updatedAt: new Date() })
        .where(eq(purposeRevisions.id, open.id))
        .run();
      const entry = audit(actor, "purpose.revision.submit", purposeId, { revisionId: open.id });
      if (links) tellReviewSubmitted(db, entry.id, links);
    })
    .immediate();
}

/** The locales in which the purpose has a published notice. */
function publishedNoticeLocales(purposeId: number): string[] {
  return db
    .selectDistinct({ locale: notices.locale })
    .from(notices)
    .innerJoin(noticeVersions, eq(noticeVersions.noticeId, notices.id))
    .where(and(eq(notices.purposeId, purposeId), eq(noticeVersions.status, "published")))
    .all()
    .map((r) => r.locale);
}

/** Refuses to put a purpose in force in these jurisdictions while a notice in a language they require is unpublished (PIPA Art. 15(2), APPI Art. 21(2), GDPR Art. 13). */
function requireNotices(purposeId: number, jurisdictions: string[]): void {
  const setting = db.select({ noticeLanguages: brandSettings.noticeLanguages }).from(brandSettings).where(eq(brandSettings.id, 1)).get();
  const missing = missingNoticeLanguages(jurisdictions, setting?.noticeLanguages ?? null, publishedNoticeLocales(purposeId));
  if (missing.length) throw new NoticesMissingError(missing);
}

/**
 * Approves what is in review: a new purpose goes live, or a revision replaces
 * the active fields. Either is refused while a notice its jurisdictions
 * require is unpublished; the refusal names the missing languages.
 */
export function approvePurpose(purposeId: number, actor: Actor): void {
  db.$client
    .transaction(() => {
      const p = loadPurpose(purposeId);
      const now = new Date();
      if (p.status === "in_review") {
        check({ status: "in_review", authorId: p.createdById }, "approve", actor);
        requireNotices(purposeId, p.jurisdictions);
        db.update(purposes)
          .set({ status: "active", reviewedById: actor.id, activatedAt: now, updatedAt: now })
          .where(eq(purposes.id, purposeId))
          .run();
        // Its recipients get data from now on, not from when the draft named them.
        db.update(purposeRecipients).set({ linkedAt: now }).where(eq(purposeRecipients.purposeId, purposeId)).run();
        audit(actor, "purpose.approve", purposeId);
        return;
      }
      const open = p.status === "active" ? getOpenRevision(purposeId) : undefined;
      if (!open) throw new ConflictError("wrong-status");
      check({ status: open.status as "in_review", authorId: open.createdById }, "approve", actor);
      const linked = db
        .select({ id: purposeRecipients.recipientId })
        .from(purposeRecipients)
        .where(and(eq(purposeRecipients.purposeId, p.id), isNull(purposeRecipients.unlinkedAt)))
        .all();
      const fields = completeRevisionFields(open.fields, { jurisdictions: p.jurisdictions, recipientIds: linked.map((r) => r.id) });
      requireNotices(purposeId, fields.jurisdictions);
      writeFields(purposeId, fields, true);
      db.update(purposes).set({ reviewedById: actor.id }).where(eq(purposes.id, purposeId)).run();
      db.update(purposeRevisions)
        .set({ status: "approved", reviewedById: actor.id, decidedAt: now })
        .where(eq(purposeRevisions.id, open.id))
        .run();
      audit(actor, "purpose.revision.approve", purposeId, { revisionId: open.id });
    })
    .immediate();
}

/** Sends what is in review back to its author with a comment. */
export function returnPurpose(purposeId: number, comment: string, actor: Actor): void {
  db.$client
    .transaction(() => {
      const p = loadPurpose(purposeId);
      const now = new Date();
      if (p.status === "in_review") {
        check({ status: "in_review", authorId: p.createdById }, "return", actor, comment);
        db.update(purposes)
          .set({ status: "draft", reviewComment: comment, reviewedById: actor.id, updatedAt: now })
          .where(eq(purposes.id, purposeId))
          .run();
        audit(actor, "purpose.return", purposeId, { comment });
        return;
      }
      const open = p.status === "active" ? getOpenRevision(purposeId) : undefined;
      if (!open) throw new ConflictError("wrong-status");
      check({ status: open.status as "in_review", authorId: open.createdById }, "return", actor, comment);
      db.update(purposeRevisions)
        .set({ status: "draft", reviewComment: comment, reviewedById: actor.id, updatedAt: now })
        .where(eq(purposeRevisions.id, open.id))
        .run();
      audit(actor, "purpose.revision.return", purposeId, { revisionId: open.id, comment });
    })
    .immediate();
}

/** Retires an active purpose: it is no longer offered, and its history stays. */
export function retirePurpose(purposeId: number, actor: Actor): void {
  db.$client
    .transaction(() => {
      const p = loadPurpose(purposeId);
      if (p.status !== "active") throw new ConflictError("wrong-status");
      const now = new Date();
      db.update(purposes).set({ status: "retired", retiredAt: now, updatedAt: now }).where(eq(purposes.id, purposeId)).run();
      const open = getOpenRevision(purposeId);
      if (open) db.update(purposeRevisions).set({ status: "withdrawn", decidedAt: now }).where(eq(purposeRevisions.id, open.id)).run();
      audit(actor, "purpose.retire", purposeId);
    })
    .immediate();
}
