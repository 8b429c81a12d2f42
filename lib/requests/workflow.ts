import { DAY_MS } from "../time";
import { isOpen, type RequestStatus } from "./vocabulary";

export type RequestAction = "start-verification" | "verify" | "complete" | "reject" | "extend";

export type RequestRefusal = "wrong-status" | "reason-required" | "not-verified" | "already-extended" | "past-due" | "no-extension";

type Req = { status: RequestStatus; verifiedAt: Date | null; extendedAt: Date | null; dueAt: Date; needsVerification: boolean };

/**
 * Whether an action may happen to a request now, and the status it leads to.
 * Nothing is released or erased before the subject's identity is verified
 * (unless the type needs none); a rejection and an extension need a reason;
 * an extension is allowed once, before the deadline, where the law has one.
 */
export function decideRequest(
  r: Req,
  action: RequestAction,
  opts: { now: Date; reason?: string; extendedDue?: Date | null } = { now: new Date() },
): { ok: true; next: RequestStatus } | { ok: false; reason: RequestRefusal } {
  const reason = opts.reason?.trim();
  switch (action) {
    case "start-verification":
      return r.status === "received" && r.needsVerification && !r.verifiedAt
        ? { ok: true, next: "verifying" }
        : { ok: false, reason: "wrong-status" };
    case "verify":
      return r.status === "received" || r.status === "verifying"
        ? { ok: true, next: "in_progress" }
        : { ok: false, reason: "wrong-status" };
    case "complete":
      if (r.status !== "in_progress") return { ok: false, reason: "wrong-status" };
      if (r.needsVerification && !r.verifiedAt) return { ok: false, reason: "not-verified" };
      return { ok: true, next: "completed" };
    case "reject":
      if (!isOpen(r.status)) return { ok: false, reason: "wrong-status" };
      return reason ? { ok: true, next: "rejected" } : { ok: false, reason: "reason-required" };
    case "extend":
      if (!isOpen(r.status)) return { ok: false, reason: "wrong-status" };
      if (!reason) return { ok: false, reason: "reason-required" };
      if (r.extendedAt) return { ok: false, reason: "already-extended" };
      if (opts.now > r.dueAt) return { ok: false, reason: "past-due" };
      if (!opts.extendedDue) return { ok: false, reason: "no-extension" };
      return { ok: true, next: r.status };
  }
}

/** Unverified requests close themselves after the brand's period, so stale identities are never acted on. */
export function isAbandoned(r: { status: RequestStatus; receivedAt: Date }, closeAfterDays: number, now: Date): boolean {
  return r.status === "verifying" && now.getTime() - r.receivedAt.getTime() > closeAfterDays * DAY_MS;
}
