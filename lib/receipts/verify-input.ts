import { z } from "zod";

/** Longest receipt accepted for checking: a receipt with every recipient is a few kilobytes; this leaves room. */
export const maxReceiptLength = 64_000;

/**
 * The verify form's one field: a pasted compact JWS. Line breaks and spaces a mail client or an editor put in
 * are removed first; what is left must be three base64url parts.
 */
export const verifyReceiptSchema = z.object({
  receipt: z
    .string({ error: "required" })
    .transform((s) => s.replace(/\s+/g, ""))
    .pipe(
      z
        .string()
        .min(1, { error: "required", abort: true })
        .max(maxReceiptLength, { error: "receipt-too-long", abort: true })
        .regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, { error: "receipt-not-jws" }),
    ),
});

const purpose = z.object({
  purpose_id: z.string(),
  purpose: z.string(),
  lawful_basis: z.string(),
  channel: z.string().nullable().optional(),
});

/** The parts of an ISO/IEC TS 27560-shaped receipt (lib/consent/receipt.ts) the verify page shows. */
const receiptShape = z.object({
  schema: z.string(),
  record_id: z.string(),
  pii_principal_id: z.string(),
  privacy_notice: z.object({ url: z.string(), version: z.number(), title: z.string(), language: z.string().optional() }),
  purposes: z.array(purpose).min(1),
  pii_controllers: z.array(z.object({ party_name: z.string() })),
  jurisdiction: z.string(),
  event: z.object({ event_time: z.iso.datetime(), event_state: z.string(), validity_duration: z.string().nullable() }),
  gpc: z.boolean().optional(),
  language: z.string().optional(),
});

export type ReceiptSummary = {
  recordId: string;
  subjectId: string;
  controller: string | null;
  notice: { title: string; version: number; url: string };
  purposes: { id: string; title: string; lawfulBasis: string; channel: string | null }[];
  state: string;
  at: Date;
  validity: string | null;
  jurisdiction: string;
  gpc: boolean;
  /** The language of the notice whose titles the receipt quotes. */
  language: string | null;
};

/** What a signed payload says, or null when it is not a consent receipt. */
export function summarizeReceipt(payload: unknown): ReceiptSummary | null {
  const r = receiptShape.safeParse(payload);
  if (!r.success) return null;
  const d = r.data;
  return {
    recordId: d.record_id,
    subjectId: d.pii_principal_id,
    controller: d.pii_controllers[0]?.party_name ?? null,
    notice: { title: d.privacy_notice.title, version: d.privacy_notice.version, url: d.privacy_notice.url },
    purposes: d.purposes.map((p) => ({ id: p.purpose_id, title: p.purpose, lawfulBasis: p.lawful_basis, channel: p.channel ?? null })),
    state: d.event.event_state,
    at: new Date(d.event.event_time),
    validity: d.event.validity_duration,
    jurisdiction: d.jurisdiction,
    gpc: d.gpc ?? false,
    language: d.privacy_notice.language ?? d.language ?? null,
  };
}
