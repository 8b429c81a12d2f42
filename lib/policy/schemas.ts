import { z } from "zod";
import { formCheckbox } from "../forms";

const summary = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
  z.string().trim().max(1000, { error: "too-long" }).optional(),
);

/**
 * A draft's kind of change as the form posts it: a material change needs what changed in each language, since
 * each person is told in theirs; an editorial one keeps none.
 */
export const policyChangeSchema = z
  .object({
    versionId: z.coerce.number().int().positive(),
    material: formCheckbox,
    "summary.en": summary,
    "summary.ko": summary,
    "summary.ja": summary,
  })
  .superRefine((v, ctx) => {
    if (!v.material) return;
    for (const l of ["en", "ko", "ja"] as const)
      if (!v[`summary.${l}`]) ctx.addIssue({ code: "custom", path: [`summary.${l}`], message: "required" });
  })
  .transform((v) => ({
    versionId: v.versionId,
    material: v.material,
    changeSummary: v.material ? { en: v["summary.en"]!, ko: v["summary.ko"]!, ja: v["summary.ja"]! } : null,
  }));

export const policyVersionIdSchema = z.object({ versionId: z.coerce.number().int().positive() });
export const policyGenerateSchema = z.object({});
export const policyReturnSchema = z.object({
  versionId: z.coerce.number().int().positive(),
  comment: z.string().trim().min(1, { error: "required" }).max(1000, { error: "too-long" }),
});
