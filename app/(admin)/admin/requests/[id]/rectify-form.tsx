"use client";
import { useTranslations } from "next-intl";
import { locales } from "@/lib/i18n/config";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { rectifyAction } from "./actions";

type Current = { name: string | null; email: string | null; phone: string | null; locale: string };

/** The subject's correctable details, prefilled; only the fields that change are written and logged. */
export function RectifyForm({ requestId, current }: { requestId: number; current: Current }) {
  const t = useTranslations("requestDetail.rectify");
  const te = useTranslations("errors");
  const { state, form } = useFormAction(rectifyAction);
  const errors = state.ok ? {} : (state.fieldErrors ?? {});
  const formError = state.ok ? undefined : state.formError;
  return (
    <section className="card stack" aria-labelledby="rectify-h">
      <h2 id="rectify-h">{t("title")}</h2>
      <p className="muted" style={{ margin: 0 }}>
        {t("help")}
      </p>
      <form {...form} className="stack" noValidate>
        <input type="hidden" name="requestId" value={requestId} />
        <div className="grid-cards">
          <Field label={t("name")} name="name" errors={errors.name}>
            {(p) => <input {...p} defaultValue={current.name ?? ""} maxLength={200} autoComplete="off" />}
          </Field>
          <Field label={t("email")} name="email" errors={errors.email}>
            {(p) => <input {...p} type="email" defaultValue={current.email ?? ""} autoComplete="off" />}
          </Field>
          <Field label={t("phone")} name="phone" errors={errors.phone}>
            {(p) => <input {...p} type="tel" defaultValue={current.phone ?? ""} maxLength={40} autoComplete="off" />}
          </Field>
          <Field label={t("locale")} name="locale" errors={errors.locale}>
            {(p) => (
              <select {...p} defaultValue={current.locale}>
                {locales.map((l) => (
                  <option key={l} value={l}>
                    {t(`locales.${l}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div role="status" aria-live="polite">
          {formError ? <p className="alert error">{te.has(formError) ? te(formError) : te("invalid")}</p> : null}
          {state.ok && state.message ? <p className="alert ok">{t("saved", { count: Number(state.message) })}</p> : null}
        </div>
        <div>
          <SubmitButton>{t("save")}</SubmitButton>
        </div>
      </form>
    </section>
  );
}
