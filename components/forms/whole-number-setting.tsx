"use client";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "./use-form-action";

/** What a whole-number setting's form says, in the reader's language; `range` is shown for a number outside min–max. */
export type WholeNumberSettingText = { title: string; label: string; help: string; range: string; save: string; saved: string };

/** Refusals of the number itself, which the range sentence answers better than a generic message. */
const outOfRange = new Set(["too-small", "too-large", "not-a-whole-number"]);

/**
 * One brand setting that is a whole number within a range (the days recipients have to confirm, the smallest count
 * shown, the APPI preliminary-report target): a titled card with the field, its help, its error and the save button.
 * The server action checks the range again with zod; this form only says what it answered.
 */
export function WholeNumberSettingForm(props: {
  action: FormAction;
  /** The form field's name, as the action's schema reads it. */
  name: string;
  /** Prefix of the element ids (`${id}-h`, `${id}-help`, `${id}-error`). */
  id: string;
  current: number;
  range: { min: number; max: number };
  text: WholeNumberSettingText;
}) {
  const te = useTranslations("errors");
  const { state, form } = useFormAction(props.action);
  const errors = state.ok ? [] : (state.fieldErrors?.[props.name] ?? []);
  const { id, text } = props;
  return (
    <form {...form} className="card stack" noValidate aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{text.title}</h2>
      <FormMessage error={state.ok ? undefined : state.formError} success={state.ok && state.message ? text.saved : undefined} />
      <div className="field">
        <label htmlFor={id}>{text.label}</label>
        <input
          id={id}
          name={props.name}
          type="number"
          inputMode="numeric"
          min={props.range.min}
          max={props.range.max}
          step={1}
          required
          defaultValue={props.current}
          style={{ maxWidth: "8rem" }}
          aria-describedby={`${id}-help ${id}-error`}
          aria-invalid={errors.length ? true : undefined}
        />
        <span className="muted" id={`${id}-help`}>
          {text.help}
        </span>
        <span className="error" id={`${id}-error`} aria-live="polite">
          {errors.map((k) => (outOfRange.has(k) ? text.range : te.has(k) ? te(k) : te("invalid"))).join(" ")}
        </span>
      </div>
      <div>
        <SubmitButton>{text.save}</SubmitButton>
      </div>
    </form>
  );
}
