"use client";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { acceptInviteAction } from "./actions";

/** The invitee's own password, typed twice, under the staff password rule. */
export function AcceptInviteForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations("invite");
  const te = useTranslations("errors");
  const { state, form } = useFormAction(acceptInviteAction, { clearOnFailure: ["password", "confirm"] });
  const refused = state.ok ? undefined : state;
  const words = (k: string) => (t.has(`errors.${k}`) ? t(`errors.${k}`) : te.has(k) ? te(k) : te("invalid"));
  return (
    <form {...form} className="stack" noValidate aria-labelledby="accept-invite-h">
      <h2 id="accept-invite-h">{t("formTitle")}</h2>
      <input type="hidden" name="token" value={token} />
      {/* For password managers: the account the new password belongs to. */}
      <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
      <div aria-live="polite" role="status">
        {refused?.formError ? <p className="alert error">{words(refused.formError)}</p> : null}
      </div>
      <Field label={t("password")} name="password" errors={refused?.fieldErrors?.password} help={t("passwordHelp")} errorText={words}>
        {(p) => <input {...p} type="password" autoComplete="new-password" required minLength={12} />}
      </Field>
      <Field label={t("confirm")} name="confirm" errors={refused?.fieldErrors?.confirm} errorText={words}>
        {(p) => <input {...p} type="password" autoComplete="new-password" required />}
      </Field>
      <SubmitButton pendingLabel={t("saving")}>{t("submit")}</SubmitButton>
    </form>
  );
}
