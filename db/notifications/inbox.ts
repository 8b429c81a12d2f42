import "server-only";
import { db } from "../client";

/** One thing waiting for review: a new purpose, a revision of an active one, a notice version, or a privacy policy version. */
export type ReviewItem = {
  kind: "purpose" | "purpose-revision" | "notice-version" | "policy-version";
  /** The purpose's id, the revision's or the notice version's. */
  id: number;
  purposeId: number;
  title: string;
  /** A notice's language and version number. */
  locale: string | null;
  version: number | null;
  authorId: number | null;
  submittedById: number | null;
  submittedByName: string | null;
  submittedAt: Date;
};

export type ReviewScope = { purposes: boolean; notices: boolean };

type Row = Omit<ReviewItem, "submittedAt" | "kind"> & { submittedAt: number };

// Who sent it and when is the last submit entry in the audit log (the workflow writes it in the submit's
// transaction); a row written without one (seeded data) falls back to its author and last change.
const lastSubmit = (column: "actor_id" | "at", action: string, targetType: string, targetId: string) =>
  `(SELECT ${column} FROM audit_log WHERE action = '${action}' AND target_type = '${targetType}' AND target_id = CAST(${targetId} AS TEXT)
    ORDER BY id DESC LIMIT 1)`;

const select = (action: string, targetType: string, targetId: string, author: string, at: string) => `
  COALESCE(${lastSubmit("actor_id", action, targetType, targetId)}, ${author}) AS submittedById,
  COALESCE(${lastSubmit("at", action, targetType, targetId)}, ${at}) AS submittedAt`;

const purposesSql = `
  SELECT q.*, u.name AS submittedByName FROM (
    SELECT p.id, p.id AS purposeId, p.name AS title, NULL AS locale, NULL AS version, p.created_by_id AS authorId,
           ${select("purpose.submit", "purpose", "p.id", "p.created_by_id", "COALESCE(p.updated_at, p.created_at)")}
    FROM purposes p WHERE p.status = 'in_review') q
  LEFT JOIN staff_users u ON u.id = q.submittedById`;

// A revision's submit entry names the purpose; the revision in review is the purpose's open one, so the latest entry is its.
const revisionsSql = `
  SELECT q.*, u.name AS submittedByName FROM (
    SELECT r.id, r.purpose_id AS purposeId, p.name AS title, NULL AS locale, NULL AS version, r.created_by_id AS authorId,
           ${select("purpose.revision.submit", "purpose", "r.purpose_id", "r.created_by_id", "COALESCE(r.updated_at, r.created_at)")}
    FROM purpose_revisions r JOIN purposes p ON p.id = r.purpose_id WHERE r.status = 'in_review') q
  LEFT JOIN staff_users u ON u.id = q.submittedById`;

const noticesSql = `
  SELECT q.*, u.name AS submittedByName FROM (
    SELECT v.id, n.purpose_id AS purposeId, v.title, n.locale, v.version, v.author_id AS authorId,
           ${select("notice.submit", "notice_version", "v.id", "v.author_id", "v.created_at")}
    FROM notice_versions v JOIN notices n ON n.id = v.notice_id WHERE v.status = 'in_review') q
  LEFT JOIN staff_users u ON u.id = q.submittedById`;

// The privacy policy (issue 19): its text is the data map's, so it has no author and waits on every reviewer.
const policySql = `
  SELECT q.*, u.name AS submittedByName FROM (
    SELECT v.id, 0 AS purposeId, '' AS title, NULL AS locale, v.version, NULL AS authorId,
           ${select("policy.submit", "policy_version", "v.id", "v.generated_by_id", "COALESCE(v.submitted_at, v.created_at)")}
    FROM policy_versions v WHERE v.status = 'in_review') q
  LEFT JOIN staff_users u ON u.id = q.submittedById`;

/** What waits for review that `scope` lets the reader review, longest waiting first. */
export function listReviewInbox(scope: ReviewScope): ReviewItem[] {
  const read = (kind: ReviewItem["kind"], sql: string) =>
    (db.$client.prepare(sql).all() as Row[]).map((r): ReviewItem => ({ ...r, kind, submittedAt: new Date(r.submittedAt) }));
  const items = [
    ...(scope.purposes ? [...read("purpose", purposesSql), ...read("purpose-revision", revisionsSql)] : []),
    ...(scope.notices ? [...read("notice-version", noticesSql), ...read("policy-version", policySql)] : []),
  ];
  return items.sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime() || a.id - b.id);
}

/**
 * How many items wait on `me` for review (the menu's count, on every page): those in scope that someone else
 * wrote, since nobody approves their own. Three counts on the status indexes.
 */
export function countReviewInbox(scope: ReviewScope, me: number): number {
  const count = (sql: string) => (db.$client.prepare(sql).get(me) as { n: number }).n;
  let n = 0;
  if (scope.purposes) {
    n += count("SELECT COUNT(*) AS n FROM purposes WHERE status = 'in_review' AND created_by_id IS NOT ?");
    n += count("SELECT COUNT(*) AS n FROM purpose_revisions WHERE status = 'in_review' AND created_by_id IS NOT ?");
  }
  if (scope.notices) {
    n += count("SELECT COUNT(*) AS n FROM notice_versions WHERE status = 'in_review' AND author_id IS NOT ?");
    n += (db.$client.prepare("SELECT COUNT(*) AS n FROM policy_versions WHERE status = 'in_review'").get() as { n: number }).n;
  }
  return n;
}
