"use client";
import { useId } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { confirmRequestCodeAction } from "./actions";

/** The 6-digit code the subject was emailed for one request. */
export function RequestCodeForm({ requestId }: { requestId: number }) {
  const t = useTranslations("myRequests");
  const id = useId();
  const { state, form } = useFormAction(confirmRequestCodeAction);
  const errors = state.ok ? [] : (state.fieldErrors?.code ?? []);
  const formError = state.ok ? undefined : state.formError;
  return (
    <form {...form} className="row" style={{ alignItems: "flex-end" }} noValidate>
      <input type="hidden" name="requestId" value={requestId} />
      <div className="field" style={{ flex: "0 1 14rem" }}>
        <label htmlFor={id}>{t("code.label")}</label>
        <input
          id={id}
          name="code"
          type="text"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={9}
          required
          aria-invalid={errors.length > 0}
          aria-describedby={`${id}-error`}
        />
        <span className="error" id={`${id}-error`} aria-live="polite">
          {errors.map((k) => (t.has(`errors.${k}`) ? t(`errors.${k}`) : t("errors.invalid"))).join(" ")}
        </span>
      </div>
      <SubmitButton pendingLabel={t("code.checking")}>{t("code.confirm")}</SubmitButton>
      <div role="status" aria-live="polite" style={{ flexBasis: "100%" }}>
        {formError ? <p className="alert error">{t.has(`errors.${formError}`) ? t(`errors.${formError}`) : t("errors.invalid")}</p> : null}
        {state.ok && state.message ? <p className="alert ok">{t("code.done")}</p> : null}
      </div>
    </form>
  );
}
