import { purposesToStop } from "@/lib/requests/fulfilment";
import { requestEventType, type ToldRecipient } from "@/lib/propagation/acknowledgements";
import { consentChangeRecipients, subjectEventRecipients } from "@/lib/propagation/eligibility";
import { recipientIdentifiers } from "@/lib/propagation/events";
import { hasWorkingPath, type PathFacts } from "@/lib/propagation/paths";
import type { PathKind } from "@/lib/propagation/vocabulary";
import type { Db } from "../connection";
import { heldCategories, loadHolderPerson, loadHoldersContext, receivedEmail, type HolderPerson, type HoldersContext } from "./holders";

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

type Person = HolderPerson & { states: Map<number, string> };

function loadPerson(db: Db, ctx: HoldersContext, subjectId: number): Person | null {
  const person = loadHolderPerson(db, ctx, subjectId);
  if (!person) return null;
  const states = new Map(
    (
      db.$client.prepare("SELECT purpose_id AS purposeId, state FROM consent_state WHERE subject_id = ?").all(subjectId) as {
        purposeId: number;
        state: string;
      }[]
    ).map((s) => [s.purposeId, s.state]),
  );
  return { ...person, states };
}

/** The recipient ids a request's completion tells, by the writer's rules. */
function toldIds(ctx: HoldersContext, person: Person, type: string): number[] {
  const event = requestEventType(type);
  if (!event) return [];
  const active = ctx.purposes.filter((p) => p.status === "active");
  const stopped = new Set(purposesToStop(type, active));
  const ids = new Set(subjectEventRecipients(ctx, person, event, type === "objection" ? [...stopped] : undefined));
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
  const ctx = loadHoldersContext(db);
  const person = loadPerson(db, ctx, request.subjectId);
  if (!person) return null;
  const ids = toldIds(ctx, person, request.type);
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
    const hasEmail = receivedEmail(heldCategories(ctx, person, recipient.id), person, recipient.id);
    return {
      recipient,
      paths: [...new Set(working.map((p) => p.kind))],
      unreachable: working.length === 0,
      noIdentifier: recipientIdentifiers(person, { receivedEmail: hasEmail }) === null,
    };
  });
}
