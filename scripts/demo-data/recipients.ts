import { createHash } from "node:crypto";
import type { ReferenceRows } from "@/db/seed/rows";
import { hashApiKey, PREFIX_LENGTH } from "@/lib/api-keys/keys";
import type { RecipientRole } from "@/lib/purposes/vocabulary";
import type { EmailBatching } from "@/lib/propagation/vocabulary";
import { demoStaffId } from "./staff";
import type { Timeline } from "./timeline";

/**
 * How the demo reaches a recipient. The demo phones nobody: feeds are read by the recipient, emails wait in the
 * outbox, and the one webhook points at a reserved example domain and was stopped by a 410 long ago.
 */
export type DemoPath =
  | { kind: "feed"; addedDaysAgo: number; lastUsedDaysAgo: number | null }
  | { kind: "email"; batching: EmailBatching; addedDaysAgo: number }
  | { kind: "webhook-gone"; url: string; addedDaysAgo: number; goneDaysAgo: number };

/** One vendor in Northtrail's recipient registry, with its privacy contact (made up, at example domains). */
export type DemoRecipient = {
  name: string;
  country: string;
  role: RecipientRole;
  contactName: string;
  contactEmail: string;
  paths: DemoPath[];
};

const vendor = (name: string, country: string, role: RecipientRole, contactName: string, contactEmail: string, paths: DemoPath[]) => ({
  name,
  country,
  role,
  contactName,
  contactEmail,
  paths,
});

export const parcelway = vendor("Parcelway Logistics GmbH", "DE", "processor", "Jana Keller", "datenschutz@parcelway.example", [
  { kind: "feed", addedDaysAgo: 120, lastUsedDaysAgo: 0 },
]);
export const hanul = vendor("Hanul Express Co., Ltd.", "KR", "processor", "Park Ji-woo", "privacy@hanul-express.example", [
  { kind: "email", batching: "each", addedDaysAgo: 110 },
]);
export const yamabiko = vendor("Yamabiko Transport K.K.", "JP", "processor", "Sato Haruka", "privacy@yamabiko.example", [
  { kind: "email", batching: "daily", addedDaysAgo: 110 },
]);
export const paylane = vendor("Paylane Payments Europe Ltd.", "IE", "processor", "Aoife Brennan", "dpo@paylane.example", [
  { kind: "feed", addedDaysAgo: 118, lastUsedDaysAgo: 1 },
]);
export const ledgerline = vendor("Ledgerline Accounting Services Ltd.", "IE", "processor", "Ciarán Walsh", "privacy@ledgerline.example", [
  { kind: "email", batching: "daily", addedDaysAgo: 100 },
]);
// A tax authority receives records the law requires; it is not told of erasures, so it has no path.
export const revenue = vendor("Revenue Commissioners", "IE", "controller", "Data Protection Officer", "dpo@revenue.example", []);
export const sentinel = vendor("Sentinel Risk Scoring Inc.", "US", "processor", "Morgan Hale", "privacy@sentinel-risk.example", [
  { kind: "webhook-gone", url: "https://hooks.sentinel-risk.example/candor/v1", addedDaysAgo: 115, goneDaysAgo: 9 },
]);
export const textBridge = vendor("TextBridge Messaging Ltd.", "IE", "processor", "Niamh Doyle", "privacy@textbridge.example", [
  { kind: "email", batching: "each", addedDaysAgo: 105 },
]);
export const mailHarbor = vendor("MailHarbor Inc.", "US", "processor", "Dana Reyes", "privacy@mailharbor.example", [
  { kind: "feed", addedDaysAgo: 125, lastUsedDaysAgo: 0 },
]);
export const cloudNest = vendor("CloudNest Hosting GmbH", "DE", "processor", "Lukas Brandt", "privacy@cloudnest.example", [
  { kind: "feed", addedDaysAgo: 122, lastUsedDaysAgo: 2 },
]);
export const meridian = vendor("Meridian Ads Network Ltd.", "IE", "third_party", "Sinéad Murphy", "privacy@meridian-ads.example", [
  { kind: "email", batching: "daily", addedDaysAgo: 98 },
]);
export const daon = vendor("Daon Media Partners Co., Ltd.", "KR", "third_party", "Kim Min-seo", "privacy@daon-media.example", [
  { kind: "email", batching: "each", addedDaysAgo: 97 },
]);
export const sakura = vendor("Sakura Ad Exchange K.K.", "JP", "third_party", "Takahashi Ren", "privacy@sakura-adx.example", [
  { kind: "email", batching: "daily", addedDaysAgo: 97 },
]);
export const summit = vendor("Summit Retail Media Inc.", "US", "third_party", "Jordan Ellis", "privacy@summit-retail.example", [
  { kind: "feed", addedDaysAgo: 96, lastUsedDaysAgo: 0 },
]);
export const inkwell = vendor("Inkwell Print & Post Ltd.", "IE", "processor", "Eoin Gallagher", "privacy@inkwell-print.example", [
  { kind: "email", batching: "each", addedDaysAgo: 130 },
]);

