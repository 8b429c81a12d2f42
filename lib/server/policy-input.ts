import { createTranslator } from "use-intl/core";
import { catalogs } from "@/lib/i18n/catalogs";
import { locales, type Locale } from "@/lib/i18n/config";
import type { Translate } from "@/lib/policy/document";
import type { PolicyInput, PurposeWords } from "@/lib/policy/input";
import type { DataMap } from "@/db/data-map";

// The data map as the privacy policy reads it. No store access here (a type only), so the demo seed builds the
// same policy the officer's page does from the rows it has just written.

/** The catalog's translators in every language, as the policy is written in all of them at once. */
export function policyTranslators(): Record<Locale, Translate> {
  return Object.fromEntries(
    locales.map((l) => [l, createTranslator({ locale: l, messages: catalogs[l] }) as unknown as Translate]),
  ) as Record<Locale, Translate>;
}

const blank = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);

/** The data map as the policy reads it (lib/policy/input.ts). */
export function policyInputFrom(
  map: DataMap,
  words: Map<string, Partial<Record<Locale, PurposeWords>>>,
  links: PolicyInput["links"],
  effectiveDate: string,
): PolicyInput {
  const b = map.brand;
  const pv = map.privacy;
  return {
    brand: {
      name: b?.name ?? "",
      legalName: b?.legalName ?? "",
      address: b?.address ?? "",
      websiteUrl: b?.websiteUrl ?? "",
      contactEmail: b?.contactEmail ?? "",
      representative: blank(pv.businessRepresentative),
      dpo: b?.dpoEmail ? { name: blank(pv.dpoName), department: null, contact: b.dpoEmail, address: null } : null,
      euRepresentative: blank(pv.representativeName)
        ? { name: blank(pv.representativeName), department: null, contact: blank(pv.representativeContact), address: null }
        : null,
      privacyOfficer:
        blank(pv.privacyOfficerName) || blank(pv.privacyOfficerDepartment) || blank(pv.privacyOfficerContact)
          ? {
              name: blank(pv.privacyOfficerName),
              department: blank(pv.privacyOfficerDepartment),
              contact: blank(pv.privacyOfficerContact),
              address: null,
            }
          : null,
      domesticAgent: blank(pv.domesticAgentName)
        ? {
            name: blank(pv.domesticAgentName),
            department: null,
            contact: blank(pv.domesticAgentContact),
            address: blank(pv.domesticAgentAddress),
          }
        : null,
      complaintContacts: Object.fromEntries(
        Object.entries(pv.complaintContacts).filter(([, c]) => c && (blank(c.contact) || blank(c.name))),
      ) as PolicyInput["brand"]["complaintContacts"],
      securityMeasures: pv.securityMeasures,
    },
    purposes: map.purposes.map((p) => ({
      id: p.id,
      key: p.key,
      name: p.name,
      description: p.description,
      // The interest a legitimate-interests purpose pursues is what its description says it is for.
      benefit: p.description,
      words: words.get(p.key) ?? {},
      legalBasis: p.legalBasis,
      dataCategories: p.dataCategories,
      retentionDays: p.retentionDays,
      saleOrSharing: p.saleOrSharing,
      sensitive: p.sensitive,
      jurisdictions: p.jurisdictions,
      subjectCategories: p.record.subjectCategories,
      sources: p.record.sources,
      destructionMethod: p.record.destructionMethod,
      keptByLaw: p.record.legalHolds.map((h) => ({ law: h.law, items: h.items, days: h.days, note: blank(h.note) })),
      recipientIds: p.recipients.map((r) => r.id),
    })),
    recipients: map.recipients.map((r) => ({
      id: r.id,
      name: r.name,
      role: r.role,
      country: r.country,
      contactName: r.privacyContactName,
      contactEmail: r.privacyContactEmail,
      transfer: {
        safeguard: r.transfer.safeguard,
        items: r.transfer.items,
        timing: r.transfer.timing,
        method: r.transfer.method,
        refusal: r.transfer.refusal,
      },
    })),
    links,
    effectiveDate,
  };
}

/** Where the policy's links go: paths on this site, so a frozen version's links work wherever it is served. */
export function policyLinks(reportPublished: boolean): PolicyInput["links"] {
  return {
    preferences: "/preferences",
    requests: "/preferences/requests",
    notices: "/notices",
    doNotSell: "/preferences/requests?type=opt_out_sale",
    limitSensitive: "/preferences/requests?type=limit_sensitive",
    transparencyReport: reportPublished ? "/transparency" : null,
  };
}
