"use client";
import { useTranslations } from "next-intl";
import { confirmationLimitDays } from "@/lib/propagation/confirmation-limit";
import { WholeNumberSettingForm } from "@/components/forms/whole-number-setting";
import { saveConfirmationLimitAction } from "./actions";

/** The days recipients have to confirm a propagated change (issue 14, deliverable 7), 1 to 90. */
export function ConfirmationLimitForm({ current }: { current: number }) {
  const t = useTranslations("brandSettings");
  const { min, max } = confirmationLimitDays;
  return (
    <WholeNumberSettingForm
      action={saveConfirmationLimitAction}
      name="confirmationLimitDays"
      id="confirmation-limit"
      current={current}
      range={confirmationLimitDays}
      text={{
        title: t("confirmationLimit"),
        label: t("confirmationLimitLabel"),
        help: t("confirmationLimitHelp", { min, max, default: confirmationLimitDays.default }),
        range: t("confirmationLimitRange", { min, max }),
        save: t("confirmationLimitSave"),
        saved: t("confirmationLimitSaved"),
      }}
    />
  );
}
