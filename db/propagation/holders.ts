import type { Statement } from "better-sqlite3";
import type { ConsentEventType } from "@/lib/consent/vocabulary";
import type { DataCategory, RecipientRole } from "@/lib/purposes/vocabulary";
import {
  linkReached,
  type ConsentEntry,
  type EligibilityContext,
  type EligibilityPurpose,
  type PersonSoFar,
  type PriorDelivery,
} from "@/lib/propagation/eligibility";
import { sendsEmail } from "@/lib/propagation/events";
import type { Db } from "../connection";
import { isAnonymousVisitorId } from "@/lib/widget/schemas";
import { perConnection } from "../prepared";

/**
 * Who holds a person's data, read from the store for eligibility (lib/propagation/eligibility.ts): the
 * purposes that were ever in force with their links over time, and the person's grants, customer status and
 * earlier deliveries. The outbox writer (record.ts) and the preview of who a request will tell
 * (told-preview.ts) read through here, so both decide alike.
 */

export type HolderPurpose = EligibilityPurpose & { id: number; categories: DataCategory[]; status: "active" | "retired" };
export type HoldersContext = Omit<EligibilityContext, "purposes"> & {
  purposes: HolderPurpose[];
  byId: Map<number, HolderPurpose>;
  byKey: Map<string, HolderPurpose>;
};
export type HolderPerson = Omit<PersonSoFar, "told"> & {
  externalId: string | null;
  email: string | null;
  told: (PriorDelivery & { hadEmail: boolean })[];
};

function prepare(sql: Db["$client"]) {
  const q = (s: string): Statement => sql.prepare(s);
  return {
    // Purposes that were ever in force: a draft never sent anyone data.
    purposes: q(
      `SELECT id, key, legal_basis AS legalBasis, sale_or_sharing AS saleOrSharing, data_categories AS categories, status, retired_at AS retiredAt
       FROM purposes WHERE status IN ('active', 'retired')`,
    ),
    // Closed links too: a recipient a revision dropped still holds what it received before.
    links: q(
      `SELECT pr.purpose_id AS purposeId, r.id AS recipientId, r.role, pr.linked_at AS linkedAt, pr.unlinked_at AS unlinkedAt
       FROM purpose_recipients pr JOIN recipients r ON r.id = pr.recipient_id`,
    ),
    person: q("SELECT email, external_id AS externalId, created_at AS createdAt FROM subjects WHERE id = ?"),
    history: q(
      "SELECT purpose_id AS purposeId, event AS state, occurred_at AS at FROM consent_events WHERE subject_id = ? AND id <> ? ORDER BY occurred_at, id",
    ),
    // Every recipient already sent something about the person was a holder when it was written (propagation_events_subject_idx).
    told: q(
      `SELECT d.recipient_id AS recipientId, r.role, e.purpose_id AS purposeId, max(json_extract(d.identifiers, '$.email') IS NOT NULL) AS hadEmail
       FROM propagation_events e JOIN deliveries d ON d.event_id = e.id JOIN recipients r ON r.id = d.recipient_id
       WHERE e.subject_id = ? GROUP BY d.recipient_id, e.purpose_id`,
    ),
  };
}

const statements = perConnection((db) => prepare(db.$client));

/** The purposes and the data map's links over time (both tables are small). A retired purpose's links end when it retired. */
export function loadHoldersContext(db: Db): HoldersContext {
  const s = statements(db);
  const rows = s.purposes.all() as (Omit<HolderPurpose, "saleOrSharing" | "categories"> & {
    saleOrSharing: number;
    categories: string;
    retiredAt: number | null;
  })[];
  const retiredAt = new Map(rows.map((p) => [p.id, p.retiredAt]));
  const purposes: HolderPurpose[] = rows.map((p) => ({
    id: p.id,
    key: p.key,
    legalBasis: p.legalBasis,
    status: p.status,
    saleOrSharing: Boolean(p.saleOrSharing),
    categories: JSON.parse(p.categories) as DataCategory[],
  }));
  const byId = new Map(purposes.map((p) => [p.id, p]));
  const links = (
    s.links.all() as { purposeId: number; recipientId: number; role: RecipientRole; linkedAt: number; unlinkedAt: number | null }[]
  )
    .filter((l) => byId.has(l.purposeId))
    .map((l) => {
      const retired = retiredAt.get(l.purposeId) ?? null;
      const unlinkedAt = retired === null ? l.unlinkedAt : Math.min(l.unlinkedAt ?? retired, retired);
      return { purposeKey: byId.get(l.purposeId)!.key, recipientId: l.recipientId, role: l.role, linkedAt: l.linkedAt, unlinkedAt };
    });
  return { purposes, byId, byKey: new Map(purposes.map((p) => [p.key, p])), links };
}

/**
 * The person as eligibility needs them, before the change (`excludeEventId`: the ledger entry making it).
 * customerSince — since when non-consent bases (contract, legal obligation, legitimate interests, …) sent
 * their data out — is decided here: a person with an external id is a customer, the brand's own systems
 * knowing them (Candor holds no orders), since Candor first knew them or first recorded a choice of theirs,
 * whichever is earlier. Someone known only by an email they gave the banner or the preference center was
 * never processed for an order, an invoice or fraud checks.
 */
export function loadHolderPerson(db: Db, ctx: HoldersContext, subjectId: number, excludeEventId = 0): HolderPerson | null {
  const s = statements(db);
  const row = s.person.get(subjectId) as { email: string | null; externalId: string | null; createdAt: number } | undefined;
  if (!row) return null;
  const history: ConsentEntry[] = [];
  for (const e of s.history.all(subjectId, excludeEventId) as { purposeId: number; state: ConsentEventType; at: number }[]) {
    const purpose = ctx.byId.get(e.purposeId);
    if (purpose) history.push({ purposeKey: purpose.key, state: e.state, at: e.at });
  }
  const told = (s.told.all(subjectId) as { recipientId: number; role: RecipientRole; purposeId: number | null; hadEmail: number }[]).map(
    (t) => ({
      recipientId: t.recipientId,
      role: t.role,
      purposeKey: t.purposeId === null ? null : (ctx.byId.get(t.purposeId)?.key ?? null),
      hadEmail: Boolean(t.hadEmail),
    }),
  );
  // A customer since Candor first knew them, or since the first choice the brand recorded for them if that is earlier.
  // The widget's own anon-… id names a visitor the brand's systems do not know: no order, invoice or fraud check went out for them.
  const customer = row.externalId !== null && !isAnonymousVisitorId(row.externalId);
  const customerSince = customer ? Math.min(row.createdAt, history[0]?.at ?? row.createdAt) : null;
  return { email: row.email, externalId: row.externalId, history, customerSince, told };
}

/** The data categories that reached one recipient for this person: those of each purpose whose link to it reached them. */
export function heldCategories(ctx: HoldersContext, person: PersonSoFar, recipientId: number): DataCategory[] {
  const held = new Set<DataCategory>();
  for (const l of ctx.links) {
    if (l.recipientId !== recipientId) continue;
    const purpose = ctx.byKey.get(l.purposeKey)!;
    if (linkReached(purpose, l, person)) for (const c of purpose.categories) held.add(c);
  }
  return [...held];
}

/** Whether the recipient holds the person's email: contact details reached it, or an earlier delivery already carried the email. */
export function receivedEmail(held: readonly DataCategory[], person: HolderPerson, recipientId: number): boolean {
  return sendsEmail(held) || person.told.some((t) => t.recipientId === recipientId && t.hadEmail);
}
