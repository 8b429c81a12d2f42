import { and, eq } from "drizzle-orm";
import type { EndpointCheck } from "@/lib/propagation/endpoint-guard";
import { activePathOfKind } from "@/lib/propagation/paths";
import type { EmailBatching, PathKind } from "@/lib/propagation/vocabulary";
import { generateWebhookSecret } from "@/lib/propagation/webhook-signature";
import { ConflictError, NotFoundError, RefusedError } from "@/lib/errors";
import type { Db } from "../connection";
import { recipientPaths, type RecipientPath } from "../schema";
import { feedStart } from "./feed";
import { issueFeedKey, revokeFeedKey } from "./feed-keys";
import { auditRecipient, inWriteTransaction, loadRecipient, pathSummaries, type PathSummary, type RegistryActor } from "./recipients";

// A recipient's paths (issue 14, deliverables 1 and 8): a webhook whose endpoint the SSRF guard checks at save
// and whose secret is shown once; the pull feed with the recipient's own key, shown once; an email to its
// privacy contact. A recipient holds at most one active path of each kind. Every change is audited.

/** The SSRF guard as the caller runs it (lib/server/endpoint-check.ts in the server): the URL, then its addresses. */
export type CheckEndpoint = (url: string) => Promise<EndpointCheck>;

export type PathRef = { recipientId: number; pathId: number };

function loadPath(db: Db, ref: PathRef): RecipientPath {
  const path = db
    .select()
    .from(recipientPaths)
    .where(and(eq(recipientPaths.id, ref.pathId), eq(recipientPaths.recipientId, ref.recipientId)))
    .get();
  if (!path) throw new NotFoundError("recipient path");
  return path;
}

function summary(db: Db, path: RecipientPath): PathSummary {
  return pathSummaries(db, [path.recipientId]).find((p) => p.id === path.id)!;
}

/** Refuses a second active path of a kind: one webhook, one feed, one email path at a time. */
function requireNoActive(db: Db, recipientId: number, kind: PathKind) {
  const paths = db.select().from(recipientPaths).where(eq(recipientPaths.recipientId, recipientId)).all();
  if (activePathOfKind(paths, kind)) throw new ConflictError("path-exists");
}

/** Throws the guard's refusal as a field error on `url`, naming the reason (and the address and range it met). */
async function requirePublicEndpoint(url: string, check: CheckEndpoint): Promise<void> {
  const result = await check(url);
  if (result.ok) return;
  const values: Record<string, string> = {};
  if (result.address) values.address = result.address;
  if (result.range) values.range = result.range;
  throw new RefusedError(result.reason, "url", values);
}

const host = (url: string) => new URL(url).host;

/**
 * Adds a webhook path once the SSRF guard accepts the endpoint; returns the path and its signing secret,
 * which exists outside the store only in this answer (the page shows it once).
 */
export async function addWebhookPath(
  db: Db,
  input: { recipientId: number; url: string },
  actor: RegistryActor,
  check: CheckEndpoint,
): Promise<{ path: PathSummary; secret: string }> {
  loadRecipient(db, input.recipientId);
  requireNoActive(db, input.recipientId, "webhook");
  await requirePublicEndpoint(input.url, check);
  const secret = generateWebhookSecret();
  // The guard's answer was awaited: what the store says now is checked again inside the transaction.
  const path = inWriteTransaction(db, () => {
    loadRecipient(db, input.recipientId);
    requireNoActive(db, input.recipientId, "webhook");
    const row = db
      .insert(recipientPaths)
      .values({ recipientId: input.recipientId, kind: "webhook", url: input.url, secret })
      .returning()
      .get();
    auditRecipient(db, actor, "recipient.path.add", input.recipientId, { pathId: row.id, kind: "webhook", url: input.url });
    return row;
  });
  return { path: summary(db, path), secret };
}

/**
 * A new signing secret for a webhook path, returned once. The previous one keeps signing beside it for
 * 24 hours (lib/propagation/webhook-signature.ts signingSecrets), so the recipient switches without a gap.
 */
export function rotateWebhookSecret(db: Db, ref: PathRef, actor: RegistryActor): { path: PathSummary; secret: string } {
  return inWriteTransaction(db, () => {
    const path = loadPath(db, ref);
    if (path.kind !== "webhook" || path.secret === null) throw new ConflictError("not-a-webhook");
    const secret = generateWebhookSecret();
    const now = new Date();
    const row = db
      .update(recipientPaths)
      .set({ secret, previousSecret: path.secret, rotatedAt: now, updatedAt: now })
      .where(eq(recipientPaths.id, path.id))
      .returning()
      .get();
    auditRecipient(db, actor, "recipient.path.rotate-secret", ref.recipientId, { pathId: path.id, kind: "webhook", host: host(path.url!) });
    return { path: summary(db, row), secret };
  });
}

/**
 * Adds a feed path with the recipient's own API key (kind "recipient", rk_live_…), which reads its changes and
 * confirms its deliveries; the key's plaintext exists only in this answer. The feed starts just below the
 * recipient's oldest delivery not yet confirmed (db/propagation/feed.ts feedStart): a new key never reads back
 * what the recipient already acknowledged.
 */
