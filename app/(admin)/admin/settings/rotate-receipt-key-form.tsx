"use client";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { rotateReceiptKeyAction } from "./receipt-key-actions";

/** One button: a new key signs receipts from now on; the old one stays published. */
export function RotateReceiptKeyForm() {
  const t = useTranslations("receipts.keys");
  const { state, form } = useFormAction(rotateReceiptKeyAction);
  return (
    <form {...form} className="stack" noValidate aria-label={t("rotate")} aria-describedby="rotate-receipt-key-help">
      <FormMessage
        error={state.ok ? undefined : (state.formError ?? "invalid")}
        success={state.ok && state.message ? t("rotated") : undefined}
      />
      <input type="hidden" name="intent" value="rotate-receipt-key" />
      <p className="muted" id="rotate-receipt-key-help" style={{ margin: 0 }}>
        {t("rotateHelp")}
      </p>
      <div>
        <SubmitButton>{t("rotate")}</SubmitButton>
      </div>
    </form>
  );
}
