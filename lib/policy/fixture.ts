/**
 * Northtrail Outfitters, the demo brand, as the policy reads it: for the unit tests of lib/policy (the seeded
 * demo's data map, scripts/demo-data, carries the same facts).
 */
import type { PolicyInput, PolicyPurpose, PolicyRecipient } from "./input";

const transfer = { safeguard: "scc", items: [], timing: "on_event", method: "api", refusal: "contact_officer" };

const recipient = (id: number, name: string, country: string, role: string): PolicyRecipient => ({
  id,
  name,
  role,
  country,
  contactName: "Privacy team",
  contactEmail: `privacy@r${id}.example`,
  transfer: country === "IE" || country === "DE" ? { ...transfer, safeguard: null } : { ...transfer },
});

const purpose = (id: number, key: string, name: string, fields: Partial<PolicyPurpose>): PolicyPurpose => ({
  id,
  key,
  name,
  description: `${name} for our customers.`,
  benefit: "",
  words: {},
  legalBasis: "consent",
  dataCategories: ["contact"],
  retentionDays: 365,
  saleOrSharing: false,
  sensitive: false,
  jurisdictions: ["EU", "US-CA", "KR", "JP"],
  subjectCategories: ["customers"],
  sources: ["the_person"],
  destructionMethod: "secure_erasure",
  keptByLaw: [],
  recipientIds: [],
  ...fields,
});

/** A fresh copy each call, so a test may remove a field. */
export function demoPolicyInput(): PolicyInput {
  return {
    brand: {
      name: "Northtrail Outfitters",
      legalName: "Northtrail Outfitters Ltd.",
      address: "Unit 4, Harbour Yard, Grand Canal Dock, Dublin 2, D02 X285, Ireland",
      websiteUrl: "https://northtrail.example",
      contactEmail: "privacy@northtrail.example",
      representative: "Siobhán Kelly, Managing Director",
      dpo: { name: "Aoife Byrne", department: null, contact: "dpo@northtrail.example", address: null },
      euRepresentative: null,
      privacyOfficer: { name: "Min-jun Lee", department: "Privacy Office", contact: "privacy-kr@northtrail.example", address: null },
      domesticAgent: { name: "Northtrail Korea Agent Co.", department: null, contact: "agent@northtrail.example", address: "Seoul" },
      complaintContacts: {
        gdpr: { name: "Data Protection Commission", contact: "www.dataprotection.ie" },
        pipa: { name: "Privacy Office", contact: "privacy-kr@northtrail.example" },
        appi: { name: "Customer Privacy Desk", contact: "privacy-jp@northtrail.example" },
        ccpa: { name: "Privacy team", contact: "privacy@northtrail.example" },
      },
      securityMeasures: ["encryption_in_transit", "encryption_at_rest", "access_control", "audit_logging"],
    },
    purposes: [
      purpose(1, "order_fulfilment", "Order fulfilment", {
        legalBasis: "contract",
        dataCategories: ["identity", "contact", "order_history", "payment"],
        retentionDays: 1095,
        recipientIds: [1, 2, 3],
        keptByLaw: [{ law: "kr_ecommerce_contract", items: ["order_history"], days: 1825, note: "Art. 6" }],
      }),
      purpose(2, "fraud_prevention", "Fraud prevention", {
        legalBasis: "legitimate_interests",
        benefit: "Keeping payments safe from fraud.",
        dataCategories: ["identity", "payment", "device"],
        recipientIds: [4],
      }),
      purpose(3, "ad_partner_sharing", "Sharing with ad partners", {
        dataCategories: ["behavioural", "device"],
        saleOrSharing: true,
        recipientIds: [5],
        sources: ["the_person", "partners"],
      }),
    ],
    recipients: [
      recipient(1, "Parcelway Logistics GmbH", "DE", "processor"),
      recipient(2, "Hanul Express Co., Ltd.", "KR", "processor"),
      recipient(3, "Yamabiko Transport K.K.", "JP", "processor"),
      recipient(4, "Sentinel Risk Scoring Inc.", "US", "processor"),
      recipient(5, "Meridian Ads Network Ltd.", "IE", "third_party"),
    ],
    links: {
      preferences: "https://trust.example/preferences",
      requests: "https://trust.example/preferences/requests",
      notices: "https://trust.example/notices",
      doNotSell: "https://trust.example/preferences/requests?type=opt_out_sale",
      limitSensitive: "https://trust.example/preferences/requests?type=limit_sensitive",
      transparencyReport: "https://trust.example/transparency",
    },
    effectiveDate: "2026-12-07",
  };
}
