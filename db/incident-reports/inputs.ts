import "server-only";
import { eq } from "drizzle-orm";
import type { Duty } from "@/lib/incidents/duties";
import type { ReportAdditions } from "@/lib/incidents/drafts/types";
import { dutyJurisdictions, type DutyKind } from "@/lib/incidents/vocabulary";
import type { Jurisdiction } from "@/lib/jurisdictions";
import { db } from "../client";
import { readBrandPrivacy } from "../data-map/read";
import { getIncidentDuties } from "../incident-duties/reads";
import { getIncident, type IncidentDetail } from "../incidents/incidents";
import { brandSettings } from "../schema";
import { getReportAdditions, listIncidentFilings, type IncidentFiling } from "./reports";

const peopleDuties: readonly DutyKind[] = ["gdpr_people", "pipa_people", "appi_people", "ca_people"];

export type ReportInputs = IncidentDetail & {
  duties: Duty[];
  affected: Partial<Record<Jurisdiction, number>>;
  /** When people in each jurisdiction were first told (the notice batches that finished). */
  peopleNotifiedAt: Partial<Record<Jurisdiction, Date>>;
  brand: { legalName: string; address: string; contactEmail: string; dpoEmail: string; dpoName: string | null; websiteUrl: string } | null;
  timeZone: string;
  additions: ReportAdditions;
  filings: IncidentFiling[];
};

/** Everything the incident's authority drafts are built from, read at one moment; undefined when there is no such incident. */
export function readReportInputs(incidentId: number, now = new Date()): ReportInputs | undefined {
  const detail = getIncident(incidentId);
  const duties = getIncidentDuties(db, incidentId, now);
  if (!detail || !duties) return undefined;
  const settings = db.select().from(brandSettings).where(eq(brandSettings.id, 1)).get();
  const privacy = readBrandPrivacy(db);
  const peopleNotifiedAt: Partial<Record<Jurisdiction, Date>> = {};
  for (const f of duties.inputs.filings)
    if (peopleDuties.includes(f.duty))
      for (const j of dutyJurisdictions[f.duty]) {
        const seen = peopleNotifiedAt[j];
        if (!seen || f.sentAt < seen) peopleNotifiedAt[j] = f.sentAt;
      }
  return {
    ...detail,
    duties: duties.duties,
    affected: duties.inputs.affected,
    peopleNotifiedAt,
    brand: settings
      ? {
          legalName: settings.legalName,
          address: settings.address,
          contactEmail: settings.contactEmail,
          dpoEmail: settings.dpoEmail,
          dpoName: privacy.dpoName,
          websiteUrl: settings.websiteUrl,
        }
      : null,
    timeZone: settings?.timeZone ?? "UTC",
    additions: getReportAdditions(incidentId),
    filings: listIncidentFilings(incidentId),
  };
}
