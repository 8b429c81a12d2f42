import { incidentReference } from "@/lib/incidents/incident";
import { wallClockAsUtc } from "@/lib/time";
import type { Db } from "@/db/connection";
import { insertSeedIncident, type SeedIncident } from "@/db/seed/incidents";
import type { NewAuditEntry } from "@/db/staff/audit-chain";
import { BRAND_TIME_ZONE } from "./brand";
import { cloudNest, parcelway, paylane } from "./recipients";
import type { Timeline } from "./timeline";

type Officer = { id: number };
type Plan = Omit<SeedIncident, "row" | "events"> & {
  row: Omit<SeedIncident["row"], "reference" | "createdById" | "createdAt" | "updatedAt">;
  recordedAt: number;
  edits?: { at: number; fields: string[] }[];
  closedAt?: number;
};

/**
 * Northtrail's breach register (issue 21): a closed misdelivery from the summer, a card-skimming suspicion under
 * investigation with a law-enforcement delay, a credential-stuffing attack two days old whose 72-hour clocks are
 * running, and last month's lost-laptop drill. Each with its timeline and its audit entries.
 */
function plans(t: Timeline): Plan[] {
  const d = (days: number, hours = 0) => t.daysAgo(days, hours);
  return [
    {
      recordedAt: d(128, 11),
      row: {
        title: "Parcel labels printed with other customers' addresses",
        certainty: "confirmed",
        drill: false,
        status: "closed",
        awareAt: new Date(d(128, 9)),
        occurredFrom: new Date(d(129, 6)),
        occurredTo: new Date(d(128, 8)),
        natures: ["confidentiality"],
        cause: "misdelivery",
        causeNote:
          "A label template at the carrier's Dublin depot shifted one row, so 214 parcels carried the next customer's address sheet.",
        dataCategories: ["contact", "order_history"],
        dataFacts: [],
        encrypted: false,
        keyTaken: false,
        containment: "Depot printing stopped at 08:40; the carrier recalled the parcels not yet delivered.",
        remedial: "Template fixed and checked against the order before printing; carrier retrained the depot staff.",
        risk: "none_likely",
        riskReason:
          "Names and delivery addresses of 214 customers were seen by their neighbours in the print run; no payment or account data.",
        closedAt: new Date(d(110, 15)),
      },
      purposeKeys: ["order_fulfilment", "delivery_updates"],
      recipientNames: [parcelway.name],
      edits: [{ at: d(127, 14), fields: ["containment", "remedial"] }],
      closedAt: d(110, 15),
    },
    {
      recordedAt: d(31, 10),
      row: {
        title: "Drill: laptop with a fit-profile export left on a train",
        certainty: "confirmed",
        drill: true,
        status: "closed",
        awareAt: new Date(d(31, 9)),
        occurredFrom: new Date(d(31, 7)),
        occurredTo: null,
        natures: ["confidentiality", "availability"],
        cause: "loss_or_theft",
        causeNote: "Tabletop exercise run by the privacy team.",
        dataCategories: ["contact", "body_measurements"],
        dataFacts: [],
        encrypted: true,
        keyTaken: false,
        containment: "Device wiped remotely; the export's account disabled.",
        remedial: "Exports of fit profiles now expire after 24 hours.",
        risk: "none_likely",
        riskReason: "The disk was fully encrypted and the key is held in the company's device management, not on the laptop.",
        closedAt: new Date(d(30, 16)),
      },
      purposeKeys: ["fit_profile"],
      recipientNames: [],
      closedAt: d(30, 16),
    },
    {
      recordedAt: d(9, 12),
      row: {
        title: "Checkout page script may have skimmed card details",
        certainty: "suspected",
        drill: false,
        status: "open",
        awareAt: new Date(d(9, 10)),
        occurredFrom: new Date(d(16, 0)),
        occurredTo: new Date(d(9, 11)),
        natures: ["confidentiality", "integrity"],
        cause: "skimming",
        causeNote: "The payment provider flagged an unknown script loaded from a look-alike domain on the checkout page.",
        dataCategories: ["contact", "payment"],
        dataFacts: ["payment_data"],
        encrypted: false,
        keyTaken: false,
        containment: "Script removed and the tag manager locked to an allow-list on the day it was found.",
        remedial: null,
        risk: "high_risk",
        riskReason: "Card numbers typed at checkout during the window may have been copied: risk of fraud on the cards.",
        delayReason: "law_enforcement",
        delayNote: "The Garda National Cyber Crime Bureau asked us on day 2 to hold notices while it traces the domain.",
      },
      purposeKeys: ["order_fulfilment", "fraud_prevention"],
      recipientNames: [paylane.name],
    },
    {
      recordedAt: d(1, 18),
      row: {
        title: "Credential stuffing on Trail Club accounts",
        certainty: "confirmed",
        drill: false,
        status: "open",
        awareAt: new Date(d(2, 22)),
        occurredFrom: new Date(d(3, 2)),
        occurredTo: new Date(d(2, 23)),
        natures: ["confidentiality"],
        cause: "external_attack",
        causeNote: "Logins from a botnet with email and password pairs leaked elsewhere; 1,140 accounts were entered.",
        dataCategories: ["contact", "identity", "loyalty", "order_history"],
        dataFacts: ["account_credentials"],
        encrypted: false,
        keyTaken: false,
        containment: "Passwords of the entered accounts reset; rate limits and bot checks on sign-in.",
        remedial: null,
        risk: "high_risk",
        riskReason: "Attackers could read order history and addresses and spend loyalty points; people reuse these passwords elsewhere.",
      },
      purposeKeys: ["trail_club_loyalty", "order_fulfilment"],
      recipientNames: [cloudNest.name],
    },
  ];
}

