import { z } from "zod";
import { jurisdictions } from "../jurisdictions";
import { requestTypes, staffIntakes } from "./vocabulary";
import { receiptFields, requireLateReason, type ReceiptClock } from "./receipt";
import { limitPlan, mayLimit } from "./limit";

type PurposeFacts = { key: string; legalBasis: string; saleOrSharing: boolean; sensitiveBeyondPermitted?: boolean };

/**
 * The purposes a restriction, objection or opt-out stops (SPEC §4): an opt-out
 * every sale/sharing purpose, an objection every legitimate-interest purpose
 * (GDPR Art. 21), a restriction every purpose the subject can say no to
 * (consent and legitimate interests; Art. 18), a limit on sensitive data the
 * ledger's share of the purposes flagged beyond CCPA §7027(m) (limit.ts; the
 * others are stopped by the person's standing limit). Other types stop nothing.
 */
export function purposesToStop(type: string, purposes: PurposeFacts[]): string[] {
  const stops = (p: PurposeFacts) => {
    if (type === "opt_out_sale") return p.saleOrSharing && (p.legalBasis === "consent" || p.legalBasis === "legitimate_interests");
    if (type === "objection") return p.legalBasis === "legitimate_interests";
    if (type === "restriction") return p.legalBasis === "consent" || p.legalBasis === "legitimate_interests";
    return false;
  };
  if (type === "limit_sensitive")
    return limitPlan(purposes.map((p) => ({ ...p, sensitiveBeyondPermitted: p.sensitiveBeyondPermitted ?? false }))).inLedger.map(
      (p) => p.key,
    );
  return purposes.filter(stops).map((p) => p.key);
}

/** The ledger event that stops a purpose: a grant is withdrawn, an unanswered one denied, a refusal left as it is. */
export function stopEvent(current: string | null | undefined): "withdrawn" | "denied" | null {
  if (current === "granted") return "withdrawn";
  if (!current || current === "expired") return "denied";
  return null;
}

/** What completing a request does, as a key the request page explains. */
export function completionEffect(type: string): "export" | "erase" | "stop" | "record" {
  if (type === "access" || type === "portability") return "export";
  if (type === "deletion") return "erase";
  if (type === "restriction" || type === "objection" || type === "opt_out_sale" || type === "limit_sensitive") return "stop";
  return "record";
}

const text = (max: number) => z.string().trim().max(max, { error: "too-long" });
const reason = z.string({ error: "required" }).trim().min(3, { error: "required" }).max(2000, { error: "too-long" });

/**
 * Staff intake of a request received by phone, letter or email, with when it was
 * received on the brand's clock (see receipt.ts); built per submission, as "the
 * future" and "60 days back" depend on the moment it is checked.
 */
export function createRequestSchema(clock: ReceiptClock) {
  return z
    .object({
      type: z.enum(requestTypes, { error: "required" }),
      jurisdiction: z.enum(jurisdictions, { error: "required" }),
      intake: z.enum(staffIntakes, { error: "required" }),
      email: z.union([z.literal(""), z.email({ error: "invalid-email" })]).optional(),
      externalId: text(128).optional(),
      name: text(200).optional(),
      details: text(4000).optional(),
      ...receiptFields(clock),
    })
    .refine((v) => v.email || v.externalId, { error: "contact-required", path: ["email"] })
    .refine((v) => v.type !== "limit_sensitive" || mayLimit(v.jurisdiction), { error: "limit-california-only", path: ["type"] })
    .superRefine((v, ctx) => requireLateReason(v, ctx, clock));
}

export const requestIdSchema = z.object({ requestId: z.coerce.number().int().positive() });
export const reasonSchema = requestIdSchema.extend({ reason });
export const noteSchema = requestIdSchema.extend({ note: reason });
export const verifySchema = requestIdSchema.extend({ note: reason });
export const assignSchema = requestIdSchema.extend({ assigneeId: z.coerce.number().int().positive() });
export const completeSchema = requestIdSchema.extend({ confirm: z.literal("yes", { error: "confirm-required" }) });