/**
 * A feed key for the demo: deterministic, so identical seeds give identical stores. Only its hash is stored;
 * nobody is given its plaintext (an officer makes a new feed path to get a key to try the feed with).
 */
export function demoFeedKey(recipientName: string): { plaintext: string } {
  const digest = createHash("sha256").update(`northtrail-demo-feed:${recipientName}`).digest("base64url");
  return { plaintext: `rk_live_${digest.slice(0, 43)}` };
}

type Log = (at: number, actor: string | null, action: string, targetType: string, targetId: string | number, details: object) => void;
type Rows = Pick<ReferenceRows, "recipients" | "purposeRecipients" | "recipientPaths"> & { apiKeys: NonNullable<ReferenceRows["apiKeys"]> };

const officer = "privacy@northtrail.example";

/**
 * The registry rows for the demo's purposes: one recipient per vendor (in the order the purposes first name them,
 * recorded when that purpose was drafted), each purpose's links, and the paths with their audit entries; a feed
 * path brings its recipient key (ids after `firstKeyId`).
 */
export function registryRows(
  t: Timeline,
  purposes: readonly { id: number; createdAt: number; recipients: readonly DemoRecipient[] }[],
  firstKeyId: number,
  log: Log,
): Rows {
  const rows: Rows = { recipients: [], purposeRecipients: [], recipientPaths: [], apiKeys: [] };
  const ids = new Map<string, number>();
  for (const p of purposes)
    for (const r of p.recipients) {
      let id = ids.get(r.name);
      if (id === undefined) {
        id = ids.size + 1;
        ids.set(r.name, id);
        const createdAt = new Date(p.createdAt);
        rows.recipients.push({
          id,
          name: r.name,
          role: r.role,
          country: r.country,
          privacyContactName: r.contactName,
          privacyContactEmail: r.contactEmail,
          createdAt,
        });
        log(p.createdAt, officer, "recipient.create", "recipient", id, { name: r.name, role: r.role, country: r.country });
        addPaths(t, r, id, rows, firstKeyId, log);
      }
      // Linked since the purpose was drafted: before any grant or customer of it (link history, db/propagation/holders.ts).
      rows.purposeRecipients.push({ purposeId: p.id, recipientId: id, linkedAt: new Date(p.createdAt) });
    }
  return rows;
}

function addPaths(t: Timeline, r: DemoRecipient, recipientId: number, rows: Rows, firstKeyId: number, log: Log) {
  for (const path of r.paths) {
    const at = t.daysAgo(path.addedDaysAgo, 14);
    const pathId = rows.recipientPaths.length + 1;
    if (path.kind === "feed") {
      const keyId = firstKeyId + rows.apiKeys.length;
      const { plaintext } = demoFeedKey(r.name);
      const prefix = plaintext.slice(0, PREFIX_LENGTH);
      const name = `${r.name} (feed)`;
      rows.apiKeys.push({
        id: keyId,
        name,
        kind: "recipient",
        prefix,
        keyHash: hashApiKey(plaintext),
        allowedOrigins: [],
        createdById: demoStaffId(officer),
        createdAt: new Date(at),
        lastUsedAt: path.lastUsedDaysAgo === null ? null : new Date(t.daysAgo(path.lastUsedDaysAgo, 3)),
      });
      rows.recipientPaths.push({ id: pathId, recipientId, kind: "feed", apiKeyId: keyId, createdAt: new Date(at) });
      log(at, officer, "api-key.create", "api_key", keyId, { name, kind: "recipient", prefix, allowedOrigins: [] });
      log(at, officer, "recipient.path.add", "recipient", recipientId, { pathId, kind: "feed", keyPrefix: prefix });
    } else if (path.kind === "email") {
      rows.recipientPaths.push({ id: pathId, recipientId, kind: "email", emailBatching: path.batching, createdAt: new Date(at) });
      log(at, officer, "recipient.path.add", "recipient", recipientId, { pathId, kind: "email", emailBatching: path.batching });
    } else {
      // The secret is made here and never shown: the recipient's endpoint is gone, and the demo sends nothing.
      const secret = `whsec_${createHash("sha256").update(`northtrail-demo-webhook:${r.name}`).digest("base64")}`;
      const gone = t.daysAgo(path.goneDaysAgo, 4);
      rows.recipientPaths.push({
        id: pathId,
        recipientId,
        kind: "webhook",
        status: "disabled",
        url: path.url,
        secret,
        disabledAt: new Date(gone),
        disabledReason: "gone",
        createdAt: new Date(at),
        updatedAt: new Date(gone),
      });
      log(at, officer, "recipient.path.add", "recipient", recipientId, { pathId, kind: "webhook", url: path.url });
      log(gone, null, "recipient.path.gone", "recipient", recipientId, { pathId, kind: "webhook", answer: 410 });
    }
  }
}
