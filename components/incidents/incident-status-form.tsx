"use client";
import { useTranslations } from "next-intl";
import type { FormAction } from "@/components/forms/use-form-action";
import { useFormAction } from "@/components/forms/use-form-action";
import { SubmitButton } from "@/components/ui/submit-button";
import { IncidentField, useIncidentErrorText } from "./incident-form-parts";

/** Closes an open incident or reopens a closed one, with an optional note for the timeline. */
export function IncidentStatusForm({ id, status, action }: { id: number; status: "open" | "closed"; action: FormAction }) {
  const t = useTranslations("incidents.overview");
  const text = useIncidentErrorText();
  const { state, form } = useFormAction(action, { resetOnSuccess: true });
  const to = status === "open" ? "closed" : "open";
  return (
    <form {...form} className="stack">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="to" value={to} />
      <IncidentField label={t("closeNote")} name="note" errors={state.ok ? undefined : state.fieldErrors?.note}>
        {(p) => <textarea {...p} rows={2} />}
      </IncidentField>
      <div aria-live="polite" role="status">
        {!state.ok && state.formError ? <p className="alert error">{text(state.formError)}</p> : null}
      </div>
      <div className="row">
        <SubmitButton className={to === "closed" ? "button secondary" : "button"}>{t(to === "closed" ? "close" : "reopen")}</SubmitButton>
      </div>
    </form>
  );
}
