/** Where a policy version stands, as a notice version does; labels live in the "privacyPolicy" catalog (statuses.*). */
export const policyVersionStatuses = ["draft", "in_review", "published", "superseded"] as const;
export type PolicyVersionStatus = (typeof policyVersionStatuses)[number];

/** The review workflow's name for each status (lib/review/workflow.ts). */
export const policyReviewStatus = { draft: "draft", in_review: "in_review", published: "approved", superseded: "approved" } as const;
