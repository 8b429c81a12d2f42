"use client";
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { revokeApiKeyAction } from "./actions";

/** Revocation asks once more, in place: it cannot be undone and cuts off whoever uses the key. */
export function RevokeApiKeyButton({ keyId, name }: { keyId: number; name: string }) {
  const t = useTranslations("apiKeys");
  const { state, form } = useFormAction(revokeApiKeyAction);
  const [confirming, setConfirming] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);

  if (!confirming) {
    return (
      <div className="stack" style={{ gap: "0.5rem" }}>
        <button type="button" className="button danger small" onClick={() => setConfirming(true)} aria-label={t("revokeNamed", { name })}>
          {t("revoke")}
        </button>
        {state.ok ? null : <FormMessage error={state.formError} />}
      </div>
    );
  }
  return (
    <form {...form} className="stack" style={{ gap: "0.5rem" }} role="group" aria-label={t("confirmLabel", { name })}>
      <input type="hidden" name="keyId" value={keyId} />
      <p style={{ margin: 0 }}>{t("confirmText", { name })}</p>
      {state.ok ? null : <FormMessage error={state.formError} />}
      <div className="row" style={{ gap: "0.4rem" }}>
        <SubmitButton className="button danger small" pendingLabel={t("revoking")}>
          {t("confirmRevoke")}
        </SubmitButton>
        <button ref={cancelRef} type="button" className="button secondary small" onClick={() => setConfirming(false)}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}
