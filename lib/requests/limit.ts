/**
 * The right to limit the use of sensitive personal information (CCPA 11 CCR §7027). A purpose flagged as using
 * sensitive data beyond what §7027(m) allows is one a California person can limit; a limit request stops every
 * such purpose for them within 15 business days of receipt (§7027(g)(1); the clock is in clock-rules.ts), with no
 * identity check (§7027(e)), and the recipients holding the data are told (§7027(g)(2)–(3)).
 */
import type { RequestType } from "./vocabulary";
import { requestTypes } from "./vocabulary";

/** The facts of a purpose the limit reads. */
export type LimitPurpose = { key: string; legalBasis: string; sensitiveBeyondPermitted: boolean };

/** Where the right to limit exists: California (CCPA §1798.121). */
export const LIMIT_JURISDICTIONS: readonly string[] = ["US-CA"];

/** Whether a person in this jurisdiction may make a limit request. */
export function mayLimit(jurisdiction: string): boolean {
  return LIMIT_JURISDICTIONS.includes(jurisdiction.trim().toUpperCase());
}

/** The request types a person in this jurisdiction is offered: the limit only where the law gives it. */
export function requestTypesFor(jurisdiction: string): RequestType[] {
  return requestTypes.filter((t) => t !== "limit_sensitive" || mayLimit(jurisdiction));
}

/** The purposes a limit stops: every one flagged as using sensitive data beyond §7027(m), whatever its legal basis. */
export function limitedPurposes<P extends LimitPurpose>(purposes: readonly P[]): P[] {
  return purposes.filter((p) => p.sensitiveBeyondPermitted);
}

/**
 * How each stopped purpose is stopped. A purpose the person chooses in the ledger (consent, or legitimate
 * interests, which they can object to) gets a withdrawal or refusal there, so its state and every consent check
 * read "stopped"; a purpose on another basis (contract, legal obligation…) has no choice to record, and is
 * stopped by the person's standing limit alone, which the preference center and the consent API read.
 */
export function limitPlan<P extends LimitPurpose>(purposes: readonly P[]): { inLedger: P[]; byLimit: P[] } {
  const stopped = limitedPurposes(purposes);
  const hasChoice = (p: P) => p.legalBasis === "consent" || p.legalBasis === "legitimate_interests";
  return { inLedger: stopped.filter(hasChoice), byLimit: stopped.filter((p) => !hasChoice(p)) };
}

/** Whether a purpose is stopped for a person by their limit: it is flagged and their limit stands. */
export function stoppedByLimit(purpose: Pick<LimitPurpose, "sensitiveBeyondPermitted">, limited: boolean): boolean {
  return limited && purpose.sensitiveBeyondPermitted;
}
