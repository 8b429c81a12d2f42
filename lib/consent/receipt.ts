import { createHash } from "node:crypto";

export type ReceiptInput = {
  subjectUid: string;
  event: {
    id: number;
    event: "granted" | "denied" | "withdrawn" | "expired";
    channel: string | null;
    occurredAt: Date;
    locale: string;
    jurisdiction: string;
    source: string;
    gpc: boolean;
    guardianName: string | null;
  };
  purpose: {
    key: string;
    legalBasis: string;
    dataCategories: string[];
    sensitive: boolean;
    saleOrSharing: boolean;
    retentionDays: number;
    validityDays: number | null;
    recipients: { name: string; country: string; role: string }[];
  };
  notice: { url: string; version: number; title: string; locale: string };
  controller: { legalName: string; address: string; contactEmail: string; dpoEmail: string; websiteUrl: string } | null;
  withdrawal: { description: string; url: string };
};

/** A name-based UUID (version 5 layout over SHA-1), so the same event always yields the same record id. */
export function nameUuid(name: string): string {
  const h = createHash("sha1").update(name).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString("hex");
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

const duration = (days: number) => `P${days}D`;

/** The ISO/IEC TS 27560 event state for a ledger event; refusing a legitimate interest is an objection. */
export function eventState(event: ReceiptInput["event"]["event"], legalBasis: string): string {
  if (event === "granted") return "given";
  if (event === "expired") return "expired";
  if (legalBasis === "legitimate_interests") return "objected";
  return event === "withdrawn" ? "withdrawn" : "refused";
}

/**
 * A consent receipt for one ledger event, shaped after ISO/IEC TS 27560:2023
 * (header, processing, parties, event). Everything comes from the event and
 * the notice version it was given under, so a receipt never changes.
 */
export function buildConsentReceipt(r: ReceiptInput) {
  const { event: e, purpose: p } = r;
  return {
    schema_version: "1.0",
    schema: "ISO/IEC TS 27560:2023",
    record_id: nameUuid(`candor:consent-event:${r.subjectUid}:${e.id}`),
    pii_principal_id: r.subjectUid,
    privacy_notice: { url: r.notice.url, version: r.notice.version, title: r.notice.title, language: r.notice.locale },
    language: e.locale,
    purposes: [
      { purpose_id: p.key, purpose: r.notice.title, lawful_basis: p.legalBasis, channel: e.channel, sale_or_sharing: p.saleOrSharing },
    ],
    lawful_basis: p.legalBasis,
    pii_information: p.dataCategories.map((c) => ({ pii_type: c, sensitive: p.sensitive })),
    pii_controllers: r.controller
      ? [
          {
            party_name: r.controller.legalName,
            party_address: r.controller.address,
            party_contact: r.controller.dpoEmail,
            party_email: r.controller.contactEmail,
            party_url: r.controller.websiteUrl,
            party_type: "legal_entity",
            party_role: "controller",
          },
        ]
      : [],
    collection_method: e.source,
    jurisdiction: e.jurisdiction,
    retention_period: duration(p.retentionDays),
    recipient_third_parties: p.recipients.map((x) => ({
      party_name: x.name,
      party_address: x.country,
      party_type: "legal_entity",
      party_role: x.role,
    })),
    withdrawal_method: r.withdrawal,
    event: {
      event_time: e.occurredAt.toISOString(),
      event_type: e.event === "expired" ? "expiry" : p.legalBasis === "legitimate_interests" ? "objection" : "explicitly_expressed",
      event_state: eventState(e.event, p.legalBasis),
      validity_duration: e.event !== "granted" ? null : p.validityDays ? duration(p.validityDays) : "until_withdrawn",
      entity_id: r.subjectUid,
    },
    gpc: e.gpc,
    ...(e.guardianName ? { guardian: { name: e.guardianName } } : {}),
  };
}

export type ConsentReceipt = ReturnType<typeof buildConsentReceipt>;
