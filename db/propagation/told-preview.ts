import type { ConsentEventType } from "@/lib/consent/vocabulary";
import type { DataCategory, LegalBasis, RecipientRole } from "@/lib/purposes/vocabulary";
import { purposesToStop } from "@/lib/requests/fulfilment";
import { requestEventType, type ToldRecipient } from "@/lib/propagation/acknowledgements";
import {
  consentChangeRecipients,
  purposeShared,
  subjectEventRecipients,
  type EligibilityContext,
  type PersonSoFar,
} from "@/lib/propagation/eligibility";
import { recipientIdentifiers, sendsEmail } from "@/lib/propagation/events";
import { hasWorkingPath, type PathFacts } from "@/lib/propagation/paths";
import type { PathKind } from "@/lib/propagation/vocabulary";
import type { Db } from "../connection";

/**
 * Who completing a request will tell, read from the data map before it happens (issue 14, deliverable 7), so
 * the officer knows what completing does. The same rules as the writer (db/propagation/record.ts): the
 * request's subject event to the recipients holding the data, and for a restriction, objection or opt-out a
 * consent.changed to the recipients of each grant it withdraws.
 */

/** One recipient completing will tell: how it can be reached, and whether anything can name the person to it. */
export type RecipientPreview = {
  recipient: ToldRecipient;
  /** Its paths that can carry a change now (lib/propagation/paths.ts). */
  paths: PathKind[];
  /** No working path: the change waits until one is set up. */
  unreachable: boolean;
  /** It holds no identifier of the person: an officer confirms it by hand. */
  noIdentifier: boolean;
};

type Purpose = { id: number; key: string; legalBasis: LegalBasis; saleOrSharing: boolean; categories: DataCategory[]; status: string };

function loadPurposes(db: Db): Purpose[] {
  const rows = db.$client
    .prepare(
      "SELECT id, key, legal_basis AS legalBasis, sale_or_sharing AS saleOrSharing, data_categories AS categories, status FROM purposes WHERE status IN ('active', 'retired')",
    )
    .all() as (Omit<Purpose, "saleOrSharing" | "categories"> & { saleOrSharing: number; categories: string })[];
  return rows.map((p) => ({ ...p, saleOrSharing: Boolean(p.saleOrSharing), categories: JSON.parse(p.categories) as DataCategory[] }));
}

function loadContext(db: Db, purposes: Purpose[]): EligibilityContext {
  const byId = new Map(purposes.map((p) => [p.id, p]));
  const links = db.$client
    .prepare(
      "SELECT pr.purpose_id AS purposeId, r.id AS recipientId, r.role FROM purpose_recipients pr JOIN recipients r ON r.id = pr.recipient_id",
    )
    .all() as { purposeId: number; recipientId: number; role: RecipientRole }[];
  return {
    purposes,
    links: links
      .filter((l) => byId.has(l.purposeId))
      .map((l) => ({ purposeKey: byId.get(l.purposeId)!.key, recipientId: l.recipientId, role: l.role })),
  };
}

type Person = PersonSoFar & { email: string | null; externalId: string | null; states: Map<number, string> };

function loadPerson(db: Db, subjectId: number, purposes: Purpose[]): Person | null {
  const sql = db.$client;
  const row = sql.prepare("SELECT email, external_id AS externalId FROM subjects WHERE id = ?").get(subjectId) as
    { email: string | null; externalId: string | null } | undefined;
  if (!row) return null;
  const keys = new Map(purposes.map((p) => [p.id, p.key]));
  const history = (
    sql
      .prepare("SELECT purpose_id AS purposeId, event AS state FROM consent_events WHERE subject_id = ? ORDER BY occurred_at, id")
      .all(subjectId) as {
      purposeId: number;
      state: ConsentEventType;
    }[]
  )
    .filter((e) => keys.has(e.purposeId))
    .map((e) => ({ purposeKey: keys.get(e.purposeId)!, state: e.state }));
  const states = new Map(
    (
      sql.prepare("SELECT purpose_id AS purposeId, state FROM consent_state WHERE subject_id = ?").all(subjectId) as {
        purposeId: number;
        state: string;
      }[]
    ).map((s) => [s.purposeId, s.state]),
  );
  return { ...row, history, wasCustomer: row.externalId !== null, states };
}

/** The recipient ids a request's completion tells, by the writer's rules. */
function toldIds(ctx: EligibilityContext, person: Person, purposes: Purpose[], type: string): number[] {
  const event = requestEventType(type);
  if (!event) return [];
  const active = purposes.filter((p) => p.status === "active");
  const stopped = new Set(purposesToStop(type, active));
  const ids = new Set(subjectEventRecipients(ctx, person, event, type === "objection" ? [...stopped] : []));
  for (const p of active.filter((p) => stopped.has(p.key) && person.states.get(p.id) === "granted")) {
    // The completion withdraws each grant it stops (lib/requests/fulfilment.ts, stopEvent).
    for (const id of consentChangeRecipients(ctx, person, { purposeKey: p.key, previousState: "granted", newState: "withdrawn" }))
      ids.add(id);
  }
  return [...ids];
}

/** The recipients completing the request will tell, by name; null when it tells nobody by its type or has no person linked. */
export function previewRequestRecipients(db: Db, requestId: number): RecipientPreview[] | null {
  const request = db.$client.prepare("SELECT type, subject_id AS subjectId FROM subject_requests WHERE id = ?").get(requestId) as
    { type: string; subjectId: number | null } | undefined;
  if (!request || request.subjectId === null || !requestEventType(request.type)) return null;
  const purposes = loadPurposes(db);
  const person = loadPerson(db, request.subjectId, purposes);
  if (!person) return null;
  const ctx = loadContext(db, purposes);
  const ids = toldIds(ctx, person, purposes, request.type);
  if (ids.length === 0) return [];
  const marks = ids.map(() => "?").join(",");
  const recipients = db.$client
    .prepare(
      `SELECT id, name, role, country, privacy_contact_email AS privacyContactEmail FROM recipients WHERE id IN (${marks}) ORDER BY name, id`,
    )
    .all(...ids) as (ToldRecipient & { privacyContactEmail: string | null })[];
  const paths = db.$client
    .prepare(
      `SELECT p.recipient_id AS recipientId, p.kind, p.status, p.disabled_reason AS disabledReason, p.api_key_id AS apiKeyId, k.revoked_at AS keyRevokedAt
       FROM recipient_paths p LEFT JOIN api_keys k ON k.id = p.api_key_id WHERE p.recipient_id IN (${marks})`,
    )
    .all(...ids) as (Omit<PathFacts, "keyRevokedAt"> & { recipientId: number; keyRevokedAt: number | null })[];
  return recipients.map(({ privacyContactEmail, ...recipient }) => {
    const own = paths
      .filter((p) => p.recipientId === recipient.id)
      .map((p) => ({ ...p, keyRevokedAt: p.keyRevokedAt === null ? null : new Date(p.keyRevokedAt) }));
    const working = own.filter((p) => hasWorkingPath([p], { privacyContactEmail }));
    const receivedEmail = ctx.links.some((l) => {
      const purpose = purposes.find((p) => p.key === l.purposeKey)!;
      return l.recipientId === recipient.id && sendsEmail(purpose.categories) && purposeShared(purpose, person);
    });
    return {
      recipient,
      paths: [...new Set(working.map((p) => p.kind))],
      unreachable: working.length === 0,
      noIdentifier: recipientIdentifiers(person, { receivedEmail }) === null,
    };
  });
}
