import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";
import { timestamp, createdAt } from "./columns";
import { staffUsers } from "./staff";

/**
 * An invitation to join the staff: the invitee opens the emailed link and sets their own password.
 * Only the SHA-256 of the link's token is kept; a resend replaces it, so an older link stops working.
 */
export const staffInvites = sqliteTable(
  "staff_invites",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: text("role", { enum: ["marketing", "privacy_officer", "executive", "admin"] }).notNull(),
    locale: text("locale").notNull().default("en"),
    tokenHash: text("token_hash").notNull().unique(),
    invitedById: integer("invited_by_id").references(() => staffUsers.id),
    createdAt: createdAt(),
    sentAt: timestamp("sent_at").notNull(),
    expiresAt: timestamp("expires_at").notNull(),
    acceptedAt: timestamp("accepted_at"),
    revokedAt: timestamp("revoked_at"),
    staffUserId: integer("staff_user_id").references(() => staffUsers.id),
  },
  (t) => [index("staff_invites_email_idx").on(t.email)],
);

/**
 * A staff member's TOTP second factor. The secret is stored encrypted (lib/server/sealing.ts);
 * enabled_at is null while the member has not yet confirmed it with a code. last_step is the
 * time step of the last code accepted, so no code is accepted twice.
 */
export const staffTwoFactor = sqliteTable("staff_two_factor", {
  staffUserId: integer("staff_user_id")
    .primaryKey()
    .references(() => staffUsers.id),
  secret: text("secret").notNull(),
  enabledAt: timestamp("enabled_at"),
  lastStep: integer("last_step"),
  createdAt: createdAt(),
});

/** Single-use recovery codes, stored as SHA-256 hashes; a new set replaces the old. */
export const staffRecoveryCodes = sqliteTable(
  "staff_recovery_codes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    staffUserId: integer("staff_user_id")
      .notNull()
      .references(() => staffUsers.id),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at"),
  },
  (t) => [index("staff_recovery_codes_user_idx").on(t.staffUserId)],
);

export type StaffInvite = typeof staffInvites.$inferSelect;
export type StaffTwoFactor = typeof staffTwoFactor.$inferSelect;
