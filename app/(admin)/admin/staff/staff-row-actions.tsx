"use client";
import { useTranslations } from "next-intl";
import { roles, type Role } from "@/lib/auth/roles";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { changeRoleAction, resetTwoFactorAction, setActiveAction } from "./actions";

/** Role change and (de)activation for one colleague. */
export function StaffRowActions({
  userId,
  name,
  role,
  active,
  twoFactor,
}: {
  userId: number;
  name: string;
  role: Role;
  active: boolean;
  twoFactor: boolean;
}) {
  const t = useTranslations("staff");
  const tr = useTranslations("roles");
  const roleChange = useFormAction(changeRoleAction);
  const activation = useFormAction(setActiveAction);
  const reset = useFormAction(resetTwoFactorAction);
  const error = [roleChange.state, activation.state, reset.state].map((s) => (s.ok ? undefined : s.formError)).find(Boolean);
  return (
    <div className="stack" style={{ gap: "0.5rem" }}>
      <div className="row">
        <form {...roleChange.form} className="row" style={{ gap: "0.4rem" }}>
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
        <form {...activation.form}>
          <input type="hidden" name="userId" value={userId} />
          <input type="hidden" name="active" value={active ? "false" : "true"} />
          <SubmitButton className={active ? "button danger small" : "button secondary small"}>
            {active ? t("deactivate") : t("reactivate")}
          </SubmitButton>
        </form>
        {twoFactor ? (
          <form {...reset.form}>
            <input type="hidden" name="userId" value={userId} />
            <SubmitButton className="button secondary small">{t("resetTwoFactor", { name })}</SubmitButton>
          </form>
        ) : null}
      </div>
      {error ? <FormMessage error={error} /> : null}
    </div>
  );
}
