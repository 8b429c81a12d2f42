"use client";
import { useTranslations } from "next-intl";
import { reportScopes, type ReportScope } from "@/lib/transparency/kinds";
import { REASON_MAX } from "@/lib/transparency/publish-form";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { publishReportAction } from "./actions";

/** Publishes the year's report (no version yet) or a correction of the latest version, which needs a reason. */
export function PublishReportForm({ year, latestVersion, scope }: { year: number; latestVersion: number | null; scope: ReportScope }) {
  const t = useTranslations("transparency");
  const { state, form } = useFormAction(publishReportAction, { resetOnSuccess: true });
  const correcting = latestVersion !== null;
  const errorText = (key: string) => (t.has(`errors.${key}`) ? t(`errors.${key}` as never) : t("errors.invalid"));
  const fieldErrors = state.ok ? {} : (state.fieldErrors ?? {});
  const headingId = `publish-${year}`;
  return (
    <form {...form} className="card stack" noValidate aria-labelledby={headingId}>
      <h2 id={headingId}>{correcting ? t("admin.correctHeading") : t("admin.publishHeading", { year })}</h2>
      {correcting ? <p style={{ margin: 0 }}>{t("admin.correctIntro", { version: latestVersion })}</p> : null}
      <div aria-live="polite" role="status">
        {!state.ok && state.formError ? <p className="alert error">{errorText(state.formError)}</p> : null}
        {state.ok && state.data ? <p className="alert ok">{t("admin.published", state.data)}</p> : null}
      </div>
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="intent" value={correcting ? "correct" : "publish"} />
      <fieldset className="stack" style={{ gap: "0.25rem" }} aria-describedby={`${headingId}-scope-help`}>
        <legend>{t("admin.scopeLabel")}</legend>
        {reportScopes.map((s) => (
          <label key={s} className="row" style={{ gap: "0.5rem" }}>
            <input type="radio" name="scope" value={s} defaultChecked={s === scope} />
            {t(`scopes.${s}`)}
          </label>
        ))}
        <span className="help" id={`${headingId}-scope-help`}>
          {t("admin.scopeHint")}
        </span>
        {fieldErrors.scope ? <span className="error">{fieldErrors.scope.map(errorText).join(" ")}</span> : null}
      </fieldset>
      {correcting ? (
        <Field label={t("admin.reasonLabel")} name="reason" errors={fieldErrors.reason} help={t("admin.reasonHint")} errorText={errorText}>
          {(p) => <textarea {...p} rows={3} maxLength={REASON_MAX} required />}
        </Field>
      ) : null}
      <div>
        <SubmitButton>{correcting ? t("admin.publishCorrection") : t("admin.publish")}</SubmitButton>
      </div>
    </form>
  );
}
