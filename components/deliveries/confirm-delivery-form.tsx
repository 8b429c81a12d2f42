"use client";
import { useId } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/forms/use-form-action";

type Props = {
  action: FormAction;
  /** What the action needs to find the deliveries: a request and recipient, or one delivery. */
  hidden: Record<string, string | number>;
  /** The form's name for assistive technology, naming the recipient: "Mark Mailbird confirmed". */
  label: string;
  help?: string;
  /** The button's words; "Mark confirmed" unless given ("Close task"). */
  submit?: string;
};

/**
 * An officer's confirmation that a recipient acted on a change, with the note saying how it is known
 * (the vendor's email, a call, a ticket). The note is required; a refusal keeps what was typed and says why
 * beside the field, and the page shows the new state once it is saved.
 */
export function ConfirmDeliveryForm({ action, hidden, label, help, submit }: Props) {
  const t = useTranslations("deliveries.confirm");
  const helpId = useId();
  const { state, form } = useFormAction(action, { resetOnSuccess: true });
  const errors = state.ok ? undefined : state.fieldErrors?.note;
  const errorText = (key: string) => (t.has(`errors.${key}`) ? t(`errors.${key}`) : t("errors.invalid"));
  const other = state.ok
    ? undefined
    : (state.formError ?? Object.entries(state.fieldErrors ?? {}).find(([k, v]) => k !== "note" && v?.length)?.[1]?.[0]);
  return (
    <form {...form} className="stack confirm-form" aria-label={label} aria-describedby={help ? helpId : undefined} noValidate>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {help ? (
        <p className="muted" id={helpId} style={{ margin: 0 }}>
          {help}
        </p>
      ) : null}
      <Field label={t("note")} name="note" errors={errors} errorText={errorText}>
        {(p) => <textarea {...p} rows={2} required maxLength={1000} />}
      </Field>
      <div>
        <SubmitButton pendingLabel={t("saving")}>{submit ?? t("submit")}</SubmitButton>
      </div>
      <div role="status" aria-live="polite">
        {other ? <p className="alert error">{errorText(other)}</p> : null}
        {state.ok && state.message ? <p className="alert ok">{t("saved")}</p> : null}
      </div>
    </form>
  );
}
