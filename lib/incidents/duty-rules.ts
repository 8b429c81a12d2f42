/**
 * Whether each breach duty applies and why, per law (issue 21; reference/standards.md §9). Each rule reads the
 * incident's facts and the number of affected people in its law's jurisdictions, and answers with reason codes
 * (labels in the "incidentDuties" catalog under why.<code>). Clocks are in lib/incidents/clocks.ts.
 */

import type { Incident } from "./incident";
import { sensitiveDataFacts, thresholds, unlawfulCauses, type DutyKind } from "./vocabulary";

/** Why a duty applies or not: each a fact the law turns on. */
export const dutyReasons = [
  "people_in_scope",
  "no_people_in_scope",
  "no_affected_selected",
  "risk_likely",
  "risk_unlikely",
  "high_risk",
  "not_high_risk",
  "exception_encrypted",
  "exception_risk_removed",
  "exception_disproportionate_effort",
  "any_leak",
  "at_least_1000",
  "below_1000",
  "sensitive_data",
  "unique_identifier",
  "outside_access",
  "more_than_1000",
  "financial_loss",
  "unlawful_purpose",
  "may_have_occurred",
  "encrypted_key_safe",
  "no_report_condition",
  "covered_data",
  "no_covered_data",
  "more_than_500_notified",
  "more_than_500_expected",
  "500_or_fewer",
  "delay_recorded",
  "contacts_missing",
  "phased_report",
] as const;
export type DutyReason = (typeof dutyReasons)[number];

/** The facts a rule reads: the incident's assessment and the people counted for the duty's jurisdictions. */
export type RuleIncident = Pick<
  Incident,
  "certainty" | "cause" | "dataFacts" | "encrypted" | "keyTaken" | "risk" | "peopleException" | "delayReason"
>;
export type RuleInput = {
  incident: RuleIncident;
  /** Affected people in the duty's jurisdictions. */
  people: number;
  /** Of them, people with no contact address (PIPA: a website notice for at least 30 days instead). */
  withoutContact: number;
  /** Residents already told (California's sample to the Attorney General turns on those notified, not those affected). */
  notified: number;
};

/** How a duty is carried out: a report to an authority, a notice to each person, or a public notice instead (GDPR Art. 34(3)(c)). */
export type DutyForm = "report" | "notice" | "public_notice";

export type RuleAnswer = { applies: boolean; why: DutyReason[]; form: DutyForm };

const has = (i: RuleIncident, f: (typeof sensitiveDataFacts)[number] | "unique_identifier" | "payment_data") => i.dataFacts.includes(f);
const sensitive = (i: RuleIncident) => i.dataFacts.some((f) => sensitiveDataFacts.includes(f));
/** Strong encryption with the key safe: APPI's exclusion (Rules Art. 7 "高度な暗号化") and §1798.82(a)'s "unencrypted" test. */
const keySafe = (i: RuleIncident) => i.encrypted && !i.keyTaken;

function gdprAuthority({ incident: i }: RuleInput): RuleAnswer {
  // Art. 33(1): every breach is reported "unless … unlikely to result in a risk"; the reason is kept (Art. 33(5)).
  if (i.risk === "none_likely") return { applies: false, why: ["risk_unlikely"], form: "report" };
  return { applies: true, why: [i.risk === "high_risk" ? "high_risk" : "risk_likely"], form: "report" };
}

function gdprPeople({ incident: i }: RuleInput): RuleAnswer {
  if (i.risk !== "high_risk") return { applies: false, why: ["not_high_risk"], form: "notice" };
  // Art. 34(3)(a), (b) lift the duty; (c) turns it into a public communication.
  if (i.peopleException === "encrypted") return { applies: false, why: ["high_risk", "exception_encrypted"], form: "notice" };
  if (i.peopleException === "risk_removed") return { applies: false, why: ["high_risk", "exception_risk_removed"], form: "notice" };
  if (i.peopleException === "disproportionate_effort")
    return { applies: true, why: ["high_risk", "exception_disproportionate_effort"], form: "public_notice" };
  return { applies: true, why: ["high_risk"], form: "notice" };
}

