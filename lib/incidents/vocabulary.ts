import type { Jurisdiction } from "../jurisdictions";

/**
 * The words of the breach register (issue 21), one definition each. Labels and help text live in the
 * "incidents" catalog under the same keys. The clocks and duties (lib/incidents/duties.ts) and the authority
 * drafts (lib/incidents/drafts/*) read an incident only through these words.
 */

/** Whether the brand knows a breach happened, or only that it may have (APPI Rules Art. 7: "may have occurred"). */
export const incidentCertainties = ["confirmed", "suspected"] as const;
export type IncidentCertainty = (typeof incidentCertainties)[number];

/** What the breach did to the data (the three breach types of the EDPB guidelines on Art. 33); one or more. */
export const incidentNatures = ["confidentiality", "integrity", "availability"] as const;
export type IncidentNature = (typeof incidentNatures)[number];

/** How it happened. The first three are an unlawful purpose under APPI Rules Art. 7(3); the first is PIPA's access from outside. */
export const incidentCauses = ["external_attack", "insider", "skimming", "loss_or_theft", "misdelivery", "other"] as const;
export type IncidentCause = (typeof incidentCauses)[number];

/** Causes that are an unlawful purpose for APPI (Rules Art. 7(3)), which lengthens its final report to 60 days. */
export const unlawfulCauses: readonly IncidentCause[] = ["external_attack", "insider", "skimming"];

/**
 * The facts about the data that the laws turn on, beyond the data map's categories: national id and other
 * unique identifiers (PIPA Decree Art. 40, Cal. Civ. Code §1798.82(h)(1)(A)), account credentials (§1798.82(h)(2)),
 * payment data (APPI Rules Art. 7(2) financial loss, §1798.82(h)(1)(C)), health and biometric data (special
 * categories, APPI sensitive, PIPA sensitive, §1798.82(h)(1)(D)–(F)).
 */
export const incidentDataFacts = ["unique_identifier", "account_credentials", "payment_data", "health_data", "biometric_data"] as const;
export type IncidentDataFact = (typeof incidentDataFacts)[number];

/** Facts that are sensitive data under the laws (APPI "special care-required", PIPA sensitive, GDPR Art. 9). */
export const sensitiveDataFacts: readonly IncidentDataFact[] = ["health_data", "biometric_data"];

/** The assessed risk to people (GDPR Art. 33(1) "unlikely to result in a risk", Art. 34(1) "high risk"). */
export const riskLevels = ["none_likely", "risk", "high_risk"] as const;
export type RiskLevel = (typeof riskLevels)[number];

/** Why people need not be told of a high-risk breach (GDPR Art. 34(3)(a)–(c)); the last means a public notice instead. */
export const peopleNoticeExceptions = ["encrypted", "risk_removed", "disproportionate_effort"] as const;
export type PeopleNoticeException = (typeof peopleNoticeExceptions)[number];

/** Why California residents are told later than 30 days after discovery (Cal. Civ. Code §1798.82(a)(2), (c)). */
export const notificationDelayReasons = ["law_enforcement", "determine_scope"] as const;
export type NotificationDelayReason = (typeof notificationDelayReasons)[number];

export const incidentStatuses = ["open", "closed"] as const;
export type IncidentStatus = (typeof incidentStatuses)[number];

/**
 * Every duty a breach can raise. Authority reports and notices to people, per law; APPI's report comes in two
 * stages (preliminary "promptly", final within 30/60 days) and PIPA's report may be staged too.
 */
export const dutyKinds = [
  "gdpr_authority",
  "gdpr_people",
  "pipa_people",
  "pipa_authority",
  "appi_preliminary",
  "appi_final",
  "appi_people",
  "ca_people",
  "ca_attorney_general",
] as const;
export type DutyKind = (typeof dutyKinds)[number];

/** Duties that are a report to an authority (drafted with the items its law names) rather than a notice to people. */
export const authorityDutyKinds: readonly DutyKind[] = [
  "gdpr_authority",
  "pipa_authority",
  "appi_preliminary",
  "appi_final",
  "ca_attorney_general",
];

/** The jurisdictions whose people a duty is about. */
export const dutyJurisdictions: Record<DutyKind, readonly Jurisdiction[]> = {
  gdpr_authority: ["EU", "UK"],
  gdpr_people: ["EU", "UK"],
  pipa_people: ["KR"],
  pipa_authority: ["KR"],
  appi_preliminary: ["JP"],
  appi_final: ["JP"],
  appi_people: ["JP"],
  ca_people: ["US-CA"],
  ca_attorney_general: ["US-CA"],
};

/** How a report or notice left the brand, recorded when it is marked sent. */
export const filingChannels = ["portal", "email", "post", "phone", "website", "outbox"] as const;
export type FilingChannel = (typeof filingChannels)[number];

/** A duty's number of affected people at which a report becomes required (PIPA: 1,000 or more; APPI: more than 1,000; CA AG: more than 500). */
export const thresholds = { pipaReportAtLeast: 1000, appiReportMoreThan: 1000, caAttorneyGeneralMoreThan: 500 } as const;
