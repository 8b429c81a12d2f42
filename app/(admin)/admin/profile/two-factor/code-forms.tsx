"use client";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { FormOutcome } from "./form-outcome";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionResult } from "@/lib/forms";
import { disableTwoFactorAction, renewRecoveryCodesAction } from "./actions";
import { RecoveryCodes } from "./recovery-codes";

function CodeField({ state }: { state: ActionResult<unknown> }) {
  const t = useTranslations("twoFactor");
  const te = useTranslations("errors");
  return (
    <Field
      label={t("currentCode")}
      name="code"
      errors={state.ok ? undefined : state.fieldErrors?.code}
      help={t("currentCodeHelp")}
      errorText={(k) => (t.has(`errors.${k}`) ? t(`errors.${k}`) : te.has(k) ? te(k) : te("invalid"))}
    >
      {(p) => <input {...p} autoComplete="one-time-code" required style={{ maxWidth: "14rem" }} />}
    </Field>
  );
}

/** With the factor on: new recovery codes, and turning it off (each needs a current code). */
export function CodeForms({ canDisable }: { canDisable: boolean }) {
  const t = useTranslations("twoFactor");
  const renew = useFormAction(renewRecoveryCodesAction, { clearOnFailure: ["code"] });
  const off = useFormAction(disableTwoFactorAction, { clearOnFailure: ["code"] });
  if (renew.state.ok && renew.state.data) return <RecoveryCodes codes={renew.state.data} />;
  return (
    <>
      <form {...renew.form} className="card stack" noValidate aria-labelledby="two-factor-renew-h">
        <h2 id="two-factor-renew-h">{t("renewHeading")}</h2>
        <p>{t("renewBody")}</p>
        <FormOutcome state={renew.state} />
        <CodeField state={renew.state} />
        <div>
          <SubmitButton>{t("renew")}</SubmitButton>
        </div>
      </form>
      {canDisable ? (
        <form {...off.form} className="card stack" noValidate aria-labelledby="two-factor-off-h">
          <h2 id="two-factor-off-h">{t("offHeading")}</h2>
          <p>{t("offWarning")}</p>
          <FormOutcome state={off.state} />
          <CodeField state={off.state} />
          <div>
            <SubmitButton className="button danger">{t("turnOff")}</SubmitButton>
          </div>
        </form>
      ) : null}
    </>
  );
}
