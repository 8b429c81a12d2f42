import type { DataMapRows } from "@/db/seed/data-map";
import type { ReferenceRows } from "@/db/seed/rows";
import type { LegalHold } from "@/db/schema";
import type { DataSource, DestructionMethod, SubjectCategory, TransferRefusal, TransferSafeguard } from "@/lib/data-map/vocabulary";
import type { DataCategory } from "@/lib/purposes/vocabulary";

// Northtrail's data map beyond its purposes and registry (issue 19): whose data each purpose holds, where it
// comes from, how it is destroyed and what law keeps; each recipient's transfer abroad; the brand as controller.
// Complete, so the record of processing and every jurisdiction's policy have what they need.

type PurposeFacts = {
  people: SubjectCategory[];
  sources: DataSource[];
  sourcesNote?: string;
  destruction: DestructionMethod;
  destructionNote?: string;
  holds?: LegalHold[];
};

const years = (n: number) => n * 365;
const job = "The nightly retention job erases it within 5 days of the end of its retention period; backups age out within 35 days.";

const records: { [key: string]: PurposeFacts | undefined } = {
  order_fulfilment: {
    people: ["customers"],
    sources: ["the_person"],
    destruction: "secure_erasure",
    destructionNote: job,
    holds: [
      { law: "kr_ecommerce_contract", items: ["identity", "order_history"], days: years(5) },
      { law: "kr_ecommerce_payment", items: ["payment", "order_history"], days: years(5) },
      { law: "kr_ecommerce_complaint", items: ["contact", "communications"], days: years(3) },
    ],
  },
  tax_records: {
    people: ["customers"],
    sources: ["the_person"],
    destruction: "secure_erasure",
    destructionNote: job,
    holds: [
      {
        law: "eu_tax_records",
        items: ["identity", "order_history", "payment"],
        days: years(6),
        note: "Ireland, Taxes Consolidation Act 1997 s.886",
      },
      { law: "jp_tax_records", items: ["order_history", "payment"], days: years(7) },
      { law: "us_tax_records", items: ["order_history", "payment"], days: years(7) },
    ],
  },
  fraud_prevention: {
    people: ["customers"],
    sources: ["the_person", "service_providers"],
    sourcesNote: "Sentinel Risk Scoring returns a risk score for each order from the device and payment details we send it.",
    destruction: "anonymisation",
    destructionNote: "Scores older than the retention period are kept only as counts without any identifier.",
    holds: [{ law: "kr_communications_log", items: ["device"], days: 90 }],
  },
  delivery_updates: { people: ["customers"], sources: ["the_person"], destruction: "secure_erasure", destructionNote: job },
  marketing_messages: {
    people: ["customers", "subscribers", "prospects"],
    sources: ["the_person"],
    destruction: "secure_erasure",
    destructionNote: job,
    holds: [{ law: "kr_ecommerce_advertising", items: ["contact", "preferences"], days: 180 }],
  },
  personalised_recommendations: {
    people: ["customers", "app_users"],
    sources: ["the_person"],
    destruction: "anonymisation",
    destructionNote: "Profiles are reduced to anonymous product statistics when consent ends or the retention period passes.",
  },
  ad_partner_sharing: {
    people: ["customers", "app_users"],
    sources: ["the_person", "partners"],
    sourcesNote: "Meridian Ads, Daon Media, Sakura Ad Exchange and Summit Retail Media return the audience segments a device belongs to.",
    destruction: "secure_erasure",
    destructionNote: job,
  },
  precise_location: { people: ["app_users"], sources: ["the_person"], destruction: "secure_erasure", destructionNote: job },
  fit_profile: { people: ["customers", "app_users"], sources: ["the_person"], destruction: "secure_erasure", destructionNote: job },
};

const euAdequacy =
  "EU adequacy decisions for Japan (2019/419) and the Republic of Korea (2022/254); Korean and Japanese customers' data under the processing contract";
const safeguards: { [country: string]: [TransferSafeguard, string] } = {
  IE: ["adequacy", euAdequacy],
  DE: ["adequacy", euAdequacy],
  KR: ["adequacy", "EU adequacy decision for the Republic of Korea (2022/254)"],
  JP: ["adequacy", "EU adequacy decision for Japan (2019/419)"],
  US: [
    "scc",
    "Standard contractual clauses (2021/914, module 2) with a transfer impact assessment; EU-US Data Privacy Framework certification checked yearly",
  ],
};

