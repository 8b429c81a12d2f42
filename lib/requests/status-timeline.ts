import { reasonText } from "./system-reasons";
import { denialText, type RecordedOutcome } from "./outcome-text";
import { subjectStatus } from "./subject-intake";
import type { RequestEventKind } from "./vocabulary";

/** A step of a request as its person sees it: only what they were told, never staff notes or names. */
export type PublicStep = {
  at: Date;
  step: ReturnType<typeof subjectStatus> | "extended";
  /** What they were told with it: an extension's or a refusal's reason, in their language. */
  reason?: string;
};

export type TimelineEvent = { at: Date; kind: RequestEventKind; toStatus: string | null };
export type TimelineRequest = {
  verification: string;
  rejectionReason: string | null;
  extensionReason: string | null;
  /** How it ended (issue 18): a denial's reason code and note are what the person was told. */
  outcome?: RecordedOutcome["outcome"];
  denialReason?: RecordedOutcome["denialReason"];
  outcomeNote?: string | null;
};

/**
 * A request's timeline for its status page: status changes and the extension, oldest first. Notes,
 * assignments and the notes staff wrote on a status change stay out; the only words shown are the
 * reasons the person was sent (GDPR Art. 12(3) and (4)), read from the request itself.
 */
export function publicTimeline(r: TimelineRequest, events: TimelineEvent[], locale: string): PublicStep[] {
  const steps: PublicStep[] = [];
  for (const e of [...events].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    if (e.kind === "extension") {
      steps.push({ at: e.at, step: "extended", ...(r.extensionReason ? { reason: reasonText(r.extensionReason, locale) } : {}) });
      continue;
    }
    if (e.kind !== "status" || !e.toStatus) continue;
    const step = subjectStatus(e.toStatus, r.verification);
    if (steps.at(-1)?.step === step) continue;
    const reason =
      step === "refused"
        ? (denialText(
            {
              outcome: r.outcome ?? null,
              denialReason: r.denialReason ?? null,
              outcomeNote: r.outcomeNote ?? null,
              rejectionReason: r.rejectionReason,
            },
            locale,
          ) ?? undefined)
        : undefined;
    steps.push({ at: e.at, step, ...(reason ? { reason } : {}) });
  }
  return steps;
}
