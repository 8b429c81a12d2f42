import "server-only";
import { eq, inArray, max } from "drizzle-orm";
import type { Locale } from "@/lib/i18n/config";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { changedJurisdictions, type PolicyDocument } from "@/lib/policy/document";
import { PolicyIncompleteError } from "@/lib/policy/errors";
import { policyReviewStatus } from "@/lib/policy/versions";
import { decideReview, type ReviewAction } from "@/lib/review/workflow";
import { db } from "../client";
import { policyVersions, type PolicyVersion } from "../schema";
import { appendAuditEntry } from "../staff/audit-chain";
import type { Actor } from "../staff/staff";
import { notifyPolicyChange } from "./notify";

export type PolicyChangeInput = { material: boolean; changeSummary: Partial<Record<Locale, string>> | null };

function audit(
  actor: Actor,
  action: string,
  v: { id: number; version: number },
  extra: Record<string, unknown> = {},
  outcome: "ok" | "denied" = "ok",
) {
  return appendAuditEntry(db, {
    actorId: actor.id,
    actorLabel: actor.email,
    action,
    targetType: "policy_version",
    targetId: v.id,
    outcome,
    details: { version: v.version, ...extra },
  });
}

function load(id: number): PolicyVersion {
  const v = db.select().from(policyVersions).where(eq(policyVersions.id, id)).get();
  if (!v) throw new NotFoundError("policy version");
  return v;
}

// A draft's text is the data map's, written by Candor: nobody authored it, so the officer who generates it may
// review it too (a purpose and its notice had their own review before they reached the data map).
function check(v: PolicyVersion, action: ReviewAction, actor: Actor, comment?: string) {
  const d = decideReview({ status: policyReviewStatus[v.status], authorId: null }, action, actor, comment);
  if (!d.ok) throw new ConflictError(d.reason);
}

const published = () => db.select().from(policyVersions).where(eq(policyVersions.status, "published")).get();

/**
 * Generates the next draft from the data map as it is now: replaces the text of the open draft, or starts a new
 * version. A version in review must be published or sent back first.
 */
export function generatePolicyDraft(document: PolicyDocument, actor: Actor): PolicyVersion {
  return db.$client
    .transaction(() => {
      const open = db
        .select()
        .from(policyVersions)
        .where(inArray(policyVersions.status, ["draft", "in_review"]))
        .get();
      if (open?.status === "in_review") throw new ConflictError("policy-in-review");
      const now = new Date();
      if (open) {
        const saved = db
          .update(policyVersions)
          .set({ document, generatedAt: now, generatedById: actor.id })
          .where(eq(policyVersions.id, open.id))
          .returning()
          .get();
        audit(actor, "policy.regenerate", saved);
        return saved;
      }
      const version =
        (db
          .select({ v: max(policyVersions.version) })
          .from(policyVersions)
          .get()?.v ?? 0) + 1;
      const created = db
        .insert(policyVersions)
        .values({ version, status: "draft", document, generatedAt: now, generatedById: actor.id })
        .returning()
        .get();
      audit(actor, "policy.generate", created);
      return created;
    })
    .immediate();
}

/** Marks a draft's change material or editorial, with what changed; a first version changes nothing anyone was told. */
export function savePolicyChange(versionId: number, input: PolicyChangeInput, actor: Actor): void {
  db.$client
    .transaction(() => {
      const v = load(versionId);
      check(v, "edit", actor);
      const change = v.version === 1 || !published() ? { material: false, changeSummary: null } : input;
      db.update(policyVersions).set(change).where(eq(policyVersions.id, v.id)).run();
      audit(actor, "policy.update", v, { material: change.material });
    })
    .immediate();
}

/** Sends a draft for review; refused while a checklist item of a jurisdiction in scope is missing (`missing`, "KR.officer"). */
export function submitPolicyVersion(versionId: number, missing: string[], actor: Actor): void {
  db.$client
    .transaction(() => {
      const v = load(versionId);
      check(v, "submit", actor);
      if (missing.length) throw new PolicyIncompleteError(missing);
      db.update(policyVersions)
        .set({ status: "in_review", submittedAt: new Date(), reviewComment: null })
        .where(eq(policyVersions.id, v.id))
        .run();
      audit(actor, "policy.submit", v);
    })
    .immediate();
}

/**
 * Publishes a version in review with the policy assembled from the live data map now (`live`), frozen from here
 * on. Refused, naming each item, while the live checklist misses any; refused too when the data map changed since
 * the draft was generated, so what is published is what was reviewed. A material change tells the people it
 * concerns (db/policy/notify.ts); an editorial one tells no one; neither touches consent.
 */
export function publishPolicyVersion(
  versionId: number,
  live: { document: PolicyDocument; missing: string[] },
  actor: Actor,
  links: { baseUrl: string },
): { notified: number } {
  const first = load(versionId);
  check(first, "approve", actor);
  if (live.missing.length) {
    // Recorded outside the publication's transaction, which the refusal would roll back.
    audit(actor, "policy.publish", first, { missing: live.missing }, "denied");
    throw new PolicyIncompleteError(live.missing);
  }
  return db.$client
    .transaction(() => {
      const v = load(versionId);
      check(v, "approve", actor);
      if (changedJurisdictions(live.document, v.document).length) throw new ConflictError("policy-stale");
      const previous = published();
      if (previous) db.update(policyVersions).set({ status: "superseded" }).where(eq(policyVersions.id, previous.id)).run();
      const material = v.material && !!previous;
      const notified = material
        ? notifyPolicyChange({ id: v.id, document: live.document, changeSummary: v.changeSummary }, previous.document, links.baseUrl)
        : 0;
      db.update(policyVersions)
        .set({ status: "published", document: live.document, reviewerId: actor.id, publishedAt: new Date(), notified })
        .where(eq(policyVersions.id, v.id))
        .run();
      audit(actor, "policy.publish", v, { material, notified });
      return { notified };
    })
    .immediate();
}

/** Sends a version in review back to draft with the reviewer's comment. */
export function returnPolicyVersion(versionId: number, comment: string, actor: Actor): void {
  db.$client
    .transaction(() => {
      const v = load(versionId);
      check(v, "return", actor, comment);
      db.update(policyVersions)
        .set({ status: "draft", reviewComment: comment, reviewerId: actor.id })
        .where(eq(policyVersions.id, v.id))
        .run();
      audit(actor, "policy.return", v, { comment });
    })
    .immediate();
}
