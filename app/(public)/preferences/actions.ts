"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formObject, type ActionResult } from "@/lib/forms";
import { eventForSwitch, purposesToWithdraw } from "@/lib/preferences/choices";
import { objectSchema, setChannelSchema, setConsentSchema, withdrawAllSchema } from "@/lib/preferences/schemas";
import type { LegalBasis } from "@/lib/purposes/vocabulary";
import { getSubjectConsents } from "@/db/queries/consent";
import type { Subject } from "@/db/schema";
import { recordPreferences, type PreferenceEvent } from "@/lib/server/preferences-record";
import { endPreferencesSession, getPreferencesSubject } from "@/lib/server/preferences-session";

/**
 * Every preference action: the session's subject first (never one named in
 * the form), then the input, then one ledger call for that subject only.
 */
async function run<S extends z.ZodType>(
  schema: S,
  form: FormData,
  events: (input: z.infer<S>, subject: Subject) => PreferenceEvent[] | ActionResult,
): Promise<ActionResult> {
  const subject = await getPreferencesSubject();
  if (!subject) return { ok: false, formError: "signed-out" };
  const parsed = schema.safeParse(formObject(form));
  if (!parsed.success) return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]> };
  const planned = events(parsed.data, subject);
  if (!Array.isArray(planned)) return planned;
  const result = await recordPreferences(subject, planned);
  revalidatePath("/preferences");
  return result;
}

const shownNotice = (i: { purpose: string; noticeVersion: number; noticeLocale: PreferenceEvent["locale"] }) => ({
  purpose: i.purpose,
  noticeVersion: i.noticeVersion,
  locale: i.noticeLocale,
});

function currentState(subjectId: number, purpose: string) {
  return getSubjectConsents(subjectId).find((c) => c.purpose === purpose)?.state ?? "none";
}

const guardianMissing: ActionResult = { ok: false, fieldErrors: { guardianName: ["guardian-required"] } };

/** The consent switch: on grants (or re-confirms), off withdraws. One click either way. */
export async function setConsentAction(form: FormData): Promise<ActionResult> {
  return run(setConsentSchema, form, (i, subject) => {
    const on = i.choice === "on";
    if (on && subject.isMinor && !i.guardianName) return guardianMissing;
    const event = eventForSwitch(currentState(subject.id, i.purpose), on);
    return [{ ...shownNotice(i), event, ...(on && i.guardianName ? { guardianName: i.guardianName } : {}) }];
  });
}

/** One channel of a consent given: ticking adds it, unticking withdraws it (the last one withdraws the purpose). */
export async function setChannelAction(form: FormData): Promise<ActionResult> {
  return run(setChannelSchema, form, (i, subject) => {
    if (i.on && subject.isMinor && !i.guardianName) return guardianMissing;
    return [
      {
        ...shownNotice(i),
        channel: i.channel,
        event: i.on ? "granted" : "withdrawn",
        ...(i.on && i.guardianName ? { guardianName: i.guardianName } : {}),
      },
    ];
  });
}

/** Objects to a legitimate-interest purpose. */
export async function objectAction(form: FormData): Promise<ActionResult> {
  return run(objectSchema, form, (i) => [{ ...shownNotice(i), event: "denied" }]);
}

/** Withdraws every consent the subject has given, in one ledger transaction. */
export async function withdrawAllAction(form: FormData): Promise<ActionResult> {
  return run(withdrawAllSchema, form, (_i, subject) => {
    const states = getSubjectConsents(subject.id).map((c) => ({ ...c, legalBasis: c.legalBasis as LegalBasis }));
    return purposesToWithdraw(states).map((purpose) => ({ purpose, event: "withdrawn" as const }));
  });
}

/** Leaves the preference center on this browser. */
export async function signOutAction(): Promise<void> {
  await endPreferencesSession();
  redirect("/preferences?signed-out=1");
}
