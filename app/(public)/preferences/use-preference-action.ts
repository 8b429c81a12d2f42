"use client";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/forms";
import { useGuardian } from "./guardian";

export type ShownNotice = { purpose: string; noticeVersion: number; noticeLocale: string };

/** Builds the form a preference action reads: the notice the subject was shown, plus the change. */
export function preferenceForm(notice: ShownNotice, extra: Record<string, string>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries({ ...notice, noticeVersion: String(notice.noticeVersion), ...extra })) form.set(k, v);
  return form;
}

/**
 * Runs a preference action in a transition. A grant for a minor first needs
 * the guardian's name: without it nothing is sent and the field says why.
 */
export function usePreferenceAction(action: (form: FormData) => Promise<ActionResult>) {
  const guardian = useGuardian();
  const [pending, start] = useTransition();
  const [result, setResult] = useState<ActionResult | null>(null);
  function run(form: FormData, { grant = false, optimistic }: { grant?: boolean; optimistic?: () => void } = {}) {
    if (pending) return;
    if (grant && guardian.required) {
      if (!guardian.name.trim()) return guardian.flag("guardian-required");
      form.set("guardianName", guardian.name);
    }
    start(async () => {
      optimistic?.();
      const r = await action(form);
      if (!r.ok && r.fieldErrors?.guardianName) guardian.flag(r.fieldErrors.guardianName[0] ?? "guardian-required");
      setResult(r);
    });
  }
  const formError =
    result && !result.ok
      ? (result.formError ?? (result.fieldErrors && !result.fieldErrors.guardianName ? "invalid" : undefined))
      : undefined;
  return { pending, run, formError };
}
