"use client";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { resendInviteAction, revokeInviteAction } from "./actions";
import { StaffMessage } from "./staff-message";

/** Send a waiting invitation again (a new link) or withdraw it. */
export function InviteRowActions({ inviteId, email }: { inviteId: number; email: string }) {
  const t = useTranslations("staff");
  const resend = useFormAction(resendInviteAction);
  const revoke = useFormAction(revokeInviteAction);
  const failed = [resend.state, revoke.state].find((s) => !s.ok);
  return (
    <div className="stack" style={{ gap: "0.5rem" }}>
      <div className="row">
        <form {...resend.form}>
          <input type="hidden" name="inviteId" value={inviteId} />
          <SubmitButton className="button secondary small">
            {t("resend")}
            <span className="visually-hidden"> {email}</span>
          </SubmitButton>
        </form>
        <form {...revoke.form}>
          <input type="hidden" name="inviteId" value={inviteId} />
          <SubmitButton className="button danger small">
            {t("revoke")}
            <span className="visually-hidden"> {email}</span>
          </SubmitButton>
        </form>
      </div>
      {failed ? (
        <StaffMessage state={failed} />
      ) : resend.state.ok && resend.state.message ? (
        <StaffMessage state={resend.state} success={t("resent")} />
      ) : null}
    </div>
  );
}
