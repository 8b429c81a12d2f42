import { subjectChoice, type LegalBasis } from "../purposes/vocabulary";
import type { EffectiveState } from "../consent/vocabulary";

/** What the preference center needs to know about one purpose's current state. */
export type PurposeState = {
  purpose: string;
  legalBasis: LegalBasis;
  saleOrSharing: boolean;
  state: EffectiveState;
  stale: boolean;
  gpc: boolean;
};

/**
 * The ledger event for flipping a consent switch: on is always a grant (a
 * renewal when it was on already); off withdraws a grant, else records a refusal.
 */
export function eventForSwitch(current: EffectiveState, on: boolean): "granted" | "withdrawn" | "denied" {
  if (on) return "granted";
  return current === "granted" ? "withdrawn" : "denied";
}

/** Whether the subject has already objected to a legitimate-interest purpose. */
export function hasObjected(p: Pick<PurposeState, "legalBasis" | "state">): boolean {
  return subjectChoice(p.legalBasis) === "objection" && (p.state === "denied" || p.state === "withdrawn");
}

/** The purposes "withdraw everything" withdraws: every consent currently given, stale ones included. */
export function purposesToWithdraw(states: PurposeState[]): string[] {
  return states.filter((p) => subjectChoice(p.legalBasis) === "consent" && p.state === "granted").map((p) => p.purpose);
}

/** True when a GPC signal opted the subject out of a sale/sharing purpose, so the page should say it was honoured. */
export function gpcHonoured(states: PurposeState[]): boolean {
  return states.some((p) => p.saleOrSharing && p.gpc && (p.state === "denied" || p.state === "withdrawn"));
}

/** The refusals a GPC signal implies for a subject: sale/sharing purposes not refused yet, with the event that refuses each. */
export function gpcRefusals(states: PurposeState[]): { purpose: string; event: "withdrawn" | "denied" }[] {
  return states
    .filter((p) => p.saleOrSharing && subjectChoice(p.legalBasis) !== "none" && p.state !== "denied" && p.state !== "withdrawn")
    .map((p) => ({ purpose: p.purpose, event: p.state === "granted" ? ("withdrawn" as const) : ("denied" as const) }));
}
