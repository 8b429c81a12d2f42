/**
 * Every duty an incident raises, per law: whether it applies and why, when it is due in the brand's time zone,
 * what the incident still lacks for it, and whether it was met on time (issue 21, deliverable 3). Pure: the pages,
 * the register's list, privacy operations and the trust dashboard all read an incident's duties from here.
 */

import type { Jurisdiction } from "../jurisdictions";
import { DEFAULT_APPI_PRELIMINARY_DAYS, breachPeriods, dueInstant, endOfDaysAfter, hoursAfter, type DutyDue } from "./clocks";
import { dutyRules, type DutyForm, type DutyReason, type RuleIncident } from "./duty-rules";
import type { Incident } from "./incident";
import { dutyJurisdictions, dutyKinds, unlawfulCauses, type DutyKind } from "./vocabulary";

export { dutyReasons, type DutyReason, type DutyForm } from "./duty-rules";

/** What an incident still lacks before a duty can be carried out in full (labels: incidentDuties missing.<code>). */
export const dutyMissingItems = ["data_categories", "occurred_when", "measures", "delay_reasons", "residents_notice"] as const;
export type DutyMissingItem = (typeof dutyMissingItems)[number];

/**
 * Where a duty stands: it does not apply; it may apply once affected people are selected (its clock already runs);
 * it is open or overdue; it was met on time, or late.
 */
export const dutyStatuses = ["not_applicable", "undetermined", "open", "overdue", "met", "late"] as const;
export type DutyStatus = (typeof dutyStatuses)[number];

/** A report or notice that left the brand: an authority filing marked sent, or a batch of notices to people sent. */
export type DutyFiling = {
  duty: DutyKind;
  sentAt: Date;
  /** People the notice went to (notices to people only). */
  people?: number;
  /** Reasons given for a late report (GDPR Art. 33(1)). */
  note?: string | null;
};

export type DutyBrand = { timeZone: string; appiPreliminaryDays?: number };

/** Affected people per jurisdiction (from the affected selection). */
export type AffectedCounts = Partial<Record<Jurisdiction, number>>;

export type DutyIncident = RuleIncident & Pick<Incident, "awareAt" | "dataCategories" | "occurredFrom" | "containment" | "remedial">;

export type Duty = {
  kind: DutyKind;
  applies: boolean;
  why: DutyReason[];
  form: DutyForm;
  /** When it is due; null when it does not apply. */
  due: DutyDue | null;
  missing: DutyMissingItem[];
  status: DutyStatus;
  /** When it was done: the first report (later ones are its phases), or the last batch of notices. */
  metAt: Date | null;
  /** Affected people in the duty's jurisdictions. */
  people: number;
  /** Reports or batches sent for it. */
  filings: number;
};

const sum = (counts: AffectedCounts, of: readonly Jurisdiction[]) => of.reduce((n, j) => n + (counts[j] ?? 0), 0);

function dueOf(kind: DutyKind, incident: DutyIncident, brand: DutyBrand, filings: DutyFiling[]): DutyDue {
  const aware = incident.awareAt;
  const zone = brand.timeZone;
  const prompt = brand.appiPreliminaryDays ?? DEFAULT_APPI_PRELIMINARY_DAYS;
  switch (kind) {
    case "gdpr_authority":
      return { kind: "by", at: hoursAfter(aware, breachPeriods.gdprAuthorityHours) };
    case "gdpr_people":
      // "Without undue delay" has no number; Candor aims at the authority's 72 hours, which the page names as a target.
      return { kind: "without_undue_delay", at: hoursAfter(aware, breachPeriods.gdprAuthorityHours) };
    case "pipa_people":
    case "pipa_authority":
      return { kind: "by", at: hoursAfter(aware, breachPeriods.pipaHours) };
    case "appi_preliminary":
    case "appi_people":
      return { kind: "promptly", at: endOfDaysAfter(aware, prompt, zone) };
    case "appi_final": {
      const days = unlawfulCauses.includes(incident.cause) ? breachPeriods.appiFinalUnlawfulDays : breachPeriods.appiFinalDays;
      return { kind: "by", at: endOfDaysAfter(aware, days, zone) };
    }
    case "ca_people":
      return { kind: "by", at: endOfDaysAfter(aware, breachPeriods.caPeopleDays, zone) };
    case "ca_attorney_general": {
      const told = filings.filter((f) => f.duty === "ca_people").map((f) => f.sentAt.getTime());
      if (told.length === 0) return { kind: "after", duty: "ca_people", days: breachPeriods.caAttorneyGeneralDays };
      return { kind: "by", at: endOfDaysAfter(new Date(Math.min(...told)), breachPeriods.caAttorneyGeneralDays, zone) };
    }
  }
}

