import { z } from "zod";

/** Messages beside fields: catalog keys by field name. */
export type FieldErrors = Record<string, string[] | undefined>;

/**
 * A refusal the form shows: a message above the form and/or beside fields (catalog keys the form translates),
 * and the values those messages name (minutes to wait, tries left; a list as comma-joined codes).
 */
export type ActionFailure = { ok: false; formError?: string; fieldErrors?: FieldErrors; values?: Record<string, string | number> };

/** What every form action returns: success with an optional message key and data, or a refusal. */
export type ActionResult<T = void> = { ok: true; message?: string; data?: T } | ActionFailure;

/** The state a form starts in: nothing sent yet. */
export const initialActionState: ActionResult<never> = { ok: true };

/** A failed validation as field messages. */
export function invalidInput(error: z.ZodError): ActionFailure {
  return { ok: false, fieldErrors: z.flattenError(error).fieldErrors as FieldErrors };
}

/** FormData as a plain object; a key sent more than once (checkbox groups) becomes an array. */
export function formObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value !== "string" || key.startsWith("$ACTION")) continue;
    const prev = Object.hasOwn(out, key) ? out[key] : undefined;
    // Defined, not assigned: a field named "__proto__" becomes a key like any other instead of replacing the prototype.
    Object.defineProperty(out, key, {
      value: prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value],
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/** A form list: absent means empty, one value means a list of one. */
export function formList<T extends z.ZodType>(item: T) {
  return z.preprocess((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(item));
}

/** A checkbox: present ("on"/"true") is true, absent is false. */
export const formCheckbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

/** An optional whole number from a text field: blank means null. */
export function formOptionalInt(min: number, max: number) {
  return z.preprocess(
    (v) => (v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? null : Number(v)),
    z
      .number({ error: "not-a-number" })
      .int({ error: "not-a-whole-number" })
      .min(min, { error: "too-small" })
      .max(max, { error: "too-large" })
      .nullable(),
  );
}

/** A required whole number from a text field. */
export function formInt(min: number, max: number) {
  return z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? Number(v) : v),
    z
      .number({ error: (issue) => (issue.input === undefined ? "required" : "not-a-number") })
      .int({ error: "not-a-whole-number" })
      .min(min, { error: "too-small" })
      .max(max, { error: "too-large" }),
  );
}
