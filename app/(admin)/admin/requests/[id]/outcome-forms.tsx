"use client";
import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { denialReasons, type DenialReason } from "@/lib/requests/vocabulary";
import { reasonsNeedingNote } from "@/lib/requests/outcome";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/forms/use-form-action";

type FormProps = { action: FormAction; requestId: number };

function useErrors(state: ReturnType<typeof useFormAction>["state"]) {
  const t = useTranslations("requestDetail");
  const text = (key: string) => (t.has(`errors.${key}`) ? t(`errors.${key}`) : t("errors.invalid"));
  const field = (name: string) => (state.ok ? undefined : state.fieldErrors?.[name]);
  const shown = ["outcome", "denialReason", "note", "confirm"];
  const other = state.ok ? undefined : Object.entries(state.fieldErrors ?? {}).find(([n, k]) => !shown.includes(n) && k?.length)?.[1]?.[0];
  const form = state.ok ? null : (state.formError ?? other ?? null);
  return { text, field, form };
}

/** The form-level refusal, or "saved", below the button. */
function Said({ state, form }: { state: ReturnType<typeof useFormAction>["state"]; form: string | null }) {
  const t = useTranslations("requestDetail");
  return (
    <div aria-live="polite" role="status">
      {form ? <p className="alert error">{t.has(`errors.${form}`) ? t(`errors.${form}`) : t("errors.invalid")}</p> : null}
      {state.ok && state.message ? <p className="alert ok">{t("saved")}</p> : null}
    </div>
  );
}

/** The reason code and the note, the note marked required where the reason needs one (exempt, other, a part withheld). */
function ReasonFields({ errors, noteAlways }: { errors: ReturnType<typeof useErrors>; noteAlways: boolean }) {
  const t = useTranslations("requestDetail");
  const [reason, setReason] = useState<DenialReason | "">("");
  const needsNote = noteAlways || (reason !== "" && reasonsNeedingNote.includes(reason));
  return (
    <>
      <Field
        label={noteAlways ? t("outcome.withheldReason") : t("outcome.reason")}
        name="denialReason"
        errors={errors.field("denialReason")}
        errorText={errors.text}
      >
        {(p) => (
          <select {...p} required value={reason} onChange={(e) => setReason(e.target.value as DenialReason)}>
            <option value="">{t("outcome.choose")}</option>
            {denialReasons.map((r) => (
              <option key={r} value={r}>
                {t(`outcome.reasons.${r}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label={noteAlways ? t("outcome.withheldNote") : needsNote ? t(`outcome.noteFor.${reason}`) : t("outcome.noteOptional")}
        name="note"
        errors={errors.field("note")}
        errorText={errors.text}
        help={t("outcome.noteHelp")}
      >
        {(p) => <textarea {...p} rows={2} maxLength={2000} required={needsNote} minLength={needsNote ? 3 : undefined} />}
      </Field>
    </>
  );
}

/** Completing a request: in whole, or in part with what was withheld and why; then the confirm box and the button. */
export function CompleteForm({
  action,
  requestId,
  label,
  help,
  confirm,
  tone,
}: FormProps & { label: string; help: string; confirm: string; tone: string }) {
  const t = useTranslations("requestDetail");
  const id = useId();
  const { state, form } = useFormAction(action);
  const errors = useErrors(state);
  const [outcome, setOutcome] = useState<"complied" | "complied_in_part">("complied");
  return (
    <form {...form} className="stack card" style={{ gap: "0.5rem" }} aria-label={label} aria-describedby={`${id}-help`}>
      <input type="hidden" name="requestId" value={requestId} />
      <p className="muted" id={`${id}-help`}>
        {help}
      </p>
      <fieldset className="stack" style={{ gap: "0.35rem", border: 0, padding: 0, margin: 0 }}>
        <legend style={{ fontWeight: 600 }}>{t("outcome.legend")}</legend>
        {(["complied", "complied_in_part"] as const).map((o) => (
          <label key={o} className="row" style={{ gap: "0.4rem", flexWrap: "nowrap", alignItems: "flex-start" }}>
            <input
              type="radio"
              name="outcome"
              value={o}
              checked={outcome === o}
              onChange={() => setOutcome(o)}
              style={{ marginTop: "0.3rem" }}
            />
            <span>{t(`outcome.outcomes.${o}`)}</span>
          </label>
        ))}
      </fieldset>
      {outcome === "complied_in_part" ? <ReasonFields errors={errors} noteAlways /> : null}
      <label className="row" style={{ gap: "0.4rem", flexWrap: "nowrap", alignItems: "flex-start" }}>
        <input type="checkbox" name="confirm" value="yes" required style={{ marginTop: "0.3rem" }} />
        <span>{confirm}</span>
      </label>
      <div>
        <SubmitButton className={tone}>{label}</SubmitButton>
      </div>
      <Said state={state} form={errors.form ?? errors.field("confirm")?.[0] ?? errors.field("outcome")?.[0] ?? null} />
    </form>
  );
}

/** Denying a request: the reason code (what §7102 counts) and the note the person is told with it. */
export function DenyForm({ action, requestId }: FormProps) {
  const t = useTranslations("requestDetail");
  const id = useId();
  const { state, form } = useFormAction(action);
  const errors = useErrors(state);
  return (
    <form {...form} className="stack card" style={{ gap: "0.5rem" }} aria-label={t("deny")} aria-describedby={`${id}-help`}>
      <input type="hidden" name="requestId" value={requestId} />
      <p className="muted" id={`${id}-help`}>
        {t("denyHelp")}
      </p>
      <ReasonFields errors={errors} noteAlways={false} />
      <div>
        <SubmitButton className="button secondary">{t("deny")}</SubmitButton>
      </div>
      <Said state={state} form={errors.form} />
    </form>
  );
}
