import type { ConsentEventType, EffectiveState } from "../consent/vocabulary";
import type { LegalBasis, RecipientRole } from "../purposes/vocabulary";
import type { PropagationEventType } from "./events";

/**
 * "Only what they already hold" (issue 14, deliverable 2). A recipient is told about a person only if the
 * person's data reached it: GDPR Art. 19 speaks of recipients "to whom the personal data have been
 * disclosed", CCPA 11 CCR §7022(b) of those the business sold, shared or disclosed it to, §7026(f) of the
 * third parties it was sold or shared to. Telling anyone else would itself disclose the person to a company
 * that never had their data: a first-time denial, or a GPC opt-out from someone whose data was never
 * shared, tells nobody. Reaching is a matter of time as well as of the data map: a purpose sent a recipient
 * the person's data only while both its link to that recipient and the person's grant (or, on another basis,
 * their being a customer) were in force.
 */

/** A purpose as eligibility needs it. */
export type EligibilityPurpose = { key: string; legalBasis: LegalBasis; saleOrSharing: boolean };

/**
 * One recipient a purpose sends or sent data to (the data map's link), and when: from `linkedAt` until
 * `unlinkedAt` (a revision dropped it, or the purpose was retired), null while it still does. Milliseconds.
 */
export type PurposeLink = { purposeKey: string; recipientId: number; role: RecipientRole; linkedAt: number; unlinkedAt: number | null };

/** A consent ledger entry for the person, and when it happened (milliseconds). */
export type ConsentEntry = { purposeKey: string; state: ConsentEventType; at: number };

/** A recipient already sent a delivery about the person, and the purpose of that event (null for a subject event). */
export type PriorDelivery = { recipientId: number; role: RecipientRole; purposeKey: string | null };

/**
 * What is known about the person up to a moment: the consent entries until then, oldest first; since when
 * they are a customer, so that non-consent bases (contract, legitimate interests, ...) applied (null: never);
 * and the recipients already sent something about them, which held their data whatever the data map says now.
 */
export type PersonSoFar = { history: readonly ConsentEntry[]; customerSince: number | null; told?: readonly PriorDelivery[] };

export type EligibilityContext = { purposes: readonly EligibilityPurpose[]; links: readonly PurposeLink[] };

type Span = { from: number; to: number | null };
const overlaps = (a: Span, b: Span) => a.from < (b.to ?? Infinity) && b.from < (a.to ?? Infinity);

/** The spans during which the person's grant of a purpose was live: from a grant to the next entry that is not one. */
export function grantSpans(history: readonly ConsentEntry[], purposeKey: string): Span[] {
  const spans: Span[] = [];
  let open: number | null = null;
  for (const e of history) {
    if (e.purposeKey !== purposeKey) continue;
    if (e.state === "granted") open ??= e.at;
    else if (open !== null) {
      spans.push({ from: open, to: e.at });
      open = null;
    }
  }
  if (open !== null) spans.push({ from: open, to: null });
  return spans;
}

/**
 * Whether the person's data reached a link's recipient through its purpose: for consent, a grant was live
 * while the link was (a later withdrawal or expiry does not take back what was sent); for any other basis,
 * the person was a customer while the link was.
 */
export function linkReached(purpose: EligibilityPurpose, link: PurposeLink, person: PersonSoFar): boolean {
  const span = { from: link.linkedAt, to: link.unlinkedAt };
  if (purpose.legalBasis !== "consent") return person.customerSince !== null && overlaps({ from: person.customerSince, to: null }, span);
  return grantSpans(person.history, purpose.key).some((g) => overlaps(g, span));
}

type Filters = { purposes?: (p: EligibilityPurpose) => boolean; roles?: (r: RecipientRole) => boolean };

const byKeyOf = new WeakMap<readonly EligibilityPurpose[], Map<string, EligibilityPurpose>>();

/** The purposes by key, built once per purposes list (the ledger asks about one person after another with the same context). */
function purposesByKey(purposes: readonly EligibilityPurpose[]): Map<string, EligibilityPurpose> {
  let byKey = byKeyOf.get(purposes);
  if (!byKey) byKeyOf.set(purposes, (byKey = new Map(purposes.map((p) => [p.key, p]))));
  return byKey;
}

/**
 * The recipients that hold the person's data through the given purposes, each once, in id order: those a
 * link reached, and those already sent a delivery about the person (about one of these purposes, when the
 * purposes are filtered).
 */
