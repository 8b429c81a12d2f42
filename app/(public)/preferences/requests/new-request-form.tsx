"use client";
import { useId } from "react";
import { useTranslations } from "next-intl";
import { requestTypes, type RequestType } from "@/lib/requests/vocabulary";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { fileRequestAction } from "./actions";
import { AgentFields } from "@/components/requests/agent-fields";

/** What the subject can ask for (the types their jurisdiction gives them), each explained in a line, and a box for details. */
export function NewRequestForm({ preset, types = requestTypes }: { preset?: string; types?: readonly RequestType[] }) {
  const t = useTranslations("myRequests");
  const id = useId();
  // A filed request empties the form; a refusal keeps the chosen type and the details typed.
  const { state, form } = useFormAction(fileRequestAction, { resetOnSuccess: true });
  const filed = state.ok ? state.data : undefined;
  const fieldErrors = state.ok ? {} : (state.fieldErrors ?? {});
  const err = (k: string) => (t.has(`errors.${k}`) ? t(`errors.${k}`) : t("errors.invalid"));
  const initial = types.find((x) => x === preset);
  return (
    <form {...form} className="stack" noValidate>
      <div role="status" aria-live="polite">
        {filed ? (
          <div className="alert ok stack" style={{ gap: "0.25rem" }}>
            <p style={{ margin: 0 }}>{t(`new.done.${filed.verification}`, { ref: filed.ref })}</p>
            {filed.duplicateOf ? <p style={{ margin: 0 }}>{t("new.duplicate", { ref: filed.duplicateOf })}</p> : null}
          </div>
        ) : null}
        {!state.ok && state.formError ? <p className="alert error">{err(state.formError)}</p> : null}
      </div>
      <fieldset className="stack" style={{ gap: "0.5rem", border: 0, padding: 0, margin: 0 }} aria-describedby={`${id}-type-error`}>
        <legend style={{ fontWeight: 600, marginBottom: "0.4rem" }}>{t("new.type")}</legend>
        {types.map((type) => (
          <label key={type} className="row" style={{ gap: "0.6rem", alignItems: "flex-start", flexWrap: "nowrap" }}>
            <input type="radio" name="type" value={type} defaultChecked={type === initial} required style={{ marginTop: "0.3rem" }} />
            <span>
              <strong>{t(`types.${type}.label`)}</strong>
              <br />
              <span className="muted">{t(`types.${type}.help`)}</span>
            </span>
          </label>
        ))}
        <span className="error" id={`${id}-type-error`} aria-live="polite">
          {fieldErrors.type?.map(err).join(" ")}
        </span>
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-details`}>{t("new.details")}</label>
        <textarea
          id={`${id}-details`}
          name="details"
          rows={3}
          maxLength={4000}
          aria-describedby={`${id}-details-help ${id}-details-error`}
          aria-invalid={Boolean(fieldErrors.details?.length)}
        />
        <span className="help" id={`${id}-details-help`}>
          {t("new.detailsHelp")}
        </span>
        <span className="error" id={`${id}-details-error`} aria-live="polite">
          {fieldErrors.details?.map(err).join(" ")}
        </span>
      </div>
      <AgentFields audience="public" errors={fieldErrors} errorText={err} />
      <div>
        <SubmitButton pendingLabel={t("new.sending")}>{t("new.submit")}</SubmitButton>
      </div>
    </form>
  );
}
