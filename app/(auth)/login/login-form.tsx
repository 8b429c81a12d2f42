"use client";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { signInAction } from "./actions";

/** Email and password; then, for a member with a second factor, a code from their app or a recovery code. */
export function LoginForm({ next }: { next: string }) {
  const t = useTranslations("login");
  // A refused sign-in keeps the email and empties the password (and a wrong code).
  const { state, form } = useFormAction(signInAction, { clearOnFailure: ["password", "code"] });
  const refused = state.ok ? undefined : state;
  const ticket = typeof refused?.values?.ticket === "string" ? refused.values.ticket : null;
  if (ticket)
    return (
      <form {...form} className="stack" noValidate aria-labelledby="code-step-title">
        <input type="hidden" name="next" value={next} />
        <input type="hidden" name="ticket" value={ticket} />
        <h2 id="code-step-title">{t("codeTitle")}</h2>
        <p className="muted">{t("codeIntro")}</p>
        <div aria-live="polite" role="status">
          {refused?.formError === "invalid-code" ? <p className="alert error">{t("invalidCode")}</p> : null}
        </div>
        <Field label={t("code")} name="code" errors={refused?.fieldErrors?.code} help={t("codeHelp")}>
          {(p) => <input {...p} autoComplete="one-time-code" inputMode="text" autoCapitalize="off" spellCheck={false} required autoFocus />}
        </Field>
        <SubmitButton pendingLabel={t("checking")}>{t("verify")}</SubmitButton>
        <a href={`/login?next=${encodeURIComponent(next)}`}>{t("startOver")}</a>
      </form>
    );
  return (
    <form {...form} className="stack" noValidate>
      <input type="hidden" name="next" value={next} />
      <div aria-live="polite" role="status">
        {refused?.formError === "invalid" ? <p className="alert error">{t("invalid")}</p> : null}
        {refused?.formError === "locked" ? <p className="alert error">{t("locked", { minutes: refused.values?.minutes ?? 15 })}</p> : null}
        {refused?.formError === "code-locked" ? (
          <p className="alert error">{t("codeLocked", { minutes: refused.values?.minutes ?? 15 })}</p>
        ) : null}
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