function pipaPeople({ withoutContact }: RuleInput): RuleAnswer {
  // Art. 34(1) since the 2023 amendment: every leak is told to the people, whatever its size.
  return { applies: true, why: withoutContact > 0 ? ["any_leak", "contacts_missing"] : ["any_leak"], form: "notice" };
}

function pipaAuthority({ incident: i, people }: RuleInput): RuleAnswer {
  // Decree Art. 40(1): 1,000 or more people, or sensitive or unique identifying data, or unauthorised access from outside.
  const why: DutyReason[] = [people >= thresholds.pipaReportAtLeast ? "at_least_1000" : "below_1000"];
  if (sensitive(i)) why.push("sensitive_data");
  if (has(i, "unique_identifier")) why.push("unique_identifier");
  if (i.cause === "external_attack") why.push("outside_access");
  return { applies: why[0] === "at_least_1000" || why.length > 1, why, form: "report" };
}

function appiReport({ incident: i, people }: RuleInput): RuleAnswer {
  // Rules Art. 7(1)–(4): sensitive data, financial loss, unlawful purpose, or more than 1,000 people, "may have occurred" included.
  const why: DutyReason[] = [];
  if (sensitive(i)) why.push("sensitive_data");
  if (has(i, "payment_data")) why.push("financial_loss");
  if (unlawfulCauses.includes(i.cause)) why.push("unlawful_purpose");
  if (people > thresholds.appiReportMoreThan) why.push("more_than_1000");
  if (why.length === 0) return { applies: false, why: ["no_report_condition"], form: "report" };
  // Rules Art. 7: data protected by strong encryption (high-level technical measures) is excluded, as long as the key is safe.
  if (keySafe(i)) return { applies: false, why: [...why, "encrypted_key_safe"], form: "report" };
  if (i.certainty === "suspected") why.push("may_have_occurred");
  return { applies: true, why, form: "report" };
}

function appiPeople(input: RuleInput): RuleAnswer {
  // Art. 26(2), Rules Art. 10: the people are told in the cases that must be reported.
  return { ...appiReport(input), form: "notice" };
}

function caPeople({ incident: i }: RuleInput): RuleAnswer {
  // §1798.82(a), (h): the listed data (identity numbers, account and card numbers, medical, biometric, credentials),
  // "unencrypted" or encrypted with the key taken as well.
  if (i.dataFacts.length === 0) return { applies: false, why: ["no_covered_data"], form: "notice" };
  if (keySafe(i)) return { applies: false, why: ["covered_data", "encrypted_key_safe"], form: "notice" };
  return { applies: true, why: i.delayReason ? ["covered_data", "delay_recorded"] : ["covered_data"], form: "notice" };
}

function caAttorneyGeneral(input: RuleInput): RuleAnswer {
  const residents = caPeople(input);
  if (!residents.applies) return { ...residents, form: "report" };
  // §1798.82(f): "more than 500 California residents" notified; until they are, the expected number stands in.
  const told = input.notified > 0;
  const count = told ? input.notified : input.people;
  if (count > thresholds.caAttorneyGeneralMoreThan)
    return { applies: true, why: [told ? "more_than_500_notified" : "more_than_500_expected"], form: "report" };
  return { applies: false, why: ["500_or_fewer"], form: "report" };
}

/** Whether a duty applies and why, for the people counted in its jurisdictions (at least one). */
export const dutyRules: Record<DutyKind, (input: RuleInput) => RuleAnswer> = {
  gdpr_authority: gdprAuthority,
  gdpr_people: gdprPeople,
  pipa_people: pipaPeople,
  pipa_authority: pipaAuthority,
  appi_preliminary: appiReport,
  appi_final: appiReport,
  appi_people: appiPeople,
  ca_people: caPeople,
  ca_attorney_general: caAttorneyGeneral,
};