export function recipientsHolding(ctx: EligibilityContext, person: PersonSoFar, options: Filters = {}): number[] {
  const byKey = purposesByKey(ctx.purposes);
  const purposeOk = (key: string | null) => {
    if (!options.purposes) return true;
    const p = key === null ? undefined : byKey.get(key);
    return p !== undefined && options.purposes(p);
  };
  const roleOk = (r: RecipientRole) => (options.roles ? options.roles(r) : true);
  const ids = new Set<number>();
  for (const l of ctx.links) {
    const p = byKey.get(l.purposeKey);
    if (p && !ids.has(l.recipientId) && purposeOk(l.purposeKey) && roleOk(l.role) && linkReached(p, l, person)) ids.add(l.recipientId);
  }
  for (const t of person.told ?? []) if (purposeOk(t.purposeKey) && roleOk(t.role)) ids.add(t.recipientId);
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
export function consentChangeRecipients(ctx: EligibilityContext, person: PersonSoFar, change: ConsentChangeFacts): number[] {
  if (!crossesForConsent(ctx, change)) return [];
  return recipientsHolding(ctx, person, { purposes: (p) => p.key === change.purposeKey });
}

type ConsentChangeFacts = { purposeKey: string; previousState: EffectiveState; newState: ConsentEventType };

/** The change crosses the line, and its purpose is one of consent (events about a purpose on another basis change nothing a recipient acts on; objection is its own event). */
function crossesForConsent(ctx: EligibilityContext, change: ConsentChangeFacts): boolean {
  if (!changesProcessing(change.previousState, change.newState)) return false;
  const purpose = ctx.purposes.find((p) => p.key === change.purposeKey);
  return purpose !== undefined && purpose.legalBasis === "consent";
}

/**
 * Whether a consent change can tell anyone at all, decided without the person: it crosses the line for a consent
 * purpose that the data map links to a recipient now or ever. (A recipient told of the purpose before was linked to it
 * then: a live purpose's links are closed, never deleted, db/purposes/workflow.ts.) The ledger asks it of every event
 * first, so the many changes that tell nobody skip reading the person's history.
 */
export function consentChangeMayTell(ctx: EligibilityContext, change: ConsentChangeFacts): boolean {
  return crossesForConsent(ctx, change) && ctx.links.some((l) => l.purposeKey === change.purposeKey);
}

/**
 * Every holder, save a recipient that holds the data only through purposes the law requires (tax and
 * accounting records): that data is not erased (GDPR Art. 17(3)(b); CCPA §1798.105(d)(8)), so it is not asked to.
 */
function erasureRecipients(ctx: EligibilityContext, person: PersonSoFar): number[] {
  const legalOnly = (p: EligibilityPurpose) => p.legalBasis === "legal_obligation";
  const otherwise = new Set(recipientsHolding(ctx, person, { purposes: (p) => !legalOnly(p) }));
  const underLaw = new Set(recipientsHolding(ctx, person, { purposes: legalOnly }));
  return recipientsHolding(ctx, person).filter((id) => otherwise.has(id) || !underLaw.has(id));
}

/** The events about the person rather than one purpose's consent. */
export type SubjectEventType = Exclude<PropagationEventType, "consent.changed">;

/**
 * The recipients to send a subject event to. Erasure, rectification and restriction go to every recipient
 * holding the data (Art. 19; §7022(b)(2)–(3) names service providers, contractors and third parties alike),
 * erasure save data kept under a legal obligation.
 * An objection goes to the recipients of the purposes objected to (`purposes`; none named, nobody told; Art.
 * 21). An opt-out of sale/sharing goes to the third parties of the sale/sharing purposes, or of those of them
 * named in `purposes` (§7026(f)): a processor receives data as a service provider, which is neither a sale nor
 * sharing. A limit on sensitive data goes to every recipient of the purposes it stops (`purposes`; none named,
 * nobody told): §7027(g)(2)–(3) names service providers and contractors as well as third parties.
 */
export function subjectEventRecipients(
  ctx: EligibilityContext,
  person: PersonSoFar,
  type: SubjectEventType,
  purposes?: readonly string[],
): number[] {
  switch (type) {
    case "subject.erased":
      return erasureRecipients(ctx, person);
    case "subject.rectified":
    case "subject.restricted":
      return recipientsHolding(ctx, person);
    case "subject.objected":
      return recipientsHolding(ctx, person, { purposes: (p) => (purposes ?? []).includes(p.key) });
    case "subject.limited":
      return recipientsHolding(ctx, person, { purposes: (p) => (purposes ?? []).includes(p.key) });
    case "subject.opted_out":
      return recipientsHolding(ctx, person, {
        purposes: (p) => p.saleOrSharing && (purposes === undefined || purposes.includes(p.key)),
        roles: (r) => r !== "processor",
      });
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
  customerSince: number | null,
): { index: number; recipients: number[] }[] {
  const out: { index: number; recipients: number[] }[] = [];
  const last = new Map<string, ConsentEventType>();
  ledger.forEach((entry, index) => {
    const previousState = last.get(entry.purposeKey) ?? "none";
    const recipients = consentChangeRecipients(
      ctx,
      { history: ledger.slice(0, index), customerSince },
      { purposeKey: entry.purposeKey, previousState, newState: entry.state },
    );
    if (recipients.length > 0) out.push({ index, recipients });
    last.set(entry.purposeKey, entry.state);
  });
  return out;
}
