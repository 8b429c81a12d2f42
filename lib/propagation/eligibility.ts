import type { ConsentEventType, EffectiveState } from "../consent/vocabulary";
import type { LegalBasis, RecipientRole } from "../purposes/vocabulary";
import type { PropagationEventType } from "./events";

/**
 * "Only what they already hold" (issue 14, deliverable 2). A recipient is told about a person only if the
 * person's data reached it: GDPR Art. 19 speaks of recipients "to whom the personal data have been
 * disclosed", CCPA 11 CCR §7022(b) of those the business sold, shared or disclosed it to, §7026(f) of the
 * third parties it was sold or shared to. Telling anyone else would itself disclose the person to a company
 * that never had their data: a first-time denial, or a GPC opt-out from someone whose data was never
 * shared, tells nobody.
 */

/** A purpose as eligibility needs it. */
export type EligibilityPurpose = { key: string; legalBasis: LegalBasis; saleOrSharing: boolean };

/** One recipient a purpose sends data to (the data map's link between purpose and recipient). */
export type PurposeLink = { purposeKey: string; recipientId: number; role: RecipientRole };

/** A consent ledger entry for the person. */
export type ConsentEntry = { purposeKey: string; state: ConsentEventType };

/**
 * What is known about the person up to a moment: the consent entries until then, oldest first, and whether
 * by then they had been a customer, so non-consent bases (contract, legitimate interests, ...) applied.
 */
export type PersonSoFar = { history: readonly ConsentEntry[]; wasCustomer: boolean };

export type EligibilityContext = { purposes: readonly EligibilityPurpose[]; links: readonly PurposeLink[] };

/**
 * Whether the person's data went out for a purpose: for consent, a grant was live at some time (a later
 * withdrawal or expiry does not take back what was sent); for any other basis, the person was a customer.
 */
export function purposeShared(purpose: EligibilityPurpose, person: PersonSoFar): boolean {
  if (purpose.legalBasis !== "consent") return person.wasCustomer;
  return person.history.some((e) => e.purposeKey === purpose.key && e.state === "granted");
}

/** The recipients that hold the person's data through the given purposes, each once, in id order. */
export function recipientsHolding(
  ctx: EligibilityContext,
  person: PersonSoFar,
  options: { purposes?: (p: EligibilityPurpose) => boolean; roles?: (r: RecipientRole) => boolean } = {},
): number[] {
  const shared = new Set(
    ctx.purposes.filter((p) => (options.purposes ? options.purposes(p) : true) && purposeShared(p, person)).map((p) => p.key),
  );
  const ids = new Set(
    ctx.links.filter((l) => shared.has(l.purposeKey) && (options.roles ? options.roles(l.role) : true)).map((l) => l.recipientId),
  );
  return [...ids].sort((a, b) => a - b);
}

/** Whether a change moves a purpose across the line between "may process" and "may not". */
function changesProcessing(previous: EffectiveState, next: ConsentEventType): boolean {
  return (previous === "granted") !== (next === "granted");
}

/**
 * The recipients to send a consent.changed to. `person` is what was known before the change. Told: the
 * recipients of that purpose when the change crosses the line between "may process" and "may not" and the
 * data had already reached them. So a first grant tells nobody (the brand's own data flow brings the data),
 * a denial with no grant before tells nobody, and a withdrawal after a grant tells each recipient once.
 */
export function consentChangeRecipients(
  ctx: EligibilityContext,
  person: PersonSoFar,
  change: { purposeKey: string; previousState: EffectiveState; newState: ConsentEventType },
): number[] {
  if (!changesProcessing(change.previousState, change.newState)) return [];
  const purpose = ctx.purposes.find((p) => p.key === change.purposeKey);
  // Consent events about a purpose on another basis change nothing a recipient acts on (objection is its own event).
  if (!purpose || purpose.legalBasis !== "consent") return [];
  return recipientsHolding(ctx, person, { purposes: (p) => p.key === purpose.key });
}

/** The events about the person rather than one purpose's consent. */
export type SubjectEventType = Exclude<PropagationEventType, "consent.changed">;

/**
 * The recipients to send a subject event to. Erasure, rectification and restriction go to every recipient
 * holding the data (Art. 19; §7022(b)(2)–(3) names service providers, contractors and third parties alike).
 * An objection goes to the recipients of the purposes objected to (Art. 21). An opt-out of sale/sharing and
 * a limit go to the third parties of the sale/sharing purposes (§7026(f)): a processor receives data as a
 * service provider, which is neither a sale nor sharing.
 */
export function subjectEventRecipients(
  ctx: EligibilityContext,
  person: PersonSoFar,
  type: SubjectEventType,
  objectedPurposes: readonly string[] = [],
): number[] {
  switch (type) {
    case "subject.erased":
    case "subject.rectified":
    case "subject.restricted":
      return recipientsHolding(ctx, person);
    case "subject.objected":
      return recipientsHolding(ctx, person, { purposes: (p) => objectedPurposes.includes(p.key) });
    case "subject.opted_out":
    case "subject.limited":
      return recipientsHolding(ctx, person, { purposes: (p) => p.saleOrSharing, roles: (r) => r !== "processor" });
  }
}

/**
 * Replays a person's whole consent ledger, oldest first, and lists the consent.changed deliveries it makes:
 * for each entry that tells anyone, the entry's index and its recipients. The previous state of a purpose is
 * its last entry before, or "none".
 */
export function consentDeliveries(
  ctx: EligibilityContext,
  ledger: readonly ConsentEntry[],
  wasCustomer: boolean,
): { index: number; recipients: number[] }[] {
  const out: { index: number; recipients: number[] }[] = [];
  const last = new Map<string, ConsentEventType>();
  ledger.forEach((entry, index) => {
    const previousState = last.get(entry.purposeKey) ?? "none";
    const recipients = consentChangeRecipients(
      ctx,
      { history: ledger.slice(0, index), wasCustomer },
      { purposeKey: entry.purposeKey, previousState, newState: entry.state },
    );
    if (recipients.length > 0) out.push({ index, recipients });
    last.set(entry.purposeKey, entry.state);
  });
  return out;
}
