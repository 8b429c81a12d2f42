import { createTranslator } from "next-intl";
import { catalogs } from "../../i18n/catalogs";
import { draftFormat } from "./format";
import type { DraftIncident, DraftInput, Words } from "./types";

/** Catalog words in a language, as the page's `t` gives them. */
export function wordsIn(locale: "en" | "ko" | "ja"): Words {
  const t = createTranslator({ locale, messages: catalogs[locale] });
  return (key, values) => (t as unknown as (k: string, v?: Record<string, string | number>) => string)(key, values);
}

/** Dates in a brand's time zone, as the pages and exports shape them. */
export const formatIn = draftFormat;

/** A web-shop breach found on a Friday night: card skimming on checkout, national id numbers in the order form. */
export function skimmingIncident(): DraftIncident {
  return {
    reference: "INC-2026-0007",
    title: "Checkout page skimmer",
    certainty: "confirmed",
    drill: false,
    awareAt: new Date("2026-03-06T14:30:00Z"),
    occurredFrom: new Date("2026-02-20T00:00:00Z"),
    occurredTo: new Date("2026-03-06T09:00:00Z"),
    natures: ["confidentiality"],
    cause: "skimming",
    causeNote: "Injected script in the payment widget",
    dataCategories: ["contact", "payment"],
    dataFacts: ["payment_data", "unique_identifier"],
    encrypted: false,
    keyTaken: false,
    containment: "Script removed and checkout taken offline",
    remedial: "Content security policy enforced on every page",
    risk: "high_risk",
    riskReason: "Card numbers usable for fraud",
    peopleException: null,
    peopleExceptionReason: null,
    delayReason: "law_enforcement",
    delayNote: "Police asked us to wait ten days",
  };
}

export function draftInput(overrides: Partial<DraftInput> = {}): DraftInput {
  return {
    incident: skimmingIncident(),
    affected: { EU: 1200, UK: 34, KR: 2500, JP: 1500, "US-CA": 640 },
    brand: {
      legalName: "Northtrail Outfitters Ltd",
      address: "1 Harbour Road, Dublin",
      contactEmail: "hello@northtrail.example",
      dpoEmail: "dpo@northtrail.example",
      dpoName: "Mina Park",
      websiteUrl: "https://northtrail.example",
    },
    purposes: ["Order fulfilment"],
    recipients: ["PayBridge Ltd"],
    peopleNotifiedAt: { KR: new Date("2026-03-08T01:00:00Z"), "US-CA": new Date("2026-03-20T17:00:00Z") },
    additions: {
      peopleCanDo: "Ask your card issuer for a new card",
      remedyProcedure: "Claims for losses are refunded within 14 days",
      harmContact: "Privacy desk, +82 2 555 0100",
      publicAnnouncement: "Posted on our website on 9 March",
      otherMatters: "Card brands informed",
      offer: { provider: "ShieldWatch", months: 24, howToEnrol: "Enrol at shieldwatch.example with code NT-2026" },
    },
    filings: [],
    now: new Date("2026-03-07T10:00:00Z"),
    ...overrides,
  };
}