/** What the incident lacks for a duty: the items its law names that the register has not filled. */
function missingFor(kind: DutyKind, incident: DutyIncident, filings: DutyFiling[]): DutyMissingItem[] {
  const missing: DutyMissingItem[] = [];
  if (kind === "ca_attorney_general") return filings.some((f) => f.duty === "ca_people") ? [] : ["residents_notice"];
  if (incident.dataCategories.length === 0 && incident.dataFacts.length === 0) missing.push("data_categories");
  // When it happened: PIPA's "when and how", APPI Rules Art. 8(1)(ii), the date of the breach in §1798.82(d).
  if (!incident.occurredFrom && kind !== "gdpr_people" && kind !== "appi_preliminary") missing.push("occurred_when");
  // The preliminary APPI report may leave what is still unknown to the final one (Rules Art. 8(1) "to the extent known").
  if (!incident.containment && !incident.remedial && kind !== "appi_preliminary") missing.push("measures");
  return missing;
}

const firstAt = (fs: DutyFiling[]) => (fs.length ? new Date(Math.min(...fs.map((f) => f.sentAt.getTime()))) : null);
const lastAt = (fs: DutyFiling[]) => (fs.length ? new Date(Math.max(...fs.map((f) => f.sentAt.getTime()))) : null);

/**
 * Each duty of an incident, in the order of dutyKinds. `affected` counts people per jurisdiction; with no one selected
 * yet, a duty that would apply to people in its jurisdictions is "undetermined" and its clock is shown all the same.
 */
export function computeDuties(
  incident: DutyIncident,
  affected: AffectedCounts,
  brand: DutyBrand,
  filings: DutyFiling[],
  now: Date,
  withoutContact: AffectedCounts = {},
): Duty[] {
  const selected = Object.values(affected).some((n) => (n ?? 0) > 0);
  return dutyKinds.map((kind): Duty => {
    const own = filings.filter((f) => f.duty === kind);
    const people = sum(affected, dutyJurisdictions[kind]);
    const notified = filings.filter((f) => f.duty === "ca_people").reduce((n, f) => n + (f.people ?? 0), 0);
    const base = { kind, people, filings: own.length };
    if (selected && people === 0)
      return {
        ...base,
        applies: false,
        why: ["no_people_in_scope"],
        form: "notice",
        due: null,
        missing: [],
        status: "not_applicable",
        metAt: null,
      };
    // Without a selection, the rule is asked as if many people were affected: what would apply then is undetermined.
    const rule = dutyRules[kind]({
      incident,
      people: selected ? people : Number.MAX_SAFE_INTEGER,
      withoutContact: sum(withoutContact, dutyJurisdictions[kind]),
      notified: selected ? notified : 0,
    });
    if (!rule.applies) return { ...base, ...rule, due: null, missing: [], status: "not_applicable", metAt: null };
    const due = dueOf(kind, incident, brand, filings);
    if (!selected)
      return { ...base, ...rule, applies: false, why: ["no_affected_selected"], due, missing: [], status: "undetermined", metAt: null };
    const why: DutyReason[] = ["people_in_scope", ...rule.why];
    const missing = missingFor(kind, incident, filings);
    const metAt = rule.form === "report" ? firstAt(own) : lastAt(own);
    const at = dueInstant(due);
    const late = metAt !== null && at !== null && metAt.getTime() > at.getTime();
    // A recorded California delay (law enforcement, determining the scope) lets the notice follow the 30 days (§1798.82(a), (c)).
    const excused = kind === "ca_people" && incident.delayReason !== null;
    const status: DutyStatus = metAt
      ? late && !excused
        ? "late"
        : "met"
      : at !== null && now.getTime() > at.getTime()
        ? "overdue"
        : "open";
    // GDPR Art. 33(4) and PIPA's staged report: what is not yet known may follow, so the clock is not held by it.
    if ((kind === "gdpr_authority" || kind === "pipa_authority") && missing.length > 0 && status !== "met" && status !== "late")
      why.push("phased_report");
    // GDPR Art. 33(1): a report after 72 hours carries the reasons for the delay.
    if (kind === "gdpr_authority" && (status === "overdue" || (status === "late" && !own.some((f) => f.note?.trim()))))
      missing.push("delay_reasons");
    return { ...base, ...rule, why, due, missing, status, metAt };
  });
}

/** The nearest running clock among duties not yet done (open, overdue or undetermined), or null. */
export function nearestClock(duties: Duty[]): { kind: DutyKind; at: Date; status: DutyStatus } | null {
  let best: { kind: DutyKind; at: Date; status: DutyStatus } | null = null;
  for (const d of duties) {
    const at = dueInstant(d.due);
    if (!at || !["open", "overdue", "undetermined"].includes(d.status)) continue;
    if (!best || at.getTime() < best.at.getTime()) best = { kind: d.kind, at, status: d.status };
  }
  return best;
}
