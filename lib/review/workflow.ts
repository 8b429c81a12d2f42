/**
 * The review workflow shared by purposes, purpose revisions and notice
 * versions: an author drafts and submits; a reviewer approves or sends back
 * with a comment; nobody approves their own draft.
 */
export type ReviewStatus = "draft" | "in_review" | "approved";
export type ReviewAction = "edit" | "submit" | "approve" | "return";

export type ReviewRefusal = "wrong-status" | "own-draft" | "comment-required";

export type ReviewDecision = { ok: true; next: ReviewStatus } | { ok: false; reason: ReviewRefusal };

const transitions: Record<ReviewAction, { from: ReviewStatus; to: ReviewStatus }> = {
  edit: { from: "draft", to: "draft" },
  submit: { from: "draft", to: "in_review" },
  approve: { from: "in_review", to: "approved" },
  return: { from: "in_review", to: "draft" },
};

/** Whether an action may happen now; permissions are checked separately, this is about state and people. */
export function decideReview(
  item: { status: ReviewStatus; authorId: number | null },
  action: ReviewAction,
  actor: { id: number },
  comment?: string,
): ReviewDecision {
  const t = transitions[action];
  if (item.status !== t.from) return { ok: false, reason: "wrong-status" };
  if (action === "approve" && item.authorId === actor.id) return { ok: false, reason: "own-draft" };
  if (action === "return" && !comment?.trim()) return { ok: false, reason: "comment-required" };
  return { ok: true, next: t.to };
}

/** Maps a purpose's own status names onto the shared workflow and back. */
export const purposeStatusMap = {
  toReview: { draft: "draft", in_review: "in_review", active: "approved", retired: null } as const,
  fromReview: { draft: "draft", in_review: "in_review", approved: "active" } as const,
};

/** Maps a notice version's status names onto the shared workflow and back. */
export const noticeStatusMap = {
  toReview: { draft: "draft", in_review: "in_review", published: "approved", superseded: null } as const,
  fromReview: { draft: "draft", in_review: "in_review", approved: "published" } as const,
};
