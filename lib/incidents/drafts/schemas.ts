import { z } from "zod";
import { fromLocalInput } from "../../requests/receipt";
import { filingChannels } from "../vocabulary";
import { MIN_OFFER_MONTHS } from "./california";
import { reportKinds, type Draft, type ReportAdditions, type ReportKind } from "./types";

// The reports tab's two forms: the officer's report fields, and marking a report sent. Messages are catalog keys
// (incidentReports.errors.*).

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: "too-long" })
    .optional()
    .transform((v) => v || undefined);

/** The report fields (FormData): free text, and the identity-theft offer, whole or not at all, for at least 12 months. */
export const saveReportFieldsSchema = z
  .object({
    peopleCanDo: text(4000),
    remedyProcedure: text(4000),
    harmContact: text(500),
    delayReasons: text(4000),
    publicAnnouncement: text(2000),
    otherMatters: text(4000),
    offerProvider: text(200),
    offerMonths: z.preprocess(
      (v) => (v === "" || v === undefined ? undefined : v),
      z.coerce.number({ error: "invalid" }).int({ error: "invalid" }).optional(),
    ),
    offerHowToEnrol: text(2000),
  })
  .superRefine((v, ctx) => {
    const any = v.offerProvider || v.offerMonths !== undefined || v.offerHowToEnrol;
    if (!any) return;
    if (!v.offerProvider) ctx.addIssue({ code: "custom", message: "required", path: ["offerProvider"] });
    if (v.offerMonths === undefined) ctx.addIssue({ code: "custom", message: "required", path: ["offerMonths"] });
    else if (v.offerMonths < MIN_OFFER_MONTHS || v.offerMonths > 120)
      ctx.addIssue({ code: "custom", message: "offer-months", path: ["offerMonths"] });
    if (!v.offerHowToEnrol) ctx.addIssue({ code: "custom", message: "required", path: ["offerHowToEnrol"] });
  })
  .transform((v): ReportAdditions => {
    const { offerProvider, offerMonths, offerHowToEnrol, ...rest } = v;
    const out: ReportAdditions = Object.fromEntries(Object.entries(rest).filter(([, x]) => x !== undefined));
    if (offerProvider && offerMonths !== undefined && offerHowToEnrol)
      out.offer = { provider: offerProvider, months: offerMonths, howToEnrol: offerHowToEnrol };
    return out;
  });

/**
 * Marking a report sent (FormData): which report, when it left (the brand's wall clock, not before awareness and not
 * in the future), by which channel, the authority's receipt number and a note, and the language it was filed in.
 */
export function markReportSentSchema(clock: { now: Date; timeZone: string; awareAt: Date }) {
  return z.object({
    duty: z.enum(reportKinds, { error: "invalid" }),
    sentAt: z
      .string({ error: "required" })
      .trim()
      .min(1, { error: "required" })
      .transform((value, ctx) => {
        const at = fromLocalInput(value, clock.timeZone);
        if (!at) ctx.addIssue({ code: "custom", message: "invalid-time" });
        else if (at.getTime() > clock.now.getTime()) ctx.addIssue({ code: "custom", message: "future" });
        else if (at.getTime() < clock.awareAt.getTime() - 60_000) ctx.addIssue({ code: "custom", message: "before-awareness" });
        return at ?? new Date(NaN);
      }),
    channel: z.enum(filingChannels, { error: "required" }),
    receipt: text(200).transform((v) => v ?? null),
    note: text(4000).transform((v) => v ?? null),
    locale: z.enum(["en", "ko", "ja"], { error: "invalid" }),
  });
}

/**
 * Reports that may be sent with items still missing: the laws that let information follow in phases or stages
 * (GDPR Art. 33(4), PIPA Decree Art. 40(4)) and APPI's preliminary report (its unknown items are optional already).
 * The APPI final report and California's notice must be whole.
 */
export const sendableIncomplete: readonly ReportKind[] = ["gdpr_authority", "pipa_authority", "appi_preliminary"];

/** Whether a draft may be marked sent: refused with the missing items' keys when its law wants them all. */
export function checkSendable(draft: Draft, missing: string[]): { ok: true } | { ok: false; missing: string[] } {
  return missing.length && !sendableIncomplete.includes(draft.duty) ? { ok: false, missing } : { ok: true };
}
