import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

// Small aggregates the ledger keeps in step with the ledger and consent_state,
// so dashboards answer "how many choices, by which channel, how many live
// grants, under which notice, expiring when, lasting how long" without reading
// consent_state or the ledger. Keys are purpose × jurisdiction × day (or notice
// version): thousands of rows, never one per subject. Every table is WITHOUT
// ROWID (set in the migration), so a period is one contiguous range of the key.

/** The dimensions a split row counts by; summing any one of them gives the day's totals. */
export const splitDimensions = ["source", "locale", "channel"] as const;

/**
 * Consent events per dimension value, day, purpose and event jurisdiction: one
 * row carries every event type and the GPC count, so a 30-day split reads a
 * few thousand rows instead of the full rollup key space.
 */
export const consentDailySplits = sqliteTable(
  "consent_daily_splits",
  {
    dimension: text("dimension", { enum: splitDimensions }).notNull(),
    day: text("day").notNull(),
    purposeId: integer("purpose_id").notNull(),
    jurisdiction: text("jurisdiction").notNull(),
    /** The source, locale or channel ("" for the whole purpose). */
    value: text("value").notNull(),
    granted: integer("granted").notNull(),
    denied: integer("denied").notNull(),
    withdrawn: integer("withdrawn").notNull(),
    expired: integer("expired").notNull(),
    /** Events that came with a Global Privacy Control signal. */
    gpc: integer("gpc").notNull(),
    /** Of those, grants: a GPC signal that was not honoured (the ledger refuses these, so this stays 0 unless imported). */
    gpcGranted: integer("gpc_granted").notNull(),
  },
  (t) => [primaryKey({ columns: [t.dimension, t.day, t.purposeId, t.jurisdiction, t.value] })],
);

/** Live grants per purpose, subject jurisdiction and the notice version they came under. */
export const consentGrantVersions = sqliteTable(
  "consent_grant_versions",
  {
    purposeId: integer("purpose_id").notNull(),
    jurisdiction: text("jurisdiction").notNull(),
    noticeVersionId: integer("notice_version_id").notNull(),
    count: integer("count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.purposeId, t.jurisdiction, t.noticeVersionId] })],
);

/** Live grants that lapse on their own, per UTC day they expire. */
export const consentGrantExpiries = sqliteTable(
  "consent_grant_expiries",
  {
    expiresDay: text("expires_day").notNull(),
    purposeId: integer("purpose_id").notNull(),
    jurisdiction: text("jurisdiction").notNull(),
    count: integer("count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.expiresDay, t.purposeId, t.jurisdiction] })],
);

/** Grants started minus grants stopped, per day: live grants at the end of a day are today's minus the deltas after it. */
export const consentGrantNet = sqliteTable(
  "consent_grant_net",
  {
    day: text("day").notNull(),
    purposeId: integer("purpose_id").notNull(),
    jurisdiction: text("jurisdiction").notNull(),
    delta: integer("delta").notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.purposeId, t.jurisdiction] })],
);

/**
 * Changes of state per day: from "" (a first decision) or a state, to a state
 * or "erased". Summed over all days, moves into a state minus moves out of it
 * give consent_state_totals.
 */
export const consentStateMoves = sqliteTable(
  "consent_state_moves",
  {
    purposeId: integer("purpose_id").notNull(),
    day: text("day").notNull(),
    jurisdiction: text("jurisdiction").notNull(),
    fromState: text("from_state").notNull(),
    toState: text("to_state").notNull(),
    /** The grant's notice version when either side is a grant, else 0. */
    noticeVersionId: integer("notice_version_id").notNull(),
    count: integer("count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.purposeId, t.day, t.jurisdiction, t.fromState, t.toState, t.noticeVersionId] })],
);

/** Grants that stopped (withdrawn, denied, expired) per day, with how long they had lasted (lib/metrics/grant-lifetime.ts buckets). */
export const consentGrantEndings = sqliteTable(
  "consent_grant_endings",
  {
    purposeId: integer("purpose_id").notNull(),
    day: text("day").notNull(),
    jurisdiction: text("jurisdiction").notNull(),
    noticeVersionId: integer("notice_version_id").notNull(),
    endedAs: text("ended_as").notNull(),
    lifetime: integer("lifetime").notNull(),
    count: integer("count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.purposeId, t.day, t.jurisdiction, t.noticeVersionId, t.endedAs, t.lifetime] })],
);

/**
 * Opt-outs of sale/sharing (lib/consent/sale-opt-out.ts): a person's move from refusing no sale/sharing purpose to
 * refusing one, counted per UTC quarter of an hour, the person's jurisdiction, the event's source and whether it came
 * with a GPC signal. Written by the ledger in the choice's transaction; no person is named, so erasure leaves it.
 */
export const consentOptOuts = sqliteTable(
  "consent_opt_outs",
  {
    /** The quarter of an hour the choice was made in: its time in ms since the epoch divided by 900,000, rounded down. */
    quarter: integer("quarter").notNull(),
    jurisdiction: text("jurisdiction").notNull(),
    source: text("source").notNull(),
    gpc: integer("gpc").notNull(),
    count: integer("count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.quarter, t.jurisdiction, t.source, t.gpc] })],
);
