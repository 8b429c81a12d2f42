import { sqliteTable, text, integer } from "drizzle-orm/sqlite-core";
import type { DataCategory } from "../../lib/purposes/vocabulary";
import {
  destructionMethods,
  transferMethods,
  transferRefusals,
  transferSafeguards,
  transferTimings,
  type ComplaintRegime,
  type DataSource,
  type RetentionLaw,
  type SecurityMeasure,
  type SubjectCategory,
} from "../../lib/data-map/vocabulary";
import { timestamp } from "./columns";
import { staffUsers } from "./staff";
import { purposes } from "./purposes";
import { recipients } from "./propagation";

/** Data a law requires kept after the purpose ends: which categories, under which law, for how many days. */
export type LegalHold = { law: RetentionLaw; items: DataCategory[]; days: number; note?: string };

/**
 * What the record of processing and the privacy policy need about a purpose beyond its fields (issue 19): the
 * people it concerns, where the data comes from, how it is destroyed and what law keeps. One row per purpose,
 * kept by the privacy officer beside the purpose (not a proposal under review: it describes, it does not change,
 * the processing). A purpose without a row reads as one with nothing filled in.
 */
export const purposeRecords = sqliteTable("purpose_records", {
  purposeId: integer("purpose_id")
    .primaryKey()
    .references(() => purposes.id, { onDelete: "cascade" }),
  subjectCategories: text("subject_categories", { mode: "json" }).$type<SubjectCategory[]>().notNull().default([]),
  subjectCategoriesNote: text("subject_categories_note"),
  /** Where the data comes from; anything besides "the_person" brings in GDPR Art. 14. */
  sources: text("sources", { mode: "json" }).$type<DataSource[]>().notNull().default([]),
  sourcesNote: text("sources_note"),
  destructionMethod: text("destruction_method", { enum: destructionMethods }),
  destructionNote: text("destruction_note"),
  legalHolds: text("legal_holds", { mode: "json" }).$type<LegalHold[]>().notNull().default([]),
  updatedById: integer("updated_by_id").references(() => staffUsers.id),
  updatedAt: timestamp("updated_at"),
});

/** A recipient's transfer out of the country it receives from: the safeguard, the items, when and how, how to refuse. */
export const recipientTransfers = sqliteTable("recipient_transfers", {
  recipientId: integer("recipient_id")
    .primaryKey()
    .references(() => recipients.id, { onDelete: "cascade" }),
  safeguard: text("safeguard", { enum: transferSafeguards }),
  safeguardNote: text("safeguard_note"),
  items: text("items", { mode: "json" }).$type<DataCategory[]>().notNull().default([]),
  timing: text("timing", { enum: transferTimings }),
  method: text("method", { enum: transferMethods }),
  refusal: text("refusal", { enum: transferRefusals }),
  updatedById: integer("updated_by_id").references(() => staffUsers.id),
  updatedAt: timestamp("updated_at"),
});

export type ComplaintContact = { name: string; contact: string };

/**
 * The brand as controller (one row, id 1): security measures, its EU representative and DPO, Korea's privacy
 * officer and domestic agent, Japan's representative, and where people complain under each regime. Its legal
 * name, address and DPO email stay in brand_settings.
 */
export const brandPrivacy = sqliteTable("brand_privacy", {
  id: integer("id").primaryKey(),
  securityMeasures: text("security_measures", { mode: "json" }).$type<SecurityMeasure[]>().notNull().default([]),
  securityNote: text("security_note"),
  /** GDPR Art. 27 representative in the Union. */
  representativeName: text("representative_name"),
  representativeContact: text("representative_contact"),
  dpoName: text("dpo_name"),
  /** PIPA Art. 31: the privacy officer, by name or department, and a contact. */
  privacyOfficerName: text("privacy_officer_name"),
  privacyOfficerDepartment: text("privacy_officer_department"),
  privacyOfficerContact: text("privacy_officer_contact"),
  /** PIPA Art. 31-2: the domestic agent of a business without an address in Korea. */
  domesticAgentName: text("domestic_agent_name"),
  domesticAgentAddress: text("domestic_agent_address"),
  domesticAgentContact: text("domestic_agent_contact"),
  /** APPI Art. 32(1)(i): the representative (代表者) of the business. */
  businessRepresentative: text("business_representative"),
  complaintContacts: text("complaint_contacts", { mode: "json" })
    .$type<Partial<Record<ComplaintRegime, ComplaintContact>>>()
    .notNull()
    .default({}),
  updatedById: integer("updated_by_id").references(() => staffUsers.id),
  updatedAt: timestamp("updated_at"),
});

export type PurposeRecord = typeof purposeRecords.$inferSelect;
export type RecipientTransfer = typeof recipientTransfers.$inferSelect;
export type BrandPrivacy = typeof brandPrivacy.$inferSelect;
