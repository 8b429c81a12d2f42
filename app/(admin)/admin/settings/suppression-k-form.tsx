"use client";
import { useTranslations } from "next-intl";
import { suppressionK } from "@/lib/metrics/suppression";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { saveSuppressionKAction } from "./actions";

/** k (issue 20): consent counts below it read "< k" for everyone but privacy officers; from 5. */
export function SuppressionKForm({ current }: { current: number }) {
  const t = useTranslations("brandSettings");
  const te = useTranslations("errors");
  const { state, form } = useFormAction(saveSuppressionKAction);
  const errors = state.ok ? [] : (state.fieldErrors?.suppressionK ?? []);
  const { min, max } = suppressionK;
  return (
    <form {...form} className="stack" noValidate aria-label={t("suppression")}>
      <FormMessage error={state.ok ? undefined : state.formError} success={state.ok && state.message ? t("suppressionSaved") : undefined} />
      <section className="card stack" aria-labelledby="suppression-k-h">
        <h2 id="suppression-k-h">{t("suppression")}</h2>
        <div className="field">
          <label htmlFor="suppression-k">{t("suppressionLabel")}</label>
          <input
            id="suppression-k"
            name="suppressionK"
            type="number"
            inputMode="numeric"
            min={min}
            max={max}
            step={1}
            required
            defaultValue={current}
            style={{ maxWidth: "8rem" }}
            aria-describedby="suppression-k-help suppression-k-error"
            aria-invalid={errors.length ? true : undefined}
          />
          <span className="muted" id="suppression-k-help">
            {t("suppressionHelp", { min, max, default: suppressionK.default })}
          </span>
          <span className="error" id="suppression-k-error" aria-live="polite">
            {errors
              .map((k) =>
                k === "too-small" || k === "too-large" ? t("suppressionRange", { min, max }) : te.has(k) ? te(k) : te("invalid"),
              )
              .join(" ")}
          </span>
        </div>
      </section>
      <div>
        <SubmitButton>{t("suppressionSave")}</SubmitButton>
      </div>
    </form>
  );
}
