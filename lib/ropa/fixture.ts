import { createTranslator } from "next-intl";
import { catalogs } from "../i18n/catalogs";
import type { RopaInput, RopaPurpose, Words } from "./types";

/** Words in a locale from the real catalogs, for tests. */
export function wordsIn(locale: "en" | "ko" | "ja"): Words {
  const t = createTranslator({ locale, messages: catalogs[locale] });
  return (key, values) => (t as unknown as (k: string, v?: Record<string, string | number>) => string)(key, values);
}

const record: RopaPurpose["record"] = {
  subjectCategories: ["customers"],
  subjectCategoriesNote: null,
  sources: ["the_person"],
  sourcesNote: null,
  destructionMethod: "secure_erasure",
  destructionNote: null,
  legalHolds: [{ law: "kr_ecommerce_contract", items: ["order_history"], days: 1825 }],
};

/** A small, complete data map: two purposes, a processor in the US that takes EU and KR data abroad. */
export function completeMap(): RopaInput {
  const mailer = {
    id: 7,
    name: "MailHarbor Inc.",
    role: "processor",
    country: "US",
    privacyContactName: "Dana",
    privacyContactEmail: "privacy@mailharbor.example",
    transfer: {
      safeguard: "scc",
      safeguardNote: "2021/914 module 2",
      items: ["contact"],
      timing: "on_event",
      method: "api",
      refusal: "withdraw_consent",
    },
  };
  return {
    brand: {
      legalName: "Northtrail Outfitters Ltd.",
      address: "Dublin 2, Ireland",
      contactEmail: "privacy@northtrail.example",
      dpoEmail: "dpo@northtrail.example",
    },
    privacy: {
      securityMeasures: ["encryption_at_rest", "two_factor"],
      securityNote: null,
      representativeName: null,
      representativeContact: null,
      dpoName: "Aisling Byrne",
    },
    purposes: [
      {
        id: 1,
        key: "order_fulfilment",
        name: "Order fulfilment",
        description: "Ship orders",
        legalBasis: "contract",
        dataCategories: ["contact", "order_history"],
        retentionDays: 730,
        jurisdictions: ["EU", "KR"],
        record,
        recipients: [],
      },
      {
        id: 2,
        key: "marketing_messages",
        name: "Marketing messages",
        description: '=HYPERLINK("http://x")',
        legalBasis: "consent",
        dataCategories: ["contact"],
        retentionDays: 365,
        jurisdictions: ["EU", "KR"],
        record: { ...record, legalHolds: [] },
        recipients: [{ ...mailer, transferredFrom: ["EU", "KR"] }],
      },
    ],
    recipients: [mailer],
  };
}
