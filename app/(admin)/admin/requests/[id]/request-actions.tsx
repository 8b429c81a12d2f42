"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/forms";
import { SubmitButton } from "@/components/ui/submit-button";

type Action = (prev: ActionResult, form: FormData) => Promise<ActionResult>;

/** Refusals come back as codes; they are shown in this page's own words, beside the form. */
function Outcome({ state }: { state: ActionResult }) {
  const t = useTranslations("requestDetail");
  const code = state.ok ? null : (state.formError ?? Object.values(state.fieldErrors ?? {})[0]?.[0] ?? "invalid");
  return (
    <div aria-live="polite" role="status">
      {code ? <p className="alert error">{t.has(`errors.${code}`) ? t(`errors.${code}`) : t("errors.invalid")}</p> : null}
      {state.ok && state.message ? <p className="alert ok">{t("saved")}</p> : null}
    </div>
  );
}

/** One request action: an optional text field (reason, note) or select, a confirm box for irreversible steps, and a button. */
export function RequestActionForm({
  action,
  requestId,
  label,
  field,
  fieldLabel,
  help,
  options,
  confirm,
  tone = "button",
}: {
  action: Action;
  requestId: number;
  label: string;
  field?: "reason" | "note" | "assigneeId" | "code";
  fieldLabel?: string;
  help?: string;
  options?: { value: number; label: string }[];
  confirm?: string;
  tone?: string;
}) {
  const [state, formAction] = useActionState<ActionResult, FormData>(action, { ok: true });
  const id = `${field ?? "f"}-${label.replace(/\W+/g, "-")}`;
  return (
    <form action={formAction} className="stack card" style={{ gap: "0.5rem" }} aria-label={label}>
      <input type="hidden" name="requestId" value={requestId} />
      {help ? <p className="muted">{help}</p> : null}
      {field && options ? (
        <div className="field">
          <label htmlFor={id}>{fieldLabel}</label>
          <select id={id} name={field}>
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      ) : field === "code" ? (
        <div className="field">
          <label htmlFor={id}>{fieldLabel}</label>
          <input id={id} name="code" inputMode="numeric" autoComplete="off" maxLength={9} required />
        </div>
      ) : field ? (
        <div className="field">
          <label htmlFor={id}>{fieldLabel}</label>
          <textarea id={id} name={field} rows={2} required minLength={3} maxLength={2000} />
        </div>
      ) : null}
      {confirm ? (
        <label className="row" style={{ gap: "0.4rem" }}>
          <input type="checkbox" name="confirm" value="yes" required />
          {confirm}
        </label>
      ) : null}
      <div>
        <SubmitButton className={tone}>{label}</SubmitButton>
      </div>
      <Outcome state={state} />
    </form>
  );
}
