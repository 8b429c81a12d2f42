import type { DataCategory } from "../purposes/vocabulary";
import type { FieldChange, RectifiableField } from "../requests/rectification";

/**
 * "Only what they already hold" for the data of an event, not just its identifiers: a corrected value goes
 * only to a recipient that received that kind of value. Rectification (GDPR Art. 16, 19) is owed to the
 * recipients holding the inaccurate value; sending an ad partner that holds only a customer id the person's
 * new email or phone would be a new disclosure, not a correction.
 */

/** The data-map categories that carry each correctable field: a recipient holds the field if it received one of them. */
const fieldCategories: Record<RectifiableField, readonly DataCategory[] | "any"> = {
  // As recipientIdentifiers decides for the email it may carry (sendsEmail).
  email: ["contact"],
  phone: ["contact"],
  name: ["contact", "identity"],
  // The language the person is addressed in is not personal data on its own (lib/requests/rectification.ts).
  locale: "any",
};

/** Whether a recipient that received these categories holds the field. */
export function holdsField(field: RectifiableField, categories: readonly DataCategory[]): boolean {
  const carriers = fieldCategories[field];
  return carriers === "any" || carriers.some((c) => categories.includes(c));
}

/** The corrections one recipient receives: only the fields it holds, in their order; none when it holds none of them. */
export function correctionsFor<C extends { field: RectifiableField }>(changes: readonly C[], categories: readonly DataCategory[]): C[] {
  return changes.filter((c) => holdsField(c.field, categories));
}

/**
 * The corrections any recipient can hold: a field that had no value before (an email or phone added now) was
 * never sent to anyone, so its new value is a new disclosure, not a correction, and is left out. A value
 * removed stays in, so its holders learn it is gone.
 */
export function correctionsOfHeldValues(changes: readonly FieldChange[]): { field: RectifiableField; value: string | null }[] {
  return changes.filter((c) => c.before !== null).map((c) => ({ field: c.field, value: c.after }));
}
