import { z } from "zod";
import { formCheckbox, formInt, formList, formOptionalInt } from "../forms";
import { jurisdictions } from "../jurisdictions";
import { channels, dataCategories, legalBases } from "./vocabulary";

const text = (max: number) => z.string().trim().min(1, { error: "required" }).max(max, { error: "too-long" });

/** Most recipients one purpose may name: beyond this it is a category, not a list of companies. */
export const MAX_PURPOSE_RECIPIENTS = 50;

/** The recipients a purpose sends data to, picked from the registry by id (a checkbox each); duplicates count once. */
const recipientIdsFromForm = formList(z.coerce.number({ error: "invalid" }).int({ error: "invalid" }).positive({ error: "invalid" }))
  .transform((ids) => [...new Set(ids)])
  .pipe(z.array(z.number()).max(MAX_PURPOSE_RECIPIENTS, { error: "too-many" }));

/** The editable fields of a purpose, validated the same in the form and in the action. */
export const purposeFieldsSchema = z
  .object({
    name: text(120),
    description: text(2000),
    legalBasis: z.enum(legalBases, { error: "invalid" }),
    dataCategories: formList(z.enum(dataCategories)).pipe(z.array(z.enum(dataCategories)).min(1, { error: "choose-one" })),
    retentionDays: formInt(1, 36_500),
    validityDays: formOptionalInt(1, 3_650),
    saleOrSharing: formCheckbox,
    sensitive: formCheckbox,
    /** Uses sensitive personal information beyond CCPA §7027(m): a California person may limit it. */
    sensitiveBeyondPermitted: formCheckbox,
    channels: formList(z.enum(channels)),
    /** Where the purpose applies; each place asks for the notice in its people's languages before it goes live. */
    jurisdictions: formList(z.enum(jurisdictions)).pipe(z.array(z.enum(jurisdictions)).min(1, { error: "choose-one" })),
    benefit: text(1000),
    recipientIds: recipientIdsFromForm,
  })
  .superRefine((p, ctx) => {
    if (p.validityDays !== null && p.legalBasis !== "consent")
      ctx.addIssue({ code: "custom", path: ["validityDays"], message: "validity-consent-only" });
    if (p.saleOrSharing && p.legalBasis !== "consent" && p.legalBasis !== "legitimate_interests")
      ctx.addIssue({ code: "custom", path: ["saleOrSharing"], message: "sale-needs-choice" });
  });

export const purposeKeySchema = z
  .string()
  .trim()
  .min(2, { error: "too-short" })
  .max(60, { error: "too-long" })
  .regex(/^[a-z][a-z0-9_]*$/, { error: "invalid-key" });

export const createPurposeSchema = z.object({ key: purposeKeySchema }).and(purposeFieldsSchema);

export const purposeIdSchema = z.object({ purposeId: z.coerce.number().int().positive() });
export const reviewCommentSchema = z.object({
  purposeId: z.coerce.number().int().positive(),
  comment: text(1000),
});

export type PurposeFieldsInput = z.infer<typeof purposeFieldsSchema>;
