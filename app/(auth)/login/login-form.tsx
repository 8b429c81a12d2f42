"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { signInAction, type SignInState } from "./actions";

export function LoginForm({ next }: { next: string }) {
  const t = useTranslations("login");
  const [state, action] = useActionState<SignInState, FormData>(signInAction, {});
  return (
    <form action={action} className="stack" noValidate>
      <input type="hidden" name="next" value={next} />
      <div aria-live="polite" role="status">
        {state.error === "invalid" ? <p className="alert error">{t("invalid")}</p> : null}
        {state.error === "locked" ? <p className="alert error">{t("locked", { minutes: state.retryMinutes ?? 15 })}</p> : null}
      </div>
      <Field label={t("email")} name="email" errors={state.fieldErrors?.email}>
        {(p) => <input {...p} type="email" autoComplete="username" defaultValue={state.email} required />}
      </Field>
      <Field label={t("password")} name="password" errors={state.fieldErrors?.password}>
        {(p) => <input {...p} type="password" autoComplete="current-password" required />}
      </Field>
      <SubmitButton pendingLabel={t("signingIn")}>{t("submit")}</SubmitButton>
    </form>
  );
}
