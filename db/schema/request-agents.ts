import { sqliteTable, text, integer } from "drizzle-orm/sqlite-core";
import { createdAt } from "./columns";
import { subjectRequests } from "./requests";

/**
 * The authorised agent a request was made by (CCPA 11 CCR §7063), one per request, and the proof asked for
 * (lib/requests/agent.ts). Kept with the request, as long as the request is kept.
 */
export const requestAgents = sqliteTable("request_agents", {
  requestId: integer("request_id")
    .primaryKey()
    .references(() => subjectRequests.id),
  name: text("name").notNull(),
  contact: text("contact").notNull(),
  /** A business entity registered with the California Secretary of State. */
  business: integer("business", { mode: "boolean" }).notNull().default(false),
  signedPermission: integer("signed_permission", { mode: "boolean" }).notNull().default(false),
  /** A power of attorney under Probate Code §§4121–4130. */
  powerOfAttorney: integer("power_of_attorney", { mode: "boolean" }).notNull().default(false),
  /** The consumer was asked to verify their own identity directly with the business (§7063(a)(1)). */
  consumerVerifiedDirectly: integer("consumer_verified_directly", { mode: "boolean" }).notNull().default(false),
  /** The consumer was asked to confirm directly that they gave the agent permission (§7063(a)(2)). */
  consumerConfirmedPermission: integer("consumer_confirmed_permission", { mode: "boolean" }).notNull().default(false),
  createdAt: createdAt(),
});

export type RequestAgentRow = typeof requestAgents.$inferSelect;