/** The demo's data-map rows, for the reference rows just inserted (purposes by key, recipients by name). */
export function demoDataMapRows(
  reference: Pick<ReferenceRows, "purposes" | "recipients" | "purposeRecipients">,
  updatedAt: Date,
): DataMapRows {
  const purposeRecords = reference.purposes.flatMap((p) => {
    const r = records[p.key];
    return r
      ? [
          {
            purposeId: p.id,
            subjectCategories: r.people,
            sources: r.sources,
            sourcesNote: r.sourcesNote ?? null,
            destructionMethod: r.destruction,
            destructionNote: r.destructionNote ?? null,
            legalHolds: r.holds ?? [],
            updatedAt,
          },
        ]
      : [];
  });
  const recipientTransfers = reference.recipients.flatMap((r) => {
    const linked = reference.purposeRecipients
      .filter((l) => l.recipientId === r.id)
      .map((l) => reference.purposes.find((p) => p.id === l.purposeId)!)
      .filter((p) => p.status === "active" || p.status === "in_review");
    if (linked.length === 0) return [];
    const items = [...new Set(linked.flatMap((p) => p.dataCategories as DataCategory[]))];
    const bases = new Set(linked.map((p) => p.legalBasis));
    const refusal: TransferRefusal =
      bases.has("contract") || bases.has("legal_obligation")
        ? "not_refusable"
        : bases.has("legitimate_interests")
          ? "opt_out"
          : "withdraw_consent";
    // The tax authority receives what tax law requires: a derogation, never refusable.
    const [safeguard, note]: [TransferSafeguard, string] =
      r.role === "controller"
        ? ["derogation", "Disclosure required by Irish tax law (Taxes Consolidation Act 1997 s.886), Art. 49(1)(e)"]
        : (safeguards[r.country] ?? ["scc", "Standard contractual clauses"]);
    return [
      {
        recipientId: r.id,
        safeguard,
        safeguardNote: note,
        items,
        timing:
          r.role === "controller" ? ("on_request" as const) : r.role === "third_party" ? ("daily_batch" as const) : ("on_event" as const),
        method: r.role === "controller" ? ("file_transfer" as const) : ("api" as const),
        refusal,
        updatedAt,
      },
    ];
  });
  return {
    purposeRecords,
    recipientTransfers,
    brandPrivacy: {
      id: 1,
      securityMeasures: [
        "encryption_in_transit",
        "encryption_at_rest",
        "access_control",
        "two_factor",
        "audit_logging",
        "backups",
        "staff_training",
        "vendor_review",
        "incident_response",
      ],
      securityNote: "Reviewed each year against ISO/IEC 27001; staff access is reviewed every quarter.",
      representativeName: null,
      representativeContact: null,
      dpoName: "Aisling Byrne",
      privacyOfficerName: "Seo Yeon-hee",
      privacyOfficerDepartment: "Privacy Office",
      privacyOfficerContact: "+82 2-555-0147, privacy-kr@northtrail.example",
      domesticAgentName: "Hanbit Privacy Agency Co., Ltd.",
      domesticAgentAddress: "21 Teheran-ro 5-gil, Gangnam-gu, Seoul 06134, Republic of Korea",
      domesticAgentContact: "+82 2-555-0190, agent@hanbit-privacy.example",
      businessRepresentative: "Ciara Flanagan, Managing Director",
      complaintContacts: {
        gdpr: {
          name: "Data Protection Commission (Ireland)",
          contact: "https://www.dataprotection.ie, 21 Fitzwilliam Square South, Dublin 2",
        },
        pipa: {
          name: "Personal Information Protection Commission / KISA Privacy Call Center; Personal Information Dispute Mediation Committee",
          contact: "https://privacy.kisa.or.kr, call 118; https://www.kopico.go.kr, call 1833-6972",
        },
        appi: {
          name: "Personal Information Protection Commission (Japan)",
          contact: "https://www.ppc.go.jp, PPC consultation line 03-6457-9849",
        },
        ccpa: {
          name: "California Privacy Protection Agency; California Attorney General",
          contact: "https://cppa.ca.gov; https://oag.ca.gov/privacy",
        },
      },
      updatedAt,
    },
  };
}
