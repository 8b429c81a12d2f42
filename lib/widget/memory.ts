import { DAY_MS } from "../time";

/** What the widget remembers in the browser after a choice, per subject. */
export type Choice = "granted" | "denied" | "withdrawn";
export type WidgetMemory = {
  /** The subject the choice was made for (externalId or anonymous id). */
  s: string;
  /** When Candor recorded it, by Candor's clock (epoch ms), so it compares with `changedAt`. */
  at: number;
  /** Purpose key → the event sent. */
  c: Record<string, Choice>;
};

export type PromptPurpose = { key: string; changedAt: number | null; validDays: number | null };

/** Whether a remembered grant still stands: given after the purpose's last material notice change, and not past its validity. */
export function grantHolds(memory: WidgetMemory, p: PromptPurpose, now: number): boolean {
  if (memory.c[p.key] !== "granted") return false;
  return !(p.changedAt !== null && p.changedAt > memory.at) && !(p.validDays !== null && memory.at + p.validDays * DAY_MS <= now);
}

/**
 * Whether the banner must ask again: nothing remembered for this subject, a
 * purpose never answered, or a grant that no longer holds. A refusal is never
 * re-asked because a notice changed: there is nothing to re-confirm.
 */
export function needsPrompt(memory: WidgetMemory | null, subject: string, purposes: readonly PromptPurpose[], now: number): boolean {
  if (!memory || memory.s !== subject) return true;
  return purposes.some((p) => !memory.c[p.key] || (memory.c[p.key] === "granted" && !grantHolds(memory, p, now)));
}

/** Reads remembered choices defensively: storage belongs to the host page and may hold anything. */
export function parseMemory(raw: string | null): WidgetMemory | null {
  try {
    const m = JSON.parse(raw ?? "null") as WidgetMemory | null;
    return m && typeof m.s === "string" && typeof m.at === "number" && m.c && typeof m.c === "object" ? m : null;
  } catch {
    return null;
  }
}

/** The event to send for a purpose: a grant, or a withdrawal when it was granted before, else a refusal. */
export function choiceFor(granted: boolean, previous: Choice | undefined): Choice {
  if (granted) return "granted";
  return previous === "granted" ? "withdrawn" : "denied";
}
