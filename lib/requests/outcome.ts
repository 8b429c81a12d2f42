import { z } from "zod";
import { denialReasons, type DenialReason, type RequestOutcome } from "./vocabulary";

/**
 * How a request ends, as one record (CCPA 11 CCR §7102 counts these): complied with in whole; complied with in
 * part, with the withheld part's denial reason and a note saying what was withheld and why; or denied with a
 * reason, where "exempt" names the exemption and "other" states the reason in the note.
 */
export type ClosingOutcome =
  | { outcome: "complied"; denialReason: null; note: string | null }
  | { outcome: "complied_in_part"; denialReason: DenialReason; note: string }
  | { outcome: "denied"; denialReason: DenialReason; note: string | null };

/** The denial reasons whose note is required: an exemption must be named, an "other" reason stated. */
export const reasonsNeedingNote: readonly DenialReason[] = ["exempt", "other"];

const NOTE_MAX = 2000;
const note = z
  .string()
  .trim()
  .max(NOTE_MAX, { error: "too-long" })
  .optional()
  .transform((v) => (v ? v : null));
const denialReason = z.enum(denialReasons, { error: "denial-reason-required" });

/** A note is short or missing where the reason needs one: the form's message says which. */
function requireNote(v: { denialReason: DenialReason; note: string | null }, ctx: z.RefinementCtx, always: boolean) {
  if ((always || reasonsNeedingNote.includes(v.denialReason)) && (!v.note || v.note.length < 3))
    ctx.addIssue({ code: "custom", path: ["note"], message: always ? "withheld-note-required" : `note-required-${v.denialReason}` });
}

/** Completing: in whole, or in part with the withheld part's reason and a note on what was withheld and why. */
export const completeOutcomeSchema = z
  .discriminatedUnion(
    "outcome",
    [z.object({ outcome: z.literal("complied"), note }), z.object({ outcome: z.literal("complied_in_part"), denialReason, note })],
    { error: "outcome-required" },
  )
  .superRefine((v, ctx) => {
    if (v.outcome === "complied_in_part") requireNote(v, ctx, true);
  })
  .transform((v): ClosingOutcome => (v.outcome === "complied" ? { ...v, denialReason: null } : (v as ClosingOutcome)));

/** Denying: a reason code, with the note where the reason needs one (what the person is told beside the reason). */
export const denyOutcomeSchema = z
  .object({ denialReason, note })
  .superRefine((v, ctx) => requireNote(v, ctx, false))
  .transform((v): ClosingOutcome => ({ outcome: "denied", ...v }));

/** The request-page forms: the request's id with the outcome; completing also needs its confirm box ticked. */
const requestId = z.coerce.number().int().positive();
export const completeWithOutcomeSchema = z
  .object({ requestId, confirm: z.literal("yes", { error: "confirm-required" }) })
  .and(completeOutcomeSchema);
export const denyWithOutcomeSchema = z.object({ requestId }).and(denyOutcomeSchema);

/**
 * What is wrong with an outcome a caller built without the forms' schemas (a bulk action, Candor's own closing),
 * as the same catalog key the forms use, or null when it is whole; the store refuses it before writing anything.
 */
export function outcomeProblem(o: ClosingOutcome): string | null {
  if (o.outcome === "complied") return o.denialReason ? "outcome-invalid" : null;
  if (!o.denialReason || !(denialReasons as readonly string[]).includes(o.denialReason)) return "denial-reason-required";
  const noted = (o.note?.trim().length ?? 0) >= 3;
  if (o.outcome === "complied_in_part" && !noted) return "withheld-note-required";
  if (reasonsNeedingNote.includes(o.denialReason) && !noted) return `note-required-${o.denialReason}`;
  return null;
}

/** Whether an outcome counts as complied with (in whole or in part), as §7102 counts it. */
export function isComplied(outcome: RequestOutcome | null | undefined): boolean {
  return outcome === "complied" || outcome === "complied_in_part";
}
