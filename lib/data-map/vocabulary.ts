import type { Jurisdiction } from "../jurisdictions";

/**
 * The data map's words beyond what a purpose already declares (issue 19): who the people are, where data comes
 * from when not from them, how it is destroyed, what law keeps it, how it crosses a border, how it is protected
 * and where a person complains. One definition each; labels and help text live in the "dataMapFields" catalog.
 */

/** Categories of people a purpose processes data about (GDPR Art. 30(1)(c)). */
export const subjectCategories = [
  "customers",
  "prospects",
  "subscribers",
  "minors",
  "app_users",
  "employees",
  "job_applicants",
  "suppliers",
] as const;
export type SubjectCategory = (typeof subjectCategories)[number];

/** Where data comes from when not from the person (GDPR Art. 14(2)(f), CCPA §7011 sources). */
export const dataSources = [
  "the_person",
  "partners",
  "data_brokers",
  "public_sources",
  "social_networks",
  "affiliates",
  "service_providers",
] as const;
export type DataSource = (typeof dataSources)[number];

/** How data is destroyed at the end of its retention (PIPA Art. 30(1)3-2, Art. 21). */
export const destructionMethods = ["secure_erasure", "anonymisation", "overwrite", "shredding", "incineration"] as const;
export type DestructionMethod = (typeof destructionMethods)[number];

/** Laws that require data to be kept after a purpose ends (PIPA Art. 21(1) proviso). */
export const retentionLaws = [
  "kr_ecommerce_contract",
  "kr_ecommerce_payment",
  "kr_ecommerce_complaint",
  "kr_ecommerce_advertising",
  "kr_communications_log",
  "jp_tax_records",
  "jp_companies_act",
  "eu_tax_records",
  "us_tax_records",
  "other",
] as const;
export type RetentionLaw = (typeof retentionLaws)[number];

/** The safeguard a transfer out of the country rests on (GDPR Art. 45, 46(2)(c), 47, 49(1)(a), 49(1) others; PIPA Art. 28-8). */
export const transferSafeguards = ["adequacy", "scc", "bcr", "consent", "derogation"] as const;
export type TransferSafeguard = (typeof transferSafeguards)[number];

/** When data crosses the border (PIPA Art. 28-8(2): when and how). */
export const transferTimings = ["on_collection", "on_event", "daily_batch", "on_request"] as const;
export type TransferTiming = (typeof transferTimings)[number];

export const transferMethods = ["api", "file_transfer", "remote_access", "email"] as const;
export type TransferMethod = (typeof transferMethods)[number];

/** How a person refuses an overseas transfer (PIPA Art. 28-8(2)). */
export const transferRefusals = ["withdraw_consent", "opt_out", "contact_officer", "not_refusable"] as const;
export type TransferRefusal = (typeof transferRefusals)[number];

/** Security measures in general terms (GDPR Art. 32(1), Art. 30(1)(g); PIPA Art. 29; APPI Art. 23). */
export const securityMeasures = [
  "encryption_in_transit",
  "encryption_at_rest",
  "access_control",
  "two_factor",
  "audit_logging",
  "pseudonymisation",
  "backups",
  "staff_training",
  "vendor_review",
  "incident_response",
  "physical_security",
] as const;
export type SecurityMeasure = (typeof securityMeasures)[number];

/** The regimes a person may complain under, each with its own authority or mediator. */
export const complaintRegimes = ["gdpr", "pipa", "appi", "ccpa"] as const;
export type ComplaintRegime = (typeof complaintRegimes)[number];

/** Where each regime's people live (lib/jurisdictions.ts codes that bring a regime in). */
export const regimeJurisdictions: Record<ComplaintRegime, readonly Jurisdiction[]> = {
  gdpr: ["EU", "UK"],
  pipa: ["KR"],
  appi: ["JP"],
  ccpa: ["US-CA"],
};
