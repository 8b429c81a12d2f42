import "server-only";
import { headers } from "next/headers";
import type { ConsentEventInput } from "@/lib/consent/events";
import type { ActionResult } from "@/lib/forms";
import { gpcRefusals } from "@/lib/preferences/choices";
import type { LegalBasis } from "@/lib/purposes/vocabulary";
import { getSubjectConsents, recordConsent, type RecordResult, type Subject } from "@/db/consent";

export type PreferenceEvent = Omit<ConsentEventInput, "subject" | "source">;

/** Whether this request carries a Global Privacy Control signal. */
export async function gpcSignal(): Promise<boolean> {
  return (await headers()).get("sec-gpc")?.trim() === "1";
}

// The ledger's refusals, as messages beside the field or above the form.
function refusal(r: Extract<RecordResult, { status: "rejected" }>): ActionResult {
  if (r.code === "guardian-required") return { ok: false, fieldErrors: { guardianName: ["guardian-required"] } };
  if (r.code === "gpc-opt-out") return { ok: false, formError: "gpc-opt-out" };
  if (r.code === "unknown-subject" || r.code === "subject-erased") return { ok: false, formError: "signed-out" };
  return { ok: false, formError: "page-out-of-date" };
}

/**
 * Records the subject's own choices from the preference center, in one
 * ledger transaction, with the request's GPC signal. The subject is always
 * the session's: nothing in the form can name another one.
 */
export async function recordPreferences(subject: Subject, events: PreferenceEvent[]): Promise<ActionResult> {
  if (events.length === 0) return { ok: true };
  const gpc = await gpcSignal();
  const { results } = await recordConsent(
    events.map((e) => ({ ...e, subject: { id: subject.uid }, source: "preference_center" as const })),
    { gpc, source: "preference_center" },
  );
  const rejected = results.find((r) => r.status === "rejected");
  return rejected && rejected.status === "rejected" ? refusal(rejected) : { ok: true };
}

/** Honours a GPC signal as soon as the subject is known: every sale/sharing purpose not refused yet is refused. */
export async function honourGpcOnArrival(subject: Subject): Promise<void> {
  if (!(await gpcSignal())) return;
  const states = (await getSubjectConsents(subject.id)).map((c) => ({ ...c, legalBasis: c.legalBasis as LegalBasis }));
  await recordPreferences(
    subject,
    gpcRefusals(states).map((r) => ({ purpose: r.purpose, event: r.event })),
  );
}
