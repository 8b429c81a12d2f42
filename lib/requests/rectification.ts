import { createHash } from "node:crypto";
import { z } from "zod";
import { locales } from "../i18n/config";

/** The subject's details a rectification can correct; identifiers the brand owns (customer id) are not among them. */
export const rectifiableFields = ["name", "email", "phone", "locale"] as const;
export type RectifiableField = (typeof rectifiableFields)[number];
type Values = Record<RectifiableField, string | null>;

// Personal fields are fingerprinted in the audit log, which erasure cannot touch; the language is not personal.
const personal = new Set<RectifiableField>(["name", "email", "phone"]);

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: "too-long" })
    .transform((v) => v || null);

export const rectifySchema = z.object({
  requestId: z.coerce.number().int().positive(),
  name: optionalText(200),
  email: z.union([
    z.literal("").transform(() => null),
    z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.email({ error: "invalid-email" })),
  ]),
  phone: optionalText(40).refine((v) => v === null || /^\+?[0-9 ()-]{5,40}$/.test(v), { error: "invalid-phone" }),
  locale: z.enum(locales, { error: "required" }),
});
export type RectifyInput = z.infer<typeof rectifySchema>;

export type FieldChange = { field: RectifiableField; before: string | null; after: string | null };

/** The fields whose value changes, in a fixed order; an unchanged form is no change at all. */
export function fieldChanges(current: Values, proposed: Values): FieldChange[] {
  return rectifiableFields
    .filter((f) => (current[f] ?? null) !== (proposed[f] ?? null))
    .map((field) => ({ field, before: current[field] ?? null, after: proposed[field] ?? null }));
}

/** A value as the audit log keeps it: personal data only as a fingerprint that can confirm a value but not reveal it. */
export function auditValue(field: RectifiableField, value: string | null): string | null {
  if (value === null || !personal.has(field)) return value;
  return `sha256:${createHash("sha256").update(`${field}:${value}`).digest("hex").slice(0, 16)}`;
}

/** The change as the request's timeline shows it to staff (erased with the subject). */
export function describeChange(c: FieldChange): string {
  return `${c.field}: ${c.before ?? "—"} → ${c.after ?? "—"}`;
}
