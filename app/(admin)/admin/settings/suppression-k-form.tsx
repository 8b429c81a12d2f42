"use client";
import { useTranslations } from "next-intl";
import { suppressionK } from "@/lib/metrics/suppression";
import { WholeNumberSettingForm } from "@/components/forms/whole-number-setting";
import { saveSuppressionKAction } from "./actions";

/** k (issue 20): consent counts below it read "< k" for everyone but privacy officers; from 5. */
export function SuppressionKForm({ current }: { current: number }) {
  const t = useTranslations("brandSettings");
  const { min, max } = suppressionK;
  return (
    <WholeNumberSettingForm
      action={saveSuppressionKAction}
      name="suppressionK"
      id="suppression-k"
      current={current}
      range={suppressionK}
      text={{
        title: t("suppression"),
        label: t("suppressionLabel"),
        help: t("suppressionHelp", { min, max, default: suppressionK.default }),
        range: t("suppressionRange", { min, max }),
        save: t("suppressionSave"),
        saved: t("suppressionSaved"),
      }}
    />
  );
}
