import { createTranslator } from "use-intl/core";
import { buildDraft } from "@/lib/incidents/drafts";
import { draftFormat } from "@/lib/incidents/drafts/format";
import type { DraftInput, ReportAdditions, Words } from "@/lib/incidents/drafts/types";
import { catalogs } from "@/lib/i18n/catalogs";
import type { Db } from "@/db/connection";
import { insertSeedFiling, insertSeedReportFields, seedIncidentByTitle } from "@/db/seed/incident-reports";
import type { NewAuditEntry } from "@/db/staff/audit-chain";
import { BRAND_TIME_ZONE } from "./brand";
import type { Timeline } from "./timeline";

const skimming = "Checkout page script may have skimmed card details";
const stuffing = "Credential stuffing on Trail Club accounts";

const words: Words = (() => {
  const t = createTranslator({ locale: "en", messages: catalogs.en });
  return (key, values) => (t as unknown as (k: string, v?: Record<string, string | number>) => string)(key, values);
})();

/**
 * The authority side of the demo register (issue 21, N1): the skimming suspicion's report fields and its first GDPR
 * report, filed through the Irish DPC's portal on the second day as facts were still unknown (Art. 33(4): the rest
 * follows in phases); the credential-stuffing attack's fields half written while its 72-hour clocks run. Returns
 * the audit entries, for the caller to add in time order.
 */
export function seedDemoIncidentReports(db: Db, t: Timeline, officer: { id: number }): NewAuditEntry[] {
  const audit: NewAuditEntry[] = [];
  const fields: { title: string; at: number; additions: ReportAdditions }[] = [
    {
      title: skimming,
      at: t.daysAgo(8, 15),
      additions: {
        peopleCanDo:
          "Check your card statements for payments you do not recognise, and ask your bank for a new card if you paid between the dates above.",
        remedyProcedure:
          "Any unauthorised payment traced to this incident is refunded by Northtrail within 14 days of the bank's confirmation.",
        harmContact: "Northtrail privacy team, privacy@northtrail.example, +353 1 555 0142 (weekdays 9:00–17:00)",
        publicAnnouncement: "Not announced yet: held at the request of the Garda National Cyber Crime Bureau.",
      },
    },
    {
      title: stuffing,
      at: t.daysAgo(1, 20),
      additions: {
        peopleCanDo: "Choose a new password for Trail Club and for any other site where you used the same one.",
      },
    },
  ];
  const entry = (id: number, reference: string, at: Date, action: string, details: Record<string, unknown>): NewAuditEntry => ({
    at,
    actorId: officer.id,
    actorLabel: "seed",
    action,
    targetType: "incident",
    targetId: id,
    details: { reference, drill: false, ...details },
  });
  for (const f of fields) {
    const row = seedIncidentByTitle(db, f.title);
    const at = new Date(f.at);
    insertSeedReportFields(db, { reference: row.reference, additions: f.additions, at }, officer.id);
    audit.push(entry(row.id, row.reference, at, "incident.report-drafted", { fields: Object.keys(f.additions).sort() }));
  }

  const row = seedIncidentByTitle(db, skimming);
  const sentAt = new Date(t.daysAgo(8, 11));
  const brand = db.$client
    .prepare("SELECT legal_name, address, contact_email, dpo_email, website_url FROM brand_settings WHERE id = 1")
    .get() as { legal_name: string; address: string; contact_email: string; dpo_email: string; website_url: string } | undefined;
  const dpoName = db.$client.prepare("SELECT dpo_name FROM brand_privacy WHERE id = 1").pluck().get() as string | null | undefined;
  const purposes = db.$client
    .prepare("SELECT p.name FROM incident_purposes ip JOIN purposes p ON p.id = ip.purpose_id WHERE ip.incident_id = ? ORDER BY p.name")
    .pluck()
    .all(row.id) as string[];
  const recipients = db.$client
    .prepare(
      "SELECT r.name FROM incident_recipients ir JOIN recipients r ON r.id = ir.recipient_id WHERE ir.incident_id = ? ORDER BY r.name",
    )
    .pluck()
    .all(row.id) as string[];
  const affected = Object.fromEntries(
    (
      db.$client
        .prepare("SELECT jurisdiction, count(*) AS n FROM incident_affected WHERE incident_id = ? GROUP BY jurisdiction")
        .all(row.id) as {
        jurisdiction: string;
        n: number;
      }[]
    ).map((r) => [r.jurisdiction, r.n]),
  );
  const input: DraftInput = {
    incident: row,
    affected,
    brand: brand
      ? {
          legalName: brand.legal_name,
          address: brand.address,
          contactEmail: brand.contact_email,
          dpoEmail: brand.dpo_email,
          dpoName: dpoName ?? null,
          websiteUrl: brand.website_url,
        }
      : null,
    purposes,
    recipients,
    peopleNotifiedAt: {},
    additions: fields[0].additions,
    filings: [],
    now: sentAt,
  };
  const content = buildDraft("gdpr_authority", input, words, draftFormat("en", BRAND_TIME_ZONE));
  const filed = insertSeedFiling(
    db,
    { reference: row.reference, duty: "gdpr_authority", sentAt, channel: "portal", receipt: "DPC-BN-26-0412", locale: "en", content },
    officer.id,
  );
  audit.push(
    entry(row.id, row.reference, sentAt, "incident.report-sent", {
      duty: "gdpr_authority",
      sequence: filed.sequence,
      channel: "portal",
      sentAt: sentAt.toISOString(),
      receipt: "DPC-BN-26-0412",
    }),
  );
  return audit;
}
