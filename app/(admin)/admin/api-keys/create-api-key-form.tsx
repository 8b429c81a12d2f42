"use client";
import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormActionProps } from "@/components/forms/use-form-action";
import type { ActionResult } from "@/lib/forms";
import { createApiKeyAction, type NewKey } from "./actions";
import { NewKeyPanel } from "./new-key-panel";

const originErrors = ["invalid-origin", "origins-secret", "too-many-origins", "too-long"] as const;

/** Creates a key; the plaintext comes back once and is shown in the panel above the form. */
export function CreateApiKeyForm() {
  const { state, form } = useFormAction(createApiKeyAction);
  const created = state.ok ? state.data : undefined;
  return (
    <>
      {created ? <NewKeyPanel key={created.plaintext} created={created} /> : null}
      {/* A new key remounts the fields, so the next key starts blank and secret. */}
      <KeyFields key={created?.plaintext ?? "first"} state={state} form={form} />
    </>
  );
}

function KeyFields({ state, form }: { state: ActionResult<NewKey>; form: FormActionProps }) {
  const t = useTranslations("apiKeys");
  const shared = useTranslations("errors");
  const nameError = (k: string) => (k === "name-taken" ? t("errors.name-taken") : shared.has(k) ? shared(k) : shared("invalid"));
  const [kind, setKind] = useState<"secret" | "publishable">("secret");
  const originsId = useId();
  const errors = state.ok ? undefined : state.fieldErrors;
  const originError = errors?.allowedOrigins
    ?.map((k) => t(`errors.${(originErrors as readonly string[]).includes(k) ? k : "invalid-origin"}`))
    .join(" ");
  return (
    <form {...form} className="card stack" aria-labelledby="create-key-title" noValidate>
      <h2 id="create-key-title">{t("createTitle")}</h2>
      <FormMessage error={state.ok ? undefined : state.formError} />
      <Field label={t("name")} name="name" errors={errors?.name} help={t("nameHelp")} errorText={nameError}>
        {(p) => <input {...p} autoComplete="off" maxLength={100} />}
      </Field>
      <fieldset className="field" aria-invalid={errors?.kind ? true : undefined}>
        <legend style={{ fontWeight: 600, fontSize: "0.9rem" }}>{t("kind")}</legend>
        {(["secret", "publishable"] as const).map((k) => (
          <label key={k} className="row" style={{ alignItems: "flex-start", gap: "0.5rem" }}>
            <input
              type="radio"
              name="kind"
              value={k}
              checked={kind === k}
              onChange={() => setKind(k)}
              style={{ minHeight: "auto", marginTop: "0.3rem" }}
            />
            <span>
              <strong>{t(`kinds.${k}`)}</strong>
              <span className="muted" style={{ display: "block", fontSize: "0.85rem" }}>
                {t(`kindHelp.${k}`)}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      {kind === "publishable" ? (
        <div className="field">
          <label htmlFor={originsId}>{t("origins")}</label>
          <textarea
            id={originsId}
            name="allowedOrigins"
            rows={3}
            placeholder="https://shop.example.com"
            aria-invalid={Boolean(originError)}
            aria-describedby={`${originsId}-help ${originsId}-error`}
          />
          <span className="help" id={`${originsId}-help`}>
            {t("originsHelp")}
          </span>
          <span className="error" id={`${originsId}-error`} aria-live="polite">
            {originError}
          </span>
        </div>
      ) : null}
      <div>
        <SubmitButton pendingLabel={t("creating")}>{t("create")}</SubmitButton>
      </div>
    </form>
  );
}
