/**
 * What each law asks a privacy policy to carry, item by item, and whether the data map and the brand's
 * settings supply it. Publishing is refused while any item of a jurisdiction in scope is missing.
 * PIPA Art. 30(1) (with Art. 28-8(2) for overseas transfers and the PIPC's guidance on items, remedies and
 * the effective date); APPI Art. 32(1); GDPR Art. 13(1)–(2); CCPA regulations §7011 and Civ. Code §1798.130(a)(5).
 */
import {
  policyJurisdictionOf,
  type Contact,
  type PolicyInput,
  type PolicyJurisdiction,
  type PolicyPurpose,
  type PolicyRecipient,
} from "./input";

export const checklistItems = {
  KR: [
    "purposes",
    "periods",
    "items",
    "third_parties",
    "overseas",
    "destruction",
    "entrustment",
    "rights",
    "officer",
    "cookies",
    "security",
    "remedies",
    "effective_date",
  ],
  JP: ["business", "purposes", "requests", "security", "complaints"],
  EU: [
    "controller",
    "purposes_basis",
    "legitimate_interests",
    "recipients",
    "transfers",
    "retention",
    "rights",
    "requirement",
    "automated",
  ],
  "US-CA": [
    "categories",
    "sources",
    "business_purposes",
    "sold_shared",
    "disclosed",
    "retention",
    "rights",
    "non_discrimination",
    "links",
    "gpc",
    "last_updated",
    "report",
  ],
} as const satisfies Record<PolicyJurisdiction, readonly string[]>;

export type ChecklistItem<J extends PolicyJurisdiction = PolicyJurisdiction> = (typeof checklistItems)[J][number];

/** ok: carried; missing: blocks publishing; warning: carried but stale; not_applicable: the law asks it only in a case that is not this one. */
export type ItemStatus = "ok" | "missing" | "warning" | "not_applicable";

/** One item's state; `gaps` names what lacks it (a purpose's key, a recipient's name, a setting). */
export type ItemCheck = { item: string; status: ItemStatus; gaps: string[] };

export type Checklist = { jurisdiction: PolicyJurisdiction; items: ItemCheck[]; missing: string[] };

/** The purposes a jurisdiction's part describes: those that apply there (no jurisdiction means everywhere). */
export function purposesFor(input: Pick<PolicyInput, "purposes">, j: PolicyJurisdiction): PolicyPurpose[] {
  return input.purposes.filter((p) => p.jurisdictions.length === 0 || p.jurisdictions.some((x) => policyJurisdictionOf(x) === j));
}

/** The jurisdictions a policy has a part for: every one where a purpose applies. */
export function jurisdictionsInScope(input: Pick<PolicyInput, "purposes">): PolicyJurisdiction[] {
  return (Object.keys(checklistItems) as PolicyJurisdiction[]).filter((j) => purposesFor(input, j).length > 0);
}

/** The recipients the given purposes send data to, in the registry's order. */
export function recipientsOf(input: Pick<PolicyInput, "recipients">, purposes: PolicyPurpose[]): PolicyRecipient[] {
  const ids = new Set(purposes.flatMap((p) => p.recipientIds));
  return input.recipients.filter((r) => ids.has(r.id));
}

const EEA = new Set("AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO".split(" "));

/** Whether sending data to a recipient in `country` takes it out of the jurisdiction (the EU part: out of the EEA and the UK). */
export function isOverseas(j: PolicyJurisdiction, country: string): boolean {
  if (j === "EU") return !EEA.has(country) && country !== "GB" && country !== "UK";
  if (j === "KR") return country !== "KR";
  if (j === "JP") return country !== "JP";
  return country !== "US";
}

const filled = (s: string | null | undefined) => typeof s === "string" && s.trim().length > 0;
const reachable = (c: Contact | null) => !!c && filled(c.contact);
const named = (c: Contact | null) => !!c && (filled(c.name) || filled(c.department));
const DAY = 86_400_000;

type Rule = (input: PolicyInput, ctx: Ctx) => string[] | null;
type Ctx = { purposes: PolicyPurpose[]; recipients: PolicyRecipient[]; j: PolicyJurisdiction };

const none: Rule = () => [];
const each =
  (test: (p: PolicyPurpose) => boolean): Rule =>
  (_i, c) =>
    c.purposes.filter((p) => !test(p)).map((p) => p.key);
const brandField =
  (gap: string, ok: (i: PolicyInput) => boolean): Rule =>
  (i) =>
    ok(i) ? [] : [gap];

