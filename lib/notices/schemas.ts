import { z } from "zod";
import { formCheckbox } from "../forms";
import { locales } from "../i18n/config";
import { SHORT_LAYER_FIELDS, type ShortLayer } from "./required-elements";

const field = (max: number) => z.string().trim().max(max, { error: "too-long" });

const shortLayerFields = SHORT_LAYER_FIELDS;

/** A notice draft as the editor posts it: short-layer fields arrive flat (short.what, short.why, …); blanks are allowed in a draft and flagged as missing. */
export const noticeDraftSchema = z
  .object({
    purposeId: z.coerce.number().int().positive(),
    locale: z.enum(locales),
    versionId: z.preprocess((v) => (v === "" || v === undefined ? undefined : v), z.coerce.number().int().positive().optional()),
    title: z.string().trim().min(1, { error: "required" }).max(200, { error: "too-long" }),
    fullText: z.string().trim().min(1, { error: "required" }).max(50_000, { error: "too-long" }),
    material: formCheckbox,
    changeSummary: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), field(1000).nullable().default(null)),
  })
  .and(
    z
      .object(
        Object.fromEntries(shortLayerFields.map((k) => [`short.${k}`, field(600).default("")])) as Record<
          `short.${string}`,
          z.ZodDefault<z.ZodString>
        >,
      )
      .transform((flat) => ({
        shortLayer: Object.fromEntries(shortLayerFields.map((k) => [k, flat[`short.${k}`] ?? ""])) as unknown as ShortLayer,
      })),
  );

export const noticeVersionIdSchema = z.object({ versionId: z.coerce.number().int().positive() });
export const noticeReturnSchema = z.object({
  versionId: z.coerce.number().int().positive(),
  comment: z.string().trim().min(1, { error: "required" }).max(1000, { error: "too-long" }),
});
