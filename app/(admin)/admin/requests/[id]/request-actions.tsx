"use client";
import { useId } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/forms";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/forms/use-form-action";

/** The one input a request action may take: a reason or note (text), the code the person read back, or whom to assign. */
export type RequestActionField =
  | { name: "reason" | "note"; label: string; kind: "text" }
  | { name: "code"; label: string; kind: "code" }
  | { name: "assigneeId"; label: string; kind: "select"; options: { value: number; label: string }[] };

export type RequestActionProps = {
  action: FormAction;
  requestId: number;
  label: string;
  help?: string;
  field?: RequestActionField;
  /** A box to tick first, for a step that cannot be undone. */
  confirm?: string;
  tone?: string;
};

/** Refusals come back as codes; the form-level one (or one about an input not shown) is said in this page's words, below the button. */
function Outcome({ state, shownField }: { state: ActionResult; shownField?: string }) {
  const t = useTranslations("requestDetail");
  const other = state.ok ? undefined : Object.entries(state.fieldErrors ?? {}).find(([name, keys]) => name !== shownField && keys?.length);
  const code = state.ok ? null : (state.formError ?? other?.[1]?.[0] ?? (state.fieldErrors?.[shownField ?? ""]?.length ? null : "invalid"));
  return (
    <div aria-live="polite" role="status">
      {code ? <p className="alert error">{t.has(`errors.${code}`) ? t(`errors.${code}`) : t("errors.invalid")}</p> : null}
      {state.ok && state.message ? <p className="alert ok">{t("saved")}</p> : null}
    </div>
  );
}

/**
 * One request action: its help, an optional input (built on Field, so its error is linked to it), a confirm box
 * for irreversible steps, and a button. Done, the form empties for the next note; refused, it keeps what was typed.
 */
export function RequestActionForm({ action, requestId, label, help, field, confirm, tone = "button" }: RequestActionProps) {
  const t = useTranslations("requestDetail");
  const helpId = useId();
  const { state, form } = useFormAction(action, { resetOnSuccess: true });
  const errors = state.ok || !field ? undefined : state.fieldErrors?.[field.name];
  const errorText = (key: string) => (t.has(`errors.${key}`) ? t(`errors.${key}`) : t("errors.invalid"));
  return (
    <form {...form} className="stack card" style={{ gap: "0.5rem" }} aria-label={label} aria-describedby={help ? helpId : undefined}>
      <input type="hidden" name="requestId" value={requestId} />
      {help ? (
        <p className="muted" id={helpId}>
          {help}
        </p>
      ) : null}
      {field ? (
        <Field label={field.label} name={field.name} errors={errors} errorText={errorText}>
          {(p) =>
            field.kind === "select" ? (
              <select {...p}>
                {field.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            ) : field.kind === "code" ? (
              <input {...p} inputMode="numeric" autoComplete="off" maxLength={9} required />
            ) : (
              <textarea {...p} rows={2} required minLength={3} maxLength={2000} />
            )
          }
        </Field>
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
      <Outcome state={state} shownField={field?.name} />
    </form>
  );
}