const purposesRule: Rule = (_i, c) => (c.purposes.length ? c.purposes.filter((p) => !filled(p.name)).map((p) => p.key) : ["purposes"]);
const itemsRule = each((p) => p.dataCategories.length > 0);
const transferRule: Rule = (_i, c) =>
  c.recipients
    .filter((r) => isOverseas(c.j, r.country))
    .filter((r) =>
      c.j === "KR"
        ? !(r.transfer && filled(r.transfer.timing) && filled(r.transfer.method) && filled(r.transfer.refusal) && filled(r.contactEmail))
        : !(r.transfer && filled(r.transfer.safeguard)),
    )
    .map((r) => r.name);
const securityRule = brandField("securityMeasures", (i) => i.brand.securityMeasures.length > 0);
const complaint = (regime: string): Rule => brandField(`complaint.${regime}`, (i) => filled(i.brand.complaintContacts[regime]?.contact));
const retentionRule = each((p) => p.retentionDays > 0);

const rules: Record<PolicyJurisdiction, Record<string, Rule>> = {
  KR: {
    purposes: purposesRule,
    periods: retentionRule,
    items: itemsRule,
    third_parties: none,
    overseas: transferRule,
    destruction: each((p) => filled(p.destructionMethod) && p.keptByLaw.every((k) => filled(k.law) && k.items.length > 0 && k.days > 0)),
    entrustment: none,
    rights: none,
    officer: (i) => [
      ...(named(i.brand.privacyOfficer) ? [] : ["privacyOfficer.name"]),
      ...(reachable(i.brand.privacyOfficer) ? [] : ["privacyOfficer.contact"]),
    ],
    cookies: none,
    security: securityRule,
    remedies: complaint("pipa"),
    effective_date: (i) => (/^\d{4}-\d{2}-\d{2}$/.test(i.effectiveDate) ? [] : ["effectiveDate"]),
  },
  JP: {
    business: (i) => [
      ...(filled(i.brand.legalName) ? [] : ["legalName"]),
      ...(filled(i.brand.address) ? [] : ["address"]),
      ...(filled(i.brand.representative) ? [] : ["representative"]),
    ],
    purposes: purposesRule,
    requests: none,
    security: securityRule,
    complaints: complaint("appi"),
  },
  EU: {
    controller: (i) => [
      ...(filled(i.brand.legalName) && filled(i.brand.address) && filled(i.brand.contactEmail) ? [] : ["controller"]),
      ...(reachable(i.brand.dpo) ? [] : ["dpo.contact"]),
    ],
    purposes_basis: purposesRule,
    legitimate_interests: (_i, c) => {
      const li = c.purposes.filter((p) => p.legalBasis === "legitimate_interests");
      return li.length ? li.filter((p) => !filled(p.benefit)).map((p) => p.key) : null;
    },
    recipients: none,
    transfers: transferRule,
    retention: retentionRule,
    rights: complaint("gdpr"),
    requirement: none,
    automated: none,
  },
  "US-CA": {
    categories: itemsRule,
    sources: each((p) => p.sources.length > 0),
    business_purposes: purposesRule,
    sold_shared: none,
    disclosed: none,
    retention: retentionRule,
    rights: none,
    non_discrimination: none,
    links: (i) => (filled(i.links.doNotSell) && filled(i.links.limitSensitive) ? [] : ["links"]),
    gpc: none,
    last_updated: none,
    report: (i) => (i.links.transparencyReport ? [] : null),
  },
};

/**
 * The checklist of one jurisdiction. `lastPublishedAt` is when the policy was last published; past twelve months
 * the CCPA's "date last updated" is a warning (§1798.130(a)(5): updated at least once every 12 months).
 */
export function checklist(input: PolicyInput, j: PolicyJurisdiction, now: Date, lastPublishedAt?: Date | null): Checklist {
  const purposes = purposesFor(input, j);
  const ctx: Ctx = { purposes, recipients: recipientsOf(input, purposes), j };
  const items: ItemCheck[] = (checklistItems[j] as readonly string[]).map((item) => {
    const gaps = rules[j][item](input, ctx);
    if (gaps === null) return { item, status: "not_applicable", gaps: [] };
    if (gaps.length) return { item, status: "missing", gaps };
    if (j === "US-CA" && item === "last_updated" && lastPublishedAt && now.getTime() - lastPublishedAt.getTime() > 365 * DAY)
      return { item, status: "warning", gaps: [] };
    return { item, status: "ok", gaps: [] };
  });
  return { jurisdiction: j, items, missing: items.filter((i) => i.status === "missing").map((i) => i.item) };
}

/** Every jurisdiction in scope's checklist. */
export function checklists(input: PolicyInput, now: Date, lastPublishedAt?: Date | null): Checklist[] {
  return jurisdictionsInScope(input).map((j) => checklist(input, j, now, lastPublishedAt));
}

/** What blocks publishing, as "KR.officer" codes; empty when every jurisdiction in scope is complete. */
export function missingItems(lists: Checklist[]): string[] {
  return lists.flatMap((l) => l.missing.map((m) => `${l.jurisdiction}.${m}`));
}
