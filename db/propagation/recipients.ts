import { and, asc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type { RecipientFields } from "@/lib/propagation/recipient-schemas";
import { activePathOfKind, hasWorkingPath } from "@/lib/propagation/paths";
import { DuplicateError, NotFoundError, RefusedError } from "@/lib/errors";
import type { Db } from "../connection";
import { appendAuditEntry } from "../staff/audit-chain";
import {
  apiKeys,
  purposeRecipients,
  purposes,
  recipientPaths,
  recipients,
  type Purpose,
  type Recipient,
  type RecipientPath,
} from "../schema";

// The recipient registry (issue 14, deliverable 1): one row per vendor, linked to every purpose that sends it
// data, and reached by its paths (recipient-paths.ts). These take the connection, so a script or a test store
// can use them; the app calls them on the server's connection through recipients-server.ts.

/** Who changes the registry: a staff member (or a script, id null) named in the audit log. */
export type RegistryActor = { id: number | null; email: string };

/**
 * A path as pages see it: never its secrets (shown once, when made), but whether a previous one still signs,
 * and for a feed its key's prefix, last use and revocation.
 */
export type PathSummary = Omit<RecipientPath, "secret" | "previousSecret"> & {
  hasPreviousSecret: boolean;
  keyPrefix: string | null;
  keyLastUsedAt: Date | null;
  keyRevokedAt: Date | null;
};

export type LinkedPurpose = Pick<Purpose, "id" | "key" | "name" | "status">;

export type RecipientListItem = Recipient & { purposes: LinkedPurpose[]; paths: PathSummary[]; working: boolean };

/** Runs a write in the caller's transaction when there is one, else in its own IMMEDIATE one. */
export function inWriteTransaction<T>(db: Db, write: () => T): T {
  const tx = db.$client.transaction(write);
  return db.$client.inTransaction ? tx() : tx.immediate();
}

export function auditRecipient(db: Db, actor: RegistryActor, action: string, recipientId: number, details: Record<string, unknown>) {
  appendAuditEntry(db, { actorId: actor.id, actorLabel: actor.email, action, targetType: "recipient", targetId: recipientId, details });
}

/** The paths of some recipients, without secrets, oldest first. */
export function pathSummaries(db: Db, recipientIds: number[]): PathSummary[] {
  if (recipientIds.length === 0) return [];
  const rows = db
    .select({ path: recipientPaths, keyPrefix: apiKeys.prefix, keyLastUsedAt: apiKeys.lastUsedAt, keyRevokedAt: apiKeys.revokedAt })
    .from(recipientPaths)
    .leftJoin(apiKeys, eq(apiKeys.id, recipientPaths.apiKeyId))
    .where(inArray(recipientPaths.recipientId, recipientIds))
    .orderBy(asc(recipientPaths.id))
    .all();
  return rows.map(({ path, keyPrefix, keyLastUsedAt, keyRevokedAt }) => {
    const { secret, previousSecret, ...rest } = path;
    void secret;
    return { ...rest, hasPreviousSecret: previousSecret !== null, keyPrefix, keyLastUsedAt, keyRevokedAt };
  });
}

function withLinks(db: Db, rows: Recipient[]): RecipientListItem[] {
  const ids = rows.map((r) => r.id);
  const links = ids.length
    ? db
        .select({
          recipientId: purposeRecipients.recipientId,
          id: purposes.id,
          key: purposes.key,
          name: purposes.name,
          status: purposes.status,
        })
        .from(purposeRecipients)
        .innerJoin(purposes, eq(purposes.id, purposeRecipients.purposeId))
        // Open links only: a link a revision or retirement closed is history (propagation/holders.ts reads it), not today's data map.
        .where(and(inArray(purposeRecipients.recipientId, ids), isNull(purposeRecipients.unlinkedAt)))
        .orderBy(asc(purposes.name))
        .all()
    : [];
  const paths = pathSummaries(db, ids);
  return rows.map((r) => {
    const own = paths.filter((p) => p.recipientId === r.id);
    const linked = new Map<number, LinkedPurpose>();
    for (const l of links) if (l.recipientId === r.id) linked.set(l.id, { id: l.id, key: l.key, name: l.name, status: l.status });
    return { ...r, purposes: [...linked.values()], paths: own, working: hasWorkingPath(own, r) };
  });
}

/** Every recipient by name, with the purposes that send it data, its paths and whether one works. */
export function listRecipients(db: Db): RecipientListItem[] {
  return withLinks(
    db,
    db
      .select()
      .from(recipients)
      .orderBy(sql`${recipients.name} COLLATE NOCASE`, asc(recipients.id))
      .all(),
  );
}

/** One recipient with its purposes and paths, or undefined. */
export function getRecipient(db: Db, id: number): RecipientListItem | undefined {
  const row = db.select().from(recipients).where(eq(recipients.id, id)).get();
  return row ? withLinks(db, [row])[0] : undefined;
}

export type RecipientOption = Pick<Recipient, "id" | "name" | "role" | "country">;

/** The registry as the purpose form offers it: name, role and country, by name. */
export function listRecipientOptions(db: Db): RecipientOption[] {
  return db
    .select({ id: recipients.id, name: recipients.name, role: recipients.role, country: recipients.country })
    .from(recipients)
    .orderBy(sql`${recipients.name} COLLATE NOCASE`, asc(recipients.id))
    .all();
}

export function loadRecipient(db: Db, id: number): Recipient {
  const row = db.select().from(recipients).where(eq(recipients.id, id)).get();
  if (!row) throw new NotFoundError("recipient");
  return row;
}

/** Names are one vendor each, whatever their case: "MailHarbor Inc." and "mailharbor inc." are the same company. */
function requireFreeName(db: Db, name: string, except?: number) {
  const clash = db
    .select({ id: recipients.id })
    .from(recipients)
    .where(and(sql`lower(${recipients.name}) = lower(${name})`, except === undefined ? undefined : ne(recipients.id, except)))
    .get();
  if (clash) throw new DuplicateError("name");
}

/** Adds a vendor to the registry (audited). */
export function createRecipient(db: Db, fields: RecipientFields, actor: RegistryActor): Recipient {
  return inWriteTransaction(db, () => {
    requireFreeName(db, fields.name);
    const row = db.insert(recipients).values(fields).returning().get();
    auditRecipient(db, actor, "recipient.create", row.id, { name: row.name, role: row.role, country: row.country });
    return row;
  });
}

/**
 * Changes a recipient's facts (audited with the fields that changed); nothing changed writes nothing. While an
 * email path writes to the privacy contact, changing that address changes where people's identifiers go: only
 * someone who manages paths (`managesPaths`, a privacy officer) may, anyone else is refused on the field.
 */
export function updateRecipient(
  db: Db,
  id: number,
  fields: RecipientFields,
  actor: RegistryActor,
  options: { managesPaths: boolean },
): Recipient {
  return inWriteTransaction(db, () => {
    const before = loadRecipient(db, id);
    const changed = (Object.keys(fields) as (keyof RecipientFields)[]).filter((k) => fields[k] !== before[k]);
    if (changed.length === 0) return before;
    if (changed.includes("privacyContactEmail") && !options.managesPaths) {
      const paths = db.select().from(recipientPaths).where(eq(recipientPaths.recipientId, id)).all();
      if (activePathOfKind(paths, "email")) throw new RefusedError("email-path-contact", "privacyContactEmail");
    }
    if (changed.includes("name")) requireFreeName(db, fields.name, id);
    const row = db
      .update(recipients)
      .set({ ...fields, updatedAt: new Date() })
      .where(eq(recipients.id, id))
      .returning()
      .get();
    auditRecipient(db, actor, "recipient.update", id, { name: row.name, changed });
    return row;
  });
}
