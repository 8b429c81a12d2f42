"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { roles, type Role } from "@/lib/auth/roles";
import type { ActionResult } from "@/lib/forms";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { changeRoleAction, setActiveAction } from "./actions";

/** Role change and (de)activation for one colleague. */
export function StaffRowActions({ userId, name, role, active }: { userId: number; name: string; role: Role; active: boolean }) {
  const t = useTranslations("staff");
  const tr = useTranslations("roles");
  const [roleState, roleAction] = useActionState<ActionResult, FormData>(changeRoleAction, { ok: true });
  const [activeState, activeAction] = useActionState<ActionResult, FormData>(setActiveAction, { ok: true });
  const error = (!roleState.ok && roleState.formError) || (!activeState.ok && activeState.formError) || undefined;
  return (
    <div className="stack" style={{ gap: "0.5rem" }}>
      <div className="row">
        <form action={roleAction} className="row" style={{ gap: "0.4rem" }}>
          <input type="hidden" name="userId" value={userId} />
          <label className="visually-hidden" htmlFor={`role-${userId}`}>
            {t("roleFor", { name })}
          </label>
          <select id={`role-${userId}`} name="role" defaultValue={role} key={role}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {tr(r)}
              </option>
            ))}
          </select>
          <SubmitButton className="button secondary small">{t("changeRole")}</SubmitButton>
        </form>
        <form action={activeAction}>
          <input type="hidden" name="userId" value={userId} />
          <input type="hidden" name="active" value={active ? "false" : "true"} />
          <SubmitButton className={active ? "button danger small" : "button secondary small"}>
            {active ? t("deactivate") : t("reactivate")}
          </SubmitButton>
        </form>
      </div>
      {error ? <FormMessage error={error} /> : null}
    </div>
  );
}
