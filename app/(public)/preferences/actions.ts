"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { RefusedError } from "@/lib/errors";
import type { ActionResult } from "@/lib/forms";
import { eventForSwitch, purposesToWithdraw } from "@/lib/preferences/choices";
import { objectSchema, setChannelSchema, setConsentSchema, withdrawAllSchema } from "@/lib/preferences/schemas";
import type { LegalBasis } from "@/lib/purposes/vocabulary";
import { getSubjectConsents, type Subject } from "@/db/consent";
import { runSubjectAction } from "@/lib/server/action";
import { recordPreferences, type PreferenceEvent } from "@/lib/server/preferences-record";
import { endPreferencesSession } from "@/lib/server/preferences-session";

// Every preference action runs through runSubjectAction: the session's subject (never one named in the form),
// then the input, then one ledger call for that subject only.

/** Records the planned events for the subject in one ledger call; the page then shows the new state. */
async function record(subject: Subject, events: PreferenceEvent[]): Promise<ActionResult> {
  const result = await recordPreferences(subject, events);
  revalidatePath("/preferences");
  return result;
}

const shownNotice = (i: { purpose: string; noticeVersion: number; noticeLocale: PreferenceEvent["locale"] }) => ({
  purpose: i.purpose,
  noticeVersion: i.noticeVersion,
  locale: i.noticeLocale,
});

async function currentState(subjectId: number, purpose: string) {
  return (await getSubjectConsents(subjectId)).find((c) => c.purpose === purpose)?.state ?? "none";
}

// A grant for a minor names the guardian who gave it (GDPR Art. 8); the field says so.
const guardianMissing = () => new RefusedError("guardian-required", "guardianName");

/** The consent switch: on grants (or re-confirms), off withdraws. One click either way. */
export async function setConsentAction(form: FormData): Promise<ActionResult> {
  return runSubjectAction(setConsentSchema, form, async (i, subject) => {
    const on = i.choice === "on";
    if (on && subject.isMinor && !i.guardianName) throw guardianMissing();
    const event = eventForSwitch(await currentState(subject.id, i.purpose), on);
    return record(subject, [{ ...shownNotice(i), event, ...(on && i.guardianName ? { guardianName: i.guardianName } : {}) }]);
  });
}

/** One channel of a consent given: ticking adds it, unticking withdraws it (the last one withdraws the purpose). */
export async function setChannelAction(form: FormData): Promise<ActionResult> {
  return runSubjectAction(setChannelSchema, form, (i, subject) => {
    if (i.on && subject.isMinor && !i.guardianName) throw guardianMissing();
    return record(subject, [
      {
        ...shownNotice(i),
        channel: i.channel,
        event: i.on ? "granted" : "withdrawn",
        ...(i.on && i.guardianName ? { guardianName: i.guardianName } : {}),
      },
    ]);
  });
}

/** Objects to a legitimate-interest purpose. */
export async function objectAction(form: FormData): Promise<ActionResult> {
  return runSubjectAction(objectSchema, form, (i, subject) => record(subject, [{ ...shownNotice(i), event: "denied" }]));
}

/** Withdraws every consent the subject has given, in one ledger transaction. */
export async function withdrawAllAction(form: FormData): Promise<ActionResult> {
  return runSubjectAction(withdrawAllSchema, form, async (_i, subject) => {
    const states = (await getSubjectConsents(subject.id)).map((c) => ({ ...c, legalBasis: c.legalBasis as LegalBasis }));
    return record(
      subject,
      purposesToWithdraw(states).map((purpose) => ({ purpose, event: "withdrawn" as const })),
    );
  });
}

/** Leaves the preference center on this browser. */
export async function signOutAction(): Promise<void> {
  await endPreferencesSession();
  redirect("/preferences?signed-out=1");
}
