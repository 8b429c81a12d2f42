"use client";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { saveTwoFactorRequirementAction } from "./two-factor-actions";

/** The brand's rule: privacy officers and administrators sign in with two-step verification. */
export function TwoFactorRequirementForm({ current }: { current: boolean }) {
  const t = useTranslations("twoFactor");
  const te = useTranslations("errors");
  const { state, form } = useFormAction(saveTwoFactorRequirementAction);
  const error = state.ok ? undefined : state.formError;
  return (
    <form {...form} className="card stack" noValidate aria-labelledby="require-two-factor-h">
      <h2 id="require-two-factor-h">{t("settingsHeading")}</h2>
      <div aria-live="polite" role="status">
        {error ? (
          <p className="alert error">{t.has(`errors.${error}`) ? t(`errors.${error}`) : te.has(error) ? te(error) : te("unexpected")}</p>
        ) : null}
        {state.ok && state.message ? <p className="alert ok">{t("settingsSaved")}</p> : null}
      </div>
      <label className="row" style={{ alignItems: "flex-start", gap: "0.5rem" }}>
        <input type="checkbox" name="required" value="true" defaultChecked={current} aria-describedby="require-two-factor-help" />
        <span>{t("settingsLabel")}</span>
      </label>
      <p className="muted" id="require-two-factor-help">
        {t("settingsHelp")}
      </p>
      <div>
        <SubmitButton>{t("settingsSave")}</SubmitButton>
      </div>
    </form>
  );
}
