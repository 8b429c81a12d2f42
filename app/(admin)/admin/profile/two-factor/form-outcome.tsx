"use client";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/forms";

/** A refusal above a two-factor form, in this page's words (a locked code, a factor the brand requires), announced politely. */
export function FormOutcome({ state }: { state: ActionResult<unknown> }) {
  const t = useTranslations("twoFactor");
  const te = useTranslations("errors");
  const key = state.ok ? undefined : state.formError;
  const values = state.ok ? undefined : state.values;
  return (
    <div aria-live="polite" role="status">
      {key ? (
        <p className="alert error">
          {t.has(`errors.${key}`) ? t(`errors.${key}`, values) : te.has(key) ? te(key, values) : te("unexpected")}
        </p>
      ) : null}
    </div>
  );
}
