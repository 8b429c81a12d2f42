/**
 * What the privacy policy is assembled from (issue 19): the data map (purposes and the recipients they send
 * data to) and the brand's settings, as read at the moment a draft is generated. lib/server/policy-input.ts
 * reads it from the store; tests write it by hand.
 */
import type { Locale } from "../i18n/config";
import type { LegalBasis } from "../purposes/vocabulary";

/** The regimes a policy has a part for; "EU" covers the EU/EEA and the UK (both under a GDPR). */
export const policyJurisdictions = ["KR", "JP", "EU", "US-CA"] as const;
export type PolicyJurisdiction = (typeof policyJurisdictions)[number];

export function isPolicyJurisdiction(value: unknown): value is PolicyJurisdiction {
  return typeof value === "string" && (policyJurisdictions as readonly string[]).includes(value);
}

/** The policy part a data-map jurisdiction falls under (UK → EU). */
export function policyJurisdictionOf(jurisdiction: string): PolicyJurisdiction | null {
  if (jurisdiction === "UK") return "EU";
  return isPolicyJurisdiction(jurisdiction) ? jurisdiction : null;
}

/** A purpose's own words in one language: its published notice's title, purpose and benefit. */
export type PurposeWords = { title: string; why: string; benefit: string };

/** Data a law makes the brand keep after the purpose ends: which categories, under which law, how long; `note` cites the article. */
export type KeptByLaw = { law: string; items: string[]; days: number; note: string | null };

export interface PolicyPurpose {
  id: number;
  key: string;
  /** As the brand typed it (English). */
  name: string;
  description: string;
  benefit: string;
  /** The purpose's published notice per language, when there is one. */
  words: Partial<Record<Locale, PurposeWords>>;
  legalBasis: LegalBasis;
  dataCategories: string[];
  retentionDays: number;
  saleOrSharing: boolean;
  sensitive: boolean;
  /** Data-map jurisdictions; empty means everywhere. */
  jurisdictions: string[];
  subjectCategories: string[];
  /** Where the data comes from (lib/data-map/vocabulary.ts dataSources); "the_person" when from them. */
  sources: string[];
  destructionMethod: string | null;
  keptByLaw: KeptByLaw[];
  recipientIds: number[];
}

/** A transfer out of the country the data was collected in, as PIPA Art. 28-8(2) and GDPR Art. 13(1)(f) ask it told. */
export type Transfer = {
  safeguard: string | null;
  /** The data categories that cross; empty means those of the purposes that send them data. */
  items: string[];
  timing: string | null;
  method: string | null;
  refusal: string | null;
};

export interface PolicyRecipient {
  id: number;
  name: string;
  role: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  contactName: string | null;
  contactEmail: string | null;
  transfer: Transfer | null;
}

/** A person or office and how to reach them (an email address, a telephone number or both, as typed). */
export type Contact = { name: string | null; department: string | null; contact: string | null; address: string | null };

export interface PolicyBrand {
  name: string;
  legalName: string;
  address: string;
  websiteUrl: string;
  contactEmail: string;
  /** APPI Art. 32(1)(i): the representative (for a company, its representative director). */
  representative: string | null;
  dpo: Contact | null;
  /** GDPR Art. 27: the representative in the Union of a controller outside it. */
  euRepresentative: Contact | null;
  /** PIPA Art. 31: the privacy officer. */
  privacyOfficer: Contact | null;
  /** PIPA Art. 31-2: the domestic agent of a business without an address in Korea. */
  domesticAgent: Contact | null;
  /** Where a person complains, per regime (lib/data-map/vocabulary.ts complaintRegimes): who, and how to reach them. */
  complaintContacts: Partial<Record<string, { name: string; contact: string }>>;
  securityMeasures: string[];
}

/** Links the policy points to; the §7102 report only where one is published. */
export type PolicyLinks = {
  preferences: string;
  requests: string;
  notices: string;
  doNotSell: string;
  limitSensitive: string;
  transparencyReport: string | null;
};

export interface PolicyInput {
  brand: PolicyBrand;
  purposes: PolicyPurpose[];
  recipients: PolicyRecipient[];
  links: PolicyLinks;
  /** The date the version takes effect (ISO yyyy-mm-dd). */
  effectiveDate: string;
}
