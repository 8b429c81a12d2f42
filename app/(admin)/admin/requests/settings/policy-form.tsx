"use client";
import { useTranslations } from "next-intl";
import { requestTypes } from "@/lib/requests/vocabulary";
import { verificationLevels, type VerificationSettings } from "@/lib/requests/verification";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/forms/use-form-action";
import { saveRequestPolicyAction } from "./actions";

type Current = { unverifiedCloseDays: number; appiTargetDays: number; levels: VerificationSettings };

export function PolicyForm({ current }: { current: Current }) {
  const t = useTranslations("requestPolicy");
  const tq = useTranslations("requests.types");
  const { state, form } = useFormAction(saveRequestPolicyAction);
  const errors = state.ok ? {} : (state.fieldErrors ?? {});
  return (
    <form {...form} className="stack" noValidate>
      <FormMessage error={state.ok ? undefined : state.formError} success={state.ok && state.message ? t("saved") : undefined} />
      <section className="card stack" aria-labelledby="levels-h">
        <h2 id="levels-h">{t("levelsTitle")}</h2>
        <p className="muted" style={{ margin: 0 }}>
          {t("levelsHelp")}
        </p>
        <ul className="muted" style={{ margin: 0 }}>
          {verificationLevels.map((l) => (
            <li key={l}>
              <strong>{t(`levels.${l}`)}</strong>: {t(`levelHelp.${l}`)}
            </li>
          ))}
        </ul>
        <div className="grid-cards">
          {requestTypes.map((type) => (
            <Field key={type} label={tq(type)} name={`verify_${type}`} errors={errors[`verify_${type}`]}>
              {(p) => (
                <select {...p} defaultValue={current.levels[type]}>
                  {verificationLevels.map((l) => (
                    <option key={l} value={l}>
                      {t(`levels.${l}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ))}
        </div>
      </section>
      <section className="card stack" aria-labelledby="clocks-h">
        <h2 id="clocks-h">{t("clocksTitle")}</h2>
        <div className="grid-cards">
          <Field
            label={t("unverifiedCloseDays")}
            name="unverifiedCloseDays"
            errors={errors.unverifiedCloseDays}
            help={t("unverifiedCloseDaysHelp")}
          >
            {(p) => <input {...p} type="number" min={3} max={90} defaultValue={current.unverifiedCloseDays} />}
          </Field>
          <Field label={t("appiTargetDays")} name="appiTargetDays" errors={errors.appiTargetDays} help={t("appiTargetDaysHelp")}>
            {(p) => <input {...p} type="number" min={1} max={30} defaultValue={current.appiTargetDays} />}
          </Field>
        </div>
      </section>
      <div>
        <SubmitButton>{t("save")}</SubmitButton>
      </div>
    </form>
  );
}
