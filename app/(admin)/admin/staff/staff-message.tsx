"use client";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/forms";

/** A staff form's outcome in the staff page's words where it has them (an invitation waiting, a link closed), else the shared ones. */
export function StaffMessage({ state, success }: { state: ActionResult<unknown>; success?: string }) {
  const t = useTranslations("staff");
  const te = useTranslations("errors");
  const key = state.ok ? undefined : state.formError;
  return (
    <div aria-live="polite" role="status">
      {key ? <p className="alert error">{t.has(`errors.${key}`) ? t(`errors.${key}`) : te.has(key) ? te(key) : te("unexpected")}</p> : null}
      {!key && state.ok && success ? <p className="alert ok">{success}</p> : null}
    </div>
  );
}
