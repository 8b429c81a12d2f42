"use client";
import { useFormatter, useTranslations } from "next-intl";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/forms/use-form-action";

// Refusals the policy page words itself (privacyPolicy.admin); anything else is the shared "errors" catalog's.
const own: Record<string, string> = {
  refused: "refused",
  refusedSubmit: "refusedSubmit",
  "policy-stale": "stale",
  "policy-in-review": "inReview",
};

/**
 * One button that runs one step of the policy's workflow and says how it went; a refusal for missing checklist
 * items names each ("Republic of Korea: Privacy officer") from `itemLabels`.
 */
export function PolicyAction({
  action,
  hidden = {},
  label,
  tone = "button",
  itemLabels = {},
}: {
  action: FormAction<Record<string, number>> | FormAction;
  hidden?: Record<string, string | number>;
  label: string;
  tone?: string;
  itemLabels?: Record<string, string>;
}) {
  const t = useTranslations("privacyPolicy.admin");
  const format = useFormatter();
  const { state, form } = useFormAction(action as FormAction<Record<string, number>>);
  const failure = state.ok ? null : state;
  const codes = typeof failure?.values?.items === "string" ? failure.values.items.split(",").filter(Boolean) : [];
  const items = format.list(
    codes.map((c) => itemLabels[c] ?? c),
    { type: "conjunction" },
  );
  const mine = failure?.formError ? own[failure.formError] : undefined;
  const success = state.ok && state.message ? state.message : null;
  return (
    <form {...form} className="stack" style={{ gap: "0.4rem" }}>
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <div>
        <SubmitButton className={tone}>{label}</SubmitButton>
      </div>
      {mine ? (
        <div aria-live="polite" role="status">
          <p className="alert error">{t(mine, { items })}</p>
        </div>
      ) : (
        <FormMessage
          error={failure?.formError}
          success={success && t.has(success) ? t(success, { count: state.ok ? (state.data?.count ?? 0) : 0 }) : undefined}
        />
      )}
    </form>
  );
}
