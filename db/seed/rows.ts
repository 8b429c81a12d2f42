import type { ConsentEventType, ConsentSource } from "@/lib/consent/vocabulary";
import type {
  apiKeys,
  brandSettings,
  staffUsers,
  purposes,
  purposeRecipients,
  recipients,
  recipientPaths,
  notices,
  noticeVersions,
  subjectRequests,
  requestEvents,
  outbox,
  suppressionTombstones,
  requestAgents,
} from "../schema";

/** Small tables go through drizzle, so their rows are drizzle's own insert shapes (ids given). */
export type ReferenceRows = {
  brand: typeof brandSettings.$inferInsert;
  staff: (typeof staffUsers.$inferInsert & { id: number })[];
  purposes: (typeof purposes.$inferInsert & { id: number })[];
  /** The recipient registry, each purpose's links to it, and the recipients' paths (feed keys come in apiKeys). */
  recipients: (typeof recipients.$inferInsert & { id: number })[];
  purposeRecipients: (typeof purposeRecipients.$inferInsert)[];
  recipientPaths: (typeof recipientPaths.$inferInsert & { id: number })[];
  notices: (typeof notices.$inferInsert & { id: number })[];
  noticeVersions: (typeof noticeVersions.$inferInsert & { id: number })[];
  apiKeys?: (typeof apiKeys.$inferInsert)[];
};

export type RequestRows = {
  requests: (typeof subjectRequests.$inferInsert & { id: number })[];
  events: (typeof requestEvents.$inferInsert)[];
  outbox: (typeof outbox.$inferInsert)[];
  tombstones: (typeof suppressionTombstones.$inferInsert)[];
  /** The authorised agents some requests were made by (§7063). */
  agents?: (typeof requestAgents.$inferInsert)[];
};

// The ledger tables are written millions of rows at a time, so their rows are
// flat: times in epoch milliseconds, flags as 0/1, ids assigned by the caller.

export type SubjectRow = {
  id: number;
  uid: string;
  externalId: string | null;
  email: string;
  name: string;
  phone: string | null;
  jurisdiction: string;
  locale: string;
  isMinor: 0 | 1;
  guardianName: string | null;
  guardianEmail: string | null;
  createdAt: number;
};

export type ConsentEventRow = {
  id: number;
  subjectId: number;
  purposeId: number;
  noticeVersionId: number;
  event: ConsentEventType;
  channel: string | null;
  jurisdiction: string;
  source: ConsentSource;
  locale: string;
  gpc: 0 | 1;
  guardianName: string | null;
  occurredAt: number;
  recordedAt: number;
};

export type ConsentStateRow = {
  subjectId: number;
  purposeId: number;
  state: ConsentEventRow["event"];
  channels: string[];
  noticeVersionId: number;
  lastEventId: number;
  gpc: 0 | 1;
  decidedAt: number;
  expiresAt: number | null;
};

export type RollupRow = {
  day: string;
  purposeId: number;
  jurisdiction: string;
  source: string;
  locale: string;
  channel: string;
  event: string;
  gpc: 0 | 1;
  count: number;
};
