"use client";
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { FormOutcome } from "./form-outcome";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { confirmEnrolmentAction } from "./actions";
import { RecoveryCodes } from "./recovery-codes";

/** Scan the QR code (or type the secret), then confirm with a code from the app; on success the recovery codes, once. */
export function EnrolForm({ qrSrc, secret, account, children }: { qrSrc: string; secret: string; account: string; children: ReactNode }) {
  const t = useTranslations("twoFactor");
  const te = useTranslations("errors");
  const { state, form } = useFormAction(confirmEnrolmentAction, { clearOnFailure: ["code"] });
  if (state.ok && state.data) return <RecoveryCodes codes={state.data} />;
  const refused = state.ok ? undefined : state;
  return (
    <>
      <section className="card stack" aria-labelledby="two-factor-scan-h">
        <h2 id="two-factor-scan-h">{t("scanHeading")}</h2>
        <p>{t("scanBody")}</p>
        {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL drawn on the server, nothing to optimise or fetch */}
        <img
          src={qrSrc}
          alt={t("qrAlt", { account })}
          width={200}
          height={200}
          style={{ background: "#fff", maxWidth: "100%", height: "auto" }}
        />
        <p>{t("secretLabel")}</p>
        <p>
          <code data-testid="totp-secret" style={{ wordBreak: "break-all", fontSize: "1.05rem" }}>
            {secret}
          </code>
        </p>
      </section>
      <form {...form} className="card stack" noValidate aria-labelledby="two-factor-confirm-h">
        <h2 id="two-factor-confirm-h">{t("confirmHeading")}</h2>
        <FormOutcome state={state} />
        <Field
          label={t("codeLabel")}
          name="code"
          errors={refused?.fieldErrors?.code}
          errorText={(k) => (t.has(`errors.${k}`) ? t(`errors.${k}`) : te.has(k) ? te(k) : te("invalid"))}
        >
          {(p) => <input {...p} autoComplete="one-time-code" inputMode="numeric" maxLength={9} required style={{ maxWidth: "10rem" }} />}
        </Field>
        <div>
          <SubmitButton>{t("confirm")}</SubmitButton>
        </div>
      </form>
      {children}
    </>
  );
}
