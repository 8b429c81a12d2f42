"use client";
import { useTranslations } from "next-intl";
import { confirmationLimitDays } from "@/lib/propagation/confirmation-limit";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { saveConfirmationLimitAction } from "./actions";

/** The days recipients have to confirm a propagated change (issue 14, deliverable 7), 1 to 90. */
export function ConfirmationLimitForm({ current }: { current: number }) {
  const t = useTranslations("brandSettings");
  const te = useTranslations("errors");
  const { state, form } = useFormAction(saveConfirmationLimitAction);
  const errors = state.ok ? [] : (state.fieldErrors?.confirmationLimitDays ?? []);
  const { min, max } = confirmationLimitDays;
  return (
    <form {...form} className="stack" noValidate aria-label={t("confirmationLimit")}>
      <FormMessage
        error={state.ok ? undefined : state.formError}
        success={state.ok && state.message ? t("confirmationLimitSaved") : undefined}
      />
      <section className="card stack" aria-labelledby="confirmation-limit-h">
        <h2 id="confirmation-limit-h">{t("confirmationLimit")}</h2>
        <div className="field">
          <label htmlFor="confirmation-limit">{t("confirmationLimitLabel")}</label>
          <input
            id="confirmation-limit"
            name="confirmationLimitDays"
            type="number"
            inputMode="numeric"
            min={min}
            max={max}
            step={1}
            required
            defaultValue={current}
            style={{ maxWidth: "8rem" }}
            aria-describedby="confirmation-limit-help confirmation-limit-error"
            aria-invalid={errors.length ? true : undefined}
          />
          <span className="muted" id="confirmation-limit-help">
            {t("confirmationLimitHelp", { min, max, default: confirmationLimitDays.default })}
          </span>
          <span className="error" id="confirmation-limit-error" aria-live="polite">
            {errors
              .map((k) =>
                k === "too-small" || k === "too-large" ? t("confirmationLimitRange", { min, max }) : te.has(k) ? te(k) : te("invalid"),
              )
              .join(" ")}
          </span>
        </div>
      </section>
      <div>
        <SubmitButton>{t("confirmationLimitSave")}</SubmitButton>
      </div>
    </form>
  );
}