export function addFeedPath(db: Db, input: { recipientId: number }, actor: RegistryActor): { path: PathSummary; key: string } {
  return inWriteTransaction(db, () => {
    const recipient = loadRecipient(db, input.recipientId);
    requireNoActive(db, input.recipientId, "feed");
    const { key, plaintext } = issueFeedKey(db, recipient, actor);
    const row = db
      .insert(recipientPaths)
      .values({ recipientId: recipient.id, kind: "feed", apiKeyId: key.id, feedCursor: feedStart(db, recipient.id) })
      .returning()
      .get();
    auditRecipient(db, actor, "recipient.path.add", recipient.id, {
      pathId: row.id,
      kind: "feed",
      keyPrefix: key.prefix,
      startsAfter: row.feedCursor,
    });
    return { path: summary(db, row), key: plaintext };
  });
}

/** Adds an email path to the privacy contact, per event or daily; refused while the recipient has no contact address. */
export function addEmailPath(db: Db, input: { recipientId: number; emailBatching: EmailBatching }, actor: RegistryActor): PathSummary {
  return inWriteTransaction(db, () => {
    const recipient = loadRecipient(db, input.recipientId);
    if (!recipient.privacyContactEmail) throw new ConflictError("no-contact-email");
    requireNoActive(db, recipient.id, "email");
    const row = db
      .insert(recipientPaths)
      .values({ recipientId: recipient.id, kind: "email", emailBatching: input.emailBatching })
      .returning()
      .get();
    auditRecipient(db, actor, "recipient.path.add", recipient.id, { pathId: row.id, kind: "email", emailBatching: input.emailBatching });
    return summary(db, row);
  });
}

/**
 * Switches a path off at an officer's word; what it would carry waits for another path or a re-enable. A feed's
 * key is revoked with it: switching the feed off stops its reads and confirmations at once.
 */
export function disablePath(db: Db, ref: PathRef, actor: RegistryActor): PathSummary {
  return inWriteTransaction(db, () => {
    const path = loadPath(db, ref);
    if (path.status !== "active") throw new ConflictError("wrong-status");
    const now = new Date();
    const revoked = path.kind === "feed" ? revokeFeedKey(db, path.apiKeyId, actor) : null;
    const row = db
      .update(recipientPaths)
      .set({ status: "disabled", disabledAt: now, disabledReason: "officer", updatedAt: now })
      .where(eq(recipientPaths.id, path.id))
      .returning()
      .get();
    auditRecipient(db, actor, "recipient.path.disable", ref.recipientId, {
      pathId: path.id,
      kind: path.kind,
      ...(revoked ? { keyRevoked: revoked } : {}),
    });
    return summary(db, row);
  });
}

/**
 * Switches a path back on. A webhook's endpoint is checked again first (its DNS may have moved since it was
 * saved, and a 410 may have stopped it); an email path needs the contact address it writes to. A feed gets a
 * new key, returned once (the old one stays revoked), and goes on from where it stood or, if later, from just
 * below the recipient's oldest delivery not yet confirmed, like a new feed.
 */
export async function enablePath(
  db: Db,
  ref: PathRef,
  actor: RegistryActor,
  check: CheckEndpoint,
): Promise<{ path: PathSummary; key?: string }> {
  const before = loadPath(db, ref);
  if (before.status !== "disabled") throw new ConflictError("wrong-status");
  if (before.kind === "webhook") await requirePublicEndpoint(before.url!, check);
  return inWriteTransaction(db, () => {
    const path = loadPath(db, ref);
    if (path.status !== "disabled" || path.url !== before.url) throw new ConflictError("wrong-status");
    if (path.kind === "email" && !loadRecipient(db, ref.recipientId).privacyContactEmail) throw new ConflictError("no-contact-email");
    requireNoActive(db, ref.recipientId, path.kind);
    const on = { status: "active" as const, disabledAt: null, disabledReason: null, updatedAt: new Date() };
    let feed: { apiKeyId: number; feedCursor: number; prefix: string; plaintext: string } | undefined;
    if (path.kind === "feed") {
      revokeFeedKey(db, path.apiKeyId, actor);
      const { key, plaintext } = issueFeedKey(db, loadRecipient(db, ref.recipientId), actor);
      const feedCursor = Math.max(path.feedCursor ?? 0, feedStart(db, ref.recipientId));
      feed = { apiKeyId: key.id, feedCursor, prefix: key.prefix, plaintext };
    }
    const row = db
      .update(recipientPaths)
      .set(feed ? { ...on, apiKeyId: feed.apiKeyId, feedCursor: feed.feedCursor } : on)
      .where(eq(recipientPaths.id, path.id))
      .returning()
      .get();
    auditRecipient(db, actor, "recipient.path.enable", ref.recipientId, {
      pathId: path.id,
      kind: path.kind,
      previousReason: path.disabledReason,
      ...(feed ? { keyPrefix: feed.prefix, startsAfter: feed.feedCursor } : {}),
    });
    return { path: summary(db, row), ...(feed ? { key: feed.plaintext } : {}) };
  });
}
