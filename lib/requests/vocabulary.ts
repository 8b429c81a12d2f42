/** The rights a subject request can exercise; labels live in the "requests" catalog (types.*). */
export const requestTypes = [
  "access",
  "portability",
  "deletion",
  "rectification",
  "restriction",
  "objection",
  "opt_out_sale",
  "limit_sensitive",
] as const;
export type RequestType = (typeof requestTypes)[number];

/** Where a request stands; labels live in the "requests" catalog (statuses.*). */
export const requestStatuses = ["received", "verifying", "in_progress", "completed", "rejected"] as const;
export type RequestStatus = (typeof requestStatuses)[number];

/** The statuses whose clock is still running: the queue's default view, "overdue" and "due soon" count only these. */
export const openRequestStatuses = ["received", "verifying", "in_progress"] as const satisfies readonly RequestStatus[];
export type OpenRequestStatus = (typeof openRequestStatuses)[number];

/** The channels staff enter a request from by hand (a call, a letter, an email). */
export const staffIntakes = ["phone", "letter", "email"] as const;
/** How a request reached the brand; labels live in the "requestDetail" catalog (intakes.*). */
export const requestIntakes = ["preference_center", "api", ...staffIntakes] as const;
export type RequestIntake = (typeof requestIntakes)[number];

/** The rows of a request's timeline; labels live in the "requestDetail" catalog (kinds.*). */
export const requestEventKinds = ["status", "note", "assignment", "extension", "message", "export"] as const;
export type RequestEventKind = (typeof requestEventKinds)[number];

/** Whether a request's clock is still running. */
export function isOpen(status: RequestStatus): boolean {
  return (openRequestStatuses as readonly string[]).includes(status);
}

/**
 * How a closed request ended, in the terms CCPA 11 CCR §7102 counts: complied with in whole, complied with in part
 * (what was withheld is recorded with a denial reason), or denied. Labels live in the "requests" catalog (outcomes.*).
 */
export const requestOutcomes = ["complied", "complied_in_part", "denied"] as const;
export type RequestOutcome = (typeof requestOutcomes)[number];

/**
 * Why a request, or the withheld part of one, was denied: the identity could not be verified, the requester is not a
 * consumer (not a California resident), an exemption applies (named in the outcome note), or another reason (stated in
 * the note). Labels live in the "requests" catalog (denialReasons.*).
 */
export const denialReasons = ["not_verifiable", "not_a_consumer", "exempt", "other"] as const;
export type DenialReason = (typeof denialReasons)[number];
