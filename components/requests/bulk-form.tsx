"use client";
import { useEffect, useId, useRef, useState } from "react";
import type { ActionResult } from "@/lib/forms";
import { useTranslations } from "next-intl";
import { bulkActions, MAX_BULK, type BulkAction, type BulkResult } from "@/lib/requests/bulk";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/forms/use-form-action";
import { BulkOutcome } from "./bulk-outcome";
import { clearBulkSelection, useBulkSelection } from "./use-bulk-selection";

type Props = {
  /** The form's id, which the queue's row checkboxes name in their form attribute. */
  formId: string;
  action: FormAction<BulkResult>;
  assignees: { value: number; label: string }[];
};

/**
 * Acting on the requests ticked in the queue: choose what to do and its input, review how many and which
 * (by reference), then confirm. The server checks each request again and says what it did and what it refused.
 */
export function BulkForm({ formId, action, assignees }: Props) {
  const t = useTranslations("bulk");
  const titleId = useId();
  const selected = useBulkSelection(formId);
  const [kind, setKind] = useState<BulkAction>("assign");
  const [assignee, setAssignee] = useState(String(assignees[0]?.value ?? "none"));
  const [problem, setProblem] = useState<string | null>(null);
  const { state, form } = useFormAction(action);
  // The review stays open until anything changes or a result comes: it belongs to the result it was opened after.
  const [reviewedAfter, setReviewedAfter] = useState<ActionResult<BulkResult> | null>(null);
  const reviewing = reviewedAfter === state;
  const setReviewing = (open: boolean) => setReviewedAfter(open ? state : null);
  const confirmRef = useRef<HTMLDivElement>(null);
  const errorText = (key: string) => (t.has(`errors.${key}`) ? t(`errors.${key}`) : t("errors.invalid"));
  const fieldErrors = state.ok ? undefined : state.fieldErrors;
  const assigneeName = assignees.find((a) => String(a.value) === assignee)?.label ?? t("nobody");

  // Once done, the ticks go so the next selection starts afresh.
  useEffect(() => {
    if (state.ok && state.data) clearBulkSelection(formId);
  }, [state, formId]);
  useEffect(() => {
    if (reviewing) confirmRef.current?.focus();
  }, [reviewing]);

  const review = () => {
    const input = form.ref.current;
    if (selected.length === 0) return setProblem("none-selected");
    if (selected.length > MAX_BULK) return setProblem("too-many");
    if (input && !input.reportValidity()) return setProblem(null);
    setProblem(null);
    setReviewing(true);
  };
  const formError = problem ?? (state.ok ? null : (state.formError ?? fieldErrors?.ids?.[0] ?? fieldErrors?.confirm?.[0] ?? null));

  return (
    <section className="card stack" aria-labelledby={titleId} style={{ gap: "0.75rem" }}>
      <h2 id={titleId} style={{ margin: 0, fontSize: "1.05rem" }}>
        {t("title")}
      </h2>
      <p className="muted" style={{ margin: 0 }}>
        {t("help")}
      </p>
      <form id={formId} {...form} className="stack" style={{ gap: "0.75rem" }} aria-labelledby={titleId}>
        <p aria-live="polite" style={{ margin: 0, fontWeight: 600 }}>
          {t("selected", { count: selected.length })}
        </p>
        <div className="row" style={{ alignItems: "flex-start", flexWrap: "wrap" }}>
          <Field label={t("action")} name="action" errors={fieldErrors?.action} errorText={errorText}>
            {(p) => (
              <select
                {...p}
                value={kind}
                onChange={(e) => {
                  setKind(e.target.value as BulkAction);
                  setReviewing(false);
                }}
              >
                {bulkActions.map((a) => (
                  <option key={a} value={a}>
                    {t(`actions.${a}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {kind === "assign" ? (
            <Field label={t("assignee")} name="assigneeId" errors={fieldErrors?.assigneeId} errorText={errorText}>
              {(p) => (
                <select
                  {...p}
                  value={assignee}
                  onChange={(e) => {
                    setAssignee(e.target.value);
                    setReviewing(false);
                  }}
                >
                  {assignees.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                  <option value="none">{t("nobody")}</option>
                </select>
              )}
            </Field>
          ) : null}
        </div>
        {kind === "assign" ? null : (
          <Field
            key={kind}
            label={t(kind === "note" ? "note" : kind === "extend" ? "extendReason" : "rejectReason")}
            name={kind === "note" ? "note" : "reason"}
            errors={fieldErrors?.[kind === "note" ? "note" : "reason"]}
            errorText={errorText}
            help={kind === "note" ? undefined : t(kind === "extend" ? "extendHelp" : "rejectHelp")}
          >
            {(p) => <textarea {...p} rows={2} required minLength={3} maxLength={2000} onChange={() => setReviewing(false)} />}
          </Field>
        )}
        {reviewing ? (
          <div ref={confirmRef} tabIndex={-1} role="group" aria-label={t("confirmTitle")} className="stack" style={{ gap: "0.5rem" }}>
            <input type="hidden" name="confirm" value="yes" />
            <p style={{ margin: 0 }}>{t(`confirm.${kind}`, { count: selected.length, name: assigneeName })}</p>
            <ul aria-label={t("confirmList")} style={{ margin: 0, paddingLeft: "1.2rem", maxHeight: "10rem", overflow: "auto" }}>
              {selected.map((s) => (
                <li key={s.id} style={{ fontFamily: "var(--mono)", fontSize: "0.9em" }}>
                  {s.ref}
                </li>
              ))}
            </ul>
            <div className="row">
              <SubmitButton>{t("confirmButton", { count: selected.length })}</SubmitButton>
              <button type="button" className="button secondary" onClick={() => setReviewing(false)}>
                {t("cancel")}
              </button>
            </div>
          </div>
        ) : (
          <div>
            <button type="button" className="button" onClick={review}>
              {t("review")}
            </button>
          </div>
        )}
        <div role="status" aria-live="polite">
          {formError ? <p className="alert error">{errorText(formError)}</p> : null}
        </div>
      </form>
      {state.ok && state.data ? <BulkOutcome result={state.data} /> : null}
    </section>
  );
}
