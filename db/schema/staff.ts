import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";
import { timestamp, createdAt } from "./columns";

export const staffUsers = sqliteTable("staff_users", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  role: text("role", { enum: ["marketing", "privacy_officer", "executive", "admin"] }).notNull(),
  passwordHash: text("password_hash").notNull(),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  locale: text("locale").notNull().default("en"),
  createdAt: createdAt(),
  updatedAt: timestamp("updated_at"),
  deactivatedAt: timestamp("deactivated_at"),
  lastSignInAt: timestamp("last_sign_in_at"),
  /** Sessions made before this are refused: set when two-step goes on, off or is reset, and when the password changes. */
  sessionsValidAfter: timestamp("sessions_valid_after"),
  /** The one session kept when the member changed two-step themself, with a code, in it (lib/auth/session-validity.ts). */
  keptSessionId: text("kept_session_id"),
});

/** Failed sign-ins per key (an email address), to slow and then refuse guessing. */
export const signInThrottles = sqliteTable("sign_in_throttles", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  firstFailureAt: timestamp("first_failure_at").notNull(),
  lockedUntil: timestamp("locked_until"),
});

export const brandSettings = sqliteTable("brand_settings", {
  id: integer("id").primaryKey(),
  name: text("name").notNull(),
  legalName: text("legal_name").notNull(),
  address: text("address").notNull(),
  contactEmail: text("contact_email").notNull(),
  dpoEmail: text("dpo_email").notNull(),
  websiteUrl: text("website_url").notNull(),
  timeZone: text("time_zone").notNull().default("UTC"),
  defaultLocale: text("default_locale").notNull().default("en"),
  enabledLocales: text("enabled_locales", { mode: "json" }).$type<string[]>().notNull(),
  allowedOrigins: text("allowed_origins", { mode: "json" }).$type<string[]>().notNull(),
  appiTargetDays: integer("appi_target_days").notNull().default(14),
  /** The brand's target in days for APPI's "prompt" preliminary breach report and notice (lib/incidents/clocks.ts). */
  appiBreachPreliminaryDays: integer("appi_breach_preliminary_days").notNull().default(3),
  unverifiedCloseDays: integer("unverified_close_days").notNull().default(21),
  /** Identity check per request type; null or a missing type means the default (lib/requests/verification.ts). */
  requestVerification: text("request_verification", { mode: "json" }),
  /** Notice languages each jurisdiction requires; null or a missing jurisdiction means the default (lib/notices/required-languages.ts). */
  noticeLanguages: text("notice_languages", { mode: "json" }),
  /** Days a recipient has to confirm a propagated change before privacy operations lists it (lib/propagation/confirmation-limit.ts). */
  confirmationLimitDays: integer("confirmation_limit_days").notNull().default(7),
  /** Privacy officers and administrators must sign in with a second factor (lib/auth/two-factor-policy.ts). */
  requireTwoFactor: integer("require_two_factor", { mode: "boolean" }).notNull().default(false),
  /** Smallest figure a consent breakdown shows to marketing and executives; smaller ones read "< k" (lib/metrics/suppression.ts). */
  suppressionK: integer("suppression_k").notNull().default(10),
  updatedAt: timestamp("updated_at"),
});

export const apiKeys = sqliteTable(
  "api_keys",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    kind: text("kind", { enum: ["secret", "publishable", "recipient"] }).notNull(),
    prefix: text("prefix").notNull(),
    keyHash: text("key_hash").notNull().unique(),
    allowedOrigins: text("allowed_origins", { mode: "json" }).$type<string[]>().notNull(),
    createdById: integer("created_by_id").references(() => staffUsers.id),
    createdAt: createdAt(),
    lastUsedAt: timestamp("last_used_at"),
    revokedAt: timestamp("revoked_at"),
  },
  (t) => [index("api_keys_prefix_idx").on(t.prefix)],
);

/** Append-only, hash-chained record of every staff change and refusal. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: timestamp("at").notNull(),
    actorId: integer("actor_id"),
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    outcome: text("outcome", { enum: ["ok", "denied", "failed"] }).notNull(),
    details: text("details").notNull(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [index("audit_log_at_idx").on(t.at), index("audit_log_action_idx").on(t.action), index("audit_log_actor_idx").on(t.actorId)],
);

export type StaffUser = typeof staffUsers.$inferSelect;
export type BrandSettings = typeof brandSettings.$inferSelect;
export type ApiKey = typeof apiKeys.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
