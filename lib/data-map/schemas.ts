import { z } from "zod";
import { formList } from "../forms";
import { dataCategories } from "../purposes/vocabulary";
import {
  complaintRegimes,
  dataSources,
  destructionMethods,
  retentionLaws,
  securityMeasures,
  subjectCategories,
  transferMethods,
  transferRefusals,
  transferSafeguards,
  transferTimings,
} from "./vocabulary";

// The data map's forms (issue 19), validated the same in the browser and in the action. Blank optional fields
// save as null: what is missing is listed by the record of processing's gaps (gaps.ts), not refused here.

const blank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");
const optionalText = (max: number) =>
  z.preprocess((v) => (blank(v) ? null : v), z.string().trim().max(max, { error: "too-long" }).nullable());
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (blank(v) ? null : v), z.enum(values, { error: "invalid" }).nullable());
const id = z.coerce.number({ error: "invalid" }).int({ error: "invalid" }).positive({ error: "invalid" });

/** Most legal holds one purpose lists. */
export const MAX_LEGAL_HOLDS = 8;

const legalHoldSchema = z.object({
  law: z.enum(retentionLaws, { error: "invalid" }),
  items: formList(z.enum(dataCategories, { error: "invalid" })).pipe(z.array(z.enum(dataCategories)).min(1, { error: "choose-one" })),
  days: z.coerce
    .number({ error: "not-a-number" })
    .int({ error: "not-a-whole-number" })
    .min(1, { error: "too-small" })
    .max(36_500, { error: "too-large" }),
  note: optionalText(300).transform((v) => v ?? undefined),
});

/** Rows sent as hold.<n>.law, hold.<n>.items, hold.<n>.days, hold.<n>.note; a row with no law is an empty row. */
function holdsFromForm(input: unknown): unknown {
  if (typeof input !== "object" || input === null) return input;
  const source = input as Record<string, unknown>;
  const rows = new Map<number, Record<string, unknown>>();
  for (const [key, value] of Object.entries(source)) {
    const m = /^hold\.(\d{1,2})\.(law|items|days|note)$/.exec(key);
    if (!m) continue;
    const n = Number(m[1]);
    rows.set(n, { ...rows.get(n), [m[2]]: value });
  }
  const legalHolds = [...rows.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, row]) => row)
    .filter((row) => !blank(row.law));
  return { ...source, legalHolds: source.legalHolds ?? legalHolds };
}

export const purposeRecordSchema = z.preprocess(
  holdsFromForm,
  z
    .object({
      purposeId: id,
      subjectCategories: formList(z.enum(subjectCategories, { error: "invalid" })).pipe(
        z.array(z.enum(subjectCategories)).min(1, { error: "choose-one" }),
      ),
      subjectCategoriesNote: optionalText(500),
      sources: formList(z.enum(dataSources, { error: "invalid" })).pipe(z.array(z.enum(dataSources)).min(1, { error: "choose-one" })),
      sourcesNote: optionalText(500),
      destructionMethod: optionalEnum(destructionMethods),
      destructionNote: optionalText(500),
      legalHolds: z.array(legalHoldSchema).max(MAX_LEGAL_HOLDS, { error: "too-many" }),
    })
    .superRefine((r, ctx) => {
      if (r.sources.some((s) => s !== "the_person") && !r.sourcesNote)
        ctx.addIssue({ code: "custom", path: ["sourcesNote"], message: "sources-need-note" });
    }),
);
export type PurposeRecordInput = z.infer<typeof purposeRecordSchema>;

export const recipientTransferSchema = z
  .object({
    recipientId: id,
    safeguard: optionalEnum(transferSafeguards),
    safeguardNote: optionalText(500),
    items: formList(z.enum(dataCategories, { error: "invalid" })),
    timing: optionalEnum(transferTimings),
    method: optionalEnum(transferMethods),
    refusal: optionalEnum(transferRefusals),
  })
  .superRefine((t, ctx) => {
    // A transfer is described whole or not at all: a safeguard without its items, timing, method and refusal says too little.
    if (t.safeguard === null) return;
    if (t.items.length === 0) ctx.addIssue({ code: "custom", path: ["items"], message: "choose-one" });
    for (const key of ["timing", "method", "refusal"] as const)
      if (t[key] === null) ctx.addIssue({ code: "custom", path: [key], message: "required" });
    if (t.safeguard === "derogation" && !t.safeguardNote)
      ctx.addIssue({ code: "custom", path: ["safeguardNote"], message: "derogation-needs-note" });
  });
export type RecipientTransferInput = z.infer<typeof recipientTransferSchema>;

const contact = optionalText(300);
const email = z.preprocess(
  (v) => (typeof v === "string" ? v.trim() : v),
  z.email({ error: "invalid-email" }).max(254, { error: "too-long" }),
);

/** complaint.<regime>.name and complaint.<regime>.contact into one object; a regime with neither is left out. */
function complaintsFromForm(input: unknown): unknown {
  if (typeof input !== "object" || input === null) return input;
  const source = input as Record<string, unknown>;
  const complaintContacts: Record<string, { name: unknown; contact: unknown }> = {};
  for (const regime of complaintRegimes) {
    const name = source[`complaint.${regime}.name`];
    const contactValue = source[`complaint.${regime}.contact`];
    if (!blank(name) || !blank(contactValue)) complaintContacts[regime] = { name: name ?? "", contact: contactValue ?? "" };
  }
  return { ...source, complaintContacts: source.complaintContacts ?? complaintContacts };
}

const complaintContactSchema = z.object({
  name: z.string().trim().min(1, { error: "required" }).max(200, { error: "too-long" }),
  contact: z.string().trim().min(1, { error: "required" }).max(300, { error: "too-long" }),
});

export const brandPrivacySchema = z.preprocess(
  complaintsFromForm,
  z.object({
    securityMeasures: formList(z.enum(securityMeasures, { error: "invalid" })),
    securityNote: optionalText(1000),
    representativeName: optionalText(200),
    representativeContact: contact,
    dpoName: optionalText(200),
    dpoEmail: email,
    privacyOfficerName: optionalText(200),
    privacyOfficerDepartment: optionalText(200),
    privacyOfficerContact: contact,
    domesticAgentName: optionalText(200),
    domesticAgentAddress: optionalText(300),
    domesticAgentContact: contact,
    businessRepresentative: optionalText(200),
    complaintContacts: z.partialRecord(z.enum(complaintRegimes), complaintContactSchema),
  }),
);
export type BrandPrivacyInput = z.infer<typeof brandPrivacySchema>;
