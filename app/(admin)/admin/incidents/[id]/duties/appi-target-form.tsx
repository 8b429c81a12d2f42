"use client";
import { useTranslations } from "next-intl";
import { APPI_PRELIMINARY_DAYS_RANGE, DEFAULT_APPI_PRELIMINARY_DAYS } from "@/lib/incidents/clocks";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { saveAppiBreachTargetAction } from "./actions";

/** The brand's target for APPI's "prompt" preliminary report and notice, in days after the day of awareness. */
export function AppiTargetForm({ current }: { current: number }) {
  const t = useTranslations("incidentDuties.target");
  const te = useTranslations("errors");
  const { state, form } = useFormAction(saveAppiBreachTargetAction);
  const errors = state.ok ? [] : (state.fieldErrors?.appiBreachPreliminaryDays ?? []);
  const { min, max } = APPI_PRELIMINARY_DAYS_RANGE;
  return (
    <form {...form} className="card stack" noValidate aria-labelledby="appi-target-h">
      <h2 id="appi-target-h">{t("title")}</h2>
      <FormMessage error={state.ok ? undefined : state.formError} success={state.ok && state.message ? t("saved") : undefined} />
      <div className="field">
        <label htmlFor="appi-target">{t("label")}</label>
        <input
          id="appi-target"
          name="appiBreachPreliminaryDays"
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          step={1}
          required
          defaultValue={current}
          style={{ maxWidth: "8rem" }}
          aria-describedby="appi-target-help appi-target-error"
          aria-invalid={errors.length ? true : undefined}
        />
        <span className="muted" id="appi-target-help">
          {t("help", { min, max, default: DEFAULT_APPI_PRELIMINARY_DAYS })}
        </span>
        <span className="error" id="appi-target-error" aria-live="polite">
          {errors
            .map((k) =>
              k === "too-small" || k === "too-large" || k === "not-a-whole-number"
                ? t("range", { min, max })
                : te.has(k)
                  ? te(k)
                  : te("invalid"),
            )
            .join(" ")}
        </span>
      </div>
      <div>
        <SubmitButton>{t("save")}</SubmitButton>
      </div>
    </form>
  );
}
