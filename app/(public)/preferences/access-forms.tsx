"use client";
import { useId, type InputHTMLAttributes } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/forms";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { requestCodeAction, startOverAction, verifyCodeAction } from "./access-actions";

function TextField(props: { label: string; name: string; errors?: string[]; help?: string; input: InputHTMLAttributes<HTMLInputElement> }) {
  const t = useTranslations("preferences.errors");
  const id = useId();
  const describedBy = [props.help ? `${id}-help` : "", props.errors?.length ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input id={id} name={props.name} aria-invalid={Boolean(props.errors?.length)} aria-describedby={describedBy} {...props.input} />
      {props.help ? (
        <span className="help" id={`${id}-help`}>
          {props.help}
        </span>
      ) : null}
      <span className="error" id={`${id}-error`} aria-live="polite">
        {props.errors?.map((k) => (t.has(k) ? t(k) : t("invalid"))).join(" ")}
      </span>
    </div>
  );
}

function FormError({ state }: { state: ActionResult }) {
  const t = useTranslations("preferences.errors");
  const refused = state.ok ? undefined : state;
  return (
    <div role="status" aria-live="polite">
      {refused?.formError ? (
        <p className="alert error">{t.has(refused.formError) ? t(refused.formError, refused.values) : t("invalid")}</p>
      ) : null}
    </div>
  );
}

/** Step one: the subject's email. */
export function EmailStep() {
  const t = useTranslations("preferences.access");
  const { state, form } = useFormAction(requestCodeAction);
  return (
    <form {...form} className="stack" noValidate>
      <FormError state={state} />
      <TextField
        label={t("email")}
        name="email"
        errors={state.ok ? undefined : state.fieldErrors?.email}
        input={{ type: "email", autoComplete: "email", required: true, inputMode: "email" }}
      />
      <div>
        <SubmitButton pendingLabel={t("sending")}>{t("sendCode")}</SubmitButton>
      </div>
    </form>
  );
}

/** Step two: the code from the email, or back to step one. */
export function CodeStep() {
  const t = useTranslations("preferences.access");
  const { state, form } = useFormAction(verifyCodeAction);
  return (
    <div className="stack">
      <form {...form} className="stack" noValidate>
        <FormError state={state} />
        <TextField
          label={t("code")}
          name="code"
          errors={state.ok ? undefined : state.fieldErrors?.code}
          help={t("codeFormat")}
          input={{ type: "text", inputMode: "numeric", autoComplete: "one-time-code", required: true, maxLength: 9 }}
        />
        <div>
          <SubmitButton pendingLabel={t("checking")}>{t("openPreferences")}</SubmitButton>
        </div>
      </form>
      <form action={startOverAction}>
        <button type="submit" className="button secondary small">
          {t("startOver")}
        </button>
      </form>
    </div>
  );
}
