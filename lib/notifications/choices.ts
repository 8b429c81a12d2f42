import { z } from "zod";
import { locales } from "../i18n/config";
import { eventsFor, staffDeliveries, staffEvents, type StaffDelivery, type StaffEvent } from "./vocabulary";

/** A member's choices: how they hear of each event they may see (events missing are off). */
export type NotificationChoices = Partial<Record<StaffEvent, Exclude<StaffDelivery, "off">>>;

/** The form field that carries an event's choice. */
export const choiceField = (event: StaffEvent) => `event-${event}`;

/**
 * The profile form for a role: a language for the emails, and one choice per event. An event the role may
 * not see is refused unless it is "off" (a tampered form cannot subscribe to requests it cannot read);
 * a missing choice is off, anything else is an error beside the field.
 */
export function profileFormSchema(role: unknown) {
  const offered = new Set(eventsFor(role));
  const shape: Record<string, z.ZodType> = { locale: z.enum(locales, { error: "invalid-locale" }) };
  for (const event of staffEvents) {
    const choice = z.enum(staffDeliveries, { error: "invalid-choice" });
    shape[choiceField(event)] = offered.has(event) ? choice.default("off") : z.literal("off", { error: "not-allowed" }).optional();
  }
  return z.object(shape).transform((form) => {
    const choices: NotificationChoices = {};
    for (const event of offered) {
      const value = form[choiceField(event)] as StaffDelivery;
      if (value !== "off") choices[event] = value;
    }
    return { locale: form.locale as (typeof locales)[number], choices };
  });
}

export type ProfileForm = z.output<ReturnType<typeof profileFormSchema>>;

/** What changed between two sets of choices, for the audit log: each event whose delivery differs, from → to. */
export function choiceChanges(
  before: NotificationChoices,
  after: NotificationChoices,
): Partial<Record<StaffEvent, [StaffDelivery, StaffDelivery]>> {
  const out: Partial<Record<StaffEvent, [StaffDelivery, StaffDelivery]>> = {};
  for (const event of staffEvents) {
    const from = before[event] ?? "off";
    const to = after[event] ?? "off";
    if (from !== to) out[event] = [from, to];
  }
  return out;
}
