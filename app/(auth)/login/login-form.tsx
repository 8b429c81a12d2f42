"use client";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { signInAction } from "./actions";

export function LoginForm({ next }: { next: string }) {
  const t = useTranslations("login");
  // A refused sign-in keeps the email and empties the password.
  const { state, form } = useFormAction(signInAction, { clearOnFailure: ["password"] });
  const refused = state.ok ? undefined : state;
  return (
    <form {...form} className="stack" noValidate>
      <input type="hidden" name="next" value={next} />
      <div aria-live="polite" role="status">
        {refused?.formError === "invalid" ? <p className="alert error">{t("invalid")}</p> : null}
        {refused?.formError === "locked" ? <p className="alert error">{t("locked", { minutes: refused.values?.minutes ?? 15 })}</p> : null}
      </div>
      <Field label={t("email")} name="email" errors={refused?.fieldErrors?.email}>
        {(p) => <input {...p} type="email" autoComplete="username" required />}
      </Field>
      <Field label={t("password")} name="password" errors={refused?.fieldErrors?.password}>
        {(p) => <input {...p} type="password" autoComplete="current-password" required />}
      </Field>
      <SubmitButton pendingLabel={t("signingIn")}>{t("submit")}</SubmitButton>
    </form>
  );
}