/** Inserts the demo register; returns its audit entries, for the caller to add to the log in time order. */
export function seedDemoIncidents(db: Db, t: Timeline, officer: Officer): NewAuditEntry[] {
  const audit: NewAuditEntry[] = [];
  const perYear = new Map<number, number>();
  for (const p of plans(t).sort((a, b) => a.recordedAt - b.recordedAt)) {
    const year = new Date(wallClockAsUtc(p.recordedAt, BRAND_TIME_ZONE)).getUTCFullYear();
    const n = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, n);
    const reference = incidentReference(year, n);
    const last = Math.max(p.recordedAt, ...(p.edits ?? []).map((e) => e.at), p.closedAt ?? 0);
    const events: SeedIncident["events"] = [
      { kind: "recorded", actorId: officer.id, at: new Date(p.recordedAt), details: { certainty: p.row.certainty, risk: p.row.risk } },
      ...(p.edits ?? []).map((e) => ({ kind: "edited" as const, actorId: officer.id, at: new Date(e.at), details: { fields: e.fields } })),
      ...(p.closedAt ? [{ kind: "closed" as const, actorId: officer.id, at: new Date(p.closedAt), details: {} }] : []),
    ];
    const id = insertSeedIncident(db, {
      row: { ...p.row, reference, createdById: officer.id, createdAt: new Date(p.recordedAt), updatedAt: new Date(last) },
      purposeKeys: p.purposeKeys,
      recipientNames: p.recipientNames,
      events,
    });
    const entry = (at: Date, action: string, details: Record<string, unknown> = {}): NewAuditEntry => ({
      at,
      actorId: officer.id,
      actorLabel: "seed",
      action,
      targetType: "incident",
      targetId: id,
      details: { reference, drill: p.row.drill ?? false, ...details },
    });
    audit.push(entry(new Date(p.recordedAt), "incident.recorded", { certainty: p.row.certainty, risk: p.row.risk }));
    for (const e of p.edits ?? []) audit.push(entry(new Date(e.at), "incident.edited", { fields: e.fields }));
    if (p.closedAt) audit.push(entry(new Date(p.closedAt), "incident.closed"));
  }
  return audit;
}
